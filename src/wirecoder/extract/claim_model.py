"""The claim model: what two figures of one document must share to be one fact stated twice, and,
when they share a concept but not all of it, why they are not checked against each other.

Two figures contradict each other only when they measure the same quantity of the same referent
(`shares_concept`: the same counted noun or concept head and a word of context beyond it;
`fact_differences`: not a subset or another market, not shares of different parts or wholes, not
in a sentence of change, proposal or comparison), for the same time and place
(`setting_differences`), asserted in the same form (`form_differences`: not a range against a
single figure). Each failed condition is a `Difference`: a few plain words and the spans of the
text that show it. Figures of different things get no verdict; figures of one thing that
disagree but fail a condition of setting or form get `unverifiable`, with those words
(`unverifiable_differences`, used by extract/claims.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..records import Span
from .claim_keys import key as _key
from .claim_keys import place_key
from .claim_pairs import claim_vetoes, veto_word
from .numbers.words import format_value


@dataclass(frozen=True)
class Difference:
    """A condition of one fact that two figures fail: why, in plain words, and where."""

    why: str
    spans: tuple[Span, ...] = ()


def _span(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def shares_concept(a: Any, b: Any) -> bool:
    """Do two figures of the same counted thing share a word of context beyond its noun ("death"
    of "killed ... Americans" and "Americans who have died"; "Brent" and "WTI" of "oil")?"""
    return bool((a.keys & b.keys) - {a.counted} - a.phrase - b.phrase)


def setting_differences(a: Any, b: Any, text: str, localities: bool = False) -> list[Difference]:
    """Different time or place: a rate against a total, years, dates ("In March" against "early
    Friday") or durations that differ, countries named on both sides that differ (and, with
    `localities`, for figures that disagree, cities or sites: "Houston" against "Dallas")."""
    out = []
    if a.rate != b.rate:
        rate = a if a.rate else b
        out.append(Difference(f'"{rate.text}" is a rate per period and the other a total',
                              tuple(rate.rate_spans)))
    if a.years and b.years and not set(a.years) & set(b.years):
        out.append(Difference(f"they are for different years ({', '.join(sorted(set(a.years)))} against "
                              f"{', '.join(sorted(set(b.years)))})", tuple(a.year_spans + b.year_spans)))
    if a.dates and b.dates and not any(x.startswith(y) or y.startswith(x) for x in a.dates for y in b.dates):
        out.append(Difference("they are for different dates ("
                              + " against ".join(", ".join(s.text for s in v.date_spans) for v in (a, b)) + ")",
                              tuple(a.date_spans + b.date_spans)))
    if a.periods and b.periods and not a.periods & b.periods:
        out.append(Difference("they are for different periods ("
                              + " against ".join(", ".join(s.text for s in v.period_spans) for v in (a, b)) + ")",
                              tuple(a.period_spans + b.period_spans)))
    if a.places and b.places and not a.places & b.places or \
            localities and a.localities and b.localities and not a.localities & b.localities:
        spans = tuple(_place_spans(text, a) + _place_spans(text, b))
        named = " against ".join(", ".join(sorted({s.text for s in _place_spans(text, v)})) for v in (a, b))
        out.append(Difference(f"they are for different places ({named})", spans))
    return out


def one_place(a: Any, b: Any) -> bool:
    """A place named for one figure and none for the other: too little to tell whether they are of
    one thing (the seven militants of a headline, the four of one blast), so no verdict."""
    return bool(a.places) != bool(b.places)


def one_locality(a: Any, b: Any) -> bool:
    """A city, region or site named for one figure only ("32 people in bombings at the Brussels
    airport" against "80 people were killed"): too little to call two figures that disagree one
    fact, so no verdict. (Equal figures may still agree: "at least 80 people ... in Nice" and "80
    people" of the same attack.)"""
    return bool(a.places or a.localities) != bool(b.places or b.localities)


def _place_spans(text: str, v: Any) -> list[Span]:
    if v.sentence is None or not (v.places or v.localities):
        return []
    return [_span(text, e.start_char, e.end_char) for e in v.sentence.ents
            if place_key(e.label_, e.text) in v.places | v.localities]


def form_differences(a: Any, b: Any) -> list[Difference]:
    """A range against a single figure: the range may be an estimate around the figure, or the
    figure one end of it."""
    ranges = [v for v in (a, b) if v.q.value_high is not None]
    if len(ranges) != 1:
        return []
    r = ranges[0]
    return [Difference(f'"{r.text}" is a range ({format_value(r.low)} to {format_value(r.high)}) '
                       "and the other a single figure", (r.q.span,))]


def fact_differences(a: Any, b: Any, text: str) -> list[Difference]:
    """Not the same thing: words of what is counted that one has and the other lacks on both
    sides (another subgroup, market or whole), shares of a whole that differ, an occurrence count,
    an addition to a set, a part of a set, a sentence of change, proposal or comparison. Figures
    that fail one of these are of different things: they get no verdict."""
    out = []
    if not (a.keys <= b.keys or b.keys <= a.keys):
        only_a, only_b = _words_only(text, a, b.keys), _words_only(text, b, a.keys)
        what = ("percentages of different wholes or groups" if a.dimension == "percentage"
                else "of different groups, markets or kinds")
        said = " against ".join(", ".join(sorted({s.text for s in spans})) or "?" for spans in (only_a, only_b))
        out.append(Difference(f"they are {what} ({said})", tuple(only_a + only_b)))
    if a.dimension == "percentage" and any(text[v.q.span.end:v.q.span.end + 4] == " of " for v in (a, b)):
        only_a, only_b = _sentence_words_only(text, a, b), _sentence_words_only(text, b, a)
        said = " against ".join(", ".join(sorted({s.text for s in spans})) or "?" for spans in (only_a, only_b))
        out.append(Difference(f"they are shares that may be of different parts or wholes ({said})",
                              tuple(only_a + only_b)))
    for v in (a, b):
        out += _own_differences(text, v)
    return out


def _own_differences(text: str, v: Any) -> list[Difference]:
    out = []
    last = re.findall(r"[A-Za-z]+", v.text.lower())
    if v.counted in claim_vetoes() or (last and last[-1] in claim_vetoes()):
        out.append(Difference(f'"{v.text}" counts occurrences, not one amount', (v.q.span,)))
    if v.added:
        out.append(Difference(f'"{v.text}" is an addition to a set, not the set', (v.q.span,)))
    if text[v.q.span.end:v.q.span.end + 4] == " of " and v.dimension != "percentage":
        out.append(Difference(f'"{v.text}" is a part of something', (v.q.span,)))
    if v.vetoed:
        word = veto_word(v.sentence, v.q.span.start, v.q.span.end) if v.sentence is not None else None
        said = f' ("{word.text}")' if word is not None else ""
        out.append(Difference(f'the sentence of "{v.text}" speaks of a change, a proposal, a comparison '
                              f"or a condition{said}",
                              (_span(text, word.idx, word.idx + len(word.text)),) if word is not None else ()))
    return out


def _words_only(text: str, v: Any, other: set[str]) -> list[Span]:
    """The words of a figure's concept (else of its sentence) whose key the other figure lacks."""
    missing = v.keys - other
    area = v.q.concept if v.q.concept is not None else None
    toks = []
    if v.sentence is not None:
        toks = [t for t in v.sentence if area is None or area.start <= t.idx < area.end]
    return [_span(text, t.idx, t.idx + len(t.text)) for t in toks
            if t.is_alpha and (_key(t.text) in missing or _key(t.lemma_.lower()) in missing)]


def one_fact(a: Any, b: Any, text: str) -> bool:
    """Could two figures that disagree be one fact stated twice? Two counts of the same noun in an
    article are mostly of different sets ("22 women", "20 women in the Senate"), two percentages
    mostly of different wholes ("32% Republican", "51% white"): only figures that share a concept
    (`shares_concept`; not the "minimum" of "$15 minimum wage" and "$7.25 minimum wage", nor the
    "home" of "home runs") and fail no condition of `fact_differences` qualify."""
    return shares_concept(a, b) and not fact_differences(a, b, text)


def unverifiable_differences(a: Any, b: Any, text: str) -> list[Difference] | None:
    """Why two figures of one thing that disagree are not checked against each other: another
    time, period or place, a rate against a total, a range against a single figure. [] when they
    fail no condition (a contradiction); None when they are not one thing (no verdict)."""
    if not one_fact(a, b, text) or one_place(a, b) or one_locality(a, b):
        return None
    return setting_differences(a, b, text, localities=True) + form_differences(a, b)


_CONTENT = frozenset({"NOUN", "PROPN", "ADJ", "VERB", "NUM"})


def _sentence_words_only(text: str, v: Any, other: Any) -> list[Span]:
    """Content words of a figure's sentence, outside the figure and its concept, that the other
    figure's sentence lacks ("Republican" against "white")."""
    if v.sentence is None or other.sentence is None:
        return []
    theirs = {t.lemma_.lower() for t in other.sentence}
    areas = [(v.q.span.start, v.q.span.end)] + ([(v.q.concept.start, v.q.concept.end)] if v.q.concept else [])
    return [_span(text, t.idx, t.idx + len(t.text)) for t in v.sentence
            if t.pos_ in _CONTENT and t.is_alpha and t.lemma_.lower() not in theirs
            and not any(a <= t.idx < b for a, b in areas)][:3]


def unverifiable_explanation(said_a: str, said_b: str, what: str, a_range: str, b_range: str,
                             differences: list[Difference]) -> str:
    reasons = "; ".join(d.why for d in differences)
    return (f"{said_a} and {said_b} both give {what}, {a_range} and {b_range}, but they need not be "
            f"one fact: {reasons}. They are not checked against each other: unverifiable.")
