"""Events: prominence (how central an event is to its sentence), beside the calibrated confidence.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0004'
down_revision: str | Sequence[str] | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('prominence', sa.Float(), server_default='0.5', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.drop_column('prominence')
