"""Export rows straight from the event columns (#26): one joined statement per chunk of documents.

The GDELT and POLECAT exports without clusters write one row per event, and each cell of it is
a column of the event, of its document, place, sentence, or of its first source's and target's
argument and actor. So a chunk of documents is read with one SELECT that joins them (`_EVENT_SQL`),
plus a statement each for the documents, their times (apart: joined, PostgreSQL's planner hashes
the whole table for each chunk) and their span packs (evidence offsets), and, for
POLECAT, one for the names of the documents' actors and places (its story columns): a fixed
number of statements per chunk, plain DBAPI tuples, no record object per row. The date is worked
out from the event's time and the document's publication as convert.event_date does (not read
from the derived `event_date`, which a copied store may have moved apart from its time); cells that depend on a few values only (an actor's GDELT block, a place's geo block,
the CAMEO codes of a type) are made once per distinct value, in bounded caches.

The rows are the same cells as those built from the lean analyses (export_gdelt.gdelt_event_rows,
exports.polecat_row): tests/store/test_export_read.py compares the bytes with the whole-analysis
read, and tests/store/test_export_flat.py with the lean one, on SQLite and PostgreSQL. A party
whose document left its codes open takes them from the actor registry, as Context.party does.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime
from functools import lru_cache
from types import SimpleNamespace
from typing import Any

from . import codes
from .convert import event_date
from .export_gdelt import NO_GEO, gdelt_dates, gdelt_geo
from .export_views import global_event_id, num, outlet, period_text
from .queries import registry_codes
from .registry_queries import link_actors, registry_nodes
from .span_pack import event_offsets
from .sql import chunks

_MARKS = {"qmark": "?", "format": "%s", "pyformat": "%s"}

# e: event; s: its sentence (by id; else the first holding its trigger); p: its place;
# sa/ta: its first source and target argument; sx/tx: their actors
_EVENT_SQL = """
SELECT e.document_id, e.ordinal, e.id, e.type, e.mode, CAST(e.context AS TEXT), e.cameo,
  e.trigger_start, e.trigger_end, e.modality, e.confidence, e.fatalities, e.fatalities_start,
  e.time_id,
  COALESCE(s.paragraph, (SELECT s2.paragraph FROM sentences s2
     WHERE s2.document_id = e.document_id AND s2.start_char <= e.trigger_start
       AND e.trigger_start < s2.end_char ORDER BY s2.ordinal LIMIT 1)),
  p.id, p.name, p.precision, p.country, p.admin1, p.latitude, p.longitude, p.geonames_id,
  p.feature, p.text,
  sa.text, sa.actor_id, sx.id, sx.name, sx.country, CAST(sx.sectors AS TEXT), sx.title,
  ta.text, ta.actor_id, tx.id, tx.name, tx.country, CAST(tx.sectors AS TEXT), tx.title
FROM events e
LEFT JOIN sentences s ON s.id = e.sentence_id
LEFT JOIN places p ON p.id = e.place_id
LEFT JOIN event_arguments sa ON sa.event_id = e.id AND sa.role = 'source' AND sa.ordinal = 0
LEFT JOIN actors sx ON sx.id = sa.actor_id
LEFT JOIN event_arguments ta ON ta.event_id = e.id AND ta.role = 'target' AND ta.ordinal = 0
LEFT JOIN actors tx ON tx.id = ta.actor_id
WHERE e.document_id IN ({marks})"""
_DOC_SQL = """SELECT id, source, url, published_iso, language, CAST(metadata AS TEXT),
  coder_version, stored_at FROM documents WHERE id IN ({marks})"""
_TIME_SQL = """SELECT id, type, value, interval_start, from_publication_date FROM times
  WHERE document_id IN ({marks})"""  # (a join would make PostgreSQL hash every time: apart)
_PACK_SQL = "SELECT document_id, spans FROM span_packs WHERE document_id IN ({marks})"
_PEOPLE_SQL = """SELECT document_id, name, kind FROM actors WHERE document_id IN ({marks})
  AND kind IN ('person', 'organization', 'group') ORDER BY document_id, ordinal"""
_PLACES_SQL = """SELECT document_id, name FROM places WHERE document_id IN ({marks})
  ORDER BY document_id, ordinal"""


def _fetch(conn, sql: str, ids: Sequence[str]) -> list[tuple]:
    """The rows of `sql` for `ids` (its `{marks}`), on the DBAPI cursor."""
    mark = _MARKS[conn.dialect.paramstyle]
    out: list[tuple] = []
    for part in chunks(list(ids)):
        cursor = conn.connection.cursor()
        try:
            cursor.execute(sql.format(marks=", ".join([mark] * len(part))), tuple(part))
            out.extend(cursor.fetchall())
        finally:
            cursor.close()
    return out


def flat_supported(store) -> bool:
    """Whether the store's driver takes the statements as written (its parameter marks)."""
    return store.engine.dialect.paramstyle in _MARKS


# -- cells made once per distinct value -----------------------------------------------------------


@lru_cache(maxsize=4096)
def _json_list(text: str | None) -> tuple:
    return tuple(json.loads(text)) if text else ()


@lru_cache(maxsize=4096)
def _when(kind: str | None, value: str | None, start: str | None, from_publication: Any,
          published_iso: str | None) -> tuple[date | None, str | None]:
    """convert.event_date of an event's time columns and its document's published_iso."""
    time = None
    if kind is not None:
        time = SimpleNamespace(type=kind, value=value, interval_start=start,
                               from_publication_date=bool(from_publication))
    published = datetime.fromisoformat(published_iso) if published_iso else None
    return event_date(SimpleNamespace(time_id="t" if time else None), {"t": time}, published)


@lru_cache(maxsize=4096)
def _dates(when: date | None, precision: str | None) -> tuple[tuple[str, ...], str]:
    """GDELT's four date cells and the sidecar's date of a (date, precision)."""
    return tuple(gdelt_dates(when, precision)), period_text(when, precision)


@lru_cache(maxsize=4096)
def _added(stored_at: Any) -> str:
    """DATEADDED of a stored_at as the driver gives it (a datetime, or SQLite's text)."""
    if stored_at is None:
        return ""
    if not isinstance(stored_at, datetime):
        stored_at = datetime.fromisoformat(stored_at)
    if stored_at.tzinfo is None:
        stored_at = stored_at.replace(tzinfo=UTC)
    return stored_at.astimezone(UTC).strftime("%Y%m%d%H%M%S")


@lru_cache(maxsize=1024)
def _type_cells(cameo: str | None, etype: str) -> tuple[tuple[str, str, str], str, str, str]:
    """(CAMEO codes, GDELT quad, Goldstein, PLOVER quad) of an event's code and type."""
    goldstein = num(codes.goldstein(cameo, etype))
    return (codes.cameo_codes(cameo, etype), num(codes.gdelt_quad_class(cameo, etype)),
            goldstein, num(codes.quad_class(etype)))


@lru_cache(maxsize=8192)
def _gdelt_actor(name: str, country: str, sectors: tuple) -> tuple[str, ...]:
    """export_gdelt._gdelt_actor of a party."""
    kept = list(sectors[:3])
    return (country + "".join(kept), name.upper(), country, "", "", "", "",
            *(kept + ["", "", ""])[:3])


@lru_cache(maxsize=8192)
def _geo(place: tuple) -> tuple[str, ...]:
    """export_gdelt.gdelt_geo of a place's columns (name, precision, country, admin1,
    latitude, longitude, geonames_id, feature)."""
    if place[0] is None:
        return tuple(NO_GEO)
    keys = ("name", "precision", "country", "admin1", "latitude", "longitude", "geonames_id",
            "feature")
    return tuple(gdelt_geo(SimpleNamespace(**dict(zip(keys, place, strict=True)))))


@lru_cache(maxsize=4096)
def _published_day(published_iso: str | None) -> str:
    return datetime.fromisoformat(published_iso).date().isoformat() if published_iso else ""


# -- parties --------------------------------------------------------------------------------------


class _Registry:
    """The store's actor registry, as export_views.RegistryCodes: linked a chunk at a time."""

    def __init__(self):
        self.index: Any = None
        self.nodes: dict[str, Any] = {}

    def attach(self, conn, actor_ids: Sequence[str]) -> bool:
        if self.index is None:
            self.index, self.nodes = registry_nodes(conn)
        if not self.nodes:
            return False
        self.index.by_actor.clear()
        link_actors(conn, self.index, self.nodes, actor_ids)
        return True


def _party(row: tuple, at: int, registry) -> tuple[str, str, str, tuple, str]:
    """(text, name, country, sectors, title) of the party whose 7 columns start at `at` (argument
    text and actor id; the actor's id, name, country, sectors, title): Context.party's."""
    text, actor_id, found, name, country, sectors, title = row[at:at + 7]
    if text is None:
        return "", "", "", (), ""
    if found is None:
        party = (text, text, "", (), "")
    else:
        party = (text, name, country or "", _json_list(sectors), title or "")
    if registry is None:
        return party
    node = (registry.by_actor.get(actor_id) if found is not None
            else registry.for_text(text))
    if node is None:
        return party
    out = {"text": text, "name": party[1], "country": party[2], "sectors": list(party[3])}
    registry_codes(out, node, named=found is None)
    return text, out["name"], out["country"], tuple(out["sectors"]), party[4]


# -- reading a chunk ------------------------------------------------------------------------------


class FlatChunk:
    """One chunk's event rows (in the documents' order, each document's by ordinal), its
    documents by id, each document's evidence offsets by event id, and with `story` the names
    of each document's actors and places by ordinal."""

    def __init__(self, conn, doc_ids: Sequence[str], wanted: set[str] | None, story: bool,
                 registry: _Registry):
        at = {d: i for i, d in enumerate(doc_ids)}
        rows = [r for r in _fetch(conn, _EVENT_SQL, doc_ids) if wanted is None or r[2] in wanted]
        rows.sort(key=lambda r: (at[r[0]], r[1]))
        self.rows = rows
        self.docs = {r[0]: r for r in _fetch(conn, _DOC_SQL, doc_ids)}
        self.packs = {d: p for d, p in _fetch(conn, _PACK_SQL, doc_ids)}
        self.evidence: dict[str, dict[str, str]] = {}
        self.story: dict[str, tuple[str, str, str]] = {}
        if story:
            self.story = _story(_fetch(conn, _PEOPLE_SQL, doc_ids),
                                _fetch(conn, _PLACES_SQL, doc_ids))
        self.times = {t[0]: t[1:] for t in _fetch(conn, _TIME_SQL, doc_ids)}
        ids = sorted({a for r in rows for a in (r[26], r[33]) if a is not None})
        self.registry = registry.index if registry.attach(conn, ids) else None

    def when(self, time_id: str | None, published_iso: str | None):
        """The event's (date, precision), convert.event_date's."""
        time = self.times.get(time_id) if time_id else None
        return _when(*(time or (None, None, None, None)), published_iso)

    def offsets(self, doc_id: str) -> dict[str, str]:
        """event id -> its evidence spans as "start-end;start-end" (queries.spans_text)."""
        found = self.evidence.get(doc_id)
        if found is None:
            found = self.evidence[doc_id] = event_offsets(self.packs.get(doc_id))
        return found


def _story(actors: list[tuple], places: list[tuple]) -> dict[str, tuple[str, str, str]]:
    """doc id -> POLECAT's Story People, Story Organizations, Story Locations (each
    document's actors and places by ordinal)."""
    people: dict[str, list[str]] = defaultdict(list)
    groups: dict[str, list[str]] = defaultdict(list)
    named: dict[str, dict[str, None]] = defaultdict(dict)
    for doc_id, name, kind in actors:
        (people if kind == "person" else groups)[doc_id].append(name)
    for doc_id, name in places:
        named[doc_id][name] = None
    return {d: ("; ".join(people.get(d, ())), "; ".join(groups.get(d, ())),
                "; ".join(named.get(d, ())))
            for d in {*people, *groups, *named}}


def flat_chunks(store, chunks_of_docs, story: bool = False) -> Iterator[FlatChunk]:
    """A FlatChunk of each (document ids, wanted event ids) of `chunks_of_docs`."""
    registry = _Registry()
    with store.engine.connect() as conn:
        for doc_ids, wanted in chunks_of_docs:
            yield FlatChunk(conn, doc_ids, wanted, story, registry)


def _outlet(doc: tuple) -> str:
    return _outlet_of(doc[1], doc[2], doc[5])


@lru_cache(maxsize=4096)
def _outlet_of(source: str | None, url: str | None, metadata: str | None) -> str:
    meta = json.loads(metadata) if metadata else {}
    return outlet(SimpleNamespace(source=source, url=url, metadata=dict(meta or {})))


def _fatalities(count: int | None, start: int | None) -> str:
    if count is not None:
        return str(count)
    return "" if start is not None else "0"


# -- rows -----------------------------------------------------------------------------------------


def gdelt_flat_rows(chunk: FlatChunk) -> Iterator[tuple[list[str], list[str]]]:
    """(GDELT row, sidecar row) of each event of the chunk: export_gdelt.gdelt_event_rows'."""
    registry = chunk.registry
    for r in chunk.rows:
        doc_id, eid, etype = r[0], r[2], r[3]
        doc = chunk.docs[doc_id]
        when, precision = chunk.when(r[13], doc[3])
        dates, period = _dates(when, precision)
        (code, base, root), gquad, goldstein, _ = _type_cells(r[6], etype)
        _, sname, scountry, ssectors, _ = _party(r, 25, registry)
        _, tname, tcountry, tsectors, _ = _party(r, 32, registry)
        global_id = str(global_event_id(eid))
        row = [global_id, *dates, *_gdelt_actor(sname, scountry, ssectors),
               *_gdelt_actor(tname, tcountry, tsectors),
               "1" if r[14] == 0 else "0", code, base, root, gquad, goldstein, "1", "1", "1", "",
               *NO_GEO, *NO_GEO, *_geo(r[16:24]), _added(doc[7]), doc[2] or _outlet(doc)]
        side = [global_id, eid, doc_id, str(r[7]), str(r[8]), chunk.offsets(doc_id).get(eid, ""),
                r[9], etype, period, precision or "", str(r[10]), _fatalities(r[11], r[12]),
                eid, doc_id]
        yield row, side


def polecat_flat_rows(chunk: FlatChunk) -> Iterator[list[str]]:
    """exports.polecat_row of each event of the chunk (one event per row)."""
    registry = chunk.registry
    for r in chunk.rows:
        doc_id, eid, etype = r[0], r[2], r[3]
        doc = chunk.docs[doc_id]
        when = chunk.when(r[13], doc[3])[0]
        _, _, goldstein, quad = _type_cells(r[6], etype)
        stext, sname, scountry, ssectors, stitle = _party(r, 25, registry)
        ttext, tname, tcountry, tsectors, ttitle = _party(r, 32, registry)
        found = r[15] is not None
        precision = r[17]
        people, groups, places = chunk.story.get(doc_id, ("", "", ""))
        yield [
            eid, when.isoformat() if when else "", etype, r[4] or "", goldstein, quad,
            "; ".join(_json_list(r[5])),
            sname, scountry, "", (ssectors or ("",))[0], "; ".join(ssectors), stitle, stext, "",
            tname, tcountry, "", (tsectors or ("",))[0], "; ".join(tsectors), ttitle, ttext, "",
            r[16] if found else "",
            r[16] if found and precision in ("locality", "point") else "", "",
            (r[19] or "") if found else "", (r[18] or "") if found else "",
            num(r[20]) if found else "", num(r[21]) if found else "",
            num(r[22]) if found else "", r[24] if found else "", (r[23] or "") if found else "",
            _outlet(doc), _published_day(doc[3]), people, groups, places, doc[4], doc[6],
            doc_id, str(r[7]), str(r[8]), chunk.offsets(doc_id).get(eid, ""), r[9],
            _fatalities(r[11], r[12]), eid,
        ]
