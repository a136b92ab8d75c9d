"""Words that read as place names but are used as something else in their sentence, and names
the gazetteer lacks that nothing in the text places (gazetteer/wording.py, #25 places precision).
The sentences are written for these tests."""

from __future__ import annotations

import pytest


def _places(pipeline, text: str) -> list[str]:
    return [p.span.text for p in pipeline.analyze(text).places]


@pytest.mark.parametrize("text,word", [
    ("Deputies in Dallas, Texas, seized 20 grams of meth and a pistol.", "meth"),
    ("The dust rose when the rock hit the Earth, scientists in Lima said.", "Earth"),
    ("The toys are made under licence from Hit Entertainment, a studio in London.", "Hit"),
    ("Mugabe accused Western powers of plotting against Zimbabwe.", "Western"),
    ("A drive across 19 West and Central African countries begins in Nigeria today.", "West"),
    ("The engine was first drawn by the Reverend W.V. Awdry in England.", "W.V."),
    ("Cases on Reunion have risen since Mar. 2005, officials in Paris said.", "Mar."),
    ("Nurses in Ottawa keep patients on a drip of Narcan overnight.", "Narcan"),
    ("Bees pollinate crops worth $US 1.5 billion a year, farmers in Ohio say.", "US"),
    ("Education Minister John-Paul Langbroek says the Government is aware of it.", "Paul"),
    ("At a meeting in Red Deer, Donna Kennedy-Glans dropped out of the race.", "Kennedy"),
])
def test_a_word_used_otherwise_is_no_place(pipeline, text, word):
    assert word not in _places(pipeline, text)


@pytest.mark.parametrize("text,name", [
    ("Thousands of people flocked to Mahim Creek in Mumbai on Friday.", "Mahim Creek"),
    ("The flood reached four villages: Kobuta, Manekwa, Lutendo and Mombasi, but spread.", "Mombasi"),
    ("He was arrested at his home on Colton Way in Leeds, England.", "Colton Way"),
    ("Crews closed the Interstate 40 exit in Russellville, Arkansas.", "Interstate 40"),
    ("Scientists at Buffalo said Buffalo Public Schools would close.", "Buffalo"),
])
def test_a_place_the_text_vouches_for_stays(pipeline, text, name):
    assert name in _places(pipeline, text)


@pytest.mark.parametrize("text,name", [
    ("The virus was found in the remains of a wild Mute Swan near a lake in Fife.", "Mute Swan"),
    ("Inspectors approved the 'Meat in a Box' shipment to Singapore on Monday.", "Box"),
])
def test_a_name_after_a_or_an_heading_its_phrase_is_an_instance_not_a_place(pipeline, text, name):
    assert name not in _places(pipeline, text)


@pytest.mark.parametrize("text,name", [
    ("He spent a night in a Montreal jail after the march.", "Montreal"),
    ("He spat at a Dallas, Texas police officer in May.", "Dallas"),
    ("Talks on a divided Cyprus resumed in Geneva on Monday.", "Cyprus"),
    ("The children were last seen at an Archibald Street bus stop in Winnipeg.", "Archibald Street"),
])
def test_a_place_after_a_or_an_stays(pipeline, text, name):
    assert name in _places(pipeline, text)


def test_a_plural_of_a_peoples_word_is_no_place(pipeline):
    """ "in Filipinos" is the people, though a preposition of place governs it."""
    places = _places(pipeline, "Six of the cases were in Filipinos who had returned from Manila.")
    assert "Filipinos" not in places and "Manila" in places


def test_a_country_spelled_out_beside_a_currency_stays(pipeline):
    assert "US" in _places(pipeline, "The crop is worth $US 1.5 billion in the US alone.")


def test_a_long_list_of_names_mostly_unknown_is_no_list_of_places(pipeline):
    """Brands the parser tags places are still brands ("Sun Valley", "Mountain Dairy")."""
    places = _places(pipeline, "In Iowa, the eggs were sold under the labels Lucerne, Albertson, "
                               "Mountain Dairy, Ralph's, Boomsma's, Trafficanda, Farm Fresh, Dutch "
                               "Farms, Kemps, Bayview, NuLay and Sun Valley.")
    assert places == ["Iowa"]


@pytest.mark.parametrize("text", [
    "Flooding hit the villages of Kampungu, Makonono, Kaluamba, Mombo and Tshikapa in Congo.",
    "Cases were found in Kampungu, Makonono, Kaluamba, Mombo and Tshikapa in Congo.",
])
def test_a_placed_list_keeps_its_members(pipeline, text):
    assert "Tshikapa" in _places(pipeline, text)


@pytest.mark.parametrize("text,name", [
    ("The most affected villages were identified as Gabardin, Tonban, Karvan, Tourian and Khaldin.", "Tonban"),
    ("She joined Elizabeth Warren, Rhode Island Gov. Gina Raimondo and New Hampshire Gov. Maggie "
     "Hassan on stage.", "New Hampshire"),
])
def test_a_list_of_settlements_or_a_state_stays(pipeline, text, name):
    assert name in _places(pipeline, text)


@pytest.mark.parametrize("row", __import__("wirecoder.lang.en", fromlist=["table"]).table("holidays"),
                         ids=lambda r: r["word"])
def test_each_holiday_is_no_place(pipeline, row):
    places = [p.span.text.lower() for p in pipeline.analyze(row["example"]).places]
    assert row["word"] in row["example"].lower() and places and row["word"] not in places


def test_a_town_named_like_a_holiday_stays_when_qualified(pipeline):
    assert "Christmas" in _places(pipeline, "The storm hit Christmas, Florida, on Monday.")
