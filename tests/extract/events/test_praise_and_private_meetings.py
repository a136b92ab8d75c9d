"""Calling someone a good name is praise, not an accusation (event_senses.tsv `complement` kind);
meeting one's own staff is no consultation between parties, meeting another's family is. Sentences
written for these tests."""

from __future__ import annotations


def _types(pipeline, text):
    return [e.type for e in pipeline.analyze(text).events]


def test_a_good_name_is_praise(pipeline):
    found = _types(pipeline, "The mayor called him a kind, loving and admirable person.")
    assert "ACCUSE" not in found and "SUPPORT" in found, found


def test_a_bad_name_stays_an_accusation(pipeline):
    assert "ACCUSE" in _types(pipeline, "Carson called the political system rotten to the core.")


def test_own_staff_are_no_consultation(pipeline):
    assert "CONSULT" not in _types(pipeline, "The senator met his aides before the vote.")
    assert "CONSULT" not in _types(pipeline, "Her meeting with her staff ran late into the night.")


def test_a_hostages_family_is_met(pipeline):
    assert "CONSULT" in _types(pipeline, "The secretary of state met with the jailed pastor's wife in Ankara.")


def test_leaders_meeting_stays_a_consultation(pipeline):
    assert "CONSULT" in _types(pipeline, "Putin met Erdogan in Sochi on Monday.")


def test_a_superlative_of_a_bad_thing_stays_an_accusation(pipeline):
    assert "ACCUSE" in _types(pipeline, "Clinton called Trump the terrorists' best recruiter.")
