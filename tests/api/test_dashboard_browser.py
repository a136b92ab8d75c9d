"""The dashboard in a real browser: Debian's Chromium driven by Playwright, against uvicorn on
a loopback port. Stores: the seed alone (what `wirecoder ingest SEED && wirecoder serve`
shows), the seed plus ~200 PolNeAR articles, and a fresh store for a hostile document.
Screenshots go to test-output/dashboard/ (or $WIRECODER_SHOTS)."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("playwright.sync_api")

from browser_fixtures import TOKEN, serve  # noqa: E402


def test_seed_on_map_timeline_and_network(seed_server, page_at):
    p = page_at(seed_server)
    p.open()
    assert p.events_shown() > 20
    # Map: Mexico drawn as an area, Fronton (Texas) as a point, the view on the border region.
    assert int(p.page.get_attribute("#map", "data-areas")) >= 1
    assert p.count("path.ev-country") >= 1 and p.count("path.ev-point") >= 1
    west, south, east, north = map(float, p.page.get_attribute("#map", "data-bounds").split(","))
    assert west < -99.1 < east and south < 26.4 < north  # Fronton in view
    assert west > -140 and east < -60 and south > 0 and north < 45  # a regional view, not the world
    # Timeline: bars for 27 Jan, 31 Jan and 1 Feb 2025, by the bucket the span calls for (the
    # text dates an event in 2022: by week, the three days are the week of 27 Jan).
    from wirecoder.api.aggregates import bucket

    interval = p.page.text_content("#timeline .tl-interval").split("one bar per ")[1].split(";")[0]
    bar_dates = {d for (d,) in p.attrs("rect.tl-bar", "data-date")}
    assert {bucket(date.fromisoformat(d), interval).isoformat()
            for d in ("2025-01-27", "2025-01-31", "2025-02-01")} <= bar_dates
    # The axis is linear: calendar ticks, in order, within its span (the seed's text dates
    # some events back to 2023, so the ticks are months or years).
    start, end = (p.page.get_attribute("#timeline", n) for n in ("data-start", "data-end"))
    ticks = [t for (t,) in p.attrs("#timeline text.tl-label", "data-time")]
    assert len(ticks) >= 3 and ticks == sorted(ticks) and start <= ticks[0] and ticks[-1] <= end
    # Network: Trump (USA GOV) -> MEX CRM threats, MEX CRM -> USA COP assault, Trump's
    # sanctions; one node for Trump; labels on the best-connected nodes only.
    edges = set(p.attrs("path.net-edge", "data-source", "data-target", "data-type"))
    assert ("Donald Trump", "MEX CRM", "THREATEN") in edges
    codes = set(p.attrs("path.net-edge", "data-source-code", "data-target-code", "data-type"))
    assert ("MEX CRM", "USA COP", "ASSAULT") in codes
    assert {("Donald Trump", "Mexico", "SANCTION"), ("Donald Trump", "Canada", "SANCTION")} <= edges
    assert p.count("g.net-node") >= 5
    assert p.count('g.net-node[data-label="Donald Trump"]') == 1
    # labels: at most 12, on the best-connected nodes (Trump's first), none over another
    assert 3 <= p.count("g.net-node text") <= 12
    assert p.count('g.net-node[data-label="Donald Trump"] text') == 1
    boxes = p.page.eval_on_selector_all("g.net-node text", "els => els.map(e => {"
                                        "const r = e.getBoundingClientRect();"
                                        "return [r.left, r.top, r.right, r.bottom]; })")
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1
                        and b[1] < a[3] - 1), (a, b)
    p.shot("seed-dashboard.png")
    # Stacked by modality instead: the same bars, keyed by modality.
    p.page.check("input[name=stack][value=modality]")
    keys = {k for (k,) in p.attrs("rect.tl-bar", "data-key")}
    assert {"threatened", "asserted", "planned"} <= keys and not keys & {"THREATEN", "ASSAULT"}
    # Filters go into the address, and a loaded address sets the filters.
    p.open("/?type=SANCTION&since=2025-02-01")
    assert p.page.input_value("#f-type") == "SANCTION"
    assert {d for (d,) in p.attrs("rect.tl-bar", "data-date")} == {"2025-02-01"}
    assert p.page.locator("#timeline text.tl-label").all_text_contents() == ["1 Feb 2025"]
    assert 0 < p.events_shown() < 10


def test_seed_document_view_highlights_evidence(seed_server, page_at):
    p = page_at(seed_server)
    p.open()
    p.page.locator("#events-table tbody tr").first.click()
    p.page.wait_for_selector("#doc-view:not([hidden])")
    doc_id = p.page.get_attribute("#doc-view", "data-document")
    text = json.loads(p.page.evaluate(
        f"fetch('/api/documents/{doc_id}').then(r => r.text())"))["analysis"]["document"]["text"]
    assert p.page.locator("#doc-text").text_content() == text  # every character, once
    for kind in ("hl-event", "hl-trigger", "hl-quote", "hl-number", "hl-claim"):
        assert p.count(f"#doc-text mark.{kind}") > 0, kind
    assert p.count("#doc-text mark.verdict-consistent") > 0
    triggers = p.page.locator("#doc-text mark.hl-trigger").all_inner_texts()
    assert "opened fire" in triggers and "returned fire" in triggers
    quotes = " ".join(p.page.locator("#doc-text mark.hl-quote").all_inner_texts())
    assert "All options will be" in quotes
    assert p.count("#doc-text mark.focus") > 0  # the clicked event is marked
    # Clicking a claim in the side list marks its evidence.
    p.page.locator("#doc-records li").filter(has_text="consistent").first.click()
    focused = p.page.locator("#doc-text mark.focus").all_inner_texts()
    assert "23" in focused and "32 states" in " ".join(focused)
    p.shot("seed-document.png", full=False)


def test_filters_change_the_counts(big_server, page_at):
    p = page_at(big_server)
    p.open()
    total = p.events_shown()
    assert total > 500
    api = big_server.url + "/api/aggregates"
    for field, value in (("type", "ASSAULT"), ("modality", "threatened")):
        before = p.loads()
        p.page.select_option(f"#f-{field}", value)
        p.page.click("#filters button[type=submit]")
        p.until_reloaded(before)
        shown = p.events_shown()
        expected = json.loads(p.page.evaluate(
            f"fetch('{api}?{field}={value}').then(r => r.text())"))["total"]
        assert 0 < shown == expected < total, (field, shown, expected, total)
        key = "type" if field == "type" else None
        if key:
            assert {k for (k,) in p.attrs("rect.tl-bar", "data-key")} == {value}
            assert {t for (t,) in p.attrs("path.net-edge", "data-type")} <= {value}
        p.page.select_option(f"#f-{field}", "")
    before = p.loads()
    p.page.fill("#f-country", "MEX")
    p.page.click("#filters button[type=submit]")
    p.until_reloaded(before)
    mex = p.events_shown()
    assert 0 < mex < total
    before = p.loads()
    p.page.fill("#f-country", "")
    p.page.fill("#f-actor", "Clinton")
    p.page.click("#filters button[type=submit]")
    p.until_reloaded(before)
    assert 0 < p.events_shown() < total
    before = p.loads()
    p.page.click("#f-reset")
    p.until_reloaded(before)
    assert p.events_shown() == total
    assert "?" not in p.page.url


def test_many_documents_and_timeline_brushing(big_server, page_at):
    p = page_at(big_server)
    p.open()
    total = p.events_shown()
    assert p.count("rect.tl-bar") > 20
    assert p.count("#map path.ev-country") + p.count("#map path.ev-admin") >= 5
    assert p.count("#map path.ev-point") >= 5
    assert p.count("path.net-edge") >= 20
    p.shot("polnear-dashboard.png")
    # Drag across the middle third of the bars (the axis is linear: the middle of its width
    # may be empty years): every view narrows to those dates.
    p.page.locator("#timeline").scroll_into_view_if_needed()  # the mouse moves in the viewport
    box = p.page.locator("#timeline").bounding_box()
    y = box["y"] + box["height"] * 0.5
    lefts = sorted(b.bounding_box()["x"] for b in p.page.locator("rect.tl-bar").all())
    x0, x1 = lefts[len(lefts) * 35 // 100], lefts[len(lefts) * 65 // 100]
    before = p.loads()
    p.page.mouse.move(x0, y)
    p.page.mouse.down()
    p.page.mouse.move((x0 + x1) / 2, y, steps=5)
    p.page.mouse.move(x1 + 0.5, y, steps=5)
    p.page.mouse.up()
    p.until_reloaded(before)
    since, until = p.page.input_value("#f-since"), p.page.input_value("#f-until")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", since) and since <= until
    brushed = p.events_shown()
    assert 0 < brushed < total
    expected = json.loads(p.page.evaluate(
        f"fetch('/api/aggregates?since={since}&until={until}').then(r => r.text())"))["total"]
    assert brushed == expected
    assert p.count("#events-table tbody tr") == min(100, brushed)  # the list follows the brush
    p.shot("polnear-brushed.png")


HOSTILE = """Hostile headline <img src=x onerror="window.__xss='img'">

Rebels attacked the town on Monday. <script>window.__xss = 'script'; alert('script')</script>
Officials said <a href="javascript:window.__xss='link'">click here</a> and
<svg onload="window.__xss='svg'"></svg> "<iframe src='javascript:alert(1)'></iframe>" they would respond.
"""


def test_hostile_document_is_shown_as_text(browser, page_at, tmp_path):
    import httpx

    with serve(f"sqlite:///{tmp_path / 'xss.db'}", token=TOKEN) as server:
        r = httpx.post(server.url + "/api/ingest", timeout=120, json={
            "text": HOSTILE, "title": "<img src=x onerror=\"window.__xss='title'\">Hostile",
            "url": "javascript:window.__xss='url'", "published": "2025-03-04"},
            headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 200, r.text
        doc_id = r.json()["document_id"]
        p = page_at(server)
        p.open(f"/?document={doc_id}")
        p.page.wait_for_selector("#doc-view:not([hidden])")
        shown = p.page.locator("#doc-text").text_content()
        assert "<script>window.__xss = 'script'; alert('script')</script>" in shown
        assert "onerror=\"window.__xss='img'\"" in shown
        assert "<img" in p.page.locator("#doc-title").text_content()
        assert "javascript:window.__xss='url'" in p.page.locator("#doc-meta").text_content()
        # Nothing from the article became an element, nothing ran, nothing was fetched.
        assert p.count("#doc-view img, #doc-view script, #doc-view iframe, #doc-view svg") == 0
        assert p.count("a[href^='javascript:']") == 0
        assert p.count("body img, body iframe") == 0
        p.page.locator("#doc-meta").click()
        p.page.locator("#doc-title").click()
        p.page.wait_for_timeout(200)
        assert p.page.evaluate("window.__xss") is None
        assert p.dialogs == []
        assert not [u for u in p.requests if u.rstrip("/").endswith("/x")]
        p.shot("hostile-document.png", full=False)
        p.page.click("#doc-close")
        assert p.page.locator("#events-table").text_content().count("<img") >= 1
        assert p.page.evaluate("window.__xss") is None


ODD_IDS = ["https://news.example.org/2025/01/31/goma?id=5&x=%20y", "..", "100% a/b"]


def test_documents_whose_id_is_a_url_or_dots_open(browser, page_at, tmp_path):
    """Ids with '/', '..', '%' and spaces: the dashboard showed only 'error: W050' for them
    (the id went into the path, where '/' splits it and the browser drops '..')."""
    from urllib.parse import urlencode

    import httpx

    with serve(f"sqlite:///{tmp_path / 'ids.db'}", token=TOKEN) as server:
        for n, doc_id in enumerate(ODD_IDS):
            r = httpx.post(server.url + "/api/ingest", timeout=120, json={
                "id": doc_id, "text": f"Rebels attacked a convoy near Goma on Monday ({n}).",
                "published": "2025-03-04"}, headers={"Authorization": f"Bearer {TOKEN}"})
            assert r.status_code == 200 and r.json()["document_id"] == doc_id, r.text
        p = page_at(server)
        for doc_id in ODD_IDS:  # a shared link to the document
            p.open("/?" + urlencode({"document": doc_id}))
            p.page.wait_for_selector("#doc-view:not([hidden])")
            assert doc_id in p.page.locator("#doc-meta").text_content()
            assert f"({ODD_IDS.index(doc_id)})" in p.page.locator("#doc-text").text_content()
        p.open()
        rows = p.page.locator("#events-table tbody tr")
        assert rows.count() == len(ODD_IDS)
        for i in range(rows.count()):  # a click on an event opens its document
            rows.nth(i).click()
            p.page.wait_for_selector("#doc-view:not([hidden])")
            assert p.page.get_attribute("#doc-view", "data-document") == \
                rows.nth(i).get_attribute("data-document")
            p.page.click("#doc-close")
        assert "W050" not in p.page.locator("body").text_content()
