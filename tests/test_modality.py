"""Modality on small sentences: each reading is decided by a different cue."""

import pytest

from wirecoder.extract.modality import read_modality


@pytest.fixture(scope="module")
def nlp():
    from wirecoder.nlp import load_nlp
    return load_nlp()


def _reading(nlp, sentence: str, trigger: str) -> str:
    doc = nlp(sentence)
    tok = next(t for t in doc if t.text == trigger)
    return read_modality(tok).modality


@pytest.mark.parametrize("sentence,trigger,expected", [
    ("Rebels attacked the convoy on Tuesday.", "attacked", "asserted"),
    ("Rebels did not attack the convoy.", "attack", "negated"),
    ("The army will attack the town tomorrow.", "attack", "planned"),
    ("The army could attack the town.", "attack", "hypothetical"),
    ("The president threatened to attack the rebels.", "attack", "threatened"),
    ("If the rebels attack the town, the army will respond.", "attack", "hypothetical"),
    ("The government plans to arrest the leaders.", "arrest", "planned"),
    ("No civilians were injured in the clash.", "injured", "negated"),
])
def test_modality(nlp, sentence, trigger, expected):
    assert _reading(nlp, sentence, trigger) == expected
