"""Browser fixtures for the dashboard's tests (registered by tests/conftest.py): Debian's
Chromium driven by Playwright (one browser for the whole session), uvicorn on a loopback port
over a store, and a page that records console errors. Stores: the seed alone, five deduplicated
copies of it, and the seed plus ~200 PolNeAR articles. Screenshots go to test-output/dashboard/ (or $WIRECODER_SHOTS)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from api_fixtures import LiveServer, seed_and_polnear_store, seed_copies_store, seed_store
from conftest import DATA, REPO, SEED, need

CHROMIUM = Path(os.environ.get("WIRECODER_CHROMIUM", "/usr/bin/chromium"))
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = Path(os.environ.get("WIRECODER_SHOTS") or REPO / "test-output" / "dashboard")
POLNEAR_DOCS = int(os.environ.get("WIRECODER_TEST_POLNEAR_DOCS", "200"))
TOKEN = "browser-test-token"


@pytest.fixture(scope="session")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    from wirecoder.api.app import VENDOR

    if not CHROMIUM.exists():
        pytest.skip(f"needs Debian's chromium at {CHROMIUM} (apt-get install chromium; .ci/chromium)")
    if not VENDOR.is_dir():
        pytest.skip("needs the dashboard's vendored files: run `make dashboard`")
    SHOTS.mkdir(parents=True, exist_ok=True)
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


def serve(url: str, token: str | None = None):
    from wirecoder.api import create_app

    return LiveServer(create_app(url, ingest_token=token))


@pytest.fixture(scope="module")
def seed_server(tmp_path_factory, pipeline):
    url = seed_store(need(SEED), tmp_path_factory.mktemp("dash-seed"), pipeline)
    with serve(url) as server:
        yield server


@pytest.fixture(scope="module")
def copies_server(tmp_path_factory, pipeline):
    """Five copies of the seed (four dates from 2022 to 2025, one undated), deduplicated."""
    from wirecoder.dedup.runner import run_dedup

    url = seed_copies_store(need(SEED), tmp_path_factory.mktemp("dash-copies"), pipeline)
    run_dedup(url)
    with serve(url) as server:
        yield server


@pytest.fixture(scope="module")
def big_server(tmp_path_factory, pipeline):
    url = seed_and_polnear_store(need(SEED), need(DATA), tmp_path_factory.mktemp("dash-big"),
                                 pipeline, POLNEAR_DOCS)
    with serve(url) as server:
        yield server


class Page:
    """A page that records console errors, failed page scripts and dialogs."""

    def __init__(self, browser, base: str):
        self.page = browser.new_page(viewport={"width": 1400, "height": 1000})
        self.base = base
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda r: self.requests.append(r.url))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: str = "/") -> None:
        self.page.goto(self.base + path)
        self.page.wait_for_selector("body[data-loads]", timeout=30_000)

    def loads(self) -> int:
        return int(self.page.get_attribute("body", "data-loads") or 0)

    def until_reloaded(self, before: int) -> None:
        # (a selector, not wait_for_function: the page's CSP forbids evaluating strings)
        self.page.wait_for_selector(f"body[data-loads]:not([data-loads='{before}'])",
                                    timeout=30_000)

    def count(self, selector: str) -> int:
        return self.page.locator(selector).count()

    def events_shown(self) -> int:
        return int(self.page.inner_text("#count-events"))

    def attrs(self, selector: str, *names: str) -> list[tuple[str, ...]]:
        return [tuple(e.get_attribute(n) or "" for n in names)
                for e in self.page.locator(selector).all()]

    def shot(self, name: str, full: bool = True) -> Path:
        path = SHOTS / name
        self.page.screenshot(path=str(path), full_page=full)
        return path

    def close(self) -> None:
        self.page.close()


@pytest.fixture()
def page_at(browser):
    opened: list[Page] = []

    def make(server) -> Page:
        p = Page(browser, server.url)
        opened.append(p)
        return p

    yield make
    for p in opened:
        assert not p.errors, p.errors  # CSP violations and script errors show up here
        p.close()
