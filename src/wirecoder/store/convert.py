"""Records <-> rows: an `Analysis` becomes rows of the store's tables and comes back unchanged."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime
from typing import Any

from ..records import (
    Actor,
    ActorRef,
    Analysis,
    Claim,
    Document,
    DroppedSpan,
    Event,
    OffsetSegment,
    Place,
    Quantity,
    Quote,
    Sentence,
    Span,
    TimeRef,
)
from . import span_pack

Rows = dict[str, list[dict[str, Any]]]

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def timex_date(value: str | None) -> tuple[date, str] | None:
    """The first day a TIMEX3 date value covers, and its granularity; None for anything vaguer."""
    if not value:
        return None
    try:
        if m := _DAY.match(value):
            return date(int(m[1]), int(m[2]), int(m[3])), "day"
        if m := _WEEK.match(value):
            return date.fromisocalendar(int(m[1]), int(m[2]), 1), "week"
        if m := _MONTH.match(value):
            return date(int(m[1]), int(m[2]), 1), "month"
        if m := _YEAR.match(value):
            return date(int(m[1]), 1, 1), "year"
    except ValueError:
        return None
    return None


def event_date(event: Event, times: dict[str, TimeRef],
               published: datetime | None) -> tuple[date | None, str | None]:
    """An event's date for queries and exports: from its time expression where that gives a
    calendar date, else the publication date (precision "published"), also when the coder dated
    the event by the publication date for want of an expression (`from_publication_date`)."""
    time = times.get(event.time_id) if event.time_id else None
    if time is not None and time.type == "DATE" and not time.from_publication_date:
        for value in (time.interval_start, time.value):
            found = timex_date(value)
            if found:
                return found
    if published is not None:
        return published.astimezone(UTC).date(), "published"
    return None, None


def _span_cols(prefix: str, span: Span | None) -> dict[str, Any]:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_text": None}
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_text": span.text}


def _span_of(row: dict[str, Any], prefix: str) -> Span | None:
    if row[f"{prefix}_start"] is None:
        return None
    return Span(start=row[f"{prefix}_start"], end=row[f"{prefix}_end"], text=row[f"{prefix}_text"])


def _plain_span(row: dict[str, Any]) -> Span:
    return Span(start=row["start_char"], end=row["end_char"], text=row["text"])


def _plain_cols(span: Span) -> dict[str, Any]:
    return {"start_char": span.start, "end_char": span.end, "text": span.text}


def _event_row(e: Event, did: str, i: int, times: dict[str, TimeRef],
               published: datetime | None) -> dict[str, Any]:
    when, precision = event_date(e, times, published)
    return {
        "id": e.id, "document_id": did, "ordinal": i, "type": e.type, "mode": e.mode,
        "context": list(e.context), "cameo": e.cameo, **_span_cols("trigger", e.trigger),
        "place_id": e.place_id, "time_id": e.time_id, "modality": e.modality,
        "asserted_by": e.asserted_by, "quote_id": e.quote_id, "sentence_id": e.sentence_id,
        "confidence": e.confidence, "prominence": e.prominence, "event_date": when,
        "date_precision": precision, "incident_id": e.incident_id,
        "fatalities": e.fatalities, **_span_cols("fatalities", e.fatalities_evidence),
        "published": published.astimezone(UTC) if published else None,  # the listings' order
    }


def analysis_to_rows(analysis: Analysis, run_id: str | None, stored_at: datetime) -> Rows:
    """Every table's rows for one analysis."""
    doc = analysis.document
    did = doc.id
    rows: Rows = defaultdict(list)
    rows["documents"].append(_document_row(analysis, run_id, stored_at))
    rows["dropped_spans"].extend(_dropped_row(d, did, i) for i, d in enumerate(doc.dropped))
    rows["sentences"].extend({"id": s.id, "document_id": did, "ordinal": i,
                              **_plain_cols(s.span), "paragraph": s.paragraph}
                             for i, s in enumerate(analysis.sentences))
    for i, a in enumerate(analysis.actors):
        rows["actors"].append(_actor_row(a, did, i))
        _spans(rows, did, "actor", a.id, "mention", a.mentions)
        _spans(rows, did, "actor", a.id, "evidence", a.evidence)
    times = {t.id: t for t in analysis.times}
    actor_countries = {a.id: a.country for a in analysis.actors}
    place_countries = {p.id: p.country for p in analysis.places}
    for i, e in enumerate(analysis.events):
        rows["events"].append(_event_row(e, did, i, times, doc.published))
        rows["event_arguments"].extend(_argument_rows(e, did))
        rows["event_countries"].extend(
            event_country_rows(e, did, actor_countries, place_countries))
        _spans(rows, did, "event", e.id, "evidence", e.evidence)
    for i, q in enumerate(analysis.quotes):
        rows["quotes"].append(_quote_row(q, did, i))
        _spans(rows, did, "quote", q.id, "content", q.content)
        _spans(rows, did, "quote", q.id, "evidence", q.evidence)
    for table, kind, build in _EVIDENCED:
        # demonyms share the places table, told apart by their feature "demonym"
        records = analysis.places + analysis.demonyms if table == "places" else getattr(analysis, table)
        for i, record in enumerate(records):
            rows[table].append(build(record, did, i))
            _spans(rows, did, kind, record.id, "evidence", record.evidence)
    rows["span_packs"].append({"document_id": did,
                               "spans": span_pack.pack(rows.pop("evidence_spans", ()), doc.text)})
    return rows


def _spans(rows: Rows, did: str, kind: str, record_id: str, role: str,
           items: Iterable[Span]) -> None:
    for i, span in enumerate(items):
        rows["evidence_spans"].append({
            "record_id": record_id, "role": role, "ordinal": i, "document_id": did,
            "record_kind": kind, **_plain_cols(span),
        })


def _document_row(analysis: Analysis, run_id: str | None, stored_at: datetime) -> dict[str, Any]:
    doc = analysis.document
    return {
        "id": doc.id, "run_id": run_id, "coder_version": analysis.coder_version,
        "schema_version": analysis.schema_version, "stages": list(analysis.stages),
        "source": doc.source, "url": doc.url, "title": doc.title,
        "published": doc.published.astimezone(UTC) if doc.published else None,
        "published_iso": doc.published.isoformat() if doc.published else None,
        "language": doc.language, "text": doc.text, "original_text": doc.original_text,
        "offset_map": [[s.clean_start, s.orig_start, s.length] for s in doc.offset_map],
        "metadata": dict(doc.metadata), "stored_at": stored_at,
    }


def _dropped_row(d: DroppedSpan, did: str, i: int) -> dict[str, Any]:
    return {
        "document_id": did, "ordinal": i, "start_char": d.start, "end_char": d.end,
        "text": d.text, "reason": d.reason,
        "duplicate_of_start": d.duplicate_of[0] if d.duplicate_of else None,
        "duplicate_of_end": d.duplicate_of[1] if d.duplicate_of else None,
    }


def _actor_row(a: Actor, did: str, i: int) -> dict[str, Any]:
    return {
        "id": a.id, "document_id": did, "ordinal": i, "name": a.name, "kind": a.kind,
        "country": a.country, "sectors": list(a.sectors), "title": a.title,
        "confidence": a.confidence,
    }


def _argument_rows(e: Event, did: str) -> list[dict[str, Any]]:
    return [{"event_id": e.id, "role": role, "ordinal": j, "document_id": did,
             **_plain_cols(ref.span), "actor_id": ref.actor_id}
            for role, refs in (("source", e.sources), ("target", e.targets))
            for j, ref in enumerate(refs)]


def event_country_rows(e: Event, did: str, actor_countries: dict[str, str | None],
                       place_countries: dict[str, str | None]) -> list[dict[str, Any]]:
    """The `event_countries` rows of an event: the country of each source's and target's
    actor and of its place, once per (role, country), as the rows the country filter read
    before (an argument's actor, the event's place) hold them."""
    found = [(role, actor_countries.get(ref.actor_id))
             for role, refs in (("source", e.sources), ("target", e.targets))
             for ref in refs if ref.actor_id]
    if e.place_id:
        found.append(("place", place_countries.get(e.place_id)))
    return [{"event_id": e.id, "role": role, "country": country, "document_id": did}
            for role, country in dict.fromkeys(found) if country]


def _quote_row(q: Quote, did: str, i: int) -> dict[str, Any]:
    return {
        "id": q.id, "document_id": did, "ordinal": i, "kind": q.kind,
        **_span_cols("speaker", q.speaker.span if q.speaker else None),
        "speaker_actor_id": q.speaker.actor_id if q.speaker else None,
        "speaker_name": q.speaker_name, "anonymous": q.anonymous,
        **_span_cols("cue", q.cue),
        **_span_cols("addressee", q.addressee.span if q.addressee else None),
        "addressee_actor_id": q.addressee.actor_id if q.addressee else None,
        "time_id": q.time_id, "confidence": q.confidence,
    }


def _quantity_row(n: Quantity, did: str, i: int) -> dict[str, Any]:
    return {
        "id": n.id, "document_id": did, "ordinal": i, **_plain_cols(n.span),
        "value": n.value, "value_high": n.value_high, "unit": n.unit,
        "normalized_unit": n.normalized_unit, "approximate": n.approximate,
        "change": n.change, **_span_cols("concept", n.concept), "time_id": n.time_id,
        "place_id": n.place_id, "confidence": n.confidence,
    }


def _claim_row(c: Claim, did: str, i: int) -> dict[str, Any]:
    return {
        "id": c.id, "document_id": did, "ordinal": i, "kind": c.kind, "verdict": c.verdict,
        "explanation": c.explanation, "quantity_ids": list(c.quantity_ids),
        "asserted_by": c.asserted_by, "confidence": c.confidence,
    }


def _time_row(t: TimeRef, did: str, i: int) -> dict[str, Any]:
    return {
        "id": t.id, "document_id": did, "ordinal": i, **_plain_cols(t.span), "type": t.type,
        "value": t.value, "granularity": t.granularity, "interval_start": t.interval_start,
        "interval_end": t.interval_end, "from_publication_date": t.from_publication_date,
        "confidence": t.confidence,
    }


def _place_row(p: Place, did: str, i: int) -> dict[str, Any]:
    return {
        "id": p.id, "document_id": did, "ordinal": i, **_plain_cols(p.span), "name": p.name,
        "precision": p.precision, "country": p.country, "admin1": p.admin1,
        "latitude": p.latitude, "longitude": p.longitude, "geonames_id": p.geonames_id,
        "feature": p.feature, "confidence": p.confidence,
    }


# The records whose only spans are their evidence, in the order their rows are built.
_EVIDENCED = (("quantities", "quantity", _quantity_row), ("claims", "claim", _claim_row),
              ("times", "time", _time_row), ("places", "place", _place_row))


# ---------------------------------------------------------------------------------------------
# rows -> records


class Loaded:
    """Rows of several documents, grouped for rebuilding records. The records' span lists come
    from `span_packs` rows, unpacked with their documents' texts (`texts`, doc id -> text; by
    default those of the `documents` rows), or from `evidence_spans` rows (a store before
    migration 0011)."""

    def __init__(self, rows: Rows, texts: dict[str, str] | None = None):
        self.by_doc: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for table, items in rows.items():
            if table in ("evidence_spans", "event_arguments", "span_packs"):
                continue
            for row in sorted(items, key=lambda r: r.get("ordinal", 0)):
                self.by_doc[row["document_id"] if table != "documents" else row["id"]][table].append(row)
        if texts is None:
            texts = {d["id"]: d["text"] for d in rows.get("documents", ())}
        spans = list(rows.get("evidence_spans", ()))
        for pack in rows.get("span_packs", ()):
            did = pack["document_id"]
            spans.extend(span_pack.unpack(pack["spans"], texts[did], did))
        self.spans: dict[tuple[str, str], list[Span]] = defaultdict(list)
        for row in sorted(spans, key=lambda r: r["ordinal"]):
            self.spans[(row["record_id"], row["role"])].append(_plain_span(row))
        self.args: dict[tuple[str, str], list[ActorRef]] = defaultdict(list)
        for row in sorted(rows.get("event_arguments", []), key=lambda r: r["ordinal"]):
            self.args[(row["event_id"], row["role"])].append(
                ActorRef(span=_plain_span(row), actor_id=row["actor_id"]))

    def ev(self, record_id: str, role: str = "evidence") -> list[Span]:
        return list(self.spans.get((record_id, role), []))

    def event(self, r: dict[str, Any]) -> Event:
        return Event(
            id=r["id"], type=r["type"], mode=r["mode"], context=list(r["context"] or []),
            cameo=r["cameo"], trigger=_span_of(r, "trigger"),
            sources=list(self.args.get((r["id"], "source"), [])),
            targets=list(self.args.get((r["id"], "target"), [])),
            place_id=r["place_id"], time_id=r["time_id"], modality=r["modality"],
            asserted_by=r["asserted_by"], quote_id=r["quote_id"], sentence_id=r["sentence_id"],
            evidence=self.ev(r["id"]), confidence=r["confidence"], prominence=r["prominence"],
            incident_id=r["incident_id"], fatalities=r["fatalities"],
            fatalities_evidence=_span_of(r, "fatalities"),
        )

    def quote(self, r: dict[str, Any]) -> Quote:
        speaker = _span_of(r, "speaker")
        addressee = _span_of(r, "addressee")
        return Quote(
            id=r["id"], kind=r["kind"], content=self.ev(r["id"], "content"),
            speaker=ActorRef(span=speaker, actor_id=r["speaker_actor_id"]) if speaker else None,
            speaker_name=r["speaker_name"], anonymous=bool(r["anonymous"]),
            cue=_span_of(r, "cue"),
            addressee=(ActorRef(span=addressee, actor_id=r["addressee_actor_id"])
                       if addressee else None),
            time_id=r["time_id"], evidence=self.ev(r["id"]), confidence=r["confidence"],
        )

    def claim(self, r: dict[str, Any]) -> Claim:
        return Claim(id=r["id"], kind=r["kind"], verdict=r["verdict"],
                     explanation=r["explanation"], quantity_ids=list(r["quantity_ids"] or []),
                     asserted_by=r["asserted_by"], evidence=self.ev(r["id"]),
                     confidence=r["confidence"])

    def actor(self, r: dict[str, Any]) -> Actor:
        return Actor(id=r["id"], name=r["name"], kind=r["kind"], country=r["country"],
                     sectors=list(r["sectors"] or []), title=r["title"],
                     mentions=self.ev(r["id"], "mention"), evidence=self.ev(r["id"]),
                     confidence=r["confidence"])

    def quantity(self, r: dict[str, Any]) -> Quantity:
        return Quantity(id=r["id"], span=_plain_span(r), value=r["value"],
                        value_high=r["value_high"], unit=r["unit"],
                        normalized_unit=r["normalized_unit"], approximate=bool(r["approximate"]),
                        change=r["change"], concept=_span_of(r, "concept"), time_id=r["time_id"],
                        place_id=r["place_id"], evidence=self.ev(r["id"]),
                        confidence=r["confidence"])

    def time(self, r: dict[str, Any]) -> TimeRef:
        return TimeRef(id=r["id"], span=_plain_span(r), type=r["type"], value=r["value"],
                       granularity=r["granularity"], interval_start=r["interval_start"],
                       interval_end=r["interval_end"],
                       from_publication_date=bool(r["from_publication_date"]),
                       evidence=self.ev(r["id"]), confidence=r["confidence"])

    def place(self, r: dict[str, Any]) -> Place:
        return Place(id=r["id"], span=_plain_span(r), name=r["name"], precision=r["precision"],
                     country=r["country"], admin1=r["admin1"], latitude=r["latitude"],
                     longitude=r["longitude"], geonames_id=r["geonames_id"], feature=r["feature"],
                     evidence=self.ev(r["id"]), confidence=r["confidence"])

    def document(self, r: dict[str, Any], dropped: list[dict[str, Any]]) -> Document:
        published = datetime.fromisoformat(r["published_iso"]) if r["published_iso"] else None
        return Document(
            id=r["id"], source=r["source"], url=r["url"], title=r["title"], published=published,
            language=r["language"], text=r["text"], original_text=r["original_text"],
            dropped=[DroppedSpan(
                start=d["start_char"], end=d["end_char"], text=d["text"], reason=d["reason"],
                duplicate_of=((d["duplicate_of_start"], d["duplicate_of_end"])
                              if d["duplicate_of_start"] is not None else None),
            ) for d in dropped],
            offset_map=[OffsetSegment(clean_start=a, orig_start=b, length=n)
                        for a, b, n in (r["offset_map"] or [])],
            metadata=dict(r["metadata"] or {}),
        )

    def analysis(self, doc_id: str) -> Analysis:
        t = self.by_doc[doc_id]
        [d] = t["documents"]
        return Analysis(
            schema_version=d["schema_version"], coder_version=d["coder_version"],
            stages=list(d["stages"]), document=self.document(d, t["dropped_spans"]),
            sentences=[Sentence(id=s["id"], span=_plain_span(s), paragraph=s["paragraph"])
                       for s in t["sentences"]],
            actors=[self.actor(r) for r in t["actors"]],
            events=[self.event(r) for r in t["events"]],
            quotes=[self.quote(r) for r in t["quotes"]],
            quantities=[self.quantity(r) for r in t["quantities"]],
            claims=[self.claim(r) for r in t["claims"]],
            times=[self.time(r) for r in t["times"]],
            places=[self.place(r) for r in t["places"] if r["feature"] != "demonym"],
            demonyms=[self.place(r) for r in t["places"] if r["feature"] == "demonym"],
        )


def utcnow() -> datetime:
    return datetime.now(UTC)


__all__ = ["Loaded", "Rows", "analysis_to_rows", "event_country_rows", "event_date",
           "timex_date", "utcnow"]
