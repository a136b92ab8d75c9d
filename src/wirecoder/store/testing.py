"""Helpers for tests that run against a store: an empty SQLite file or PostgreSQL database.

    url = pg_test_url()          # $WIRECODER_TEST_PG_URL, or None
    empty_store(url)             # truncate the store's tables (or drop them, drop=True)
"""

from __future__ import annotations

import os

from sqlalchemy import create_engine, inspect, text

from .repository import head_revision, resolve_url
from .schema import ALL_TABLES

PG_ENV = "WIRECODER_TEST_PG_URL"
STORE_TABLES = [t.name for t in ALL_TABLES]


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
                    listed = ", ".join(f'"{n}"' for n in STORE_TABLES)
                    conn.execute(text(f"TRUNCATE {listed} CASCADE"))
                    return
            for name in ["alembic_version", *reversed(STORE_TABLES)]:
                if name in names:
                    conn.execute(text(f'DROP TABLE "{name}"'
                                      + (" CASCADE" if conn.dialect.name == "postgresql" else "")))
    finally:
        engine.dispose()
