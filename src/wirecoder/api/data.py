"""Reads behind the API: the store's own query functions plus a few grouped counts.

Rows come from `wirecoder.store.queries` (`KINDS`, `Context`, the row builders) over the
store's `*_hits` filters, exactly as `wirecoder events/quotes/claims` prints them. Pages load
only the documents they show; rebuilt documents are kept in a small cache that is checked
against the document's `stored_at`, so a document recoded by another process is read again.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import case, func, or_, select

from ..records import Analysis
from ..store import hit_plan
from ..store.event_rows import event_rows
from ..store.filters import confidence as check_confidence
from ..store.filters import countries
from ..store.queries import KINDS, Context
from ..store.registry_queries import registry_actors
from ..store.repository import (
    T_CLAIMS,
    T_DOCS,
    T_EVENTS,
    T_PLACES,
    T_QUOTES,
    Store,
)
from ..store.search import search_condition
from ..store.sql import chunks, keepable
from .aggregate_cache import AggregateCache
from .aggregates import DEFAULT_CUT, NetworkCut, aggregate, country_numeric, load_events

_CACHE_SIZE = 256
_MEMO_SIZE = 1024
DOCUMENT_SORTS = ("published", "title", "source", "events")


class StoreReader:
    """Thread-safe reads over one store for the API's endpoints."""

    def __init__(self, store: Store, memo: bool = True):
        self.store = store
        self.memo_enabled = memo
        self._lock = threading.Lock()
        self._contexts: OrderedDict[str, tuple[Any, Context]] = OrderedDict()
        self._memo: OrderedDict[tuple, Any] = OrderedDict()
        self._aggregates = AggregateCache(store)

    # -- documents and their rows ---------------------------------------------------------------

    def _stamps(self, doc_ids: Sequence[str]) -> dict[str, Any]:
        found: dict[str, Any] = {}
        with self.store.engine.connect() as conn:
            for part in chunks(list(doc_ids)):
                q = select(T_DOCS.c.id, T_DOCS.c.stored_at).where(T_DOCS.c.id.in_(part))
                found.update({r.id: r.stored_at for r in conn.execute(q)})
        return found

    def contexts(self, doc_ids: Sequence[str]) -> dict[str, Context]:
        """Rebuilt documents by id (cached while their stored_at is unchanged)."""
        ids = keepable(doc_ids)
        stamps = self._stamps(ids)
        out: dict[str, Context] = {}
        missing: list[str] = []
        with self._lock:
            for doc_id in ids:
                hit = self._contexts.get(doc_id)
                if hit is not None and hit[0] == stamps.get(doc_id):
                    self._contexts.move_to_end(doc_id)
                    out[doc_id] = hit[1]
                elif doc_id in stamps:
                    missing.append(doc_id)
        for analysis in self.store.analyses(missing, chunk=50):
            ctx = Context(analysis)
            out[analysis.document.id] = ctx
            with self._lock:
                self._contexts[analysis.document.id] = (stamps.get(analysis.document.id), ctx)
                while len(self._contexts) > _CACHE_SIZE:
                    self._contexts.popitem(last=False)
        return out

    def page(self, kind: str, offset: int, limit: int,
             **filters: Any) -> tuple[int, list[dict], bool]:
        """(total, rows, whether the total is exact) of `kind` (events, quotes, claims) passing
        `filters`, one page. Events are counted up to COUNT_CAP or the page's end, whichever
        is further (beyond it the total is a lower bound: `hit_plan.count`), and only the
        page's hits are read. A page ending past COUNT_CAP is its own count: its hits and one
        more read past it say what a count to its end would (where both read every hit before
        the offset: twice 1.2 s for a page 20,000 events deep in a country on PostgreSQL)."""
        given = {k: v for k, v in filters.items() if v not in (None, "")}
        if kind == "events":
            bound = max(hit_plan.COUNT_CAP, offset + limit)
            if offset + limit > hit_plan.COUNT_CAP:
                hits = self.store.event_hits(limit=limit + 1, offset=offset, **given)
                if hits:  # at least one hit at the offset: the total is up to the page's end
                    total = offset + len(hits)
                    return total, self.rows(kind, hits[:limit]), total <= bound
            total = self.store.event_count(at_most=bound, **given)
            hits = self.store.event_hits(limit=limit, offset=offset, **given) if total > offset else []
            return total, self.rows(kind, hits), total <= bound
        hits = getattr(self.store, KINDS[kind][0])(**given)
        return len(hits), self.rows(kind, hits[offset:offset + limit]), True

    def rows(self, kind: str, hits: Sequence[tuple[str, str]]) -> list[dict]:
        """The rows of `kind` for (document id, record id) pairs, in their order; a record
        deleted since its id was read is left out."""
        if kind == "events":  # read lean: only these events and what they name
            return list(event_rows(self.store, hits))
        _, attr, build, _ = KINDS[kind]
        contexts = self.contexts([d for d, _ in hits])
        records = {doc_id: {r.id: r for r in getattr(ctx.analysis, attr)}
                   for doc_id, ctx in contexts.items()}
        return [build(contexts[doc_id], records[doc_id][record_id]) for doc_id, record_id in hits
                if record_id in records.get(doc_id, {})]

    def document(self, doc_id: str) -> tuple[Analysis, dict[str, list[dict]]] | None:
        ctx = self.contexts([doc_id]).get(doc_id)
        if ctx is None:
            return None
        rows = {kind: [build(ctx, r) for r in getattr(ctx.analysis, attr)]
                for kind, (_, attr, build, _) in KINDS.items()}
        return ctx.analysis, rows

    def documents(self, offset: int, limit: int, q: str | None = None, *,
                  min_confidence: float | None = None, sort: str = "published",
                  order: str = "asc", search: str | None = None) -> tuple[int, list[dict]]:
        """(total, one page) of the documents whose title holds `q` and whose title or text
        holds every term of `search` (full text: `store.search`), ordered by `sort` (see
        DOCUMENT_SORTS; empty values last either way, then by id), each with its counts of
        events (those at `min_confidence` or above), quotes and claims."""
        D = T_DOCS
        conds = []
        if q:
            conds.append(func.lower(D.c.title).contains(q.lower(), autoescape=True))
        if search:
            conds.append(search_condition(self.store, search))
        threshold = check_confidence(min_confidence) if min_confidence is not None else 0.0
        events = (select(T_EVENTS.c.document_id, func.count().label("n"))
                  .where(T_EVENTS.c.confidence >= threshold)
                  .group_by(T_EVENTS.c.document_id).subquery())
        n_events = func.coalesce(events.c.n, 0)
        key = {"published": D.c.published, "title": func.lower(D.c.title),
               "source": func.lower(D.c.source), "events": n_events}[sort]
        empty = case((or_(key.is_(None), key == ""), 1), else_=0) if sort != "events" else None
        ordering = [*([empty] if empty is not None else []),
                    key.desc() if order == "desc" else key.asc(), D.c.id]
        with self.store.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(D).where(*conds)).scalar_one()
            docs = conn.execute(
                select(D.c.id, D.c.title, D.c.url, D.c.source, D.c.published_iso,
                       n_events.label("events"))
                .select_from(D.outerjoin(events, events.c.document_id == D.c.id)).where(*conds)
                .order_by(*ordering).offset(offset).limit(limit)).all()
            ids = [d.id for d in docs]
            counts: dict[str, Counter] = defaultdict(Counter)
            for name, table in (("quotes", T_QUOTES), ("claims", T_CLAIMS)):
                if ids:
                    for row in conn.execute(select(table.c.document_id, func.count())
                                            .where(table.c.document_id.in_(ids))
                                            .group_by(table.c.document_id)):
                        counts[row[0]][name] = row[1]
        return total, [{
            "id": d.id, "title": d.title or "", "url": d.url or "", "source": d.source or "",
            "published": d.published_iso or "", "events": d.events,
            "quotes": counts[d.id]["quotes"], "claims": counts[d.id]["claims"],
        } for d in docs]

    def totals(self) -> dict[str, int]:
        return {"documents": self.store.count("documents"), "events": self.store.count("events")}

    # -- actors and places ------------------------------------------------------------------------

    def actors(self, offset: int, limit: int, **filters: Any) -> tuple[int, list[dict]]:
        """The actor registry, most events first (as `wirecoder actors` lists it)."""
        return registry_actors(self.store, offset=offset, limit=limit, **filters)

    def places(self, offset: int, limit: int, q: str | None, country: str | None
               ) -> tuple[int, list[dict]]:
        """Places grouped across documents by name, country and precision."""
        P = T_PLACES
        # a demonym ("Mexican") names no place: stored beside the places, listed with none
        conds = [or_(P.c.feature.is_(None), P.c.feature != "demonym")]
        if q:
            conds.append(func.lower(P.c.name).contains(q.lower(), autoescape=True))
        if codes := countries(country, self.store.held_countries):
            conds.append(P.c.country.in_(codes))
        with self.store.engine.connect() as conn:
            places = conn.execute(select(P).where(*conds)).all()
            in_events = Counter({r[0]: r[1] for r in conn.execute(
                select(T_EVENTS.c.place_id, func.count()).where(T_EVENTS.c.place_id.is_not(None))
                .group_by(T_EVENTS.c.place_id))})
        groups: dict[tuple, dict[str, Any]] = {}
        for p in places:
            key = (p.name, p.country or "", p.precision)
            g = groups.setdefault(key, {
                "name": p.name, "country": p.country or "",
                "country_numeric": country_numeric(p.country), "admin1": p.admin1 or "",
                "precision": p.precision, "latitude": p.latitude, "longitude": p.longitude,
                "documents": set(), "events": 0})
            g["documents"].add(p.document_id)
            g["events"] += in_events[p.id]
        ranked = sorted(groups.values(), key=lambda g: (-len(g["documents"]), -g["events"],
                                                       g["name"]))
        for g in ranked:
            g["documents"] = len(g["documents"])
        return len(ranked), ranked[offset:offset + limit]

    # -- aggregates -------------------------------------------------------------------------------

    def memo(self, key: tuple, produce: Callable[[], Any]) -> Any:
        """`produce()`, remembered under `key` while the store's change counter
        (`Store.generation`) is the same: storing, recoding or deleting a document changes it."""
        if not self.memo_enabled:
            return produce()
        key = (*key, self.store.generation())
        with self._lock:
            if key in self._memo:
                self._memo.move_to_end(key)
                return self._memo[key]
        value = produce()
        with self._lock:
            self._memo[key] = value
            while len(self._memo) > _MEMO_SIZE:
                self._memo.popitem(last=False)
        return value

    def aggregates(self, interval: str = "auto", cut: NetworkCut = DEFAULT_CUT,
                   **filters: Any) -> dict[str, Any]:
        """Counts of the events passing `filters` by date bucket x type x modality, type,
        modality, country, actor pair (source -> target, by country + sector) and place:
        the documents stored since the last call added to the counts kept for these filters
        (`AggregateCache`); the actor network cut by `cut` (`NetworkCut`)."""
        given = {k: v for k, v in filters.items() if v not in (None, "")}
        return self._aggregates.aggregates(interval, cut, **given)

    def aggregates_from_scratch(self, interval: str = "auto", cut: NetworkCut = DEFAULT_CUT,
                                **filters: Any) -> dict[str, Any]:
        """The same counts, every event passing `filters` read and counted."""
        given = {k: v for k, v in filters.items() if v not in (None, "")}
        ids = [e for _, e in self.store.event_hits(**given)]
        return aggregate(load_events(self.store, ids), interval, cut)
