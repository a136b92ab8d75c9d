"""The store's actor registry (migration 0009): one row per actor across every document, and the
link from each document's actor to it.

A document's actors (`actors`) are coded from that document alone. The registry joins the
actors that are one across documents ("Trump" in one report, "Donald Trump" in another) and
gives each one code, with the evidence for it: a dated role of the actor dictionary, or the span
of a stored document that described it ("Claudia Sheinbaum, Mexico's president"). A link goes
with its document's actor (ON DELETE CASCADE), so a reprocessed document is linked again when
it is saved; registry rows that no link holds any more are removed in the same transaction.

Import these classes from `wirecoder.store.schema` (which re-exports them), so that
`Base.metadata` always holds every table.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class RegistryActorRow(Base):
    """One actor across documents, with its code and where the code comes from."""

    __tablename__ = "actor_registry"

    id: Mapped[str] = mapped_column(primary_key=True)
    # what joins a document's actor to this one: 'dict:donald trump', 'country:MEX',
    # 'name:claudia sheinbaum' (see actor_registry.registry_key)
    key: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(16))
    # a person's last name word (of the key), for lone surnames to find their person
    surname: Mapped[str | None] = mapped_column(Text, index=True)
    country: Mapped[str | None] = mapped_column(String(8), index=True)
    sector: Mapped[str | None] = mapped_column(String(8), index=True)
    sectors: Mapped[list[Any]]
    # dictionary | text | none: a dated role of the actor dictionary, a stored span, no code
    code_from: Mapped[str] = mapped_column(String(16))
    role: Mapped[str | None] = mapped_column(Text)  # the dictionary's role, or the title in the text
    evidence_document_id: Mapped[str | None]
    evidence_start: Mapped[int | None]
    evidence_end: Mapped[int | None]
    evidence_text: Mapped[str | None] = mapped_column(Text)
    # other codes the documents gave it: [{"country", "sector", "count", "document_id"}, ...]
    conflicts: Mapped[list[Any]]
    documents: Mapped[int]
    mentions: Mapped[int]
    updated_at: Mapped[datetime]


class RegistryLinkRow(Base):
    """A document's actor, joined to its registry actor, with the code its own document gave it
    (`how`: text, dictionary, none)."""

    __tablename__ = "actor_registry_links"

    actor_id: Mapped[str] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True)
    document_id: Mapped[str] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    registry_id: Mapped[str] = mapped_column(index=True)
    name: Mapped[str] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(String(8))
    sector: Mapped[str | None] = mapped_column(String(8))
    how: Mapped[str] = mapped_column(String(16))
    day: Mapped[str | None] = mapped_column(String(10))  # the document's date, YYYY-MM-DD
    evidence_start: Mapped[int | None]
    evidence_end: Mapped[int | None]
    evidence_text: Mapped[str | None] = mapped_column(Text)


# Parents first, as `schema.ALL_TABLES` lists tables.
REGISTRY_TABLES = [RegistryActorRow.__table__, RegistryLinkRow.__table__]
