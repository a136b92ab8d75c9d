"""A concept that only repeats the unit: "4.3M digital and physical sales" is no measure of
"digital", nor "one fourth of the US population" of "US population".

A counted noun or a whole is the quantity's unit already ("digital physical sale", "% us
population"); a concept whose every word is a word of that unit says nothing more. The concept is
then the unit noun's own "of" phrase when it has one ("4.3M digital and physical sales of The
Greatest Showman" -> "The Greatest Showman"), else none. A concept that is the counted noun
itself, as the "number of" rule gives it on purpose (concept.py), stays.
"""

from __future__ import annotations

from .concept import noun_phrase
from .finder import Found

_SKIPPED = ("DET", "PUNCT", "ADP", "CCONJ", "PART", "PRON")


def only_the_unit(doc, index, q: Found) -> bool:
    """Whether every content word of q's concept is a word of q's normalised unit."""
    if q.concept is None or q.concept == q.unit_span or not q.norm or \
            q.dimension not in ("count", "fraction"):
        return False  # the counted noun itself, given on purpose ("the number ... rose from 31,000
        # overdose deaths" -> "overdose deaths"), stays
    unit_words = set(q.norm.replace("%", " ").split())
    toks = [t for t in index.within(*q.concept) if t.pos_ not in _SKIPPED and t.tag_ != "POS"]
    return bool(toks) and all(t.lower_ in unit_words or t.lemma_.lower() in unit_words for t in toks)


def of_the_unit(doc, index, q: Found, by_token: dict[int, int], own: int) -> tuple[int, int] | None:
    """The "of" phrase of the noun q counts ("sales of The Greatest Showman"), else None."""
    if q.unit_span is None:
        return None
    noun = index.at(q.unit_span[1] - 1)
    if noun is None:
        return None
    of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > noun.i), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is None or pobj.pos_ not in ("NOUN", "PROPN") or pobj.i in by_token:
        return None
    own_ids = {t.i for t in index.within(q.num_start, q.end)}
    return noun_phrase(pobj, own_ids, by_token, own, with_pp=False)
