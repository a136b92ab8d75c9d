"""The dashboard's Clusters tab and the timeline's bucket size in Debian's Chromium (#22 item 3)
over five deduplicated copies of the seed (dated 2022 to 2025, one undated; fixture
`copies_server`): what the page shows is checked against the API's own answers."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("playwright.sync_api")


def api(p, **params) -> dict:
    path = f"/api/clusters/table?{urlencode(params)}"
    return json.loads(p.page.evaluate(f"fetch({json.dumps(path)}).then(r => r.text())"))


def query(p) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(p.page.url).query).items()}


def loads(p) -> int:
    return int(p.page.get_attribute("#clusters-view", "data-loads") or 0)


def wait(p, before: int) -> None:
    p.page.wait_for_selector(f"#clusters-view[data-loads]:not([data-loads='{before}'])",
                             timeout=30_000)


def ids(p) -> list[str]:
    return [r for (r,) in p.attrs("#clusters-table tbody tr[data-record]", "data-record")]


def test_clusters_tab_pages_sorts_filters_and_opens_the_best_coding(copies_server, page_at):
    p = page_at(copies_server)
    p.open()
    before = loads(p)
    p.page.click("#records-tabs [data-view=clusters]")
    wait(p, before)
    assert query(p)["view"] == "clusters"
    first = api(p, sort="sources", order="desc", limit=100, min_sources=2)
    assert first["total"] > 0 and ids(p) == [r["id"] for r in first["items"]]
    sources = p.page.locator("#clusters-table tbody tr td:nth-child(1)").all_inner_texts()
    assert sources == [str(r["source_count"]) for r in first["items"]]
    # Every cluster, 25 a page: the second page is the API's page after the first.
    for selector, value in (("#clusters-min", "1"), ("#clusters-size", "25")):
        before = loads(p)
        p.page.select_option(selector, value)
        wait(p, before)
    every = api(p, sort="sources", order="desc", limit=25, min_sources=1)
    assert every["total"] > max(first["total"], 25) and ids(p) == [r["id"] for r in every["items"]]
    assert p.page.inner_text("#clusters-range").startswith(f"clusters 1–25 of {every['total']}")
    before = loads(p)
    p.page.click("#clusters-next")
    wait(p, before)
    second = api(p, sort="sources", order="desc", limit=25, min_sources=1, after=every["next"])
    assert ids(p) == [r["id"] for r in second["items"]]
    assert (query(p)["kafter"], query(p)["kmin"], query(p)["ksize"]) == (every["next"], "1", "25")
    # Sort by type: A to Z first, from the first page.
    before = loads(p)
    p.page.click("#clusters-table th[data-sort=type] button")
    wait(p, before)
    by_type = api(p, sort="type", order="asc", limit=25, min_sources=1)
    assert ids(p) == [r["id"] for r in by_type["items"]] and "kafter" not in query(p)
    p.shot("seed-copies-clusters.png", full=False)
    # The type filter of the bar applies; a shared link opens the same view.
    p.open("/?view=clusters&type=ASSAULT&kmin=1&ksize=25")
    assaults = api(p, type="ASSAULT", limit=25, min_sources=1)
    assert 0 < assaults["total"] < every["total"]
    assert ids(p) == [r["id"] for r in assaults["items"]]
    # A row opens the document of its best coding, its event marked.
    row = p.page.locator("#clusters-table tbody tr").first
    best = assaults["items"][0]
    row.click()
    p.page.wait_for_selector("#doc-view:not([hidden])")
    assert p.page.get_attribute("#doc-view", "data-document") == best["best_document_id"]
    assert (query(p)["document"], query(p)["event"]) == (best["best_document_id"],
                                                         best["best_event_id"])
    assert p.count("#doc-text mark.focus") > 0


def test_a_store_never_deduplicated_says_how_to_build_clusters(seed_server, page_at):
    p = page_at(seed_server)
    p.open("/?view=clusters")
    p.page.wait_for_selector("#clusters-view[data-loads]", timeout=30_000)
    assert api(p, min_sources=1, min_confidence=0)["total"] == 0
    assert "wirecoder dedup" in p.page.inner_text("#clusters-table tbody tr.empty")
    assert p.page.is_disabled("#clusters-next") and p.page.is_disabled("#clusters-last")


def _bars(p) -> list[tuple[str, float]]:
    return sorted({(b.get_attribute("data-date"), b.bounding_box()["width"])
                   for b in p.page.locator("rect.tl-bar").all()})


def test_timeline_bars_are_sized_by_the_span_shown_and_follow_the_brush(copies_server, page_at):
    p = page_at(copies_server)
    p.open()
    whole = api_path(p, "/api/aggregates")
    assert whole["last"] > "2025" and whole["first"] < "2023", "the copies span three years"
    assert whole["interval"] == "month"  # four dated copies: by day they were 1-pixel bars
    assert "one bar per month" in p.page.text_content("#timeline .tl-interval")
    bars = _bars(p)
    assert bars and min(w for _, w in bars) >= 5, bars
    # Brush the bar of June 2024 alone: the view now spans days, and its bars are days.
    box = p.page.locator("rect.tl-bar[data-date='2024-06-01']").first.bounding_box()
    frame = p.page.locator("#timeline").bounding_box()
    loaded = p.loads()
    y = frame["y"] + frame["height"] * 0.4
    p.page.mouse.move(box["x"] - 1, y)
    p.page.mouse.down()
    p.page.mouse.move(box["x"] + box["width"] + 1, y, steps=4)
    p.page.mouse.up()
    p.until_reloaded(loaded)
    assert (query(p)["since"], query(p)["until"]) == ("2024-06-01", "2024-06-30")
    brushed = api_path(p, "/api/aggregates", since="2024-06-01", until="2024-06-30")
    assert brushed["interval"] == "day" and brushed["total"] > 0
    assert "one bar per day" in p.page.text_content("#timeline .tl-interval")
    shown = {d for d, _ in _bars(p)}
    assert shown == {r["date"] for r in brushed["by_date"]}
    p.shot("seed-copies-timeline-brushed.png", full=False)


def api_path(p, path: str, **params) -> dict:
    query_string = f"?{urlencode(params)}" if params else ""
    return json.loads(p.page.evaluate(f"fetch({json.dumps(path + query_string)}).then(r => r.text())"))
