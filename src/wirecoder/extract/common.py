"""Small helpers the extractors share."""

from __future__ import annotations

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
