"""Migrations keep the rows they do not change (SQLite and PostgreSQL). On SQLite a batch
migration copies a table, drops the old one and renames the copy; with foreign keys on, the drop
deleted every row that refers to it (ON DELETE CASCADE): going down past 0004, or up from 0003,
emptied `event_arguments`. Foreign keys are off while the store migrates, and on again after."""

from __future__ import annotations

from sqlalchemy import create_engine, inspect, text

from registry_fixtures import JUNK, MAYOR_A, MAYOR_B
from wirecoder.store import open_store
from wirecoder.store.connect import resolve_url
from wirecoder.store.repository import migrate


def counts(url: str) -> dict[str, int]:
    engine = create_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            # (the search index's own tables are SQLite's to lay out: left out)
            tables = [t for t in inspect(conn).get_table_names()
                      if t != "alembic_version" and not t.startswith("documents_fts")]
            return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in tables}
    finally:
        engine.dispose()


def test_down_and_up_again_keeps_every_row(store_url):
    with open_store(store_url) as store:
        for analysis in (MAYOR_A, MAYOR_B, JUNK):
            store.save(analysis)
    at_head = counts(store_url)
    assert at_head["event_arguments"] > 0 and at_head["actors"] > 0
    migrate(store_url, "0003")  # below 0004's batch copy of events
    down = counts(store_url)
    # 0011 packed each document's spans into one span_packs row: one evidence_spans row a span
    spans = sum(len(r.evidence) + len(getattr(r, "mentions", ())) + len(getattr(r, "content", ()))
                for a in (MAYOR_A, MAYOR_B, JUNK) for kind in ("actors", "events", "quotes",
                "quantities", "claims", "times", "places", "demonyms") for r in getattr(a, kind))
    assert down.pop("evidence_spans") == spans > 0
    assert {t: n for t, n in at_head.items() if t in down} == down
    with open_store(store_url) as store:  # upgraded on opening, on the store's own engine
        assert counts(store_url) == at_head
        if store.engine.dialect.name == "sqlite":
            with store.engine.connect() as conn:  # the migrating connection, back in its pool
                assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        store.delete_document(MAYOR_B.document.id)
    after = counts(store_url)
    assert after["events"] < at_head["events"]
    assert after["event_arguments"] == at_head["event_arguments"] - 2  # its one event's two
