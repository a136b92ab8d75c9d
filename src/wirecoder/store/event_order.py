"""Events in a chosen order, a page at a time, by keyset (the dashboard's events table, its CSV).

    page = event_page(store, sort="date", order="desc", limit=100, type="ASSAULT")
    nxt = event_page(store, sort="date", order="desc", limit=100, after=page.hits[-1][1])

A page starts after (or ends before) a given event, found by the values of its sort columns, so
going deep costs what the first page costs (no OFFSET scan) and rows added or removed elsewhere
never shift a page by a row. Ties keep the store's own order (publication date, document id,
the event's place in it, event id), so every order is total and the same every time; events
without a value (an undated event) come last whichever way the key runs. The filters are those of `Store.event_hits`, checked there (W041).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, and_, case, false, func, or_, select

from .errors import BadFilter
from .repository import T_DOCS, T_EVENTS, Store

# sort name -> (column, may be NULL)
SORTS: dict[str, tuple[Any, bool]] = {
    "date": (T_EVENTS.c.event_date, True),
    "published": (T_DOCS.c.published, True),
    "confidence": (T_EVENTS.c.confidence, False),
    "type": (T_EVENTS.c.type, False),
    "modality": (T_EVENTS.c.modality, False),
}
ORDERS = ("asc", "desc")
_TIES = (T_EVENTS.c.document_id, T_EVENTS.c.ordinal, T_EVENTS.c.id)


def _nulls_last(column: Any, desc: bool) -> list[tuple[Any, bool]]:
    """A 0/1 flag, always ascending, then the column: NULLs last whichever way it runs."""
    return [(case((column.is_(None), 1), else_=0), False), (column, desc)]


@dataclass
class EventPage:
    total: int  # events passing the filters
    start: int  # events before the first one on this page
    hits: list[tuple[str, str]] = field(default_factory=list)  # (document id, event id)

    @property
    def has_previous(self) -> bool:
        return self.start > 0

    @property
    def has_next(self) -> bool:
        return self.start + len(self.hits) < self.total


def _columns(sort: str, order: str) -> list[tuple[Any, bool]]:
    """(expression, descending) from the first sort column to the last tie-breaker."""
    if sort not in SORTS:
        raise BadFilter(f"unknown sort {sort!r}; choose from {', '.join(SORTS)}")
    if order not in ORDERS:
        raise BadFilter(f"unknown order {order!r}; choose from asc, desc")
    column, nullable = SORTS[sort]
    key = _nulls_last(column, order == "desc") if nullable else [(column, order == "desc")]
    if sort != "published":  # ties in the store's own order: by publication, then as written
        key += _nulls_last(T_DOCS.c.published, False)
    return key + [(tie, False) for tie in _TIES]


def _beyond(columns: list[tuple[Any, bool]], values: tuple, forward: bool) -> ColumnElement:
    """Rows after (`forward`) or before the row holding `values`, in the order of `columns`:
    (a > x) or (a = x and b > y) or ..., each comparison turned by its column's direction. A
    NULL value (an undated row's key) is equal to every other NULL in its group: skipped."""
    terms, equal = [], []
    for (expr, desc), value in zip(columns, values, strict=True):
        if value is None:
            continue
        later = (expr < value) if desc == forward else (expr > value)
        terms.append(and_(*equal, later))
        equal.append(expr == value)
    return or_(*terms) if terms else false()


def _select(columns: list[tuple[Any, bool]], conds: list, forward: bool = True):
    order = [(expr.desc() if desc == forward else expr.asc()) for expr, desc in columns]
    return (select(T_EVENTS.c.document_id, T_EVENTS.c.id, *[expr for expr, _ in columns])
            .select_from(T_EVENTS.join(T_DOCS, T_DOCS.c.id == T_EVENTS.c.document_id))
            .where(*conds).order_by(*order))


def _values_of(conn, columns: list[tuple[Any, bool]], event_id: str) -> tuple:
    row = conn.execute(_select(columns, [T_EVENTS.c.id == event_id])).first()
    if row is None:
        raise BadFilter(f"no event {event_id!r} in the store to page from; "
                        "start again from the first page")
    return tuple(row[2:])


def event_page(store: Store, *, sort: str = "published", order: str = "asc", limit: int = 100,
               after: str | None = None, before: str | None = None, last: bool = False,
               **filters: Any) -> EventPage:
    """One page of `limit` events passing `filters` in the order `sort` `order`: the first
    page, the one after the event `after`, the one before the event `before`, or (`last`) the
    last page (the `total % limit` events at the end, or `limit` when that is 0)."""
    if sum(bool(x) for x in (after, before, last)) > 1:
        raise BadFilter("give one of after, before and last")
    if limit < 1:
        raise BadFilter(f"limit must be 1 or more, not {limit}")
    columns = _columns(sort, order)
    conds = store.event_conditions(**{k: v for k, v in filters.items() if v not in (None, "")})
    forward = not (before or last)
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(
            T_EVENTS.join(T_DOCS, T_DOCS.c.id == T_EVENTS.c.document_id)).where(*conds)).scalar_one()
        where = list(conds)
        if cursor := after or before:
            where.append(_beyond(columns, _values_of(conn, columns, cursor), forward))
        # the last page holds what the pages before it leave, so paging back from it meets
        # the pages paging forward gives
        size = (total % limit or limit) if last else limit
        rows = conn.execute(_select(columns, where, forward).limit(size)).all()
        if not forward:
            rows.reverse()
        hits = [(r.document_id, r.id) for r in rows]
        if last:
            start = max(0, total - len(hits))
        elif not cursor:
            start = 0
        elif rows:
            first = _beyond(columns, tuple(rows[0][2:]), forward=False)
            start = conn.execute(select(func.count()).select_from(
                T_EVENTS.join(T_DOCS, T_DOCS.c.id == T_EVENTS.c.document_id))
                .where(*conds, first)).scalar_one()
        else:
            start = total if after else 0
    return EventPage(total=total, start=start, hits=hits)


def iter_event_hits(store: Store, *, sort: str = "published", order: str = "asc",
                    batch: int = 1000, **filters: Any) -> Iterator[list[tuple[str, str]]]:
    """Every event passing `filters` in the order `sort` `order`, as batches of (document id,
    event id): one keyset query per batch, so a large store streams in bounded memory. The
    filters are checked before the first batch is yielded."""
    columns = _columns(sort, order)
    conds = store.event_conditions(**{k: v for k, v in filters.items() if v not in (None, "")})
    values: tuple | None = None
    while True:
        where = conds if values is None else [*conds, _beyond(columns, values, True)]
        with store.engine.connect() as conn:
            rows = conn.execute(_select(columns, where).limit(batch)).all()
        if not rows:
            return
        yield [(r.document_id, r.id) for r in rows]
        if len(rows) < batch:
            return
        values = tuple(rows[-1][2:])
