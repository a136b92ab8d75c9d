"""Words, not arms (event_senses.tsv rows of kinds verbal_maker, verbal_dyad, object_unarmed; the
doer found through its controller, event_sense._subjects). Sentences written for these tests."""

from __future__ import annotations

import pytest


def _types(pipeline, text):
    return [e.type for e in pipeline.analyze(text).events]


@pytest.mark.parametrize("text", [
    "The strategy could open Mrs. Clinton up to further attacks by Mr. Trump, who has criticized her husband.",
    "Neither Johnson nor Weld is inclined to attack Clinton, something they have been trying to correct.",
    "Trump attacked some Republican lawmakers on a recent visit to Capitol Hill.",
])
def test_a_politicians_attack_without_arms_is_an_accusation(pipeline, text):
    found = _types(pipeline, text)
    assert "ACCUSE" in found and "ASSAULT" not in found, found


@pytest.mark.parametrize("text", [
    "John Smith attacked his neighbour with a hammer, police said.",
    "Gunmen tried to attack the convoy near the border.",
    "Breivik's attack killed 77 people in Norway.",
])
def test_attacks_with_arms_stay_assaults(pipeline, text):
    assert "ASSAULT" in _types(pipeline, text)


def test_firing_a_named_person_is_a_dismissal(pipeline):
    assert "ASSAULT" not in _types(pipeline, "Emanuel abruptly fired McCarthy, the Chicago police chief, on Tuesday.")


@pytest.mark.parametrize("text", [
    "The attacks on Ms. Haley show that many on the right these days are angry with her.",
    "Rubio fired back at Christie over the state's repeated credit downgrades.",
    "It becomes harder for the Republicans to successfully attack Obama as a job killer.",
    "Democrats regularly attacked Republicans for how they were running the investigation.",
])
def test_words_against_a_named_person_are_no_assault(pipeline, text):
    assert "ASSAULT" not in _types(pipeline, text)


@pytest.mark.parametrize("text", [
    "Soldiers fired back at the gunmen, who were armed with rifles.",
    "The attack on the governor's convoy with a roadside bomb killed two guards.",
    # sides the actor dictionary knows as armed groups: no war of words, whatever the other side
    "Hamas attacked Fatah in Gaza on Tuesday.",
    "Hezbollah hit Amal in the south overnight.",
])
def test_arms_keep_the_assault(pipeline, text):
    assert "ASSAULT" in _types(pipeline, text)


def test_terror_attacks_in_a_campaign_story_stay_assaults(pipeline):
    text = ("Gunmen and suicide bombers killed 130 people in Paris on Friday night. "
            "The terrorists opened fire on cafes and a concert hall. "
            "Police said the attackers carried rifles and explosive vests. "
            "The candidates in the Republican primary responded to the bloodshed at a debate on Saturday. "
            "Mrs. Clinton was already leading the Democratic primary polls before the attacks. "
            "The voters in the primary say security matters more to them now.")
    attacks = [e for e in pipeline.analyze(text).events if e.trigger.text == "attacks"]
    assert attacks and all(e.type == "ASSAULT" for e in attacks), [(e.type, e.trigger.text) for e in attacks]


@pytest.mark.parametrize("text", [
    "Prime Minister Ehud Barak ordered massive attacks on the coastal strip as the worst fighting in months went on.",
    "President Vladimir Putin ordered fresh attacks on the border town after the ceasefire collapsed.",
    "Prime Minister Ehud Barak ordered attacks on the Gaza Strip as artillery pounded the border.",
])
def test_attacks_a_leader_orders_amid_fighting_are_force(pipeline, text):
    """Fighting and a ceasefire are armed cues (knowledge/domain_cues.tsv): attacks a leader
    orders there are ASSAULTs, not words."""
    found = [(e.type, e.trigger.text) for e in pipeline.analyze(text).events]
    assert ("ASSAULT", "attacks") in found, found
