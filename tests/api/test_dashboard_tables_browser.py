"""The dashboard's events table, CSV download, documents list and address in Debian's Chromium
(#22 item 3), over the seed plus ~200 PolNeAR articles (fixtures: tests/browser_fixtures.py).
What the page shows is checked against the API's own answers."""

from __future__ import annotations

import csv
import io
import json
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("playwright.sync_api")



def api(p, path: str, **params) -> dict:
    query = f"?{urlencode(params)}" if params else ""
    return json.loads(p.page.evaluate(f"fetch({json.dumps(path + query)}).then(r => r.text())"))


def query(p) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(p.page.url).query).items()}


def table_loads(p, view: str = "events") -> int:
    return int(p.page.get_attribute(f"#{view}-view", "data-loads") or 0)


def until_table(p, before: int, view: str = "events") -> None:
    p.page.wait_for_selector(f"#{view}-view[data-loads]:not([data-loads='{before}'])",
                             timeout=30_000)


def click_and_wait(p, selector: str, view: str = "events") -> None:
    before = table_loads(p, view)
    p.page.click(selector)
    until_table(p, before, view)


def row_ids(p) -> list[str]:
    return [e for (e,) in p.attrs("#events-table tbody tr", "data-event")]


def column(p, n: int, table: str = "events-table") -> list[str]:
    return p.page.locator(f"#{table} tbody tr td:nth-child({n})").all_inner_texts()


def test_events_table_pages_past_100_rows(big_server, page_at):
    p = page_at(big_server)
    p.open()
    first = api(p, "/api/events/table", sort="date", order="desc", limit=100)
    assert first["total"] > 300
    assert row_ids(p) == [e["id"] for e in first["items"]]  # newest first, 100 a page
    assert p.page.inner_text("#events-range").startswith(f"events 1–100 of {first['total']:,}")
    assert p.page.is_disabled("#ev-prev") and not p.page.is_disabled("#ev-next")
    pages = [row_ids(p)]
    for n in (2, 3):
        click_and_wait(p, "#ev-next")
        pages.append(row_ids(p))
        assert p.page.inner_text("#events-range").startswith(f"events {100 * n - 99}–{100 * n} ")
        assert query(p)["after"] == pages[-2][-1]  # the address names the page
    expected = api(p, "/api/events/table", sort="date", order="desc", limit=100,
                   after=pages[1][-1])
    assert pages[2] == [e["id"] for e in expected["items"]]
    assert len({e for page in pages for e in page}) == 300  # three pages, no row twice
    click_and_wait(p, "#ev-prev")
    assert row_ids(p) == pages[1] and "before" in query(p)
    click_and_wait(p, "#ev-last")
    last = api(p, "/api/events/table", sort="date", order="desc", limit=100, last="true")
    assert row_ids(p) == [e["id"] for e in last["items"]]
    assert p.page.inner_text("#events-range").split(" of ")[0].endswith(f"{first['total']:,}")
    assert p.page.is_disabled("#ev-next") and query(p)["page"] == "last"
    p.shot("table-last-page.png", full=False)
    click_and_wait(p, "#ev-first")
    assert row_ids(p) == pages[0] and "after" not in query(p)
    before = table_loads(p)
    p.page.select_option("#ev-size", "250")
    until_table(p, before)
    assert p.count("#events-table tbody tr") == 250 and query(p)["size"] == "250"


def test_events_table_sorts_by_column(big_server, page_at):
    p = page_at(big_server)
    p.open()
    click_and_wait(p, "#events-table th[data-sort=confidence] button")
    assert query(p)["sort"] == "confidence"
    assert p.page.get_attribute("#events-table th[data-sort=confidence]", "aria-sort") == "descending"
    shown = [float(c) for c in column(p, 7)]
    assert shown == sorted(shown, reverse=True) and shown[0] > shown[-1]
    click_and_wait(p, "#events-table th[data-sort=confidence] button")  # again: ascending
    shown = [float(c) for c in column(p, 7)]
    assert shown == sorted(shown) and query(p)["order"] == "asc"
    assert min(shown) >= 0.5  # the default threshold
    click_and_wait(p, "#events-table th[data-sort=type] button")
    types = column(p, 2)
    assert types == sorted(types)
    click_and_wait(p, "#ev-next")  # the next page goes on in the same order
    more = column(p, 2)
    assert more[0] >= types[-1] and more == sorted(more)
    expected = api(p, "/api/events/table", sort="type", order="asc", limit=100,
                   after=query(p)["after"])
    assert row_ids(p) == [e["id"] for e in expected["items"]]
    click_and_wait(p, "#ev-last")
    at_end = column(p, 2)
    assert at_end == sorted(at_end) and at_end[0] >= more[-1] and at_end[-1] > types[0]
    p.shot("table-sorted-by-type.png")


def test_csv_download_is_the_filtered_table(big_server, page_at):
    p = page_at(big_server)
    p.open("/?type=ASSAULT&sort=confidence&order=asc")
    total = api(p, "/api/events/table", type="ASSAULT")["total"]
    assert 100 < total < api(p, "/api/events/table")["total"]
    with p.page.expect_download() as info:
        p.page.click("#events-csv")
    download = info.value
    assert download.suggested_filename == "wirecoder-events.csv"
    text = open(download.path(), encoding="utf-8").read()
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == total and {r["type"] for r in rows} == {"ASSAULT"}
    from wirecoder.extract.event_confidence import DEFAULT_MIN_CONFIDENCE

    assert min(float(r["confidence"]) for r in rows) >= DEFAULT_MIN_CONFIDENCE
    confidences = [float(r["confidence"]) for r in rows]
    assert confidences == sorted(confidences)  # in the table's order
    assert [r["id"] for r in rows[:100]] == row_ids(p)  # the table's first page leads it
    from wirecoder.api.tables import CSV_COLUMNS

    assert text.splitlines()[0].split(",") == CSV_COLUMNS


def test_documents_list_opens_a_document(big_server, page_at):
    p = page_at(big_server)
    p.open()
    click_and_wait(p, "#records-tabs [data-view=documents]", view="documents")
    assert query(p)["view"] == "documents" and p.page.is_hidden("#events-view")
    listed = api(p, "/api/documents", sort="published", order="desc", limit=50)
    assert listed["total"] > 200
    assert [d for (d,) in p.attrs("#documents-table tbody tr", "data-document")] == \
        [d["id"] for d in listed["items"]]
    assert [int(n) for n in column(p, 4, "documents-table")] == \
        [d["events"] for d in listed["items"]]
    assert p.page.inner_text("#documents-range") == f"documents 1–50 of {listed['total']}"
    assert all(column(p, 1, "documents-table")) and any(column(p, 3, "documents-table"))
    click_and_wait(p, "#documents-table th[data-sort=events] button", view="documents")
    counts = [int(n) for n in column(p, 4, "documents-table")]
    assert counts == sorted(counts, reverse=True) and counts[0] > counts[-1]
    click_and_wait(p, "#doc-next", view="documents")
    assert query(p)["doffset"] == "50" and int(column(p, 4, "documents-table")[0]) <= counts[-1]
    p.shot("documents-list.png")
    row = p.page.locator("#documents-table tbody tr").nth(3)
    doc_id = row.get_attribute("data-document")
    row.click()
    p.page.wait_for_selector("#doc-view:not([hidden])")
    assert p.page.get_attribute("#doc-view", "data-document") == doc_id
    assert query(p)["document"] == doc_id
    p.shot("documents-list-opened.png", full=False)


def test_the_address_keeps_the_view_and_back_undoes(big_server, page_at):
    p = page_at(big_server)
    p.open("/?type=ASSAULT&sort=confidence&size=25")
    click_and_wait(p, "#ev-next")
    row = p.page.locator("#events-table tbody tr").nth(2)
    doc_id, event_id = row.get_attribute("data-document"), row.get_attribute("data-event")
    row.click()
    p.page.wait_for_selector("#doc-view:not([hidden])")
    shared = p.page.url
    assert {"type": "ASSAULT", "sort": "confidence", "size": "25", "document": doc_id,
            "event": event_id}.items() <= query(p).items() and "after" in query(p)
    shown = row_ids(p)
    # A shared link: the same filters, order, page and open document in a new tab.
    other = page_at(big_server)
    other.page.goto(shared)
    other.page.wait_for_selector("#doc-view:not([hidden])")
    other.page.wait_for_selector("body[data-loads]")
    assert other.page.input_value("#f-type") == "ASSAULT"
    assert row_ids(other) == shown
    assert other.page.get_attribute("#doc-view", "data-document") == doc_id
    assert other.count("#doc-text mark.focus") > 0  # the clicked event is marked
    other.shot("shared-link.png", full=False)
    # Back closes the document, then returns to the first page; Forward reopens the document.
    before = p.loads()
    p.page.go_back()
    p.until_reloaded(before)
    assert p.page.is_hidden("#doc-view") and "document" not in query(p)
    before = p.loads()
    p.page.go_back()
    p.until_reloaded(before)
    assert "after" not in query(p) and row_ids(p) != shown
    before = p.loads()
    p.page.go_forward()
    p.until_reloaded(before)
    before = p.loads()
    p.page.go_forward()
    p.until_reloaded(before)
    p.page.wait_for_selector("#doc-view:not([hidden])")
    assert row_ids(p) == shown and query(p)["document"] == doc_id
    # An address a user mangled falls back to the defaults, not to an error.
    p.open("/?sort=colour&size=7&order=sideways&doffset=-3")
    assert p.count("#events-table tbody tr") == 100 and "error" not in p.page.inner_text("#status")


def test_min_confidence_applies_to_every_view(big_server, page_at):
    from wirecoder.extract.event_confidence import DEFAULT_MIN_CONFIDENCE

    p = page_at(big_server)
    p.open()
    assert p.page.get_attribute("#f-min-confidence", "placeholder") == str(DEFAULT_MIN_CONFIDENCE)
    assert f"confidence ≥ {DEFAULT_MIN_CONFIDENCE}" in p.page.inner_text("#events-range")
    p.open("/?min_confidence=0.8&view=documents&dsort=events")
    strict = api(p, "/api/events/table", min_confidence=0.8)
    assert p.events_shown() == strict["total"] < api(p, "/api/events/table")["total"]
    listed = api(p, "/api/documents", sort="events", order="desc", min_confidence=0.8)
    assert [int(n) for n in column(p, 4, "documents-table")] == \
        [d["events"] for d in listed["items"][:50]]
    # The document view leaves out the events below the threshold, and says how many.
    for doc in listed["items"][:50]:  # one with events on both sides of 0.8
        every = api(p, "/api/document", id=doc["id"])["analysis"]["events"]
        below = sum(1 for e in every if e["confidence"] < 0.8)
        if 0 < below < len(every):
            break
    assert 0 < below < len(every) == doc["events"] + below
    p.page.locator(f"#documents-table tbody tr[data-document='{doc['id']}']").click()
    p.page.wait_for_selector("#doc-view:not([hidden])")
    assert int(p.page.get_attribute("#doc-view", "data-hidden-events")) == below
    assert p.count("#doc-records li[data-record^='event']") == doc["events"]
    marked = {m for (ids,) in p.attrs("#doc-text mark.hl-trigger", "data-records")
              for m in ids.split() if m.startswith("event_")}
    assert marked == {e["id"] for e in every if e["confidence"] >= 0.8}
    assert "below confidence 0.8 not shown" in p.page.inner_text("#doc-meta")
    p.shot("document-at-0.8.png", full=False)
