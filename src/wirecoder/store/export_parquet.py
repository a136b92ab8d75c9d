"""The Parquet export: every store table, one `<table>.parquet` each, typed as the schema says.

It writes whole tables and takes one filter: an explicit `min_confidence` leaves out the events
below it and what hangs on them (their arguments, evidence spans and cluster memberships; a
cluster's own counts stay as `wirecoder dedup` stored them). `clusters=True` adds
`incidents.parquet`: each kept event's incident key (export_views.incident_keys), so the rows of
one incident can be grouped as the other formats group them.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import ExportError
from .filters import confidence as _confidence
from .repository import T_EVENTS, Store


def _arrow_type(column):
    import pyarrow as pa
    from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, Float, Integer

    t = column.type
    if isinstance(t, JSON):
        return pa.string()
    if isinstance(t, Boolean):
        return pa.bool_()
    if isinstance(t, (BigInteger, Integer)):
        return pa.int64()
    if isinstance(t, Float):
        return pa.float64()
    if isinstance(t, DateTime):
        return pa.timestamp("us", tz="UTC")
    if isinstance(t, Date):
        return pa.date32()
    return pa.string()


def parquet_schema(table):
    import pyarrow as pa

    return pa.schema([pa.field(c.name, _arrow_type(c), nullable=c.nullable) for c in table.columns])


def _kept(table, threshold: float | None) -> list:
    """WHERE conditions leaving out the events below `threshold` and the rows that hang on them."""
    from sqlalchemy import select

    if not threshold:
        return []
    low = select(T_EVENTS.c.id).where(T_EVENTS.c.confidence < threshold).scalar_subquery()
    if table.name == "events":
        return [T_EVENTS.c.confidence >= threshold]
    if "event_id" in table.c and table.name in ("event_arguments", "event_cluster_members"):
        return [table.c.event_id.not_in(low)]
    return []


def _rows(table, result) -> list[dict[str, Any]]:
    from sqlalchemy import JSON, DateTime

    json_cols = {c.name for c in table.columns if isinstance(c.type, JSON)}
    time_cols = {c.name for c in table.columns if isinstance(c.type, DateTime)}
    batch = []
    for row in result:
        item = dict(row._mapping)
        for name in json_cols:
            if item[name] is not None:
                item[name] = json.dumps(item[name], ensure_ascii=False)
        for name in time_cols:
            value = item[name]
            if isinstance(value, datetime) and value.tzinfo is None:
                item[name] = value.replace(tzinfo=UTC)
        batch.append(item)
    return batch


def _write_incidents(store: Store, folder: Path, threshold: float | None) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from sqlalchemy import select

    from .export_views import incident_keys

    with store.engine.connect() as conn:
        q = select(T_EVENTS.c.id, T_EVENTS.c.document_id).order_by(T_EVENTS.c.id)
        if threshold:
            q = q.where(T_EVENTS.c.confidence >= threshold)
        docs = {r.id: r.document_id for r in conn.execute(q)}
    keys = incident_keys(store, set(docs))
    table = pa.table({"incident": [keys.get(e, e) for e in docs], "event_id": list(docs),
                      "document_id": list(docs.values())})
    pq.write_table(table, folder / "incidents.parquet")
    return len(docs)


def _write_spans(store: Store, folder: Path, threshold: float | None) -> int:
    """`evidence_spans.parquet`: the span packs unpacked, one row per span as the store held
    them before migration 0011 (span_pack.py), document by document (each by record_id, role,
    ordinal), streamed; without the evidence of the events below an explicit `threshold`."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from sqlalchemy import select

    from .schema import T_DOCS, T_SPAN_PACKS
    from .span_pack import EVIDENCE_SPANS, unpack

    schema = parquet_schema(EVIDENCE_SPANS)
    with store.engine.connect() as conn:
        low = set()
        if threshold:
            low = set(conn.execute(select(T_EVENTS.c.id)
                                   .where(T_EVENTS.c.confidence < threshold)).scalars())
        q = (select(T_SPAN_PACKS.c.document_id, T_SPAN_PACKS.c.spans, T_DOCS.c.text)
             .join(T_DOCS, T_DOCS.c.id == T_SPAN_PACKS.c.document_id)
             .order_by(T_SPAN_PACKS.c.document_id))
        result = conn.execution_options(stream_results=True, yield_per=500).execute(q)
        total = 0
        with pq.ParquetWriter(folder / "evidence_spans.parquet", schema) as writer:
            for part in result.partitions():
                rows = [r for d, packed, text in part
                        for r in sorted(unpack(packed, text, d), key=_span_key)
                        if not (r["record_kind"] == "event" and r["record_id"] in low)]
                writer.write_table(pa.Table.from_pylist(rows, schema=schema))
                total += len(rows)
            if not total:
                writer.write_table(schema.empty_table())
    return total


def _span_key(row: dict[str, Any]) -> tuple:
    return row["record_id"], row["role"], row["ordinal"]


def write_parquet(store: Store, out_path, filters: dict[str, Any], clusters: bool = False) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from sqlalchemy import select

    from .schema import ALL_TABLES

    others = {k: v for k, v in filters.items() if v is not None and k != "min_confidence"}
    if others:
        raise ExportError("the parquet export writes whole tables; of the filters it takes only "
                          f"min_confidence, not {', '.join(sorted(others))}")
    given = filters.get("min_confidence")
    threshold = _confidence(given) if given is not None else None
    folder = Path(out_path)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"the parquet export writes a folder; {folder} is a file")
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for table in ALL_TABLES:
        if table.name == "span_packs":
            total += _write_spans(store, folder, threshold)
            continue
        schema = parquet_schema(table)
        with store.engine.connect() as conn, \
                pq.ParquetWriter(folder / f"{table.name}.parquet", schema) as writer:
            query = select(table).where(*_kept(table, threshold))
            result = conn.execution_options(stream_results=True, yield_per=2000).execute(
                query.order_by(*table.primary_key.columns))
            wrote = False
            for part in result.partitions():
                batch = _rows(table, part)
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                total += len(batch)
                wrote = True
            if not wrote:
                writer.write_table(schema.empty_table())
    if clusters:
        _write_incidents(store, folder, threshold)
    return total
