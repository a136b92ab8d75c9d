"""Nouns of lexicon verbs (knowledge/plover_nouns.tsv, the WordNet nominalisations block) are
events coded as their verb, with the doer and the undergoer their phrase names. Sentences written
for these tests."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,wanted", [
    ("The massacre of villagers by the militia shocked the nation.",
     ("ASSAULT", "massacre", ["the militia"], ["villagers"])),
    ("The killing of the protesters by police was condemned.",
     ("ASSAULT", "killing", ["police"], ["the protesters"])),
    ("Prosecutors announced the indictment of the mayor.",
     ("ACCUSE", "indictment", ["Prosecutors"], ["the mayor"])),
    ("The House voted for the impeachment of the president.",
     ("ACCUSE", "impeachment", ["The House"], ["the president"])),
    ("Iran ordered the mobilization of its troops.", ("MOBILIZE", "mobilization", ["Iran"], ["its troops"])),
])
def test_a_verbs_noun_is_its_event(pipeline, text, wanted):
    found = [(e.type, e.trigger.text, [s.span.text for s in e.sources], [t.span.text for t in e.targets])
             for e in pipeline.analyze(text).events]
    assert wanted in found, found


def test_the_prosecution_as_a_party_is_no_event(pipeline):
    """"prosecution" needs a frame: the prosecution that speaks accuses no one by that word."""
    found = [e.trigger.text for e in pipeline.analyze("The prosecution said the witness was reliable.").events]
    assert "prosecution" not in found, found
