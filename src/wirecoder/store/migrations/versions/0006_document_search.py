"""Documents: full-text search over title and text.

SQLite: a contentless FTS5 index (`documents_fts`, words as unicode61 cuts them, no stemming,
accents kept as PostgreSQL's 'simple' configuration keeps them)
keyed by `document_search`, whose INTEGER PRIMARY KEY keeps the keys through VACUUM, kept in
step by triggers on `documents`. A later migration that rebuilds `documents` (batch mode) must
create the triggers again. A SQLite built without FTS5 gets neither, and search falls back to
matching words as substrings (`store.search`). PostgreSQL: a GIN index on the same words
(`to_tsvector('simple', title || ' ' || text)`, punctuation made spaces), which its queries use.

Revision ID: 0006
Revises: 0005
Create Date: 2027-01-20
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0006'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# ASCII punctuation made a space first: PostgreSQL's parser keeps "U.S." and "3.5" whole where
# FTS5 cuts them into words, as `store.search` cuts a query
PG_VECTOR = ("to_tsvector('simple'::regconfig, regexp_replace(coalesce(title, '') || ' ' || text, "
             "'[[:punct:]]+', ' ', 'g'))")
SQLITE = [
    "CREATE TABLE document_search (rowid INTEGER PRIMARY KEY, document_id VARCHAR NOT NULL UNIQUE)",
    "CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='', "
    "tokenize='unicode61 remove_diacritics 0')",
    """CREATE TRIGGER documents_search_insert AFTER INSERT ON documents BEGIN
        INSERT INTO document_search(document_id) VALUES (new.id);
        INSERT INTO documents_fts(rowid, title, text)
            SELECT rowid, coalesce(new.title, ''), new.text FROM document_search
            WHERE document_id = new.id;
    END""",
    """CREATE TRIGGER documents_search_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
            SELECT 'delete', rowid, coalesce(old.title, ''), old.text FROM document_search
            WHERE document_id = old.id;
        DELETE FROM document_search WHERE document_id = old.id;
    END""",
    """CREATE TRIGGER documents_search_update AFTER UPDATE OF id, title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text)
            SELECT 'delete', rowid, coalesce(old.title, ''), old.text FROM document_search
            WHERE document_id = old.id;
        UPDATE document_search SET document_id = new.id WHERE document_id = old.id;
        INSERT INTO documents_fts(rowid, title, text)
            SELECT rowid, coalesce(new.title, ''), new.text FROM document_search
            WHERE document_id = new.id;
    END""",
    "INSERT INTO document_search(document_id) SELECT id FROM documents ORDER BY id",
    """INSERT INTO documents_fts(rowid, title, text)
        SELECT s.rowid, coalesce(d.title, ''), d.text FROM document_search s
        JOIN documents d ON d.id = s.document_id""",
]
SQLITE_DROP = ["DROP TRIGGER IF EXISTS documents_search_insert",
               "DROP TRIGGER IF EXISTS documents_search_delete",
               "DROP TRIGGER IF EXISTS documents_search_update",
               "DROP TABLE IF EXISTS documents_fts", "DROP TABLE IF EXISTS document_search"]


def _has_fts5(bind) -> bool:
    try:
        bind.execute(sa.text("CREATE VIRTUAL TABLE temp.wirecoder_fts5_probe USING fts5(x)"))
    except sa.exc.OperationalError:
        return False
    bind.execute(sa.text("DROP TABLE temp.wirecoder_fts5_probe"))
    return True


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_documents_fulltext ON documents USING gin ({PG_VECTOR})")
    elif bind.dialect.name == "sqlite" and _has_fts5(bind):
        for statement in [*SQLITE_DROP, *SQLITE]:  # tables left by a store emptied by hand
            op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_documents_fulltext")
    elif bind.dialect.name == "sqlite":
        for statement in SQLITE_DROP:
            op.execute(statement)
