"""The `quotes` stage: direct, indirect and mixed quotes with resolved speakers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...options import option
from ...registry import stage
from ...state import AnalysisState
from .finder import find_quotes


@dataclass(frozen=True)
class QuotesOptions:
    keep_unattributed: bool = option(False, "keep quotes whose speaker was not found")


@stage("quotes", requires=("document", "spacy", "actors"), assigns=("quotes",), version="3",
       options=QuotesOptions)
def make_attribution(options: dict[str, Any]):
    """Quotes and attribution: direct, indirect and mixed; speakers resolved to actors."""

    def run(state: AnalysisState) -> dict[str, Any]:
        document = state.document
        return {"quotes": find_quotes(document.id, document.text, state.spacy_doc,
                                      state.get("actors"), options)}

    return run
