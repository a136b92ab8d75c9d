"""The event exports stream at scale (#26): the statements they issue grow with the chunks of
documents read, never with the rows written (no query per row or per document), what they
cache grows with the distinct values they meet only up to a bound, and ACLED's place test per
party (a bisect over the document's places) answers as the pass over every place did."""

from __future__ import annotations

import inspect
import random
from types import SimpleNamespace

import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine
from test_exports import handmade
from test_store_scale import copy_of

from wirecoder.store import export, export_acled, export_gdelt, export_read, open_store
from wirecoder.store import export_views as views

EXPORTS = [("gdelt-tsv", {}), ("polecat-tsv", {}), ("plover-jsonl", {}), ("acled-csv", {}),
           ("gdelt-tsv", {"clusters": True}), ("plover-jsonl", {"country": "USA"})]


def _store(url: str, seed_analysis, copies: int) -> str:
    with open_store(url) as store:
        store.save_many([handmade(), seed_analysis])
        store.save_many([copy_of(a, n, 7 * n) for n in range(1, copies + 1)
                         for a in (handmade(), seed_analysis)])
    return url


def _counted(url: str, fmt: str, out, options: dict) -> tuple[int, int]:
    """(rows written, SQL statements the database ran): SQLite's trace callback sees every
    statement, those sent through SQLAlchemy and those on a raw DBAPI cursor alike."""
    statements: list[str] = []

    def connected(dbapi_conn, _record):
        dbapi_conn.set_trace_callback(statements.append)

    event.listen(Engine, "connect", connected)
    try:
        n = export(url, fmt, out, min_confidence=0, **options)
    finally:
        event.remove(Engine, "connect", connected)
    return n, len(statements)


@pytest.mark.parametrize(("fmt", "options"), EXPORTS,
                         ids=[f + ("-" + "-".join(o) if o else "") for f, o in EXPORTS])
def test_statements_do_not_grow_with_the_rows(tmp_path, seed_analysis, monkeypatch, fmt,
                                              options):
    """A store four times as big, read in one chunk, costs the same statements: none is issued
    per row or per document."""
    monkeypatch.setattr(views, "CHUNK_DOCUMENTS", 1000)
    small = _store(f"sqlite:///{tmp_path / 'small.db'}", seed_analysis, 1)
    big = _store(f"sqlite:///{tmp_path / 'big.db'}", seed_analysis, 7)
    rows_small, sql_small = _counted(small, fmt, tmp_path / "small.out", options)
    rows_big, sql_big = _counted(big, fmt, tmp_path / "big.out", options)
    assert rows_big >= 3 * rows_small > 0
    assert sql_big == sql_small
    assert sql_big < rows_big


def test_statements_grow_with_the_chunks_only(tmp_path, seed_analysis, monkeypatch):
    """Read 2 documents at a time, 16 documents cost 8 chunks' statements, each chunk a fixed
    number of them."""
    url = _store(f"sqlite:///{tmp_path / 'store.db'}", seed_analysis, 7)
    counts = {}
    for size in (2, 4):
        monkeypatch.setattr(views, "CHUNK_DOCUMENTS", size)
        counts[size] = _counted(url, "polecat-tsv", tmp_path / f"{size}.tsv", {})
    (rows2, sql2), (rows4, sql4) = counts[2], counts[4]
    assert rows2 == rows4 > 16
    per_chunk = (sql2 - sql4) / (16 / 2 - 16 / 4)
    assert per_chunk == int(per_chunk) and 0 < per_chunk <= 20
    assert sql4 - per_chunk * 4 == sql2 - per_chunk * 8  # the fixed part is the same


def test_the_export_caches_are_bounded():
    """A cache keyed by what the store holds (a document's metadata, a party's name, a
    cell's JSON text) is bounded: on a store of a million documents with their own metadata
    the export holds no more of them than on a small one."""
    keyed = [export_read._json, export_acled._thing]
    keyed += [f for module in (export_gdelt, export_read, export_acled, views)
              for _, f in inspect.getmembers(module, callable)
              if hasattr(f, "cache_info") and inspect.signature(f).parameters
              and f.__module__ == module.__name__]
    assert keyed
    for f in keyed:
        assert f.cache_info().maxsize is not None, f.__qualname__


def _place(start: int, end: int):
    return SimpleNamespace(span=SimpleNamespace(start=start, end=end))


def test_acled_place_overlap_is_the_pass_over_every_place():
    rng = random.Random(26)
    for trial in range(300):
        places = []
        for _ in range(rng.randrange(0, 8)):
            a = rng.randrange(0, 60)
            places.append(_place(a, a + rng.randrange(1, 12)))
        ctx = SimpleNamespace(analysis=SimpleNamespace(places=places))
        overlaps = export_acled._place_overlaps(ctx)
        assert export_acled._place_overlaps(ctx) is overlaps  # built once per document
        for _ in range(20):
            start = rng.randrange(0, 70)
            end = start + rng.randrange(1, 10)
            expected = any(p.span.start < end and start < p.span.end for p in places)
            assert overlaps(start, end) == expected, (trial, start, end)


# -- incidents streamed ---------------------------------------------------------------------------


def _listed_incidents(store, filters: dict) -> list[tuple[str, list[str]]]:
    """(key, mention ids) of each incident as the export grouped them before it streamed them:
    every hit listed first, every wanted event given a key, the linked ones joined."""
    hits = views._hits(store, filters)
    listed = list(views.iter_views(store, filters, hits))
    wanted = {v.event.id for v in listed}
    parent = {e: e for e in wanted}

    def find(x):
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    def join(a, b):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    from sqlalchemy import select

    from wirecoder.store.repository import T_EVENTS
    from wirecoder.store.schema import EventClusterMemberRow

    members = EventClusterMemberRow.__table__
    with store.engine.connect() as conn:
        for eid, incident in conn.execute(select(T_EVENTS.c.id, T_EVENTS.c.incident_id)):
            if eid in wanted and incident:
                join(eid, f"~incident:{incident}")
        for eid, cluster in conn.execute(select(members.c.event_id, members.c.cluster_id)):
            if eid in wanted:
                join(eid, f"~cluster:{cluster}")
    size: dict[str, int] = {}
    for e in wanted:
        size[find(e)] = size.get(find(e), 0) + 1
    pending: dict[str, list[str]] = {}
    out = []
    for v in listed:
        key = find(v.event.id)
        pending.setdefault(key, []).append(v.event.id)
        if len(pending[key]) == size[key]:
            out.append((key, pending.pop(key)))
    return out


@pytest.mark.parametrize("filters", [{"min_confidence": 0}, {"country": "USA"},
                                     {"type": "ASSAULT,COERCE", "min_confidence": 0}])
def test_incidents_stream_as_they_were_listed(tmp_path, seed_analysis, monkeypatch, filters):
    """Incidents (`--clusters`, ACLED) are grouped from the keys of the linked events only and
    from the streamed chunks: the same incidents, mentions and order as when every hit was
    listed and keyed first, with dedup clusters across documents; an event linked to none is
    held by no key."""
    from wirecoder.dedup.runner import run_dedup

    url = _store(f"sqlite:///{tmp_path / 'store.db'}", seed_analysis, 3)
    run_dedup(url)
    monkeypatch.setattr(views, "CHUNK_DOCUMENTS", 2)
    with open_store(url, read_only=True) as store:
        streamed = [(u.key, u.event_ids) for u in views.iter_units(store, filters, True)]
        assert streamed == _listed_incidents(store, filters)
        assert any(len(ids) > 1 for _, ids in streamed)
        conds = store.event_conditions(**filters)
        keys = views.incident_keys(store, None, conds)
        mentions = {e for _, ids in streamed for e in ids}
        assert 0 < len(keys) and set(keys) <= mentions
        if filters == {"min_confidence": 0}:
            assert len(keys) < len(mentions)  # the events linked to none are held by no key
        assert all(len(ids) == 1 and key == ids[0] for key, ids in streamed if key not in
                   set(keys.values()))


@pytest.mark.parametrize("fmt", ["polecat-tsv", "acled-csv"])
def test_offset_only_formats_never_read_the_document_texts(tmp_path, seed_analysis, fmt):
    """POLECAT and ACLED write evidence as offsets: the documents' texts (the widest column of
    the store) are not read; PLOVER, which writes each span's text, reads them."""
    url = _store(f"sqlite:///{tmp_path / 'store.db'}", seed_analysis, 1)
    said: list[str] = []

    def connected(dbapi_conn, _record):
        dbapi_conn.set_trace_callback(lambda sql: said.append(" ".join(sql.lower().split())))

    event.listen(Engine, "connect", connected)
    try:
        assert export(url, fmt, tmp_path / "out", min_confidence=0) > 0
        reads_text = [s for s in said if "documents.text" in s or '"text" from documents' in s]
        assert not reads_text, reads_text[:1]
        said.clear()
        assert export(url, "plover-jsonl", tmp_path / "p.jsonl", min_confidence=0) > 0
        assert any("documents.text" in s for s in said)
    finally:
        event.remove(Engine, "connect", connected)
