"""Figures of different referents are compared in neither way (issue #20, item 1):
extract/claim_referents.py and knowledge/claim_referent_words.tsv."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from wirecoder import Pipeline
from wirecoder.errors import ConfigError
from wirecoder.extract.claim_referents import CUES, enabled_cues, is_a_part, referent_words
from wirecoder.knowledge import load_tsv
from wirecoder.pipeline import PipelineConfig

STAGES = ["clean", "parse", "sentences", "quantities", "claims"]


@pytest.fixture(scope="module")
def coders():
    return {cues: Pipeline(PipelineConfig(stages=STAGES, options={"claims": {"referent_cues": cues}}))
            for cues in ("none", "all")}


def _verdicts(nlp, text):
    return [(c.kind, c.verdict) for c in nlp.analyze(text).claims]


# each text: without its cue the coder called the pair consistent; with it, no verdict
DIFFERENT = [
    ("actor", "John Smith got 2 million votes.\n\nMary Jones got 2 million votes."),
    ("actor", "Senator John Smith got nearly 2 million votes in the primary.\n\n"
              "Mary Jones will need at least 2 million votes to win."),
    ("companion", "Miller caught five passes for 120 yards against Boston.\n\n"
                  "In the first half he caught five passes for 45 yards."),
    ("set_modifier", "The winner needs 1,000 delegates to clinch the nomination.\n\n"
                     "Smith must win 60 percent of the 1,000 outstanding delegates."),
    ("new_instance", "The Gallup poll of 1,000 people showed a tie.\n\n"
                     "In a poll released Monday, most voters backed the plan.\n\n"
                     "The poll of 1,000 people had no margin of error."),
    ("part", "Doctors said the three patients were not related.\n\nThree of the five patients died."),
    ("vague_whole", "She deleted ten of thousands of emails."),
]


@pytest.mark.parametrize("cue, text", DIFFERENT)
def test_figures_of_different_referents_get_no_verdict(coders, cue, text):
    before = _verdicts(coders["none"], text)
    after = _verdicts(coders["all"], text)
    assert len(after) < len(before), (cue, before, after)
    assert all(v == "consistent" for _, v in before)  # the verdicts the cue takes away
    only = Pipeline(PipelineConfig(stages=STAGES, options={"claims": {"referent_cues": cue}}))
    assert _verdicts(only, text) == after, f"the {cue} cue alone tells them apart"


@pytest.mark.parametrize("text, expected", [
    ("Six soldiers were killed by the blast.\n\nThe six soldiers were buried on Friday.",
     [("contradiction", "consistent")]),
    ("Miller caught five passes for 120 yards.\n\nHe finished with five passes for 120 yards.",
     [("contradiction", "consistent")]),
    ("The Gallup poll of 1,000 people showed a tie.\n\nMost voters backed the plan.\n\n"
     "The poll of 1,000 people had no margin of error.", [("contradiction", "consistent")]),
    ("The bank is one of dozens of lenders in the city.", [("arithmetic", "consistent")]),
    # "remaining" is no other set: the three remaining candidates are the three candidates
    ("Voters must choose among the three remaining candidates.\n\nHe stayed neutral among the three candidates.",
     [("contradiction", "consistent")]),
    ("Doctors said the three patients were not related.\n\nThree of the five patients died.",
     [("arithmetic", "consistent")]),
])
def test_one_referent_stays_consistent(coders, text, expected):
    """Nothing tells these apart: the same soldiers, the same accompanying figure, no other poll
    brought in, a part of dozens."""
    assert _verdicts(coders["all"], text) == expected


@pytest.mark.parametrize("text, part", [
    ("Three of the four cases were fatal.", True),
    ("It was confirmed in 11 of Turkey's 81 provinces.", True),
    ("He missed the final four games of the 2007 season.", False),  # a year is no whole
    ("Four members of the security forces were killed.", False),
])
def test_a_part_of_a_counted_whole(text, part):
    first = re.search(r"Three|11|four|Four", text)
    v = SimpleNamespace(q=SimpleNamespace(span=SimpleNamespace(start=first.start(), end=first.end())))
    assert is_a_part(v, text) is part


def test_a_description_around_a_name_is_no_actor(coders):
    """ "The former USC running back" is no actor "USC": the same man as "Bush"."""
    text = ("Bush missed four games last year.\n\n"
            "The former USC running back also missed four games last year.")
    assert _verdicts(coders["all"], text) == _verdicts(coders["none"], text)


def test_the_cues_option():
    assert enabled_cues("all") == enabled_cues(None) == frozenset(CUES)
    assert enabled_cues("none") == frozenset()
    assert enabled_cues("actor, part") == {"actor", "part"}
    with pytest.raises(ConfigError, match="nonesuch"):
        enabled_cues("actor,nonesuch")


def test_each_row_of_the_table_shows_its_words():
    rows = load_tsv("claim_referent_words.tsv")
    assert {r["role"] for r in rows} == {"set_modifier", "new_instance"}
    for row in rows:
        assert f" {row['words'].lower()} " in f" {row['example'].lower()} ", row
    assert referent_words("new_instance")[0].count(" ") >= 1  # longest first: "a separate" before "a"
