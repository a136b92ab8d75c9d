"""An event's type as the text says it: the lexicon's type, recoded by how the act is said.

A material act that is only threatened, planned or weighed is a THREATEN (mode from the act); a
cooperative act that is only offered or promised is an AGREE; a refused one a REJECT; a "scathing
attack" is an accusation; agreeing to a text is SUPPORT; with the sense checks on, a trigger used
in another sense is dropped or takes the type that sense names (event_sense.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..knowledge.plover import plover_type, type_cameo, types_in
from .common import lemma as _lemma
from .event_context import asks_for_act_against, verbal_attack
from .event_sense import Worlds, other_sense
from .event_tables import coding, event_words
from .event_trigger import Trigger
from .event_triggers import noun_lexicon
from .modality import outside_governors, read_modality

# With the sense checks on, an attempt or a result is no threat ("tried to assassinate", "managed
# to kill", "leading to an arrest"): the act keeps its own type. A permission or a need still
# weighs force ("permitted to go after them", "resources needed to go after the cartels").
NO_THREAT_GOVERNORS = event_words("no_threat_governor")
AGREEMENT_NOUNS = event_words("agreement_noun")


def agrees_to_a_text(verb) -> bool:
    """'agreed to a trade deal', 'agreed on the draft text': approving a text, not a promise."""
    if any(c.dep_ == "dobj" and _lemma(c) in AGREEMENT_NOUNS for c in verb.children):
        return True  # "agreed a trade deal"
    return any(c.dep_ == "prep" and c.lower_ in ("to", "on", "upon") and
               any(p.dep_ == "pobj" and _lemma(p) in AGREEMENT_NOUNS for p in c.children)
               for c in verb.children)


def _asked_against(noun_lemma: str) -> bool:
    """An event noun of an `asked_against` type of plover_types.tsv ("sanctions", "an inquiry"),
    and an event on its own: not a noun that needs a frame ("action on climate change")."""
    lex = noun_lexicon().get(noun_lemma)
    return lex is not None and lex.type in types_in("asked_against") and not lex.needs_frame


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
    verbal = coding("verbal_attack")
    if event_type in verbal.applies_to and attack_noun is not None and attack_noun.pos_ == "NOUN" \
            and verbal_attack(attack_noun):
        # "a scathing attack on X"
        event_type, mode, cameo = verbal.type, verbal.mode_for(event_type, mode), verbal.cameo
    rally = coding("rally_opposition")
    if event_type in rally.applies_to and asks_for_act_against(tok, _asked_against):
        # "called for sanctions against Moscow": rallying opposition against it (CAMEO 113)
        event_type, mode, cameo = rally.type, rally.mode_for(event_type, mode), rally.cameo
    text = coding("agree_text")
    if event_type in text.applies_to and agrees_to_a_text(tok):
        # finalising an agreement is SUPPORT in PLOVER
        event_type, mode, cameo = text.type, text.mode_for(event_type, mode), text.cameo
    # "threatened to withdraw", "warned it would cut aid": whatever is threatened, it is a threat
    threat = coding("threat")
    threat_of_act = event_type != threat.type and modality == "threatened"
    gov = _lemma(reading.governor) if reading.governor is not None else None
    weighed_force = event_type in threat.applies_to and not (worlds is not None and gov in NO_THREAT_GOVERNORS) and (
        modality == "planned" or modality == "hypothetical" and gov is not None and gov not in outside_governors())
    commitment, refusal = coding("commitment"), coding("refusal")
    if threat_of_act or weighed_force:
        act = plover_type(lex.type)
        event_type = threat.type
        mode = act.threat_mode or threat.mode_for(lex.type, mode)
        cameo = act.threat_cameo or threat.cameo
        modality = "threatened"
    elif event_type in commitment.applies_to and (modality == "planned" or reading.governor is not None
                                                  and modality in ("threatened", "hypothetical")):
        # "will provide aid", "willing to withdraw", "agreed to hold talks": a commitment (AGREE)
        event_type, mode, cameo = commitment.type, commitment.mode_for(lex.type, mode), commitment.cameo
    peace = coding("peacekeeping")
    if event_type in peace.applies_to and any(t.lemma_.lower().startswith("peacekeep")
                                              for t in tok.sent if t.i >= tok.i):
        # troops sent to keep the peace are aid (CAMEO 074), not a show of force
        event_type, mode, cameo = peace.type, peace.mode_for(event_type, mode), peace.cameo
    if modality == "negated" and event_type in refusal.applies_to:
        # "did not accept the offer", "would not attend the talks": a refusal, which happened
        event_type, mode, cameo, modality = refusal.type, refusal.mode_for(lex.type, mode), refusal.cameo, "asserted"
    if event_type == threat.type and modality in ("asserted", "planned"):
        modality = "threatened"
    sense = other_sense(tok, trig.end_token, {lex.type, event_type}, worlds) if worlds else None
    if sense is not None and not sense.isupper():
        return None  # "beat the bushes", "shares closed at", "the quake killed": another sense
    if sense is not None and sense != event_type and event_type == lex.type:
        # "a nurses' strike" is a PROTEST, "seized hostages" an abduction: the type the sense names
        # (a threatened act stays a threat, whatever the act)
        event_type, mode, cameo = sense, None, type_cameo(sense)
    if worlds is not None and sense is None:
        _remember_phrase_sense(trig, event_type, modality, worlds)
        if event_type == "ASSAULT" and modality in ("asserted", "reported", "historical"):
            worlds.assaults_at.append(tok.i)
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
