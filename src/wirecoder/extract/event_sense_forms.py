"""Sense kinds that read only a trigger's grammatical form, its prepositions and the name it sits
in (rows of knowledge/event_senses.tsv; event_sense.py reads the rest). Each kind is true when the
trigger is used in the form the row names, which is then not the event its lexicon row codes.
"""

from __future__ import annotations

from typing import Any

FORM_KINDS = frozenset({"imperative", "naming_participle", "dependent", "prep", "standing_rule", "in_name"})


def fits_form(when: str, values: frozenset[str], tok: Any) -> bool:
    """Is the trigger token in the form the kind `when` names, with one of the values?"""
    if when == "standing_rule":  # "a method that is outlawed in the United States": a rule in
        # force, told in the present passive with no doer and no time of its own, is no act
        return (tok.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP") for c in tok.children)
                and not any(c.dep_ == "agent" for c in tok.children)
                and not any(t.ent_type_ in ("DATE", "TIME") for t in tok.subtree)
                and any(c.dep_ == "prep" and c.lower_ in values for c in tok.children))
    if when == "imperative":  # "For appointments, call the cancer center", "Just ask him":
        # a sentence's main verb in the base form with no subject or auxiliary of its own
        return (tok.tag_ == "VB" and tok.dep_.lower() in values
                and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in tok.children))
    if when == "naming_participle":  # "a super PAC called Future45", not "reporters called
        # liars by the president"
        return (tok.tag_ == "VBN" and tok.dep_ in values and tok.head.i != tok.i
                and not any(c.dep_ == "agent" for c in tok.children))
    if when == "dependent":  # a dependent of one of these labels: "demonstrated that ..." (ccomp)
        return any(c.dep_ in values for c in tok.children)
    if when == "in_name":
        return _in_name(tok, values)
    if when == "prep":  # "that leaves the court with one judge"
        return any(c.dep_ == "prep" and c.lower_ in values for c in tok.children)
    return False


def _in_name(tok: Any, labels: frozenset[str]) -> bool:
    """"the Boycott Divestment and Sanction (BDS) movement": a capitalised word inside a name of
    several words with one of the labels, in a sentence whose words outside names are not
    title-cased (a headline's "Gunmen Attack Police Station" stays an act)."""
    if tok.pos_ != "PROPN" or tok.ent_type_.lower() not in labels:
        return False  # read on every trigger: the entities are searched only for a name's word
    ent = next(e for e in tok.doc.ents if e.start <= tok.i < e.end)
    if len(ent) < 2:
        return False
    words = [t for t in tok.sent if t.is_alpha and not t.is_stop and not t.ent_type_]
    return sum(t.is_title for t in words) * 2 < len(words)
