"""An event's type as the text says it: the lexicon's type, recoded by how the act is said.

A material act that is only threatened, planned or weighed is a THREATEN (mode from the act); a
cooperative act that is only offered or promised is an AGREE; a refused one a REJECT; a "scathing
attack" is an accusation; agreeing to a text is SUPPORT; with the sense checks on, a trigger used
in another sense is dropped or takes the type that sense names (event_sense.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from .common import lemma as _lemma
from .event_context import verbal_attack
from .event_cover import MATERIAL_CONFLICT
from .event_sense import Worlds, other_sense
from .event_trigger import Trigger
from .event_triggers import noun_lexicon
from .modality import outside_governors, read_modality

# Acts that, announced or weighed rather than done, are threats: force, and also boycotts, strikes
# and protests (PLOVER THREATEN/restrict: "threaten to restrict movement ... including boycotts,
# strikes, blockades").
PRESSURE_ACTS = MATERIAL_CONFLICT | {"PROTEST"}
# With the sense checks on, an attempt or a result is no threat ("tried to assassinate", "managed
# to kill", "leading to an arrest"): the act keeps its own type. A permission or a need still
# weighs force ("permitted to go after them", "resources needed to go after the cartels").
NO_THREAT_GOVERNORS = {"try", "attempt", "manage", "fail", "succeed", "lead"}
# Cooperative acts that are only offered, promised or planned are AGREE (PLOVER: "agree to, offer,
# promise, or otherwise indicate willingness or commitment to cooperate").
COOPERATIVE_ACTS = {"AID", "COOPERATE", "RETREAT", "CONSULT"}
# Cooperative acts that, negated, are coded as a refusal (CAMEO 12: reject, decline, refuse).
REFUSABLE = {"AGREE", "SUPPORT", "COOPERATE", "CONSULT", "AID", "CONCEDE", "RETREAT"}
THREAT_MODE = {"ASSAULT": "violence", "COERCE": "coerce", "MOBILIZE": "mobilize",
               "SANCTION": "sanction", "PROTEST": "restrict", "REJECT": "relations"}
# The CAMEO root of each PLOVER type, for an event recoded by its sense.
TYPE_CAMEO = {"AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
              "RETREAT": "08", "CONCEDE": "08", "REQUEST": "10", "ACCUSE": "11", "REJECT": "12",
              "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15", "SANCTION": "16", "COERCE": "17",
              "ASSAULT": "18"}
THREAT_CAMEO = {"ASSAULT": "138", "COERCE": "137", "MOBILIZE": "138", "SANCTION": "131",
                "PROTEST": "1312", "REJECT": "1313"}
AGREEMENT_NOUNS = {"deal", "agreement", "treaty", "accord", "text", "approach", "plan", "proposal",
                   "framework", "roadmap", "resolution", "declaration", "pact", "settlement"}


def agrees_to_a_text(verb) -> bool:
    """'agreed to a trade deal', 'agreed on the draft text': approving a text, not a promise."""
    if any(c.dep_ == "dobj" and _lemma(c) in AGREEMENT_NOUNS for c in verb.children):
        return True  # "agreed a trade deal"
    return any(c.dep_ == "prep" and c.lower_ in ("to", "on", "upon") and
               any(p.dep_ == "pobj" and _lemma(p) in AGREEMENT_NOUNS for p in c.children)
               for c in verb.children)


@dataclass(frozen=True)
class Typing:
    """An event's PLOVER type, mode and CAMEO code, and its modality, as recoded."""

    type: str
    mode: str | None
    cameo: str | None
    modality: str


def type_of(trig: Trigger, worlds: Worlds | None) -> Typing | None:
    """The trigger's type recoded by its modality and sense; None when the trigger is used in
    another sense that names no event ("beat the bushes", "shares closed at")."""
    tok, lex = trig.token, trig.lexeme
    # A demand's modality is that of the speaking ("said ... must"), not of the demanded act.
    reading = read_modality(trig.demanded_by if trig.demanded_by is not None else tok)
    modality = reading.modality
    event_type, mode, cameo = lex.type, lex.mode, lex.cameo
    attack_noun = tok if tok.pos_ in ("NOUN", "PROPN") else trig.end_token
    if event_type == "ASSAULT" and attack_noun is not None and attack_noun.pos_ == "NOUN" \
            and verbal_attack(attack_noun):
        event_type, mode, cameo = "ACCUSE", "disapprove", "111"  # "a scathing attack on X"
    if event_type == "AGREE" and agrees_to_a_text(tok):
        event_type, cameo = "SUPPORT", "057"  # finalising an agreement is SUPPORT in PLOVER
    # "threatened to withdraw", "warned it would cut aid": whatever is threatened, it is a threat
    threat_of_act = event_type != "THREATEN" and modality == "threatened"
    gov = _lemma(reading.governor) if reading.governor is not None else None
    weighed_force = event_type in PRESSURE_ACTS and not (worlds is not None and gov in NO_THREAT_GOVERNORS) and (
        modality == "planned" or modality == "hypothetical" and gov is not None and gov not in outside_governors())
    if threat_of_act or weighed_force:
        event_type = "THREATEN"
        mode = THREAT_MODE.get(lex.type, lex.type.lower())
        cameo = THREAT_CAMEO.get(lex.type, "130")
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
    sense = other_sense(tok, trig.end_token, {lex.type, event_type}, worlds) if worlds else None
    if sense is not None and not sense.isupper():
        return None  # "beat the bushes", "shares closed at", "the quake killed": another sense
    if sense is not None and sense != event_type and event_type == lex.type:
        # "a nurses' strike" is a PROTEST, "seized hostages" an abduction: the type the sense names
        # (a threatened act stays a threat, whatever the act)
        event_type, mode, cameo = sense, None, TYPE_CAMEO.get(sense)
    if worlds is not None and sense is None:
        _remember_phrase_sense(trig, event_type, modality, worlds)
    return Typing(event_type, mode, cameo, modality)


def _remember_phrase_sense(trig: Trigger, event_type: str, modality: str, worlds: Worlds) -> None:
    """A phrase that names the sense of its event noun ("a general strike", "went on strike" are
    PROTESTs where a bare "strike" is an ASSAULT) gives that sense to the noun's later bare mentions
    in the article (one sense per discourse)."""
    tok = trig.token
    if tok.pos_ != "NOUN" or modality == "threatened" or event_type == "THREATEN":
        return
    bare = noun_lexicon().get(_lemma(tok))
    if bare is not None and bare.type != trig.lexeme.type == event_type:
        worlds.senses.setdefault((_lemma(tok), tok.pos_), event_type)
