"""Initial schema: documents, dropped spans, sentences, actors, events and their arguments, quotes,
quantities, claims, times, places, evidence spans and runs.

Revision ID: 0001
Revises: (none)
Create Date: 2025-02-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0001'
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Plain JSON on every backend (json on PostgreSQL, text on SQLite): keeps key order.
JSON = sa.JSON()


def upgrade() -> None:
    op.create_table('runs',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('coder_version', sa.String(), nullable=False),
    sa.Column('config_hash', sa.String(), nullable=True),
    sa.Column('config', JSON, nullable=True),
    sa.Column('stages', JSON, nullable=True),
    sa.Column('wirecoder_version', sa.String(), nullable=True),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('host', sa.String(), nullable=True),
    sa.Column('pid', sa.Integer(), nullable=True),
    sa.Column('workers', sa.Integer(), nullable=True),
    sa.Column('inputs', JSON, nullable=True),
    sa.Column('documents_seen', sa.Integer(), nullable=False),
    sa.Column('documents_stored', sa.Integer(), nullable=False),
    sa.Column('documents_replaced', sa.Integer(), nullable=False),
    sa.Column('documents_skipped', sa.Integer(), nullable=False),
    sa.Column('documents_failed', sa.Integer(), nullable=False),
    sa.Column('events', sa.Integer(), nullable=False),
    sa.Column('quotes', sa.Integer(), nullable=False),
    sa.Column('claims', sa.Integer(), nullable=False),
    sa.Column('quantities', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_runs'))
    )
    op.create_table('documents',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('run_id', sa.String(length=64), nullable=True),
    sa.Column('coder_version', sa.String(), nullable=False),
    sa.Column('schema_version', sa.String(), nullable=False),
    sa.Column('stages', JSON, nullable=False),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.DateTime(timezone=True), nullable=True),
    sa.Column('published_iso', sa.String(), nullable=True),
    sa.Column('language', sa.String(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('original_text', sa.Text(), nullable=False),
    sa.Column('offset_map', JSON, nullable=False),
    sa.Column('metadata', JSON, nullable=False),
    sa.Column('stored_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['run_id'], ['runs.id'], name=op.f('fk_documents_run_id_runs'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents'))
    )
    op.create_index(op.f('ix_documents_coder_version'), 'documents', ['coder_version'], unique=False)
    op.create_index(op.f('ix_documents_published'), 'documents', ['published'], unique=False)
    op.create_index(op.f('ix_documents_run_id'), 'documents', ['run_id'], unique=False)
    op.create_table('actors',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('sectors', JSON, nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_actors_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_actors'))
    )
    op.create_index(op.f('ix_actors_country'), 'actors', ['country'], unique=False)
    op.create_index(op.f('ix_actors_document_id'), 'actors', ['document_id'], unique=False)
    op.create_table('claims',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('verdict', sa.String(length=16), nullable=False),
    sa.Column('explanation', sa.Text(), nullable=False),
    sa.Column('quantity_ids', JSON, nullable=False),
    sa.Column('asserted_by', sa.String(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_claims_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_claims'))
    )
    op.create_index(op.f('ix_claims_document_id'), 'claims', ['document_id'], unique=False)
    op.create_index(op.f('ix_claims_kind'), 'claims', ['kind'], unique=False)
    op.create_index(op.f('ix_claims_verdict'), 'claims', ['verdict'], unique=False)
    op.create_table('dropped_spans',
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('reason', sa.String(length=32), nullable=False),
    sa.Column('duplicate_of_start', sa.Integer(), nullable=True),
    sa.Column('duplicate_of_end', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_dropped_spans_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'ordinal', name=op.f('pk_dropped_spans'))
    )
    op.create_table('events',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('mode', sa.String(), nullable=True),
    sa.Column('context', JSON, nullable=False),
    sa.Column('cameo', sa.String(length=8), nullable=True),
    sa.Column('trigger_start', sa.Integer(), nullable=False),
    sa.Column('trigger_end', sa.Integer(), nullable=False),
    sa.Column('trigger_text', sa.Text(), nullable=False),
    sa.Column('place_id', sa.String(), nullable=True),
    sa.Column('time_id', sa.String(), nullable=True),
    sa.Column('modality', sa.String(length=16), nullable=False),
    sa.Column('asserted_by', sa.String(), nullable=False),
    sa.Column('quote_id', sa.String(), nullable=True),
    sa.Column('sentence_id', sa.String(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('date_precision', sa.String(length=16), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_events_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events'))
    )
    op.create_index(op.f('ix_events_document_id'), 'events', ['document_id'], unique=False)
    op.create_index(op.f('ix_events_event_date'), 'events', ['event_date'], unique=False)
    op.create_index(op.f('ix_events_modality'), 'events', ['modality'], unique=False)
    op.create_index(op.f('ix_events_place_id'), 'events', ['place_id'], unique=False)
    op.create_index(op.f('ix_events_type'), 'events', ['type'], unique=False)
    op.create_table('evidence_spans',
    sa.Column('record_id', sa.String(), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('record_kind', sa.String(length=16), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_evidence_spans_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('record_id', 'role', 'ordinal', name=op.f('pk_evidence_spans'))
    )
    op.create_index(op.f('ix_evidence_spans_document_id'), 'evidence_spans', ['document_id'], unique=False)
    op.create_table('places',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('precision', sa.String(length=16), nullable=False),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('admin1', sa.String(), nullable=True),
    sa.Column('latitude', sa.Float(), nullable=True),
    sa.Column('longitude', sa.Float(), nullable=True),
    sa.Column('geonames_id', sa.BigInteger(), nullable=True),
    sa.Column('feature', sa.String(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_places_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_places'))
    )
    op.create_index(op.f('ix_places_country'), 'places', ['country'], unique=False)
    op.create_index(op.f('ix_places_document_id'), 'places', ['document_id'], unique=False)
    op.create_table('quantities',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('value', sa.Float(), nullable=True),
    sa.Column('value_high', sa.Float(), nullable=True),
    sa.Column('unit', sa.String(), nullable=True),
    sa.Column('normalized_unit', sa.String(), nullable=True),
    sa.Column('approximate', sa.Boolean(), nullable=False),
    sa.Column('change', sa.String(length=8), nullable=False),
    sa.Column('concept_start', sa.Integer(), nullable=True),
    sa.Column('concept_end', sa.Integer(), nullable=True),
    sa.Column('concept_text', sa.Text(), nullable=True),
    sa.Column('time_id', sa.String(), nullable=True),
    sa.Column('place_id', sa.String(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_quantities_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quantities'))
    )
    op.create_index(op.f('ix_quantities_document_id'), 'quantities', ['document_id'], unique=False)
    op.create_table('quotes',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('speaker_start', sa.Integer(), nullable=True),
    sa.Column('speaker_end', sa.Integer(), nullable=True),
    sa.Column('speaker_text', sa.Text(), nullable=True),
    sa.Column('speaker_actor_id', sa.String(), nullable=True),
    sa.Column('speaker_name', sa.Text(), nullable=True),
    sa.Column('anonymous', sa.Boolean(), nullable=False),
    sa.Column('cue_start', sa.Integer(), nullable=True),
    sa.Column('cue_end', sa.Integer(), nullable=True),
    sa.Column('cue_text', sa.Text(), nullable=True),
    sa.Column('addressee_start', sa.Integer(), nullable=True),
    sa.Column('addressee_end', sa.Integer(), nullable=True),
    sa.Column('addressee_text', sa.Text(), nullable=True),
    sa.Column('addressee_actor_id', sa.String(), nullable=True),
    sa.Column('time_id', sa.String(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_quotes_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quotes'))
    )
    op.create_index(op.f('ix_quotes_document_id'), 'quotes', ['document_id'], unique=False)
    op.create_index(op.f('ix_quotes_kind'), 'quotes', ['kind'], unique=False)
    op.create_index(op.f('ix_quotes_speaker_actor_id'), 'quotes', ['speaker_actor_id'], unique=False)
    op.create_table('sentences',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('paragraph', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_sentences_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sentences'))
    )
    op.create_index(op.f('ix_sentences_document_id'), 'sentences', ['document_id'], unique=False)
    op.create_table('times',
    sa.Column('id', sa.String(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('type', sa.String(length=16), nullable=False),
    sa.Column('value', sa.String(), nullable=True),
    sa.Column('granularity', sa.String(), nullable=True),
    sa.Column('interval_start', sa.String(), nullable=True),
    sa.Column('interval_end', sa.String(), nullable=True),
    sa.Column('from_publication_date', sa.Boolean(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_times_document_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_times'))
    )
    op.create_index(op.f('ix_times_document_id'), 'times', ['document_id'], unique=False)
    op.create_table('event_arguments',
    sa.Column('event_id', sa.String(), nullable=False),
    sa.Column('role', sa.String(length=8), nullable=False),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.String(), nullable=False),
    sa.Column('start_char', sa.Integer(), nullable=False),
    sa.Column('end_char', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('actor_id', sa.String(), nullable=True),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], name=op.f('fk_event_arguments_document_id_documents'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_arguments_event_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'role', 'ordinal', name=op.f('pk_event_arguments'))
    )
    op.create_index(op.f('ix_event_arguments_actor_id'), 'event_arguments', ['actor_id'], unique=False)
    op.create_index(op.f('ix_event_arguments_document_id'), 'event_arguments', ['document_id'], unique=False)


def downgrade() -> None:
    # Dropping a table drops its indexes; children before parents.
    for table in ("event_arguments", "evidence_spans", "events", "quotes", "quantities", "claims",
                  "times", "places", "actors", "sentences", "dropped_spans", "documents", "runs"):
        op.drop_table(table)
