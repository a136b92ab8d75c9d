"""A trigger another trigger covers is coded after all when the covering one gives no event and is
no conflict (extract/events.py `_code_all`). Sentences written for these tests."""

from __future__ import annotations


def _events(pipeline, text: str) -> list[tuple]:
    return [(e.type, e.trigger.text, [s.span.text for s in e.sources]) for e in pipeline.analyze(text).events]


def test_a_promise_whose_act_finds_no_object_is_the_promise(pipeline):
    found = _events(pipeline, "The government has agreed to allow UN aid workers expanded access to the region.")
    assert ("AGREE", "agreed", ["The government"]) in found


def test_a_vow_whose_act_is_another_sense_stays_no_event(pipeline):
    assert _events(pipeline, "The senator vowed to beat the bushes for votes.") == []


def test_a_coded_act_still_covers_its_promise(pipeline):
    found = _events(pipeline, "Germany agreed to accept 1,500 refugees from the camps.")
    assert [e[1] for e in found] == ["accept"], found


def test_small_clause_verdict_names_its_target(pipeline):
    event = pipeline.analyze("A federal judge found the company guilty of fraud.").events[0]
    assert (event.type, event.trigger.text) == ("SANCTION", "found")
    assert [t.span.text for t in event.targets] == ["the company"]
