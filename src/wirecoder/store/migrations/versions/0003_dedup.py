"""Deduplication: document signatures and duplicate-of links, event clusters and their members.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0003'
down_revision: str | Sequence[str] | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON = sa.JSON()


def upgrade() -> None:
    op.create_table('event_clusters',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('reality', sa.String(length=16), nullable=False),
    sa.Column('source_count', sa.Integer(), nullable=False),
    sa.Column('mentions', sa.Integer(), nullable=False),
    sa.Column('first_report', sa.DateTime(timezone=True), nullable=True),
    sa.Column('last_report', sa.DateTime(timezone=True), nullable=True),
    sa.Column('date', sa.String(length=16), nullable=True),
    sa.Column('date_granularity', sa.String(length=8), nullable=True),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('place_precision', sa.String(length=16), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_event_clusters'))
    )
    op.create_index(op.f('ix_event_clusters_type'), 'event_clusters', ['type'], unique=False)
    op.create_index(op.f('ix_event_clusters_source_count'), 'event_clusters', ['source_count'],
                    unique=False)
    op.create_table('document_signatures',
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('num_perm', sa.Integer(), nullable=False),
    sa.Column('scheme', sa.String(length=16), nullable=False),
    sa.Column('signature', JSON, nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'],
                            name=op.f('fk_document_signatures_document_id_documents'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', name=op.f('pk_document_signatures'))
    )
    op.create_index(op.f('ix_document_signatures_position'), 'document_signatures', ['position'],
                    unique=False)
    op.create_table('document_duplicates',
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('duplicate_of', sa.String(), nullable=False),
    sa.Column('similarity', sa.Float(), nullable=False),
    sa.Column('method', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'],
                            name=op.f('fk_document_duplicates_document_id_documents'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', name=op.f('pk_document_duplicates'))
    )
    op.create_index(op.f('ix_document_duplicates_duplicate_of'), 'document_duplicates',
                    ['duplicate_of'], unique=False)
    op.create_table('event_cluster_members',
    sa.Column('event_id', sa.String(), nullable=False),
    sa.Column('cluster_id', sa.String(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('matched', JSON, nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('joined', sa.String(), nullable=True),
    sa.Column('features', JSON, nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'],
                            name=op.f('fk_event_cluster_members_event_id_events'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['cluster_id'], ['event_clusters.id'],
                            name=op.f('fk_event_cluster_members_cluster_id_event_clusters'),
                            ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'],
                            name=op.f('fk_event_cluster_members_document_id_documents'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', name=op.f('pk_event_cluster_members'))
    )
    op.create_index(op.f('ix_event_cluster_members_cluster_id'), 'event_cluster_members',
                    ['cluster_id'], unique=False)
    op.create_index(op.f('ix_event_cluster_members_document_id'), 'event_cluster_members',
                    ['document_id'], unique=False)
    op.create_index(op.f('ix_event_cluster_members_position'), 'event_cluster_members',
                    ['position'], unique=False)


def downgrade() -> None:
    for table in ("event_cluster_members", "document_duplicates", "document_signatures",
                  "event_clusters"):
        op.drop_table(table)
