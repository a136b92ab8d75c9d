"""One incident, several mentions in one report: they share its day and place (event_links)."""

from __future__ import annotations

import pytest

import wirecoder
from conftest import SHARED

SEED = SHARED / "seed" / "cartel-strikes-article.txt"


@pytest.fixture(scope="module")
def nlp():
    return wirecoder.load()


def _by_trigger(analysis, trigger: str):
    found = [e for e in analysis.events if e.trigger.text == trigger]
    assert found, f"no event on {trigger!r}: {[e.trigger.text for e in analysis.events]}"
    return found[0]


def _day(analysis, event) -> str | None:
    time = next((t for t in analysis.times if t.id == event.time_id), None)
    return None if time is None or time.from_publication_date else time.value


def _place(analysis, event) -> str | None:
    place = next((p for p in analysis.places if p.id == event.place_id), None)
    return place.name if place else None


def test_a_response_and_a_definite_mention_share_the_day_and_place(nlp):
    a = nlp.analyze("On Tuesday gunmen opened fire on a police patrol. The officers returned "
                    "fire.\n\nPolice said the attack happened in Reynosa, Mexico.",
                    published="2025-03-07")
    opened, returned = _by_trigger(a, "opened fire"), _by_trigger(a, "returned fire")
    attack = _by_trigger(a, "attack")
    assert _day(a, opened) == _day(a, returned) == "2025-03-04"
    assert _place(a, attack) == "Reynosa"
    assert _place(a, opened) == _place(a, returned) == "Reynosa"
    # one incident: its mentions share an id, which exports read to give it one row
    assert opened.incident_id and opened.incident_id == returned.incident_id == attack.incident_id


def test_two_incidents_on_two_days_share_nothing(nlp):
    a = nlp.analyze("On Monday gunmen opened fire on soldiers in Kabul. On Wednesday gunmen "
                    "opened fire on soldiers again.", published="2025-03-07")
    first, second = [e for e in a.events if e.trigger.text == "opened fire"][:2]
    assert _place(a, first) == "Kabul" and _day(a, first) == "2025-03-03"
    # another day: not the same incident, so Kabul is not lent to it
    assert _place(a, second) is None and _day(a, second) == "2025-03-05"
    assert first.incident_id is None and second.incident_id is None


def test_a_threat_never_takes_an_attack_s_day_or_place(nlp):
    a = nlp.analyze("On Monday gunmen attacked a convoy in Culiacan. The cartel threatened to "
                    "attack more convoys.", published="2025-03-07")
    threat = next(e for e in a.events if e.modality != "asserted")
    assert _place(a, threat) is None and _day(a, threat) is None
    assert threat.incident_id is None


@pytest.mark.parametrize("day,linked", [("Monday", True), ("Wednesday", False)])
def test_a_day_the_parse_hangs_elsewhere_still_links(nlp, day, linked):
    # the day hangs on "smuggle", which is no event: it dates the sentence's act for linking
    a = nlp.analyze("On Monday gunmen opened fire on a patrol in Laredo, Texas. Border agents were "
                    f"fired upon by a cartel in an effort to smuggle migrants into Texas on {day}.",
                    published="2025-03-07")
    opened, fired = _by_trigger(a, "opened fire"), _by_trigger(a, "fired")
    assert (opened.incident_id is not None and opened.incident_id == fired.incident_id) == linked
    assert (_day(a, fired) == "2025-03-03") == linked  # the incident's day is lent to it


def test_seed_firefight_mentions_are_dated_and_placed():
    if not SEED.exists():
        pytest.skip(f"needs the seed article at {SEED}")
    a = wirecoder.analyze(SEED.read_text("utf-8"), published="2025-01-31")
    incidents = set()
    # "fired" is the caption: "... were fired upon by a suspected drug cartel ... on Monday"
    for trigger in ("opened fire", "returned fire", "fired", "firefight", "gunfight"):
        event = _by_trigger(a, trigger)
        assert event.type == "ASSAULT" and event.modality == "asserted"
        assert _day(a, event) == "2025-01-27", trigger
        assert _place(a, event) == "Fronton", trigger
        incidents.add(event.incident_id)
    assert len(incidents) == 1 and None not in incidents
