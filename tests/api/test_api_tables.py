"""The dashboard's tables over the API (#22 item 3): events paged by keyset in any order, their
CSV download, the documents list. A store of five copies of the seed (past 100 events, one copy
undated); the expected orders are worked out here from the command line's rows."""

from __future__ import annotations

import csv
import io

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from api_fixtures import SEED_COPIES, seed_copies_store  # noqa: E402
from conftest import SEED, need  # noqa: E402


@pytest.fixture(scope="module")
def copies_db(tmp_path_factory, pipeline) -> str:
    return seed_copies_store(need(SEED), tmp_path_factory.mktemp("tables"), pipeline)


@pytest.fixture(scope="module")
def client(copies_db) -> TestClient:
    from wirecoder.api import create_app

    return TestClient(create_app(copies_db))


def cli_rows(url: str, **filters) -> list[dict]:
    from wirecoder.store.queries import rows

    return rows("events", url, **filters)


def expected_order(rows: list[dict], sort: str, order: str) -> list[str]:
    """The table's order, from the command line's rows (in the store's order: publication,
    document, place in it): by the key (empty last either way), ties in the store's order."""
    ranked = list(rows)
    field = {"date": "date", "confidence": "confidence", "type": "type",
             "modality": "modality"}[sort]
    ranked.sort(key=lambda r: r[field], reverse=order == "desc")  # stable: ties keep the above
    ranked.sort(key=lambda r: r[field] in ("", None))
    return [r["id"] for r in ranked]


def walk(client, **params) -> tuple[list[str], list[dict]]:
    """Every page from the first by `next`: the ids in order, and each page's answer."""
    pages = [client.get("/api/events/table", params=params).json()]
    while pages[-1]["next"]:
        pages.append(client.get("/api/events/table",
                                params={**params, "after": pages[-1]["next"]}).json())
    return [e["id"] for p in pages for e in p["items"]], pages


@pytest.mark.parametrize("sort, order", [("date", "desc"), ("date", "asc"),
                                         ("confidence", "desc"), ("type", "asc"),
                                         ("modality", "desc")])
def test_pages_walk_every_event_in_the_sorted_order(client, copies_db, sort, order):
    rows = cli_rows(copies_db)
    assert len(rows) > 100
    ids, pages = walk(client, sort=sort, order=order, limit=40)
    assert ids == expected_order(rows, sort, order)
    assert len(pages) == -(-len(rows) // 40) >= 3  # past 100 rows, in whole pages
    assert [p["start"] for p in pages] == list(range(0, len(rows), 40))
    assert {p["total"] for p in pages} == {len(rows)}
    assert pages[0]["previous"] is None and pages[-1]["next"] is None
    # Back from the last page by `previous`: the same pages, in reverse.
    last = client.get("/api/events/table", params={"sort": sort, "order": order, "limit": 40,
                                                   "last": True}).json()
    assert last["items"] == pages[-1]["items"] and last["start"] == pages[-1]["start"]
    back = [last]
    while back[-1]["previous"]:
        back.append(client.get("/api/events/table", params={
            "sort": sort, "order": order, "limit": 40, "before": back[-1]["previous"]}).json())
    assert [p["items"] for p in reversed(back)] == [p["items"] for p in pages]
    assert [p["start"] for p in reversed(back)] == [p["start"] for p in pages]


def test_sorted_values_run_one_way_and_undated_events_come_last(client):
    for order in ("asc", "desc"):
        ids, pages = walk(client, sort="date", order=order, limit=100)
        dates = [e["date"] for p in pages for e in p["items"]]
        dated = [d for d in dates if d]
        assert dated == sorted(dated, reverse=order == "desc")
        assert dates[len(dated):] == [""] * (len(dates) - len(dated)) and len(dated) < len(dates)
    _, pages = walk(client, sort="confidence", order="desc", limit=100)
    confidences = [e["confidence"] for p in pages for e in p["items"]]
    assert confidences == sorted(confidences, reverse=True) and len(set(confidences)) > 3


def test_a_page_stays_put_when_events_are_added_before_it(copies_db, tmp_path, pipeline):
    """Keyset paging: the page after an event is the same after an earlier document arrives
    (an offset would shift it by that document's events)."""
    import shutil

    from wirecoder.api import create_app
    from wirecoder.ingest import RawDocument
    from wirecoder.ingest.base import parse_published
    from wirecoder.store import open_store

    copy = tmp_path / "copy.db"
    shutil.copyfile(copies_db.removeprefix("sqlite:///"), copy)
    client = TestClient(create_app(f"sqlite:///{copy}"))
    params = {"sort": "date", "order": "desc", "limit": 30}
    first = client.get("/api/events/table", params=params).json()
    second = client.get("/api/events/table", params={**params, "after": first["next"]}).json()
    store = open_store(f"sqlite:///{copy}")
    store.save(pipeline.analyze(RawDocument(
        text=need(SEED).read_text("utf-8"), doc_id="newest", published=parse_published("2030-01-01"))), "test")
    again = client.get("/api/events/table", params={**params, "after": first["next"]}).json()
    assert again["items"] == second["items"]
    assert again["total"] > second["total"] and again["start"] > second["start"]
    assert client.get("/api/events/table", params=params).json()["items"][0]["document_id"] == \
        "newest"


def test_filters_and_min_confidence_apply_to_the_table(client, copies_db):
    from wirecoder.extract.event_confidence import DEFAULT_MIN_CONFIDENCE

    page = client.get("/api/events/table").json()
    assert page["min_confidence"] == DEFAULT_MIN_CONFIDENCE
    assert page["total"] == len(cli_rows(copies_db))
    for params in ({"min_confidence": 0}, {"min_confidence": 0.8}, {"type": "ASSAULT"},
                   {"country": "MEX", "modality": "threatened"}, {"since": "2024-01-01"}):
        ids, pages = walk(client, **params, sort="date", order="desc", limit=50)
        assert ids == expected_order(cli_rows(copies_db, **params), "date", "desc"), params
        assert pages[0]["min_confidence"] == params.get("min_confidence", DEFAULT_MIN_CONFIDENCE)
    everything = client.get("/api/events/table", params={"min_confidence": 0}).json()["total"]
    high = client.get("/api/events/table", params={"min_confidence": 0.8}).json()["total"]
    assert everything >= page["total"] >= high and everything > high
    # the default keeps exactly the events at or above it (whether or not the seed has any below)
    confidences = [r["confidence"] for r in cli_rows(copies_db, min_confidence=0)]
    assert page["total"] == sum(c >= DEFAULT_MIN_CONFIDENCE for c in confidences)


def test_bad_sort_cursor_and_filters_are_coded(client):
    for params, status in (({"sort": "colour"}, 422), ({"order": "up"}, 422),
                           ({"after": "event_nope"}, 400), ({"type": "BOGUS"}, 400),
                           ({"after": "a", "before": "b"}, 400), ({"limit": 501}, 422),
                           ({"min_confidence": 2}, 422)):
        r = client.get("/api/events/table", params=params)
        assert r.status_code == status and r.json()["error"]["code"] == "W041", (params, r.text)
    r = client.get("/api/events.csv", params={"modality": "imagined"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "W041"
    assert r.headers["content-type"].startswith("application/json")


def cli_csv(url: str, *args: str) -> str:
    import contextlib

    from wirecoder.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["events", "--db", url, "--csv", *args]) == 0
    return out.getvalue()


def test_csv_is_the_command_lines_csv(client, copies_db):
    for params, args in (({}, []), ({"type": "ASSAULT"}, ["--type", "ASSAULT"]),
                         ({"min_confidence": 0, "country": "MEX"},
                          ["--min-confidence", "0", "--country", "MEX"])):
        r = client.get("/api/events.csv", params=params)
        assert r.status_code == 200
        assert r.headers["content-type"] == "text/csv; charset=utf-8"
        assert r.headers["content-disposition"] == 'attachment; filename="wirecoder-events.csv"'
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.text == cli_csv(copies_db, *args) != "", params
        table = list(csv.DictReader(io.StringIO(r.text)))
        assert len(table) == client.get("/api/events/table", params=params).json()["total"]


def test_csv_follows_the_tables_order_across_batches(client, monkeypatch):
    from wirecoder.api import tables

    params = {"sort": "confidence", "order": "desc", "type": "THREATEN,ASSAULT,SANCTION"}
    whole = client.get("/api/events.csv", params=params).text
    monkeypatch.setattr(tables, "CSV_BATCH", 7)  # many batches, one ending on a page boundary
    assert client.get("/api/events.csv", params=params).text == whole
    ids, _ = walk(client, **params, limit=100)
    assert [row["id"] for row in csv.DictReader(io.StringIO(whole))] == ids and len(ids) > 7
    empty = client.get("/api/events.csv", params={"since": "2099-01-01"})
    assert empty.status_code == 200 and empty.text.splitlines() == [",".join(tables.CSV_COLUMNS)]


def test_documents_list_counts_events_at_the_threshold_and_sorts(client, copies_db):
    from collections import Counter

    docs = client.get("/api/documents", params={"limit": 500}).json()["items"]
    assert len(docs) == len(SEED_COPIES)
    assert [d["published"][:10] for d in docs] == sorted(
        d for d in SEED_COPIES if d) + [""]  # by publication, undated last
    for threshold in (None, 0, 0.8):
        params = {} if threshold is None else {"min_confidence": threshold}
        counted = Counter(r["document_id"] for r in cli_rows(copies_db, **params))
        listed = client.get("/api/documents", params=params).json()["items"]
        assert {d["id"]: d["events"] for d in listed} == {d["id"]: counted[d["id"]]
                                                         for d in listed}, threshold
    newest = client.get("/api/documents", params={"order": "desc", "limit": 2}).json()
    assert [d["id"] for d in newest["items"]] == ["copy0", "copy1"] and newest["total"] == 5
    by_title = client.get("/api/documents", params={"sort": "title", "order": "desc"}).json()
    assert [d["title"] for d in by_title["items"]] == sorted(
        (d["title"] for d in docs), reverse=True)
    by_events = client.get("/api/documents", params={"sort": "events", "order": "desc",
                                                      "min_confidence": 0.8}).json()["items"]
    assert [d["events"] for d in by_events] == sorted((d["events"] for d in by_events),
                                                      reverse=True)
    page = client.get("/api/documents", params={"sort": "source", "offset": 2, "limit": 2}).json()
    everything = client.get("/api/documents", params={"sort": "source"}).json()["items"]
    assert page["items"] == everything[2:4]
    assert client.get("/api/documents", params={"q": "copy 3"}).json()["items"][0]["id"] == "copy3"
    assert client.get("/api/documents", params={"sort": "colour"}).json()["error"]["code"] == "W041"
