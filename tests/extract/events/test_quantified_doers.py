"""A doer counted or measured ("first contingents of West African troops", "a group of gunmen")
is what is counted, as for a target (quantifier words of lang/en/event_words.tsv). Sentences
written for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,trigger,source", [
    ("First contingents of West African peacekeeping troops arrive in Monrovia.", "arrive",
     "West African peacekeeping troops"),
    ("A group of gunmen attacked a police station.", "attacked", "gunmen"),
])
def test_the_counted_doer_is_the_source(pipeline, text, trigger, source):
    found = [(e.trigger.text, [s.span.text for s in e.sources]) for e in pipeline.analyze(text).events]
    assert (trigger, [source]) in found, found
