"""Store: the records' spans packed per document, offsets only (#26, store/span_pack.py).

`evidence_spans` held one row per span of every record (an actor's mentions and evidence, a
quote's content, ...) with the span's text: about 200 rows a document, with the primary key on
(record_id, role, ordinal) and the document index about 32 KB a document on SQLite, half the
store. `span_packs` holds one row per document: its spans as offsets into its cleaned text (a
span's text is kept only where it is not the text at its offsets). This migration packs the
rows already stored, document by document, and drops `evidence_spans`; the downgrade unpacks
them back. (A SQLite file keeps its size until it is vacuumed: `VACUUM` gives the pages back.)

Revision ID: 0011
Revises: 0010
Create Date: 2027-02-04
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | Sequence[str] | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHUNK = 200  # documents per read and write
_SPAN_COLUMNS = ("record_id", "role", "ordinal", "document_id", "record_kind", "start_char",
                 "end_char", "text")


def _texts(conn, ids: list[str]) -> dict[str, str]:
    docs = sa.table("documents", sa.column("id"), sa.column("text"))
    return {d: t for d, t in conn.execute(sa.select(docs.c.id, docs.c.text)
                                          .where(docs.c.id.in_(ids)))}


def _document_ids(conn) -> list[str]:
    return list(conn.execute(sa.text("SELECT id FROM documents ORDER BY id")).scalars())


def upgrade() -> None:
    from wirecoder.store.span_pack import pack

    op.create_table(
        'span_packs',
        sa.Column('document_id', sa.String(), nullable=False),
        sa.Column('spans', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'],
                                name=op.f('fk_span_packs_document_id_documents'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('document_id', name=op.f('pk_span_packs')),
    )
    conn = op.get_bind()
    spans = sa.table("evidence_spans", *(sa.column(c) for c in _SPAN_COLUMNS))
    packs = sa.table("span_packs", sa.column("document_id"), sa.column("spans"))
    ids = _document_ids(conn)
    for i in range(0, len(ids), CHUNK):
        part = ids[i:i + CHUNK]
        by_doc: dict[str, list[dict]] = defaultdict(list)
        for row in conn.execute(sa.select(spans).where(spans.c.document_id.in_(part))):
            by_doc[row.document_id].append(dict(row._mapping))
        texts = _texts(conn, part)
        conn.execute(sa.insert(packs), [{"document_id": d, "spans": pack(by_doc.get(d, ()), t)}
                                        for d, t in texts.items()])
    op.drop_index(op.f('ix_evidence_spans_document_id'), table_name='evidence_spans')
    op.drop_table('evidence_spans')


def downgrade() -> None:
    from wirecoder.store.span_pack import unpack

    op.create_table(
        'evidence_spans',
        sa.Column('record_id', sa.String(), nullable=False),
        sa.Column('role', sa.String(length=16), nullable=False),
        sa.Column('ordinal', sa.Integer(), nullable=False),
        sa.Column('document_id', sa.String(), nullable=False),
        sa.Column('record_kind', sa.String(length=16), nullable=False),
        sa.Column('start_char', sa.Integer(), nullable=False),
        sa.Column('end_char', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['document_id'], ['documents.id'],
                                name=op.f('fk_evidence_spans_document_id_documents'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('record_id', 'role', 'ordinal', name=op.f('pk_evidence_spans')),
    )
    op.create_index(op.f('ix_evidence_spans_document_id'), 'evidence_spans', ['document_id'],
                    unique=False)
    conn = op.get_bind()
    spans = sa.table("evidence_spans", *(sa.column(c) for c in _SPAN_COLUMNS))
    packs = sa.table("span_packs", sa.column("document_id"), sa.column("spans"))
    ids = _document_ids(conn)
    for i in range(0, len(ids), CHUNK):
        part = ids[i:i + CHUNK]
        texts = _texts(conn, part)
        rows = [r for d, packed in conn.execute(
                    sa.select(packs.c.document_id, packs.c.spans)
                    .where(packs.c.document_id.in_(part)))
                for r in unpack(packed, texts[d], d)]
        if rows:
            conn.execute(sa.insert(spans), rows)
    op.drop_table('span_packs')
