"""Events: their document's publication time beside them, and the listings' order as an index of
the events themselves (#26).

Every listing of events is in the store's own order: undated documents last, then by publication,
document, and the event's place in it. That order lived on the documents (0008's
`ix_documents_published_order`), so a page had to join every event to its document before it
could take the first 100: PostgreSQL, misjudging how many events pass an OR of EXISTS, looped
over the documents' order against every event of a date range (7 s for `--country USA --type
ASSAULT` and a long range at 100,000 documents), and the dashboard's table (sort=published)
sorted every hit (0.5-5 s on SQLite). `events.published` is the document's `published`, copied
when the event is saved and filled here for the events stored before; `ix_events_published_order`
is the order itself, so a page reads it and stops. On PostgreSQL, `ix_events_type_order` is that
order within each type (as the type filter compares it, upper-cased), so a page of a type, alone
or with other filters, reads only that type's events (`--type ASSAULT --country USA` and a long
date range: 0.25-0.4 s -> 10-25 ms). Not on SQLite: without statistics it took that index for
one document's events of a type, or a rare country's, and read every event of the type.
Expression indexes, which no model describes (like 0008's).

`place_names` holds every name and text of the stored places once, lowercased as the place
filter compares them, kept by triggers on `places` (a name stays when its places are deleted:
the table only ever says that no place could match). The place filter asks it once first: a
place no document names (a typo, a place not in the news) read every event of the store to
find none (13 s on SQLite at 100,000 documents), where it now reads this small table. A table
of the migrations only (like 0006's `document_search`). On SQLite, when few places bear the
names that match, their events are listed from the places' indexes of (lower(name), id) and
(lower(text), id) (a place named in 33,000 documents and no event's: 1-1.5 s, every event read,
-> 0.1-0.16 s); PostgreSQL reads no place from an expression index alone and keeps its own plan.

Revision ID: 0013
Revises: 0012
Create Date: 2027-02-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | Sequence[str] | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ORDER_INDEX = "ix_events_published_order"
TYPE_INDEX = "ix_events_type_order"
ORDER = "(published IS NULL), published, document_id, ordinal, id"
FILL = {
    "postgresql": "UPDATE events SET published = d.published FROM documents d "
                  "WHERE d.id = events.document_id AND d.published IS NOT NULL",
    "sqlite": "UPDATE events SET published = (SELECT d.published FROM documents d "
              "WHERE d.id = events.document_id)",
}

PLACE_NAMES = {
    "sqlite": [
        """CREATE TRIGGER place_names_insert AFTER INSERT ON places BEGIN
            INSERT OR IGNORE INTO place_names (name) VALUES (lower(new.name)), (lower(new.text));
        END""",
        """CREATE TRIGGER place_names_update AFTER UPDATE OF name, text ON places BEGIN
            INSERT OR IGNORE INTO place_names (name) VALUES (lower(new.name)), (lower(new.text));
        END""",
    ],
    "postgresql": [
        """CREATE OR REPLACE FUNCTION place_names_keep() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            INSERT INTO place_names (name) VALUES (lower(NEW.name)), (lower(NEW.text))
                ON CONFLICT DO NOTHING;
            RETURN NULL;
        END $$""",
        """CREATE TRIGGER place_names_keep AFTER INSERT OR UPDATE OF name, text ON places
            FOR EACH ROW EXECUTE FUNCTION place_names_keep()""",
    ],
}
PLACE_NAMES_DROP = {
    "sqlite": ["DROP TRIGGER IF EXISTS place_names_insert",
               "DROP TRIGGER IF EXISTS place_names_update"],
    "postgresql": ["DROP TRIGGER IF EXISTS place_names_keep ON places",
                   "DROP FUNCTION IF EXISTS place_names_keep()"],
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    # ADD COLUMN in place, never a batch copy (see 0012)
    op.add_column('events', sa.Column('published', sa.DateTime(timezone=True), nullable=True))
    op.execute(FILL[dialect])
    op.execute(f"CREATE INDEX {ORDER_INDEX} ON events ({ORDER})")
    if dialect == "postgresql":
        op.execute(f"CREATE INDEX {TYPE_INDEX} ON events (upper(type), {ORDER})")
    op.create_table('place_names', sa.Column('name', sa.Text(), nullable=False),
                    sa.PrimaryKeyConstraint('name', name=op.f('pk_place_names')))
    op.execute("INSERT INTO place_names (name) SELECT lower(name) FROM places "
               "UNION SELECT lower(text) FROM places")
    for column in ("name", "text"):
        op.execute(f"CREATE INDEX ix_places_{column}_lower ON places (lower({column}), id)")
    for statement in PLACE_NAMES[dialect]:
        op.execute(statement)


def downgrade() -> None:
    for statement in PLACE_NAMES_DROP[op.get_bind().dialect.name]:
        op.execute(statement)
    op.drop_table('place_names')
    for column in ("name", "text"):
        op.execute(f"DROP INDEX IF EXISTS ix_places_{column}_lower")
    op.execute(f"DROP INDEX IF EXISTS {TYPE_INDEX}")
    op.execute(f"DROP INDEX IF EXISTS {ORDER_INDEX}")
    # in place as upgrade adds it (SQLite 3.35 and later; a batch copy would cascade)
    op.execute("ALTER TABLE events DROP COLUMN published")
