"""The dashboard's actor network over the actor registry (#19, #22): one node per actor across
documents, named by the registry, and no node for words that name no actor."""

from __future__ import annotations

from registry_fixtures import JUNK, MAYOR_A, MAYOR_B, TRUMP_2016
from wirecoder.api.aggregates import aggregate, load_events
from wirecoder.store import open_store


def network(url: str) -> list[dict]:
    with open_store(url) as store:
        ids = [e for _, e in store.event_hits(min_confidence=0)]
        return aggregate(load_events(store, ids), "auto")["actor_pairs"]


def test_nodes_are_registry_actors_and_never_junk(tmp_path):
    url = f"sqlite:///{tmp_path / 'net.db'}"
    with open_store(url) as store:
        for analysis in (TRUMP_2016, MAYOR_B, JUNK):
            store.save(analysis)
    pairs = network(url)
    nodes = {p["source"] for p in pairs} | {p["target"] for p in pairs}
    # "Which", "At least none", "An investment pitch": words the coder resolved to no actor and
    # that name none; an uncoded description ("police") is no node either
    assert not nodes & {"Which", "At least none", "An investment pitch", "police", "cartels"}
    # "Trump" with no actor of its document joins the registry's Donald Trump, the one node for
    # "Trump" and "Donald Trump" in three documents, with one code
    assert {(p["source"], p["source_code"]) for p in pairs if p["type"] == "CONSULT"} == {
        ("Quintanar", "")}
    assert ("Quintanar", "Donald Trump", "CONSULT") in {(p["source"], p["target"], p["type"])
                                                        for p in pairs}
    codes = {p["target_code"] for p in pairs if p["target"] == "Donald Trump"}
    assert codes == {"USA GOV"}
    # a described party is its code
    assert ("MEX CRM", "Donald Trump", "ASSAULT") in {(p["source"], p["target"], p["type"])
                                                      for p in pairs}
    assert nodes == {"Quintanar", "Donald Trump", "MEX CRM"}


def test_api_actors_is_the_cli_listing(tmp_path):
    import json
    import subprocess
    import sys

    import pytest

    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from wirecoder.api import create_app

    url = f"sqlite:///{tmp_path / 'api.db'}"
    with open_store(url) as store:
        for analysis in (MAYOR_A, MAYOR_B, TRUMP_2016):
            store.save(analysis)
    client = TestClient(create_app(url))
    page = client.get("/api/actors", params={"q": "quintanar"}).json()
    assert page["total"] == 1
    mayor = page["items"][0]
    assert (mayor["name"], mayor["country"], mayor["sector"], mayor["code_from"]) == (
        "Marisol Quintanar", "MEX", "GOV", "text")
    assert mayor["evidence"] == {"document_id": "doc_a", "start": 19, "end": 39,
                                 "text": "the mayor of Tijuana"}
    assert mayor["aliases"] == ["Quintanar"] and mayor["events"] == 1
    cli = subprocess.run([sys.executable, "-m", "wirecoder", "actors", "--db", url, "--json"],
                         capture_output=True, text=True, timeout=120)
    assert client.get("/api/actors").json()["items"] == json.loads(cli.stdout)
    for bad in ({"kind": "robot"}, {"sector": "GOVERNMENT"}, {"country": "MX"}):
        r = client.get("/api/actors", params=bad)
        assert r.status_code == 400 and r.json()["error"]["code"] == "W041", r.json()
    assert client.get("/api/actors", params={"min_documents": 0}).json()["error"]["code"] == "W041"


def test_network_cut_keeps_the_heaviest_parties_and_links():
    from collections import Counter

    from wirecoder.api.aggregates import NetworkCut, network_pairs

    pairs = Counter({("A", "B", "ASSAULT"): 5, ("A", "C", "CONSULT"): 3, ("B", "C", "ASSAULT"): 1,
                     ("D", "A", "PROTEST"): 1, ("E", "F", "AID"): 2, ("A", "A", "CONSULT"): 2})
    every, cut = network_pairs(pairs, NetworkCut(top_actors=100, min_weight=1))
    assert len(every) == 6 and (cut["actors"], cut["links"]) == (6, 6)
    # the two parties in most events (A: 5+3+1+2, B: 5+1; C has 4) and the links between them
    two, cut = network_pairs(pairs, NetworkCut(top_actors=2))
    assert two == [(("A", "B", "ASSAULT"), 5), (("A", "A", "CONSULT"), 2)]
    assert (cut["actors"], cut["shown_actors"], cut["shown_links"]) == (6, 2, 2)
    # links under the minimum go, and with them the weight they gave their parties
    heavy, cut = network_pairs(pairs, NetworkCut(top_actors=100, min_weight=3))
    assert heavy == [(("A", "B", "ASSAULT"), 5), (("A", "C", "CONSULT"), 3)]
    assert (cut["actors"], cut["links"]) == (3, 2)
    # ties between parties go by name, so one cut always gives one picture
    _, cut = network_pairs(Counter({("Y", "Z", "AID"): 1, ("X", "W", "AID"): 1}),
                           NetworkCut(top_actors=2))
    assert cut["shown_links"] == 1
    assert network_pairs(Counter({("Y", "Z", "AID"): 1, ("X", "W", "AID"): 1}),
                         NetworkCut(top_actors=2))[0] == [(("X", "W", "AID"), 1)]


def test_api_aggregates_cut_the_network(tmp_path):
    import pytest

    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from wirecoder.api import create_app

    url = f"sqlite:///{tmp_path / 'net.db'}"
    with open_store(url) as store:
        for analysis in (TRUMP_2016, MAYOR_B, JUNK):
            store.save(analysis)
    client = TestClient(create_app(url))
    everything = client.get("/api/aggregates", params={"min_confidence": 0}).json()
    nodes = lambda pairs: {p["source"] for p in pairs} | {p["target"] for p in pairs}  # noqa: E731
    assert nodes(everything["actor_pairs"]) == {"Quintanar", "Donald Trump", "MEX CRM"}
    assert everything["network"]["actors"] == everything["network"]["shown_actors"] == 3
    one = client.get("/api/aggregates", params={"min_confidence": 0, "top_actors": 2}).json()
    assert len(nodes(one["actor_pairs"])) <= 2 and one["network"]["actors"] == 3
    assert one["network"]["top_actors"] == 2
    assert one["total"] == everything["total"]  # the cut is the network's alone
    heavy = client.get("/api/aggregates", params={"min_confidence": 0, "min_weight": 2}).json()
    assert heavy["actor_pairs"] == [p for p in everything["actor_pairs"] if p["count"] >= 2]
    for bad in ({"top_actors": 0}, {"min_weight": 0}, {"top_actors": "many"}):
        r = client.get("/api/aggregates", params=bad)
        assert r.status_code == 422 and r.json()["error"]["code"] == "W041", r.text
