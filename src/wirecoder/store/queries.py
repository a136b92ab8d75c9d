"""Queries over the store (`events`, `quotes`, `claims`) and the output formats they share.

    query("events", "sqlite:///news.db", fmt="csv", type="ASSAULT", country="MEX")

Each record becomes one flat row that names its parties, place and date and keeps the document
id and the evidence offsets (character offsets into the document's cleaned text). `table` prints
a short selection of columns; `csv`, `json` and `jsonl` print every column (lists are joined by
"; " in CSV and stay lists in JSON).
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from typing import Any, TextIO

from ..records import ActorRef, Analysis, Span
from .convert import event_date
from .errors import BadFilter
from .repository import Store, open_store

OUTPUT_FORMATS = ("table", "csv", "json", "jsonl")


class Context:
    """One analysis, indexed for building rows: actors, places, times and sentences by id. With
    a `registry` (store/registry_queries.RegistryIndex, the exports set it), a party's codes the
    document left open come from the store's actor registry (`registry_codes`)."""

    registry: Any = None

    def __init__(self, analysis: Analysis):
        self.analysis = analysis
        self.document = analysis.document
        self.actors = {a.id: a for a in analysis.actors}
        self.places = {p.id: p for p in analysis.places}
        self.times = {t.id: t for t in analysis.times}
        self.sentences = {s.id: (i, s) for i, s in enumerate(analysis.sentences)}

    def party(self, ref: ActorRef | None) -> dict[str, Any]:
        """A source, target or speaker: its text, resolved name, codes and title."""
        if ref is None:
            return {"text": "", "name": "", "actor_id": "", "country": "", "sectors": [],
                    "title": "", "kind": ""}
        actor = self.actors.get(ref.actor_id) if ref.actor_id else None
        party = {
            "text": ref.span.text, "name": actor.name if actor else ref.span.text,
            "actor_id": ref.actor_id or "", "country": (actor.country or "") if actor else "",
            "sectors": list(actor.sectors) if actor else [],
            "title": (actor.title or "") if actor else "", "kind": actor.kind if actor else "",
        }
        if self.registry is not None:
            node = (self.registry.by_actor.get(ref.actor_id) if actor is not None
                    else self.registry.for_text(ref.span.text))
            if node is not None:
                registry_codes(party, node, named=actor is None)
        return party

    def who(self, asserted_by: str) -> str:
        if asserted_by == "narrator":
            return "narrator"
        actor = self.actors.get(asserted_by)
        return actor.name if actor else asserted_by

    def sentence_of(self, sentence_id: str | None, offset: int | None = None):
        """(index, Sentence) by id, else the sentence holding `offset`; None when neither."""
        found = self.sentences.get(sentence_id) if sentence_id else None
        if found is None and offset is not None:
            found = next(((i, s) for i, s in enumerate(self.analysis.sentences)
                          if s.span.start <= offset < s.span.end), None)
        return found

    def sentence_text(self, sentence_id: str | None, offset: int | None = None) -> str:
        found = self.sentence_of(sentence_id, offset)
        return found[1].span.text if found else ""


def registry_codes(party: dict[str, Any], node: Any, named: bool) -> None:
    """Fill the codes the document left open from the party's registry actor `node` (its
    actor across documents: "Trump" coded USA GOV in another report, or by the dictionary): the
    country when it has none, the sectors when it has none, each only where the code the party
    has agrees with the registry's. `named`: the party has no actor of its document, only words
    that name a registry actor ("Rubio"): it takes the registry's name too."""
    country, sectors = party["country"], party["sectors"]
    if not country and node.country and (not sectors or node.sector in sectors):
        party["country"] = node.country
    if not sectors and node.sectors and (not country or country == node.country):
        party["sectors"] = list(node.sectors)
    if named:
        party["name"] = node.name


def spans_text(spans: Sequence[Span]) -> str:
    """Evidence offsets as "start-end;start-end"."""
    return ";".join(f"{s.start}-{s.end}" for s in spans)


def _names(parties: list[dict[str, Any]], key: str) -> list[str]:
    return [p[key] for p in parties if p[key]]


def event_row(ctx: Context, event) -> dict[str, Any]:
    sources = [ctx.party(r) for r in event.sources]
    targets = [ctx.party(r) for r in event.targets]
    place = ctx.places.get(event.place_id) if event.place_id else None
    when, precision = event_date(event, ctx.times, ctx.document.published)
    return {
        "id": event.id, "document_id": ctx.document.id,
        "date": when.isoformat() if when else "", "date_precision": precision or "",
        "type": event.type, "mode": event.mode or "", "cameo": event.cameo or "",
        "context": list(event.context), "modality": event.modality,
        "asserted_by": ctx.who(event.asserted_by),
        "source": _names(sources, "name"), "source_country": _names(sources, "country"),
        "source_sectors": sorted({s for p in sources for s in p["sectors"]}),
        "target": _names(targets, "name"), "target_country": _names(targets, "country"),
        "target_sectors": sorted({s for p in targets for s in p["sectors"]}),
        "place": place.name if place else "", "place_country": (place.country or "") if place else "",
        "latitude": place.latitude if place else None, "longitude": place.longitude if place else None,
        "trigger": event.trigger.text, "trigger_start": event.trigger.start,
        "trigger_end": event.trigger.end, "evidence": spans_text(event.evidence),
        "sentence": ctx.sentence_text(event.sentence_id, event.trigger.start), "confidence": event.confidence,
        "title": ctx.document.title or "", "url": ctx.document.url or "",
        "incident_id": event.incident_id or "", "fatalities": event.fatalities,
        "fatalities_evidence": event.fatalities_evidence.text if event.fatalities_evidence else "",
    }


def quote_row(ctx: Context, quote) -> dict[str, Any]:
    speaker = ctx.party(quote.speaker)
    addressee = ctx.party(quote.addressee)
    published = ctx.document.published
    return {
        "id": quote.id, "document_id": ctx.document.id,
        "published": published.date().isoformat() if published else "", "kind": quote.kind,
        "speaker": quote.speaker_name or speaker["name"], "speaker_text": speaker["text"],
        "speaker_country": speaker["country"], "speaker_sectors": speaker["sectors"],
        "speaker_title": speaker["title"], "anonymous": quote.anonymous,
        "cue": quote.cue.text if quote.cue else "", "addressee": addressee["name"],
        "content": " … ".join(s.text for s in quote.content),
        "content_start": quote.content[0].start if quote.content else None,
        "content_end": quote.content[-1].end if quote.content else None,
        "evidence": spans_text(quote.evidence), "confidence": quote.confidence,
        "title": ctx.document.title or "", "url": ctx.document.url or "",
    }


def claim_row(ctx: Context, claim) -> dict[str, Any]:
    published = ctx.document.published
    return {
        "id": claim.id, "document_id": ctx.document.id,
        "published": published.date().isoformat() if published else "", "kind": claim.kind,
        "verdict": claim.verdict, "explanation": claim.explanation,
        "asserted_by": ctx.who(claim.asserted_by), "quantity_ids": list(claim.quantity_ids),
        "evidence_start": claim.evidence[0].start if claim.evidence else None,
        "evidence_end": claim.evidence[-1].end if claim.evidence else None,
        "evidence": spans_text(claim.evidence), "confidence": claim.confidence,
        "title": ctx.document.title or "", "url": ctx.document.url or "",
    }


KINDS: dict[str, tuple[str, str, Callable[[Context, Any], dict[str, Any]], list[str]]] = {
    # kind: (Store hit method, Analysis attribute, row builder, columns shown by --table)
    "events": ("event_hits", "events", event_row,
               ["date", "type", "modality", "source", "target", "place", "trigger", "document_id"]),
    "quotes": ("quote_hits", "quotes", quote_row,
               ["published", "kind", "speaker", "content", "document_id"]),
    "claims": ("claim_hits", "claims", claim_row,
               ["published", "kind", "verdict", "asserted_by", "explanation", "document_id"]),
}


def with_default_confidence(filters: dict[str, Any]) -> dict[str, Any]:
    """Event filters with `min_confidence` set to DEFAULT_MIN_CONFIDENCE when not given: what
    users list, export and see favours precision unless they ask otherwise."""
    if filters.get("min_confidence") is not None:
        return filters
    from ..extract.event_confidence import DEFAULT_MIN_CONFIDENCE

    return {**filters, "min_confidence": DEFAULT_MIN_CONFIDENCE}


def iter_rows(store: Store, kind: str, **filters: Any) -> Iterator[dict[str, Any]]:
    """Rows of `kind` (events, quotes, claims) passing `filters`, in publication order. Events
    below DEFAULT_MIN_CONFIDENCE are left out unless `min_confidence` says otherwise (0 keeps all),
    as on the command line and in the API."""
    if kind not in KINDS:
        raise BadFilter(f"unknown record kind {kind!r}; choose from {', '.join(KINDS)}")
    if kind == "events":
        filters = with_default_confidence(filters)
    method, attr, build, _ = KINDS[kind]
    hits = getattr(store, method)(**{k: v for k, v in filters.items() if v is not None})
    if kind == "events":  # only the hit events and what they name (event_rows.py)
        from .event_rows import event_rows

        yield from event_rows(store, hits)
        return
    doc_ids = list(dict.fromkeys(d for d, _ in hits))
    wanted: dict[str, list[str]] = {}
    for doc_id, record_id in hits:
        wanted.setdefault(doc_id, []).append(record_id)
    for analysis in store.analyses(doc_ids, chunk=50):
        ctx = Context(analysis)
        records = {r.id: r for r in getattr(analysis, attr)}
        for record_id in wanted[analysis.document.id]:
            yield build(ctx, records[record_id])


def cell(value: Any) -> str:
    """One value as a CSV cell of `--csv`: lists joined by "; ", None empty, booleans lower case."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(value)


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def write_rows(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO,
               table_columns: Sequence[str] | None = None) -> int:
    """Rows in one of the shared output formats: table, csv, json, jsonl; returns the count.
    csv and jsonl are written as the rows come (a generator is never held whole); json and
    table need every row first (one list, column widths)."""
    if fmt not in OUTPUT_FORMATS:
        raise BadFilter(f"unknown output format {fmt!r}; choose from {', '.join(OUTPUT_FORMATS)}")
    if fmt == "jsonl":
        n = 0
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
            n += 1
        return n
    if fmt == "csv":
        n, writer = 0, None
        for row in rows:
            n += 1
            if writer is None:
                writer = csv.DictWriter(out, fieldnames=list(row), lineterminator="\n")
                writer.writeheader()
            writer.writerow({k: cell(v) for k, v in row.items()})
        return n
    rows = list(rows)
    if fmt == "json":
        out.write(json.dumps(rows, indent=2, ensure_ascii=False, default=str) + "\n")
    elif not rows:
        out.write("(no rows)\n")
    else:
        columns = list(table_columns or rows[0].keys())
        cells = [[_clip(cell(row.get(c)), 48) for c in columns] for row in rows]
        widths = [max(len(c), *(len(r[i]) for r in cells)) for i, c in enumerate(columns)]
        out.write("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip() + "\n")
        out.write("  ".join("-" * w for w in widths) + "\n")
        for r in cells:
            out.write("  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() + "\n")
    return len(rows)


def rows(kind: str, db_url: str | None = None, **filters: Any) -> list[dict[str, Any]]:
    """The rows `query` prints, as dicts."""
    with open_store(db_url, read_only=True) as store:
        return list(iter_rows(store, kind, **filters))


def query(kind: str, db_url: str | None = None, fmt: str = "table", out: TextIO | None = None,
          **filters: Any) -> int:
    """Print the `kind` records (events, quotes, claims) passing `filters`; returns the count.

    Filters: type, actor, country, since, until, modality (events), place (events),
    verdict (claims), document, limit. See `Store.event_hits` for what each matches.
    """
    if fmt not in OUTPUT_FORMATS:  # before the store is opened
        raise BadFilter(f"unknown output format {fmt!r}; choose from {', '.join(OUTPUT_FORMATS)}")
    with open_store(db_url, read_only=True) as store:
        return write_rows(iter_rows(store, kind, **filters), fmt, out or sys.stdout,
                          KINDS[kind][3])
