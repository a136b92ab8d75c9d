"""Stored event clusters in a chosen order, a page at a time by keyset (`wirecoder clusters`,
/api/clusters/table, the dashboard's Clusters tab).

    page = cluster_page(store, sort="sources", order="desc", limit=100, min_sources=2)
    nxt = cluster_page(store, sort="sources", order="desc", limit=100, after=page.rows[-1]["id"])

A page starts after (or ends before) a given cluster, found by the values of its sort columns
(`store.event_order.beyond`), so going deep costs what the first page costs. Ties go by cluster
id; clusters without a value (no date, no dated report) come last whichever way the key runs.

Each row is a cluster as `wirecoder dedup` stored it (type and reality of its best coding,
documents reporting it, mentions, first and last report, most precise date and place), with
its independent sources (`cluster.independent_sources`: a near copy counts with its original;
sort `independent`), the documents counted under it as their record (`story_records`, migration
0012; sort `reports`; each with how and why), and what is read from its members for the page alone: its story, and its best
coding (the mention of highest confidence, first of equals: its event, document, trigger,
CAMEO code, parties and confidence).

Filters: `type` (comma-separated PLOVER types), `min_sources` (documents reporting it),
`min_independent` (independent sources: outlets, stored by `wirecoder dedup`, migration 0010),
`since` / `until` (reported within the span: last report on or after `since`, first report
on or before `until`), `place` (a substring of the place name) and `min_confidence` (its best
coding at least this likely to be right). A filter no cluster can pass is W041.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import exists, func, select

from ..store import filters as check
from ..store.errors import BadFilter
from ..store.event_order import ORDERS, beyond, nulls_last
from ..store.repository import T_ACTORS, T_ARGS, T_DOCS, T_EVENTS, Store
from ..store.schema import EventClusterMemberRow, EventClusterReportRow, EventClusterRow
from .records import EventMention

T_CLUSTERS = EventClusterRow.__table__
T_MEMBERS = EventClusterMemberRow.__table__
T_REPORTS = EventClusterReportRow.__table__

# sort name -> (column, may be NULL)
CLUSTER_SORTS: dict[str, tuple[Any, bool]] = {
    "sources": (T_CLUSTERS.c.source_count, False),
    "independent": (T_CLUSTERS.c.independent_sources, False),
    "reports": (T_CLUSTERS.c.reports, False),
    "mentions": (T_CLUSTERS.c.mentions, False),
    "first_report": (T_CLUSTERS.c.first_report, True),
    "last_report": (T_CLUSTERS.c.last_report, True),
    "date": (T_CLUSTERS.c.date, True),
    "type": (T_CLUSTERS.c.type, False),
}


@dataclass
class ClusterPage:
    total: int  # clusters passing the filters
    start: int  # clusters before the first one on this page
    rows: list[dict[str, Any]] = field(default_factory=list)

    @property
    def has_previous(self) -> bool:
        return self.start > 0

    @property
    def has_next(self) -> bool:
        return self.start + len(self.rows) < self.total


def _moment(value: Any, name: str, end: bool = False) -> datetime:
    day = check.as_date(value)
    if day is None:
        raise BadFilter(f"{name} must be a date (YYYY-MM-DD), not {value!r}")
    return datetime.combine(day + timedelta(days=1) if end else day, time())


def _held_types(store: Store | None):
    def held() -> set[str]:
        if store is None:
            return set()
        with store.engine.connect() as conn:
            return set(conn.execute(select(func.upper(T_CLUSTERS.c.type)).distinct()).scalars())
    return held


def _at_least(value: Any, name: str) -> int:
    try:
        n = int(value)
    except (TypeError, ValueError):
        n = -1
    if n < 1:
        raise BadFilter(f"{name} must be a whole number of 1 or more, not {value!r}")
    return n


def cluster_conditions(store: Store | None = None, *, type: Any = None, min_sources: Any = None,
                       min_independent: Any = None, since: Any = None, until: Any = None,
                       place: str | None = None, min_confidence: Any = None) -> list:
    """The SQL conditions of the cluster filters, each checked first (W041)."""
    conds: list = []
    if types := check.event_types(type, _held_types(store)):
        conds.append(func.upper(T_CLUSTERS.c.type).in_(types))
    if min_sources not in (None, ""):
        conds.append(T_CLUSTERS.c.source_count >= _at_least(min_sources, "min_sources"))
    if min_independent not in (None, ""):
        conds.append(T_CLUSTERS.c.independent_sources
                     >= _at_least(min_independent, "min_independent"))
    if since not in (None, ""):
        conds.append(T_CLUSTERS.c.last_report >= _moment(since, "since"))
    if until not in (None, ""):
        conds.append(T_CLUSTERS.c.first_report < _moment(until, "until", end=True))
    if place:
        conds.append(func.lower(T_CLUSTERS.c.place_name).contains(place.lower(), autoescape=True))
    if min_confidence not in (None, ""):
        floor = check.confidence(min_confidence)
        if floor > 0:
            conds.append(exists().where(T_MEMBERS.c.cluster_id == T_CLUSTERS.c.id,
                                        T_EVENTS.c.id == T_MEMBERS.c.event_id,
                                        T_EVENTS.c.confidence >= floor))
    return conds


def _columns(sort: str, order: str) -> list[tuple[Any, bool]]:
    if sort not in CLUSTER_SORTS:
        raise BadFilter(f"unknown sort {sort!r}; choose from {', '.join(CLUSTER_SORTS)}")
    if order not in ORDERS:
        raise BadFilter(f"unknown order {order!r}; choose from asc, desc")
    column, nullable = CLUSTER_SORTS[sort]
    key = nulls_last(column, order == "desc") if nullable else [(column, order == "desc")]
    return key + [(T_CLUSTERS.c.id, False)]


def _select(columns: list[tuple[Any, bool]], conds: list, forward: bool = True):
    order = [(expr.desc() if desc == forward else expr.asc()) for expr, desc in columns]
    return select(T_CLUSTERS.c.id, *[e for e, _ in columns]).where(*conds).order_by(*order)


def cluster_page(store: Store, *, sort: str = "sources", order: str = "desc", limit: int = 100,
                 after: str | None = None, before: str | None = None, last: bool = False,
                 members: bool = False, **filters: Any) -> ClusterPage:
    """One page of `limit` clusters passing `filters` in the order `sort` `order`: the first,
    the one after the cluster `after`, the one before `before`, or (`last`) the last page."""
    if sum(bool(x) for x in (after, before, last)) > 1:
        raise BadFilter("give one of after, before and last")
    if limit < 1:
        raise BadFilter(f"limit must be 1 or more, not {limit}")
    columns = _columns(sort, order)
    conds = cluster_conditions(store, **filters)
    forward = not (before or last)
    with store.engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(T_CLUSTERS).where(*conds)).scalar_one()
        where = list(conds)
        if cursor := after or before:
            row = conn.execute(_select(columns, [T_CLUSTERS.c.id == cursor])).first()
            if row is None:
                raise BadFilter(f"no cluster {cursor!r} in the store to page from; "
                                "start again from the first page")
            where.append(beyond(columns, tuple(row[1:]), forward))
        size = (total % limit or limit) if last else limit
        rows = conn.execute(_select(columns, where, forward).limit(size)).all()
        if not forward:
            rows.reverse()
        if last:
            start = max(0, total - len(rows))
        elif not cursor:
            start = 0
        elif rows:
            start = conn.execute(select(func.count()).select_from(T_CLUSTERS).where(
                *conds, beyond(columns, tuple(rows[0][1:]), forward=False))).scalar_one()
        else:
            start = total if after else 0
        return ClusterPage(total=total, start=start,
                           rows=cluster_rows(conn, [r.id for r in rows], members))


def cluster_rows(conn, ids: list[str], members: bool = False) -> list[dict[str, Any]]:
    """The rows of the clusters `ids`, in that order (see the module's docstring); `members`
    adds each mention with what matched when it joined and its score."""
    if not ids:
        return []
    found = {r.id: dict(r._mapping) for r in conn.execute(
        select(T_CLUSTERS).where(T_CLUSTERS.c.id.in_(ids)))}
    held = conn.execute(
        select(T_MEMBERS.c.cluster_id, T_MEMBERS.c.event_id, T_MEMBERS.c.document_id,
               T_MEMBERS.c.features, T_MEMBERS.c.matched, T_MEMBERS.c.score, T_EVENTS.c.confidence, T_EVENTS.c.trigger_text,
               T_EVENTS.c.cameo, T_DOCS.c.title)
        .join(T_EVENTS, T_EVENTS.c.id == T_MEMBERS.c.event_id)
        .join(T_DOCS, T_DOCS.c.id == T_MEMBERS.c.document_id)
        .where(T_MEMBERS.c.cluster_id.in_(ids)).order_by(T_MEMBERS.c.position)).all()
    by_cluster: dict[str, list] = {}
    for m in held:
        by_cluster.setdefault(m.cluster_id, []).append(m)
    bests = {cid: max(ms, key=lambda m: m.confidence) for cid, ms in by_cluster.items()}
    reports: dict[str, list[dict[str, Any]]] = {}  # documents counted under each, and how
    for r in conn.execute(select(T_REPORTS).where(T_REPORTS.c.cluster_id.in_(ids))
                          .order_by(T_REPORTS.c.document_id)):
        reports.setdefault(r.cluster_id, []).append(
            {"document_id": r.document_id, "how": r.how, "reasons": r.reasons})
    parties = _parties(conn, [b.event_id for b in bests.values()])
    out = []
    for cid in ids:
        if cid not in found:
            continue  # removed since the page's ids were read
        c, ms = found[cid], by_cluster.get(cid, [])
        mentions = [EventMention.model_validate(m.features) for m in ms]
        best = bests.get(cid)  # the first of equals
        out.append({
            "id": cid, "type": c["type"], "reality": c["reality"],
            "source_count": c["source_count"],
            "independent_sources": c["independent_sources"], "reports": c["reports"],
            "mentions": c["mentions"], "first_report": c["first_report"],
            "last_report": c["last_report"], "date": c["date"],
            "date_granularity": c["date_granularity"], "place_name": c["place_name"],
            "place_precision": c["place_precision"], "latitude": c["latitude"],
            "longitude": c["longitude"], "story_id": mentions[0].story if mentions else None,
            "document_ids": list(dict.fromkeys(m.document_id for m in ms)),
            "report_documents": reports.get(cid, []),
            "best_event_id": best.event_id if best else None,
            "best_document_id": best.document_id if best else None,
            "best_title": best.title if best else None,
            "trigger": best.trigger_text if best else None,
            "cameo": best.cameo if best else None,
            "source_names": parties.get((best.event_id, "source"), []) if best else [],
            "target_names": parties.get((best.event_id, "target"), []) if best else [],
            "confidence": best.confidence if best else None,
        })
        if members:
            out[-1]["members"] = [{"event_id": m.event_id, "document_id": m.document_id,
                                   "matched": m.matched, "score": m.score} for m in ms]
    return out


def _parties(conn, event_ids: list[str]) -> dict[tuple[str, str], list[str]]:
    """(event id, role) -> its parties' names as the events' rows give them: the actor's name,
    else the words of the mention."""
    out: dict[tuple[str, str], list[str]] = {}
    if not event_ids:
        return out
    q = (select(T_ARGS.c.event_id, T_ARGS.c.role, T_ARGS.c.text, T_ACTORS.c.name)
         .outerjoin(T_ACTORS, T_ACTORS.c.id == T_ARGS.c.actor_id)
         .where(T_ARGS.c.event_id.in_(event_ids)).order_by(T_ARGS.c.event_id, T_ARGS.c.ordinal))
    for r in conn.execute(q):
        name = r.name or r.text
        names = out.setdefault((r.event_id, r.role), [])
        if name not in names:
            names.append(name)
    return out


def iter_clusters(store: Store, *, limit: int | None = None, batch: int = 500,
                  **options: Any):
    """Every cluster a page walk gives (at most `limit`), in pages of `batch`."""
    after, seen = None, 0
    while limit is None or seen < limit:
        size = batch if limit is None else min(batch, limit - seen)
        page = cluster_page(store, limit=size, after=after, **options)
        yield from page.rows
        seen += len(page.rows)
        if not page.has_next or not page.rows:
            return
        after = page.rows[-1]["id"]
