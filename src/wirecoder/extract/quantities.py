"""Quantities: `quantities_ner` (spaCy's numeric entities with plain numerals read as values) and
`quantities` (the full extractor in `numbers/`: values in digits and words, units, ranges, changes,
approximation and the concept measured).

Options of `quantities`: `ages` (default False) also reports ages ("a 50-year-old" -> 50 "year of
age"), `time_offsets` (default False) also reports durations that only date something ("six
minutes later", "in the past two years"), `multiplicative_verbs` (default True) reports
"tripled", "halved" as factors. Years, dates, clock times, ordinals and labels are never
quantities."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..options import NoOptions, option
from ..records import Quantity, stable_id
from ..registry import stage
from ..state import AnalysisState
from .common import char_span, span_of

_NUMERIC_LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")


def plain_value(text: str) -> float | None:
    """The first numeral written in digits, or None."""
    m = _NUMBER.search(text)
    if not m:
        return None
    return float(m.group(1).replace(",", "") + (m.group(2) or ""))


@stage("quantities_ner", requires=("document", "spacy"), assigns=("quantities",), version="1", options=NoOptions)
def make_quantities(options: dict[str, Any]):
    """Numbers as spaCy tags them (CARDINAL, PERCENT, MONEY, QUANTITY) with digit values."""

    def run(state: AnalysisState) -> dict[str, Any]:
        doc_id, text = state.document.id, state.document.text
        found = []
        for ent in state.spacy_doc.ents:
            if ent.label_ not in _NUMERIC_LABELS:
                continue
            span = span_of(text, ent)
            unit = "percent" if ent.label_ == "PERCENT" else None
            found.append(Quantity(id=stable_id("qty", doc_id, span.key()), span=span,
                                  value=plain_value(ent.text), unit=unit, normalized_unit=unit,
                                  evidence=[span], confidence=0.4))
        return {"quantities": found}

    return run


# ---------------------------------------------------------------- the full extractor


@dataclass(frozen=True)
class QuantitiesOptions:
    ages: bool = option(False, "\"a 45-year-old\" as a quantity (NewsQuant counts them)")
    time_offsets: bool = option(False, "\"two years ago\" as a quantity (NewsQuant counts them)")
    multiplicative_verbs: bool = option(True, "\"tripled\" as a change by a factor")


@stage("quantities", requires=("document", "spacy"), assigns=("quantities",), version="2",
       options=QuantitiesOptions)
def make_quantity_extractor(options: dict[str, Any]):
    """Quantities with units, ranges, changes, approximation and the concept they measure."""
    from .numbers import find_quantities

    ages = bool(options.get("ages", False))
    time_offsets = bool(options.get("time_offsets", False))
    multiplicative = bool(options.get("multiplicative_verbs", True))

    def run(state: AnalysisState) -> dict[str, Any]:
        doc_id, text = state.document.id, state.document.text
        found = find_quantities(state.spacy_doc, ages=ages, time_offsets=time_offsets,
                                multiplicative_verbs=multiplicative)
        records: list[Quantity] = []
        seen: set[str] = set()
        for q in found:
            span = char_span(text, q.start, q.end)
            if not span.text or span.key() in seen:
                continue
            seen.add(span.key())
            concept = char_span(text, *q.concept) if q.concept else None
            if concept is not None and not concept.text:
                concept = None
            evidence = [span] + ([concept] if concept is not None else [])
            records.append(Quantity(
                id=stable_id("qty", doc_id, span.key()), span=span, value=q.value,
                value_high=q.value_high, unit=q.unit, normalized_unit=q.norm,
                approximate=q.approximate, change=q.change, concept=concept, evidence=evidence,
                confidence=_confidence(q)))
        return {"quantities": records}

    return run


def _confidence(q) -> float:
    score = 0.55
    if q.norm:
        score += 0.2
    if q.concept:
        score += 0.1
    if q.kind in ("vague", "fraction", "factor"):
        score -= 0.1
    return round(min(max(score, 0.1), 0.95), 2)

