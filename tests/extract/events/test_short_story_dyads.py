"""The short Reuters-style story check of issue #19, on a story written for this test: who rejects,
who would send troops, and a meeting placed in Ankara on Wednesday."""

from __future__ import annotations

import pytest

import wirecoder

STORY = """MEXICO CITY, Feb 3 (Reuters) - Mexican President Claudia Sheinbaum on Monday rejected U.S. \
President Donald Trump's plan to send troops across the border to fight drug cartels, saying Mexico \
would defend its sovereignty.

"We will never accept an intervention," Sheinbaum told reporters at her morning news conference.

Trump said on Sunday that the cartels were running the country.

Separately, Ukrainian President Volodymyr Zelensky and Turkish President Tayyip Erdogan met in \
Ankara on Wednesday to discuss a ceasefire. Zelensky thanked Erdogan for his support.
"""


@pytest.fixture(scope="module")
def story():
    return wirecoder.analyze(STORY, published="2025-02-03")


def _actor(story, actor_id):
    found = next((a for a in story.actors if a.id == actor_id), None)
    return (found.name, found.country, found.sectors[0] if found.sectors else None) if found else None


def test_sheinbaum_rejects_and_trump_is_usa_gov(story):
    rejects = [e for e in story.events if e.type == "REJECT" and e.trigger.text == "rejected"]
    assert rejects and _actor(story, rejects[0].sources[0].actor_id) == ("Claudia Sheinbaum", "MEX", "GOV")
    assert {(a.country, a.sectors[0]) for a in story.actors if a.name == "Donald Trump"} == {("USA", "GOV")}


def test_rejecting_a_plan_is_aimed_at_its_named_owner(story):
    rejects = [e for e in story.events if e.type == "REJECT" and e.trigger.text == "rejected"]
    assert _actor(story, rejects[0].targets[0].actor_id) == ("Donald Trump", "USA", "GOV")


def test_the_owner_of_a_plan_is_who_would_carry_it_out(story):
    sends = [e for e in story.events if e.trigger.text.startswith("send")]
    assert sends and _actor(story, sends[0].sources[0].actor_id) == ("Donald Trump", "USA", "GOV")


def test_the_meeting_is_a_dyad_placed_in_ankara_on_wednesday(story):
    met = [e for e in story.events if e.type == "CONSULT" and e.trigger.text == "met"]
    assert met
    parties = {_actor(story, r.actor_id) for r in met[0].sources + met[0].targets}
    assert parties == {("Volodymyr Zelensky", "UKR", "GOV"), ("Tayyip Erdogan", "TUR", "GOV")}
    place = next(p for p in story.places if p.id == met[0].place_id)
    assert place.name == "Ankara"
    time = next(t for t in story.times if t.id == met[0].time_id)
    assert time.span.text == "Wednesday" and time.value == "2025-01-29"


def test_a_news_conference_is_neither_a_meeting_nor_an_actor(story):
    assert not [e for e in story.events if e.trigger.text == "conference"]
    assert not [a for a in story.actors if "conference" in a.name]
