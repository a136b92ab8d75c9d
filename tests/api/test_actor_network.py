"""The dashboard's actor network over the actor registry (#19, #22): one node per actor across
documents, named by the registry, and no node for words that name no actor."""

from __future__ import annotations

from registry_fixtures import JUNK, MAYOR_B, TRUMP_2016
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
