"""Coordinated event nouns share the clause's doer ("the OIC expressed its rejection and
condemnation of X": the condemnation is the OIC's too), and not a noun of another kind ("armed
groups and frequent clashes in Tripoli": the clashes are no one's named doing). Sentences written
for these tests."""

from __future__ import annotations

import pytest


def _roles(pipeline, text: str) -> dict[str, tuple]:
    return {e.trigger.text: ([s.span.text for s in e.sources], [t.span.text for t in e.targets])
            for e in pipeline.analyze(text).events}


@pytest.mark.parametrize("text,trigger,source", [
    ("The OIC expressed its total rejection and strong condemnation of the minister's declaration.",
     "condemnation", "The OIC"),
    ("Rebels carried out a raid and an ambush on the convoy.", "ambush", "Rebels"),
])
def test_a_later_conjunct_shares_the_doer(pipeline, text, trigger, source):
    found = _roles(pipeline, text)
    assert trigger in found and found[trigger][0] == [source], found


def test_a_conjunct_of_a_thing_takes_no_doer_from_the_clause(pipeline):
    text = ("Stevens reported: Overall security conditions continue to be unpredictable, with large numbers "
            "of armed groups and individuals, and frequent clashes in Tripoli.")
    found = _roles(pipeline, text)
    assert "clashes" in found and found["clashes"][0] == [], found
