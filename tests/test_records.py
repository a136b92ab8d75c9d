import json

import jsonschema
import pytest
from pydantic import ValidationError

from wirecoder.records import (
    SCHEMA_VERSION,
    Analysis,
    Document,
    Event,
    Span,
    analysis_json_schema,
    stable_id,
)


def test_stable_id_is_deterministic_and_sensitive():
    assert stable_id("event", "doc_1", "3:9") == stable_id("event", "doc_1", "3:9")
    assert stable_id("event", "doc_1", "3:9") != stable_id("event", "doc_1", "3:10")
    assert stable_id("event", "doc_1", "3:9").startswith("event_")


def test_span_checks_its_offsets():
    text = "Border Patrol returned fire."
    span = Span.of(text, 14, 22)
    assert span.text == "returned"
    with pytest.raises(ValidationError):
        Span(start=5, end=2, text="")
    with pytest.raises(ValidationError):
        Span(start=0, end=3, text="four")


def test_records_are_immutable():
    span = Span(start=0, end=1, text="a")
    with pytest.raises(ValidationError):
        span.start = 3


def test_analysis_round_trip(seed_analysis):
    data = seed_analysis.to_json()
    back = Analysis.from_json(data)
    assert back == seed_analysis
    assert back.schema_version == SCHEMA_VERSION


def test_ids_stable_across_runs(pipeline, seed_text):
    first = pipeline.analyze(seed_text, published="2025-01-31")
    second = pipeline.analyze(seed_text, published="2025-01-31")
    kinds = ("actors", "quotes", "quantities", "times", "places", "sentences")
    for kind in kinds:
        assert [r.id for r in getattr(first, kind)] == [r.id for r in getattr(second, kind)], kind
    assert first.document.id == second.document.id


def test_ids_stable_across_processes(seed_analysis, seed_text):
    # A fresh interpreter must give the same ids: no reliance on Python's salted hash().
    import subprocess
    import sys
    code = ("import sys, wirecoder; a = wirecoder.analyze(sys.stdin.read(), published='2025-01-31');"
            "print(a.document.id, ' '.join(q.id for q in a.quotes))")
    out = subprocess.run([sys.executable, "-c", code], input=seed_text, capture_output=True,
                         text=True, check=True).stdout.split()
    assert out[0] == seed_analysis.document.id
    assert out[1:] == [q.id for q in seed_analysis.quotes]


def test_json_validates_against_schema(seed_analysis):
    schema = analysis_json_schema()
    jsonschema.validate(json.loads(seed_analysis.to_json()), schema)
    broken = json.loads(seed_analysis.to_json())
    broken["document"]["dropped"] = "not a list"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_every_span_points_at_its_text(seed_analysis):
    text = seed_analysis.document.text
    spans = []
    for q in seed_analysis.quotes:
        spans += q.content + q.evidence
    for kind in ("quantities", "times", "places"):
        spans += [r.span for r in getattr(seed_analysis, kind)]
    for a in seed_analysis.actors:
        spans += a.mentions
    assert spans
    for s in spans:
        assert text[s.start:s.end] == s.text


def test_event_record_defaults():
    trigger = Span(start=0, end=5, text="fired")
    e = Event(id="event_x", type="ASSAULT", trigger=trigger)
    assert e.modality == "asserted" and e.asserted_by == "narrator"
    with pytest.raises(ValidationError):
        Event(id="event_x", type="ASSAULT", trigger=trigger, modality="rumoured")


def test_document_offset_mapping():
    doc = Document(id="d", text="ab", original_text="a  b", offset_map=[
        {"clean_start": 0, "orig_start": 0, "length": 1},
        {"clean_start": 1, "orig_start": 3, "length": 1}])
    assert doc.to_original(0) == 0 and doc.to_original(1) == 3
    assert doc.original_span(Span(start=0, end=2, text="ab")) == (0, 4)


def test_every_list_of_modalities_is_the_records_one():
    # the store's filters and the API import records.MODALITIES; the CLI writes it out (its help
    # must not import pydantic), so it is checked here
    from typing import get_args

    from wirecoder.api import app
    from wirecoder.records import MODALITIES, Modality
    from wirecoder.store import cli_commands, record_filters

    assert MODALITIES == get_args(Modality)
    assert record_filters.MODALITIES is MODALITIES and app.MODALITIES is MODALITIES
    assert tuple(cli_commands.MODALITIES) == MODALITIES
