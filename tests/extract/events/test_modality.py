"""Modality on small sentences: each reading is decided by a different cue."""

import pytest

from conftest import catalogue
from wirecoder.extract.modality import read_modality


@pytest.fixture(scope="module")
def nlp():
    from wirecoder.nlp import load_nlp
    return load_nlp()


def _reading(nlp, sentence: str, trigger: str) -> str:
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == trigger)
    return read_modality(tok).modality


@pytest.mark.parametrize("sentence,trigger,expected", catalogue("event_modality", "sentence", "trigger", "expected"))
def test_modality(nlp, sentence, trigger, expected):
    assert _reading(nlp, sentence, trigger) == expected


def test_demand_in_reported_speech_is_a_request(pipeline):
    analysis = pipeline.analyze("The U.S. has said that North Korea must first disarm before it can receive aid.")
    requests = [e for e in analysis.events if e.type == "REQUEST"]
    assert requests, [(e.type, e.trigger.text) for e in analysis.events]
    assert requests[0].sources[0].span.text == "The U.S."
    assert requests[0].targets[0].span.text == "North Korea"
    assert requests[0].modality == "asserted"


def test_past_orders_are_carried_out_but_promises_are_not(pipeline):
    ordered = pipeline.analyze("The prime minister ordered attacks on the rebel camps.")
    assert any(e.type == "ASSAULT" and e.modality == "asserted" for e in ordered.events)
    promised = pipeline.analyze("The army will attack the rebel camps tomorrow, the general said.")
    assert not any(e.type == "ASSAULT" and e.modality == "asserted" for e in promised.events)
    assert any(e.type == "THREATEN" for e in promised.events)
