"""A place name that only names a newspaper, a school or a company is no place mention
(gazetteer/namesakes.py, #25): every `org_head` row of lang/en/name_senses.tsv, and the places
that stay."""

from __future__ import annotations

import pytest

from wirecoder.lang.en import table
from wirecoder.pipeline import load

ROWS = [r for r in table("name_senses") if r["cue"] == "org_head"]
OUTLETS = [r for r in table("name_senses") if r["cue"] in ("outlet_head", "outlet_before")]


def _places(pipeline, text: str) -> list[str]:
    return [p.span.text for p in pipeline.analyze(text).places]


@pytest.fixture(scope="module")
def corpus_style():
    return load({"options": {"places": {"organisations": False}}})


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["word"])
def test_each_org_head_row_names_no_place(corpus_style, row):
    assert row["word"] in row["example"].lower() and row["name"] in row["example"]
    assert row["name"] not in _places(corpus_style, row["example"])


@pytest.mark.parametrize("row", OUTLETS, ids=lambda r: r["word"])
def test_each_outlet_row_names_no_place_by_default(pipeline, row):
    """A news outlet's namesake is no place whatever the `organisations` option says."""
    assert row["word"] in row["example"].lower() and row["name"] in row["example"]
    assert row["name"] not in _places(pipeline, row["example"])


@pytest.mark.parametrize("sentence,name", [
    ("The Sunday Times of India said hysteria broke out in Mumbai.", "India"),
    ("The reporter from The New Zealand Herald also became ill.", "New Zealand"),
])
def test_outlet_names_written_otherwise(pipeline, sentence, name):
    assert name not in _places(pipeline, sentence)


@pytest.mark.parametrize("sentence,name", [
    ("The Washington Post's reporter was detained in Cairo.", "Cairo"),
    ("Radio stations in Ohio carried the speech.", "Ohio"),
    ("Times Square in New York was closed on Monday.", "New York"),
    ("He moved to China. Daily, he walked to work.", "China"),
])
def test_places_beside_outlet_words_stay(pipeline, sentence, name):
    assert name in _places(pipeline, sentence)


def test_by_default_namesakes_stay_places(pipeline):
    assert "Auckland" in _places(pipeline, "The otter escaped from the Auckland Zoo almost a month ago.")


def test_a_head_word_is_never_a_place(pipeline):
    assert "Centre" not in _places(pipeline, "Walsh goes to Trillium Health Centre every two weeks.")


@pytest.mark.parametrize("sentence,head,place", [
    ("Results are expected from the Center for Disease Control in Atlanta next week.", "Center",
     "Atlanta"),
    ("A spokesman for the College of Physicians in Ottawa declined to comment.", "College",
     "Ottawa"),
])
def test_a_head_word_opening_a_name_is_no_place(pipeline, sentence, head, place):
    """ "the Center for Disease Control" is no Center, Texas, whatever the option says."""
    places = _places(pipeline, sentence)
    assert head not in places and place in places


@pytest.mark.parametrize("sentence,name", [
    ("Enfield Council said the school would reopen on Monday.", "Enfield"),
    ("The U.S. Department of Justice said he was sentenced to 20 years.", "U.S."),
    ("The otter was found near Auckland, officials said.", "Auckland"),
    ("Protesters gathered outside the Buffalo, N.Y., school on Monday.", "Buffalo"),
])
def test_public_bodies_and_placed_names_stay(corpus_style, sentence, name):
    assert name in _places(corpus_style, sentence)
