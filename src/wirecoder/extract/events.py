"""The PLOVER event coder: lexicon triggers, dependency roles, modality, speaker attribution.

1. Triggers: verbs from knowledge/plover_verbs.tsv (two-word patterns such as "open fire" or
   "impose tariff" first, matching the verb's object, particle, preposition or passive subject),
   and event nouns from knowledge/plover_nouns.tsv when a light verb carries them ("launch an
   attack"), when they "break out", or when they name their parties ("firefight between X and Y").
2. Roles from the parse: subjects are sources, objects and on/against/at phrases are targets;
   passives swap them ("were fired upon by X"); a subject-less clause borrows its controller's
   subject ("open to using force", "vowed to wage war"); coordination gives several actors.
3. Modality (see modality.py). A material act that is only threatened, planned or weighed is
   coded as THREATEN (mode from the act) — never as the act itself. Inside a quote or a "said that"
   clause the event is asserted by the speaker, and an act the narrator does not assert becomes
   `reported`. A statement dated before the publication year ("pledged in 2023") is historical.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from ..lang.en import words
from ..options import option
from ..records import ActorRef, Event, Span, stable_id
from ..registry import stage
from ..state import AnalysisState
from .actor_index import ActorIndex
from .anchoring import TimeAnchors
from .common import TokenFinder
from .common import lemma as _lemma
from .event_confidence import event_features, shipped_model
from .event_context import (
    armed_defence,
    awaited_party,
    main_clause,
    ordered_done,
    quote_speaker_span,
    threat_target,
    venue_of,
    verbal_attack,
)
from .event_cover import CONTACT_VERBS, MATERIAL_CONFLICT, suppressed_triggers
from .event_fatalities import attach_fatalities
from .event_links import link_incidents
from .event_merge import merge_mentions
from .event_roles import (
    SPEECH_VERBS,
    antecedent_of,
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
from .event_sense import Worlds, other_sense
from .event_targets import DIRECTIONS, choose_targets, clause_party, inner_party, is_party
from .event_trigger import Trigger
from .event_triggers import (
    ABSTRACT_SUBJECTS,
    HANDING_VERBS,
    OUTBREAK_VERBS,
    PROBLEMS,
    demand_triggers,
    find_triggers,
    idiom_triggers,
    noun_lexicon,
)
from .modality import outside_governors, read_modality, reporting_verb
from .parties import parties_only
from .passive_sources import lend_passive_sources

# Acts that, announced or weighed rather than done, are threats: force, and also boycotts, strikes
# and protests (PLOVER THREATEN/restrict: "threaten to restrict movement ... including boycotts,
# strikes, blockades").
PRESSURE_ACTS = MATERIAL_CONFLICT | {"PROTEST"}
# a cue of speech ("said"), not of an order ("ordered"): what it frames is spoken, not done
SPOKEN = SPEECH_VERBS - words("speech_verbs", directive="yes")
# With the sense checks on, an attempt or a result is no threat ("tried to assassinate", "managed
# to kill", "leading to an arrest"): the act keeps its own type. A permission or a need still
# weighs force ("permitted to go after them", "resources needed to go after the cartels").
NO_THREAT_GOVERNORS = {"try", "attempt", "manage", "fail", "succeed", "lead"}
# Events two parties do together; coordinated subjects become a dyad when no target is named.
RECIPROCAL_TYPES = {"AGREE", "SUPPORT", "CONSULT", "COOPERATE"}
# Reactions to what someone said or published: their object may well be a report or a result.
VERBAL_REACTIONS = {"REJECT", "ACCUSE", "SUPPORT", "AGREE", "REQUEST"}
# Cooperative acts that are only offered, promised or planned are AGREE (PLOVER: "agree to, offer,
# promise, or otherwise indicate willingness or commitment to cooperate").
COOPERATIVE_ACTS = {"AID", "COOPERATE", "RETREAT", "CONSULT"}
# Cooperative acts that, negated, are coded as a refusal (CAMEO 12: reject, decline, refuse).
REFUSABLE = {"AGREE", "SUPPORT", "COOPERATE", "CONSULT", "AID", "CONCEDE", "RETREAT"}
_THREAT_MODE = {"ASSAULT": "violence", "COERCE": "coerce", "MOBILIZE": "mobilize",
                "SANCTION": "sanction", "PROTEST": "restrict", "REJECT": "relations"}
# The CAMEO root of each PLOVER type, for an event recoded by its sense.
TYPE_CAMEO = {"AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
              "RETREAT": "08", "CONCEDE": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12",
              "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
              "ASSAULT": "18"}
_THREAT_CAMEO = {"ASSAULT": "138", "COERCE": "137", "MOBILIZE": "138", "SANCTION": "131",
                 "PROTEST": "1312", "REJECT": "1313"}


def _structure_score(has_source: bool, has_target: bool, carried: bool, main: bool) -> float:
    """What the coder found of an event: its source, its target, a verb or carried noun, the
    main clause. A bare mention ("after the attacks") scores 0.3 instead."""
    return 0.4 + 0.2 * has_source + 0.2 * has_target + (0.1 if carried else 0.0) + (0.05 if main else 0.0)


# Verbs whose subject undergoes what a phrase after them names: "died after torture".
SUFFERING_VERBS = {"die", "suffer", "succumb", "perish", "hospitalize", "hospitalise", "collapse"}
_CAUSE_PREPS = {"after", "from", "of", "in", "during", "following", "under", "to", "through", "as"}


# Places of custody: a death in one is laid at the door of who holds it ("died in prison").
CUSTODY_NOUNS = {"prison", "jail", "gaol", "detention", "custody", "captivity", "camp", "cell",
                 "center", "centre", "facility", "dungeon"}


def _custodian(verb):
    """The place of custody the verb of suffering happened in, if it names one."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "inside"):
            for place in prep.children:
                if place.dep_ == "pobj" and (place.lemma_.lower() in CUSTODY_NOUNS or any(
                        c.lemma_.lower() in CUSTODY_NOUNS for c in place.children if c.dep_ == "compound")):
                    return place
    return None


def _sufferer(noun):
    """The subject of a verb of suffering that the event noun explains ("X died after torture",
    "died as a result of the torture", "due to continued torture")."""
    head = noun.head
    while head.dep_ in ("pobj", "prep", "pcomp", "amod") and head.head.i != head.i and (
            head.dep_ != "prep" or head.lower_ in _CAUSE_PREPS or head.lower_ == "due"):
        head = head.head
        if head.lemma_.lower() in SUFFERING_VERBS:
            break
    if head.lemma_.lower() not in SUFFERING_VERBS:
        return None
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _refs(tokens, text: str, index: ActorIndex) -> list[ActorRef]:
    refs, seen = [], set()
    for tok in tokens:
        if tok.i in seen:
            continue
        seen.add(tok.i)
        phrase = role_phrase(tok)
        span = Span.of(text, phrase.start_char, phrase.end_char)
        actor = index.actor_at(tok)
        if tok.tag_ == "PRP" and actor is not None:
            # "President Reagan declared that he will not go": the name in the same sentence is
            # better evidence of who acts than the pronoun
            span = index.named_mention(actor, tok.sent.start_char, tok.idx) or span
        refs.append(ActorRef(span=span, actor_id=actor))
    return refs


_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _dated_before(tok, year: int | None) -> bool:
    """A DATE phrase attached to `tok` naming a year before `year` ("pledged in 2023")."""
    if year is None:
        return False
    for child in tok.subtree if tok.dep_ != "ROOT" else tok.children:
        if child.ent_type_ == "DATE":
            m = _YEAR.search(child.text)
            if m and int(m.group(1)) < year:
                return True
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "during"):
            for p in child.subtree:
                m = _YEAR.search(p.text) if p.ent_type_ == "DATE" else None
                if m and int(m.group(1)) < year or p.lower_ == "campaign":
                    return True
    return False


@dataclass
class _QuoteContext:
    start: int
    end: int
    speaker_actor: str | None
    speaker_name: str | None
    cue_token: Any
    quote_id: str
    speaker_span: Span | None = None
    direct: bool = True  # verbatim (direct or mixed) rather than reported speech
    verbatim: bool = True  # wholly verbatim (direct): its cue verb only frames the quote
    spoken: bool = True  # its cue is a verb of speech ("said"), not of thought or order ("ordered")


def _quote_contexts(quotes, doc, index: ActorIndex) -> list[_QuoteContext]:
    contexts = []
    for q in quotes:
        speaker_actor = None
        if q.speaker is not None:
            span = doc.char_span(q.speaker.span.start, q.speaker.span.end, alignment_mode="expand")
            if span is not None:
                speaker_actor = index.actor_at(span.root)
        cue_tok = None
        if q.cue is not None:
            cue_span = doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
            cue_tok = cue_span.root if cue_span is not None else None
        for part in q.content:
            contexts.append(_QuoteContext(part.start, part.end, speaker_actor, q.speaker_name,
                                          cue_tok, q.id, q.speaker.span if q.speaker else None,
                                          direct=q.kind != "indirect", verbatim=q.kind == "direct",
                                          spoken=cue_tok is None or cue_tok.lemma_.lower() in SPOKEN))
    return contexts


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
    sense_checks = bool(options.get("sense_checks", True))
    bare_nouns = sense_checks and bool(options.get("bare_nouns", True))
    model = shipped_model() if options.get("learned_confidence", True) else None

    def run(state: AnalysisState) -> dict[str, Any]:
        document, doc = state.document, state.spacy_doc
        text = document.text
        pub_year = document.published.year if document.published else None
        index = ActorIndex(state.get("actors", []))
        quotes = _quote_contexts(state.get("quotes", []), doc, index)
        special = idiom_triggers(doc) + demand_triggers(doc)
        special_tokens = {t.token.i for t in special}
        triggers = [t for t in find_triggers(doc, bare_nouns) if t.token.i not in special_tokens] + special
        covered = suppressed_triggers(triggers)
        by_index = {t.token.i: t for t in triggers}
        donors = {cover.token.i: by_index[i] for i, cover in covered.items()}
        ctx = _Context(document.id, text, index, quotes, pub_year,
                       TimeAnchors(state.get("times", []), doc), state.get("places", []),
                       state.get("sentences", []), Worlds(doc) if sense_checks else None)
        events: list[Event] = []
        # The verb that frames a verbatim quote ("pledged: '...'") is not itself the event; the
        # verb of reported speech ("agreed to share information") is.
        cues = {q.cue_token.i for q in quotes if q.cue_token is not None and q.verbatim}
        for trig in triggers:
            if trig.token.i in covered or trig.token.i in cues:
                continue
            event = _code(trig, ctx, donor=donors.get(trig.token.i))
            if event is not None:
                events.append(event)
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


def _roles(trig: Trigger) -> tuple[list, list]:
    """(source tokens, target candidate tokens) of a trigger."""
    if trig.token.pos_ in ("NOUN", "PROPN"):
        return noun_roles(trig)
    sources, targets = subjects_of(trig.token)
    return sources, targets + objects_of(trig)


def _places_in(anchor) -> list:
    """GPE/LOC objects of "in" on the trigger or its object: 'a ceasefire in Idlib'."""
    found = []
    for head in [anchor] + [c for c in anchor.children if c.dep_ == "dobj"]:
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                found += [p for p in child.children if p.dep_ == "pobj" and p.ent_type_ in ("GPE", "LOC")]
    return found


AGREEMENT_NOUNS = {"deal", "agreement", "treaty", "accord", "text", "approach", "plan", "proposal",
                   "framework", "roadmap", "resolution", "declaration", "pact", "settlement"}


def _agrees_to_a_text(verb) -> bool:
    """'agreed to a trade deal', 'agreed on the draft text': approving a text, not a promise."""
    if any(c.dep_ == "dobj" and _lemma(c) in AGREEMENT_NOUNS for c in verb.children):
        return True  # "agreed a trade deal"
    return any(c.dep_ == "prep" and c.lower_ in ("to", "on", "upon") and
               any(p.dep_ == "pobj" and _lemma(p) in AGREEMENT_NOUNS for p in c.children)
               for c in verb.children)


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
    doc_id, text, index, quotes, pub_year = ctx.doc_id, ctx.text, ctx.index, ctx.quotes, ctx.pub_year
    tok = trig.token
    lex = trig.lexeme
    is_noun = tok.pos_ in ("NOUN", "PROPN")
    source_toks, target_toks = _roles(trig)
    if donor is not None:
        # "refused to meet Obama", "called Lavrov to discuss Syria": the covered verb's party is
        # the target when the event names none, or only things
        donor_targets = _roles(donor)[1]
        if not target_toks or (_lemma(donor.token) in CONTACT_VERBS or donor.lexeme.type == "REQUEST") and not any(
                is_actorish(t, index) for t in target_toks) and any(
                is_actorish(t, index) for t in donor_targets):
            target_toks = donor_targets + target_toks
    if trig.demanded_by is not None:
        source_toks, target_toks = subjects_of(trig.demanded_by)[0], subjects_of(tok)[0]
    elif ordered_done(tok) is not None:
        # "ordered nine ex-members jailed": they undergo it; whoever ordered it acts
        patient, orderer = ordered_done(tok)
        source_toks, target_toks = subjects_of(orderer)[0], [patient]
    anchor = trig.frame if trig.frame is not None else tok
    # A demand's modality is that of the speaking ("said ... must"), not of the demanded act.
    reading = read_modality(trig.demanded_by if trig.demanded_by is not None else tok)
    modality = reading.modality
    event_type, mode, cameo = lex.type, lex.mode, lex.cameo
    attack_noun = tok if is_noun else trig.end_token
    if event_type == "ASSAULT" and attack_noun is not None and attack_noun.pos_ == "NOUN" \
            and verbal_attack(attack_noun):
        event_type, mode, cameo = "ACCUSE", "disapprove", "111"  # "a scathing attack on X"
    if event_type == "AGREE" and _agrees_to_a_text(tok):
        event_type, cameo = "SUPPORT", "057"  # finalising an agreement is SUPPORT in PLOVER
    # "threatened to withdraw", "warned it would cut aid": whatever is threatened, it is a threat
    threat_of_act = event_type != "THREATEN" and modality == "threatened"
    gov = _lemma(reading.governor) if reading.governor is not None else None
    weighed_force = event_type in PRESSURE_ACTS and not (ctx.worlds is not None and gov in NO_THREAT_GOVERNORS) and (
        modality == "planned" or modality == "hypothetical" and gov is not None and gov not in outside_governors())
    if threat_of_act or weighed_force:
        event_type = "THREATEN"
        mode = _THREAT_MODE.get(lex.type, lex.type.lower())
        cameo = _THREAT_CAMEO.get(lex.type, "130")
        modality = "threatened"
    elif event_type in COOPERATIVE_ACTS and (modality == "planned" or reading.governor is not None
                                             and modality in ("threatened", "hypothetical")):
        # "will provide aid", "willing to withdraw", "agreed to hold talks": a commitment (AGREE)
        event_type, mode, cameo = "AGREE", lex.type.lower(), "03"
    if event_type == "MOBILIZE" and any(t.lemma_.lower().startswith("peacekeep")
                                        for t in tok.sent if t.i >= tok.i):
        # troops sent to keep the peace are aid (CAMEO 074), not a show of force
        event_type, mode, cameo = "AID", "peacekeeping", "074"
    if modality == "negated" and event_type in REFUSABLE:
        # "did not accept the offer", "would not attend the talks": a refusal, which happened
        event_type, mode, cameo, modality = "REJECT", lex.type.lower(), "12", "asserted"
    if event_type == "THREATEN" and modality in ("asserted", "planned"):
        modality = "threatened"
    sense = other_sense(tok, trig.end_token, {lex.type, event_type}, ctx.worlds) if ctx.worlds else None
    if sense is not None and not sense.isupper():
        return None  # "beat the bushes", "shares closed at", "the quake killed": another sense
    if sense is not None and sense != event_type and event_type == lex.type:
        # "a nurses' strike" is a PROTEST, "seized hostages" an abduction: the type the sense names
        # (a threatened act stays a threat, whatever the act)
        event_type, mode, cameo = sense, None, TYPE_CAMEO.get(sense)

    # Who asserts it: the narrator, a quoted speaker, or the subject of "said that ...".
    asserted_by, quote_id, statement_anchor = "narrator", None, None
    # Reported speech makes the speaker the one who asserts; "ordered attacks" is no speech.
    inside = next((q for q in quotes if q.start <= tok.idx < q.end
                   and (q.direct or trig.demanded_by is None and q.spoken)), None)
    if inside is not None:
        asserted_by = inside.speaker_actor or inside.speaker_name or "unknown speaker"
        quote_id = inside.quote_id
        statement_anchor = inside.cue_token
    elif trig.demanded_by is None:  # a demand is the speaking itself, which the narrator reports
        speech = reporting_verb(anchor)
        if speech is not None:
            speakers, _ = subjects_of(speech)
            if speakers:
                asserted_by = index.actor_at(speakers[0]) or role_phrase(speakers[0]).text
                statement_anchor = speech
    if asserted_by != "narrator" and modality == "asserted":
        modality = "reported"
    if _dated_before(statement_anchor, pub_year) if statement_anchor is not None else _dated_before(anchor, pub_year):
        modality = "historical"

    if event_type not in VERBAL_REACTIONS and any(is_media_object(t) for t in target_toks):
        return None  # "released a statement"; but "rejected the results" is a rejection
    own = {tok.i} | ({trig.end_token.i} if trig.end_token is not None else set())
    # "implementing a tariff on X, a tariff on Y": the parallel objects are part of the trigger
    own_lemma = _lemma(trig.end_token) if trig.end_token is not None else None
    target_toks = [t for t in target_toks if t.i not in own and _lemma(t) != own_lemma]
    source_toks = [antecedent_of(t) for t in source_toks if t.i not in own]
    if event_type == "ASSAULT" and target_toks and all(_lemma(t) in PROBLEMS for t in target_toks):
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
    actor_targets, chosen = choose_targets(target_toks, index, lex, _places_in(tok))
    if not actor_targets and lex.type in ("AID", "RETREAT") and not is_noun:
        # "returned 12 skulls that date back to 640 AD to Peru": the recipient, wherever the
        # parser hung the "to" phrase
        recipients = [t for t in tok.sent if t.i > tok.i and t.dep_ == "pobj" and t.head.lower_ == "to"
                      and (t.ent_type_ in ("GPE", "ORG", "NORP", "PERSON") or index.actor_at(t))]
        if recipients:
            actor_targets, chosen = recipients[:1], recipients[:1]
    if _lemma(tok) in HANDING_VERBS and not is_noun and lex.type not in MATERIAL_CONFLICT:
        # "returned six artifacts to the government of Iraq": who receives is the target
        recipient = clause_party(tok, source_toks, index, preps=frozenset({"to", "into"}), any_actor=True)
        if recipient is not None:
            chosen = [recipient] + [t for t in chosen if t.i != recipient.i]
    permitted = permitted_party(tok, trig.end_token, index)
    if permitted is not None:
        # "gave the Pentagon permission to use", "gave approval for the UN to deliver": the one
        # allowed is the target, not the act allowed
        chosen = [permitted] + [t for t in chosen if t.i != permitted.i]
    if event_type == "REJECT" and not any(is_party(t, index) for t in chosen):
        # "will not lift the embargo until Cuba undertakes reforms": the refusal waits on Cuba
        awaited = awaited_party(anchor, index)
        if awaited is not None:
            chosen = [awaited] + chosen
    chosen = [t if is_actorish(t, index) else inner_party(t, index) or t for t in chosen]
    if not any(is_party(t, index) for t in chosen):
        party = clause_party(tok, source_toks, index, also=donor.token if donor is not None else None)
        if party is not None and event_type == "ASSAULT" and party.head.lower_ in DIRECTIONS:
            party = None  # "returned fire into Mexico": where the shots went, not whom they hit
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
    if event_type in RECIPROCAL_TYPES and not actor_targets and len(source_toks) > 1:
        # "Canada and Costa Rica agreed ...": a dyad, coded first party -> second party
        chosen, source_toks = source_toks[1:], source_toks[:1]
        actor_targets = chosen
    if trig.bare:
        # "after the attacks, the government said": a bare mention names no party of its own, and
        # the clause around it is about something else; but "the prisoner died after torture"
        # names who suffered it, and "died in a detention center" who held him
        victim = _sufferer(tok)
        keeper = None if victim is None else _custodian(victim.head) or next(
            (k for c in tok.children if c.dep_ == "relcl" and (k := _custodian(c)) is not None), None)
        source_toks, chosen = [keeper] if keeper is not None else [], [victim] if victim is not None else []
    # what the clause names as doer and undergoer, party or not: how central the event is
    named_roles = (bool(source_toks), bool(chosen))
    if ctx.worlds is not None:  # sense checks: parties must be parties ("Which", "a new chord")
        def coded(t) -> bool:
            return index.actor_at(t) is not None

        def inner(t):
            return inner_party(t, index)

        source_toks = parties_only(source_toks, coded, inner)
        chosen = parties_only(chosen, coded, inner)
    sources = _refs(source_toks, text, index)
    targets = _refs(chosen, text, index)
    if inside is not None and inside.direct and inside.speaker_actor:
        # "I will deploy ...": in a verbatim quote the first person is the speaker
        sources = [ActorRef(span=r.span, actor_id=inside.speaker_actor)
                   if r.actor_id is None and r.span.text.lower() in ("i", "we") else r for r in sources]
    has_actor = bool(actor_targets) or any(
        is_actorish(t, index, as_source=True) or t.tag_ == "PRP" for t in source_toks)
    if lex.type == "ASSAULT" and source_toks and not trig.bare and not any(
            is_actorish(t, index, as_source=True) or t.pos_ == "PRON" or _lemma(t) in noun_lexicon()
            or t.ent_type_ for t in source_toks) and not is_agentive(source_toks[0]):
        return None  # "fentanyl that has killed", "the storm destroyed": violence needs an agent
    outbreak = is_noun and trig.frame is not None and _lemma(trig.frame) in OUTBREAK_VERBS
    if not has_actor and not outbreak and not trig.idiom and not trig.bare:
        return None  # "a picture released", "fentanyl that has killed": no actor acts here
    if event_type == "THREATEN" and not sources and inside is not None and inside.speaker_actor:
        # "All options will be on the table": the speaker is the one who threatens
        sources = [ActorRef(span=quote_speaker_span(inside), actor_id=inside.speaker_actor)]
    if event_type == "THREATEN" and not targets:
        targets = threat_target(tok, text, index, sources, inside)
    end_tok = trig.end_token if trig.end_token is not None and trig.end_token.i > tok.i else tok
    trigger_span = Span.of(text, tok.idx, end_tok.idx + len(end_tok.text))
    if trig.idiom:
        trigger_span = Span.of(text, tok.head.idx, tok.idx + len(tok.text))
    evidence = [trigger_span] + [r.span for r in sources + targets]
    # a verb, or an event noun a light verb carries ("launched an attack"), is stated as done;
    # a main-clause trigger is what the sentence reports, not an act it mentions in passing
    carried = not is_noun or trig.frame is not None
    main = main_clause(anchor)
    confidence = _structure_score(bool(sources), bool(targets), carried, main)
    # prominence counts the roles the clause names, parties or not ("further violence")
    prominence = 0.3 if trig.bare else _structure_score(*named_roles, carried, main)
    # Dated by its own clause; else, for a statement, by when it was made; else by publication.
    time = ctx.times.time_for([tok, trig.frame, statement_anchor]) or ctx.times.publication
    sent = tok.sent  # event_place looks at the places of the trigger's sentence only
    place = venue_of(ctx.places_within(sent.start_char, sent.end_char), tok, targets)
    return Event(
        id=stable_id("event", doc_id, trigger_span.key(), event_type),
        type=event_type, mode=mode, cameo=cameo, trigger=trigger_span, sources=sources,
        targets=targets, modality=modality, asserted_by=asserted_by, quote_id=quote_id,
        time_id=time.id if time else None, place_id=place.id if place else None,
        sentence_id=ctx.sentence_id(tok.idx),
        evidence=evidence, confidence=round(min(confidence, 0.95), 2),
        prominence=round(min(prominence, 0.95), 2),
    )


