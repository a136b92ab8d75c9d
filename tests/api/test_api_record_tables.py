"""Quotes and claims across documents, a page at a time by keyset in any order (#22 item 3): the
same store of seed copies as the events table; the expected orders are worked out here from the
command line's rows (`wirecoder quotes` / `claims`, in the store's order)."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from api_fixtures import seed_copies_store  # noqa: E402
from conftest import SEED, need  # noqa: E402


@pytest.fixture(scope="module")
def copies_db(tmp_path_factory, pipeline) -> str:
    return seed_copies_store(need(SEED), tmp_path_factory.mktemp("record-tables"), pipeline)


@pytest.fixture(scope="module")
def client(copies_db) -> TestClient:
    from wirecoder.api import create_app

    return TestClient(create_app(copies_db))


def cli_rows(kind: str, url: str, **filters) -> list[dict]:
    from wirecoder.store.queries import rows

    return rows(kind, url, **filters)


def expected(rows: list[dict], field: str, order: str) -> list[str]:
    """By the key (empty last either way, names without case), ties in the store's order."""
    def key(r):
        value = r[field]
        return value.lower() if isinstance(value, str) else value

    ranked = sorted(rows, key=key, reverse=order == "desc")  # stable: ties keep the store's order
    ranked.sort(key=lambda r: r[field] in ("", None))
    return [r["id"] for r in ranked]


def walk(client, kind: str, **params) -> tuple[list[str], list[dict]]:
    pages = [client.get(f"/api/{kind}/table", params=params).json()]
    while pages[-1]["next"]:
        pages.append(client.get(f"/api/{kind}/table",
                                params={**params, "after": pages[-1]["next"]}).json())
    return [r["id"] for p in pages for r in p["items"]], pages


@pytest.mark.parametrize("kind, sort, field, order", [
    ("quotes", "speaker", "speaker", "asc"), ("quotes", "kind", "kind", "desc"),
    ("quotes", "confidence", "confidence", "desc"), ("quotes", "published", "published", "desc"),
    ("claims", "verdict", "verdict", "asc"), ("claims", "confidence", "confidence", "asc"),
])
def test_pages_walk_every_record_in_the_sorted_order_and_back(client, copies_db, kind, sort,
                                                              field, order):
    rows = cli_rows(kind, copies_db)
    size = max(2, len(rows) // 4)
    ids, pages = walk(client, kind, sort=sort, order=order, limit=size)
    assert ids == expected(rows, field, order)
    assert len(pages) >= 3
    assert [p["start"] for p in pages] == list(range(0, len(rows), size))
    assert pages[0]["previous"] is None and pages[-1]["next"] is None
    assert {p["total"] for p in pages} == {len(rows)}
    last = client.get(f"/api/{kind}/table",
                      params={"sort": sort, "order": order, "limit": size, "last": True}).json()
    back = [last]
    while back[-1]["previous"]:
        back.append(client.get(f"/api/{kind}/table", params={
            "sort": sort, "order": order, "limit": size, "before": back[-1]["previous"]}).json())
    assert [p["items"] for p in reversed(back)] == [p["items"] for p in pages]


def test_quotes_page_past_100_and_rows_are_the_command_lines(client, copies_db):
    rows = cli_rows("quotes", copies_db)
    assert len(rows) > 100, "five seed copies hold more than 100 quotes"
    ids, pages = walk(client, "quotes", limit=100)
    assert len(pages) >= 2 and ids == [r["id"] for r in rows]  # default: publication order
    assert pages[0]["items"][0] == rows[0]


def test_filters_apply(client, copies_db):
    for kind, params in (("quotes", {"actor": "Hegseth"}), ("quotes", {"type": "direct"}),
                         ("quotes", {"since": "2024-01-01"}),
                         ("claims", {"verdict": "consistent"})):
        want = [r["id"] for r in cli_rows(kind, copies_db, **params)]
        got, _ = walk(client, kind, **params, limit=500)
        assert got == want and 0 < len(got) < len(cli_rows(kind, copies_db)), (kind, params)


def test_bad_sort_cursor_and_filters_are_coded(client):
    for path, params, status in (
            ("/api/quotes/table", {"sort": "verdict"}, 422),
            ("/api/claims/table", {"sort": "speaker"}, 422),
            ("/api/quotes/table", {"after": "no-such-quote"}, 400),
            ("/api/quotes/table", {"type": "shouted"}, 400),
            ("/api/claims/table", {"verdict": "maybe"}, 400),
            ("/api/quotes/table", {"limit": 501}, 422)):
        r = client.get(path, params=params)
        assert r.status_code == status, (path, params, r.text)
        assert r.json()["error"]["code"] == "W041"


def test_documents_full_text_search(client, copies_db):
    every = client.get("/api/documents", params={"limit": 500}).json()
    hits = client.get("/api/documents", params={"search": 'fentanyl "border patrol"'}).json()
    assert hits["total"] == every["total"] == 5  # every copy of the seed says both
    assert client.get("/api/documents", params={"search": "fentanyl zanzibar"}).json()["total"] == 0
    both = client.get("/api/documents", params={"search": "fent*", "q": "Copy 1"}).json()
    assert [d["title"] for d in both["items"]] == ["Copy 1 of the seed"]
    r = client.get("/api/documents", params={"search": "***"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "W041"
