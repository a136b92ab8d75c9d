"""Places: first version, spaCy's GPE / LOC / FAC entities, not yet resolved to a gazetteer."""

from __future__ import annotations

from typing import Any

from ..records import Place, stable_id
from ..registry import stage
from ..state import AnalysisState
from .common import span_of


@stage("places_ner", requires=("document", "spacy"), assigns=("places",), version="1")
def make_places(options: dict[str, Any]):
    """Place names as spaCy tags them (GPE, LOC, FAC), unresolved."""

    def run(state: AnalysisState) -> dict[str, Any]:
        doc_id, text = state.document.id, state.document.text
        places = []
        for ent in state.spacy_doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC"):
                span = span_of(text, ent)
                places.append(Place(id=stable_id("place", doc_id, span.key()), span=span,
                                    name=ent.text, evidence=[span], confidence=0.4))
        return {"places": places}

    return run
