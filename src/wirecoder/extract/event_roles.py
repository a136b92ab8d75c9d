"""Who does an event and to whom, read from the parse: subjects and controllers, objects and
target prepositions, the parties of an event noun, pronouns in reported speech, and whether a
token can name a party at all. Used by the event coder (extract/events.py)."""

from __future__ import annotations

from ..knowledge.plover import plover_type, types_in
from ..lang.en import words
from .actor_index import ActorIndex
from .common import is_infinitive
from .common import lemma as _lemma
from .event_tables import event_words, held_idioms
from .event_trigger import Lexeme, Trigger
from .modality import outside_governors, reporting_verb

SPEECH_VERBS = words("speech_verbs", quotes="yes")


# Verbs whose subject undergoes an act that comes "from" someone else.
RECEIVING_VERBS = event_words("receiving_verb")


_TARGET_PREPS = event_words("target_prep")


_WITH_PREPS = event_words("with_prep")


MEDIA_OBJECTS = event_words("media_object")


def role_phrase(tok):
    """The argument's noun phrase without relative clauses and appositives."""
    left = tok.left_edge.i
    right = tok.i
    for child in tok.children:
        if child.i > tok.i and child.dep_ in ("compound", "flat", "nummod", "amod"):
            right = max(right, child.right_edge.i)
    return tok.doc[left:right + 1]


def with_conjuncts(tok) -> list:
    out = [tok]
    for child in tok.children:
        if child.dep_ == "conj":
            out.extend(with_conjuncts(child))
    return out


def subjects_of(verb) -> tuple[list, list]:
    """(sources, targets) from the subjects of `verb`, climbing to a controller when it has none."""
    tok = verb
    # a passive with no subject of its own ("before being shot by police"): its controller is the
    # one it is done to, and only its own "by" phrase names who does it
    own_passive = any(c.dep_ == "auxpass" for c in verb.children) or (
        # "was convicted of abuse and sentenced to six years": a participle joined to a passive
        # shares its "was", so it is passive too
        verb.dep_ == "conj" and verb.tag_ == "VBN"
        and any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.head.children))
    own_agents = [t for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
                  for t in with_conjuncts(g)]
    if _reduced_passive(verb, own_agents):
        # headline passives with no "was": "Protester beaten unconscious by police", "Man shot dead"
        return own_agents, [t for c in verb.children if c.dep_ == "nsubj" for t in with_conjuncts(c)]
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN", "PRON") \
            and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children):
        # "Five soldiers wounded in ambush", "the men detained": the noun a participle
        # qualifies is the one it was done to
        return own_agents, with_conjuncts(verb.head)
    for _ in range(6):
        subj = [c for c in tok.children if c.dep_ in ("nsubj", "csubj")]
        passive = [c for c in tok.children if c.dep_ == "nsubjpass"]
        agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if subj and tok.i != verb.i and tok.pos_ == "ADJ" and verb.tag_ == "VBN" and verb.dep_ == "conj":
            # "Many people dead and wounded": a participle beside a state shares its holder
            return own_agents, [t for s in subj for t in with_conjuncts(s)]
        if (subj or passive) and own_passive and tok.i != verb.i:
            # "he had been killed soon after being captured": the one killed was the one captured
            return own_agents, [t for s in subj or passive for t in with_conjuncts(s)]
        if subj and tok.i != verb.i and _extraposed(tok, subj):
            return [], []  # "It took the jury two hours to convict Lopez": "it" is no one
        if subj:
            return [t for s in subj for t in with_conjuncts(s)], []
        if passive and tok.i != verb.i and verb.tag_ == "VBN" and verb.dep_ in ("xcomp", "oprd") \
                and tok.i == verb.head.i:
            # "51 people were reported killed": a participle under a passive is passive too
            return [t for a in own_agents for t in with_conjuncts(a)], [t for p in passive for t in with_conjuncts(p)]
        if passive and tok.i != verb.i:
            # "are you permitted to go after them": the one permitted is the one who acts
            return [t for p in passive for t in with_conjuncts(p)], []
        if passive:
            return ([t for a in agents for t in with_conjuncts(a)],
                    [t for p in passive for t in with_conjuncts(p)])
        if tok.dep_ in ("xcomp", "pcomp", "advcl", "conj", "acomp", "prep", "pobj", "ccomp", "relcl",
                        "acl") and tok.head.i != tok.i:
            if tok.dep_ == "relcl":  # "the fight which saw Border Patrol return fire"
                break
            owners = _infinitive_owners(tok)
            if owners:  # "rejected Trump's plan to send troops": Trump would send them
                return owners, []
            tok = tok.head
            if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass") and tok.head.i != tok.i:
                tok = tok.head  # "put out a report accusing X": the report's author accuses
            continue
        break
    return [], []


def _infinitive_owners(tok) -> list:
    """The possessor of the noun an infinitive completes, who is to do it: "Trump's plan to send
    troops", "Russia's decision to withdraw"; none for another clause ("a plan to send troops")."""
    if tok.dep_ != "acl" or not is_infinitive(tok) or tok.head.pos_ not in ("NOUN", "PROPN"):
        return []
    # a possessive pronoun ("his proposal to deport") is left to the clause's subject, who most
    # often it is, as before
    return [t for c in tok.head.children if c.dep_ == "poss" and c.tag_ != "PRP$" for t in with_conjuncts(c)]


EXTRAPOSING = event_words("extraposing")


def _extraposed(head, subjects: list) -> bool:
    """Is the controller's subject an empty "it" standing for the infinitive ("It took two hours to
    convict him", "it is hard to sanction the bank")?"""
    if len(subjects) != 1 or subjects[0].lower_ != "it":
        return False
    holder = head.head if head.dep_ == "acomp" else head
    return _lemma(head) in EXTRAPOSING or _lemma(holder) in EXTRAPOSING


# States an act leaves the one it is done to in: "shot dead", "beaten unconscious".
RESULTING_STATES = event_words("resulting_state")


def _reduced_passive(verb, agents: list) -> bool:
    """Is `verb` a passive written without its auxiliary, as headlines do? Its subject is then the
    one it is done to. Told by a "by" agent, a resulting state or a comma before it, with no
    object of its own."""
    children = list(verb.children)
    if verb.tag_ not in ("VBN", "VBD") or not any(c.dep_ == "nsubj" for c in children) \
            or any(c.dep_ in ("dobj", "aux", "auxpass") for c in children):
        return False
    # "Captain Khan, killed 12 years ago, was a hero": a participle set off by a comma from its
    # subject is a relative clause on it, not its verb
    # ("Mexico's government, under pressure, announced that ..." is the subject's own verb: it has
    # no later predicate and governs a clause)
    after_comma = verb.i > 0 and verb.doc[verb.i - 1].text == ","
    set_off = after_comma and not any(c.dep_ in ("ccomp", "xcomp") for c in children) and any(
        c.dep_ == "conj" and c.i > verb.i and c.pos_ in ("VERB", "AUX") for c in children)
    return bool(agents) or set_off or any(c.dep_ in ("oprd", "advmod", "acomp") and c.lower_ in RESULTING_STATES
                                          for c in children)


# Verbs whose subject undergoes the event a phrase after them names: "died after torture",
# "died in the shooting" (noun_roles here, and events.py's sufferer of a bare mention).
SUFFERING_VERBS = event_words("suffering_verb")


def at_hands_of(tok) -> list:
    """Who "at the hands of" names as the doer: "died in a shooting at the hands of a former
    employee"."""
    return [who for at in tok.children if at.dep_ == "prep" and at.lower_ == "at"
            for hands in at.children if hands.dep_ == "pobj" and hands.lower_ == "hands"
            for of in hands.children if of.dep_ == "prep" and of.lower_ == "of"
            for who in of.children if who.dep_ == "pobj"]


# Verbs of being in a state: the subject of "remain in custody" is the one held.
STATE_VERBS = event_words("state_verb")

# Participles that name who stands behind an act: "a Saudi-led strike", "Iranian-backed attacks".
LEADING_PARTICIPLES = event_words("leading_participle")

# Event nouns whose possessor is the one the act is done to, not the one who does it.
PATIENT_POSSESSOR_NOUNS = event_words("patient_possessor_noun")


# Inside an object phrase these name the other party: "blockade of X", "demands from X",
# "borders with X".
_OBJECT_PHRASE_PREPS = event_words("object_phrase_prep")


def _target_preps(anchor, preps: set[str], depth: int = 0) -> list:
    """pobj of target prepositions under `anchor`, through its objects but never into a clause.
    Inside an object phrase "of" names the affected party too ("lifted its blockade of the U.K.")."""
    found = []
    for child in anchor.children:
        if child.dep_ in ("prep", "dative") and (child.lower_ in preps or depth > 0 and
                                                 child.lower_ in _OBJECT_PHRASE_PREPS):
            found.extend(t for p in child.children if p.dep_ == "pobj" for t in with_conjuncts(p))
        elif depth < 4 and child.dep_ in ("dobj", "prep", "pobj", "conj", "npadvmod"):
            found.extend(_target_preps(child, preps, depth + 1))
    return found


def _target_preps_for(lex: Lexeme) -> set[str]:
    """The prepositions that introduce the target of an event of this kind."""
    # each type's own (knowledge/plover_types.tsv): "accused X of", "withdrew its troops from X",
    # "a ceasefire with X", "clashed with X"
    preps = set(_TARGET_PREPS) | plover_type(lex.type).target_preps
    if lex.role == "recip":
        preps |= _WITH_PREPS
    return preps


def objects_of(trigger: Trigger) -> list:
    """Target candidates, best first: objects, then target prepositions, then the subject of a
    clause the verb governs ("demanded that Yediyurappa step down")."""
    verb = trigger.token
    end = trigger.end_token
    candidates = []
    # "mobilized the army": the forces moved are the means; whom or where they go is the target
    if trigger.lexeme.role != "sv" and trigger.lexeme.type not in types_in("moves_forces"):
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") and (end is None or child.i != end.i):
                candidates.extend(with_conjuncts(child))
    preps = _target_preps_for(trigger.lexeme)
    candidates += _target_preps(verb, preps)
    if end is not None and end.dep_ == "prep":
        candidates += [t for p in end.children if p.dep_ == "pobj" for t in with_conjuncts(p)]
    for child in verb.children:
        if child.dep_ == "ccomp" and child.pos_ == "ADJ" and child.i > verb.i:
            # "found [the company guilty]": a small clause's subject is whom the verdict is on
            candidates += [t for c in child.children if c.dep_ == "nsubj" for t in with_conjuncts(c)]
    for child in verb.children if trigger.lexeme.type in types_in("clause_target") else ():
        if child.dep_ == "ccomp" and child.pos_ != "ADJ" and child.i > verb.i and _lemma(child) not in SPEECH_VERBS:
            candidates += [t for c in child.children if c.dep_ in ("nsubj", "nsubjpass")
                           for t in with_conjuncts(c)]
    return candidates


# Head nouns that name people or armed groups even when no sector table lists them.
_AGENT_HEADS = event_words("agent_head")


_WEAPONS = event_words("weapon")


def is_agentive(tok) -> bool:
    return _lemma(tok) in _AGENT_HEADS or tok.lower_ in _AGENT_HEADS or _lemma(tok) in _WEAPONS


PERMISSION_NOUNS = event_words("permission_noun")


def permitted_party(tok, end_tok, index: ActorIndex):
    """Who is allowed: the indirect object of 'give/grant ... permission', an actor the parser
    hung on 'permission' as a compound, or the subject of its 'for X to ...' clause."""
    noun = end_tok if end_tok is not None and _lemma(end_tok) in PERMISSION_NOUNS else None
    if noun is None:
        noun = next((c for c in tok.children if c.dep_ == "dobj" and _lemma(c) in PERMISSION_NOUNS), None)
    if noun is None:
        return None
    candidates = [c for c in tok.children if c.dep_ == "dative"]
    candidates += [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    candidates += [c for c in noun.children if c.dep_ == "compound" and c.pos_ == "NOUN"
                   and any(g.dep_ in ("amod", "compound") and g.i < c.i for g in noun.children)]
    for clause in list(tok.children) + list(noun.children):
        if clause.dep_ in ("advcl", "acl") and any(m.dep_ == "mark" and m.lower_ == "for" for m in clause.children):
            candidates += [c for c in clause.children if c.dep_ == "nsubj"]
    return next((c for c in candidates if is_actorish(c, index)), None)


def speaker_for_pronoun(tok):
    """'The United Nations said it will investigate': `it` is the one who said so."""
    if tok.tag_ != "PRP" or tok.lower_ not in _THIRD_PERSON_SUBJECTS:
        return tok
    speech = reporting_verb(tok)
    if speech is None and tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp" \
            and _lemma(tok.head.head) in SPEECH_VERBS:
        speech = tok.head.head  # "The committee declared that it will not end the strike"
    if speech is None or _in_direct_quote(tok, speech):
        return tok  # '"He shot one man," said the spokesman': in the speaker's words, "he" is another
    speakers, _ = subjects_of(speech)
    if speakers and speakers[0].tag_ != "PRP":
        return speakers[0]
    return tok


_OPENING_MARKS = {'"', "“", "‘", "«"}


def _in_direct_quote(tok, speech) -> bool:
    """Is the token inside quotation marks that the speech verb frames (the speaker's own words)?"""
    lo, hi = sorted((tok.i, speech.i))
    return any(t.text in _OPENING_MARKS or t.text == "”" for t in tok.doc[max(lo - 30, tok.sent.start):hi + 1])


def antecedent_of(tok, event_noun=lambda lemma: False):
    """A relative pronoun's noun: 'organizations who are targeting' -> organizations; and an event
    noun when the clause hangs on its object: "the bombing of a clinic that killed an officer" is
    the bombing's doing, not the clinic's (`event_noun(lemma)` tells an event noun)."""
    if tok.tag_ not in ("WDT", "WP") or tok.head.dep_ != "relcl":
        return tok
    noun = tok.head.head
    prep = noun.head
    if noun.dep_ == "pobj" and prep.dep_ == "prep" and prep.lower_ in ("of", "at", "on", "in", "against") \
            and prep.head.i != prep.i and event_noun(_lemma(prep.head)):
        return prep.head
    return noun


# "post"/"station" with a security or site compound is an installation: "a police post".
INSTALLATION_NOUNS = event_words("installation_noun")


INSTALLATION_MODIFIERS = event_words("installation_modifier")


def is_media_object(tok) -> bool:
    """'released a statement', 'issued a report': publishing, not an event between actors."""
    lemma = tok.lemma_.lower()
    if lemma in INSTALLATION_NOUNS and any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in INSTALLATION_MODIFIERS for c in tok.children):
        return False  # "attacked a police post": a place, not a social-media post
    return lemma in MEDIA_OBJECTS


# Prepositions that put another event beside the clause's own: "retaliating after the embassy
# bombings, U.S. forces launched strikes" does not make U.S. forces the bombers.
OTHER_EVENT_PREPS = event_words("other_event_prep")


def _named_before(noun, sources: list, targets: list) -> tuple[list, list]:
    """The parties named by the modifiers before an event noun, where its own phrase named none."""
    named = [c for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i
             and c.ent_type_ in ("NORP", "ORG", "GPE", "PERSON")]
    if not targets and _lemma(noun) in PATIENT_POSSESSOR_NOUNS:
        # "the Slepian shooting", "the Kennedy assassination": a person named before it undergoes it
        targets = [c for c in named if c.ent_type_ == "PERSON"][:1]
    if not sources:
        # "a Taliban attack", "Russian airstrikes": a named modifier is who acts
        sources = [c for c in named if c not in targets][:1]
    if not sources:
        # "a Saudi-led strike", "Iranian-backed attacks": who leads or backs it acts
        sources = [g for c in noun.children if c.dep_ == "amod" and _lemma(c) in LEADING_PARTICIPLES
                   for g in c.children if g.ent_type_ in ("NORP", "ORG", "GPE", "PERSON")][:1]
    return sources, targets


def first_conjunct(noun):
    """The first of coordinated event nouns ("rejection" in "its rejection and condemnation of
    X"), which holds the place in the clause that they share; not a noun of another kind ("large
    numbers of armed groups and frequent clashes")."""
    from .event_triggers import noun_lexicon  # event_triggers reads this module

    while noun.dep_ == "conj" and noun.head.pos_ == "NOUN" and _lemma(noun.head) in noun_lexicon():
        noun = noun.head
    return noun


def _conjuncts_targets(noun, preps: set[str]) -> list:
    """The target a later coordinated noun names for both: "launched airstrikes and artillery
    attacks on the rebel positions"."""
    return next((found for c in noun.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
                 if (found := _target_preps(c, preps))), [])


def noun_roles(trigger: Trigger) -> tuple[list, list]:
    noun = trigger.token
    lex = trigger.lexeme
    sources, targets = [], []
    preps = _target_preps_for(lex)
    between: list = []
    for child in noun.children:
        if child.dep_ == "poss" and child.ent_type_ != "DATE":
            # "the tanker's release", "Navalny's arrest", "a warrant for his arrest": the
            # possessor undergoes the act (a pronoun too: who "his" is, coreference tells)
            if _lemma(noun) in PATIENT_POSSESSOR_NOUNS and child.pos_ in ("PROPN", "NOUN", "PRON"):
                targets.append(child)
            elif child.pos_ in ("PROPN", "NOUN"):
                sources.append(child)
        if child.dep_ == "prep":
            objs = [p for p in child.children if p.dep_ == "pobj"]
            if child.lower_ == "between" and objs:
                between = with_conjuncts(objs[0])
                sources.append(between[0])
                targets.extend(between[1:])
            elif child.lower_ == "by":
                sources.extend(objs)
    sources, targets = _named_before(noun, sources, targets)
    if not targets:
        targets = _target_preps(noun, preps) or _conjuncts_targets(noun, preps)
    # "Denmark announced a suspension of aid", "agreed to a ceasefire": whoever does the governing
    # verb owns the act; "expressed its rejection and condemnation of X": the condemnation too.
    governor, top = trigger.frame, first_conjunct(noun)
    if governor is None and top.dep_ in ("dobj", "nsubjpass") and top.head.pos_ == "VERB":
        governor = top.head
    elif governor is None and top.dep_ == "pobj" and top.head.pos_ == "ADP" \
            and top.head.head.pos_ == "VERB" and top.head.lower_ not in OTHER_EVENT_PREPS:
        governor = top.head.head
    if governor is not None and _lemma(governor) in RECEIVING_VERBS:
        # "Iran faces criticism from the U.N.": the one it comes from acts on the one who faces it
        givers = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "from"
                  for p in c.children if p.dep_ == "pobj"]
        receivers, _ = subjects_of(governor)
        if givers:
            return sources + givers, targets + receivers
        # "America experienced attacks upon its shores": who undergoes it is no doer of it
        return sources, [r for r in receivers if r.i != noun.i] + targets
    if governor is not None and between:
        # "Putin launched a mediation effort between India and Pakistan": whoever launches it
        # stands apart from the parties it is between
        third = [s for s in subjects_of(governor)[0] if s.i != noun.i and s.i not in {b.i for b in between}]
        if third:
            return third, between
    if governor is not None and _lemma(governor) in outside_governors():
        return sources, targets  # "the navy foiled an attack": the act is not the navy's
    if governor is not None and trigger.idiom and not targets \
            and (noun.head.lower_, _lemma(noun)) in held_idioms():
        # "six suspects remain in custody", "the city is under siege", "was placed under arrest":
        # who is put in that state undergoes the act
        doers, held = subjects_of(governor)
        if _lemma(governor) in STATE_VERBS:
            doers, held = [], doers
        if held:
            return sources + [s for s in doers if s.i != noun.i], [s for s in held if s.i != noun.i]
    hands = at_hands_of(noun) or (at_hands_of(governor) if governor is not None else [])
    sources = sources or hands
    # "at" is a target preposition ("fired at"), but not in "at the hands of"
    targets = [t for t in targets if t not in hands and not (t.lower_ == "hands" and t.head.lower_ == "at")]
    if governor is not None and _lemma(governor) in SUFFERING_VERBS:
        # "Parker and Ward died in an on-air shooting": who dies in it is who it hit
        sufferers, _ = subjects_of(governor)
        return sources, targets or [s for s in sufferers if s.i != noun.i]
    if governor is not None and not sources:
        governor_sources, _ = subjects_of(governor)
        sources.extend(s for s in governor_sources if s.i != noun.i)
    if governor is not None and not targets:
        targets = [t for t in _target_preps(governor, preps) if t.i != noun.i]
    return sources, targets


_PRONOUNS = words("pronouns", kind=("personal", "relative", "possessive"))


_THIRD_PERSON_SUBJECTS = words("pronouns", kind="personal", person="3", case=("subject", "both"))


NOT_ACTORS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY", "WORK_OF_ART",
               "EVENT", "LAW", "PRODUCT", "LANGUAGE"}


def is_actorish(tok, index: ActorIndex, as_source: bool = False) -> bool:
    """Could this token name a party to an event? Weapons count only as sources: a missile
    strikes, but is not what is struck."""
    if tok.ent_type_ in NOT_ACTORS:
        return False
    lemma = _lemma(tok)
    if index.actor_at(tok) is not None or tok.pos_ == "PROPN" or tok.ent_type_ in (
            "PERSON", "ORG", "GPE", "NORP") or lemma in _AGENT_HEADS or lemma in _PARTY_NOUNS:
        return True
    if as_source and lemma in _WEAPONS:
        return True
    # "Pakistan's intelligence services", "Chinese authorities": a named owner makes an actor
    return any(
        c.dep_ in ("poss", "nmod", "compound", "amod") and
        (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "NORP", "ORG")) for c in tok.children)


# Nouns for people and bodies that events happen to, beyond the sector table's actors.
_PARTY_NOUNS = event_words("party_noun")
