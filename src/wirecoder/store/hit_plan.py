"""How the store finds a page of hits, and counts them, on a big store (#26).

A page (`--limit 100`, the API's pages) lists hits in publication order. SQLite knows nothing of
how many events pass a filter, so for a page of a filter no index narrows (every event at the
default confidence, a type, an actor's or place's words, a common country or a long date range)
it read every event, looked each one's document up and sorted every hit before returning 100:
seconds on a 100,000-document store. Such a page now walks the events in the listing's order
(`ix_events_published_order`: each event holds its document's publication time, migration
0013) and stops when the page is full; an indexed date or modality condition is written
`+column` then, so SQLite keeps to the walk. A filter an index narrows to few events (a rare country, a short date range, one
document) still lists them from that index and sorts them: walking would read most of the
store before finding 100. Whether a country or a date range is common is counted from its
index (at least 1 event in 20). PostgreSQL's planner weighs the order itself from its
statistics, but a common country is asked per event there too (an IN over its events made it
hash and sort every one).

The count a page shows (`event_count`) uses the same conditions without the order, and stops
at a bound when asked (`count`): the API's pages count up to COUNT_CAP hits and say so when
there are more.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import func, select

from . import filters as check
from .record_filters import event_conditions, named_places
from .schema import T_DOCS, T_EVENT_COUNTRIES, T_EVENTS, T_PLACE_NAMES, T_PLACES
from .sql import contains

COMMON = 20  # a filter is common when at least 1 event in COMMON passes it
COUNT_CAP = 1_000  # the API's pages count hits up to this many (`exact` false beyond)
NAMES_CAP = 200  # a place filter matching more stored names than this walks the order
ESTIMATE_CAP = 1_000_000  # an unanalysed PostgreSQL table's events, counted up to this many


def listing_order(table: Any) -> list:
    """The store's own order of `table`'s rows: undated documents last, then by publication,
    document and place in it. Events hold their document's publication time (migration 0013),
    and this is their index ix_events_published_order; quotes and claims read it from their
    document (`hits_query` joins it)."""
    published = table.c.published if "published" in table.c else T_DOCS.c.published
    ties = [table.c.document_id, table.c.ordinal]
    return [published.is_(None), published, *ties,
            *([table.c.id] if "published" in table.c else [])]


def hits_query(table: Any, conds: list, limit: int | None = None, offset: int = 0,
               listed: bool = False):
    """SELECT document_id, id of `table`'s rows passing `conds`, in the listings' order
    (`listing_order`): for events, with no join, so that a page can read their order's index
    and stop at its end (`event_hits`). `listed` (events): the hits are listed first, then
    sorted: a subquery with OFFSET 0, which PostgreSQL plans on its own, for a filter judged
    narrow (a place named in 33,000 documents and no event's: PostgreSQL walked all 900,000
    events in order, 1.4 s, where listing its places' events finds none in 0.6 s)."""
    if listed:
        hits = select(table.c.document_id, table.c.id, table.c.published, table.c.ordinal) \
            .where(*conds).offset(0).subquery("hits")
        q = select(hits.c.document_id, hits.c.id).order_by(*listing_order(hits))
        q = q.offset(offset) if offset else q
        return q if (rows := check.limit(limit)) is None else q.limit(rows)
    q = select(table.c.document_id, table.c.id)
    if "published" not in table.c:
        q = q.select_from(table.join(T_DOCS, T_DOCS.c.id == table.c.document_id))
    q = q.where(*conds).order_by(*listing_order(table))
    if offset:
        q = q.offset(offset)
    return q if (rows := check.limit(limit)) is None else q.limit(rows)


def _events(conn) -> int:
    """The events' count without counting them: SQLite's largest rowid (deleted rows aside),
    PostgreSQL's estimate from its statistics (a bounded count before the first ANALYZE)."""
    if conn.dialect.name == "sqlite":
        return conn.exec_driver_sql("SELECT max(rowid) FROM events").scalar() or 0
    estimate = conn.exec_driver_sql(
        "SELECT reltuples FROM pg_class WHERE oid = to_regclass('events')").scalar()
    if estimate is not None and estimate > 0:
        return int(estimate)
    return count(conn, select(T_EVENTS.c.id), ESTIMATE_CAP)


def common_countries(store: Any, codes: list[str]) -> bool:
    """Whether at least 1 event in COMMON has one of `codes`, judged from the index of
    `event_countries` on (country, event_id) by a count that stops once there are enough (an
    event with the country in two roles counts twice: this only chooses the plan). On both
    backends: PostgreSQL's planner, asked an IN over the country's events, hashed every one of
    them and sorted every hit (2-3 s for `--country USA` at 100,000 documents), where asked
    per event it walks the listing's order and stops at the page's end."""
    with store.engine.connect() as conn:
        enough = max(1, _events(conn) // COMMON)
        rows = select(T_EVENT_COUNTRIES.c.event_id).where(T_EVENT_COUNTRIES.c.country.in_(codes))
        return count(conn, rows.limit(enough)) >= enough


def place_names(store: Any, place: str, page: bool = True) -> list[str] | None:
    """The stored place names (lowercased, from `place_names`: migration 0013) that hold `place`
    as the place filter matches it: [] when none does, so that the filter is false before any
    event is read (a place no document names read every event to find none: 13 s on SQLite at
    100,000 documents); the names, when fewer than 1 event in COMMON has a place bearing one
    (counted from the places' indexes of lower(name) and lower(text)), so that its events are
    listed from those places (`page` False, a whole listing: whenever the names are few); None
    when many do, and a page walks the listings' order asking each event's place. PostgreSQL:
    None whenever some name matches (its planner weighs the place filter itself, a semi-join):
    it reads no place from an index of lower(name) alone (no index-only scan of an expression),
    and listing the events of a name borne by 33,000 places took it longer than its own plan."""
    with store.engine.connect() as conn:
        names = list(conn.execute(select(T_PLACE_NAMES.c.name).where(
            contains(T_PLACE_NAMES.c.name, place)).limit(NAMES_CAP + 1)).scalars())
        if not names or len(names) > NAMES_CAP or store.dialect != "sqlite":
            return None if names else []
        if not page:
            return names
        enough = max(1, _events(conn) // COMMON)
        return names if count(conn, select(T_PLACES.c.id).where(
            named_places(names)).limit(enough)) < enough else None


def common_dates(store: Any, since: Any, until: Any) -> bool:
    """Whether at least 1 event in COMMON is dated from `since` to `until` (ix_events_event_date
    counts them, stopping once there are enough)."""
    start, end = check.as_date(since), check.as_date(until)
    conds = [*([T_EVENTS.c.event_date >= start] if start else []),
             *([T_EVENTS.c.event_date <= end] if end else [])]
    if not conds:
        return True
    with store.engine.connect() as conn:
        enough = max(1, _events(conn) // COMMON)
        return count(conn, select(T_EVENTS.c.id).where(*conds).limit(enough)) >= enough


def page_conditions(store: Any, held: Callable, types: Callable, limit: int | None,
                    **filters: Any) -> tuple[list, bool]:
    """The conditions of `filters` for a page of `limit` events in the listings' order (None: the
    whole listing): a common country asked per event, and on SQLite, unless an index narrows the
    filter to few events, its date and modality asked per event too, so that the page walks the
    order (see the module's docstring). With whether an index narrowed it (a country, a date
    range or a place's names judged rare)."""
    judged: dict[tuple[str, ...], bool] = {}
    places: dict[str, list[str] | None] = {}

    def common(codes: list[str]) -> bool:  # a whole listing reads every hit: IN lists them
        if tuple(codes) not in judged:
            judged[tuple(codes)] = limit is not None and common_countries(store, codes)
        return judged[tuple(codes)]

    def named(place: str) -> list[str] | None:
        if place not in places:
            places[place] = place_names(store, place, page=limit is not None)
        return places[place]

    conds = event_conditions(held, types, common=common, named=named, **filters)
    if limit is None or filters.get("document"):
        return conds, False
    narrow = not (all(judged.values()) and all(v is None for v in places.values())
                  and common_dates(store, filters.get("since"), filters.get("until")))
    if store.dialect == "sqlite" and not narrow:
        conds = event_conditions(held, types, common=common, named=named, indexed=False,
                                 **filters)
    return conds, narrow


def event_hits(store: Any, held: Callable, types: Callable, *, limit: int | None = None,
               offset: int = 0, **filters: Any) -> list[tuple[str, str]]:
    """(document id, event id) of the events passing `filters`, in publication order: a page
    walks the order unless an index narrows the filter to few events (`page_conditions`)."""
    conds, narrow = page_conditions(store, held, types, limit, **filters)
    with store.engine.connect() as conn:
        query = hits_query(T_EVENTS, conds, limit, offset=offset,
                           listed=narrow and store.dialect == "postgresql")
        return [(row.document_id, row.id) for row in conn.execute(query)]


def count(conn, query, at_most: int | None = None) -> int:
    """The rows of `query` (a SELECT), counted up to `at_most` + 1 (None: all). A count that
    stops reads at most that many hits, where a store-wide count reads every one: on a
    100,000-document store, seconds for a common filter."""
    inner = query if at_most is None else query.limit(at_most + 1)
    return conn.execute(select(func.count()).select_from(inner.subquery())).scalar_one()


def event_count(store: Any, held: Callable, types: Callable, at_most: int | None = None,
                **filters: Any) -> int:
    """How many events pass `filters`; with `at_most`, counted up to at_most + 1."""
    # a bounded count of a common country stops early asking per event, as a page does
    conds = event_conditions(held, types, common=lambda codes: at_most is not None
                             and common_countries(store, codes),
                             named=lambda place: place_names(store, place, at_most is not None),
                             **filters)
    with store.engine.connect() as conn:
        return count(conn, select(T_EVENTS.c.id).where(*conds), at_most)
