"""The store's tables, as typed SQLAlchemy 2 ORM classes.

One row per record; ids are the records' own deterministic ids. Spans are stored as
`*_start`/`*_end`/`*_text` columns (character offsets into the document's cleaned text); records'
lists of spans (evidence, mentions, quote content) are packed per document in `span_packs`
(offsets only: span_pack.py), and event parties are in `event_arguments`. `ordinal` keeps each list's order so an `Analysis` reads back exactly
as it was saved. Every table but `runs` carries `document_id`, so a document is deleted (or
replaced) with one statement per table.

The tables are created by the Alembic migrations in `migrations/versions`, never by `create_all`;
`tests/test_store.py` checks that the migrations and these classes agree.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    ForeignKey,
    Index,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from .base import NAMING, Base, JSONType  # noqa: F401  (re-exported)
from .dedup_schema import (  # noqa: F401  (re-exported: import them from here)
    DEDUP_TABLES,
    DocumentDuplicateRow,
    DocumentSignatureRow,
    EventClusterMemberRow,
    EventClusterReportRow,
    EventClusterRow,
)
from .registry_schema import (  # noqa: F401  (re-exported: import them from here)
    REGISTRY_TABLES,
    RegistryActorRow,
    RegistryLinkRow,
)


def _doc_fk() -> Any:
    return mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)


class Run(Base):
    """One `ingest` (or `Store.save` session): what coded the documents, when, and how many."""

    __tablename__ = "runs"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    coder_version: Mapped[str]
    config_hash: Mapped[str | None]
    config: Mapped[dict[str, Any] | None]
    stages: Mapped[list[Any] | None]
    wirecoder_version: Mapped[str | None]
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16))  # running | finished | failed | interrupted
    host: Mapped[str | None]
    pid: Mapped[int | None]
    workers: Mapped[int | None]
    inputs: Mapped[list[Any] | None]
    documents_seen: Mapped[int] = mapped_column(default=0)
    documents_stored: Mapped[int] = mapped_column(default=0)
    documents_replaced: Mapped[int] = mapped_column(default=0)
    documents_skipped: Mapped[int] = mapped_column(default=0)
    documents_failed: Mapped[int] = mapped_column(default=0)
    events: Mapped[int] = mapped_column(default=0)
    quotes: Mapped[int] = mapped_column(default=0)
    claims: Mapped[int] = mapped_column(default=0)
    quantities: Mapped[int] = mapped_column(default=0)


class DocumentRow(Base):
    __tablename__ = "documents"
    # migration 0008: each document's stamp read from an index, not from the rows (text first)
    __table_args__ = (Index("ix_documents_id_stored_at", "id", "stored_at"),)

    id: Mapped[str] = mapped_column(primary_key=True)
    run_id: Mapped[str | None] = mapped_column(
        ForeignKey("runs.id", ondelete="SET NULL"), index=True)
    coder_version: Mapped[str] = mapped_column(index=True)
    schema_version: Mapped[str]
    stages: Mapped[list[Any]]
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[datetime | None] = mapped_column(index=True)  # UTC, for queries
    published_iso: Mapped[str | None]  # exactly as analysed, with its UTC offset
    language: Mapped[str]
    text: Mapped[str] = mapped_column(Text)
    original_text: Mapped[str] = mapped_column(Text)
    offset_map: Mapped[list[Any]]  # [[clean_start, orig_start, length], ...]
    meta: Mapped[dict[str, Any]] = mapped_column("metadata", JSONType)
    stored_at: Mapped[datetime]


class DroppedSpanRow(Base):
    """Text removed by cleaning, in offsets of the *original* text."""

    __tablename__ = "dropped_spans"

    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    ordinal: Mapped[int] = mapped_column(primary_key=True)
    start_char: Mapped[int]
    end_char: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(String(32))
    duplicate_of_start: Mapped[int | None]
    duplicate_of_end: Mapped[int | None]


class SentenceRow(Base):
    __tablename__ = "sentences"

    id: Mapped[str] = mapped_column(primary_key=True)
    document_id: Mapped[str] = _doc_fk()
    ordinal: Mapped[int]
    start_char: Mapped[int]
    end_char: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    paragraph: Mapped[int]


class ActorRow(Base):
    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(primary_key=True)
    document_id: Mapped[str] = _doc_fk()
    ordinal: Mapped[int]
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    sectors: Mapped[list[Any]]
    title: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[float]


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[str] = mapped_column(primary_key=True)
    document_id: Mapped[str] = _doc_fk()
    ordinal: Mapped[int]
    type: Mapped[str] = mapped_column(String(32), index=True)
    mode: Mapped[str | None]
    context: Mapped[list[Any]]
    cameo: Mapped[str | None] = mapped_column(String(8))
    trigger_start: Mapped[int]
    trigger_end: Mapped[int]
    trigger_text: Mapped[str] = mapped_column(Text)
    place_id: Mapped[str | None] = mapped_column(index=True)
    time_id: Mapped[str | None]
    modality: Mapped[str] = mapped_column(String(16), index=True)
    asserted_by: Mapped[str]
    quote_id: Mapped[str | None]
    sentence_id: Mapped[str | None]
    confidence: Mapped[float]
    prominence: Mapped[float] = mapped_column(server_default="0.5")
    # Derived when saved, for date filters: the event's own date where a time expression gives
    # one, else the document's publication date; `date_precision` says which.
    event_date: Mapped[date | None] = mapped_column(index=True)
    date_precision: Mapped[str | None] = mapped_column(String(16))
    # migration 0005: the incident the coder links the mention into, and the deaths the report
    # gives it (fatalities_* : the words that speak of them)
    incident_id: Mapped[str | None] = mapped_column(index=True)
    fatalities: Mapped[int | None]
    fatalities_start: Mapped[int | None]
    fatalities_end: Mapped[int | None]
    fatalities_text: Mapped[str | None] = mapped_column(Text)
    # migration 0013: the document's `published`, copied, so that the listings' order (undated
    # last, publication, document, ordinal) is an index of the events themselves
    # (`ix_events_published_order`, an expression index only the migration describes)
    published: Mapped[datetime | None]


class EventArgumentRow(Base):
    """One source or target of an event: the mention and, when resolved, the actor."""

    __tablename__ = "event_arguments"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(8), primary_key=True)  # source | target
    ordinal: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[str] = _doc_fk()
    start_char: Mapped[int]
    end_char: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    actor_id: Mapped[str | None] = mapped_column(index=True)


class EventCountryRow(Base):
    """One country of an event and where it comes from (role): a source's or target's actor
    ("source", "target") or the event's place ("place"), once per (event, role, country).
    Derived from the other rows when the event is saved (migration 0008 filled it for stores
    made before), so the events' country filter is an indexed lookup, not a scan of every
    event's arguments, actors and place. Never read back into an analysis."""

    __tablename__ = "event_countries"
    __table_args__ = (Index("ix_event_countries_country_event_id", "country", "event_id"),)

    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(8), primary_key=True)  # source | target | place
    country: Mapped[str] = mapped_column(String(8), primary_key=True)
    document_id: Mapped[str] = _doc_fk()


class QuoteRow(Base):
    __tablename__ = "quotes"

    id: Mapped[str] = mapped_column(primary_key=True)
    document_id: Mapped[str] = _doc_fk()
    ordinal: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16), index=True)
    speaker_start: Mapped[int | None]
    speaker_end: Mapped[int | None]
    speaker_text: Mapped[str | None] = mapped_column(Text)
    speaker_actor_id: Mapped[str | None] = mapped_column(index=True)
    speaker_name: Mapped[str | None] = mapped_column(Text)
    anonymous: Mapped[bool]
    cue_start: Mapped[int | None]
    cue_end: Mapped[int | None]
    cue_text: Mapped[str | None] = mapped_column(Text)
    addressee_start: Mapped[int | None]
    addressee_end: Mapped[int | None]
    addressee_text: Mapped[str | None] = mapped_column(Text)
    addressee_actor_id: Mapped[str | None]
    time_id: Mapped[str | None]
    confidence: Mapped[float]


class QuantityRow(Base):
    __tablename__ = "quantities"

    id: Mapped[str] = mapped_column(primary_key=True)
    document_id: Mapped[str] = _doc_fk()
    ordinal: Mapped[int]
    start_char: Mapped[int]
    end_char: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    value: Mapped[float | None]
    value_high: Mapped[float | None]
    unit: Mapped[str | None]
    normalized_unit: Mapped[str | None]
    approximate: Mapped[bool]
    change: Mapped[str] = mapped_column(String(8))
    concept_start: Mapped[int | None]
    concept_end: Mapped[int | None]
    concept_text: Mapped[str | None] = mapped_column(Text)
    time_id: Mapped[str | None]
    place_id: Mapped[str | None]
    confidence: Mapped[float]


class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[str] = mapped_column(primary_key=True)
    document_id: Mapped[str] = _doc_fk()
    ordinal: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16), index=True)
    verdict: Mapped[str] = mapped_column(String(16), index=True)
    explanation: Mapped[str] = mapped_column(Text)
    quantity_ids: Mapped[list[Any]]
    asserted_by: Mapped[str]
    confidence: Mapped[float]


class TimeRow(Base):
    __tablename__ = "times"

    id: Mapped[str] = mapped_column(primary_key=True)
    document_id: Mapped[str] = _doc_fk()
    ordinal: Mapped[int]
    start_char: Mapped[int]
    end_char: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(16))
    value: Mapped[str | None]
    granularity: Mapped[str | None]
    interval_start: Mapped[str | None]
    interval_end: Mapped[str | None]
    from_publication_date: Mapped[bool]
    confidence: Mapped[float]


class PlaceRow(Base):
    __tablename__ = "places"

    id: Mapped[str] = mapped_column(primary_key=True)
    document_id: Mapped[str] = _doc_fk()
    ordinal: Mapped[int]
    start_char: Mapped[int]
    end_char: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    precision: Mapped[str] = mapped_column(String(16))
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    admin1: Mapped[str | None]
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    geonames_id: Mapped[int | None] = mapped_column(BigInteger)
    feature: Mapped[str | None]
    confidence: Mapped[float]


class SpanPackRow(Base):
    """Every span list of a document's records (evidence of all kinds, actors' mentions, quotes'
    content), packed as offsets into the document's text (span_pack.py, migration 0011, which
    replaced the `evidence_spans` table of one row per span)."""

    __tablename__ = "span_packs"

    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    spans: Mapped[str] = mapped_column(Text)


class FailureRow(Base):
    """An input that did not become a stored document, and why: an unreadable record (a bad
    JSONL line, a file in a broken encoding), an analysis that raised, a document the store
    refused. A log, kept per run: a later run that stores the document does not erase it."""

    __tablename__ = "failures"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    run_id: Mapped[str | None] = mapped_column(
        ForeignKey("runs.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[str | None] = mapped_column(index=True)  # None when it was never read
    source: Mapped[str | None] = mapped_column(Text)  # file, file:line, URL
    code: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(Text)
    failed_at: Mapped[datetime]


class StoreChangeRow(Base):
    """One row (id 1): a counter every write that changes the stored documents adds one to,
    in the writer's own transaction (migration 0007). Readers that keep answers (the API's
    cache) compare it, one primary-key read, instead of scanning the documents."""

    __tablename__ = "store_changes"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    generation: Mapped[int] = mapped_column(BigInteger)


# Children first: the order in which a document's rows are deleted.
DOCUMENT_TABLES = [
    EventCountryRow.__table__, SpanPackRow.__table__, EventArgumentRow.__table__,
    EventRow.__table__, QuoteRow.__table__, QuantityRow.__table__, ClaimRow.__table__,
    TimeRow.__table__, PlaceRow.__table__, ActorRow.__table__, SentenceRow.__table__,
    DroppedSpanRow.__table__, DocumentRow.__table__,
]
ALL_TABLES = [Run.__table__, *reversed(DOCUMENT_TABLES), FailureRow.__table__]
# The tables of rows derived from a document's other rows when it is saved: never read back.
DERIVED_TABLES = {EventCountryRow.__tablename__}

# The deduplication tables (migration 0003) live in their own module.
ALL_TABLES = [*ALL_TABLES, *DEDUP_TABLES, StoreChangeRow.__table__]
# The actor registry (migration 0009) too.
ALL_TABLES = [*ALL_TABLES, *REGISTRY_TABLES]

# Every name and text of the stored places once, lowercased (migration 0013, kept by triggers on
# `places`): a table of the migrations only, which the place filter asks first.
T_PLACE_NAMES = Table("place_names", MetaData(), Column("name", Text, primary_key=True))

# The tables as SQLAlchemy Core objects, for queries (one name each, shared by the store modules).
T_DOCS: Table = DocumentRow.__table__  # type: ignore[assignment]
T_EVENTS: Table = EventRow.__table__  # type: ignore[assignment]
T_ARGS: Table = EventArgumentRow.__table__  # type: ignore[assignment]
T_EVENT_COUNTRIES: Table = EventCountryRow.__table__  # type: ignore[assignment]
T_ACTORS: Table = ActorRow.__table__  # type: ignore[assignment]
T_PLACES: Table = PlaceRow.__table__  # type: ignore[assignment]
T_QUOTES: Table = QuoteRow.__table__  # type: ignore[assignment]
T_CLAIMS: Table = ClaimRow.__table__  # type: ignore[assignment]
T_SPAN_PACKS: Table = SpanPackRow.__table__  # type: ignore[assignment]
T_RUNS: Table = Run.__table__  # type: ignore[assignment]
T_FAILURES: Table = FailureRow.__table__  # type: ignore[assignment]
T_CHANGES: Table = StoreChangeRow.__table__  # type: ignore[assignment]
T_REGISTRY: Table = RegistryActorRow.__table__  # type: ignore[assignment]
T_REGISTRY_LINKS: Table = RegistryLinkRow.__table__  # type: ignore[assignment]
