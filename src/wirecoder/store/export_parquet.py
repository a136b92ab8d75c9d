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


# Rows per row group: what one batch holds, so that the export's memory is the same whatever
# the store's size. Documents carry their texts and offset maps; evidence spans are counted in
# spans (a document has hundreds), read a few documents at a time.
BATCH_ROWS = 2000
DOCUMENT_BATCH_ROWS = 100
SPAN_BATCH_ROWS = 20000
SPAN_DOCUMENTS_READ = 50


def _converters(table) -> list:
    """Per column, what turns the driver's values into the Parquet column's (None: as they are):
    JSON as its text (not ASCII-escaped), a naive timestamp as UTC."""
    from sqlalchemy import JSON, DateTime

    def as_json(values):
        return [None if v is None else json.dumps(v, ensure_ascii=False) for v in values]

    def as_utc(values):
        return [v.replace(tzinfo=UTC) if isinstance(v, datetime) and v.tzinfo is None else v
                for v in values]

    return [as_json if isinstance(c.type, JSON) else as_utc if isinstance(c.type, DateTime)
            else None for c in table.columns]


def _arrow_batch(schema, converters: list, rows: list[tuple]):
    """One row group's Arrow table, built a column at a time from the rows' tuples."""
    import pyarrow as pa

    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    arrays = [pa.array(convert(col) if convert else col, type=field.type)
              for col, convert, field in zip(columns, converters, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)


def _write_table(store: Store, folder: Path, table, threshold: float | None) -> int:
    """`<table>.parquet`, streamed in row groups of BATCH_ROWS (documents: DOCUMENT_BATCH_ROWS)."""
    import pyarrow.parquet as pq
    from sqlalchemy import select

    schema = parquet_schema(table)
    converters = _converters(table)
    size = DOCUMENT_BATCH_ROWS if table.name == "documents" else BATCH_ROWS
    total = 0
    with store.engine.connect() as conn, \
            pq.ParquetWriter(folder / f"{table.name}.parquet", schema) as writer:
        query = select(table).where(*_kept(table, threshold))
        result = conn.execution_options(stream_results=True, yield_per=size).execute(
            query.order_by(*table.primary_key.columns))
        for part in result.partitions():
            rows = [tuple(r) for r in part]
            writer.write_table(_arrow_batch(schema, converters, rows))
            total += len(rows)
        if not total:
            writer.write_table(schema.empty_table())
    return total


def _write_incidents(store: Store, folder: Path, threshold: float | None) -> int:
    """`incidents.parquet`: each kept event's incident key, by event id, streamed in row groups
    of BATCH_ROWS (what is held is the keys of the linked events, export_views.incident_keys)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from sqlalchemy import select

    from .export_views import incident_keys

    conds = [T_EVENTS.c.confidence >= threshold] if threshold else []
    keys = incident_keys(store, None, conds)
    schema = pa.schema([("incident", pa.string()), ("event_id", pa.string()),
                        ("document_id", pa.string())])
    total = 0
    with store.engine.connect() as conn, \
            pq.ParquetWriter(folder / "incidents.parquet", schema) as writer:
        q = select(T_EVENTS.c.id, T_EVENTS.c.document_id).where(*conds).order_by(T_EVENTS.c.id)
        result = conn.execution_options(stream_results=True, yield_per=BATCH_ROWS).execute(q)
        for part in result.partitions():
            rows = [(keys.get(e, e), e, d) for e, d in part]
            writer.write_table(_arrow_batch(schema, [None] * 3, rows))
            total += len(rows)
        if not total:
            writer.write_table(schema.empty_table())
    return total


def _write_spans(store: Store, folder: Path, threshold: float | None) -> int:
    """`evidence_spans.parquet`: the span packs unpacked, one row per span as the store held
    them before migration 0011 (span_pack.py), document by document (each by record_id, role,
    ordinal), streamed in row groups of about SPAN_BATCH_ROWS spans; without the evidence of
    the events below an explicit `threshold`."""
    import pyarrow.parquet as pq
    from sqlalchemy import select

    from .schema import T_DOCS, T_SPAN_PACKS
    from .span_pack import EVIDENCE_SPANS, unpack

    schema = parquet_schema(EVIDENCE_SPANS)
    names = [c.name for c in EVIDENCE_SPANS.columns]
    converters = [None] * len(names)
    with store.engine.connect() as conn:
        low = set()
        if threshold:
            low = set(conn.execute(select(T_EVENTS.c.id)
                                   .where(T_EVENTS.c.confidence < threshold)).scalars())
        q = (select(T_SPAN_PACKS.c.document_id, T_SPAN_PACKS.c.spans, T_DOCS.c.text)
             .join(T_DOCS, T_DOCS.c.id == T_SPAN_PACKS.c.document_id)
             .order_by(T_SPAN_PACKS.c.document_id))
        result = conn.execution_options(stream_results=True,
                                        yield_per=SPAN_DOCUMENTS_READ).execute(q)
        total = 0
        rows: list[tuple] = []
        with pq.ParquetWriter(folder / "evidence_spans.parquet", schema) as writer:
            for d, packed, text in result:
                rows.extend(tuple(r[n] for n in names)
                            for r in sorted(unpack(packed, text, d), key=_span_key)
                            if not (r["record_kind"] == "event" and r["record_id"] in low))
                if len(rows) >= SPAN_BATCH_ROWS:
                    writer.write_table(_arrow_batch(schema, converters, rows))
                    total += len(rows)
                    rows = []
            if rows or not total:
                writer.write_table(_arrow_batch(schema, converters, rows))
                total += len(rows)
    return total


def _span_key(row: dict[str, Any]) -> tuple:
    return row["record_id"], row["role"], row["ordinal"]


def write_parquet(store: Store, out_path, filters: dict[str, Any], clusters: bool = False) -> int:
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
        else:
            total += _write_table(store, folder, table, threshold)
    if clusters:
        _write_incidents(store, folder, threshold)
    return total
