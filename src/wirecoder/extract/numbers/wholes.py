"""Fractions of a whole: "half the condos", "two-thirds of its sales", "one fourth of the US
population".

A fraction written before a counted noun is a share of that noun's whole: its normalised unit is
"% " and the noun's name, as NewsQuant and CQE write it ("half the condos" -> "% condo"), and its
dimension "fraction", which the claims stage never compares with a count. A fraction of a unit
("half a mile", "1/16 of a US pint") is in that unit already, and one of a pronoun ("a third of
those screened") names no whole.
"""

from __future__ import annotations

from ...lang.en import words
from .finder import Found
from .syntax import TokenIndex, count_name

_DEMONSTRATIVES = words("pronouns", kind="demonstrative")
_DETERMINERS = words("pronouns", kind="possessive") | _DEMONSTRATIVES | {"the", "a", "an"}


def attach_wholes(doc, index: TokenIndex, found: list[Found]) -> None:
    for q in found:
        if q.kind != "fraction" or q.norm is not None or q.value is None:
            continue
        last = index.at(q.num_end - 1)
        if last is None or last.i + 1 >= len(doc):
            continue
        others = [(p.num_start, p.num_end) for p in found if p is not q]
        noun = _whole_noun(doc, last.i + 1, others)
        if noun is None:
            continue
        toks = [t for t in doc[last.i + 1:noun.i + 1] if t.lower_ not in _DETERMINERS and t.lower_ != "of"
                and not _inside(t, others)]
        q.norm, q.dimension = f"% {count_name(toks, noun)}", "fraction"


def _inside(tok, spans) -> bool:
    return any(a <= tok.idx < b for a, b in spans)


def _whole_noun(doc, i: int, others):
    """The noun after "of" and a determiner ("of the condos"), or after a determiner alone
    ("half the condos"): the last noun of its run, before any verb, preposition or clause."""
    if doc[i].lower_ == "of":
        i += 1
    if i >= len(doc) or doc[i].lower_ not in _DETERMINERS and doc[i].pos_ not in ("ADJ", "NOUN", "PROPN", "VERB"):
        return None
    if doc[i].pos_ == "PRON" and doc[i].tag_ != "PRP$" or doc[i].lower_ in _DEMONSTRATIVES and \
            (i + 1 >= len(doc) or doc[i + 1].pos_ not in ("ADJ", "NOUN", "PROPN")):
        return None  # "a third of those screened": no whole named
    noun = None
    for t in doc[i:i + 8]:
        if _inside(t, others):  # "the combined 4.3M digital sales": another figure's number
            continue
        if t.pos_ in ("NOUN", "PROPN"):
            noun = t
            if t.tag_ in ("NNS", "NNPS"):
                break
        elif noun is None:
            if t.pos_ in ("VERB", "ADP", "PUNCT", "AUX") and t.tag_ != "VBN":
                return None
        elif t.pos_ not in ("CCONJ", "ADJ"):  # "print and digital copies": joined modifiers
            break
    return noun
