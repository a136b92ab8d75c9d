"""An act only asked for is the asking (extract/event_requests.py): "called for the administration
to arrest the mayor" is a REQUEST from the senators to the administration, not an arrest; "a call
to ban" is no ban. Proposals and ideas of force are weighed force (modality.py), not done.
Sentences written for these tests."""

from __future__ import annotations

import pytest

CONFLICT = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "PROTEST"}


def _events(pipeline, text):
    return [(e.type, e.modality, [s.span.text for s in e.sources], [t.span.text for t in e.targets])
            for e in pipeline.analyze(text).events]


@pytest.mark.parametrize("text,source,target", [
    ("The senators called for the administration to arrest the mayor.", "The senators", "the administration"),
    ("The senators called on the administration to block the visit.", "The senators", "the administration"),
    ("Lawmakers called upon the army to deploy troops to the border.", "Lawmakers", "the army"),
])
def test_asking_others_to_act_is_a_request_from_asker_to_asked(pipeline, text, source, target):
    found = _events(pipeline, text)
    assert not any(t in CONFLICT for t, *_ in found), found
    assert any(t == "REQUEST" and source in s and target in g for t, _, s, g in found), found


def test_a_call_to_act_is_no_act(pipeline):
    found = _events(pipeline, "He says Trump's call to ban all Muslim immigrants bears some of the responsibility.")
    assert not any(t in CONFLICT for t, *_ in found), found
    assert any(t == "REQUEST" and "Trump" in s for t, _, s, _ in found), found


@pytest.mark.parametrize("text", [
    "Clinton bashed Trump's proposal to ban Muslims from coming into the country.",
    "The idea of tracking down and deporting 11 million people is absurd.",
])
def test_a_proposal_or_idea_of_force_is_not_done(pipeline, text):
    found = _events(pipeline, text)
    assert all(m in ("threatened", "planned", "hypothetical") for t, m, *_ in found if t in CONFLICT | {"THREATEN"}), found
    assert not any(t in CONFLICT for t, *_ in found), found


@pytest.mark.parametrize("text,kind", [
    ("Police arrested the mayor on Monday.", "COERCE"),
    ("He called the police after gunmen attacked the bank.", "ASSAULT"),
    ("The government called in the army to restore order after rioters attacked the police.", "ASSAULT"),
])
def test_deeds_stay_deeds(pipeline, text, kind):
    assert any(t == kind and m in ("asserted", "reported") for t, m, *_ in _events(pipeline, text))


def test_a_call_on_a_day_is_no_request(pipeline):
    assert not any(t == "REQUEST" for t, *_ in _events(pipeline, "He called on Monday to say he was fine."))
