"""What the event exports read of a chunk of documents, straight from the store's tables (#26).

`Store.analyses` rebuilds whole analyses: every table of a document (the text, the offset map,
quotes, quantities, claims, every actor's mention and evidence span) and a validated record of
each row. An event export reads a few columns of it, so here each chunk of documents is read
with only the columns the export rows use (export_views.EventView and the format modules), into
plain slotted objects that have the records' attribute names, without validation:

- documents: id, source, url, title, published, language, metadata, coder version, stored_at
  (not the text, the original text or the offset map);
- sentences (offsets, text, paragraph), actors (name, kind, country, sectors, title), places
  (span and codes), times (what `convert.event_date` reads);
- events with their sources and targets, and their own evidence spans from their documents'
  span packs (with the documents' texts: the spans are offsets into them).

What the rows are built from is the same values the records hold, in the same order (each
table's rows by ordinal), so the export writes the same bytes either way
(tests/store/test_export_read.py compares them on SQLite and PostgreSQL).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Text, cast, select
from sqlalchemy.sql.elements import Label

from . import span_pack
from .queries import Context
from .schema import T_ACTORS, T_ARGS, T_DOCS, T_EVENTS, T_PLACES, SentenceRow, TimeRow
from .sql import chunks


@dataclass(slots=True)
class LeanSpan:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class LeanRef:
    span: LeanSpan
    actor_id: str | None


@dataclass(slots=True)
class LeanDocument:
    id: str
    source: str | None
    url: str | None
    title: str | None
    published: datetime | None
    language: str
    metadata: dict[str, str]


@dataclass(slots=True)
class LeanSentence:
    id: str
    span: LeanSpan
    paragraph: int


@dataclass(slots=True)
class LeanActor:
    id: str
    name: str
    kind: str
    country: str | None
    sectors: list[str]
    title: str | None


@dataclass(slots=True)
class LeanPlace:
    id: str
    span: LeanSpan
    name: str
    precision: str
    country: str | None
    admin1: str | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    feature: str | None


@dataclass(slots=True)
class LeanTime:
    id: str
    type: str
    value: str | None
    interval_start: str | None
    from_publication_date: bool


@dataclass(slots=True)
class LeanEvent:
    id: str
    type: str
    mode: str | None
    context: list[str]
    cameo: str | None
    trigger: LeanSpan
    place_id: str | None
    time_id: str | None
    modality: str
    asserted_by: str
    sentence_id: str | None
    confidence: float
    incident_id: str | None
    fatalities: int | None
    fatalities_evidence: LeanSpan | None
    sources: list[LeanRef] = field(default_factory=list)
    targets: list[LeanRef] = field(default_factory=list)
    evidence: list[LeanSpan] = field(default_factory=list)


@dataclass(slots=True)
class LeanAnalysis:
    """The parts of an Analysis the export rows read (export_views.Context takes it as one)."""

    document: LeanDocument
    coder_version: str
    sentences: list[LeanSentence] = field(default_factory=list)
    actors: list[LeanActor] = field(default_factory=list)
    places: list[LeanPlace] = field(default_factory=list)
    times: list[LeanTime] = field(default_factory=list)
    events: list[LeanEvent] = field(default_factory=list)


def _span(start: int | None, end: int | None, text: str | None) -> LeanSpan | None:
    return None if start is None else LeanSpan(start, end, text)  # type: ignore[arg-type]


def _stamp(value: datetime | None) -> datetime | None:
    return value if value is None or value.tzinfo else value.replace(tzinfo=UTC)


def _rows(conn, columns: Sequence[Any], where, ids: Sequence[str], *more) -> list[tuple]:
    """The rows of `columns` whose `where` column is one of `ids` (and `more` conditions), as
    the driver's tuples where the SQL can be written plainly (`_plain_sql`): no Row objects."""
    out: list[tuple] = []
    for part in chunks(list(ids)):
        plain = _plain_sql(conn, columns, where, len(part), more)
        if plain is None:  # (the statement is built only here: its IN list costs a call a value)
            out.extend(conn.execute(select(*columns).where(where.in_(part), *more)).all())
            continue
        sql, extra = plain
        cursor = conn.connection.cursor()
        try:
            cursor.execute(sql, (*part, *extra))
            out.extend(cursor.fetchall())
        finally:
            cursor.close()
    return out


_MARKS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def _plain_sql(conn, columns: Sequence[Any], where, n: int, more: Sequence[Any],
               ) -> tuple[str, tuple] | None:
    """SELECT columns FROM table WHERE where IN (n marks) AND column = value ..., with its extra
    parameters; None (read through SQLAlchemy) for a driver of another parameter style or a
    column whose values the driver gives in another type than SQLAlchemy does (a date, a time,
    a boolean on SQLite: these readers turn booleans into bool themselves)."""
    mark = _MARKS.get(conn.dialect.paramstyle)
    if mark is None:
        return None
    quote = conn.dialect.identifier_preparer.quote
    cols = []
    for c in columns:
        if isinstance(c, Label):  # a JSON column read as text
            cols.append(f"CAST({quote(c.element.clause.name)} AS TEXT)")
        elif isinstance(c.type, (DateTime, Date, JSON)):
            return None
        else:
            cols.append(quote(c.name))
    conds = [f"{quote(where.name)} IN ({', '.join([mark] * n)})"]
    values = []
    for cond in more:  # column == literal
        conds.append(f"{quote(cond.left.name)} = {mark}")
        values.append(cond.right.value)
    sql = f"SELECT {', '.join(cols)} FROM {quote(where.table.name)} WHERE {' AND '.join(conds)}"
    return sql, tuple(values)


@lru_cache(maxsize=4096)
def _json(text: str | None) -> Any:
    """A JSON cell read as text, decoded once per distinct value ("[]", '["GOV"]', ...). The
    cache is bounded: documents' metadata can differ in every row, and an export of a big store
    holds no more of them than this, whatever its size."""
    return None if text is None else json.loads(text)


def _text(column):
    """A JSON column read as its text (decoded by `_json`, which sees few distinct values)."""
    return cast(column, Text).label(column.name)


def _by_doc(conn, table, columns: Sequence[str], doc_ids: Sequence[str], by: str = "document_id",
            ) -> dict[str, list[tuple]]:
    """A table's rows of the documents, `columns` only (JSON ones as text), each document's by
    ordinal; by="id": the rows of those ids (`doc_ids` then holds record ids)."""
    out: dict[str, list[tuple]] = defaultdict(list)
    cols = [table.c.document_id, table.c.ordinal,
            *(_text(table.c[c]) if isinstance(table.c[c].type, JSON) else table.c[c]
              for c in columns)]
    for row in _rows(conn, cols, table.c[by], doc_ids):
        out[row[0]].append(row[1:])
    for items in out.values():
        items.sort(key=lambda r: r[0])
    return out


T_SENTENCES = SentenceRow.__table__
T_TIMES = TimeRow.__table__
_DOC_COLUMNS = ("id", "source", "url", "title", "published_iso", "language", "metadata",
                "coder_version", "stored_at")
_EVENT_COLUMNS = ("id", "type", "mode", "context", "cameo", "trigger_start", "trigger_end",
                  "trigger_text", "place_id", "time_id", "modality", "asserted_by",
                  "sentence_id", "confidence", "incident_id", "fatalities", "fatalities_start",
                  "fatalities_end", "fatalities_text")
_ACTOR_COLUMNS = ("id", "name", "kind", "country", "sectors", "title")
_PLACE_COLUMNS = ("id", "start_char", "end_char", "text", "name", "precision", "country",
                  "admin1", "latitude", "longitude", "geonames_id", "feature")
_TIME_COLUMNS = ("id", "type", "value", "interval_start", "from_publication_date")
_SENTENCE_COLUMNS = ("id", "start_char", "end_char", "text", "paragraph")
_SENTENCE_OFFSETS = ("id", "start_char", "end_char", "paragraph")


def _event(row: tuple) -> LeanEvent:
    (eid, etype, mode, context, cameo, t_start, t_end, t_text, place_id, time_id, modality,
     asserted_by, sentence_id, confidence, incident_id, fatalities, f_start, f_end,
     f_text) = row
    return LeanEvent(eid, etype, mode, list(_json(context) or []), cameo,
                     LeanSpan(t_start, t_end, t_text), place_id, time_id, modality, asserted_by,
                     sentence_id, confidence, incident_id, fatalities,
                     _span(f_start, f_end, f_text))


def _event_parts(conn, found: dict[str, LeanEvent], docs: Sequence[str], texts: bool) -> None:
    """Fill each event's sources and targets (by ordinal), read by the primary keys, which start
    with the event id (other events' rows are not read), and its evidence spans, from the
    span packs of its document, `docs` (span_pack.py; without `texts`, offsets only)."""
    args = _rows(conn, [T_ARGS.c.event_id, T_ARGS.c.role, T_ARGS.c.ordinal,
                        T_ARGS.c.start_char, T_ARGS.c.end_char, T_ARGS.c.text,
                        T_ARGS.c.actor_id], T_ARGS.c.event_id, list(found))
    args.sort(key=lambda r: r[2])
    for eid, role, _, start, end, text, actor_id in args:
        event = found.get(eid)
        if event is not None:
            (event.sources if role == "source" else event.targets).append(
                LeanRef(LeanSpan(start, end, text), actor_id))
    for packed, text in span_pack.read(conn, docs, texts).values():
        for eid, spans in span_pack.event_evidence(packed, text).items():
            event = found.get(eid)
            if event is not None:
                event.evidence = [LeanSpan(*span) for span in spans]


def _sentences(conn, events: dict[str, list[LeanEvent]], texts: bool = True,
               ) -> dict[str, list[tuple]]:
    """The sentences the events name (ordinal, id, start, end, text, paragraph) by document;
    every sentence of a document with an event that names none or one not stored (its row
    looks the sentence up by offset). Without `texts`, each text is ""."""
    named = {e.sentence_id for items in events.values() for e in items if e.sentence_id}
    columns = _SENTENCE_COLUMNS if texts else _SENTENCE_OFFSETS
    cols = [T_SENTENCES.c.document_id, T_SENTENCES.c.ordinal,
            *(T_SENTENCES.c[c] for c in columns)]
    out: dict[str, list[tuple]] = defaultdict(list)
    for row in _rows(conn, cols, T_SENTENCES.c.id, sorted(named)):
        out[row[0]].append(row[1:])
    have = {r[1] for items in out.values() for r in items}
    whole = [d for d, items in events.items()
             if any(e.sentence_id is None or e.sentence_id not in have for e in items)]
    if whole:
        for doc_id in whole:
            out.pop(doc_id, None)
        for doc_id, rows in _by_doc(conn, T_SENTENCES, columns, whole).items():
            out[doc_id] = rows
    for doc_id, rows in out.items():
        rows.sort(key=lambda r: r[0])
        if not texts:
            out[doc_id] = [(o, i, s, e, "", p) for o, i, s, e, p in rows]
    return out


class LeanContext(Context):
    """export_views' Context of a LeanAnalysis: its sentences are those its events name (or all,
    see `_sentences`), each at its ordinal, which is its index among the document's sentences."""

    def __init__(self, analysis: LeanAnalysis, ordinals: list[int]):
        self.analysis = analysis  # type: ignore[assignment]
        self.document = analysis.document  # type: ignore[assignment]
        self.actors = {a.id: a for a in analysis.actors}  # type: ignore[misc]
        self.places = {p.id: p for p in analysis.places}  # type: ignore[misc]
        self.times = {t.id: t for t in analysis.times}  # type: ignore[misc]
        self.sentences = {s.id: (i, s) for i, s in  # type: ignore[misc]
                          zip(ordinals, analysis.sentences, strict=True)}


def lean_analyses(store, doc_ids: Sequence[str], wanted: set[str] | None = None,
                  slim: bool = False, evidence_texts: bool | None = None,
                  named_parts: bool = False,
                  ) -> Iterator[tuple[LeanContext, datetime | None]]:
    """Each stored document of `doc_ids` (in that order) as the Context of a LeanAnalysis, with
    its stored_at (UTC); documents no longer stored are passed over. With `wanted`, the
    analysis holds only those of its events (and what they name: their parts, sentences).
    slim=True reads what the GDELT rows read: the texts of sentences and evidence spans are ""
    (offsets only, so the documents' texts are not read), and the analysis holds only the
    actors, places and times its events name. evidence_texts=False (rows that write evidence
    as offsets: POLECAT, ACLED) reads the evidence spans' offsets only, so the documents' texts
    are not read; None: as `slim` says. named_parts=True (rows that read the parties and the
    time of their events, and every place of the document: ACLED's) reads only the actors and
    times the events name, every place, and the sentences' texts. With `wanted`, only those
    events are read."""
    doc_cols = [_text(T_DOCS.c.metadata) if c == "metadata" else T_DOCS.c[c] for c in _DOC_COLUMNS]
    with store.engine.connect() as conn:
        docs = {row[0]: row for row in _rows(conn, doc_cols, T_DOCS.c.id, doc_ids)}
        if wanted is None or len(wanted) > 100 * len(doc_ids):  # (a set of more than a chunk)
            read = _by_doc(conn, T_EVENTS, _EVENT_COLUMNS, doc_ids)
        else:  # the chunk's wanted events, not every event of its documents
            read = _by_doc(conn, T_EVENTS, _EVENT_COLUMNS, sorted(wanted), by="id")
        events = {d: [_event(r) for _, *r in items if wanted is None or r[0] in wanted]
                  for d, items in read.items() if d in docs}
        _event_parts(conn, {e.id: e for items in events.values() for e in items},
                     [d for d, items in events.items() if items],
                     not slim if evidence_texts is None else evidence_texts)
        named = [e for items in events.values() for e in items]
        if slim or named_parts:
            actors = _by_doc(conn, T_ACTORS, _ACTOR_COLUMNS, sorted(
                {r.actor_id for e in named for r in (*e.sources, *e.targets) if r.actor_id}),
                by="id")
            times = _by_doc(conn, T_TIMES, _TIME_COLUMNS,
                            sorted({e.time_id for e in named if e.time_id}), by="id")
        else:
            actors = _by_doc(conn, T_ACTORS, _ACTOR_COLUMNS, doc_ids)
            times = _by_doc(conn, T_TIMES, _TIME_COLUMNS, doc_ids)
        places = (_by_doc(conn, T_PLACES, _PLACE_COLUMNS,
                          sorted({e.place_id for e in named if e.place_id}), by="id")
                  if slim else _by_doc(conn, T_PLACES, _PLACE_COLUMNS, doc_ids))
        sentences = _sentences(conn, events, not slim)
    for doc_id in doc_ids:
        d = docs.get(doc_id)
        if d is None:
            continue
        _, source, url, title, published_iso, language, metadata, coder, stored_at = d
        published = datetime.fromisoformat(published_iso) if published_iso else None
        doc = LeanDocument(doc_id, source, url, title, published, language,
                           dict(_json(metadata) or {}))
        said = sentences.get(doc_id, ())
        analysis = LeanAnalysis(
            doc, coder,
            sentences=[LeanSentence(i, LeanSpan(s, e, t), p) for _, i, s, e, t, p in said],
            actors=[LeanActor(i, n, k, c, list(_json(sec) or []), t)
                    for _, i, n, k, c, sec, t in actors.get(doc_id, ())],
            places=[LeanPlace(i, LeanSpan(s, e, t), *rest)
                    for _, i, s, e, t, *rest in places.get(doc_id, ())],
            times=[LeanTime(i, ty, v, st, bool(f)) for _, i, ty, v, st, f in times.get(doc_id, ())],
            events=events.get(doc_id, []),
        )
        yield LeanContext(analysis, [r[0] for r in said]), _stamp(stored_at)
