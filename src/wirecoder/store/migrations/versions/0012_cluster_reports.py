"""Event clusters: the reports each record counts (#21).

`event_cluster_reports` holds, for every document `wirecoder dedup` placed in a story, its story
(with the similarity it joined by) and the record it reports (`dedup.story_records`): its
story's record when it reports it or the evidence says it does, else its main event's cluster,
with how and why. `event_clusters.reports` counts the documents under each record. Both are
rewritten by every `wirecoder dedup` run from the clusters and stories it holds; this migration
leaves them empty (0) until the next run.

Revision ID: 0012
Revises: 0011
Create Date: 2027-02-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | Sequence[str] | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # ADD COLUMN in place, never a batch copy: on SQLite a batch drops the old table, and with
    # foreign keys on that deletes every member row (ON DELETE CASCADE)
    op.add_column('event_clusters', sa.Column('reports', sa.Integer(), server_default='0',
                                              nullable=False))
    op.create_index(op.f('ix_event_clusters_reports'), 'event_clusters', ['reports'])
    op.create_table(
        'event_cluster_reports',
        sa.Column('document_id', sa.String(), nullable=False),
        sa.Column('cluster_id', sa.String(), nullable=True),
        sa.Column('story_id', sa.String(length=64), nullable=True),
        sa.Column('story_score', sa.Float(), server_default='0', nullable=False),
        sa.Column('how', sa.String(length=16), nullable=False),
        sa.Column('reasons', sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(['cluster_id'], ['event_clusters.id'],
                                name=op.f('fk_event_cluster_reports_cluster_id_event_clusters'),
                                ondelete='SET NULL'),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'],
                                name=op.f('fk_event_cluster_reports_document_id_documents'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('document_id', name=op.f('pk_event_cluster_reports')),
    )
    op.create_index(op.f('ix_event_cluster_reports_cluster_id'), 'event_cluster_reports',
                    ['cluster_id'])
    op.create_index(op.f('ix_event_cluster_reports_story_id'), 'event_cluster_reports',
                    ['story_id'])


def downgrade() -> None:
    op.drop_index(op.f('ix_event_cluster_reports_story_id'), table_name='event_cluster_reports')
    op.drop_index(op.f('ix_event_cluster_reports_cluster_id'), table_name='event_cluster_reports')
    op.drop_table('event_cluster_reports')
    op.drop_index(op.f('ix_event_clusters_reports'), table_name='event_clusters')
    # in place as upgrade adds it (SQLite 3.35 and later; a batch copy would cascade)
    op.execute("ALTER TABLE event_clusters DROP COLUMN reports")
