"""`wirecoder events` and the API's event pages build their rows from a lean read of the hits'
documents (store/event_rows.py, #26), never from whole rebuilt analyses, and the rows are the
same as the whole-analysis rows, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from test_event_countries import analyses
from test_export_read import _undated_deadly
from test_store_scale import copy_of

from wirecoder.extract.event_confidence import DEFAULT_MIN_CONFIDENCE
from wirecoder.store import event_rows as lean_rows
from wirecoder.store import open_store
from wirecoder.store.queries import Context, event_row, iter_rows
from wirecoder.store.repository import Store


@pytest.fixture
def filled(store_url, seed_analysis):
    with open_store(store_url) as store:
        store.save_many([*analyses(), seed_analysis, copy_of(seed_analysis, 1, 7),
                         _undated_deadly()])
    return store_url


def whole_rows(store: Store, hits: list[tuple[str, str]]) -> list[dict]:
    """The rows as they were built before: each hit's document rebuilt whole."""
    contexts = {a.document.id: Context(a) for a in store.analyses([d for d, _ in hits])}
    out = []
    for doc_id, event_id in hits:
        ctx = contexts[doc_id]
        out.append(event_row(ctx, next(e for e in ctx.analysis.events if e.id == event_id)))
    return out


def _no_whole_analyses(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("event rows rebuilt whole analyses")
    monkeypatch.setattr(Store, "analyses", refuse)


@pytest.mark.parametrize("filters", [{"min_confidence": 0}, {}, {"country": "USA"},
                                     {"type": "ASSAULT", "min_confidence": 0},
                                     {"limit": 3, "min_confidence": 0}],
                         ids=["all", "default", "country", "type", "limit"])
def test_cli_event_rows_are_read_lean_and_the_same(filled, monkeypatch, filters):
    with open_store(filled, read_only=True) as store:
        hits = store.event_hits(**{"min_confidence": filters.get("min_confidence", DEFAULT_MIN_CONFIDENCE),
                                   **{k: v for k, v in filters.items()
                                      if k != "min_confidence"}})
        expected = whole_rows(store, hits)
        _no_whole_analyses(monkeypatch)
        got = list(iter_rows(store, "events", **filters))
    assert expected, filters
    assert got == expected


def test_rows_stream_a_bounded_number_of_hits_at_a_time(filled, monkeypatch):
    """Every row, whatever the read size; each read asks for at most `per_read` events."""
    asked = []
    real = lean_rows.lean_analyses

    def spy(store, doc_ids, wanted=None, slim=False):
        asked.append(len(wanted))
        return real(store, doc_ids, wanted, slim)

    with open_store(filled) as store:
        hits = store.event_hits(min_confidence=0)
        expected = whole_rows(store, hits)
        monkeypatch.setattr(lean_rows, "lean_analyses", spy)
        got = list(lean_rows.event_rows(store, hits, per_read=4))
        # a deleted document's events are passed over, not an error
        gone = hits[0][0]
        store.delete_document(gone)
        kept = list(lean_rows.event_rows(store, hits, per_read=4))
    assert got == expected
    assert max(asked) <= 4 and len(asked) >= len(hits) // 4
    assert kept == [r for r in expected if r["document_id"] != gone]


def test_api_event_pages_are_read_lean(filled, monkeypatch):
    from fastapi.testclient import TestClient

    from wirecoder.api import create_app

    with open_store(filled, read_only=True) as store:
        hits = store.event_hits(min_confidence=0)
        expected = whole_rows(store, hits)
    _no_whole_analyses(monkeypatch)
    with TestClient(create_app(filled, cache=False)) as client:
        page = client.get("/api/events", params={"min_confidence": 0, "limit": 4,
                                                 "offset": 2}).json()
        table = client.get("/api/events/table", params={"min_confidence": 0, "limit": 4}).json()
    assert page["total"] == len(hits) == table["total"]
    assert [r["id"] for r in page["items"]] == [r["id"] for r in expected[2:6]]
    assert page["items"][0]["trigger"] == expected[2]["trigger"]
    assert len(table["items"]) == 4
