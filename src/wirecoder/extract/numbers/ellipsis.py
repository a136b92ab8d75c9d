"""Units left out: a bare number that counts what an earlier figure of its sentence counts.

News text drops a unit it has just written: "435 homes by open sale and 187 by tender",
"68,400 people who have been out of work for a year and 95,800 who have been out for two",
"the index ended at 1,463.78 points, while the other lost 1.1% to end at 1,334.20", "from 14-18
mpg to 24". Such a number has no noun of its own and stands where the earlier figure stood:
after "and"/"or"/"while"/"but", after the same preposition ("at", "to", "from", "with"; never "of":
"the trial of two men ... a mother of 12"), or as the end of a from-to change.
It takes the unit of the nearest earlier figure of its sentence that counts a noun or measures
a physical quantity; currencies, percentages, durations and ages are never lent ("rose 0.4 per
cent to 13,176" is no percentage, "for two years and 95,800 who" no duration).
A number after "a NOUN or" ("a pick or two", "another week or two") counts that noun: the
article is the first figure, written as a word that is no number.
"""

from __future__ import annotations

import re

from .finder import Found
from .syntax import PERIOD_REFERENCES, TokenIndex, time_unit_of

# Dimensions a left-out unit is never taken from.
_NOT_LENT = ("currency", "percentage", "time", "age", "factor", "fraction", "ratio")
# A word that may stand between a number and its left-out noun's place ("187 by tender",
# "95,800 who", "1,334.20, on turnover"): anything but a noun or a word that starts one.
_OWN_NOUN_POS = ("NOUN", "PROPN", "ADJ", "NUM")
_COORDINATED = re.compile(r"(?:\band|\bor|\bwhile|\bwhereas|\bbut|\bversus|\bvs\.?)\s*$", re.I)
_PREPOSITION = re.compile(r"\b(at|to|with|from)\s+(?:about\s+|around\s+|nearly\s+)?$", re.I)
_FROM = re.compile(r"\bfrom\s+(?:about\s+|around\s+|nearly\s+)?$", re.I)
_WINDOW = 160  # characters back a donor may stand
# "add another pick or two", "a week or two": the noun an article counts, then "or" and a number
_ARTICLE_OR = re.compile(r"\b(?:a|an|another|one more)\s+(?:[A-Za-z-]+\s+)?([A-Za-z][A-Za-z-]*)\s+or\s+$", re.I)


def share_left_out_units(doc, index: TokenIndex, found: list[Found], text: str) -> None:
    """Give each bare number that stands in an earlier figure's place that figure's unit."""
    for k, q in enumerate(found):
        if q.norm is not None or q.kind not in ("number", "range") or q.value is None:
            continue
        if _has_own_noun(doc, index, q):
            continue
        before = text[max(0, q.start - 24):q.start]
        if _article_noun(index, q, text, before):
            continue
        donor = _donor(index, found, k, text, before)
        if donor is not None:
            q.unit, q.norm, q.dimension = donor.unit, donor.norm, donor.dimension


def _article_noun(index: TokenIndex, q: Found, text: str, before: str) -> bool:
    """ "another pick or two": the number counts the noun after the article (a time noun gives
    its unit: "a week or two" is in weeks)."""
    m = _ARTICLE_OR.search(before)
    if m is None or q.kind != "number":
        return False
    noun = index.at(q.start - len(before) + m.start(1))
    if noun is None or noun.pos_ != "NOUN" or noun.tag_ != "NN":
        return False
    lexical = time_unit_of(noun)
    q.unit, q.unit_span = noun.text, (noun.idx, noun.idx + len(noun.text))
    q.norm, q.dimension = (lexical.name, lexical.dimension) if lexical else (noun.lemma_.lower(), "count")
    return True


def _has_own_noun(doc, index: TokenIndex, q: Found) -> bool:
    last = index.at(q.end - 1)
    if last is None:
        return True
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is not None and nxt.lower_ in PERIOD_REFERENCES and last.i + 2 < len(doc) and \
            time_unit_of(doc[last.i + 2]) is not None:
        return False  # "2.1 last year": a time reference, not the number's noun
    return nxt is not None and (nxt.pos_ in _OWN_NOUN_POS or nxt.like_num or nxt.text in ("%", "$"))


def _lends(p: Found) -> bool:
    return p.norm is not None and p.dimension is not None and not p.dimension.startswith(_NOT_LENT) \
        and p.kind in ("number", "range", "part")


def _donor(index: TokenIndex, found: list[Found], k: int, text: str, before: str) -> Found | None:
    q = found[k]
    sent = index.at(q.num_start)
    earlier = []
    sent_start = sent.sent.start_char if sent is not None else None
    for j in range(k - 1, -1, -1):  # `found` is in text order: stop past the window, stay linear
        p = found[j]
        if q.start - p.start > _WINDOW + 200:
            break
        if q.start - p.end <= _WINDOW and sent_start is not None and p.num_start >= sent_start:
            earlier.append(p)
    if not earlier:
        return None
    prev = earlier[0]
    # "from about 14-18 mpg to 24": the end of a change is in the unit of its start
    if re.fullmatch(r"\s+to\s+", text[prev.end:q.start]) and _lends(prev) and \
            _FROM.search(text[max(0, prev.num_start - 24):prev.num_start]):
        return prev
    lenders = [p for p in earlier if _lends(p)]
    if not lenders:
        return None
    if _COORDINATED.search(before):
        return lenders[0]
    prep = _PREPOSITION.search(before)
    if prep is not None:
        word = prep.group(1).lower()
        for p in lenders:
            m = _PREPOSITION.search(text[max(0, p.start - 24):p.start])
            if m is not None and m.group(1).lower() == word:
                return p
    return None
