"""Store: the actor registry, one row per actor across documents, and each document's actor's
link to it (see store/registry_schema.py).

Revision ID: 0009
Revises: 0008
Create Date: 2027-02-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | Sequence[str] | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'actor_registry',
        sa.Column('id', sa.String(), nullable=False),
        sa.Column('key', sa.Text(), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('surname', sa.Text(), nullable=True),
        sa.Column('country', sa.String(length=8), nullable=True),
        sa.Column('sector', sa.String(length=8), nullable=True),
        sa.Column('sectors', sa.JSON(), nullable=False),
        sa.Column('code_from', sa.String(length=16), nullable=False),
        sa.Column('role', sa.Text(), nullable=True),
        sa.Column('evidence_document_id', sa.String(), nullable=True),
        sa.Column('evidence_start', sa.Integer(), nullable=True),
        sa.Column('evidence_end', sa.Integer(), nullable=True),
        sa.Column('evidence_text', sa.Text(), nullable=True),
        sa.Column('conflicts', sa.JSON(), nullable=False),
        sa.Column('documents', sa.Integer(), nullable=False),
        sa.Column('mentions', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_actor_registry')),
        sa.UniqueConstraint('key', name=op.f('uq_actor_registry_key')),
    )
    op.create_index(op.f('ix_actor_registry_country'), 'actor_registry', ['country'])
    op.create_index(op.f('ix_actor_registry_surname'), 'actor_registry', ['surname'])
    op.create_index(op.f('ix_actor_registry_sector'), 'actor_registry', ['sector'])
    op.create_table(
        'actor_registry_links',
        sa.Column('actor_id', sa.String(), nullable=False),
        sa.Column('document_id', sa.String(), nullable=False),
        sa.Column('registry_id', sa.String(), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('country', sa.String(length=8), nullable=True),
        sa.Column('sector', sa.String(length=8), nullable=True),
        sa.Column('how', sa.String(length=16), nullable=False),
        sa.Column('day', sa.String(length=10), nullable=True),
        sa.Column('evidence_start', sa.Integer(), nullable=True),
        sa.Column('evidence_end', sa.Integer(), nullable=True),
        sa.Column('evidence_text', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ondelete='CASCADE',
                                name=op.f('fk_actor_registry_links_actor_id_actors')),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE',
                                name=op.f('fk_actor_registry_links_document_id_documents')),
        sa.PrimaryKeyConstraint('actor_id', name=op.f('pk_actor_registry_links')),
    )
    op.create_index(op.f('ix_actor_registry_links_document_id'), 'actor_registry_links',
                    ['document_id'])
    op.create_index(op.f('ix_actor_registry_links_registry_id'), 'actor_registry_links',
                    ['registry_id'])


def downgrade() -> None:
    op.drop_table('actor_registry_links')
    op.drop_table('actor_registry')
