"""What the event exports read: one view per stored event, and the units their rows stand for.

A row stands for one event (a mention), or with `clusters` for one incident: the mentions a
report's coder linked (`Event.incident_id`: "opened fire", "returned fire", "the gunfight") and
the mentions `wirecoder dedup` put in one cross-report cluster, joined transitively. ACLED rows
are always incidents. An incident's row is built from its most complete mention (`best`), with
what the mentions give together: every outlet, every document, the fatalities.

The views are read a chunk of documents at a time (`document_chunks`), each chunk with only the
columns the rows use (`read_chunk`: export_read.lean_analyses), not as whole analyses. A party
whose document left its country or sector open takes them from the store's actor registry
(`RegistryCodes`, queries.registry_codes): "Trump" uncoded in one report is the USA GOV another
report or the actor dictionary made him.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from functools import cached_property
from typing import Any
from urllib.parse import urlsplit

from . import codes
from .convert import event_date
from .export_read import lean_analyses
from .queries import Context, spans_text
from .registry_queries import link_actors, registry_nodes
from .repository import T_DOCS, T_EVENTS, Store

HAPPENED = ("asserted", "historical", "reported")
_DATE_RANK = {"day": 4, "week": 3, "published": 2, "month": 2, "year": 1}
_PLACE_RANK = {"point": 5, "locality": 5, "admin2": 4, "admin1": 3, "country": 2, "region": 1}
# how ingest names a document it has no name for: a path, "<jsonl>:3", "feed.xml#2", "x.warc@512"
_LOCATOR = re.compile(r"[/\\]|^<.*>|[:#@]\d+$|\.(txt|html?|jsonl?|xml|rss|atom|warc(\.gz)?)$",
                      re.IGNORECASE)
CHUNK_DOCUMENTS = 50  # documents read back at a time by the streamed exports
OUTLET_KEYS = ("sitename", "publisher", "outlet", "source_name", "feed_title")


def outlet(doc) -> str:
    """The outlet that published a document: its metadata (sitename, publisher, outlet,
    source_name, feed title), else its URL's host, else the source it was given when that is a
    name rather than where ingest read it from (a path, a line, a record); "" when unknown."""
    for key in OUTLET_KEYS:
        if doc.metadata.get(key):
            return doc.metadata[key].strip()
    if doc.url:
        host = urlsplit(doc.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    source = (doc.source or "").strip()
    return "" if not source or _LOCATOR.search(source) or source == "stdin" else source


def outlet_of(ctx: Context) -> str:
    """The document's outlet, worked out once per document, not once per event."""
    found = ctx.__dict__.get("outlet")
    if found is None:
        found = ctx.__dict__["outlet"] = outlet(ctx.document)
    return found


def period_text(d: date | None, precision: str | None) -> str:
    """A date as precisely as it is known: 2025-01-27, 2025-W05, 2025-01, 2025."""
    if d is None:
        return ""
    if precision == "week":
        year, week, _ = d.isocalendar()
        return f"{year}-W{week:02d}"
    if precision == "month":
        return f"{d.year}-{d.month:02d}"
    if precision == "year":
        return str(d.year)
    return d.isoformat()


class EventView:
    """What every event export needs to know about one event, worked out once."""

    def __init__(self, ctx: Context, event, stored_at: datetime | None):
        self.ctx = ctx
        self.event = event
        self.doc = ctx.document
        self.stored_at = stored_at
        self.sources = [ctx.party(r) for r in event.sources]
        self.targets = [ctx.party(r) for r in event.targets]
        self.source = self.sources[0] if self.sources else ctx.party(None)
        self.target = self.targets[0] if self.targets else ctx.party(None)
        self.place = ctx.places.get(event.place_id) if event.place_id else None
        self.date, self.precision = event_date(event, ctx.times, self.doc.published)
        self.quad = codes.quad_class(event.type)  # PLOVER's class of the type
        self.goldstein = codes.goldstein(event.cameo, event.type)
        sentence = ctx.sentence_of(event.sentence_id, event.trigger.start)
        self.sentence_index = sentence[0] if sentence else None
        self.sentence = sentence[1] if sentence else None
        self.paragraph = sentence[1].paragraph if sentence else None
        self.outlet = outlet_of(ctx)

    @cached_property
    def gdelt_quad(self) -> int | None:
        """GDELT's class of the event, by its CAMEO root (worked out when a GDELT row asks)."""
        return codes.gdelt_quad_class(self.event.cameo, self.event.type)

    @cached_property
    def cameo(self) -> tuple[str, str, str]:
        """EventCode, EventBaseCode, EventRootCode (worked out when a GDELT row asks)."""
        return codes.cameo_codes(self.event.cameo, self.event.type)

    @property
    def publisher(self) -> str:
        return self.outlet

    @property
    def date_text(self) -> str:
        return self.date.isoformat() if self.date else ""

    def period_text(self) -> str:
        return period_text(self.date, self.precision)

    def middle_date(self) -> date | None:
        """The day that stands for the date's period, as ACLED codes it: the day itself, the
        middle of a week (Thursday) or of a month (the 15th); mid-year for a year."""
        d = self.date
        if d is None:
            return None
        return {"week": d + timedelta(days=3), "month": d.replace(day=15),
                "year": d.replace(month=7, day=1)}.get(self.precision or "", d)

    def evidence(self) -> dict[str, Any]:
        return {"start": self.event.trigger.start, "end": self.event.trigger.end,
                "spans": spans_text(self.event.evidence)}

    def completeness(self) -> tuple:
        """How much the mention says: the incident's row is its most complete mention's."""
        return (_DATE_RANK.get(self.precision or "", 0),
                _PLACE_RANK.get(self.place.precision, 0) if self.place is not None else 0,
                bool(self.source["name"]), bool(self.target["name"]), self.event.confidence,
                self.event.id)


class Unit:
    """What one row stands for: one event, or the mentions of one incident."""

    def __init__(self, key: str, views: list[EventView]):
        self.key = key
        self.views = views
        self.best = max(views, key=EventView.completeness)
        self._global_id: int | None = None

    @property
    def event_ids(self) -> list[str]:
        return [v.event.id for v in self.views]

    @property
    def document_ids(self) -> list[str]:
        if len(self.views) == 1:
            return [self.views[0].doc.id]
        return list(dict.fromkeys(v.doc.id for v in self.views))

    @property
    def global_id(self) -> int:
        """global_event_id of the row's key, worked out once for the row and its sidecar."""
        if self._global_id is None:
            self._global_id = global_event_id(self.key)
        return self._global_id

    @property
    def outlets(self) -> list[str]:
        return sorted({v.outlet for v in self.views if v.outlet})

    @property
    def sources_count(self) -> int:
        """Distinct outlets, a document with no known outlet counting as its own."""
        return len({v.outlet or f"doc:{v.doc.id}" for v in self.views})

    def fatalities(self) -> int | None:
        """The deaths the reports give the incident: within a report the largest figure its
        mentions give (a toll is updated upward), across reports the smallest (ACLED codes the
        most conservative report); 0 when no mention speaks of deaths; None when some do without
        a number and none gives one."""
        per_doc: dict[str, list[int]] = {}
        deadly = False
        for v in self.views:
            e = v.event
            if e.fatalities is not None:
                per_doc.setdefault(v.doc.id, []).append(e.fatalities)
            deadly = deadly or e.fatalities_evidence is not None
        if per_doc:
            return min(max(counts) for counts in per_doc.values())
        return None if deadly else 0

    def fatalities_evidence(self) -> str:
        return "; ".join(dict.fromkeys(v.event.fatalities_evidence.text for v in self.views
                                       if v.event.fatalities_evidence is not None))


# -- reading the store ----------------------------------------------------------------------------


def _hits(store: Store, filters: dict[str, Any]) -> tuple[set[str] | None, list[str] | None]:
    """Every wanted event id and its documents (the incident grouping needs them all)."""
    if not _filtered(filters):
        return None, None
    hits = store.event_hits(**{k: v for k, v in filters.items() if v is not None})
    return {i for _, i in hits}, list(dict.fromkeys(d for d, _ in hits))


def _filtered(filters: dict[str, Any]) -> bool:
    return any(v is not None for v in filters.values())


def document_chunks(store: Store, filters: dict[str, Any], size: int | None = None,
                    ) -> Iterator[tuple[list[str], set[str] | None]]:
    """The documents holding wanted events, in publication order, `size` at a time, each chunk
    with its wanted event ids (None: every event). The ids stream from one cursor: what is held
    is one chunk, whatever the store's size."""
    from sqlalchemy import null, select

    size = size or CHUNK_DOCUMENTS
    if _filtered(filters):
        conds = store.event_conditions(**{k: v for k, v in filters.items() if v is not None})
        query = store.hits_query(T_EVENTS, conds)
    else:
        query = (select(T_DOCS.c.id.label("document_id"), null().label("id"))
                 .order_by(T_DOCS.c.published.is_(None), T_DOCS.c.published, T_DOCS.c.id))
    ids: list[str] = []
    wanted: set[str] = set()
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=2000).execute(query)
        for doc_id, event_id in result:
            if not ids or ids[-1] != doc_id:
                if len(ids) >= size:
                    yield ids, (wanted if _filtered(filters) else None)
                    ids, wanted = [], set()
                ids.append(doc_id)
            if event_id is not None:
                wanted.add(event_id)
    if ids:
        yield ids, (wanted if _filtered(filters) else None)


def _stored_at(store: Store, doc_ids: list[str]) -> dict[str, datetime]:
    from sqlalchemy import select

    with store.engine.connect() as conn:
        rows = conn.execute(select(T_DOCS.c.id, T_DOCS.c.stored_at).where(T_DOCS.c.id.in_(doc_ids)))
        return {r.id: r.stored_at if r.stored_at is None or r.stored_at.tzinfo
                else r.stored_at.replace(tzinfo=UTC) for r in rows}


def whole_analyses(store: Store, doc_ids: list[str], wanted: set[str] | None = None,
                   slim: bool = False, evidence_texts: bool | None = None,
                   named_parts: bool = False,
                   ) -> Iterator[tuple[Context, datetime | None]]:
    """The Context of each document's whole Analysis, with its stored_at: what the exports read
    before the lean reader (export_read.lean_analyses), kept to check both write the same bytes
    (every event is read: iter_views keeps the `wanted` ones; `slim` is the lean reader's and
    and `evidence_texts`, `named_parts` are the lean reader's and change nothing here)."""
    stored = _stored_at(store, doc_ids)
    for analysis in store.analyses(doc_ids, chunk=len(doc_ids)):
        yield Context(analysis), stored.get(analysis.document.id)


# How iter_views reads a chunk of documents: only the columns the export rows use.
read_chunk = lean_analyses


class RegistryCodes:
    """The store's actor registry for the contexts of one export, a chunk at a time: its names
    read once, the links of each chunk's document actors as the chunk is read."""

    def __init__(self, store: Store):
        self.store = store
        self.index: Any = None
        self.nodes: dict[str, Any] = {}

    def attach(self, contexts: list[Context]) -> None:
        with self.store.engine.connect() as conn:
            if self.index is None:
                self.index, self.nodes = registry_nodes(conn)
            if not self.nodes:
                return  # nothing registered: the documents' own codes
            self.index.by_actor.clear()  # one chunk's actors at a time
            link_actors(conn, self.index, self.nodes, [a for c in contexts for a in c.actors])
        for ctx in contexts:
            ctx.registry = self.index


def iter_views(store: Store, filters: dict[str, Any],
               wanted_ids: tuple[set[str] | None, list[str] | None] | None = None,
               slim: bool = False, evidence_texts: bool = True,
               named_parts: bool = False) -> Iterator[EventView]:
    """A view of every wanted event, in publication order, read a chunk of documents at a time
    (`document_chunks`; `wanted_ids` when the caller already holds them). slim=True: each chunk
    read slim (export_read.lean_analyses: offsets, not texts; only the actors, places and times
    the events name), for rows that read no more (GDELT's); evidence_texts=False: the
    evidence spans' offsets only (the documents' texts unread), for rows that write no more
    of them (POLECAT's, ACLED's); named_parts=True: only the actors and times the events name
    (ACLED's rows, lean_analyses)."""
    if wanted_ids is not None and wanted_ids[1] is not None:
        doc_ids, wanted = wanted_ids[1], wanted_ids[0]
        step = CHUNK_DOCUMENTS
        chunks: Iterator = ((doc_ids[i:i + step], wanted) for i in range(0, len(doc_ids), step))
    else:
        chunks = document_chunks(store, filters)
    registry = RegistryCodes(store)
    for part, wanted_part in chunks:
        options = {"slim": True} if slim else {} if evidence_texts else {"evidence_texts": False}
        if named_parts:
            options["named_parts"] = True
        read = list(read_chunk(store, part, wanted_part, **options))
        registry.attach([ctx for ctx, _ in read])
        for ctx, stored_at in read:
            for event in ctx.analysis.events:
                if wanted_part is None or event.id in wanted_part:
                    yield EventView(ctx, event, stored_at)


def incident_keys(store: Store, event_ids: set[str] | None, conds: list | None = None,
                  ) -> dict[str, str]:
    """event id -> the key of its incident (its smallest event id) for the events linked to
    another: those one report's coder linked (incident_id) and those one dedup cluster holds,
    joined transitively. An event it leaves out is an incident of its own (key: its id), so
    what is held grows with the linked events, not with the store (a dedup cluster of one
    mention links it to none). The events are those of
    `event_ids` (None: all) passing the SQL conditions `conds` (store.event_conditions)."""
    from sqlalchemy import func, select

    from .schema import EventClusterMemberRow

    members = EventClusterMemberRow.__table__
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def join(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    conds = list(conds or [])
    linked = select(T_EVENTS.c.id, T_EVENTS.c.incident_id).where(
        T_EVENTS.c.incident_id.is_not(None), *conds)
    shared = (select(members.c.cluster_id).group_by(members.c.cluster_id)
              .having(func.count() > 1))  # a cluster of one mention links it to none
    clustered = select(members.c.event_id, members.c.cluster_id).where(
        members.c.cluster_id.in_(shared))
    if conds:
        clustered = clustered.where(members.c.event_id.in_(select(T_EVENTS.c.id).where(*conds)))
    with store.engine.connect() as conn:
        for eid, incident in conn.execute(linked):
            if incident and (event_ids is None or eid in event_ids):
                join(eid, f"~incident:{incident}")  # "~" sorts after every event id
        for eid, cluster in conn.execute(clustered):
            if event_ids is None or eid in event_ids:
                join(eid, f"~cluster:{cluster}")
    return {eid: find(eid) for eid in [e for e in parent if not e.startswith("~")]}


def iter_units(store: Store, filters: dict[str, Any], clusters: bool,
               slim: bool = False, evidence_texts: bool = True,
               named_parts: bool = False) -> Iterator[Unit]:
    """The units rows stand for, in publication order: one per event, or with `clusters` one per
    incident (written when its last mention has been read). Both stream a chunk of documents at
    a time; incidents also hold the keys of the linked events (`incident_keys`) and the
    mentions of the incidents not yet complete. `slim`, `evidence_texts`, `named_parts`: as
    iter_views."""
    if not clusters:  # streamed: one chunk of documents held at a time
        for view in iter_views(store, filters, slim=slim, evidence_texts=evidence_texts,
                           named_parts=named_parts):
            yield Unit(view.event.id, [view])
        return
    conds = (store.event_conditions(**{k: v for k, v in filters.items() if v is not None})
             if _filtered(filters) else [])
    keys = incident_keys(store, None, conds)
    size: dict[str, int] = {}
    for key in keys.values():
        size[key] = size.get(key, 0) + 1
    pending: dict[str, list[EventView]] = {}
    for view in iter_views(store, filters, slim=slim, evidence_texts=evidence_texts,
                           named_parts=named_parts):
        key = keys.get(view.event.id, view.event.id)
        if size.get(key, 1) == 1:  # an event linked to none: written at once
            yield Unit(key, [view])
            continue
        group = pending.setdefault(key, [])
        group.append(view)
        if len(group) >= size[key]:
            yield Unit(key, pending.pop(key))
    for key, group in pending.items():  # stored while exporting: write what was read
        yield Unit(key, group)


def narrowed(filters: dict[str, Any], name: str,
             allowed: tuple[str, ...]) -> dict[str, Any] | None:
    """`filters` with `name` (type or modality) kept to `allowed`: the user's values among them,
    or all of them when the user gave none; None when none of the user's values is allowed."""
    given = filters.get(name)
    if given is None:
        return {**filters, name: ",".join(allowed)}
    values = given.split(",") if isinstance(given, str) else list(given)
    kept = [v.strip() for v in values if v.strip().upper() in {a.upper() for a in allowed}]
    return {**filters, name: ",".join(kept)} if kept else None


def global_event_id(key: str) -> int:
    """An integer id, as GDELT wants one: 60 bits of a hash of the row's event id or incident key
    (the same event exports with the same id every time)."""
    return int(hashlib.sha256(key.encode("utf-8")).hexdigest()[:15], 16)


def num(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) >= 1 or value == 0 else str(value)
    return str(value)
