"""The store's deduplication tables (migration 0003): duplicate-of links between documents, the
MinHash signatures that let the near-duplicate index grow across runs, and event clusters with
their members.

Nothing is deleted by deduplication: a duplicate document keeps every row and gains a link. Rows
that belong to a document go when the document goes (foreign keys with ON DELETE CASCADE), so a
reprocessed document is clustered again by the next `wirecoder dedup`.

Import these classes from `wirecoder.store.schema` (which re-exports them), so that
`Base.metadata` always holds every table.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class DocumentSignatureRow(Base):
    """A document's MinHash signature, in the order documents joined the index."""

    __tablename__ = "document_signatures"

    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(index=True)
    num_perm: Mapped[int]
    scheme: Mapped[str] = mapped_column(String(16))
    signature: Mapped[list[Any]]
    added_at: Mapped[datetime]


class DocumentDuplicateRow(Base):
    """`document_id` is a near copy of `duplicate_of` (an earlier document, kept as it is)."""

    __tablename__ = "document_duplicates"

    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    # Not a foreign key: the link outlives a reprocessing of the original.
    duplicate_of: Mapped[str] = mapped_column(index=True)
    similarity: Mapped[float]
    method: Mapped[str] = mapped_column(String(32))


class EventClusterRow(Base):
    """One real event: its mentions are `event_cluster_members` rows."""

    __tablename__ = "event_clusters"

    id: Mapped[str] = mapped_column(primary_key=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    reality: Mapped[str] = mapped_column(String(16))
    source_count: Mapped[int] = mapped_column(index=True)
    # outlets, a near copy counting with its original (`dedup.cluster.independent_sources`;
    # migration 0010)
    independent_sources: Mapped[int] = mapped_column(index=True, server_default="0")
    # documents counted under it as their record (`dedup.story_records`; migration 0012)
    reports: Mapped[int] = mapped_column(index=True, server_default="0")
    mentions: Mapped[int]
    first_report: Mapped[datetime | None]
    last_report: Mapped[datetime | None]
    date: Mapped[str | None] = mapped_column(String(16))
    date_granularity: Mapped[str | None] = mapped_column(String(8))
    place_name: Mapped[str | None] = mapped_column(Text)
    place_precision: Mapped[str | None] = mapped_column(String(16))
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    updated_at: Mapped[datetime]


class EventClusterMemberRow(Base):
    """A mention in its cluster, with what matched and the features it was compared on."""

    __tablename__ = "event_cluster_members"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    cluster_id: Mapped[str] = mapped_column(
        ForeignKey("event_clusters.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(index=True)
    matched: Mapped[list[Any]]
    score: Mapped[float]
    joined: Mapped[str | None]
    features: Mapped[dict[str, Any]]


class EventClusterReportRow(Base):
    """A document's story and the record it reports (`dedup.story_records.ReportLink`; migration
    0012): every document `wirecoder dedup` placed in a story, with or without an event."""

    __tablename__ = "event_cluster_reports"

    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    cluster_id: Mapped[str | None] = mapped_column(
        ForeignKey("event_clusters.id", ondelete="SET NULL"), index=True)
    story_id: Mapped[str | None] = mapped_column(String(64), index=True)
    story_score: Mapped[float] = mapped_column(server_default="0")  # its StoryLink's score
    how: Mapped[str] = mapped_column(String(16))  # story-event, story, event or none
    reasons: Mapped[list[Any]]


# Parents first, as `schema.ALL_TABLES` lists tables.
DEDUP_TABLES = [EventClusterRow.__table__, DocumentSignatureRow.__table__,
                DocumentDuplicateRow.__table__, EventClusterMemberRow.__table__,
                EventClusterReportRow.__table__]
