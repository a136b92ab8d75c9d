"""Demonyms are no place mentions (#25): "Mexican cartels" reports Mexico under
`Analysis.demonyms`, never under `places`; the report lists them under their country, the API's
place list leaves them out, and the toponym scorer reads both (TR-News marks demonyms)."""

from __future__ import annotations

from types import SimpleNamespace

from wirecoder.evaluate.places import predictions
from wirecoder.records import Document, Place, Span


def test_a_demonym_goes_to_its_own_field(pipeline):
    a = pipeline.analyze("Mexican cartels fired on American agents in Fronton, Texas.")
    assert {p.span.text for p in a.demonyms} == {"Mexican", "American"}
    assert all(p.feature == "demonym" and p.precision == "country" for p in a.demonyms)
    assert {p.country for p in a.demonyms} == {"MEX", "USA"}
    assert {p.span.text for p in a.places} == {"Fronton", "Texas"}


def test_without_the_places_stage_there_are_no_demonyms(pipeline):
    from wirecoder.pipeline import load

    a = load({"disabled": ["places"]}).analyze("Mexican cartels fired on agents.")
    assert a.places == [] and a.demonyms == []


def test_the_report_lists_a_demonym_under_its_country(pipeline):
    from wirecoder.report import render

    a = pipeline.analyze("Mexican cartels fired into Mexico from the border.")
    places = render(a, color=False).split("Places")[-1]
    line = next(x for x in places.splitlines() if x.strip().startswith("Mexico"))
    assert "Mexican" in line


def test_the_scorer_reads_places_and_demonyms():
    text = "Mexican troops entered Texas."
    doc = Document(id="d", text=text, original_text=text)
    place = Place(id="p1", span=Span.of(text, 23, 28), name="Texas")
    demonym = Place(id="p2", span=Span.of(text, 0, 7), name="Mexico", feature="demonym")
    analysis = SimpleNamespace(document=doc, places=[place], demonyms=[demonym])
    assert [(s, p.id) for s, p in predictions(analysis)] == [((23, 28), "p1"), ((0, 7), "p2")]


def test_the_api_place_list_leaves_demonyms_out(tmp_path, pipeline):
    import pytest

    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from wirecoder.api import create_app
    from wirecoder.store import open_store

    url = f"sqlite:///{tmp_path / 'd.db'}"
    store = open_store(url)
    store.save(pipeline.analyze("Mexican cartels fired on agents in Fronton, Texas."), None)
    names = {p["name"] for p in TestClient(create_app(url)).get("/api/places").json()["items"]}
    assert "Fronton" in names and "Mexico" not in names


def test_a_peoples_word_for_a_subdivision_is_a_demonym(pipeline):
    """ "Chechen militants": the gazetteer lists "Chechen" as another name of Chechnya; the
    parser tags it a nationality. It implies the republic, as "Mexican" implies Mexico."""
    a = pipeline.analyze("Federal troops were deployed to repel incursions by Chechen militants.")
    assert "Chechen" not in {p.span.text for p in a.places}
    [d] = [p for p in a.demonyms if p.span.text == "Chechen"]
    assert (d.country, d.precision, d.feature) == ("RUS", "admin1", "demonym")
    b = pipeline.analyze("Troops were sent to Chechnya and Dagestan.")
    assert {"Chechnya", "Dagestan"} <= {p.span.text for p in b.places} and not b.demonyms
