"""Event clusters: their independent sources stored, so the clusters can be sorted and filtered
by them (#22: "which events do several outlets report?").

`independent_sources` is `dedup.cluster.independent_sources` of the cluster's members: distinct
outlets, a near copy counting with its original, a document without a known outlet counting as
its own. `wirecoder dedup` writes it with every cluster it touches; this migration fills it for
the clusters already stored, from the members' stored features (`outlet`, `copy_of`), as the
listing computed it page by page before.

Revision ID: 0010
Revises: 0009
Create Date: 2027-02-04
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0010'
down_revision: str | Sequence[str] | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

MEMBERS = sa.table('event_cluster_members', sa.column('cluster_id', sa.String()),
                   sa.column('features', sa.JSON()), sa.column('position', sa.Integer()))
CLUSTERS = sa.table('event_clusters', sa.column('id', sa.String()),
                    sa.column('independent_sources', sa.Integer()))


def independent(features: list[dict]) -> int:
    """`dedup.cluster.independent_sources` over stored features (kept here as it was when this
    migration was written: a migration does not change with the code)."""
    outlets = {f['document_id']: f.get('outlet') or f"doc:{f['document_id']}" for f in features}
    return len({outlets.get(f['copy_of'], f"doc:{f['copy_of']}") if f.get('copy_of')
                else outlets[f['document_id']] for f in features})


def upgrade() -> None:
    # ADD COLUMN in place, never a batch copy: on SQLite a batch drops the old table, and with
    # foreign keys on that deletes every member row (ON DELETE CASCADE)
    op.add_column('event_clusters', sa.Column('independent_sources', sa.Integer(),
                                              server_default='0', nullable=False))
    op.create_index(op.f('ix_event_clusters_independent_sources'), 'event_clusters',
                    ['independent_sources'])
    conn = op.get_bind()
    members: dict[str, list[dict]] = defaultdict(list)
    for cid, features in conn.execute(sa.select(MEMBERS.c.cluster_id, MEMBERS.c.features)
                                      .order_by(MEMBERS.c.cluster_id, MEMBERS.c.position)):
        members[cid].append(features)
    rows = [{'cid': cid, 'n': independent(fs)} for cid, fs in members.items()]
    for i in range(0, len(rows), 1000):
        conn.execute(CLUSTERS.update().where(CLUSTERS.c.id == sa.bindparam('cid'))
                     .values(independent_sources=sa.bindparam('n')), rows[i:i + 1000])


def downgrade() -> None:
    op.drop_index(op.f('ix_event_clusters_independent_sources'), table_name='event_clusters')
    # in place as upgrade adds it (SQLite 3.35 and later; a batch copy would cascade)
    op.execute("ALTER TABLE event_clusters DROP COLUMN independent_sources")
