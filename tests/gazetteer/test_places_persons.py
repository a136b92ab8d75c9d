"""A person's name is never geocoded as a place (gazetteer/senses.py). Sentences written for
these tests."""

from __future__ import annotations


def _places(pipeline, text: str) -> list[str]:
    return [p.span.text for p in pipeline.analyze(text).places]


def test_a_surname_standing_for_its_person_is_no_place(pipeline):
    text = ("Hillary Clinton spoke in Ohio on Monday. The Clinton campaign said it raised $10 million, "
            "and Clinton thanked her donors.")
    assert "Clinton" not in _places(pipeline, text)
    assert "Ohio" in _places(pipeline, text)


def test_a_common_noun_the_parser_takes_for_a_name_is_no_place(pipeline):
    # spaCy tags "van" a PERSON here, and Van is a town in Turkey: uncapitalised, it is a vehicle
    text = "Clinton's van was supposed to be escorted by an NYPD motorcade to the hospital in New York."
    assert _places(pipeline, text) == ["New York"]


def test_a_possessive_or_modifier_is_not_placed_by_the_preposition(pipeline):
    text = ("Alicia Machado spoke on Friday. He offered no proof of a role in Machado's citizenship, "
            "and an adviser in a Machado administration would say so.")
    assert "Machado" not in _places(pipeline, text)


def test_the_text_can_still_place_the_same_word(pipeline):
    text = "Bill Clinton spoke on Monday. A rally was held in Clinton, Iowa, on Tuesday."
    assert "Clinton" in _places(pipeline, text)


def test_a_list_of_places_lends_its_kind(nlp):
    from wirecoder.gazetteer.senses import listed_with_a_place

    doc = nlp("Aid groups returned to Darfur and Malakal last week.")
    assert listed_with_a_place(next(t for t in doc if t.text == "Malakal"))
