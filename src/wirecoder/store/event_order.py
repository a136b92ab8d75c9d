"""Events, quotes or claims in a chosen order, a page at a time, by keyset (the dashboard's
tables, the events CSV).

    page = event_page(store, sort="date", order="desc", limit=100, type="ASSAULT")
    nxt = event_page(store, sort="date", order="desc", limit=100, after=page.hits[-1][1])
    quotes = event_page(store, kind="quotes", sort="speaker", actor="Hegseth")

A page starts after (or ends before) a given event, found by the values of its sort columns, so
going deep costs what the first page costs (no OFFSET scan) and rows added or removed elsewhere
never shift a page by a row. Ties keep the store's own order (publication date, document id,
the event's place in it, event id), so every order is total and the same every time; events
without a value (an undated event) come last whichever way the key runs. The filters are those
of `Store.event_hits`, `quote_hits` and `claim_hits`, checked there (W041).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Table, and_, false, func, literal, or_, select, tuple_

from .errors import BadFilter
from .hit_plan import count, page_conditions
from .record_filters import claim_conditions, quote_conditions
from .repository import T_ACTORS, T_CLAIMS, T_DOCS, T_EVENTS, T_QUOTES, Store

# sort name -> (column, may be NULL)
SORTS: dict[str, tuple[Any, bool]] = {
    "date": (T_EVENTS.c.event_date, True),
    "published": (T_EVENTS.c.published, True),  # its document's (migration 0013)
    "confidence": (T_EVENTS.c.confidence, False),
    "type": (T_EVENTS.c.type, False),
    "modality": (T_EVENTS.c.modality, False),
}
# the speaker as the quote rows show it: the name given, else the actor's, else the words
_SPEAKER = func.lower(func.coalesce(
    func.nullif(T_QUOTES.c.speaker_name, ""),
    select(T_ACTORS.c.name).where(T_ACTORS.c.id == T_QUOTES.c.speaker_actor_id).scalar_subquery(),
    func.nullif(T_QUOTES.c.speaker_text, "")))
QUOTE_SORTS: dict[str, tuple[Any, bool]] = {
    "published": (T_DOCS.c.published, True),
    "speaker": (_SPEAKER, True),
    "kind": (T_QUOTES.c.kind, False),
    "confidence": (T_QUOTES.c.confidence, False),
}
CLAIM_SORTS: dict[str, tuple[Any, bool]] = {
    "published": (T_DOCS.c.published, True),
    "kind": (T_CLAIMS.c.kind, False),
    "verdict": (T_CLAIMS.c.verdict, False),
    "confidence": (T_CLAIMS.c.confidence, False),
}
ORDERS = ("asc", "desc")


@dataclass(frozen=True)
class Kind:
    """A table that pages: its sorts and the conditions of its filters."""

    table: Table
    sorts: dict[str, tuple[Any, bool]]
    conditions: Callable[..., list]  # (store, **filters) -> SQL conditions

    @property
    def ties(self) -> tuple:
        return (self.table.c.document_id, self.table.c.ordinal, self.table.c.id)

    @property
    def published(self) -> Any:
        """The publication time: the event's copy of it, else its document's."""
        return self.table.c.get("published", T_DOCS.c.published)


KINDS = {
    "events": Kind(T_EVENTS, SORTS, lambda store, **f: store.event_conditions(**f)),
    "quotes": Kind(T_QUOTES, QUOTE_SORTS, lambda store, **f: quote_conditions(store.held_countries, **f)),
    "claims": Kind(T_CLAIMS, CLAIM_SORTS, lambda store, **f: claim_conditions(store.held_countries, **f)),
}


def nulls_last(column: Any, desc: bool) -> list[tuple[Any, bool]]:
    """`column IS NULL`, always ascending, then the column: NULLs last whichever way it runs (the
    leading expression of ix_events_published_order, so the published sort reads that index)."""
    return [(column.is_(None), False), (column, desc)]


@dataclass
class EventPage:
    total: int  # events passing the filters (with exact false, at least this many)
    start: int  # events before the first one on this page (with exact false, at least)
    hits: list[tuple[str, str]] = field(default_factory=list)  # (document id, event id)
    exact: bool = True  # the counts are exact (they stop at `count_cap`)
    more: bool = False  # records lie beyond the page in the direction it was read

    @property
    def has_previous(self) -> bool:
        return self.start > 0

    @property
    def has_next(self) -> bool:
        if self.exact:
            return self.start + len(self.hits) < self.total
        return self.more


def _columns(kind: Kind, sort: str, order: str) -> list[tuple[Any, bool]]:
    """(expression, descending) from the first sort column to the last tie-breaker."""
    if sort not in kind.sorts:
        raise BadFilter(f"unknown sort {sort!r}; choose from {', '.join(kind.sorts)}")
    if order not in ORDERS:
        raise BadFilter(f"unknown order {order!r}; choose from asc, desc")
    column, nullable = kind.sorts[sort]
    key = nulls_last(column, order == "desc") if nullable else [(column, order == "desc")]
    if sort != "published":  # ties in the store's own order: by publication, then as written
        key += nulls_last(kind.published, False)
    return key + [(tie, False) for tie in kind.ties]


def beyond(columns: list[tuple[Any, bool]], values: tuple, forward: bool) -> ColumnElement:
    """Rows after (`forward`) or before the row holding `values`, in the order of `columns`:
    (a > x) or (a = x and b > y) or ..., each comparison turned by its column's direction. A
    NULL value (an undated row's key) is equal to every other NULL in its group: skipped. When
    every column runs one way, the same as one row comparison, (a, b, ...) > (x, y, ...), which
    both databases read as a range of an index in that order (a page deep in the published
    sort starts where its cursor is, rather than reading every row before it)."""
    known = [((expr, desc), literal(value, expr.type))
             for (expr, desc), value in zip(columns, values, strict=True) if value is not None]
    if not known:
        return false()
    if len({desc for (_, desc), _ in known}) == 1:
        row, at = tuple_(*[e for (e, _), _ in known]), tuple_(*[v for _, v in known])
        return (row < at) if known[0][0][1] == forward else (row > at)
    terms, equal = [], []
    for (expr, desc), value in known:
        later = (expr < value) if desc == forward else (expr > value)
        terms.append(and_(*equal, later))
        equal.append(expr == value)
    return or_(*terms)


def _joined(table: Table):
    """The table, joined to its documents when its order needs their publication time."""
    if "published" in table.c:
        return table
    return table.join(T_DOCS, T_DOCS.c.id == table.c.document_id)


def _select(table: Table, columns: list[tuple[Any, bool]], conds: list, forward: bool = True):
    order = [(expr.desc() if desc == forward else expr.asc()) for expr, desc in columns]
    return (select(table.c.document_id, table.c.id, *[expr for expr, _ in columns])
            .select_from(_joined(table)).where(*conds).order_by(*order))


def _values_of(conn, table: Table, columns: list[tuple[Any, bool]], record_id: str) -> tuple:
    row = conn.execute(_select(table, columns, [table.c.id == record_id])).first()
    if row is None:
        raise BadFilter(f"no record {record_id!r} in the store to page from; "
                        "start again from the first page")
    return tuple(row[2:])


def _kind(name: str) -> Kind:
    if name not in KINDS:
        raise BadFilter(f"unknown record kind {name!r}; choose from {', '.join(KINDS)}")
    return KINDS[name]


def event_page(store: Store, *, kind: str = "events", sort: str = "published", order: str = "asc",
               limit: int = 100, after: str | None = None, before: str | None = None,
               last: bool = False, count_cap: int | None = None,
               **filters: Any) -> EventPage:
    """One page of `limit` records of `kind` (events, quotes, claims) passing `filters` in the
    order `sort` `order`: the first page, the one after the record `after`, the one before the
    record `before`, or (`last`) the last page (the `total % limit` records at the end, or
    `limit` when that is 0). With `count_cap` (the API's: hit_plan.COUNT_CAP) the counts
    (total, start) stop past `count_cap` + `limit` records, where counting every hit of a big
    store takes seconds: the page then says `exact` false and whether there is `more`."""
    if sum(bool(x) for x in (after, before, last)) > 1:
        raise BadFilter("give one of after, before and last")
    if limit < 1:
        raise BadFilter(f"limit must be 1 or more, not {limit}")
    spec = _kind(kind)
    table, columns = spec.table, _columns(spec, sort, order)
    given = {k: v for k, v in filters.items() if v not in (None, "")}
    if kind == "events" and sort == "published":  # the listings' order: a page may walk it
        conds, _ = page_conditions(store, store.held_countries, store._event_types, limit,
                                   **given)
    else:
        conds = spec.conditions(store, **given)
    forward = not (before or last)
    # the counts stop at count_cap (the last page needs the exact total)
    cap = None if last or count_cap is None else count_cap + limit
    with store.engine.connect() as conn:
        hits_of = select(table.c.id).select_from(_joined(table))
        total = count(conn, hits_of.where(*conds), cap)
        where = list(conds)
        if cursor := after or before:
            where.append(beyond(columns, _values_of(conn, table, columns, cursor), forward))
        # the last page holds what the pages before it leave, so paging back from it meets
        # the pages paging forward gives
        size = (total % limit or limit) if last else limit
        rows = conn.execute(_select(table, columns, where, forward).limit(size + 1)).all()
        more = len(rows) > size
        rows = rows[:size]
        if not forward:
            rows.reverse()
        hits = [(r.document_id, r.id) for r in rows]
        if last:
            start = max(0, total - len(hits))
        elif not cursor:
            start = 0
        elif rows:
            first = beyond(columns, tuple(rows[0][2:]), forward=False)
            start = count(conn, hits_of.where(*conds, first), cap)
        else:
            start = total if after else 0
    exact = cap is None or (total <= cap and start <= cap)
    if not exact and before:
        more = True  # the record `before` names comes after this page
    return EventPage(total=total, start=start, hits=hits, exact=exact, more=more)


def iter_event_hits(store: Store, *, sort: str = "published", order: str = "asc",
                    batch: int = 1000, **filters: Any) -> Iterator[list[tuple[str, str]]]:
    """Every event passing `filters` in the order `sort` `order`, as batches of (document id,
    event id): one keyset query per batch, so a large store streams in bounded memory. The
    filters are checked before the first batch is yielded."""
    columns = _columns(KINDS["events"], sort, order)
    conds = store.event_conditions(**{k: v for k, v in filters.items() if v not in (None, "")})
    values: tuple | None = None
    while True:
        where = conds if values is None else [*conds, beyond(columns, values, True)]
        with store.engine.connect() as conn:
            rows = conn.execute(_select(T_EVENTS, columns, where).limit(batch)).all()
        if not rows:
            return
        yield [(r.document_id, r.id) for r in rows]
        if len(rows) < batch:
            return
        values = tuple(rows[-1][2:])
