"""People and organisations are not places (gazetteer/senses.py, #25): the catalogue of
sentences written for wirecoder (tests/catalogues/place_senses.jsonl: a name and whether it must
come out as a place) and every row of the cue table (lang/en/name_senses.tsv)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from conftest import catalogue
from wirecoder.gazetteer.mention import Mention
from wirecoder.gazetteer.names import key
from wirecoder.gazetteer.senses import STRONG, WEAK, _person_name, article_people, person_cue
from wirecoder.lang.en import table

ROWS = table("name_senses")


@pytest.mark.parametrize("sentence,name,place", catalogue("place_senses", "sentence", "name", "place"))
def test_catalogue(pipeline, sentence, name, place):
    places = [p.span.text for p in pipeline.analyze(sentence).places]
    assert (name in places) == place, places


def _mention(doc, name: str) -> Mention:
    start = doc.text.index(name)
    span = doc.char_span(start, start + len(name))
    return Mention(start, start + len(name), name, span.root.ent_type_ or "SCAN", (span.start, span.end), key(name))


@pytest.mark.parametrize("row", [r for r in ROWS if r["cue"] not in ("place_word", "org_head", "group_head", "outlet_head", "outlet_before",
                                                                 "disease_before", "people_head")], ids=lambda r: r["word"])
def test_each_cue_row_says_person_at_its_example(nlp, pipeline, row):
    doc = nlp(row["example"])
    assert row["word"].split()[0] in row["example"].lower()
    expected = STRONG if row["cue"] in ("kin", "relative") else WEAK
    assert person_cue(doc, _mention(doc, row["name"])) == expected
    assert row["name"] not in [p.span.text for p in pipeline.analyze(row["example"]).places]


@pytest.mark.parametrize("row", [r for r in ROWS if r["cue"] == "people_head"], ids=lambda r: r["word"])
def test_each_people_head_row_names_a_people_not_a_place(pipeline, row):
    """ "the Qiang people": a name the gazetteer lacks before a people's noun (wording.py)."""
    assert row["word"] in row["example"].lower() and row["name"] in row["example"]
    assert row["name"] not in [p.span.text for p in pipeline.analyze(row["example"]).places]


@pytest.mark.parametrize("row", [r for r in ROWS if r["cue"] == "place_word"], ids=lambda r: r["word"])
def test_each_place_word_row_is_no_persons_name(row):
    assert row["word"] in row["example"].lower() and row["name"] in row["example"]
    assert _person_name(row["name"].split(), None) == ()
    assert _person_name(["Jane", row["name"].split()[0]], None) != ()  # the first word alone could be


def test_people_by_full_name_title_and_actor(nlp):
    doc = nlp("Hillary Clinton met Mr. Zhvania and Wisconsin Gov. Scott Walker in Ohio.")
    people = article_people(doc)
    assert {"clinton", "zhvania", "walker"} <= people.surnames
    assert ("hillary", "clinton") in people.full_names and "wisconsin" not in people.surnames
    mention = SimpleNamespace(start=0, end=2)
    actor = SimpleNamespace(kind="person", name="Defense Secretary Pete Hegseth", mentions=[mention])
    assert "hegseth" in article_people(nlp("He spoke."), [actor]).surnames


def test_one_sense_per_discourse_needs_another_mention(nlp):
    doc = nlp("Hillary Clinton spoke on Monday. Later, Clinton said the campaign raised $10 million.")
    people = article_people(doc)
    later = doc.text.index("Clinton said")
    bare = Mention(later, later + 7, "Clinton", "PERSON", (doc.char_span(later, later + 7).start,
                                                           doc.char_span(later, later + 7).end), "clinton")
    assert people.hold(doc, bare) == "other" and people.hold(doc, _mention(doc, "Hillary Clinton")) == "self"


MEDIA_ROWS = table("media_names") + table("institution_names")


@pytest.mark.parametrize("row", MEDIA_ROWS, ids=lambda r: r["name"])
def test_each_media_name_row_is_no_place_at_its_example(pipeline, row):
    from wirecoder.gazetteer import load_gazetteer

    assert row["name"] in row["example"] and row["the"] in ("yes", "no")
    assert load_gazetteer().lookup(key(row["name"])), "a row the gazetteer lacks tests nothing"
    if row["the"] == "yes":
        assert f"the {row['name']}" in row["example"].replace("The ", "the ")
    assert row["name"] not in [p.span.text for p in pipeline.analyze(row["example"]).places]


@pytest.mark.parametrize("sentence,name", [
    ("Officials in Post, Texas, said the road was closed.", "Post"),
    ("The storm flooded Harvard, Illinois, on Monday.", "Harvard"),
])
def test_a_media_or_institution_name_qualified_stays_a_place(pipeline, sentence, name):
    assert name in [p.span.text for p in pipeline.analyze(sentence).places]


def test_a_media_name_qualified_stays_a_place(pipeline):
    places = [p.span.text for p in pipeline.analyze("Officials in Post, Texas, said the road was closed.").places]
    assert "Post" in places


@pytest.mark.parametrize("sentence", [
    "White House Press Secretary Tony Snow said the tests were negative.",
    "Tests were done in Ames, Iowa. White House Press Secretary Tony Snow said they were negative.",
])
def test_a_landmarks_name_nothing_places_is_its_occupant(pipeline, sentence):
    """No town whose other name it is (Casablanca), nor a town of that name (White House, Tenn.)."""
    assert "White House" not in [p.span.text for p in pipeline.analyze(sentence).places]


def test_a_landmark_placed_by_its_preposition_stays(pipeline):
    places = pipeline.analyze("Protesters gathered at the White House on Monday.").places
    assert [(p.span.text, p.precision) for p in places] == [("White House", "point")]


@pytest.mark.parametrize("row", [r for r in ROWS if r["cue"] == "disease_before"], ids=lambda r: r["word"])
def test_each_disease_before_row_makes_a_disease(pipeline, row):
    from wirecoder.gazetteer import load_gazetteer

    assert f"{row['word']} {row['name']}" in row["example"]
    assert load_gazetteer().lookup(key(row["name"])), "a row the gazetteer lacks tests nothing"
    assert row["name"] not in [p.span.text for p in pipeline.analyze(row["example"]).places]


@pytest.mark.parametrize("sentence,name", [
    ("Thousands fled Aleppo, which was under siege, and the people of Gaza, who had no water, waited.", "Gaza"),
    ("Thousands fled Aleppo, which was under siege, and the people of Gaza, who had no water, waited.", "Aleppo"),
])
def test_a_who_clause_on_the_people_of_a_place_leaves_the_place(pipeline, sentence, name):
    assert name in [p.span.text for p in pipeline.analyze(sentence).places]


def test_a_who_clause_makes_a_name_a_persons_in_the_whole_article(pipeline):
    text = ("A girl from Buffalo, New York died. Maya Harden died from complications on Saturday. "
            "According to the station, Harden, who attended 4th grade at a Buffalo school, had been "
            "admitted. Harden was nine days short of her birthday.")
    assert "Harden" not in [p.span.text for p in pipeline.analyze(text).places]


def test_a_who_clause_after_a_preposition_is_on_someone_placed_there(pipeline):
    text = "A man in Pakistan-administered Kashmir, who has been cut from aid, said he had no food."
    assert "Kashmir" in [p.span.text for p in pipeline.analyze(text).places]
