"""The Clusters tab's API (#22 item 3): the event clusters `wirecoder dedup` stored, a page at a
time by keyset in any order, the same rows as `wirecoder clusters --json` (CLI = API). The store
is the seed copies of the record tables' tests (five outlets' copies, four dates), deduplicated."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from api_fixtures import seed_copies_store  # noqa: E402
from conftest import SEED, need  # noqa: E402


@pytest.fixture(scope="module")
def clustered_db(tmp_path_factory, pipeline) -> str:
    from wirecoder.dedup.runner import run_dedup

    url = seed_copies_store(need(SEED), tmp_path_factory.mktemp("clusters"), pipeline)
    run_dedup(url)
    return url


@pytest.fixture(scope="module")
def client(clustered_db) -> TestClient:
    from wirecoder.api import create_app

    return TestClient(create_app(clustered_db))


def walk(client, **params) -> tuple[list[str], list[dict]]:
    pages = [client.get("/api/clusters/table", params=params).json()]
    while pages[-1]["next"]:
        pages.append(client.get("/api/clusters/table",
                                params={**params, "after": pages[-1]["next"]}).json())
    return [r["id"] for p in pages for r in p["items"]], pages


def test_pages_walk_every_cluster_in_order_and_back(client, clustered_db):
    from wirecoder.dedup.runner import stored_clusters

    stored = stored_clusters(clustered_db, min_sources=1)  # most sources first, then id
    assert len(stored) > 20 and any(c["source_count"] > 1 for c in stored)
    everything = {"min_sources": 1, "min_confidence": 0}
    ids, pages = walk(client, limit=7, **everything)
    assert ids == [c["id"] for c in stored] and len(pages) > 2
    assert [p["start"] for p in pages] == list(range(0, len(ids), 7))
    back = client.get("/api/clusters/table", params={**everything, "limit": 7,
                                                     "before": pages[2]["previous"]}).json()
    assert [r["id"] for r in back["items"]] == [r["id"] for r in pages[1]["items"]]
    last = client.get("/api/clusters/table", params={**everything, "limit": 7,
                                                     "last": "true"}).json()
    assert [r["id"] for r in last["items"]] == [r["id"] for r in pages[-1]["items"]]
    from wirecoder.store.queries import rows as cli_rows

    events = {e["id"]: e for e in cli_rows("events", clustered_db, min_confidence=0)}
    by_id = {c["id"]: c for c in stored}  # independent sources and story as the runner reads them
    for row in (r for p in pages for r in p["items"]):
        want = by_id[row["id"]]
        assert (row["independent_sources"], row["story_id"]) == (want["independent_sources"],
                                                                  want["story_id"])
        members = [events[m["event_id"]] for m in want["members"]]
        best = events[row["best_event_id"]]  # the first of the most confident mentions
        assert best == max(members, key=lambda e: e["confidence"])
        assert (row["source_names"], row["target_names"], row["type"]) == \
            (best["source"], best["target"], best["type"])
    ordered, _ = walk(client, sort="last_report", order="asc", limit=9, **everything)
    rows = sorted(stored, key=lambda c: c["id"])
    rows.sort(key=lambda c: c["last_report"] or "")
    rows.sort(key=lambda c: c["last_report"] is None)  # undated last
    assert ordered == [c["id"] for c in rows]


def test_filters_apply_and_the_command_line_gives_the_same_rows(client, clustered_db, capsys):
    from wirecoder.cli import main

    every, _ = walk(client, min_sources=1, min_confidence=0, limit=500)
    for params in ({"min_sources": 2}, {"type": "ASSAULT"}, {"since": "2024-01-01"},
                   {"until": "2023-12-31"}, {"min_confidence": 0.8}):
        full = {"min_sources": 1, "min_confidence": 0, **params}
        ids, pages = walk(client, limit=500, **full)
        assert 0 < len(ids) < len(every), params
        items = [r for p in pages for r in p["items"]]
        if "type" in params:
            assert {r["type"] for r in items} == {"ASSAULT"}
        if params.get("min_sources"):
            assert min(r["source_count"] for r in items) >= 2
        if "min_confidence" in params:
            assert min(r["confidence"] for r in items) >= 0.8
        if "since" in params:
            assert min(r["last_report"] for r in items) >= "2024-01-01"
        argv = ["clusters", "--db", clustered_db, "--json"]
        for name, value in full.items():
            argv += [f"--{name.replace('_', '-')}", str(value)]
        assert main(argv) == 0
        printed = json.loads(capsys.readouterr().out)
        assert [c["id"] for c in printed] == ids, params
        assert {k: v for k, v in printed[0].items() if k != "members"} == items[0], \
            "the CLI's row is the API's"


def test_bad_sort_cursor_and_filters_are_coded(client, clustered_db, capsys):
    from wirecoder.cli import main

    for params, status in (({"sort": "speaker"}, 422), ({"after": "no-such-cluster"}, 400),
                           ({"type": "BOGUS"}, 400), ({"min_sources": 0}, 422),
                           ({"limit": 501}, 422), ({"after": "x", "last": "true"}, 400)):
        r = client.get("/api/clusters/table", params=params)
        assert r.status_code == status, (params, r.text)
        assert r.json()["error"]["code"] == "W041"
    assert main(["clusters", "--db", clustered_db, "--sort", "speaker"]) == 2
    assert "W041" in capsys.readouterr().err


def test_sort_by_independent_sources_is_the_command_lines(client, clustered_db, capsys):
    from wirecoder.cli import main
    from wirecoder.dedup.runner import stored_clusters

    want = {c["id"]: c["independent_sources"] for c in stored_clusters(clustered_db, min_sources=1)}
    ids, pages = walk(client, sort="independent", min_sources=1, min_confidence=0, limit=11)
    assert ids == sorted(want, key=lambda cid: (-want[cid], cid))
    assert {r["id"]: r["independent_sources"] for p in pages for r in p["items"]} == want
    floor = max(want.values())
    # (the copies here are near copies of one report: tests/dedup/test_independent_sources.py
    # has clusters of one and of two independent sources)
    top, _ = walk(client, min_independent=floor, min_sources=1, min_confidence=0)
    assert set(top) == {c for c, n in want.items() if n >= floor}
    assert main(["clusters", "--db", clustered_db, "--json", "--sort", "independent",
                 "--min-sources", "1", "--min-confidence", "0",
                 "--min-independent", str(floor)]) == 0
    assert [c["id"] for c in json.loads(capsys.readouterr().out)] == \
        sorted((c for c, n in want.items() if n >= floor), key=lambda cid: (-want[cid], cid))
    r = client.get("/api/clusters/table", params={"min_independent": 0})
    assert r.status_code == 422 and r.json()["error"]["code"] == "W041"
