"""Which triggers another trigger's event covers: "refused to withdraw" is one REJECT, not a
REJECT and a RETREAT; "vowed to wage war" is coded from "wage war"; "urged followers to attack"
is the REQUEST."""

from __future__ import annotations

from typing import Any

from ..knowledge.plover import types_in
from ..lang.en import words
from .common import is_infinitive
from .common import lemma as _lemma
from .event_tables import coding, event_words
from .modality import EXECUTIVE_GOVERNORS

# Verbs whose own event dominates the act they govern ("refused to withdraw" is a REJECT, "urged
# X to release" a REQUEST, "accused X of attacking" an ACCUSE) are of the `dominant` types, force
# of the `material_conflict` types (knowledge/plover_types.tsv).
# Verbs that defer to the act they govern: "vowed to wage war" is coded from "wage war" (a threat),
# "agreed to withdraw" from "withdraw" (an AGREE, see COOPERATIVE_ACTS).
DEFERRING_GOVERNORS = words("speech_verbs", commits="yes") | words("speech_verbs", threatens="yes")
# Verbs of contact or sending whose purpose ("to congratulate", "to investigate") is the event.
CONTACT_VERBS = event_words("contact_verb")
_EMBEDDING_DEPS = {"xcomp", "ccomp", "advcl", "pcomp", "dobj", "prep", "pobj"}


def suppressed_triggers(triggers: list[Any]) -> dict[int, Any]:
    """Triggers that another trigger's event covers: token index -> the covering trigger, which
    borrows the covered one's target when it has none ("refused to meet Obama")."""
    by_index = {t.token.i: t for t in triggers}
    covered: dict[int, Any] = {}
    force, asks, dominant = types_in("material_conflict"), types_in("asks"), types_in("dominant")
    text = coding("agree_text")
    for trig in triggers:
        tok = trig.token
        head_verb = by_index.get(tok.head.head.i) if tok.dep_ == "pobj" else None
        if trig.frame is None and not trig.idiom and head_verb is not None \
                and head_verb.token.pos_ == "VERB" and tok.head.dep_ == "prep":
            if trig.lexeme.type == text.type and head_verb.lexeme.type in text.applies_to:
                covered[head_verb.token.i] = trig  # "agreed on a trade deal": finalising it
            else:
                # "mobilized the army for an assault", "conceded to demands": the verb's event
                covered[tok.i] = head_verb
            continue
        for _ in range(4):
            if tok.head.i == tok.i or tok.dep_ not in _EMBEDDING_DEPS:
                break
            link = tok.dep_
            tok = tok.head
            governor = by_index.get(tok.i)
            if governor is None or governor is trig:
                continue
            if governor.lexeme.type in asks and trig.lexeme.type in force \
                    and _lemma(governor.token) in EXECUTIVE_GOVERNORS:
                covered[governor.token.i] = trig  # "will order the military to strike": a threat
            elif governor.lexeme.type in asks and trig.lexeme.type in force:
                # "urged followers to carry out attacks", "called on the government to block the
                # visit": asking others to act is the event; the act is only asked for
                covered[trig.token.i] = governor
            elif governor.lexeme.type in dominant:
                covered[trig.token.i] = governor
            elif (_lemma(governor.token) in CONTACT_VERBS and link in ("xcomp", "advcl")
                  and is_infinitive(trig.token) and trig.lexeme.type not in force):
                # "called Morrison to congratulate him", "sent experts to investigate": the call
                # or the mission is the means, its purpose the event
                covered[governor.token.i] = trig
            elif _lemma(governor.token) in DEFERRING_GOVERNORS and (link != "advcl" or is_infinitive(trig.token)):
                # "vowed to wage war" defers; "pledged support, though details were not
                # released" does not: a subordinate clause is no content of the pledge
                covered[governor.token.i] = trig
            break
    return covered
