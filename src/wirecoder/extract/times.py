"""Time expressions: first version, spaCy's DATE and TIME entities, not yet normalised."""

from __future__ import annotations

from typing import Any

from ..records import TimeRef, stable_id
from ..registry import stage
from ..state import AnalysisState
from .common import span_of


@stage("times_ner", requires=("document", "spacy"), assigns=("times",), version="1")
def make_times(options: dict[str, Any]):
    """Time expressions as spaCy tags them (DATE, TIME), without values."""

    def run(state: AnalysisState) -> dict[str, Any]:
        doc_id, text = state.document.id, state.document.text
        times = []
        for ent in state.spacy_doc.ents:
            if ent.label_ in ("DATE", "TIME"):
                span = span_of(text, ent)
                times.append(TimeRef(id=stable_id("time", doc_id, span.key()), span=span,
                                     type=ent.label_, evidence=[span], confidence=0.5))
        return {"times": times}

    return run
