"""Rivers and borders as lines, one name with its abbreviation, and groups named after places
(#25; gazetteer/lines.py, gazetteer/namesakes.py, knowledge/place_lines.tsv)."""

from __future__ import annotations

import pytest

from wirecoder.gazetteer import haversine_km
from wirecoder.gazetteer.lines import LINE_REACH_KM, lines, point_on_line
from wirecoder.gazetteer.names import key
from wirecoder.knowledge import load_tsv
from wirecoder.lang.en import table

SUPPLEMENT = {(r["name"], r["fcode"]): r for r in load_tsv("places_supplement.tsv")}


def _places(pipeline, text: str) -> dict:
    return {p.span.text: p for p in pipeline.analyze(text).places}


def test_every_line_is_a_supplement_row_with_its_source_and_passes_near_its_point():
    rows = load_tsv("place_lines.tsv")
    assert rows
    for row in rows:
        sup = SUPPLEMENT[(row["name"], row["fcode"])]
        line = lines()[(key(row["name"]), row["fcode"])]
        assert row["source"] and len(line) >= 2
        # the supplement's representative point lies on or near its line
        assert min(haversine_km(float(sup["lat"]), float(sup["lon"]), a, b) for a, b in line) < 60


def test_point_on_line_is_the_vertex_nearest_a_town_within_reach():
    roma = point_on_line("Rio Grande", "STM", [(26.41, -99.08)])  # Fronton, Texas
    assert roma is not None and haversine_km(*roma, 26.41, -99.08) < 10
    assert point_on_line("Rio Grande", "STM", [(51.5, -0.12)]) is None  # London: too far
    assert point_on_line("Rio Grande", "STM", []) is None
    assert point_on_line("Thames", "STM", [(51.5, -0.12)]) is None  # no line listed
    assert LINE_REACH_KM < 200


def test_a_river_beside_the_articles_town_is_placed_near_it(pipeline):
    places = _places(pipeline, "The gunfight broke out in Fronton, Texas. Footage shows men crossing "
                               "from Mexico onto an island in the Rio Grande river.")
    river = places["Rio Grande"]
    assert river.precision == "region" and river.feature == "STM"
    assert haversine_km(river.latitude, river.longitude, 26.41, -99.08) < 30


def test_a_river_alone_keeps_its_representative_point(pipeline):
    river = _places(pipeline, "Boats sailed down the Rio Grande on Sunday.")["Rio Grande"]
    sup = SUPPLEMENT[("Rio Grande", "STM")]
    assert (river.latitude, river.longitude) == (float(sup["lat"]), float(sup["lon"]))


@pytest.mark.parametrize("sentence", [
    "The cartel expanded into 11 states in the U.S., Washington, D.C., and Puerto Rico.",
    "The governor flew to Washington, D.C. on Monday.",
])
def test_washington_dc_is_one_place(pipeline, sentence):
    places = _places(pipeline, sentence)
    assert "Washington, D.C." in places and "D.C." not in places and "Washington" not in places
    assert places["Washington, D.C."].geonames_id == 4140963


def test_a_country_is_qualified_by_no_place_after_it(pipeline):
    places = _places(pipeline, "The cartel expanded into 11 states in the U.S., Washington, D.C., "
                               "and Puerto Rico.")
    assert [e.text for e in places["U.S."].evidence] == ["U.S."]


def test_a_town_keeps_its_state_as_a_place_of_its_own(pipeline):
    places = _places(pipeline, "The gunfight broke out in Fronton, Texas, on Monday.")
    assert "Fronton" in places and "Texas" in places


@pytest.mark.parametrize("row", [r for r in table("name_senses") if r["cue"] == "group_head"],
                         ids=lambda r: r["word"])
def test_each_group_head_row_names_no_place(pipeline, row):
    """The default pipeline (namesakes of newspapers and schools kept) still drops them."""
    assert row["word"] in row["example"].lower() and row["name"] in row["example"]
    assert row["name"] not in _places(pipeline, row["example"])


def test_the_groups_home_named_as_a_place_stays(pipeline):
    places = _places(pipeline, "Violence rose in Sinaloa, where the Sinaloa cartel is based.")
    assert [p.span.start for p in places.values() if p.span.text == "Sinaloa"]
    assert sum(1 for p in pipeline.analyze("Violence rose in Sinaloa, where the Sinaloa cartel "
                                           "is based.").places if p.span.text == "Sinaloa") == 1


@pytest.mark.parametrize("sentence,street,town", [
    ("The worst explosion was at the busy Oxford Street bus station in Belfast.", "Oxford Street", "Oxford"),
    ("Police closed Main Street and Paris Avenue in New Orleans.", "Paris Avenue", "Paris"),
    ("A man was shot on London Road in Leicester.", "London Road", "London"),
])
def test_a_town_that_begins_a_streets_name_is_the_street(pipeline, sentence, street, town):
    places = _places(pipeline, sentence)
    assert town not in places and street in places
    assert places[street].geonames_id is None and places[street].country in (None, "GBR")


def test_a_street_the_gazetteer_knows_whole_stays_itself(pipeline):
    places = _places(pipeline, "Protesters marched from Wall Street to Downing Street.")
    assert places["Wall Street"].precision == "point" and places["Downing Street"].country == "GBR"
