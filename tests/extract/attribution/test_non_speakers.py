"""Nouns that say nothing are no speakers (#24): the seed's "Handout picture ... shows" and
"Footage shows" were quoted as speakers, and an event ("the fight", "the clash") "showed" what
the narrator infers from it. The nouns and an example of each are lang/en/non_speakers.tsv."""

from __future__ import annotations

import pytest

import wirecoder
from conftest import SEED, catalogue, need
from wirecoder.lang.en import table

STAGES = ["clean", "parse", "sentences", "actors", "quotes"]
ROWS = [pytest.param(r["noun"], r["kind"], r["example"], id=r["noun"]) for r in table("non_speakers")]


@pytest.fixture(scope="module")
def nlp():
    return wirecoder.load({"stages": STAGES})


def speakers(nlp, text: str) -> list[str | None]:
    return [q.speaker.span.text if q.speaker else None for q in nlp.analyze(text).quotes]


@pytest.mark.parametrize("noun, kind, example", ROWS)
def test_each_listed_noun_is_no_speaker_in_its_example(nlp, noun, kind, example):
    found = speakers(nlp, example)
    assert not any(s and noun in s.lower() for s in found), found
    if kind == "event":  # what an event "shows" is the narrator's inference: no attribution
        assert found == []


@pytest.mark.parametrize("text, speaker", catalogue("quote_speakers", "sentence", "speaker"))
def test_who_speaks_instead(nlp, text, speaker):
    assert speakers(nlp, text) == [speaker]


def test_the_seed_has_no_picture_footage_or_fight_speaker(nlp):
    analysis = nlp.analyze(need(SEED).read_text("utf-8"), published="2025-01-31")
    names = {q.speaker_name for q in analysis.quotes}
    assert not names & {"Handout picture", "Footage", "fight", "the fight"}
    assert not any(n and n.split()[-1].lower() in {"picture", "footage", "fight"} for n in names)
    by_cue = {q.content[0].text[:12]: q.speaker_name for q in analysis.quotes if q.cue
              and q.cue.text == "shows"}
    assert by_cue == {"two suspects": "Ministry of Defense", "a small grou": None}
