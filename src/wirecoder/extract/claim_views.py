"""The figures of a document as the claim checks read them (extract/claims.py): each quantity
with its sentence, interval, bound, dimension, what it counts, the words around it, its places,
years, periods and rate words (with their spans), and who asserts it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..records import Quantity, Span
from .claim_keys import LOCALITY, place_key
from .claim_keys import concept_head as _concept_head
from .claim_keys import head_phrase as _head_phrase
from .claim_keys import key as _key
from .claim_keys import keys as _keys
from .claim_pairs import is_added, is_sought, is_vetoed, names_a_party, part_of_something_else
from .numbers.lexicon import approximator_of, bound_of
from .numbers.units import dimension_of

_RATE = re.compile(r"\b(?:annually|yearly|a year|per year|each year|every year|a month|"
                   r"per month|monthly|a week|per week|weekly|a day|per day|daily)\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@dataclass
class View:
    """A quantity with what the checks need to know about it."""

    q: Quantity
    index: int
    sentence: Any  # spaCy Span
    low: float
    high: float
    bound: str | None
    approximator: str | None
    dimension: str | None
    counted: str | None  # the key of what is counted or measured
    keys: set[str] = field(default_factory=set)
    phrase: set[str] = field(default_factory=set)
    added: bool = False  # "six more cases": an addition to a set (claim_figure_words.tsv)
    places: set[str] = field(default_factory=set)  # countries (ISO codes)
    localities: set[str] = field(default_factory=set)  # other named places ("@nice")
    rate: bool = False
    speaker: str | None = None
    quoted: bool = False
    years: list[str] = field(default_factory=list)
    periods: set[str] = field(default_factory=set)  # TIMEX3 values of the sentence's durations ("in 10 hours": PT10H)
    dates: set[str] = field(default_factory=set)  # calendar dates written in the sentence ("In March": 2016-03)
    date_spans: list[Span] = field(default_factory=list)
    year_spans: list[Span] = field(default_factory=list)  # where the years, durations and rate words are
    period_spans: list[Span] = field(default_factory=list)
    rate_spans: list[Span] = field(default_factory=list)
    sought: bool = False  # a proposed, planned, demanded or promised value (claim_vetoes.tsv)
    vetoed: bool = False  # its sentence speaks of a change, a proposal, a comparison (claim_vetoes.tsv)

    @property
    def text(self) -> str:
        return self.q.span.text


def read_views(text: str, doc, quantities: list[Quantity], quotes: list, times: Sequence[Any] = ()) -> list[View]:
    views = []
    quote_marks = _quoted_ranges(text)
    countries = _country_mentions(doc)
    for i, q in enumerate(quantities):
        if q.value is None or part_of_something_else(text, q.span.start, q.span.end, times, doc):
            continue
        span = doc.char_span(q.span.start, q.span.end, alignment_mode="expand")
        sent = span.sent if span is not None and len(span) else None
        low, high = _interval(q)
        unit = (q.normalized_unit or "").lower() or None
        dimension = dimension_of(unit) if unit else None
        if unit and dimension is None and unit not in ("factor", "fraction"):
            dimension = "count"
        if unit == "factor":
            dimension = "factor"
        concept = q.concept.text if q.concept else ""
        # a concept that names a person or an organisation ("Sanders", "Gray") says who, not what
        # is counted: it ties no two figures ("13 delegates at stake", "trails by 300 delegates")
        party = q.concept is not None and names_a_party(doc, q.concept.start, q.concept.end)
        keys = (set() if party else _keys(concept)) | (_keys(unit) if dimension == "count" else set())
        counted = None
        if dimension == "count" and unit:
            counted = _key(unit.split()[-1])
        elif q.concept is not None and not party:
            counted = _concept_head(concept)
        if sent is not None:
            keys |= {_key(t.lemma_.lower()) for t in sent if t.pos_ == "VERB"
                     and _key(t.lemma_.lower()) == "death"}
        v = View(q=q, index=i, sentence=sent, low=low, high=high,
                 bound=bound_of(q.span.text), approximator=approximator_of(q.span.text),
                 dimension=dimension, counted=counted, keys=keys)
        # what is counted: a count's own noun phrase ("home runs"), else the concept's head phrase
        v.phrase = _keys(unit) if dimension == "count" else _keys(_head_phrase(concept))
        v.places = _places(text, doc, q, sent, countries)
        v.localities = _places(text, doc, q, sent, countries, local=True)
        v.added = is_added(text, q.span.start, q.span.end)
        base = sent.start_char if sent is not None else q.span.start
        clause = text[base:sent.end_char] if sent is not None else q.span.text
        v.rate_spans = [_at(text, base + m.start(), base + m.end()) for m in _RATE.finditer(clause)]
        v.rate = bool(v.rate_spans) or bool(unit and " per " in unit)
        years = list(_YEAR.finditer(clause))
        v.years = [m.group(1) for m in years]
        v.year_spans = [_at(text, base + m.start(), base + m.end()) for m in years]
        if sent is not None:
            durations = [t for t in times if t.type == "DURATION" and t.value
                         and sent.start_char <= t.span.start < sent.end_char]
            v.periods = {t.value for t in durations}
            v.period_spans = [t.span for t in durations]
            dates = _calendar_dates(times, sent)
            v.dates = {t.value for t in dates}
            v.date_spans = [t.span for t in dates]
        v.speaker, v.quoted = _speaker(q, quotes, quote_marks)
        # words of the figure itself ("more than 300") are its bound, not a comparison
        v.vetoed = sent is not None and is_vetoed(sent, q.span.start, q.span.end)
        v.sought = sent is not None and is_sought(sent, q.span.start, q.span.end)
        views.append(v)
    return views


_CALENDAR = re.compile(r"\d{4}(?:-\d\d){0,2}")


def _calendar_dates(times: Sequence[Any], sent) -> list[Any]:
    """The dates written in a sentence ("In March", "early Friday"), as TIMEX3 calendar values;
    not the publication date the tagger falls back on when nothing is written."""
    return [t for t in times if t.type == "DATE" and t.value and _CALENDAR.fullmatch(t.value)
            and not t.from_publication_date and t.span.end > t.span.start
            and sent.start_char <= t.span.start < sent.end_char]


def _at(text: str, start: int, end: int) -> Span:
    return Span(start=start, end=end, text=text[start:end])


def _interval(q: Quantity) -> tuple[float, float]:
    low = q.value if q.value is not None else 0.0
    high = q.value_high if q.value_high is not None else low
    if q.value_high is not None and high < low:
        low, high = high, low
    return low, high


def _country_mentions(doc) -> tuple[list[int], list[tuple[int, str]]]:
    """Start offsets, and (end, place key), of the entities naming a country or another place
    (claim_keys.place_key), in order: read once per document, not once per quantity (quadratic on
    long texts)."""
    starts, rest = [], []
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC", "FAC"):
            code = place_key(ent.label_, ent.text)
            if code:
                starts.append(ent.start_char)
                rest.append((ent.end_char, code))
    return starts, rest


def _places(text: str, doc, q: Quantity, sent, countries, local: bool = False) -> set[str]:
    """Countries (`local`: other named places) named in the concept, else in the quantity's own
    clause."""
    starts, rest = countries

    def codes(start: int, end: int) -> set[str]:
        out = set()
        for k in range(bisect_left(starts, start), len(starts)):
            if starts[k] >= end:
                break
            if rest[k][0] <= end and rest[k][1].startswith(LOCALITY) == local:
                out.add(rest[k][1])
        return out

    if q.concept is not None:
        found = codes(q.concept.start, q.concept.end)
        if found:
            return found
    span = doc.char_span(q.span.start, q.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    # the clause: the governing verb's subtree, without other quantities' noun phrases
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    sub = list(tok.subtree)
    found = codes(min(t.idx for t in sub), max(t.idx + len(t.text) for t in sub))
    around = codes(max(0, q.span.start - 24), q.span.start) | codes(q.span.end, q.span.end + 24)
    return found if len(found) <= 1 or not around else around


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    ranges = []
    for m in re.finditer(r"[‘“\"]([^‘’“”\"\n]{3,}?)[’”\"](?!\w)", text):
        ranges.append((m.start(), m.end()))
    return ranges


def _speaker(q: Quantity, quotes: list, marks: list[tuple[int, int]]) -> tuple[str | None, bool]:
    for quote in quotes or []:
        for part in getattr(quote, "content", []):
            if part.start <= q.span.start and q.span.end <= part.end:
                return getattr(quote, "speaker_name", None), True
    return None, any(a <= q.span.start < b for a, b in marks)
