"""Actors coded from the dictionary on the document's date, datelines and seats of government."""

from __future__ import annotations

import pytest

import wirecoder

STORY = """MEXICO CITY, Feb 3 (Reuters) - Claudia Sheinbaum on Monday rejected any U.S. military \
action against drug cartels on Mexican soil, a day after Donald Trump said all options were on \
the table.

"We will not accept interference," Sheinbaum told reporters at her morning news conference. \
Which options Trump meant was not clear, and the White House did not respond.

Separately, Volodymyr Zelensky and Tayyip Erdogan met in Ankara on Wednesday to discuss a \
prisoner exchange, Erdogan's office said. The talks lasted three hours.
"""


@pytest.fixture(scope="module")
def actors_only():
    return wirecoder.load({"stages": ["clean", "parse", "actors"]})


@pytest.fixture(scope="module")
def story():
    return wirecoder.analyze(STORY, published="2025-02-03")


def _codes(analysis) -> dict[str, tuple[str | None, str | None]]:
    return {a.name: (a.country, a.sectors[0] if a.sectors else None) for a in analysis.actors}


def test_the_story_codes_each_person_named_without_a_title(story):
    codes = _codes(story)
    assert codes["Claudia Sheinbaum"] == ("MEX", "GOV")
    assert codes["Donald Trump"] == ("USA", "GOV")
    assert codes["Volodymyr Zelensky"] == ("UKR", "GOV")
    assert codes["Tayyip Erdogan"] == ("TUR", "GOV")


def test_the_dateline_and_the_meeting_place_are_no_actors(story):
    dateline_end = STORY.index(" - ") + 3
    assert not [m for a in story.actors for m in a.mentions if m.start < dateline_end]
    assert "Ankara" not in {a.name for a in story.actors}
    assert not {"Which", "three hours", "Wednesday", "Monday"} & {a.name for a in story.actors}


def test_the_rejection_has_sheinbaum_not_the_dateline_as_its_source(story):
    by_id = {a.id: a for a in story.actors}
    rejects = [e for e in story.events if e.type == "REJECT" and e.trigger.text == "rejected"]
    assert rejects and rejects[0].sources
    source = by_id[rejects[0].sources[0].actor_id]
    assert (source.name, source.country, source.sectors[0]) == ("Claudia Sheinbaum", "MEX", "GOV")


def test_the_dictionary_evidence_is_the_name(story):
    erdogan = next(a for a in story.actors if a.name == "Tayyip Erdogan")
    assert [e.text for e in erdogan.evidence] == ["Tayyip Erdogan"]


@pytest.mark.parametrize("published,sector", [("2019-05-01", "GOV"), ("2022-05-01", "PTY"),
                                              ("2025-05-01", "GOV")])
def test_one_name_is_coded_for_the_day_of_the_report(actors_only, published, sector):
    analysis = actors_only.analyze("Trump criticised the decision on Tuesday.", published=published)
    assert _codes(analysis)["Trump"] == ("USA", sector)


def test_the_text_comes_before_the_dictionary(actors_only):
    analysis = actors_only.analyze("Former President Donald Trump spoke on Tuesday.",
                                   published="2022-05-01")
    assert _codes(analysis)["Donald Trump"] == ("USA", "ELI")
    analysis = actors_only.analyze("French Foreign Minister Jean Dupont-Ricard spoke.",
                                   published="2022-05-01")
    assert _codes(analysis)["Jean Dupont-Ricard"] == ("FRA", "GOV")


def test_a_seat_of_government_acts_for_its_government_but_is_a_place_after_a_preposition(actors_only):
    said = actors_only.analyze("Ankara said it would respond to the sanctions.", published="2025-02-03")
    assert _codes(said)["Ankara"] == ("TUR", "GOV")
    met = actors_only.analyze("The two leaders met in Ankara on Monday.", published="2025-02-03")
    assert "Ankara" not in _codes(met)
    listed = actors_only.analyze("The cartel operates in the U.S., Washington, D.C., and Puerto Rico.",
                                 published="2025-02-03")
    assert all("GOV" not in a.sectors for a in listed.actors if a.country == "USA")


def test_a_seat_of_government_the_tagger_took_for_a_person_is_none(actors_only):
    # spaCy tags "Kyiv" here PERSON: a capital is its government where it acts, else a place
    analysis = actors_only.analyze("Erdogan offered to host new talks between Kyiv and Moscow.",
                                   published="2025-02-05")
    assert "Kyiv" not in _codes(analysis) and _codes(analysis)["Erdogan"] == ("TUR", "GOV")


def test_a_dateline_with_a_date_starts_the_lead_and_names_no_one(actors_only):
    analysis = actors_only.analyze("WASHINGTON, Feb 3 (Reuters) - Officials met on Monday.",
                                   published="2025-02-03")
    assert "WASHINGTON" not in {m.text for a in analysis.actors for m in a.mentions}
    assert "Reuters" not in _codes(analysis)


def test_the_seed_codes_the_cartel_it_names(seed_analysis):
    codes = _codes(seed_analysis)
    assert codes["Jalisco New Generation Cartel"] == ("MEX", "CRM")
    assert codes["Donald Trump"] == ("USA", "GOV")
    assert codes["Pete Hegseth"][0] == "USA"


def test_a_past_office_is_an_elite_only_before_a_title(actors_only):
    analysis = actors_only.analyze("The former minister and former members of the club spoke.",
                                   published="2025-02-03")
    assert _codes(analysis)["former minister"] == (None, "ELI")
    assert not [a for a in analysis.actors if "members" in a.name]


def test_event_confidence_counts_codes_read_from_the_text_not_a_known_name():
    from wirecoder.extract.event_confidence import _coded
    from wirecoder.records import Actor, Span

    name = Span(start=0, end=14, text="Tayyip Erdogan")
    title = Span(start=20, end=29, text="President")
    known = Actor(id="a", name="Tayyip Erdogan", kind="person", country="TUR", sectors=["GOV"],
                  mentions=[name], evidence=[name])
    described = known.model_copy(update={"evidence": [title, name]})
    assert not _coded(known) and _coded(described)
    body = Actor(id="b", name="Border Patrol", kind="organization", country="USA", sectors=["COP"],
                 mentions=[name], evidence=[name])
    assert _coded(body)  # an organisation coded by its own words


def _mentions_of(analysis, text: str) -> set[str]:
    return next({m.text for m in a.mentions} for a in analysis.actors if text in {m.text for m in a.mentions})


@pytest.mark.parametrize("text,one,other", [
    # a description of another country is someone else
    ("The British Prime Minister Theresa May has held talks with the Irish premier Leo Varadkar.",
     "The British Prime Minister", "the Irish premier"),
    # a description in the clause its subject leads is someone else
    ("Imam Suliman Gani demanded a serious, immediate apology from the Prime Minister.",
     "Imam Suliman Gani", "the Prime Minister"),
])
def test_a_description_does_not_join_an_actor_it_cannot_be(actors_only, text, one, other):
    assert other not in _mentions_of(actors_only.analyze(text), one)


def test_a_party_word_still_joins_the_titled_person_before_it(actors_only):
    analysis = actors_only.analyze("Senator Smith spoke on Monday. The Republican said talks would go on.")
    assert _mentions_of(analysis, "Smith") == {"Smith", "The Republican"}
