"""Recall of plain material events (#18 item 3): sieges, abductions, demolitions and arson named
by a verb or a noun, coded with the doer the sentence names and none it does not. Sentences
written for these tests."""

from __future__ import annotations

import pytest


def _events(pipeline, text: str) -> list[tuple]:
    return [(e.type, e.mode, e.trigger.text, [s.span.text for s in e.sources], [t.span.text for t in e.targets],
             e.modality) for e in pipeline.analyze(text).events]


@pytest.mark.parametrize("text,wanted", [
    ("The army besieged the rebel-held town of Kafr Nabl.",
     ("ASSAULT", None, "besieged", ["The army"], ["Kafr Nabl"], "asserted")),
    ("Protesters set ablaze a government building in the capital.",
     ("ASSAULT", "destroy", "set ablaze", ["Protesters"], ["a government building"], "asserted")),
])
def test_material_verbs(pipeline, text, wanted):
    assert wanted in _events(pipeline, text)


@pytest.mark.parametrize("text,trigger,mode", [
    ("The kidnapping of two engineers near Kano was condemned by the governor.", "kidnapping", "abduct"),
    ("The abduction of the aid workers near Gao shocked their families.", "abduction", "abduct"),
    ("The demolition of the family homes in the village drew criticism.", "demolition", "destroy"),
    ("The siege of the old city lasted three months.", "siege", None),
])
def test_material_nouns_without_a_named_doer(pipeline, text, trigger, mode):
    """The noun is an ASSAULT of its mode; no source is invented for it."""
    found = [e for e in _events(pipeline, text) if e[2] == trigger]
    assert [(e[0], e[1], e[3]) for e in found] == [("ASSAULT", mode, [])], _events(pipeline, text)


def test_a_kidnapping_not_done_stays_no_assault(pipeline):
    """"no kidnapping" and a planned one are no asserted ASSAULT."""
    found = [e for e in _events(pipeline, "Officials said there was no kidnapping in the district.")
             if e[0] == "ASSAULT" and e[5] == "asserted"]
    assert found == []


@pytest.mark.parametrize("text,kind", [
    ("Two drone strikes killed a senior commander in the valley.", True),
    ("Drone strikes are a contested tool of the war.", False),
])
def test_counted_plural_event_nouns_are_occurrences(pipeline, text, kind):
    """"two drone strikes" are two occurrences, an ASSAULT/aerial with no doer named; "drone
    strikes" with no number or article are a kind of act, no event."""
    found = [e for e in _events(pipeline, text) if e[2] == "strikes"]
    assert ([(e[0], e[1], e[3]) for e in found] == [("ASSAULT", "aerial", [])]) == kind, _events(pipeline, text)



@pytest.mark.parametrize("text,trigger", [
    ("The bombing near the old checkpoint wounded three policemen.", "bombing"),
    ("The shooting outside the embassy left two guards dead.", "shooting"),
])
def test_an_event_noun_placed_is_one_occurrence(pipeline, text, trigger):
    """An event noun placed at a person, place or thing ("the bombing near the checkpoint") is one
    occurrence with no doer named, as one aimed at them is."""
    found = [(e[0], e[3]) for e in _events(pipeline, text) if e[2] == trigger]
    assert found == [("ASSAULT", [])], _events(pipeline, text)


def test_a_kind_of_event_placed_stays_no_event(pipeline):
    found = [e for e in _events(pipeline, "Bombings in crowded markets are a tactic of the insurgency.")
             if e[2] == "Bombings"]
    assert found == []


@pytest.mark.parametrize("text,retreat", [
    ("The shooting outside the embassy left two guards dead.", False),
    ("The attack left the town without power for a week.", False),
    ("Russian forces left Afghanistan in 1989.", True),
])
def test_what_an_attack_leaves_is_no_withdrawal(pipeline, text, retreat):
    """"left two guards dead", "the attack left the town": a result, not a RETREAT
    (event_senses.tsv); troops that leave a town still withdraw."""
    assert ("RETREAT" in [e[0] for e in _events(pipeline, text)]) == retreat, _events(pipeline, text)


@pytest.mark.parametrize("text,wanted", [
    ("Government troops laid siege to the rebel-held town.",
     ("ASSAULT", "siege", ["Government troops"], ["the rebel-held town"])),
    ("Syrian forces laid siege to Homs.", ("ASSAULT", "siege", ["Syrian forces"], ["Homs"])),
])
def test_laying_siege_carries_its_noun_with_doer_and_target(pipeline, text, wanted):
    """"lay" is a light verb (lang/en/event_words.tsv): the siege is the event, the troops lay it."""
    assert wanted in [(e[0], e[2], e[3], e[4]) for e in _events(pipeline, text)], _events(pipeline, text)


def test_what_an_attack_falls_on_is_not_the_doer_of_what_it_does(pipeline):
    """"the attack on the compound killed four": the compound is the attack's target, not the
    killer; only a doer preposition (by, of, from) names the party behind the attack."""
    found = _events(pipeline, "The attack on the U.S. compound killed four Americans.")
    killed = [e for e in found if e[2] == "killed"]
    assert killed and all(e[3] == [] for e in killed), found
    by = _events(pipeline, "An attack by the rebels killed ten soldiers.")
    assert ("ASSAULT", "killed", ["the rebels"]) in [(e[0], e[2], e[3]) for e in by], by


def test_a_name_with_a_capitalised_preposition_is_one_doer(pipeline):
    """"Action Against Hunger" is one name: its "Against" names no target."""
    found = _events(pipeline, "Action Against Hunger is providing food assistance to 300,000 people in Nigeria.")
    assert any(e[0] == "AID" and e[3] for e in found), found
