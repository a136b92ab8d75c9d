"""The SQL conditions of the quote and claim filters (on the table joined to documents), each
value checked first (W041), for `Store.quote_hits` / `claim_hits` and the keyset pages of
`store.event_order`, and those of the event filters (on the events table joined to documents),
for `Store.event_conditions`."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from datetime import UTC, datetime, time, timedelta
from typing import Any

from sqlalchemy import exists, false, func, or_, select

from ..records import MODALITIES
from . import filters as check
from .schema import (
    T_ACTORS,
    T_ARGS,
    T_CLAIMS,
    T_DOCS,
    T_EVENT_COUNTRIES,
    T_EVENTS,
    T_PLACES,
    T_QUOTES,
    T_REGISTRY,
    T_REGISTRY_LINKS,
)
from .sql import contains, exists_per_row, unindexed

Countries = Callable[[], Collection[str]]


def document_dates(since: Any, until: Any) -> list:
    """since/until on the publication date (quotes and claims have no date of their own)."""
    conds = []
    if (start := check.as_date(since)) is not None:
        conds.append(T_DOCS.c.published >= datetime.combine(start, time(), UTC))
    if (end := check.as_date(until)) is not None:
        conds.append(T_DOCS.c.published < datetime.combine(end + timedelta(days=1), time(), UTC))
    return conds


def quote_conditions(held_countries: Countries, *, type: str | Iterable[str] | None = None,
                     actor: str | None = None, country: str | Iterable[str] | None = None,
                     since: Any = None, until: Any = None, modality: Any = None,
                     place: Any = None, document: str | None = None) -> list:
    """Quotes: type is the quote kind (direct, indirect, mixed); actor a substring of the
    speaker; country the speaker's; since/until the publication date."""
    check.not_for("quotes", modality=modality, place=place)
    Q = T_QUOTES
    conds = document_dates(since, until)
    if kinds := check.choices("quote kind", type, check.QUOTE_KINDS):
        conds.append(func.lower(Q.c.kind).in_(kinds))
    if actor:
        conds.append(or_(
            contains(Q.c.speaker_name, actor), contains(Q.c.speaker_text, actor),
            exists(select(1).where(T_ACTORS.c.id == Q.c.speaker_actor_id,
                                   contains(T_ACTORS.c.name, actor)))))
    if codes := check.countries(country, held_countries):
        conds.append(exists(select(1).where(T_ACTORS.c.id == Q.c.speaker_actor_id,
                                            T_ACTORS.c.country.in_(codes))))
    if document:
        conds.append(Q.c.document_id == document)
    return conds


def claim_conditions(held_countries: Countries, *, type: str | Iterable[str] | None = None,
                     actor: str | None = None, country: str | Iterable[str] | None = None,
                     since: Any = None, until: Any = None, modality: Any = None,
                     place: Any = None, verdict: str | Iterable[str] | None = None,
                     document: str | None = None) -> list:
    """Claims: type is the claim kind; actor/country those of whoever asserted it;
    since/until the publication date; verdict."""
    check.not_for("claims", modality=modality, place=place)
    C = T_CLAIMS
    conds = document_dates(since, until)
    if kinds := check.choices("claim kind", type, check.CLAIM_KINDS):
        conds.append(func.lower(C.c.kind).in_(kinds))
    if verdicts := check.choices("verdict", verdict, check.VERDICTS):
        conds.append(func.lower(C.c.verdict).in_(verdicts))
    if actor:
        conds.append(or_(
            contains(C.c.asserted_by, actor),
            exists(select(1).where(T_ACTORS.c.id == C.c.asserted_by,
                                   contains(T_ACTORS.c.name, actor)))))
    if codes := check.countries(country, held_countries):
        conds.append(exists(select(1).where(T_ACTORS.c.id == C.c.asserted_by,
                                            T_ACTORS.c.country.in_(codes))))
    if document:
        conds.append(C.c.document_id == document)
    return conds


def event_conditions(held_countries: Countries, distinct_types: Callable[[], Collection[str]], *,
                     type: str | Iterable[str] | None = None,
                     actor: str | None = None, country: str | Iterable[str] | None = None,
                     since: Any = None, until: Any = None,
                     modality: str | Iterable[str] | None = None, place: str | None = None,
                     document: str | None = None, min_confidence: float | None = None,
                     common: Callable[[list[str]], bool] | None = None,
                     named: Callable[[str], list[str] | None] | None = None,
                     indexed: bool = True) -> list:
    """The SQL conditions on the events table (joined to documents) of the event filters,
    each value checked first (W041).

    type: PLOVER types; actor: a substring of a source's or target's name or mention, or of its
    actor's name in the registry; country: ISO3 of a source or target actor (as its document or
    the registry codes it) or of the event's place; since/until: the
    event's date (see `EventRow.event_date`); modality; place: a substring of the place name;
    min_confidence: only events at least this likely to be right (0 to 1; None keeps all).
    common(codes): whether many events have one of these countries (`Store.common_countries`):
    then the condition is asked per event (EXISTS), so a page walks the documents in order,
    else the country's events are listed from its index (IN); the same events either way.
    named(place): the stored place names that hold `place` (`hit_plan.place_names`): none, and
    the condition is false before any event is read; a few, and the events are listed from the
    places bearing them (IN); None (or no `named`), and it is asked per event.
    indexed False (SQLite): the date and modality are asked of each event read (`+column`), so
    that a page walks the listings' order (`hit_plan.event_hits`) rather than their indexes.
    """
    E = T_EVENTS
    date, modality_of = (E.c.event_date, E.c.modality) if indexed else (
        unindexed(E.c.event_date), unindexed(E.c.modality))
    conds = []
    if min_confidence is not None:
        threshold = check.confidence(min_confidence)
        if threshold > 0:
            conds.append(E.c.confidence >= threshold)
    if types := check.event_types(type, distinct_types):
        conds.append(func.upper(E.c.type).in_(types))
    if mods := check.choices("modality", modality, MODALITIES):
        conds.append(modality_of.in_(mods))
    if (start := check.as_date(since)) is not None:
        conds.append(date >= start)
    if (end := check.as_date(until)) is not None:
        conds.append(date <= end)
    # a party's actor in the registry: its name there ("Donald Trump" for a document's "Trump")
    # and its code there (learned from another document where this one left it uncoded)
    registered = T_ARGS.join(T_REGISTRY_LINKS, T_REGISTRY_LINKS.c.actor_id == T_ARGS.c.actor_id) \
        .join(T_REGISTRY, T_REGISTRY.c.id == T_REGISTRY_LINKS.c.registry_id)
    if actor:
        joined = T_ARGS.outerjoin(T_ACTORS, T_ACTORS.c.id == T_ARGS.c.actor_id)
        conds.append(or_(
            exists_per_row(select(1).select_from(joined).where(
                T_ARGS.c.event_id == E.c.id,
                or_(contains(T_ACTORS.c.name, actor), contains(T_ARGS.c.text, actor)))),
            exists_per_row(select(1).select_from(registered).where(
                T_ARGS.c.event_id == E.c.id, contains(T_REGISTRY.c.name, actor)))))
    if codes := check.countries(country, held_countries):
        # the countries of its actors and place, saved beside the event (migration 0008), and the
        # codes the registry gives its parties (learned in another document: migration 0009)
        C = T_EVENT_COUNTRIES
        if common is not None and common(codes):  # asked per event: a page stops early
            conds.append(or_(
                exists_per_row(select(1).where(C.c.event_id == E.c.id, C.c.country.in_(codes))),
                exists_per_row(select(1).select_from(registered).where(
                    T_ARGS.c.event_id == E.c.id, T_REGISTRY.c.country.in_(codes)))))
        else:  # one IN over both lists: PostgreSQL hashes it, where with an OR of two INs it
            # asked each subquery per event (20 minutes for a page at 100,000 documents)
            conds.append(E.c.id.in_(select(C.c.event_id).where(C.c.country.in_(codes)).union(
                select(T_ARGS.c.event_id).select_from(registered).where(
                    T_REGISTRY.c.country.in_(codes)))))
    if place:
        conds.append(place_condition(place, named(place) if named is not None else None))
    if document:
        conds.append(E.c.document_id == document)
    return conds


def place_condition(place: str, names: list[str] | None) -> Any:
    """An event's place's name or text holds `place`; `names`: the stored names that do
    (`hit_plan.place_names`), or None when not listed."""
    if names == []:  # no event is read (both databases test a false constant first)
        return false()
    if names:  # the places bearing these names (their lower(name), lower(text) indexes)
        return T_EVENTS.c.place_id.in_(select(T_PLACES.c.id).where(named_places(names)))
    return exists(select(1).where(  # a plain EXISTS: PostgreSQL joins the matching places
        T_PLACES.c.id == T_EVENTS.c.place_id,
        or_(contains(T_PLACES.c.name, place), contains(T_PLACES.c.text, place))))


def named_places(names: list[str]) -> Any:
    """Places whose lowercased name or text is one of `names` (read from the indexes of
    lower(name) and lower(text), migration 0013)."""
    return or_(func.lower(T_PLACES.c.name).in_(names), func.lower(T_PLACES.c.text).in_(names))
