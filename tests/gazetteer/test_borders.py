"""Borders (#25 item 4): with the places option `borders`, a border the supplement lists is one
place at precision "region", feature BDR, at a point on the line; and an incident's mentions
share the finest of nested places (extract/event_links.py)."""

from __future__ import annotations

import pytest

from wirecoder.extract.event_links import _finest
from wirecoder.gazetteer import haversine_km
from wirecoder.knowledge import load_tsv
from wirecoder.pipeline import load
from wirecoder.records import Place, Span

BORDERS = [r for r in load_tsv("places_supplement.tsv") if r["fcode"] == "BDR" and r.get("source")]


@pytest.fixture(scope="module")
def with_borders():
    return load({"options": {"places": {"borders": True}}})


def test_every_new_border_row_names_its_source():
    assert BORDERS and all(r["source"] and r["lat"] and r["lon"] for r in BORDERS)


@pytest.mark.parametrize("sentence,name,lat,lon", [
    ("Troops were deployed along the Texas-Mexico border on Monday.", "Texas-Mexico border", 29.4, -100.9),
    ("Shelling hit villages along the Syria-Turkey border.", "Syria-Turkey border", 36.8, 38.0),
    ("Fighting spread to the Pakistan-Afghanistan border.", "Pakistan-Afghanistan border", 34.1, 71.1),
])
def test_a_listed_border_is_one_place_on_the_line(with_borders, sentence, name, lat, lon):
    places = {p.span.text: p for p in with_borders.analyze(sentence).places}
    assert name in places, places
    p = places[name]
    assert p.precision == "region" and p.feature == "BDR"
    assert haversine_km(p.latitude, p.longitude, lat, lon) < 50
    assert "Texas" not in places and "Mexico" not in places


def test_sides_joined_by_a_slash_stay_places(with_borders):
    places = [p.span.text for p in with_borders.analyze("He said the U.S. / Mexico border will stay open.").places]
    assert "Mexico" in places


def _place(pid, precision, country, admin1):
    return Place(id=pid, span=Span.of("x" * 10, 0, 1), name=pid, precision=precision,
                 country=country, admin1=admin1)


def test_an_incident_shares_the_finest_of_nested_places():
    border = _place("b", "region", "USA", "Texas")
    town = _place("t", "locality", "USA", "Texas")
    other = _place("o", "locality", "MEX", "Tamaulipas")
    by_id = {p.id: p for p in (border, town, other)}
    assert _finest({"b", "t"}, by_id) == {"t"}
    assert _finest({"t", "o"}, by_id) == {"t", "o"}  # two places: nothing shared
