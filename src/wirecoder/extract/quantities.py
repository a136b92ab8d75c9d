"""Quantities: first version, spaCy's numeric entities with plain numerals read as values."""

from __future__ import annotations

import re
from typing import Any

from ..records import Quantity, stable_id
from ..registry import stage
from ..state import AnalysisState
from .common import span_of

_NUMERIC_LABELS = {"CARDINAL", "PERCENT", "MONEY", "QUANTITY"}
_NUMBER = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")


def plain_value(text: str) -> float | None:
    """The first numeral written in digits, or None."""
    m = _NUMBER.search(text)
    if not m:
        return None
    return float(m.group(1).replace(",", "") + (m.group(2) or ""))


@stage("quantities_ner", requires=("document", "spacy"), assigns=("quantities",), version="1")
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
