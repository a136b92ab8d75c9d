"""One actor, one node (#19): aliases of one organisation merge, places owned by a pronoun are
no actors, names the tagger missed are looked up, and descriptor rows code titles and bodies."""

from __future__ import annotations

import pytest

import wirecoder
from wirecoder.extract.actor_codes import country_of
from wirecoder.extract.actor_dictionary import dictionary


@pytest.fixture(scope="module")
def nlp():
    return wirecoder.load({"stages": ["clean", "parse", "actors"]})


def _codes(analysis) -> dict[str, tuple[str | None, str | None]]:
    return {a.name: (a.country, a.sectors[0] if a.sectors else None) for a in analysis.actors}


def _names(analysis) -> set[str]:
    return {m.text for a in analysis.actors for m in a.mentions}


def test_a_place_owned_by_a_pronoun_is_no_actor_unless_it_speaks(nlp):
    operates = nlp.analyze("The cartel operates in 23 of Mexico's 32 states and its capital, "
                           "Mexico City.", published="2025-01-31")
    assert not {"its capital", "Mexico City"} & _names(operates)
    said = nlp.analyze("Its capital said the talks had failed.", published="2025-01-31")
    assert "Its capital" in _names(said)


def test_a_common_noun_the_tagger_took_for_a_place_is_still_read(nlp):
    # spaCy tags "netizen" alone a GPE; only a named place is set aside as a place
    assert _codes(nlp.analyze("netizen"))["netizen"] == (None, "CVL")


def test_the_names_of_one_organisation_are_one_actor(nlp):
    text = ("Gunmen fired on U.S. Border Patrol on Monday. American Border Patrol agents returned "
            "fire. Later, Border Patrol said no one was hurt. The U.S. Navy and the Navy of Mexico "
            "were not involved.")
    analysis = nlp.analyze(text, published="2025-01-31")
    patrol = [a for a in analysis.actors if "Border Patrol" in a.name and a.kind == "organization"]
    assert len(patrol) == 1 and {"U.S. Border Patrol", "Border Patrol"} <= {m.text for m in patrol[0].mentions}
    navies = [a for a in analysis.actors if "Navy" in a.name]
    assert len(navies) != 1 or "the Navy" not in {m.text for m in navies[0].mentions}


def test_an_alias_the_dictionary_knows_joins_its_organisation(nlp):
    text = ("Members of the Jalisco New Generation Cartel (CJNG) posed for a photo. "
            "The CJNG controls the port.")
    analysis = nlp.analyze(text, published="2025-01-31")
    cjng = [a for a in analysis.actors if {"CJNG", "Jalisco New Generation Cartel"} & {m.text for m in a.mentions}]
    assert len(cjng) == 1 and cjng[0].country == "MEX"
    assert dictionary().canonical("CJNG") == dictionary().canonical("Jalisco New Generation Cartel")
    assert dictionary().canonical("Nobody Known Here") is None


def test_illegal_migrants_are_people_smuggled_not_criminals(nlp):
    analysis = nlp.analyze("A cartel tried to smuggle illegal migrants into Texas.", published="2025-01-31")
    assert _codes(analysis)["illegal migrants"] == (None, "CVL")


def test_a_name_the_tagger_missed_is_looked_up(nlp):
    # spaCy reads "Aleksandr" alone as a place and "Lukashenko" as no entity
    analysis = nlp.analyze("Aleksandr Lukashenko", published="2023-03-31")
    assert _codes(analysis)["Aleksandr Lukashenko"] == ("BLR", "GOV")


def test_an_indefinite_title_names_a_person_unless_it_is_a_role(nlp):
    said = nlp.analyze("A former CIA official said the plan would fail.", published="2023-03-31")
    assert _codes(said)["former CIA official"] == ("USA", "ELI")
    role = nlp.analyze("He served as a secretary of defense.", published="2023-03-31")
    assert "secretary of defense" not in " ".join(_codes(role))
    wished = nlp.analyze("It is time a special prosecutor be appointed.", published="2023-03-31")
    assert "special prosecutor" not in _codes(wished)


@pytest.mark.parametrize("text,name,codes", [
    ("Pope Francis called for a ceasefire.", "Francis", (None, "REL")),
    ("Lt. Gen. Ahmed Hassan inspected the troops.", "Ahmed Hassan", (None, "MIL")),
    ("The Red Crescent Society evacuated the wounded.", "Red Crescent Society", (None, "NGO")),
    ("The Collective Security Treaty Organization met.", "Collective Security Treaty Organization",
     (None, "IGO")),
    ("Massachusetts Institute of Technology researchers said so.", "Massachusetts Institute of Technology",
     ("USA", "EDU")),
])
def test_descriptor_rows_code_titles_and_bodies(nlp, text, name, codes):
    assert _codes(nlp.analyze(text, published="2023-03-31"))[name] == codes


def test_a_country_name_with_a_possessive_is_read_as_phrase_words_read_it():
    assert country_of("Republic of China") == "TWN"
    assert country_of("People's Republic of China") == "CHN"
    from wirecoder.extract.actor_codes import code_words

    words = [("people", 0, 6), ("republic", 9, 17), ("of", 18, 20), ("china", 21, 26)]
    assert code_words(words).country == "CHN"


def test_a_participle_of_the_agents_table_used_as_a_noun_is_a_described_group(nlp):
    codes = _codes(nlp.analyze("Aid finally reached the displaced in the north."))
    assert codes["displaced"] == (None, "REF")
    owned = nlp.analyze("Burkina Faso’s displaced")
    assert (owned.actors and max(owned.actors, key=lambda a: len(a.mentions[0].text)).sectors == ["REF"])
    verb = _codes(nlp.analyze("The village was displaced by floods."))
    assert not [name for name in verb if "displaced" in name]


def test_a_place_noun_where_something_is_is_no_actor(nlp):
    placed = nlp.analyze("Members posed for a photo in Michoacan state, Mexico.", published="2025-01-31")
    assert not [name for name in _codes(placed) if "state" in name]
    spread = nlp.analyze("The cartel expanded into 11 states in the U.S.", published="2025-01-31")
    assert "11 states" not in _codes(spread)


def test_an_organisation_tagged_in_common_nouns_joins_the_group_it_describes(nlp):
    # spaCy tags "Cartels" first in its sentence an organisation
    analysis = nlp.analyze("Mexican drug cartels fired on agents. Cartels have been increasingly "
                           "hostile towards the U.S.", published="2025-01-31")
    cartels = [a for a in analysis.actors if "Cartels" in {m.text for m in a.mentions}]
    assert len(cartels) == 1 and cartels[0].name == "Mexican drug cartels"


@pytest.mark.parametrize("text,name,first", [
    ("He thanked his former Fox News colleagues.", "his former Fox News colleagues", "MED"),
    ("A former CIA official said so.", "former CIA official", "ELI"),
    ("Former President Donald Trump spoke.", "Donald Trump", "ELI"),
])
def test_a_past_office_needs_an_office_not_any_sector_word(nlp, text, name, first):
    assert _codes(nlp.analyze(text, published="2025-01-31"))[name][1] == first
