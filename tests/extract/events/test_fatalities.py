"""Fatalities of an event (event_fatalities): the count the report gives, 0 when it says none
died, None when it gives no number; read from the death words of the event's clause and the
numbers of the quantities stage."""

from __future__ import annotations

import pytest

import wirecoder
from conftest import catalogue
from wirecoder.errors import ConfigError


def _event(analysis, trigger: str):
    found = [e for e in analysis.events if e.trigger.text.startswith(trigger)]
    assert found, f"no event on {trigger!r}: {[(e.type, e.trigger.text) for e in analysis.events]}"
    return found[0]


@pytest.mark.parametrize("sentence,trigger,fatalities,evidence",
                         catalogue("event_fatalities", "sentence", "trigger", "fatalities", "evidence"))
def test_fatalities(pipeline, sentence, trigger, fatalities, evidence):
    event = _event(pipeline.analyze(sentence), trigger)
    assert event.fatalities == fatalities
    assert (event.fatalities_evidence.text if event.fatalities_evidence else None) == evidence
    if event.fatalities_evidence is not None:  # the evidence points into the text
        span = event.fatalities_evidence
        assert sentence[span.start:span.end] == span.text


def test_numbers_come_from_the_quantities_stage():
    without = wirecoder.load({"disabled": ["quantities", "claims"]})
    counted = _event(without.analyze("M23 rebels attacked the army in Goma, killing 12 soldiers."),
                     "attacked")
    # deadly, but with no quantities stage no number is read
    assert counted.fatalities is None and counted.fatalities_evidence.text == "killing 12 soldiers"
    none = _event(without.analyze("Rebels attacked the town on Friday, but there were no deaths."),
                  "attacked")
    assert none.fatalities == 0


def test_the_events_stage_reads_quantities_so_they_run_first():
    stages = ["clean", "parse", "sentences", "actors", "quotes", "times", "places", "events",
              "quantities", "claims"]
    with pytest.raises(ConfigError, match=r"'events' reads 'quantities'.*runs after it"):
        wirecoder.load({"stages": stages})


def test_fatalities_survive_the_store(tmp_path, pipeline):
    from wirecoder.store import open_store

    analysis = pipeline.analyze("M23 rebels attacked the army in Goma on Monday, killing 12 "
                                "soldiers.", published="2025-01-31")
    with open_store(f"sqlite:///{tmp_path / 'f.db'}") as store:
        store.save(analysis)
        [back] = store.analyses()
    assert back.events == analysis.events
    assert _event(back, "attacked").fatalities == 12
