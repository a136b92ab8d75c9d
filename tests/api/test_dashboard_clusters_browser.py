"""The dashboard's Clusters tab in Debian's Chromium (#22 item 3): the event clusters of
`wirecoder dedup` over five copies of the seed (four outlets' dates, one undated), paged,
sorted, filtered and opened; what the page shows is checked against the API's own answers."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("playwright.sync_api")

from api_fixtures import seed_copies_store  # noqa: E402
from browser_fixtures import serve  # noqa: E402
from conftest import SEED, need  # noqa: E402


@pytest.fixture(scope="module")
def clustered_server(tmp_path_factory, pipeline):
    from wirecoder.dedup.runner import run_dedup

    url = seed_copies_store(need(SEED), tmp_path_factory.mktemp("dash-clusters"), pipeline)
    run_dedup(url)
    with serve(url) as server:
        yield server


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


def test_clusters_tab_pages_sorts_filters_and_opens_the_best_coding(clustered_server, page_at):
    p = page_at(clustered_server)
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
