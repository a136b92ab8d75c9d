"""The Parquet export writes each table in row groups of a bounded size (#26): what it holds is one
batch, whatever the store's size. Cut in small batches, every table reads back exactly as when
each was written in one batch (the same rows, values and types), on SQLite and PostgreSQL."""

from __future__ import annotations

import pyarrow.parquet as pq
from test_export_read import filled  # noqa: F401  (the fixture)

from wirecoder.store import export
from wirecoder.store import export_parquet as ep


def _written(monkeypatch, url: str, folder, rows: int, documents: int, spans: int,
             **options) -> int:
    monkeypatch.setattr(ep, "BATCH_ROWS", rows)
    monkeypatch.setattr(ep, "DOCUMENT_BATCH_ROWS", documents)
    monkeypatch.setattr(ep, "SPAN_BATCH_ROWS", spans)
    monkeypatch.setattr(ep, "SPAN_DOCUMENTS_READ", 1)
    return export(url, "parquet", folder, **options)


def test_small_batches_write_the_same_tables(filled, tmp_path, monkeypatch):  # noqa: F811
    big = 10**9
    for options in ({}, {"min_confidence": 0.5, "clusters": True}):
        whole, cut = tmp_path / f"whole{len(options)}", tmp_path / f"cut{len(options)}"
        n_whole = _written(monkeypatch, filled, whole, big, big, big, **options)
        n_cut = _written(monkeypatch, filled, cut, 3, 1, 5, **options)
        assert n_cut == n_whole > 0
        names = sorted(p.name for p in whole.glob("*.parquet"))
        assert names == sorted(p.name for p in cut.glob("*.parquet"))
        assert ("incidents.parquet" in names) == bool(options)
        for name in names:
            a, b = pq.read_table(whole / name), pq.read_table(cut / name)
            assert a.schema == b.schema and a.equals(b), name
        groups = {name: pq.ParquetFile(cut / name).metadata for name in names}
        docs = groups["documents.parquet"]
        assert docs.num_rows > 1 and docs.num_row_groups == docs.num_rows
        events = groups["events.parquet"]
        assert events.num_row_groups == -(-events.num_rows // 3)
        spans = groups["evidence_spans.parquet"]
        assert 1 < spans.num_row_groups < spans.num_rows
        assert pq.ParquetFile(whole / "evidence_spans.parquet").metadata.num_row_groups == 1


def test_an_empty_table_is_written_with_its_columns(filled, tmp_path, monkeypatch):  # noqa: F811
    _written(monkeypatch, filled, tmp_path / "out", 3, 1, 5)
    failures = pq.read_table(tmp_path / "out" / "failures.parquet")
    assert failures.num_rows == 0 and "document_id" in failures.schema.names
