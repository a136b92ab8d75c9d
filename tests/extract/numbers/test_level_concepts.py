"""An amount that sets, keeps or changes a verb's object measures the object, not the subject:
"to"/"from"/"by" after any verb with an object, "at" after the verbs of lang/en/level_verbs.tsv;
and an amount "for" an occasion counted by an ordinal belongs to no beneficiary."""

from __future__ import annotations

import re

import pytest

from wirecoder.lang.en import table
from wirecoder.pipeline import Pipeline, PipelineConfig

ROWS = table("level_verbs")


@pytest.fixture(scope="module")
def nlp():
    return Pipeline(PipelineConfig(stages=["clean", "parse", "quantities"]))


def concept_of(nlp, text: str, figure: str) -> str | None:
    [q] = [q for q in nlp.analyze(text).quantities if figure in q.span.text]
    return q.concept.text if q.concept else None


@pytest.mark.parametrize("row", ROWS, ids=[r["verb"] for r in ROWS])
def test_the_level_a_verb_sets_measures_its_object(nlp, row):
    from wirecoder.nlp import load_nlp

    text = row["example"]
    m = re.search(r" at ([$€£]?[\d.,]+%?)", text)
    verb = next(t for t in load_nlp()(text) if t.lemma_ == row["verb"])
    concept = concept_of(nlp, text, m.group(1))
    assert concept and concept in text[verb.idx + len(verb):m.start()], (text, concept)


@pytest.mark.parametrize("text,figure,concept", [
    ("The company cut its workforce by 10%.", "10%", "its workforce"),
    ("The bank raised its benchmark rate by 0.25 percentage points.", "0.25", "its benchmark rate"),
    ("Shares fell by 3% on Monday.", "3%", "Shares"),  # no object: the subject
    ("Microsoft's market value topped $2 trillion for the first time.", "$2 trillion",
     "Microsoft's market value"),
    ("The court ordered a penalty of $52,000 for CN.", "$52,000", "CN"),
])
def test_by_and_for(nlp, text, figure, concept):
    assert concept_of(nlp, text, figure) == concept


def test_at_after_another_verb_keeps_the_subject(nlp):
    # "traded at": no object, and "trade" sets nothing at a level
    assert concept_of(nlp, "Brent crude traded at $85 on Friday.", "$85") == "Brent crude"
