"""Is this trigger, here, a real event of its type? Sense checks read from knowledge tables.

A dictionary coder's classic false events are senses its lexicon does not tell apart: "beat the
bushes", "shares closed at $46", "a quake struck", "the two teams will clash", "in March". Two
tables hold that knowledge, each row with an example:
  - `domain_cues.tsv`: the words that place a sentence in a world where conflict verbs mean
    something else (sport, markets, polls and elections, fiction, disasters, accidents), and the
    words of armed violence that take that world's sense away again ("police shot a football fan");
  - `event_senses.tsv`: per trigger lemma (or `*`), for some event types, the evidence that the
    word is used in another sense: its object, particle, subject, modifiers, the entity it sits
    in, or the world of its sentence.
`other_sense(...)` returns the sense label of the first row that fits, or None.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..knowledge import load_tsv, noun_classes
from ..lang.en import words
from .abstractions import abstractions, only_laws
from .common import lemma as _lemma
from .event_sense_forms import FORM_KINDS, fits_form
from .event_tables import event_words

ARMED = "armed"
WORDS = "ACCUSE"  # the type a verbal "attack" is
SPEECH_VERBS = words("speech_verbs", quotes="yes")
LIGHT_VERBS = event_words("light_verb")
# How much of an article must be about one world for a single cue word to place a sentence there:
# a share of its sentences, and a number of them (a one-line text is no article about anything).
DOC_SHARE = 0.2
DOC_SENTENCES = 3
# Cue words are names of things and qualities: "cast" the verb is no cast of actors.
CUE_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADV"})


# Evidence that belongs to one mention (what this act is done to): the sense it gives a word is
# remembered for later mentions only when they are not done to a party ("the statement released
# by police" says nothing of "one of the men was released from custody").
MENTION_BOUND = frozenset({"object", "object_not", "object_abstract", "object_unarmed", "patient",
                           "prep_object", "particle", "complement", "no_patient"})


@dataclass(frozen=True)
class SenseRule:
    trigger: str  # a lemma, or * for any trigger
    types: frozenset[str]  # the event types it applies to; empty for any
    when: str  # which evidence: object, particle, subject, modifier, compound, entity, domain, ...
    values: frozenset[str]
    sense: str  # what the word means here instead: metaphor, sport, market, ...


@cache
def domain_cues() -> dict[str, frozenset[str]]:
    cues: dict[str, set[str]] = {}
    for row in load_tsv("domain_cues.tsv"):
        cues.setdefault(row["domain"], set()).add(row["cue"].lower())
    return {domain: frozenset(words) for domain, words in cues.items()}


@cache
def sense_rules() -> dict[str, tuple[SenseRule, ...]]:
    by_trigger: dict[str, list[SenseRule]] = {}
    for row in load_tsv("event_senses.tsv"):
        types = frozenset() if row["types"] in ("", "*") else frozenset(row["types"].split(","))
        rule = SenseRule(row["trigger"].lower(), types, row["when"],
                         frozenset(v.strip().lower() for v in row["values"].split("|") if v.strip()),
                         row["sense"])
        by_trigger.setdefault(rule.trigger, []).append(rule)
    return {k: tuple(v) for k, v in by_trigger.items()}


def _reporting(tok: Any) -> bool:
    """Is the word the one who reports, not one who acts: "State police say he was killed in the
    crash", "officers said"? Its armed cue then says nothing of the sentence's world."""
    return tok.dep_ == "nsubj" and _lemma(tok.head) in SPEECH_VERBS


class Worlds:
    """Which worlds (domains) each sentence of a document is in, from its cue words."""

    def __init__(self, doc: Any):
        cues = domain_cues()
        self._by_sentence: dict[int, Counter[str]] = {}
        share: Counter[str] = Counter()
        sentences = list(doc.sents)
        for sent in sentences:
            found: Counter[str] = Counter()
            for tok in sent:
                if tok.pos_ not in CUE_POS:
                    continue
                lemma = _lemma(tok)
                for domain, cue_words in cues.items():
                    if (lemma in cue_words or tok.lower_ in cue_words) and not (domain == ARMED and _reporting(tok)):
                        found[domain] += 1
            self._by_sentence[sent.start] = found
            share.update(set(found))
        n = max(len(sentences), 1)
        self._doc_share = {domain: count / n for domain, count in share.items() if count >= DOC_SENTENCES}
        # One sense per discourse: the sense a word-specific row gave a trigger word earlier in the
        # article, by (lemma, part of speech) ("the nurses' strike" ... "the strike continued").
        self.senses: dict[tuple[str, str], str] = {}
        # the words whose remembered sense came from one mention's object ("released a poll")
        self.mention_senses: set[tuple[str, str]] = set()
        # where the article has told of an armed act as done ("the deadly mass shooting"): a later
        # "the attack" refers back to it
        self.assaults_at: list[int] = []
        # where a word-specific row last gave a word a sense other than an assault: a shooting
        # told after it, not before, is what a later "the attack" refers back to
        self.sense_at: dict[str, int] = {}

    def cues(self, tok: Any) -> Counter[str]:
        """Cue words of each world in the token's sentence."""
        return self._by_sentence.get(tok.sent.start, Counter())

    def share(self, domain: str) -> float:
        """The share of the article's sentences with a cue of `domain` (0 below DOC_SENTENCES)."""
        return self._doc_share.get(domain, 0.0)

    def unarmed_article(self) -> bool:
        """Does no sentence of the article speak of armed violence or its actors?"""
        return not any(found.get(ARMED) for found in self._by_sentence.values())

    def armed(self, tok: Any) -> bool:
        """Does the token's sentence speak of armed violence or its actors?"""
        return bool(self._by_sentence.get(tok.sent.start, Counter()).get(ARMED))

    def of(self, tok: Any) -> set[str]:
        """The worlds of the token's sentence: two cue words, or one in an article much about it.
        Armed violence in the sentence cancels every world but disasters."""
        found = self._by_sentence.get(tok.sent.start, Counter())
        worlds = {d for d, k in found.items()
                  if d != ARMED and (k >= 2 or self._doc_share.get(d, 0.0) >= DOC_SHARE)}
        if found.get(ARMED):
            worlds &= {"disaster"}
        return worlds


# Words that count or group what follows them: "hundreds of hostages" are hostages.
_COUNTING = event_words("counting")


def counted(tok: Any) -> list[Any]:
    """What a count word counts: "thousands of workers" -> [workers]; nothing for other words."""
    if _lemma(tok) not in _COUNTING and not tok.like_num:
        return []
    return [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]


def _through_counts(words: list[Any]) -> list[Any]:
    out = []
    for w in words:
        out.append(w)
        out += counted(w)
    return out


def _objects(tok: Any) -> list[Any]:
    """"beat the bushes", "a demonstration of the product", "the time I can volunteer"."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "attr", "oprd")]
    objs += _objects_of_noun(tok)
    if not objs and tok.head.i != tok.i and (tok.dep_ == "relcl" or tok.dep_ == "acl" and tok.tag_ == "VBN"):
        objs = [tok.head]  # "the encryption deployed by Apple": a passive participle's noun
    return _through_counts(objs)


def _subjects(tok: Any) -> list[Any]:
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if tok.dep_ == "relcl" and tok.head.i != tok.i:
        # "a tourist who was visiting": the relative pronoun stands for the noun it hangs on
        subj = [tok.head if c.tag_ in ("WDT", "WP") else c for c in subj]
    head = tok
    for _ in range(2):  # "is inclined to attack Clinton": the controller's subject, two levels up
        if subj or head.dep_ not in ("xcomp", "conj", "advcl", "acomp", "pcomp") or head.head.i == head.i:
            break
        # "was fired after clashing with Nancy": through the preposition to the clause it modifies
        head = head.head.head if head.dep_ == "pcomp" else head.head
        subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and tok.dep_ in ("relcl", "acl", "amod") and tok.head.i != tok.i:
        subj = [tok.head]  # "a tourist visiting Uganda"
    agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return subj + agents


def _patients(tok: Any) -> list[Any]:
    """Who or what undergoes it: the object, or the subject of a passive ("Nichols was captured")."""
    return _objects(tok) + _through_counts([c for c in tok.children if c.dep_ == "nsubjpass"])


def _objects_of_noun(tok: Any) -> list[Any]:
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    return [c for p in tok.children if p.dep_ == "prep" and p.lower_ in ("on", "of", "against")
            for c in p.children if c.dep_ == "pobj"] + _held_under(tok)


def _held_under(tok: Any) -> list[Any]:
    """"his guiding principle under attack", "the compound was under attack": what is in that
    state undergoes the act (the noun "under" hangs on, or the subject of its verb)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "under" or prep.head.i == prep.i:
        return []
    holder = prep.head
    if holder.pos_ in ("NOUN", "PROPN"):
        return [holder]
    return [c for c in holder.children if c.dep_ in ("nsubj", "nsubjpass")]


_ROUND_NOUNS = event_words("round_noun")


def _parties(tok: Any) -> list[Any]:
    """The words naming who does it: subjects, agents, a noun's possessor or modifiers ("workers'
    strike"), and for a noun the subject of the verb that carries it ("workers went on strike")."""
    found = _subjects(tok)
    if tok.pos_ in ("NOUN", "PROPN"):
        found += [c for c in tok.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        head = tok.head
        if head.i != tok.i and head.dep_ == "prep":
            head = head.head
            if _lemma(head) in _ROUND_NOUNS and head.head.i != head.i:
                head = head.head  # "launching a new round of attacks": the verb that carries the round
        if head.i != tok.i:
            # "immigrants come under repeated assault by Mr. Trump": the carrying verb's agent
            found += [g for c in head.children if c.dep_ == "prep" and c.lower_ == "by" and c.i > tok.i
                      for g in c.children if g.dep_ == "pobj"]
            # the carrying verb's subject; a light verb's also up through a participle or a
            # control verb ("Sanders's allies are testing their muscle, mounting a public attack
            # on ..."), not a witness's ("was there and witnessed the attack")
            found += _subjects(head) if _lemma(head) in LIGHT_VERBS else [
                c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "an attack against Cruz by Sen. Graham": the noun's own agent
        found += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
                  for g in c.children if g.dep_ == "pobj"]
    return found


_PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _named_maker(noun: Any) -> bool:
    """Does an event noun name who makes it: "Iran's threat", "threats from Iran", "an ISIS threat"?"""
    for c in noun.children:
        if c.dep_ == "poss" or c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in _PARTY_LABELS:
            return True
        if c.dep_ == "prep" and c.lower_ in ("from", "by") and any(g.dep_ == "pobj" for g in c.children):
            return True
    return False


def _partnered(tok: Any) -> bool:
    """Does a meeting or talk name whom it is with: a with/to phrase, an object, or two subjects?"""
    if any(c.dep_ == "dobj" for c in tok.children):
        return True
    if any(c.dep_ == "prep" and c.lower_ in ("with", "to") and any(g.dep_ == "pobj" for g in c.children)
           for c in tok.children):
        return True
    return any(s.conjuncts for s in _subjects(tok))


def _has(words: list[Any], values: frozenset[str]) -> bool:
    return any(_lemma(w) in values or w.lower_ in values or w.ent_type_.lower() in values
               or any(f"{d.lower_} {w.lower_}" in values for d in w.children if d.dep_ == "det")  # "no one"
               for w in words)


def abstract_patients(tok: Any, abstract: frozenset[str]) -> bool:
    """Is whatever the act is done to an abstraction (`abstractions`)?"""
    return abstractions(_patients(tok), abstract)


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})


def _names_side(words: list[Any], values: frozenset[str]) -> bool:
    """Is one of the words a side of a dyad: one of the values (a label, a pronoun), a proper name
    that is not a place ("Sanders", which the parser may leave unlabelled), or a noun such a name
    modifies ("the Obama administration")?"""
    for w in words:
        named = [w] + [c for c in w.children if c.dep_ in ("compound", "poss")]
        if _has(named, values) or any(n.pos_ == "PROPN" and n.ent_type_ not in _PLACE_LABELS for n in named):
            return True
    return False


# Kinds that read who does it and to whom, and whether arms are in sight.
_SIDE_KINDS = frozenset({"verbal_dyad", "verbal_maker", "verbal_patient", "person_dyad", "no_patient"})


# Sectors of armed actors: a side the actor dictionary knows as one of these ("Hamas", "the Sinaloa
# Cartel") makes an attack no war of words, whoever the other side is; the doer's army or police too.
_ARMED_ANY_SIDE = frozenset({"REB", "CRM"})
_ARMED_DOER = _ARMED_ANY_SIDE | {"MIL", "COP"}


def _armed_name(words: list[Any], sectors: frozenset[str]) -> bool:
    """Does one of the words name an actor the dictionary holds in one of the sectors: the named
    entity it sits in, or the word with its compounds ("the Sinaloa Cartel")?"""
    from .actor_dictionary import dictionary  # lazily: the dictionary is read on first use

    known = dictionary()
    for w in words:
        names = {w.text, " ".join(t.text for t in w.subtree if t.dep_ == "compound" or t.i == w.i)}
        names.update(e.text for e in w.doc.ents if e.start <= w.i < e.end)
        if any(known.sectors(n) & sectors for n in names):
            return True
    return False


def _fits_sides(rule: SenseRule, tok: Any, worlds: Worlds) -> bool:
    if _armed_name(_doers(tok), _ARMED_DOER) or _armed_name(_patients(tok), _ARMED_ANY_SIDE):
        return False  # "Hamas attacked Fatah": an armed actor's attack is no war of words
    values = rule.values
    if rule.when == "verbal_dyad":  # "Trump has relentlessly attacked her": both sides are named
        # people or organisations (or pronouns for them) and no weapon is in sight, in the sentence
        # or the article: a war of words
        patients = _patients(tok) + [g for c in tok.children if c.dep_ == "prep" and c.lower_ in ("after", "at", "against", "with")
                     for g in c.children if g.dep_ == "pobj"]  # "gone after Kelly", "clashing with Nancy"
        doers = _doers(tok)
        return (not worlds.armed(tok) and worlds.share(ARMED) < DOC_SHARE
                and _names_side(doers, values) and _names_side(patients, values))
    if rule.when in ("verbal_maker", "verbal_patient"):  # "Mr. Trump's Twitter attacks", "the
        # attacks on Ms. Haley": a named person's attack, or one on a named person, with no weapon in
        # the sentence or the article and no instrument ("with a hammer"), is words
        side = _parties(tok) if rule.when == "verbal_maker" else _patients(tok)
        return _unarmed_words(tok, worlds) and _names_person(_with_names(side), values)
    if rule.when == "person_dyad":  # "Trump attacked Clinton for her support of military action":
        # a named person's act on a named person, with no instrument and no weapon in the act's own
        # words (the reason, "for ...", and the patient's description are not the act)
        patients = _patients(tok)
        return (_names_person(_with_names(_doers(tok)), values) and _names_person(_with_names(patients), values)
                and not _instrument([tok, *patients]) and not _armed_in_act(tok))
    if rule.when == "no_patient":  # "learning to shoot": an infinitive with no one and nothing it
        # is done to (no object, and none of these prepositions), no weapon in sight: a skill
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return False
        # a determiner or a modifier makes it the event noun: "the nightclub shooting"
        # weapons are judged in the act's own words and its doer's, not the sentence's: a gun
        # debate's "cling to guns" beside "taught her how to shoot"
        return (not _patients(tok) and not _conjuncts(tok)
                and not any(c.dep_ in ("det", "poss", "compound", "amod", "nummod") for c in tok.children)
                and not any(c.dep_ == "prep" and c.lower_ in values | {"with"} for c in tok.children)
                and not _armed_in_act(tok) and not any(_armed_in_act(p, own=True) for p in _parties(tok)))
    return False


# Kinds that read the trigger's grammatical form and its prepositions (event_sense_forms.py).
_FORM_KINDS = FORM_KINDS | {"prep_instead"}


def _fits_form(rule: SenseRule, tok: Any) -> bool:
    if rule.when == "prep_instead":  # "seized on the massacre": the preposition takes the place of
        # an object (not "seized 18 kilos on Monday")
        return not _objects(tok) and any(c.dep_ == "prep" and c.lower_ in rule.values for c in tok.children)
    return fits_form(rule.when, rule.values, tok)


def _refers_back(tok: Any, worlds: Worlds) -> bool:
    """"the attack" after the article told of a shooting as done: the same act, not a campaign's
    attack (a definite bare noun, no one named as making it)."""
    return (tok.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
            and not _named_maker(tok) and any(worlds.sense_at.get(_lemma(tok), -1) < i < tok.i
                                              for i in worlds.assaults_at))


def _fits(rule: SenseRule, tok: Any, end_tok: Any, worlds: Worlds) -> bool:
    values = rule.values
    if rule.when == "patient":
        return _has(_patients(tok), values)
    if rule.when == "party":  # values may also be entity labels in lower case ("person")
        return _has(_parties(tok), values)
    if rule.when == "governor":  # the verb whose object the trigger noun is ("face the threat"),
        # when no one is named as making it ("counter threats from Iran" is Iran's threat)
        head = tok.head.head if tok.head.dep_ == "prep" else tok.head
        return head.i != tok.i and _lemma(head) in values and not _named_maker(tok)
    if rule.when in _SIDE_KINDS:
        return _fits_sides(rule, tok, worlds)
    if rule.when in _FORM_KINDS:
        return _fits_form(rule, tok)
    if rule.when == "object_abstract":  # "kill off the siesta", "target this rise in crime"
        # a law by name needs no such guard: no arms can hit the Second Amendment
        patients = _patients(tok)
        return (not worlds.armed(tok) or only_laws(patients)) and abstractions(patients, values)
    if rule.when == "doer_abstract":  # "captured by a hard-line philosophy", "seized by panic"
        return not worlds.armed(tok) and abstractions(_agents(tok), values)
    if rule.when == "prep_object":  # a preposition and the noun it governs: "detained in hospital"
        # also on a coordinated verb: "shot and killed his father in a hunting accident"
        heads = [tok] + [c for c in tok.children if c.dep_ == "conj"]
        return any(f"{c.lower_} {_lemma(g)}" in values for h in heads for c in h.children if c.dep_ == "prep"
                   for g in c.children if g.dep_ == "pobj")
    if rule.when == "complement":  # what the object is called: "called him a kind, loving person"
        return any(_lemma(t) in values for c in tok.children if c.dep_ == "oprd" for t in c.subtree)
    if rule.when == "clause":  # the trigger governs one of these verbs: "help people understand"
        return any(c.dep_ in ("xcomp", "ccomp") and _lemma(c) in values for c in tok.children)
    if rule.when == "world_not":
        return not (worlds.of(tok) & values) and not worlds.armed(tok)
    if rule.when == "partner_not":  # verbs only: "talks" the noun are negotiations
        return tok.pos_ == "VERB" and not _partnered(tok)
    if rule.when == "object":
        return any(_lemma(o) in values or o.lower_ in values for o in _objects(tok) + (
            _objects(end_tok) if end_tok is not None and end_tok.i != tok.i else []))
    if rule.when == "object_unarmed":  # "attacking critics", but not with rifles: weapons in the
        # act's own words or its doer, not anywhere in the sentence ("seized the floor, looking for
        # a vote on gun control")
        return not _armed_in_act(tok) and any(_lemma(o) in values for o in _objects(tok))
    if rule.when == "generic_gerund":  # "Capturing drones is one option": an activity, not an act
        return tok.tag_ == "VBG" and tok.dep_ in values and not _subjects(tok) and all(
            _bare(o) for o in _objects(tok))
    if rule.when == "verb_dependent":  # a verb with a determiner is a noun: "these injured"
        return tok.pos_ == "VERB" and any(c.dep_ in values for c in tok.children)
    if rule.when == "conjunct":  # "his attacks and puerile insults", "attacked officers and blamed":
        # coordinated with words; an armed cue elsewhere in the sentence is the other conjunct's
        return any(_lemma(c) in values for c in _conjuncts(tok))
    if rule.when == "object_not":  # the sense needs one of these objects: "recalled its ambassador"
        objs = _objects(tok)
        return not any(_lemma(o) in values for o in objs)
    if rule.when == "particle":
        return any(c.dep_ == "prt" and c.lower_ in values for c in tok.children)
    if rule.when == "subject":
        return any(_lemma(s) in values or s.lower_ in values for s in _subjects(tok))
    if rule.when == "modifier":  # a modifier of the trigger, or of its governing verb
        mods = list(tok.children) + ([] if tok.head.i == tok.i else [tok.head])
        return any(_lemma(m) in values or m.lower_ in values for m in mods)
    if rule.when == "compound":  # values may be entity labels: "a Trump rally" (person)
        return _has([c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")], values)
    if rule.when == "compound_not":  # a noun that is an event only with one of these modifiers
        return not any(_lemma(c) in values or c.lower_ in values for c in tok.children
                       if c.dep_ in ("compound", "amod", "nmod"))
    if rule.when == "entity":
        return tok.ent_type_.lower() in values
    if rule.when == "domain":
        return bool(worlds.of(tok) & values)
    if rule.when == "domain_only":  # "More than 300 were killed in Malaysia" in a tsunami report:
        # a death with no doer, in an article of that world with no word of arms anywhere
        return not _doers(tok) and worlds.unarmed_article() and any(worlds.share(v) > 0 for v in values)
    if rule.when == "domain_unarmed":  # a campaign's "attacks", but not in a report of terror attacks
        return bool(worlds.of(tok) & values) and worlds.share(ARMED) < DOC_SHARE and not _refers_back(tok, worlds)
    if rule.when == "sentence":
        return any(_lemma(t) in values for t in tok.sent)
    if rule.when == "pos":
        return tok.pos_.lower() in values
    return False


def _unarmed_words(tok: Any, worlds: Worlds) -> bool:
    """No weapon in the sentence, none common in the article, and no instrument ("with a hammer")."""
    return not worlds.armed(tok) and worlds.share(ARMED) < DOC_SHARE and not _instrument([tok])


def _instrument(words: list[Any]) -> bool:
    """Does one of the words take a "with" phrase ("attacked him with a hammer")?"""
    return any(c.dep_ == "prep" and c.lower_ == "with" for w in words for c in w.children)


def _agents(tok: Any) -> list[Any]:
    """Who does it: a passive's "by" phrase ("was captured by a philosophy"), else its doers."""
    return [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"] or _doers(tok)


def _doers(tok: Any) -> list[Any]:
    """Its parties but a passive's own subject, who undergoes the act ("he was fired" names no doer)."""
    return [p for p in _parties(tok) if not (p.dep_ == "nsubjpass" and p.head.i == tok.i)]


# Prepositions whose phrase says why or as what, not how: "attacked Clinton for her support of
# military action", "pounding Trump as a con artist".
_REASON_PREPS = frozenset({"for", "over", "as", "about", "during", "after", "in", "at", "on", "of"})


def _armed_in_act(tok: Any, own: bool = False) -> bool:
    """A word of armed violence in the act's own words: its subtree without its patients, its
    reason and setting phrases and its clausal complements ("saying ..."); with `own`, the word
    itself counts too (a doer who is a "gunman")."""
    skip: set[int] = set()
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _REASON_PREPS or c.dep_ in ("ccomp", "xcomp", "advcl", "parataxis", "dobj"):
            skip.update(t.i for t in c.subtree)
    armed = domain_cues().get(ARMED, frozenset())
    return any(t.i not in skip and (own or t.i != tok.i) and (_lemma(t) in armed or t.lower_ in armed)
               for t in tok.subtree)


_PARTY_CLASSES = frozenset({"person", "group"})


def _party_patient(tok: Any) -> bool:
    """Is it done to a party: a name of a person, group or place, a personal pronoun, or a noun
    whose commonest WordNet class is a person or a group ("one of the men")?"""
    classes = noun_classes()

    def party(w: Any) -> bool:
        found = classes.get(_lemma(w)) or classes.get(w.lower_) or []
        return w.ent_type_ in _PARTY_LABELS or w.tag_ == "PRP" or bool(found) and found[0] in _PARTY_CLASSES

    words = _patients(tok)
    words += [g for w in words for p in w.children if p.dep_ == "prep" and p.lower_ == "of"
              for g in p.children if g.dep_ == "pobj"]
    return any(party(w) for w in words)


def _names_person(words: list[Any], values: frozenset[str]) -> bool:
    """One of the words has a label among the values, is a name the actor dictionary knows only as
    a person (the small parser often labels "Trump" an organisation), or is a capitalised word
    inside the sentence that the parser left unlabelled ("Sanders")."""
    if _has(words, values):
        return True
    if "person" not in values:
        return False
    from .actor_dictionary import dictionary  # lazily: the dictionary is read on first use

    classes = noun_classes()

    def unlabelled_name(w: Any) -> bool:
        # a capitalised word opening the sentence may be a common noun ("Rebels attacked the town")
        inside = w.i > w.sent.start
        return not w.ent_type_ and w.tag_ != "NNPS" and (
            w.pos_ == "PROPN" and (inside or _lemma(w) not in classes) or w.is_title and w.pos_ == "NOUN" and inside)

    return any(dictionary().kinds(w.text) == {"person"} or unlabelled_name(w) for w in words)


def _with_names(words: list[Any]) -> list[Any]:
    """The words and the names that stand beside them: an apposition ("the housing secretary,
    Julian Castro"), a possessor ("Sanders's allies")."""
    return words + [c for w in words for c in w.children if c.dep_ in ("appos", "poss")]


def _bare(noun: Any) -> bool:
    """A noun with no article, possessor or number: any such thing ("drones"), not one ("the hostages")."""
    return not any(c.dep_ in ("det", "poss", "nummod") for c in noun.children) and noun.pos_ != "PROPN"


def _conjuncts(tok: Any) -> list[Any]:
    """The words coordinated with `tok`, before or after it."""
    first = tok.head if tok.dep_ == "conj" else tok
    return [c for c in [first] + [c for c in first.subtree if c.dep_ == "conj" and c.head.i in (first.i, tok.i)]
            if c.i != tok.i]


def other_sense(tok: Any, end_tok: Any, types: set[str], worlds: Worlds) -> str | None:
    """The sense label of the first rule that fits the trigger in its sentence, or None. A label in
    capitals is the PLOVER type the trigger has here instead ("a nurses' strike" is a PROTEST)."""
    rules = sense_rules()
    word = (_lemma(tok), tok.pos_)
    # a phrase's event noun has its own senses: "launched a pre-emptive attack on Obama" is
    # words, read on the noun. Only the readings that it is no act (a lower-case sense) or only
    # words (ACCUSE): the phrase's lexicon row has already chosen among the acts ("launched cyber
    # attacks" stays the phrase's ASSAULT)
    noun = end_tok if end_tok is not None and end_tok.i != tok.i and end_tok.pos_ == "NOUN" else None
    candidates = [(r, tok) for r in rules.get(word[0], ()) + rules.get("*", ())]
    if noun is not None and _lemma(noun) != word[0]:
        candidates += [(r, noun) for r in rules.get(_lemma(noun), ()) if r.sense.islower() or r.sense == WORDS]
    for rule, at in candidates:
        if rule.types and not (rule.types & types):
            continue
        if _fits(rule, at, end_tok, worlds):
            if rule.trigger != "*" and rule.sense != "ASSAULT":
                worlds.sense_at[word[0]] = tok.i
            if rule.trigger != "*" and word not in worlds.senses:  # a sense of this word, not
                # of the sentence's world
                worlds.senses[word] = rule.sense
                if rule.when in MENTION_BOUND:
                    worlds.mention_senses.add(word)
            return rule.sense
    # A later mention of the word, with no weapon in its sentence, keeps the sense it had
    earlier = worlds.senses.get(word)
    if earlier is not None and not worlds.armed(tok) and not _refers_back(tok, worlds):
        if word in worlds.mention_senses and _party_patient(tok):
            return None  # "released a poll" ... "one of the men was released": its own patient decides
        return earlier
    return None
