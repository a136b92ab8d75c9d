"""The PLOVER event coder: lexicon triggers, dependency roles, modality, speaker attribution.

1. Triggers: verbs from knowledge/plover_verbs.tsv (two-word patterns such as "open fire" or
   "impose tariff" first, matching the verb's object, particle, preposition or passive subject),
   and event nouns from knowledge/plover_nouns.tsv when a light verb carries them ("launch an
   attack"), when they "break out", or when they name their parties ("firefight between X and Y").
2. Roles from the parse: subjects are sources, objects and on/against/at phrases are targets;
   passives swap them ("were fired upon by X"); a subject-less clause borrows its controller's
   subject ("open to using force", "vowed to wage war"); coordination gives several actors.
3. Modality (see modality.py). A material act that is only threatened, planned or weighed is
   coded as THREATEN (mode from the act) — never as the act itself (event_typing.py). Inside a
   quote or a "said that" clause the event is asserted by the speaker (event_speakers.py), and an
   act the narrator does not assert becomes `reported`. A statement dated before the publication
   year ("pledged in 2023") is historical.

What the rules match and code is data (README, "The event coder"): the PLOVER types and their
groups (knowledge/plover_types.tsv via knowledge/plover.py), codings and idioms
(knowledge/event_codings.tsv, event_idioms.tsv via event_tables.py) and English word classes
(lang/en/event_words.tsv). A new type is a row of plover_types.tsv plus its triggers; a type a
table names without a type row is W023 when this stage loads.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from ..knowledge import noun_classes
from ..knowledge.plover import check_coded_types, types_in
from ..options import option
from ..records import ActorRef, Event, Span, stable_id
from ..registry import stage
from ..state import AnalysisState
from .actor_index import ActorIndex
from .anchoring import TimeAnchors
from .common import TokenFinder, is_infinitive
from .common import lemma as _lemma
from .event_confidence import event_features, shipped_model
from .event_context import (
    AIMED_PREPS,
    armed_defence,
    awaited_party,
    demand_maker,
    main_clause,
    ordered_done,
    quote_speaker_span,
    threat_target,
    venue_of,
)
from .event_cover import CONTACT_VERBS, suppressed_triggers
from .event_fatalities import attach_fatalities
from .event_links import link_incidents
from .event_merge import merge_mentions
from .event_requests import as_requests, asking_roles
from .event_roles import (
    OTHER_EVENT_PREPS,
    antecedent_of,
    at_hands_of,
    is_actorish,
    is_agentive,
    is_media_object,
    noun_roles,
    objects_of,
    permitted_party,
    role_phrase,
    speaker_for_pronoun,
    subjects_of,
    with_conjuncts,
)
from .event_sense import Worlds
from .event_speakers import Assertion, dated_before, quote_contexts, who_asserts
from .event_sufferers import custodian as _custodian
from .event_sufferers import sufferer as _sufferer
from .event_tables import event_words
from .event_targets import (
    DOER_PREPS,
    choose_targets,
    clause_party,
    clause_target,
    in_one_name,
    inner_party,
    is_party,
    quantified,
)
from .event_trigger import Trigger
from .event_triggers import (
    ABSTRACT_SUBJECTS,
    HANDING_VERBS,
    OUTBREAK_VERBS,
    PROBLEMS,
    bare_event_noun,
    demand_triggers,
    denied_or_prevented,
    find_triggers,
    idiom_triggers,
    in_web_address,
    noun_lexicon,
)
from .event_typing import Typing, type_of
from .parties import parties_only
from .passive_sources import lend_passive_sources
from .self_dyads import without_self_dyads


def _structure_score(has_source: bool, has_target: bool, carried: bool, main: bool) -> float:
    """What the coder found of an event: its source, its target, a verb or carried noun, the
    main clause. A bare mention ("after the attacks") scores 0.3 instead."""
    return 0.4 + 0.2 * has_source + 0.2 * has_target + (0.1 if carried else 0.0) + (0.05 if main else 0.0)


FIRST_PERSON = event_words("first_person")
# Those an act leaves behind: after a gerund with no article they make a compound ("bombing victims").
VICTIM_NOUNS = event_words("victim_noun")


def _owner_actor(tok, index: ActorIndex) -> str | None:
    """The actor a thing belongs to, when the thing is none: "rejected Trump's plan" is aimed at
    Trump, "seized the cartel's drugs" at the cartel (a named possessor's actor)."""
    if tok.pos_ != "NOUN":
        return None
    owners = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PROPN"]
    return index.actor_at(owners[0]) if owners else None


def _refs(tokens, text: str, index: ActorIndex) -> list[ActorRef]:
    refs, seen = [], set()
    for tok in tokens:
        if tok.i in seen:
            continue
        seen.add(tok.i)
        phrase = role_phrase(tok)
        span = Span.of(text, phrase.start_char, phrase.end_char)
        actor = index.actor_at(tok) or _owner_actor(tok, index)
        if tok.tag_ == "PRP" and actor is not None:
            # "President Reagan declared that he will not go": the name in the same sentence is
            # better evidence of who acts than the pronoun
            span = index.named_mention(actor, tok.sent.start_char, tok.idx) or span
        refs.append(ActorRef(span=span, actor_id=actor))
    return refs


@dataclass(frozen=True)
class EventsOptions:
    sense_checks: bool = option(True, "drop figurative, sport, market and other non-event senses")
    learned_confidence: bool = option(True, "confidence from the shipped model (event_confidence.py)")
    bare_nouns: bool = option(True, "conflict nouns without a carrying verb (\"the attack\", \"a raid\")")


@stage("events", requires=("document", "spacy", "sentences", "actors", "quotes"),
       optional=("times", "places", "quantities"),
       assigns=("events",), version="2", options=EventsOptions)
def make_events(options: dict[str, Any]):
    """PLOVER events with roles, modality and who asserts them. `sense_checks` (default on) drops
    triggers used in another sense (event_sense.py) and parties that are no parties;
    `learned_confidence` (default on) makes each confidence the chance the event is right
    (event_confidence.py)."""
    check_coded_types()  # W023 for a type the tables can emit that has no PLOVER row
    sense_checks = bool(options.get("sense_checks", True))
    bare_nouns = sense_checks and bool(options.get("bare_nouns", True))
    model = shipped_model() if options.get("learned_confidence", True) else None

    def run(state: AnalysisState) -> dict[str, Any]:
        document, doc = state.document, state.spacy_doc
        text = document.text
        pub_year = document.published.year if document.published else None
        index = ActorIndex(state.get("actors", []))
        quotes = quote_contexts(state.get("quotes", []), doc, index)
        special = idiom_triggers(doc) + demand_triggers(doc)
        special_tokens = {t.token.i for t in special}
        triggers = [t for t in find_triggers(doc, bare_nouns) if t.token.i not in special_tokens] + special
        triggers = as_requests([t for t in triggers if not in_web_address(t.token)])
        covered = suppressed_triggers(triggers)
        ctx = _Context(document.id, text, index, quotes, pub_year,
                       TimeAnchors(state.get("times", []), doc), state.get("places", []),
                       state.get("sentences", []), Worlds(doc) if sense_checks else None)
        # The verb that frames a verbatim quote ("pledged: '...'") is not itself the event; the
        # verb of reported speech ("agreed to share information") is.
        cues = {q.cue_token.i for q in quotes if q.cue_token is not None and q.verbatim}
        events = _code_all(triggers, covered, cues, ctx)
        events = lend_passive_sources(events, doc)
        token_at = TokenFinder(doc)
        if sense_checks:  # "shot and killed the agent" is one attack
            events = merge_mentions(events, lambda ev: token_at(ev.trigger.start))
        events = link_incidents(events, doc, state.get("times", []), state.get("places", []))
        if model is not None and events:
            worlds = ctx.worlds or Worlds(doc)
            actors = {a.id: a for a in state.get("actors", [])}
            events = [ev.model_copy(update={"confidence": round(model.probability(
                event_features(ev, actors, token_at(ev.trigger.start), worlds)), 3)}) for ev in events]
        events = attach_fatalities(events, doc, text, state.get("quantities"),
                                   state.get("actors", []), token_at)
        return {"events": events}

    return run


def _code_all(triggers: list[Trigger], covered: dict[int, Trigger], cues: set[int], ctx: _Context) -> list[Event]:
    """The events of the triggers, in list order. Coded in the order of the text, so a sense
    learnt from an earlier mention ("went on a general strike") reaches the later ones
    (event_sense.Worlds.senses). A trigger covered by another whose event the coder drops is
    coded after all when it is no conflict: "agreed to allow aid workers access" is the AGREE when
    "allow" finds no object to allow; "vowed to beat the bushes" stays no event."""
    by_index = {t.token.i: t for t in triggers}
    donors = {cover.token.i: by_index[i] for i, cover in covered.items()}
    coded: dict[int, Event] = {}
    dropped: set[int] = set()
    conflict = types_in("conflict")
    for k in sorted(range(len(triggers)), key=lambda k: triggers[k].token.i):
        trig = triggers[k]
        if trig.token.i in covered or trig.token.i in cues:
            continue
        event = _code(trig, ctx, donor=donors.get(trig.token.i))
        if event is not None:
            coded[k] = event
        else:
            dropped.add(trig.token.i)
    for k, trig in enumerate(triggers):
        cover = covered.get(trig.token.i)
        if cover is not None and cover.token.i in dropped and trig.token.i not in cues \
                and cover.token.head.i == trig.token.i and cover.token.dep_ == "xcomp" \
                and trig.lexeme.type not in conflict:
            event = _code(trig, ctx)
            if event is not None:
                coded[k] = event
    return [coded[k] for k in sorted(coded)]


def _roles(trig: Trigger) -> tuple[list, list]:
    """(source tokens, target candidate tokens) of a trigger."""
    if trig.token.pos_ in ("NOUN", "PROPN"):
        return noun_roles(trig)
    victims = [c for c in trig.token.children if c.dep_ == "dobj" and _lemma(c) in VICTIM_NOUNS
               and not any(d.dep_ in ("det", "poss") for d in c.children)]
    # "tribute to bombing victims" (a "to" before a gerund is no infinitive), not "arrested for shooting"
    as_noun = trig.token.dep_ in ("amod", "compound", "nmod") or (
        trig.token.dep_ == "pcomp" and trig.token.head.lower_ == "to") or is_infinitive(trig.token)
    if trig.token.tag_ == "VBG" and victims and as_noun:
        # "paid tribute to bombing victims": a noun compound the parser read as a gerund and its
        # object; the clause's subject did not bomb anyone
        return [], victims
    sources, targets = subjects_of(trig.token)
    return sources, targets + objects_of(trig)


def _places_in(anchor, frame=None) -> list:
    """GPE/LOC names after "in" on the trigger, its object or the light verb that carries it: 'a
    ceasefire in Idlib', 'imposed a curfew in Kandahar'. (Common nouns of WordNet's location class,
    'the district', cost real-news target precision: 0.6286 -> 0.6281 on the tune part.)"""
    found = []
    heads = [anchor] + [c for c in anchor.children if c.dep_ == "dobj"]
    if frame is not None and frame.i != anchor.i and anchor.dep_ == "dobj" and anchor.head.i == frame.i:
        heads.append(frame)  # the light verb whose object it is, not "the attack happened in Reynosa"
    for head in heads:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                found += [p for p in child.children if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC")]
    return found


@dataclass
class _Context:
    """What coding one event needs from the rest of the document."""

    doc_id: str
    text: str
    index: ActorIndex
    quotes: list
    pub_year: int | None
    times: TimeAnchors
    places: list
    sentences: list
    worlds: Worlds | None = None

    def __post_init__(self) -> None:
        # Built once per document: rebuilding the sentence starts for every event, and passing
        # every place of the document to each event's venue, made long documents quadratic.
        self._sentence_starts = [s.span.start for s in self.sentences]
        self._place_order = sorted(range(len(self.places)), key=lambda k: self.places[k].span.start)
        self._place_starts = [self.places[k].span.start for k in self._place_order]

    def sentence_id(self, offset: int) -> str | None:
        """The id of the Sentence record holding `offset` (the sentences stage's own ids)."""
        i = bisect_right(self._sentence_starts, offset) - 1
        return self.sentences[i].id if i >= 0 and offset < self.sentences[i].span.end else None

    def places_within(self, start: int, end: int) -> list:
        """The places starting in [start, end), in their order in `places`."""
        lo = bisect_left(self._place_starts, start)
        hi = bisect_left(self._place_starts, end)
        return [self.places[k] for k in sorted(self._place_order[lo:hi])]


def _code(trig: Trigger, ctx: _Context, donor: Trigger | None = None):
    tok = trig.token
    source_toks, target_toks = _clause_roles(trig, donor, ctx.index)
    anchor = trig.frame if trig.frame is not None else tok
    typing = type_of(trig, ctx.worlds)
    if typing is None:
        return None
    modality = typing.modality
    said = who_asserts(trig, anchor, ctx.quotes, ctx.index)
    if said.asserted_by != "narrator" and modality == "asserted":
        modality = "reported"
    if dated_before(said.statement_anchor if said.statement_anchor is not None else anchor, ctx.pub_year):
        modality = "historical"
    roles = _kept_roles(trig, typing.type, source_toks, target_toks, ctx.index)
    if roles is None:
        return None
    parties = _parties(trig, typing.type, *roles, donor, anchor, ctx)
    if not _has_agent(trig, parties, ctx.index):
        return None
    return _event(trig, ctx, typing, modality, said, parties, anchor)


def _clause_roles(trig: Trigger, donor: Trigger | None, index: ActorIndex) -> tuple[list, list]:
    """(source tokens, target candidate tokens) of a trigger, with what a covered verb, a demand
    or an order carried out adds."""
    tok = trig.token
    source_toks, target_toks = _roles(trig)
    if donor is not None:
        # "refused to meet Obama", "called Lavrov to discuss Syria": the covered verb's party is
        # the target when the event names none, or only things
        donor_targets = _roles(donor)[1]
        if not target_toks or (_lemma(donor.token) in CONTACT_VERBS or donor.lexeme.type in types_in("asks")) and not any(
                is_actorish(t, index) for t in target_toks) and any(
                is_actorish(t, index) for t in donor_targets):
            target_toks = donor_targets + target_toks
    if trig.lexeme.role == "converse":
        # "Kenya received food aid from Japan": the giver is named after "from", the subject gets it
        # ("received weapons and training from Iran", "secured a loan from the IMF")
        heads = [tok] + [o for c in tok.children if c.dep_ == "dobj" for o in with_conjuncts(c)]
        givers = [t for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "from"
                  for p in c.children if p.dep_ == "pobj" for t in with_conjuncts(p)]
        source_toks, target_toks = givers, source_toks
    if trig.demanded_by is not None:
        source_toks, target_toks = asking_roles(trig)
    elif ordered_done(tok) is not None:
        # "ordered nine ex-members jailed": they undergo it; whoever ordered it acts
        patient, orderer = ordered_done(tok)
        source_toks, target_toks = subjects_of(orderer)[0], [patient]
    return source_toks, target_toks


def _kept_roles(trig: Trigger, event_type: str, source_toks: list, target_toks: list,
                index: ActorIndex) -> tuple[list, list] | None:
    """The role tokens that are not the trigger's own words or pronouns standing for a speaker;
    None when they show the trigger names no event here."""
    tok, lex = trig.token, trig.lexeme
    if event_type not in types_in("verbal_reaction") and any(is_media_object(t) for t in target_toks):
        return None  # "released a statement"; but "rejected the results" is a rejection
    own = {tok.i} | ({trig.end_token.i} if trig.end_token is not None else set())
    # "implementing a tariff on X, a tariff on Y": the parallel objects are part of the trigger
    own_lemma = _lemma(trig.end_token) if trig.end_token is not None else None
    target_toks = [t for t in target_toks if t.i not in own and _lemma(t) != own_lemma]
    source_toks = [antecedent_of(t, noun_lexicon().__contains__) for t in source_toks if t.i not in own]
    # "first contingents of West African troops arrive": the troops, as for a target
    source_toks = [quantified(t) for t in source_toks]
    if event_type in types_in("violence") and target_toks and all(_lemma(t) in PROBLEMS for t in target_toks):
        return None  # "funding to fight the Ebola epidemic": no one is assaulted
    if lex.role == "vo" and not any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
        return None  # "returned to office" is not "returned the property"
    if lex.role == "va" and not any(c.dep_ == "dobj" and is_actorish(c, index) for c in tok.children):
        return None  # "called the Saudi king" is a call; "called the move illegal" is not
    source_toks = [speaker_for_pronoun(t) for t in source_toks]
    if _lemma(tok) == "defend" and armed_defence(tok, source_toks, target_toks, index):
        return None  # "the military shifts its posture to defend the country": no verbal support
    if trig.idiom:
        # "All options are on the table": options threaten no one; the speaker does (below)
        source_toks = [t for t in source_toks if _lemma(t) not in ABSTRACT_SUBJECTS]
    return source_toks, target_toks


@dataclass
class _Parties:
    """The tokens of an event's sources and targets, the targets that are actors, and whether
    the clause names a doer and an undergoer at all (party or not)."""

    sources: list
    targets: list
    actor_targets: list
    named_roles: tuple[bool, bool]
    # the doers the clause names before the party checks: "a fire that killed 19" names a thing
    # as the doer, so no one did violence here, though the fire is no party either
    named_doers: list = field(default_factory=list)


def _parties(trig: Trigger, event_type: str, source_toks: list, target_toks: list,
             donor: Trigger | None, anchor, ctx: _Context) -> _Parties:
    index = ctx.index
    source_toks, chosen, actor_targets = _targets(trig, event_type, source_toks, target_toks,
                                                  donor, anchor, index)
    if trig.bare:
        # "after the attacks, the government said": a bare mention names no party of its own, and
        # the clause around it is about something else; but "the prisoner died after torture"
        # names who suffered it, and "died in a detention center" who held him
        victim = _sufferer(trig.token)
        keeper = None if victim is None else _custodian(victim.head) or next(
            (k for c in trig.token.children if c.dep_ == "relcl" and (k := _custodian(c)) is not None), None)
        source_toks, chosen = [keeper] if keeper is not None else [], [victim] if victim is not None else []
        if not source_toks:  # "died after torture at the hands of prison guards"
            source_toks = at_hands_of(trig.token) or (at_hands_of(victim.head) if victim is not None else [])
    # what the clause names as doer and undergoer, party or not: how central the event is
    named_roles = (bool(source_toks), bool(chosen))
    if ctx.worlds is not None:  # sense checks: parties must be parties ("Which", "a new chord")
        def coded(t) -> bool:
            return index.actor_at(t) is not None

        def inner(t):
            return inner_party(t, index)

        def behind(t):  # "the attack on the compound killed": not the compound's doing
            found = inner_party(t, index, allowed=DOER_PREPS)
            if found is None:  # "Action Against Hunger": a name's own words
                found = inner_party(t, index)
                return found if found is not None and in_one_name(t, found) else None
            return found

        # the keeper of a bare mention is the place that held the victim: not checked as a doer
        named_doers = parties_only(source_toks, coded, behind)
        source_toks = parties_only(source_toks, coded, inner if trig.bare else behind, doers=not trig.bare)
        chosen = parties_only(chosen, coded, inner)
        if event_type in types_in("material_conflict"):
            # "jailed after a vicious assault", "a warrant in the Slepian shooting": an event is
            # not what force is used on
            chosen = [t for t in chosen if not (t.pos_ == "NOUN" and _lemma(t) in noun_lexicon() and not coded(t))]
        return _Parties(source_toks, chosen, actor_targets, named_roles, named_doers)
    return _Parties(source_toks, chosen, actor_targets, named_roles, source_toks)


def _targets(trig: Trigger, event_type: str, source_toks: list, target_toks: list,
             donor: Trigger | None, anchor, index: ActorIndex) -> tuple[list, list, list]:
    """(source tokens, chosen target tokens, actor targets): the targets in order of preference,
    the recipient, the one permitted, the party awaited or named by the clause first."""
    tok, lex = trig.token, trig.lexeme
    is_noun = tok.pos_ in ("NOUN", "PROPN")
    actor_targets, chosen = choose_targets(target_toks, index, lex, _places_in(tok, trig.frame))
    maker = demand_maker(tok, trig.end_token)
    if maker is not None and not is_noun:  # "accepted the demands by protesters in the south"
        actor_targets, chosen = [maker], [maker]
    if not actor_targets and lex.type in types_in("recipient_target") and not is_noun:
        # "returned 12 skulls that date back to 640 AD to Peru": the recipient, wherever the
        # parser hung the "to" phrase
        recipients = [t for t in tok.sent if t.i > tok.i and t.dep_ == "pobj" and t.head.lower_ == "to"
                      and (t.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or index.actor_at(t))]
        if recipients:
            actor_targets, chosen = recipients[:1], recipients[:1]
    if _lemma(tok) in HANDING_VERBS and not is_noun and lex.type not in types_in("material_conflict"):
        # "returned six artifacts to the government of Iraq": who receives is the target
        recipient = clause_party(tok, source_toks, index, preps=frozenset({"to", "into"}), any_actor=True)
        if recipient is not None:
            chosen = [recipient] + [t for t in chosen if t.i != recipient.i]
    permitted = permitted_party(tok, trig.end_token, index)
    if permitted is not None:
        # "gave the Pentagon permission to use", "gave approval for the UN to deliver": the one
        # allowed is the target, not the act allowed
        chosen = [permitted] + [t for t in chosen if t.i != permitted.i]
    if event_type in types_in("awaits_party") and not any(is_party(t, index) for t in chosen):
        # "will not lift the embargo until Cuba undertakes reforms": the refusal waits on Cuba
        awaited = awaited_party(anchor, index)
        if awaited is not None:
            chosen = [awaited] + chosen
    chosen = [t if is_actorish(t, index) else inner_party(t, index) or t for t in chosen]
    if not any(is_party(t, index) for t in chosen):
        party = clause_target(tok, source_toks, index, donor.token if donor is not None else None, event_type,
                              bool(chosen))
        if party is not None:
            # after an actor target ("force against drug cartels in Mexico"), before a thing
            rest = [t for t in chosen if t.i != party.i]
            chosen = rest + [party] if any(is_actorish(t, index) for t in rest) else [party] + rest
    if lex.mode == "third-party" and not any(is_party(t, index) for t in chosen):
        # "a mediation effort to resolve the rift between Qatar and other Gulf states": a
        # mediator's targets are the parties it goes between
        between = next((p for t in tok.sent if t.i > tok.i and t.dep_ == "prep" and t.lower_ == "between"
                        for p in t.children if p.dep_ == "pobj"), None)
        if between is not None:
            chosen = with_conjuncts(between) + chosen
    reciprocal = types_in("reciprocal")
    if event_type in reciprocal and lex.type in reciprocal and not actor_targets and len(source_toks) > 1:
        # "Canada and Costa Rica agreed ...": a dyad, coded first party -> second party; not
        # when the act promised is one-sided ("France and Italy agreed to lift the ban")
        chosen, source_toks = source_toks[1:], source_toks[:1]
        actor_targets = chosen
    return source_toks, chosen, actor_targets


# WordNet classes of what can be hit, by a noun's commonest sense: a mosque, a town, civilians,
# troops; not democracy (cognition) or the press (state).
PHYSICAL_CLASSES = frozenset({"artifact", "location", "person", "group", "animal", "object"})
# "the kidnapping of two engineers": nouns whose of-phrase is what they are done to
PATIENT_OF_NOUNS = event_words("patient_of_noun")
# "the blast near the checkpoint": prepositions that place one occurrence
PLACE_PREPS = event_words("place_prep")


def _physical(tok) -> bool:
    if tok.ent_type_:
        return tok.ent_type_ in ("GPE", "LOC", "FAC", "ORG", "NORP", "PERSON")
    classes = noun_classes().get(_lemma(tok))
    return tok.pos_ == "NOUN" and bool(classes) and classes[0] in PHYSICAL_CLASSES


def _has_agent(trig: Trigger, parties: _Parties, index: ActorIndex) -> bool:
    """Whether someone acts here: an actor among the parties, or an outbreak, idiom or bare
    mention, which need none; violence needs an agent."""
    tok, source_toks = trig.token, parties.named_doers
    has_actor = bool(parties.actor_targets) or any(
        is_actorish(t, index, as_source=True) or t.tag_ == "PRP" for t in source_toks)
    if trig.lexeme.type in types_in("violence") and source_toks and not trig.bare and not any(
            is_actorish(t, index, as_source=True) or t.pos_ == "PRON" or _lemma(t) in noun_lexicon()
            or t.ent_type_ for t in source_toks) and not is_agentive(source_toks[0]):
        return False  # "fentanyl that has killed", "the storm destroyed": violence needs an agent
    outbreak = tok.pos_ in ("NOUN", "PROPN") and trig.frame is not None and _lemma(trig.frame) in OUTBREAK_VERBS
    # "after the embassy bombings, U.S. forces ...": a mention of another event, which borrows no
    # doer from the clause (event_roles.OTHER_EVENT_PREPS) and needs none
    beside = tok.dep_ == "pobj" and tok.head.lower_ in OTHER_EVENT_PREPS
    # "the attack on the mosque shocked the country", "the kidnapping of two engineers": an event
    # noun that names what it hit, or where one occurrence of it was ("the blast near the
    # checkpoint"), is a mention of one occurrence, as a bare one is, though no one is named as
    # doing it
    aims = AIMED_PREPS | ({"of"} if _lemma(tok) in PATIENT_OF_NOUNS else set())
    aims |= PLACE_PREPS if bare_event_noun(tok) else set()
    aimed = tok.pos_ == "NOUN" and trig.lexeme.type in types_in("bare_noun") and not denied_or_prevented(tok) and any(
        c.dep_ == "prep" and c.lower_ in aims and any(_physical(g) for g in c.children if g.dep_ == "pobj")
        for c in tok.children)
    # "a picture released", "fentanyl that has killed": no actor acts here
    return has_actor or outbreak or trig.idiom or trig.bare or beside or aimed


def _event(trig: Trigger, ctx: _Context, typing: Typing, modality: str, said: Assertion,
           parties: _Parties, anchor) -> Event:
    tok, text, index, inside = trig.token, ctx.text, ctx.index, said.inside
    source_toks, target_toks = without_self_dyads(parties.sources, parties.targets, index.actor_at)
    sources = _refs(source_toks, text, index)
    targets = _refs(target_toks, text, index)
    if inside is not None and inside.direct and inside.speaker_actor:
        # "I will deploy ...": in a verbatim quote the first person is the speaker
        sources = [ActorRef(span=r.span, actor_id=inside.speaker_actor)
                   if r.actor_id is None and r.span.text.lower() in FIRST_PERSON else r for r in sources]
    if typing.type in types_in("threat") and not sources and inside is not None and inside.speaker_actor:
        # "All options will be on the table": the speaker is the one who threatens
        sources = [ActorRef(span=quote_speaker_span(inside), actor_id=inside.speaker_actor)]
    if typing.type in types_in("threat") and not targets:
        means = frozenset(t.i for c in tok.children if c.dep_ == "dobj" for t in c.subtree
                          ) if trig.lexeme.type in types_in("moves_forces") else frozenset()
        targets = threat_target(tok, text, index, sources, inside, means)
    end_tok = trig.end_token if trig.end_token is not None and trig.end_token.i > tok.i else tok
    trigger_span = Span.of(text, tok.idx, end_tok.idx + len(end_tok.text))
    if trig.idiom:
        trigger_span = Span.of(text, tok.head.idx, tok.idx + len(tok.text))
    evidence = [trigger_span] + [r.span for r in sources + targets]
    # a verb, or an event noun a light verb carries ("launched an attack"), is stated as done;
    # a main-clause trigger is what the sentence reports, not an act it mentions in passing
    carried = tok.pos_ not in ("NOUN", "PROPN") or trig.frame is not None
    main = main_clause(anchor)
    confidence = _structure_score(bool(sources), bool(targets), carried, main)
    # prominence counts the roles the clause names, parties or not ("further violence")
    prominence = 0.3 if trig.bare else _structure_score(*parties.named_roles, carried, main)
    # Dated by its own clause; else, for a statement, by when it was made; else by publication.
    time = ctx.times.time_for([tok, trig.frame, said.statement_anchor]) or ctx.times.publication
    sent = tok.sent  # event_place looks at the places of the trigger's sentence only
    place = venue_of(ctx.places_within(sent.start_char, sent.end_char), tok, targets)
    return Event(
        id=stable_id("event", ctx.doc_id, trigger_span.key(), typing.type),
        type=typing.type, mode=typing.mode, cameo=typing.cameo, trigger=trigger_span, sources=sources,
        targets=targets, modality=modality, asserted_by=said.asserted_by, quote_id=said.quote_id,
        time_id=time.id if time else None, place_id=place.id if place else None,
        sentence_id=ctx.sentence_id(tok.idx),
        evidence=evidence, confidence=round(min(confidence, 0.95), 2),
        prominence=round(min(prominence, 0.95), 2),
    )
