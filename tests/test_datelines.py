"""Datelines start the lead's first sentence, so the city never becomes the lead's subject."""

from __future__ import annotations

import pytest

import wirecoder


@pytest.fixture(scope="module")
def nlp():
    return wirecoder.load({"stages": ["clean", "parse", "sentences", "actors", "quotes", "times",
                                      "places", "events"]})


def _source_of(nlp, text: str, trigger: str) -> str:
    events = [e for e in nlp.analyze(text, published="2025-01-31").events
              if e.trigger.text == trigger]
    assert events and events[0].sources, text
    return events[0].sources[0].span.text


@pytest.mark.parametrize("lead", [
    "CARACAS - Security forces arrested an opposition leader.",
    "Caracas - Security forces arrested an opposition leader.",
    "Caracas (Reuters) — Security forces arrested an opposition leader.",
    "Caracas, Venezuela (AP) – Security forces arrested an opposition leader.",
])
def test_a_dateline_is_not_the_subject(nlp, lead):
    assert _source_of(nlp, "Arrests in Venezuela\n\n" + lead, "arrested") == "Security forces"


def test_a_subject_before_a_dash_is_not_a_dateline(nlp):
    text = "Hegseth — a former Fox host — said troops attacked the camp."
    sentences = nlp.analyze("Strikes\n\n" + text).sentences
    assert [s.span.text for s in sentences][-1] == text


def test_a_title_case_hyphen_deep_in_the_text_is_not_a_dateline(nlp):
    text = "Arrests\n\nOne.\n\nTwo.\n\nCaracas - the capital - was calm on Friday."
    sentences = [s.span.text for s in nlp.analyze(text).sentences]
    assert sentences[-1] == "Caracas - the capital - was calm on Friday."
