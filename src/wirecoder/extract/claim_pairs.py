"""When two figures of one document can be one fact stated twice, and how far apart they are:
the conditions a contradiction needs (extract/claims.py), kept apart from the checks themselves."""

from __future__ import annotations

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
