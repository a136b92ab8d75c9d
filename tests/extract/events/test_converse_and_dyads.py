"""Converse triggers ("received aid from Japan": the giver is the source) and promised one-sided
acts of several doers ("France, Germany and Italy agreed to lift the ban": no dyad). Sentences
written for these tests."""

from __future__ import annotations

import pytest


def _events(pipeline, text: str) -> list[tuple]:
    return [(e.type, e.trigger.text, [s.span.text for s in e.sources], [t.span.text for t in e.targets])
            for e in pipeline.analyze(text).events]


@pytest.mark.parametrize("text,wanted", [
    ("Kenya received food aid from Japan.", ("AID", "received food aid", ["Japan"], ["Kenya"])),
    ("The rebels have received weapons and training from Iran.",
     ("AID", "received weapons", ["Iran"], ["The rebels"])),
    ("Greece secured a loan from the IMF.", ("AID", "secured a loan", ["the IMF"], ["Greece"])),
])
def test_the_giver_after_from_is_the_source(pipeline, text, wanted):
    assert wanted in _events(pipeline, text)


def test_a_promised_one_sided_act_keeps_its_doers_together(pipeline):
    found = _events(pipeline, "France, Germany and Italy have agreed to lift the ban on imports of British beef.")
    lift = [e for e in found if e[1] == "lift"]
    assert lift and lift[0][2] == ["France", "Germany", "Italy"], found


def test_a_promised_joint_act_is_still_a_dyad(pipeline):
    found = _events(pipeline, "Canada and Costa Rica agreed to hold talks next month.")
    assert ("AGREE", "hold talks", ["Canada"], ["Costa Rica"]) in found


def test_a_restriction_imposed_in_a_place_targets_the_place(pipeline):
    found = _events(pipeline, "The government imposed a curfew in Kandahar on Monday.")
    assert ("COERCE", "imposed a curfew", ["The government"], ["Kandahar"]) in found


def test_the_object_hit_wins_over_the_place(pipeline):
    found = _events(pipeline, "The rebels attacked an army camp in the town.")
    assert ("ASSAULT", "attacked", ["The rebels"], ["an army camp"]) in found
