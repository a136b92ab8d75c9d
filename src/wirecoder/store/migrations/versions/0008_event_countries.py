"""Events: their countries in a table of their own, and a covering index of the documents' stamps.

`event_countries` holds one row per (event, role, country): the country of each source's and
target's actor (role "source", "target") and of the event's place ("place"). The events'
country filter read the arguments, actors and place of every event (an EXISTS per event row:
`wirecoder events --country USA --limit 100` took 0.24 s at 2,000 documents and 3.7 s at
32,000); it is now a lookup in the index on (country, event_id). The store fills the table
when it saves an event; this migration fills it for the events already stored, from the same
rows the filter read.

`ix_documents_published_order` is the order every listing is in (undated last, then by
publication, then by document): a first page (`--limit 100`) walks it and stops, where the
database sorted every hit first. An expression index, which no model describes (like 0006's).

`ix_documents_id_stored_at` lets the API's aggregates (and its cache of rebuilt documents) read
each document's `stored_at` from an index instead of the documents' rows, whose text comes
first on disk.

Revision ID: 0008
Revises: 0007
Create Date: 2027-02-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | Sequence[str] | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ORDER_INDEX = "ix_documents_published_order"
# The rows the country filter matched: an argument's actor, the event's place (once each).
BACKFILL = """
INSERT INTO event_countries (event_id, role, country, document_id)
SELECT a.event_id, a.role, ac.country, min(a.document_id)
  FROM event_arguments a JOIN actors ac ON ac.id = a.actor_id
 WHERE ac.country IS NOT NULL AND ac.country <> ''
 GROUP BY a.event_id, a.role, ac.country
UNION ALL
SELECT e.id, 'place', p.country, e.document_id
  FROM events e JOIN places p ON p.id = e.place_id
 WHERE p.country IS NOT NULL AND p.country <> ''
"""


def upgrade() -> None:
    op.create_table(
        'event_countries',
        sa.Column('event_id', sa.String(), nullable=False),
        sa.Column('role', sa.String(length=8), nullable=False),
        sa.Column('country', sa.String(length=8), nullable=False),
        sa.Column('document_id', sa.String(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'],
                                name=op.f('fk_event_countries_document_id_documents'),
                                ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['event_id'], ['events.id'],
                                name=op.f('fk_event_countries_event_id_events'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('event_id', 'role', 'country', name=op.f('pk_event_countries')),
    )
    op.execute(BACKFILL)
    op.create_index(op.f('ix_event_countries_document_id'), 'event_countries', ['document_id'])
    op.create_index(op.f('ix_event_countries_country_event_id'), 'event_countries',
                    ['country', 'event_id'])
    op.create_index(op.f('ix_documents_id_stored_at'), 'documents', ['id', 'stored_at'])
    op.execute(f"CREATE INDEX {ORDER_INDEX} ON documents ((published IS NULL), published, id)")


def downgrade() -> None:
    op.execute(f"DROP INDEX IF EXISTS {ORDER_INDEX}")
    op.drop_index(op.f('ix_documents_id_stored_at'), table_name='documents')
    op.drop_table('event_countries')
