"""Common nouns of agents (knowledge/agent_nouns.tsv): they code a description, and license nothing.

"vandals" is CRM and "four Saudi men" SAU, but a phrase found only through that table is a
described actor: no party to an event or a quote ("Hospitals and schools were also hit" gains no
event because "hospital" names a sector in PLOVER's agents file).
"""

from __future__ import annotations

import pytest

import wirecoder
from wirecoder.extract.actor_codes import agent_table
from wirecoder.extract.actor_index import ActorIndex, parties
from wirecoder.knowledge import load_tsv
from wirecoder.records import DESCRIBED


@pytest.fixture(scope="module")
def actors_only():
    return wirecoder.load({"stages": ["clean", "parse", "actors"]})


def _best(analysis):
    """The actor covering most of the text, as `eval actors` picks it."""
    return max(analysis.actors, key=lambda a: sum(m.end - m.start for m in a.mentions))


@pytest.mark.parametrize("text,country,sector", [
    ("vandals", None, "CRM"),
    ("a group of thieves", None, "CRM"),
    ("the paramedic", None, "MED"),
    ("gunmen", None, "UAF"),
    ("a group of tourists", None, "CVL"),
    ("jihadis", None, "REB"),
    ("four Saudi men", "SAU", None),
    ("a US destroyer", "USA", "MIL"),
    ("Nigeria's airlines", "NGA", "BUS"),
    ("Muslim leaders in France", "FRA", "REL"),
    ("the Prime Minister of Estonia", "EST", "GOV"),
    ("Defense Minister", None, "GOV"),
    ("Saudi National Guard", "SAU", "MIL"),
    ("Ukrainian agricultural workers", "UKR", "AGR"),
    ("the World Bank", None, "IGO"),
    ("a congressional group", None, "LEG"),
    ("the Minsk police", "BLR", "COP"),
    ("Madras High Court", "IND", "JUD"),
    ("Quds Force", "IRN", "MIL"),
])
def test_an_agent_noun_codes_its_phrase(actors_only, text, country, sector):
    best = _best(actors_only.analyze(text, published="2023-03-31"))
    assert best.country == country
    assert (best.sectors[0] if best.sectors else None) == sector


def test_a_described_actor_is_no_party(actors_only):
    analysis = actors_only.analyze("Vandals smashed the windows of the town hall.", published="2023-03-31")
    described = [a for a in analysis.actors if a.id.startswith(DESCRIBED + "_")]
    assert [a.sectors[:1] for a in described] == [["CRM"]]
    assert not parties(analysis.actors) or all(not a.id.startswith(DESCRIBED) for a in parties(analysis.actors))
    index = ActorIndex(analysis.actors)
    assert all(not aid.startswith(DESCRIBED) for aid in index.by_char.values())


@pytest.mark.parametrize("text", [
    "Hospitals and schools were also hit.",
    "Vandals smashed the windows of the town hall.",
    "The campaign aims to fight mosquito populations with tourists' help.",
])
def test_an_agent_noun_adds_no_event_party(text):
    """The events of a sentence are the same with the agents table emptied: what it finds codes,
    and is named by no event."""
    def dyads(analysis):
        return sorted((e.type, tuple(r.span.text for r in e.sources), tuple(r.span.text for r in e.targets))
                      for e in analysis.events)

    with_table = dyads(wirecoder.analyze(text, published="2023-03-31"))
    table = dict(agent_table())
    agent_table().clear()
    try:
        without = dyads(wirecoder.analyze(text, published="2023-03-31"))
    finally:
        agent_table().update(table)
    assert with_table == without


def test_the_agents_table_rows_are_sectors_and_the_written_rows_have_examples():
    rows = load_tsv("agent_nouns.tsv")
    assert len(rows) > 2000
    assert all(r["sectors"] and all(len(s) == 3 and s.isupper() for s in r["sectors"].split("|")) for r in rows)
    assert all(r["example"] for r in rows if r["source"] == "wirecoder")
    assert {r["source"] for r in rows} == {"wirecoder", "plover_agents"}


def test_an_office_comes_before_its_field_and_a_modifier_is_no_agent(actors_only):
    assert _best(actors_only.analyze("Defense Minister", published="2023-03-31")).sectors == ["GOV", "MIL"]
    analysis = actors_only.analyze("Harry Tseng, Taiwan's deputy foreign minister, said so.",
                                   published="2023-03-31")
    assert all("COP" not in a.sectors for a in analysis.actors)  # a deputy minister, no sheriff's deputy


def test_an_international_body_is_igo_first(actors_only):
    best = _best(actors_only.analyze("International Court of Justice", published="2023-03-31"))
    assert best.country is None and best.sectors[:2] == ["IGO", "JUD"]


def test_a_described_actor_is_no_story_term(actors_only):
    from wirecoder.dedup.stories import story_terms

    analysis = actors_only.analyze("Vandals smashed the windows of the town hall.", published="2023-03-31")
    assert any(a.described for a in analysis.actors)
    assert not [t for t in story_terms(analysis) if t.startswith("=") and "vandal" in t]


@pytest.mark.parametrize("name,country", [("Madras", "IND"), ("Minsk", "BLR"), ("Rakhine", "MMR"),
                                          ("Springfield", "USA"), ("Amherst", None), ("Trump", None)])
def test_a_place_names_its_country_only_when_one_country_clearly_holds_it(name, country):
    from wirecoder.extract.actor_codes import place_country

    assert place_country(name) == country


def test_an_international_body_s_name_and_offices(actors_only):
    eu = _best(actors_only.analyze("European Union legislators", published="2023-03-31"))
    assert "LAB" not in eu.sectors  # the European Union is no (trade) union
    analysis = actors_only.analyze("NATO's secretary general said so.", published="2023-03-31")
    office = next(a for a in analysis.actors if "secretary" in a.name)
    assert office.country is None and office.sectors[:2] == ["IGO", "GOV"]
