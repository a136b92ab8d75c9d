"""The `quotes` stage: direct, indirect and mixed quotes with resolved speakers."""

from __future__ import annotations

from typing import Any

from ...registry import stage
from ...state import AnalysisState
from .finder import find_quotes


@stage("quotes", requires=("document", "spacy", "actors"), assigns=("quotes",), version="3",
       defaults={"keep_unattributed": False})
def make_attribution(options: dict[str, Any]):
    """Quotes and attribution: direct, indirect and mixed; speakers resolved to actors."""

    def run(state: AnalysisState) -> dict[str, Any]:
        document = state.document
        return {"quotes": find_quotes(document.id, document.text, state.spacy_doc,
                                      state.get("actors"), options)}

    return run
