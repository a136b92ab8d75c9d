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


def test_a_surname_with_a_campaign_or_aides_is_no_place_without_a_full_name(pipeline):
    text = ("The Clinton campaign said on Monday it had raised $10 million. Clinton's aides "
            "declined to comment on the figures.")
    assert "Clinton" not in _places(pipeline, text)


def test_a_town_namesake_tagged_otherwise_has_no_campaign_or_aides(pipeline):
    # the parser tags "Lincoln" an organisation here; Lincoln, Nebraska, is a state capital
    text = "The Lincoln administration said the war would end. Lincoln's aides met in Springfield."
    assert _places(pipeline, text) == ["Springfield"]


def test_a_placed_name_does_not_place_its_campaign(pipeline):
    text = "A rally was held in Clinton, Iowa. The Clinton campaign said 300 people came."
    places = [(p.span.text, p.span.start) for p in pipeline.analyze(text).places]
    assert places == [("Clinton", text.index("Clinton")), ("Iowa", text.index("Iowa"))]


def test_a_capital_speaks_for_its_government(pipeline):
    text = "Officials in Beijing said on Monday that a Beijing spokesman would brief reporters."
    assert _places(pipeline, text) == ["Beijing", "Beijing"]


def test_a_list_of_places_lends_its_kind(nlp):
    from wirecoder.gazetteer.senses import listed_with_a_place

    doc = nlp("Aid groups returned to Darfur and Malakal last week.")
    assert listed_with_a_place(next(t for t in doc if t.text == "Malakal"))
