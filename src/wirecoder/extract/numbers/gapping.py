"""Gapped clauses: "Apple rose 2%, Microsoft 1.5% and Amazon 3%".

Market reports list figures of several things after one verb, which the later clauses leave
out: "Barclays fell 3.1 per cent and Lloyds 2.4 per cent", "Shares of Ford were up 2.3%, GM by
2.6%". The parse rarely sees the gap and hangs every figure on the first subject, which then
reads as one thing with several values. A figure that follows a name or noun directly (or after
"by", "up", "down"), where that name follows ",", "and", "or", "while" or "but" with no verb
between it and the figure, and where an earlier figure of the same dimension stands in the
sentence, measures that name.
"""

from __future__ import annotations

from .finder import Found
from .syntax import TokenIndex

_LINKS = {",", "and", "or", "while", "whereas", "but", ";"}
_BEFORE_FIGURE = {"by", "up", "down", "at", "to"}
_NAME_POS = ("PROPN", "NOUN")
_NAME_GLUE = {"&", "-", "'s", "’s", "."}
_NOT_NAMES = ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL")


def gapped_concept(doc, index: TokenIndex, found: list[Found], k: int) -> tuple[int, int] | None:
    """The name a gapped clause's figure belongs to, as a character span; None when the figure
    is not in a gapped clause."""
    q = found[k]
    first = index.at(q.start)
    if first is None or q.dimension is None:
        return None
    sent = first.sent
    if not _earlier_of_dimension(found, k, sent.start_char):
        return None
    i = first.i - 1
    while i >= sent.start and doc[i].lower_ in _BEFORE_FIGURE:
        i -= 1
    end = i
    while i >= sent.start and (doc[i].pos_ in _NAME_POS or doc[i].text in _NAME_GLUE) and \
            (doc[i].ent_type_ not in _NOT_NAMES or _name_in_a_figure(doc[i])):
        i -= 1
    if end < sent.start or i == end or doc[end].pos_ not in _NAME_POS or i < sent.start:
        return None
    start = i + 1
    while start <= end and doc[start].text in _NAME_GLUE:
        start += 1
    if start > end or doc[i].lower_ not in _LINKS:
        return None
    # the left-out verb stands before the link; the name has none of its own
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[sent.start:i]):
        return None
    if any(t.pos_ in ("VERB", "AUX") for t in doc[start:first.i]):
        return None
    return doc[start].idx, doc[end].idx + len(doc[end].text)


def _name_in_a_figure(tok) -> bool:
    """ "and Google 1.5%": a capitalised name the tagger swallowed into the figure's own entity
    (PERCENT, MONEY, ...) is still a name; a date's words ("April 2%") are not."""
    return tok.pos_ == "PROPN" and tok.is_title and not tok.like_num and \
        tok.ent_type_ in ("CARDINAL", "MONEY", "PERCENT", "QUANTITY")


def _earlier_of_dimension(found: list[Found], k: int, sent_start: int) -> bool:
    """Does an earlier figure of the sentence have the figure's dimension? `found` is in text
    order (finder sorts it), so the search stops at the sentence's start: a long list of figures
    costs linear time, not quadratic."""
    q = found[k]
    for j in range(k - 1, -1, -1):
        p = found[j]
        if p.start < sent_start:
            return False
        if p.dimension == q.dimension and p.end <= q.start:
            return True
    return False
