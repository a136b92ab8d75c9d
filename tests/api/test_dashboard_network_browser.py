"""The actor network's cut in Debian's Chromium (#22): the panel's two controls (the parties in
most events, the fewest events a link needs) ask /api/aggregates for that cut, the drawing is
the API's answer, and the cut lives in the address (Back restores it). Also the Clusters tab's
sort by independent sources. Screenshots go to test-output/dashboard/."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("playwright.sync_api")


def aggregates(p, **params) -> dict:
    path = f"/api/aggregates?{urlencode(params)}"
    return json.loads(p.page.evaluate(f"fetch({json.dumps(path)}).then(r => r.text())"))


def query(p) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(p.page.url).query).items()}


def drawn(p) -> tuple[set[str], set[tuple[str, str, str, int]]]:
    nodes = {label for (label,) in p.attrs("g.net-node", "data-label")}
    edges = {(s, t, ty, int(n)) for s, t, ty, n in p.attrs(
        "path.net-edge", "data-source", "data-target", "data-type", "data-count")}
    return nodes, edges


def expected(agg: dict) -> tuple[set[str], set[tuple[str, str, str, int]]]:
    pairs = agg["actor_pairs"]
    return ({x for q in pairs for x in (q["source"], q["target"])},
            {(q["source"], q["target"], q["type"], q["count"]) for q in pairs})


def choose(p, selector: str, value: str) -> None:
    before = p.loads()
    p.page.select_option(selector, value)
    p.until_reloaded(before)


def test_network_controls_cut_the_drawing_and_live_in_the_address(seed_server, page_at):
    p = page_at(seed_server)
    p.open()
    full = aggregates(p)  # the default cut: 30 parties, links of any weight
    assert drawn(p) == expected(full) and full["network"]["top_actors"] == 30
    assert p.page.input_value("#net-top") == "30" and p.page.input_value("#net-min") == "1"
    parties = full["network"]["actors"]
    assert parties > 10, "the seed names more than ten parties"
    choose(p, "#net-top", "10")
    ten = aggregates(p, top_actors=10)
    nodes, _ = drawn(p)
    assert drawn(p) == expected(ten) and len(nodes) <= 10 < parties
    assert query(p)["ntop"] == "10"
    assert p.page.inner_text("#network-note").startswith(f"{len(nodes)} of {parties} parties")
    p.shot("network-top10.png")
    choose(p, "#net-min", "2")
    heavy = aggregates(p, top_actors=10, min_weight=2)
    assert drawn(p) == expected(heavy) and all(n >= 2 for *_, n in drawn(p)[1])
    assert (query(p)["ntop"], query(p)["nmin"]) == ("10", "2")
    p.shot("network-top10-min2.png")
    # Back undoes the last change; a shared address opens the same cut
    before = p.loads()
    p.page.go_back()
    p.until_reloaded(before)
    assert drawn(p) == expected(ten) and p.page.input_value("#net-min") == "1"
    q = p.page.evaluate("window.location.search")
    other = page_at(seed_server)
    other.open("/" + q)
    assert drawn(other) == expected(ten) and other.page.input_value("#net-top") == "10"


def test_clusters_sort_by_independent_sources(copies_server, page_at):
    p = page_at(copies_server)
    p.open("/?view=clusters&kmin=1")
    p.page.wait_for_selector("#clusters-table tbody tr[data-record]", timeout=30_000)
    before = int(p.page.get_attribute("#clusters-view", "data-loads") or 0)
    p.page.click("#clusters-table th[data-sort=independent] button")
    p.page.wait_for_selector(f"#clusters-view[data-loads]:not([data-loads='{before}'])",
                             timeout=30_000)
    assert query(p)["ksort"] == "independent"
    assert p.page.get_attribute("#clusters-table th[data-sort=independent]",
                                "aria-sort") == "descending"
    path = "/api/clusters/table?" + urlencode({"sort": "independent", "order": "desc",
                                               "limit": 100, "min_sources": 1})
    api = json.loads(p.page.evaluate(f"fetch({json.dumps(path)}).then(r => r.text())"))
    shown = [r for (r,) in p.attrs("#clusters-table tbody tr[data-record]", "data-record")]
    assert shown == [r["id"] for r in api["items"]]
    column = p.page.locator("#clusters-table tbody tr td:nth-child(2)").all_inner_texts()
    assert column == [str(r["independent_sources"]) for r in api["items"]]
