"""Anchor an event to the time expression of its own clause.

A time expression dates an event when it hangs in the event's clause: "opened fire on Monday",
"a tariff will be levied on February 1", "Monday's firefight". Expressions in another clause of the
same sentence ("..., exactly one week after Trump returned to office") do not. Without one the event
takes the publication date, and its TimeRef says so (`from_publication_date`).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import TimeRef

# Clause-internal links we climb from a time expression towards the word it modifies.
_INNER_DEPS = {"pobj", "prep", "npadvmod", "tmod", "poss", "compound", "nummod", "amod", "advmod",
               "appos", "det", "quantmod", "nmod", "case", "pcomp"}
_POINT_TYPES = {"DATE", "TIME"}


class TimeAnchors:
    """Dates events by the time expressions of their clause."""

    def __init__(self, times: Sequence[TimeRef], doc):
        self.publication = next((t for t in times if t.from_publication_date), None)
        self._by_head: dict[int, list[TimeRef]] = {}
        for time in times:
            if time.from_publication_date or time.type not in _POINT_TYPES or time.span.end <= time.span.start:
                continue
            span = doc.char_span(time.span.start, time.span.end, alignment_mode="expand")
            if span is None:
                continue
            head = _attachment(span.root)
            if head is not None:
                self._by_head.setdefault(head.i, []).append(time)

    def time_for(self, anchors) -> TimeRef | None:
        """The time of the first anchor token (trigger, then its frame) that has one attached."""
        return _first_attached(self._by_head, anchors)


def _attachment(token):
    """The verb or event noun a time expression modifies: climb clause-internal links."""
    tok = token
    for _ in range(6):
        if tok.dep_ not in _INNER_DEPS or tok.head.i == tok.i:
            return tok.head if tok.head.i != tok.i else tok
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") or tok.dep_ in ("nsubj", "dobj", "nsubjpass", "ROOT"):
            return tok
    return None


def _first_attached(by_head: dict, anchors):
    """Of the records attached to the first anchor that has any, the one nearest to it."""
    for anchor in anchors:
        found = by_head.get(anchor.i) if anchor is not None else None
        if found:
            return min(found, key=lambda r: abs(r.span.start - anchor.idx))
    return None
