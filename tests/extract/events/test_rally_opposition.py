"""Asking for an act against a party is rallying opposition against it (CAMEO 113 "rally
opposition against", PLOVER ACCUSE), not a demand of the party (#18: ACCUSE read as REQUEST).
The acts are the event nouns of the `asked_against` types of knowledge/plover_types.tsv."""

from __future__ import annotations

import pytest

from wirecoder.knowledge.plover import types_in


def _events(pipeline, text):
    return [(e.type, e.cameo, e.trigger.text) for e in pipeline.analyze(text).events]


@pytest.mark.parametrize("text,trigger", [
    ("European countries called for sanctions against Moscow over the poisoning.", "called for"),
    ("A UN expert is calling for a full investigation into the death of the girl.", "calling for"),
    ("The committee demanded an inquiry into the killings.", "demanded"),
])
def test_asking_for_an_act_against_someone_is_an_accusation(pipeline, text, trigger):
    assert ("ACCUSE", "113", trigger) in _events(pipeline, text)


@pytest.mark.parametrize("text", [
    "Trump called for a ban on Muslims entering the United States.",  # a policy, asked "on"
    "Activists called for action against climate change.",  # "action" is no event on its own
    "The union called for talks with the government.",  # talks are no act against anyone
    "The opposition demanded the release of the prisoners.",
])
def test_other_requests_stay_requests(pipeline, text):
    found = _events(pipeline, text)
    assert found and not any(cameo == "113" for _, cameo, _ in found), found
    assert any(t == "REQUEST" for t, _, _ in found), found


def test_the_acts_are_a_group_of_the_type_table():
    assert types_in("asked_against") == {"SANCTION", "COERCE", "ACCUSE"}
