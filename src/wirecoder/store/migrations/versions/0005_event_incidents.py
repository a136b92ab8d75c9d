"""Events: the incident the coder links a mention into, and the deaths the report gives it.

Revision ID: 0005
Revises: 0004
Create Date: 2027-01-12
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0005'
down_revision: str | Sequence[str] | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('incident_id', sa.String(), nullable=True))
        batch.add_column(sa.Column('fatalities', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('fatalities_start', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('fatalities_end', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('fatalities_text', sa.Text(), nullable=True))
        batch.create_index('ix_events_incident_id', ['incident_id'])


def downgrade() -> None:
    with op.batch_alter_table('events') as batch:
        batch.drop_index('ix_events_incident_id')
        for name in ('fatalities_text', 'fatalities_end', 'fatalities_start', 'fatalities',
                     'incident_id'):
            batch.drop_column(name)
