"""An event the parse gives no target takes a party or a place its own clause names through a
preposition ("imposed blockades in the worst-damaged areas", "set a deadline for the council"),
not a thing ("hacked into the committee computers"). Sentences written for these tests (#18 item
4: the target of verbs with prepositional objects)."""

from __future__ import annotations

import pytest


def _roles(pipeline, text: str) -> list[tuple]:
    return [(e.type, e.trigger.text, [s.span.text for s in e.sources], [t.span.text for t in e.targets])
            for e in pipeline.analyze(text).events]


@pytest.mark.parametrize("text,trigger,target", [
    ("Nepal has imposed blockades in the worst-damaged areas.", "blockades", "the worst-damaged areas"),
    ("British troops remained on alert in the north region.", "on alert", "the north region"),
    ("An Israeli court has set a 60-day deadline for the council that oversees the holy sites.",
     "set a 60-day deadline", "the council"),
])
def test_a_party_or_place_of_the_clause_is_the_target(pipeline, text, trigger, target):
    found = _roles(pipeline, text)
    assert any(e[1] == trigger and e[3] == [target] for e in found), found


def test_a_thing_of_the_clause_is_no_target(pipeline):
    found = _roles(pipeline, "Clinton said Russian intelligence services hacked into Democratic National Committee computers.")
    assert not any("computers" in t for e in found for t in e[3]), found


def test_a_meetings_venue_is_no_target(pipeline):
    """A place stands for those in it ("blockades in the worst-damaged areas"), but where a meeting
    is held names no partner."""
    found = _roles(pipeline, "The union leaders held a meeting in the city on Friday.")
    assert not any("the city" in t for e in found for t in e[3]), found
