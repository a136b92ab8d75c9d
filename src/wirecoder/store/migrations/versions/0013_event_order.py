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
is the order itself, so a page reads it and stops. An expression index, which no model
describes (like 0008's).

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
FILL = {
    "postgresql": "UPDATE events SET published = d.published FROM documents d "
                  "WHERE d.id = events.document_id AND d.published IS NOT NULL",
    "sqlite": "UPDATE events SET published = (SELECT d.published FROM documents d "
              "WHERE d.id = events.document_id)",
}


def upgrade() -> None:
    # ADD COLUMN in place, never a batch copy (see 0012)
    op.add_column('events', sa.Column('published', sa.DateTime(timezone=True), nullable=True))
    op.execute(FILL[op.get_bind().dialect.name])
    op.execute(f"CREATE INDEX {ORDER_INDEX} ON events "
               "((published IS NULL), published, document_id, ordinal, id)")


def downgrade() -> None:
    op.execute(f"DROP INDEX IF EXISTS {ORDER_INDEX}")
    # in place as upgrade adds it (SQLite 3.35 and later; a batch copy would cascade)
    op.execute("ALTER TABLE events DROP COLUMN published")
