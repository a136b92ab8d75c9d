"""Reads that stay cheap as the store grows (#26): the change counter behind the API's cache
(migration 0007) and the event exports streamed a chunk of documents at a time, with the same
output as when every hit was listed first."""

from __future__ import annotations

import json
import re
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, event, inspect
from test_exports import handmade

from wirecoder.api.data import StoreReader
from wirecoder.records import Analysis
from wirecoder.store import export, migrate, open_store
from wirecoder.store import export_views as views
from wirecoder.store.repository import Store, resolve_url
from wirecoder.store.revision import head_revision


def copy_of(analysis: Analysis, n: int, days: int) -> Analysis:
    """`analysis` under new ids (every record id and reference to it) and a later date."""
    data = analysis.model_dump(mode="json")
    ids = {str(v) for v in re.findall(r'"id": "([^"]+)"', json.dumps(data))}
    text = json.dumps(data)
    for old in sorted(ids, key=len, reverse=True):
        text = text.replace(f'"{old}"', f'"{old}~{n}"')
    copy = json.loads(text)
    published = Analysis.model_validate(copy).document.published + timedelta(days=days)
    copy["document"]["published"] = published.isoformat()
    return Analysis.model_validate(copy)


@pytest.fixture(scope="module")
def small_store(tmp_path_factory, seed_analysis):
    """The hand-made analysis, the seed and three copies of each, on other days."""
    url = f"sqlite:///{tmp_path_factory.mktemp('scale') / 'small.db'}"
    with open_store(url) as store:
        store.save_many([handmade(), seed_analysis])
        store.save_many([copy_of(a, n, 7 * n) for n in (1, 2, 3)
                         for a in (handmade(), seed_analysis)])
    return url


# -- the change counter ---------------------------------------------------------------------------


def test_the_counter_moves_with_every_write_that_changes_documents(store_url, seed_analysis):
    with open_store(store_url) as store:
        start = store.generation()
        store.save(handmade())
        stored = store.generation()
        assert stored > start
        assert store.save(handmade()) == "skipped"
        assert store.generation() == stored  # nothing changed, the caches stay
        store.save(handmade(), reprocess=True)
        replaced = store.generation()
        assert replaced > stored
        assert store.delete_document(handmade().document.id)
        assert store.generation() > replaced
        assert not store.delete_document("no such document")


def test_the_api_cache_check_reads_no_document(tmp_path, seed_analysis):
    """A cached answer is checked with one read of the counter (not a count and max of the
    documents table, which grows with the store), and another writer's commit renews it."""
    url = f"sqlite:///{tmp_path / 'api.db'}"
    with open_store(url) as store, open_store(url) as writer:
        writer.save(seed_analysis)
        reader = StoreReader(store)
        made = []
        reader.memo(("k",), lambda: made.append(1) or len(made))
        statements: list[str] = []
        event.listen(store.engine, "before_cursor_execute",
                     lambda conn, cursor, sql, *a: statements.append(sql))
        assert reader.memo(("k",), lambda: made.append(1) or len(made)) == 1
        assert statements and not any(re.search(r"\bdocuments\b", s) for s in statements)
        writer.save(handmade())  # an ingest commit from another store object
        assert reader.memo(("k",), lambda: made.append(1) or len(made)) == 2


def test_migration_0007_upgrades_and_downgrades(store_url):
    migrate(store_url, "0006")
    engine = create_engine(resolve_url(store_url))
    try:
        with engine.connect() as conn:
            assert "store_changes" not in inspect(conn).get_table_names()
        migrate(store_url)
        assert head_revision() >= "0007"
        with open_store(store_url) as store:
            assert store.generation() == 0
            store.save(handmade())
            assert store.generation() == 1
        migrate(store_url, "0006")
        with engine.connect() as conn:
            assert "store_changes" not in inspect(conn).get_table_names()
    finally:
        engine.dispose()
    migrate(store_url)


# -- streamed exports -----------------------------------------------------------------------------


def _listed_then_read(store: Store, filters: dict) -> list[str]:
    """The event ids in export order as the export read them before: every hit listed first."""
    return [v.event.id for v in views.iter_views(store, filters, views._hits(store, filters))]


@pytest.mark.parametrize("filters", [{"min_confidence": 0}, {"country": "USA"},
                                     {"type": "ASSAULT", "min_confidence": 0.2}, {}])
def test_streamed_views_are_the_listed_ones_in_order(small_store, monkeypatch, filters):
    with open_store(small_store, read_only=True) as store:
        expected = ([v.event.id for v in views.iter_views(store, {}, (None, None))]
                    if not filters else _listed_then_read(store, filters))
        for size in (1, 2, 1000):
            monkeypatch.setattr(views, "CHUNK_DOCUMENTS", size)
            assert [v.event.id for v in views.iter_views(store, filters)] == expected
    assert expected


@pytest.mark.parametrize("fmt", ["gdelt-tsv", "plover-jsonl", "polecat-tsv", "acled-csv"])
def test_exports_do_not_depend_on_the_chunk(small_store, tmp_path, monkeypatch, fmt):
    outputs = []
    for size in (1, 3, 1000):
        monkeypatch.setattr(views, "CHUNK_DOCUMENTS", size)
        out = tmp_path / f"{size}.out"
        n = export(small_store, fmt, out, min_confidence=0)
        outputs.append((n, out.read_text("utf-8")))
    assert outputs[0][0] > 0 and outputs[0] == outputs[1] == outputs[2]


def test_event_exports_never_list_every_hit(small_store, tmp_path, monkeypatch):
    """Rows stream from one cursor: the export holds a chunk of documents, not the list of
    every (document, event) pair passing the filters."""
    def listed(self, **filters):
        raise AssertionError("the export listed every hit first")

    monkeypatch.setattr(Store, "event_hits", listed)
    monkeypatch.setattr(views, "CHUNK_DOCUMENTS", 2)
    assert export(small_store, "gdelt-tsv", tmp_path / "g.tsv", min_confidence=0) > 0
    assert export(small_store, "plover-jsonl", tmp_path / "p.jsonl", country="USA") > 0


# -- streamed listings ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_csv_and_jsonl_listings_write_each_row_as_it_comes(small_store, fmt):
    """`wirecoder events --csv/--jsonl` writes a row before the next is built (a listing of the
    whole store is never held), and prints what the rows listed first print."""
    import io

    from wirecoder.store.queries import iter_rows, write_rows

    with open_store(small_store, read_only=True) as store:
        listed = list(iter_rows(store, "events", min_confidence=0))
        out = io.StringIO()
        written: list[int] = []

        def rows():
            for row in listed:
                written.append(len(out.getvalue()))
                yield row

        assert write_rows(rows(), fmt, out) == len(listed) > 2
        assert written[0] == 0 and all(b > a for a, b in zip(written, written[1:], strict=False))
        reference = io.StringIO()
        write_rows(listed, fmt, reference)
        assert out.getvalue() == reference.getvalue()
        empty = io.StringIO()
        assert write_rows(iter(()), fmt, empty) == 0 and empty.getvalue() == ""
