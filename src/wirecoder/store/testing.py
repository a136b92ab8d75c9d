"""Helpers for tests that run against a store: an empty SQLite file or PostgreSQL database.

    url = pg_test_url()          # $WIRECODER_TEST_PG_URL, or None
    empty_store(url)             # truncate the store's tables (or drop them, drop=True)
"""

from __future__ import annotations

import os

from sqlalchemy import create_engine, inspect, select, text

from .repository import resolve_url
from .revision import head_revision
from .schema import ALL_TABLES

PG_ENV = "WIRECODER_TEST_PG_URL"
STORE_TABLES = [t.name for t in ALL_TABLES]
# Tables of older revisions, dropped with the others (a store left at an old revision by a test).
OLD_TABLES = ["evidence_spans"]  # packed into span_packs by migration 0011
# Tables only the migrations describe, emptied and dropped with the others.
MIGRATION_TABLES = ["place_names"]  # 0013


def pg_test_url() -> str | None:
    """The PostgreSQL database tests may use (its store tables get emptied), if configured."""
    return os.environ.get(PG_ENV) or None


def empty_store(url: str, drop: bool = False) -> None:
    """Empty the store at `url`: truncate its tables when they are at the current revision,
    else (or with drop=True) drop them and Alembic's version table."""
    engine = create_engine(resolve_url(url))
    try:
        with engine.begin() as conn:
            names = set(inspect(conn).get_table_names())
            if not drop and "alembic_version" in names:
                version = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
                if version == head_revision() and conn.dialect.name == "postgresql":
                    listed = ", ".join(f'"{n}"' for n in [*STORE_TABLES, *MIGRATION_TABLES])
                    conn.execute(text(f"TRUNCATE {listed} CASCADE"))
                    return
            for name in ["alembic_version", *OLD_TABLES, *MIGRATION_TABLES,
                         *reversed(STORE_TABLES)]:
                if name in names:
                    conn.execute(text(f'DROP TABLE "{name}"'
                                      + (" CASCADE" if conn.dialect.name == "postgresql" else "")))
    finally:
        engine.dispose()


def corpus_documents(data_dir: str | os.PathLike[str], n: int = 1000,
                     max_chars: int | None = None) -> list[dict[str, str]]:
    """`n` documents (JSONL-ready dicts: text, title, published, url) from the shared gold data's
    news texts: every GeoVirus and TR-News article, then PolNeAR train and dev articles in name
    order. `max_chars` keeps each text's first paragraphs up to about that length (at least
    one), for tests that need many documents quickly. Nothing of the data is copied anywhere.
    """
    import csv
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(data_dir)
    docs: list[dict[str, str]] = []
    for name in ("GeoVirus.xml", "TR-News.xml"):
        for article in ET.parse(root / "geo" / name).getroot().iter("article"):
            text = (article.findtext("text") or "").strip()
            if not text:
                continue
            doc = {"text": text, "url": " ".join((article.findtext("url")
                                                  or article.findtext("source") or "").split())}
            if title := " ".join((article.findtext("title") or "").split()):
                doc["title"] = title
            if (dl := (article.findtext("dltime") or "").strip())[:4].isdigit():
                doc["published"] = dl  # (a few are free text like "Wed Nov 23, 2016 | 4:58pm")
            docs.append(doc)
    polnear = root / "quotes" / "polnear"
    with (polnear / "metadata.tsv").open(encoding="utf-8", newline="") as fh:
        dates = {row["filename"]: row["publication_date"]
                 for row in csv.DictReader(fh, delimiter="\t")}
    for split in ("train", "dev"):
        for path in sorted((polnear / split / "text").glob("*.txt")):
            doc = {"text": path.read_text("utf-8").strip(), "url": f"polnear:{split}/{path.name}"}
            if (published := dates.get(path.stem, "")) and published[:1].isdigit():
                doc["published"] = published
            docs.append(doc)
    if max_chars is not None:
        for doc in docs:
            doc["text"] = _first_paragraphs(doc["text"], max_chars)
    return docs[:n]


def _first_paragraphs(text: str, max_chars: int) -> str:
    """Whole paragraphs up to `max_chars`; a first paragraph longer than that is cut at the
    first sentence end after `max_chars` (". " followed by a capital)."""
    import re

    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n") if p.strip()]
    kept: list[str] = []
    for p in paragraphs:
        if kept and sum(len(k) for k in kept) + len(p) > max_chars:
            break
        kept.append(p)
    if kept and len(kept[0]) > max_chars:
        end = re.compile(r"[.!?][\"\u201d']?\s+(?=[A-Z\u201c\"])").search(kept[0], max_chars)
        kept = [kept[0][:end.end()].rstrip() if end else kept[0]]
    return "\n\n".join(kept)


def table_keys(url: str) -> dict[str, list[tuple]]:
    """Every document table's and the actor registry's primary keys, sorted: two stores holding
    the same records give the same lists (runs, whose ids are random, and the failure log are
    left out)."""
    from .schema import DOCUMENT_TABLES, REGISTRY_TABLES

    engine = create_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            keys = {}
            for table in [*DOCUMENT_TABLES, *REGISTRY_TABLES]:
                columns = list(table.primary_key.columns)
                rows = conn.execute(select(*columns)).all()
                keys[table.name] = sorted(tuple(r) for r in rows)
            return keys
    finally:
        engine.dispose()


# columns added after migration 0011, left out of the rows of an older store
LATER_COLUMNS = {"events": ("published",)}  # 0013


def insert_as_before_0011(conn, rows: dict[str, list[dict]]) -> None:
    """Insert `analysis_to_rows`' rows as a store before migration 0011 held them (tests of the
    older migrations): each span an `evidence_spans` row, with its text, not a span pack."""
    from sqlalchemy import insert

    from .repository import INSERT_ORDER
    from .span_pack import EVIDENCE_SPANS, unpack

    texts = {d["id"]: d["text"] for d in rows.get("documents", ())}
    spans = [r for p in rows.get("span_packs", ())
             for r in unpack(p["spans"], texts[p["document_id"]], p["document_id"])]
    for table in INSERT_ORDER:
        if table.name == "span_packs":
            table, found = EVIDENCE_SPANS, spans
        else:
            found = [{k: v for k, v in r.items() if k not in LATER_COLUMNS.get(table.name, ())}
                     for r in rows.get(table.name, ())]
        if found:
            conn.execute(insert(table), found)
