"""The actor registry (#19): one actor, one code, across every stored document, with the evidence
for the code; incremental, surviving reprocessing and deletion; on SQLite and PostgreSQL.

Documents are made by hand (no pipeline): what is tested is the store's joining and coding.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from registry_fixtures import MAYOR_A, MAYOR_B, MAYOR_C, MAYOR_D, TRUMP_2016, doc
from wirecoder.store import BadFilter, migrate, open_store
from wirecoder.store.actor_registry import is_name, rebuild
from wirecoder.store.registry_queries import registry_actors
from wirecoder.store.testing import PG_ENV, empty_store, pg_test_url


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'registry.db'}"
    else:
        url = pg_test_url()
        if not url:
            pytest.skip(f"PostgreSQL store tests need {PG_ENV}=postgresql://user:password@host/db; "
                        "not set")
        try:
            empty_store(url)
        except Exception as exc:  # pragma: no cover - depends on the machine
            pytest.skip(f"PostgreSQL at {PG_ENV} is not reachable: {type(exc).__name__}: {exc}")
    with open_store(url) as s:
        yield s


def by_name(store, name: str) -> dict:
    total, rows = registry_actors(store, q=name)
    found = [r for r in rows if r["name"] == name]
    assert len(found) == 1, rows
    return found[0]


def test_a_name_is_one_actor_with_one_code_learned_from_a_stored_span(store):
    store.save(MAYOR_A)
    store.save(MAYOR_B)
    mayor = by_name(store, "Marisol Quintanar")
    # "Quintanar" in another document joins the full name; its code comes from document a's
    # description, with the span as evidence
    assert mayor["aliases"] == ["Quintanar"] and mayor["documents"] == 2
    assert (mayor["country"], mayor["sector"], mayor["code_from"]) == ("MEX", "GOV", "text")
    ev = mayor["evidence"]
    assert ev["document_id"] == "doc_a" and ev["text"] == "the mayor of Tijuana"
    assert MAYOR_A.document.text[ev["start"]:ev["end"]] == ev["text"]
    assert mayor["events"] == 1 and mayor["conflicts"] == []


@pytest.mark.parametrize("together", [False, True])
def test_a_surname_first_takes_the_full_name_later(store, together):
    # "Quintanar" stored first (alone or in the same batch), then the full name: one actor,
    # under the full name, coded from the full name's document; a surname the parser took for
    # an organisation joins too
    org = doc("g", "2025-03-11", "Quintanar asked for help.",
              [("Quintanar", "organization", None, [], "Quintanar", None)])
    if together:
        store.save_many([MAYOR_B, MAYOR_A, org])
    else:
        for analysis in (MAYOR_B, MAYOR_A, org):
            store.save(analysis)
    mayor = by_name(store, "Marisol Quintanar")
    assert mayor["documents"] == 3 and (mayor["country"], mayor["sector"]) == ("MEX", "GOV")
    assert registry_actors(store, q="quintanar")[0] == 1


def test_noisy_and_fuller_forms_of_a_known_name_join_it(store):
    # a headline's words before a dictionary name, one middle initial, a surname stored before
    # the dictionary's full name: each joins the one actor
    texts = [("h", "2016-05-02", "Castro spoke.", "Castro"),
             ("i", "2016-05-03", "Fidel Castro spoke.", "Fidel Castro"),
             ("j", "2016-05-04", "Claim That Donald Trump spoke.", "Claim That Donald Trump"),
             ("k", "2016-05-05", "Paul D. Ryan spoke.", "Paul D. Ryan"),
             ("l", "2016-05-06", "Paul Ryan spoke.", "Paul Ryan"),
             ("n", "2016-05-08", "Moderator Hugh Hewitt asked.", "Moderator Hugh Hewitt"),
             ("o", "2016-05-09", "Hugh Hewitt asked.", "Hugh Hewitt")]
    for key, day, text, name in texts:
        store.save(doc(key, day, text, [(name, "person", None, [], name, None)]))
    store.save(doc("m", "2016-05-07", "Paul Ryan again.", [("Paul Ryan", "person", None, [],
                                                           "Paul Ryan", None)]))
    store.save(TRUMP_2016)
    names = {r["name"]: r for r in registry_actors(store)[1]}
    assert {"Castro", "Claim That Donald Trump", "Paul D. Ryan",
            "Moderator Hugh Hewitt"}.isdisjoint(names)
    assert names["Hugh Hewitt"]["documents"] == 2
    assert names["Donald Trump"]["documents"] == 2
    fidel = [r for n, r in names.items() if n.endswith("Castro")]
    assert len(fidel) == 1 and fidel[0]["documents"] == 2
    ryan = [r for n, r in names.items() if n.endswith("Ryan")]
    assert len(ryan) == 1 and ryan[0]["documents"] == 3


def test_a_dictionary_actor_has_one_code_across_dates(store):
    store.save(TRUMP_2016)
    store.save(MAYOR_B)
    trump = by_name(store, "Donald Trump")
    # one actor for "Trump" (2025) and "Donald Trump" (2016), coded as of its latest mention;
    # the 2016 candidate is no conflict, his role then being a party's
    assert trump["documents"] == 2 and trump["aliases"] == ["Trump"]
    assert (trump["country"], trump["sector"], trump["code_from"]) == ("USA", "GOV", "dictionary")
    assert trump["evidence"]["document_id"] is None and "president" in trump["evidence"]["text"]
    assert trump["conflicts"] == []
    assert len(registry_actors(store, q="trump")[1]) == 1


def test_event_filters_see_the_registry(store):
    store.save(MAYOR_A)
    store.save(MAYOR_B)
    consult = [e.id for e in store.events(type="CONSULT")]
    assert len(consult) == 1
    # document b leaves "Quintanar" uncoded and names him so: the registry gives the country
    # (from document a) and the full name
    assert [e.id for e in store.events(country="MEX", type="CONSULT")] == consult
    assert [e.id for e in store.events(actor="Marisol")] == consult
    assert store.events(country="CHN") == []


def test_conflicting_codes_are_resolved_by_count_and_shown(store):
    for analysis in (MAYOR_A, MAYOR_C, MAYOR_D):
        store.save(analysis)
    mayor = by_name(store, "Marisol Quintanar")
    assert (mayor["country"], mayor["sector"]) == ("MEX", "GOV")
    assert mayor["conflicts"] == [{"country": "USA", "sector": "BUS", "count": 1,
                                   "document_id": "doc_c"}]


def test_the_registry_follows_reprocessing_and_deletion(store):
    store.save(MAYOR_A)
    store.save(MAYOR_B)
    before = by_name(store, "Marisol Quintanar")
    assert store.save(MAYOR_A, reprocess=True) == "replaced"
    again = by_name(store, "Marisol Quintanar")
    assert again["id"] == before["id"] and again["documents"] == 2 and again["mentions"] == 2
    store.delete_document("doc_a")
    # the span that gave the code is gone: the actor stays, uncoded, under the name it has left
    left = by_name(store, "Quintanar")
    assert left["id"] == before["id"] and left["code_from"] == "none" and left["documents"] == 1
    store.delete_document("doc_b")
    assert registry_actors(store)[0] == 0


def test_rebuild_gives_the_registry_saving_gave(store):
    for analysis in (TRUMP_2016, MAYOR_A, MAYOR_B, MAYOR_C, MAYOR_D):
        store.save(analysis)
    saved = registry_actors(store)[1]
    assert rebuild(store) == 5
    assert registry_actors(store)[1] == saved


def test_a_store_made_before_the_registry_gets_one_when_upgraded(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with open_store(url) as s:
        for analysis in (TRUMP_2016, MAYOR_A, MAYOR_B):
            s.save(analysis)
        saved = registry_actors(s)[1]
    migrate(url, "0008")  # as a store made before migration 0009: no registry tables
    with open_store(url) as s:
        assert registry_actors(s)[1] == saved and len(saved) == 3


def test_filters_and_bad_filters(store):
    for analysis in (MAYOR_A, MAYOR_B):
        store.save(analysis)
    assert {r["name"] for r in registry_actors(store, country="MEX")[1]} == {
        "Marisol Quintanar", "Mexico"}
    assert [r["name"] for r in registry_actors(store, kind="country")[1]] == ["Mexico"]
    assert [r["name"] for r in registry_actors(store, sector="GOV", code_from="dictionary")[1]] \
        == ["Donald Trump"]
    for bad in ({"kind": "robot"}, {"sector": "GOVERNMENT"}, {"code_from": "guess"},
                {"country": "MX"}, {"limit": 0}):
        with pytest.raises(BadFilter):
            registry_actors(store, **bad)


@pytest.mark.parametrize("text,expected", [
    ("Donald Trump", True), ("Ministry of Defense", True), ("U.S.", True), ("Osama bin Laden", True),
    ("Which", False), ("At least none", False), ("An investment pitch", False),
    ("Clinton's advantage", False), ("Some supporters", False), ("it", False),
    ("A heavily-evangelical electorate", False), ("Mr. Sanders's allies", False),
])
def test_is_name(text, expected):
    assert is_name(text) is expected


def test_wirecoder_actors_cli(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with open_store(url) as s:
        s.save(MAYOR_A)
        s.save(MAYOR_B)
    run = lambda *a: subprocess.run([sys.executable, "-m", "wirecoder", "actors", "--db", url, *a],  # noqa: E731
                                    capture_output=True, text=True, timeout=120)
    table = run()
    assert table.returncode == 0, table.stderr
    line = next(x for x in table.stdout.splitlines() if x.startswith("Marisol Quintanar"))
    assert "MEX GOV" in line and "doc_a[" in line and "'the mayor of Tijuana'" in line \
        and "aka Quintanar" in line
    rows = json.loads(run("--json", "--country", "MEX", "--kind", "person").stdout)
    assert [r["name"] for r in rows] == ["Marisol Quintanar"] and rows[0]["events"] == 1
    bad = run("--kind", "robot")
    assert bad.returncode == 2 and bad.stderr.startswith("wirecoder: W041")
