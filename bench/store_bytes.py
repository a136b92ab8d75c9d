"""Bytes per stored document (#26), before and after migration 0011's span packs, same run.

    python bench/store_bytes.py [--n 2000] [--texts 12]
    python bench/store_bytes.py --url postgresql://user:pw@host/db   # a database it may empty

The store is made at revision 0010 and filled as bench/query_scale.py fills it (real texts
analysed once, their rows cycled under new ids), each span an `evidence_spans` row as before
0011; its size is measured, then it is migrated to the head (the spans packed per document,
offsets only: store/span_pack.py) and measured again. SQLite: the file after `VACUUM`, and each
table's and index's pages (dbstat); PostgreSQL: `pg_total_relation_size` of every store table
(with its indexes and TOAST) after `VACUUM FULL`. It prints bytes per document, per 400 words
of document text, the after/before ratio, the largest tables, and the load average.

Measured 2026-12-07 12:45 UTC (h49), SQLite, 2,000 documents of 439 words on average, load
average 5.3-6.1: 65,098 -> 40,571 bytes per document (x0.623; per 400 words 59,283 -> 36,947).
The spans' table and its two indexes took 30.0 KB a document, the packs take 6.0 KB. The
largest after: documents 7.1 KB (text, original text, offset map), sentences 3.9, places 2.6,
events 2.1, the search index 1.6, quotes 1.6, event_arguments 1.5: 15 KB per 400 words needs
the other tables' repeated span texts to go too (#26).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from query_scale import base_rows, copy_rows  # noqa: E402


def fill_old(url: str, bases, n: int, per_day: int = 200, batch: int = 200) -> None:
    """`n` documents into a store at revision 0010, each span an `evidence_spans` row."""
    from sqlalchemy import create_engine

    from wirecoder.store import migrate
    from wirecoder.store.repository import resolve_url
    from wirecoder.store.testing import insert_as_before_0011

    migrate(url, "0010")
    engine = create_engine(resolve_url(url))
    try:
        for first in range(0, n, batch):
            rows: dict[str, list[dict]] = {}
            for i in range(first, min(n, first + batch)):
                for table, items in copy_rows(bases[i % len(bases)], i, i // per_day).items():
                    rows.setdefault(table, []).extend(items)
            with engine.begin() as conn:
                insert_as_before_0011(conn, rows)
    finally:
        engine.dispose()


def measure(url: str) -> dict:
    """Bytes of the store (compacted first), by table, and its documents' words."""
    from sqlalchemy import create_engine, text

    from wirecoder.store.repository import resolve_url
    from wirecoder.store.testing import OLD_TABLES, STORE_TABLES

    engine = create_engine(resolve_url(url), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            docs, words = 0, 0
            for (body,) in conn.execute(text("SELECT text FROM documents")):
                docs += 1
                words += len(body.split())
            if conn.dialect.name == "sqlite":
                conn.exec_driver_sql("VACUUM")
                total = Path(engine.url.database).stat().st_size
                parts = dict(conn.exec_driver_sql(
                    "SELECT name, sum(pgsize) FROM dbstat GROUP BY name").all())
            else:
                parts = {}
                for name in [*STORE_TABLES, *OLD_TABLES]:
                    if engine.dialect.has_table(conn, name):
                        conn.exec_driver_sql(f'VACUUM FULL "{name}"')
                        parts[name] = conn.execute(
                            text("SELECT pg_total_relation_size(:t)"), {"t": name}).scalar()
                total = sum(parts.values())
    finally:
        engine.dispose()
    top = sorted(parts.items(), key=lambda kv: -kv[1])[:8]
    return {"documents": docs, "words_per_document": round(words / max(docs, 1)),
            "bytes": total, "bytes_per_document": round(total / max(docs, 1)),
            "bytes_per_400_words": round(total / max(words, 1) * 400),
            "largest_kb_per_document": {k: round(v / max(docs, 1) / 1024, 1) for k, v in top}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--texts", type=int, default=12, help="real texts analysed and cycled")
    parser.add_argument("--url", help="a store to fill (emptied first; default: a temp SQLite)")
    args = parser.parse_args()
    from wirecoder.store import migrate
    from wirecoder.store.testing import empty_store

    bases = [b for b in base_rows(args.texts) if b.get("events")]
    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory() as tmpdir:
        url = args.url or f"sqlite:///{Path(tmpdir) / 'store_bytes.db'}"
        if args.url:
            empty_store(url, drop=True)
        fill_old(url, bases, args.n)
        before = measure(url)
        migrate(url)
        after = measure(url)
    print(json.dumps({
        "store": "postgresql" if args.url else "sqlite",
        "before_0011": before, "after_0011": after,
        "after_over_before": round(after["bytes"] / max(before["bytes"], 1), 3),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }, indent=2))


if __name__ == "__main__":
    main()
