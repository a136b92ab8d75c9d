"""How the store finds a page of hits, and counts them, on a big store (#26).

A page (`--limit 100`, the API's pages) lists hits in publication order. SQLite knows nothing of
how many events pass a filter, so for a page of a filter no index narrows (every event at the
default confidence, a type, an actor's or place's words, a common country or a long date range)
it read every event, looked each one's document up and sorted every hit before returning 100:
seconds on a 100,000-document store. Such a page now walks the documents in the listing's order
(`ix_documents_published_order`) and their events (`ix_events_document_id`) and stops when the
page is full. A filter an index narrows to few events (a rare country, a short date range, one
document) still lists them from that index and sorts them: walking would read most of the
store before finding 100. Whether a country or a date range is common is counted from its
index (at least 1 event in 20). PostgreSQL's planner weighs this itself from its statistics.

The count a page shows (`event_count`) uses the same conditions without the order, and stops
at a bound when asked (`count`): the API's pages count up to COUNT_CAP hits and say so when
there are more.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import exists, func, literal_column, select

from . import filters as check
from .record_filters import event_conditions
from .schema import T_DOCS, T_EVENT_COUNTRIES, T_EVENTS

COMMON = 20  # a filter is common when at least 1 event in COMMON passes it
COUNT_CAP = 1_000  # the API's pages count hits up to this many (`exact` false beyond)


def hits_query(table: Any, conds: list, limit: int | None = None, walk: bool = False,
               offset: int = 0):
    """SELECT document_id, id of `table`'s rows passing `conds`, in publication order (the
    order of the index ix_documents_published_order). `walk` (SQLite): the documents are
    read in that order and the page stops early, where SQLite would look each row's document
    up and sort every hit first (the unary + keeps it from looking documents up by id)."""
    doc_id = literal_column(f"+{T_DOCS.name}.id") if walk else T_DOCS.c.id
    q = (select(table.c.document_id, table.c.id)
         .select_from(table.join(T_DOCS, doc_id == table.c.document_id))
         .where(*conds)
         .order_by(T_DOCS.c.published.is_(None), T_DOCS.c.published, T_DOCS.c.id,
                   table.c.ordinal))
    if offset:
        q = q.offset(offset)
    return q if (rows := check.limit(limit)) is None else q.limit(rows)


def _events(conn) -> int:
    """The events' count without counting them: the largest rowid (deleted rows aside)."""
    return conn.exec_driver_sql("SELECT max(rowid) FROM events").scalar() or 0


def _sample(conn, runs: int = 10, run: int = 100):
    """A sample of the events: `runs` runs of `run` consecutive rowids spread evenly over the
    table (read from the primary key, whatever its size)."""
    step = max(run, _events(conn) // runs)
    ranges = " OR ".join(f"rowid BETWEEN {k * step} AND {k * step + run - 1}"
                         for k in range(runs))
    return select(T_EVENTS.c.id).where(literal_column(f"({ranges})"))


def common_countries(store: Any, codes: list[str]) -> bool:
    """Whether at least 1 event in COMMON has one of `codes` (`event_countries`), judged on a
    sample of the events (counting every event of a common country took 0.2-0.4 s at 100,000
    documents); SQLite only (PostgreSQL's planner weighs it itself: False)."""
    if store.dialect != "sqlite":
        return False
    with store.engine.connect() as conn:
        sample = _sample(conn)
        held = sample.where(exists(select(1).where(
            T_EVENT_COUNTRIES.c.event_id == T_EVENTS.c.id,
            T_EVENT_COUNTRIES.c.country.in_(codes))))
        seen = count(conn, sample)
        return count(conn, held) * COMMON >= seen > 0 or seen == 0 and _any(conn, codes)


def _any(conn, codes: list[str]) -> bool:
    """A store too small for the sample: whether any event has one of `codes`."""
    return count(conn, select(T_EVENT_COUNTRIES.c.event_id).where(
        T_EVENT_COUNTRIES.c.country.in_(codes)), 0) > 0


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


def event_hits(store: Any, held: Callable, types: Callable, *, limit: int | None = None,
               offset: int = 0, **filters: Any) -> list[tuple[str, str]]:
    """(document id, event id) of the events passing `filters`, in publication order: on
    SQLite a page walks the documents in order unless an index narrows the filter to few
    events (see the module's docstring)."""
    narrow: list[bool] = []

    def common(codes: list[str]) -> bool:
        narrow.append(not common_countries(store, codes))
        return not narrow[-1]

    conds = event_conditions(held, types, common=common, **filters)
    walk = False
    if limit is not None and store.dialect == "sqlite" and not filters.get("document"):
        walk = not any(narrow) and common_dates(store, filters.get("since"),
                                                filters.get("until"))
    with store.engine.connect() as conn:
        query = hits_query(T_EVENTS, conds, limit, walk=walk, offset=offset)
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
                             and common_countries(store, codes), **filters)
    with store.engine.connect() as conn:
        return count(conn, select(T_EVENTS.c.id).where(*conds), at_most)
