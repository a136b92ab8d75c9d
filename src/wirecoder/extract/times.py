"""Time expressions.

`times` (version 2) is wirecoder's own TimeML tagger (see extract/timex): dates, times, durations
and sets, each with a TIMEX3 value resolved against the publication date, a granularity and, for
"since 2019", "until March", "from ... to ...", an interval. A TimeRef's span follows TimeML (the
preposition or signal stays outside: "2019" in "Since 2019"); its evidence is that span and, for
an interval, the phrase with the signal. Expressions whose anchor is unknown keep X digits
(XXXX-WXX-1 for "Monday" without a publication date). `times_ner` is the first version: spaCy's
DATE and TIME entities without values.
"""

from __future__ import annotations

from typing import Any

from ..options import NoOptions
from ..records import Span, TimeRef, stable_id
from ..registry import stage
from ..state import AnalysisState
from .common import span_of


@stage("times_ner", requires=("document", "spacy"), assigns=("times",), version="1", options=NoOptions)
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


@stage("times", requires=("document", "spacy"), assigns=("times",), version="2", options=NoOptions)
def make_timex(options: dict[str, Any]):
    """Dates, times, durations and sets (TimeML) resolved against the publication date."""
    from .timex import tag

    def run(state: AnalysisState) -> dict[str, Any]:
        document = state.document
        doc_id, text = document.id, document.text
        times = []
        for t in tag(text, state.spacy_doc, document.published):
            span = Span.of(text, t.start, t.end)
            evidence = [span]
            if t.evidence is not None and t.evidence != (t.start, t.end):
                evidence.append(Span.of(text, *t.evidence))
            times.append(TimeRef(
                id=stable_id("time", doc_id, span.key()), span=span, type=t.type,
                value=t.value, granularity=t.granularity, interval_start=t.interval_start,
                interval_end=t.interval_end, evidence=evidence, confidence=t.confidence))
        if document.published is not None:
            # The date that undated events fall back to, flagged as such (no span in the text).
            times.append(TimeRef(
                id=stable_id("time", doc_id, "publication"), span=Span(start=0, end=0, text=""),
                type="DATE", value=document.published.date().isoformat(), granularity="day",
                from_publication_date=True, confidence=0.5))
        return {"times": times}

    return run
