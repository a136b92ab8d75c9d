"""Small helpers the extractors share."""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from ..knowledge import load_tsv
from ..records import Span


def span_of(text: str, obj) -> Span:
    """A record Span for a spaCy Span (start_char/end_char) or Token (idx)."""
    if hasattr(obj, "start_char"):
        return Span.of(text, obj.start_char, obj.end_char)
    return Span.of(text, obj.idx, obj.idx + len(obj.text))


def char_span(text: str, start: int, end: int) -> Span:
    """A Span for text[start:end] with whitespace trimmed off both ends."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


def token_at(doc, char: int):
    """The token that starts at (or covers) character offset `char` of a spaCy Doc."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


class TokenFinder:
    """`token_at` for many offsets of one document, by binary search: `Doc.char_span` scans the
    tokens, and calling it once per event made long documents quadratic. An offset in the space
    after a token gives the next token."""

    def __init__(self, doc):
        self.doc = doc
        self.starts = [t.idx for t in doc]

    def __call__(self, offset: int):
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return self.doc[0]
        tok = self.doc[i]
        if offset >= tok.idx + len(tok.text) and i + 1 < len(self.doc):
            return self.doc[i + 1]
        return tok


@cache
def _lemma_fixes() -> dict[str, str]:
    return {row["form"].lower(): row["lemma"].lower() for row in load_tsv("lemma_fixes.tsv")}


def lemma(tok) -> str:
    """The token's lemma in lower case, with the pinned model's known verb errors corrected
    (knowledge/lemma_fixes.tsv: "staged" is "stage", not "stag")."""
    low = tok.lemma_.lower()
    return _lemma_fixes().get(tok.lower_, low) if tok.pos_ in ("VERB", "AUX") else low


def is_infinitive(tok) -> bool:
    """A verb with its own "to": "called for the army to withdraw", "tried to attack"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
