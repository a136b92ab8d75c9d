"""When two figures of one document can be one fact stated twice, and how far apart they are:
the conditions a contradiction needs (extract/claims.py), kept apart from the checks themselves."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from ..knowledge import load_tsv
from .numbers.words import format_value


@cache
def claim_vetoes() -> frozenset[str]:
    """Words of change, proposal, comparison or condition (knowledge/claim_vetoes.tsv)."""
    return frozenset(row["word"] for row in load_tsv("claim_vetoes.tsv"))


def is_vetoed(sentence: Any, start: int, end: int) -> bool:
    """Does the figure's sentence speak of a change, a proposal, a comparison or a condition? The
    figure's own words ("more than 300") are its bound, not a comparison."""
    vetoes = claim_vetoes()
    return any((t.lemma_.lower() in vetoes or t.lower_ in vetoes) and not start <= t.idx < end
               for t in sentence)


# a person or an organisation is no count; a people ("tens of millions of Americans") is one
_PARTY_LABELS = frozenset({"PERSON", "ORG"})


def part_of_something_else(text: str, start: int, end: int, times: Sequence[Any]) -> bool:
    """Is the figure part of something that is no count: a date or time the time tagger found
    ("3:45 p.m."), or a number written against a slash ("9/11 victims", "24/7")?"""
    if any(t.span.start < end and start < t.span.end and t.type in ("DATE", "TIME") for t in times):
        return True
    before, after = text[max(0, start - 1):start], text[end:end + 1]
    return before == "/" or after == "/" or "/" in text[start:end].split(" ")[0]


def names_a_party(doc: Any, start: int, end: int) -> bool:
    """Is the concept a figure is about the name of a person or an organisation: "seven" next to
    "Marco Rubio" says nothing of what is counted, so it can be checked against nothing."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.ent_type_ in _PARTY_LABELS


def one_fact(a: Any, b: Any) -> bool:
    """Could two figures that disagree be one fact stated twice? Two counts of the same noun in an
    article are mostly of different sets ("22 women", "20 women in the Senate"), two percentages
    mostly of different wholes ("32% Republican", "51% white"). Only mentions tied by a word beyond
    the counted noun (what happened to them: "death") qualify, and only when one's words are all
    among the other's (no two different subgroups, markets or wholes); neither may be a part ("one
    of those plans") or sit in a sentence of change, proposal, comparison or condition
    (knowledge/claim_vetoes.tsv)."""
    if not (a.keys & b.keys) - {a.counted} or not (a.keys <= b.keys or b.keys <= a.keys):
        return False
    if {a.counted, b.counted} & claim_vetoes():  # "eleven times", "three times": occurrences
        return False
    for v in (a, b):
        after = v.sentence.doc.text[v.q.span.end:v.q.span.end + 4] if v.sentence is not None else ""
        if after.startswith(" of ") or v.vetoed:
            return False
    return True


def how_much_larger(ratio: float) -> str:
    """'at least 20% larger than', 'at least about 3 times', 'at least about 1,000 times'."""
    if ratio < 2:
        return f"at least {max(1, round((ratio - 1) * 100))}% larger than"
    return f"at least about {format_value(float(f'{ratio:.2g}'))} times"
