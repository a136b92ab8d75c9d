"""Exports of the store in the formats event-data users already read.

    export("sqlite:///news.db", "gdelt-tsv", "events.tsv")
    export("sqlite:///news.db", "acled-csv", "incidents.csv", min_confidence=0.5)

| format        | one row per | layout |
| ---           | ---         | ---    |
| plover-jsonl  | event (incident with clusters) | PLOVER JSON data fields (id, date, source, recipient, event, event_loc, event_text, quad_code, event_scale, mode, context, text, text_info, cite_info, coder, coded_date) |
| polecat-tsv   | event (incident with clusters) | the 40 columns of POLECAT's weekly TSV files, header line first |
| acled-csv     | incident that happened (asserted, historical or reported) of a type and mode ACLED codes (knowledge/acled_events.tsv) | ACLED's 31 columns (export_acled.py) |
| gdelt-tsv     | event (incident with clusters) | GDELT 2.0's 61 event columns, no header; our columns in OUT.wirecoder.tsv (export_gdelt.py) |
| parquet       | row of every table | a folder with one `<table>.parquet` per store table |

`clusters=True` (`--clusters`) makes a row stand for an incident: the mentions a report's coder
linked and those one `wirecoder dedup` cluster holds (export_views.py); ACLED rows always do.
`min_confidence` (`--min-confidence`) applies to every format: the event formats leave out
events below it (DEFAULT_MIN_CONFIDENCE unless given; 0 keeps all); parquet, which writes whole
tables, leaves out only the events below a threshold given explicitly, with their arguments,
evidence spans and cluster memberships.

Every event row also carries the wirecoder document id and evidence offsets (character offsets
into the document's cleaned text): PLOVER records in `document_id` and `evidence`, POLECAT and
ACLED in trailing columns (Title Case for POLECAT, lower-case for ACLED), GDELT in its sidecar.
Dyadic formats (POLECAT, ACLED, GDELT) take an event's first source and first target (ACLED
lists the others as associated actors; PLOVER and Parquet keep all).
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any, TextIO

from ..errors import UnknownFormat
from . import codes, export_views
from .errors import ExportError
from .export_acled import ACLED_COLUMNS, ACLED_EXTRA, acled_plover_types, acled_row
from .export_flat import flat_chunks, flat_supported, gdelt_flat_rows, polecat_flat_rows
from .export_gdelt import (
    GDELT_COLUMNS,
    GDELT_SIDECAR,
    SIDECAR_SUFFIX,
    gdelt_event_rows,
    gdelt_row,
    gdelt_sidecar_row,
    tsv_cell,
)
from .export_parquet import parquet_schema, write_parquet
from .export_read import lean_analyses
from .export_views import HAPPENED, Unit, document_chunks, iter_units, narrowed, num
from .queries import with_default_confidence
from .repository import Store, open_store

__all__ = ["ACLED_COLUMNS", "ACLED_EXTRA", "EXPORT_FORMATS", "GDELT_COLUMNS", "GDELT_SIDECAR",
           "PLOVER_EXTRA", "PLOVER_FIELDS", "POLECAT_COLUMNS", "POLECAT_EXTRA", "export",
           "parquet_schema", "sidecar_path"]

# -- column lists ---------------------------------------------------------------------------------

POLECAT_COLUMNS = [
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
]
POLECAT_EXTRA = ["Document ID", "Evidence Start", "Evidence End", "Evidence Spans", "Modality",
                 "Fatalities", "Mention IDs"]

PLOVER_FIELDS = [
    "id", "has_event", "date", "source", "recipient", "event", "event_loc", "event_text",
    "quad_code", "event_scale", "mode", "context", "text", "text_info", "cite_info", "coder",
    "coded_date",
]
PLOVER_EXTRA = ["document_id", "evidence", "modality", "asserted_by", "cameo", "confidence",
                "date_precision", "fatalities", "fatalities_evidence", "mention_ids"]

# -- PLOVER ---------------------------------------------------------------------------------------


def _plover_actor(party: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"code": party["country"], "sector": "".join(party["sectors"][:2]),
                           "actor_text": party["text"]}
    if party["actor_id"]:
        out["identifier_id"] = party["actor_id"]
        out["identifier_text"] = party["name"]
    if party["title"]:
        out["office"] = party["title"]
    return out


def plover_record(unit: Unit) -> dict[str, Any]:
    v = unit.best
    e, doc = v.event, v.doc
    loc = None
    if v.place is not None:
        p = v.place
        info = codes.country(p.country)
        loc = {"geonameid": p.geonames_id, "name": p.name, "latitude": p.latitude,
               "longitude": p.longitude, "feature code": p.feature or "",
               "country code": info["alpha2"], "cc3": p.country or "", "admin1 code": p.admin1 or "",
               "precision": p.precision}
    record: dict[str, Any] = {
        "id": unit.key, "has_event": True, "date": v.date_text,
        "source": [_plover_actor(p) for p in v.sources],
        "recipient": [_plover_actor(p) for p in v.targets],
        "event": [e.type], "event_loc": loc, "event_text": [e.trigger.text],
        "quad_code": v.quad, "event_scale": v.goldstein,
        "mode": [e.mode] if e.mode else [], "context": list(e.context),
        "text": v.sentence.span.text if v.sentence else "",
        "text_info": ({"sequence": v.sentence_index, "start": v.sentence.span.start,
                       "end": v.sentence.span.end} if v.sentence else {}),
        "cite_info": {"url": doc.url or "", "title": doc.title or "", "language": doc.language,
                      "publication": v.publisher, "coder": v.ctx.analysis.coder_version,
                      "codebook": "PLOVER"},
        "coder": "wirecoder",
        "coded_date": v.stored_at.date().isoformat() if v.stored_at else "",
        "document_id": doc.id,
        "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in e.evidence],
        "modality": e.modality, "asserted_by": v.ctx.who(e.asserted_by), "cameo": e.cameo or "",
        "confidence": e.confidence, "date_precision": v.precision or "",
        "fatalities": unit.fatalities(), "fatalities_evidence": unit.fatalities_evidence(),
        "mention_ids": unit.event_ids,
    }
    return record


# -- POLECAT --------------------------------------------------------------------------------------


def polecat_row(unit: Unit) -> list[str]:
    v = unit.best
    e, doc, p = v.event, v.doc, v.place
    actors = v.ctx.analysis.actors
    city = p.name if p is not None and p.precision in ("locality", "point") else ""
    s, t = v.source, v.target
    row = [
        unit.key, v.date_text, e.type, e.mode or "", num(v.goldstein), num(v.quad),
        "; ".join(e.context),
        s["name"], s["country"], "", (s["sectors"] or [""])[0], "; ".join(s["sectors"]),
        s["title"], s["text"], "",
        t["name"], t["country"], "", (t["sectors"] or [""])[0], "; ".join(t["sectors"]),
        t["title"], t["text"], "",
        p.name if p else "", city, "", (p.admin1 or "") if p else "",
        (p.country or "") if p else "", num(p.latitude) if p else "",
        num(p.longitude) if p else "", num(p.geonames_id) if p else "",
        p.span.text if p else "", (p.feature or "") if p else "",
        v.publisher, doc.published.date().isoformat() if doc.published else "",
        "; ".join(a.name for a in actors if a.kind == "person"),
        "; ".join(a.name for a in actors if a.kind in ("organization", "group")),
        "; ".join(dict.fromkeys(pl.name for pl in v.ctx.analysis.places)),
        doc.language, v.ctx.analysis.coder_version,
    ]
    ev = v.evidence()
    fatalities = unit.fatalities()
    return row + [doc.id, str(ev["start"]), str(ev["end"]), ev["spans"], e.modality,
                  "" if fatalities is None else str(fatalities), ";".join(unit.event_ids)]


# -- writers --------------------------------------------------------------------------------------


@contextmanager
def _open_text(out_path: str | os.PathLike[str]) -> Iterator[TextIO]:
    if str(out_path) == "-":
        yield sys.stdout
        return
    path = Path(out_path)
    if path.is_dir():
        raise ExportError(f"the output is a folder, not a file: {path}")
    if not path.parent.exists():
        raise ExportError(f"no such folder for the output: {path.parent}")
    with path.open("w", encoding="utf-8", newline="") as fh:
        yield fh


class _Request:
    """One export's choices: the event filters, the header line, and whether rows are incidents."""

    def __init__(self, filters: dict[str, Any], header: bool, clusters: bool):
        self.filters = filters
        self.header = header
        self.clusters = clusters

    def units(self, store: Store, filters: dict[str, Any] | None = None,
              slim: bool = False, evidence_texts: bool = True) -> Iterator[Unit]:
        chosen = self.filters if filters is None else filters
        return iter_units(store, chosen, self.clusters, slim=slim, evidence_texts=evidence_texts)


def _tsv_line(cells: list[str]) -> str:
    try:
        line = "\t".join(cells)
    except TypeError:  # a cell that is no string: each cell on its own
        line = None
    if line is not None and not any(c in line for c in ('"', "\n", "\r")) and \
            line.count("\t") == len(cells) - 1:  # nothing tsv_cell would change
        return line + "\n"
    return "\t".join(tsv_cell(c) for c in cells) + "\n"


def _write_polecat(store: Store, out_path, request: _Request) -> int:
    n = 0
    with _open_text(out_path) as fh:
        if request.header:
            fh.write(_tsv_line(POLECAT_COLUMNS + POLECAT_EXTRA))
        if _flat(store, request):  # a row per event: from its columns (export_flat.py)
            for chunk in flat_chunks(store, document_chunks(store, request.filters), story=True):
                for row in polecat_flat_rows(chunk):
                    fh.write(_tsv_line(row))
                    n += 1
            return n
        for unit in request.units(store, evidence_texts=False):  # offsets: no document text
            fh.write(_tsv_line(polecat_row(unit)))
            n += 1
    return n


def _write_acled(store: Store, out_path, request: _Request) -> int:
    """ACLED rows are incidents that happened: the filters narrowed to ACLED's event types and
    to what happened, then grouped into incidents whatever `clusters` says."""
    filters = narrowed(request.filters, "type", acled_plover_types())
    filters = narrowed(filters, "modality", HAPPENED) if filters is not None else None
    n = 0
    with _open_text(out_path) as fh:
        writer = csv.writer(fh, lineterminator="\n")
        if request.header:
            writer.writerow(ACLED_COLUMNS + ACLED_EXTRA)
        if filters is None:
            return 0
        for unit in iter_units(store, filters, clusters=True, evidence_texts=False,
                               named_parts=True):  # the parties' actors, every place
            row = acled_row(unit)
            if row is not None:  # a mode ACLED does not code (knowledge/acled_events.tsv)
                writer.writerow(row)
                n += 1
    return n


def sidecar_path(out_path: str | os.PathLike[str]) -> Path | None:
    """Where the GDELT export puts wirecoder's own columns (None when writing to stdout)."""
    return None if str(out_path) == "-" else Path(f"{os.fspath(out_path)}{SIDECAR_SUFFIX}")


# The GDELT export without clusters builds each row from its event (`gdelt_event_rows`), read
# slim (lean_analyses: offsets only; the actors, places and times the events name). False (or
# a reader other than the lean one): from a Unit, as the other formats (bench/export_scale.py).
GDELT_EVENT_ROWS = True
# The rows of one event each (GDELT, POLECAT without clusters) are built from the event's columns,
# one joined statement per chunk (export_flat.py). False: from the lean analyses, as before.
FLAT_ROWS = True


def _flat(store: Store, request: _Request) -> bool:
    """Whether the export's rows are built from the event columns (export_flat.py)."""
    return (FLAT_ROWS and not request.clusters and export_views.read_chunk is lean_analyses
            and flat_supported(store))


def _gdelt_rows(store: Store, request: _Request) -> Iterator[tuple[list[str], list[str]]]:
    """(GDELT row, sidecar row) of every row the export writes, in order."""
    if request.clusters or not GDELT_EVENT_ROWS or export_views.read_chunk is not lean_analyses:
        # the rows of incidents (or of Units) read no text either: each chunk is read slim
        for unit in request.units(store, slim=GDELT_EVENT_ROWS):
            yield gdelt_row(unit), gdelt_sidecar_row(unit)
        return
    if _flat(store, request):
        for chunk in flat_chunks(store, document_chunks(store, request.filters)):
            yield from gdelt_flat_rows(chunk)
        return
    registry = export_views.RegistryCodes(store)  # the codes a document left open
    for part, wanted in document_chunks(store, request.filters):
        read = list(lean_analyses(store, part, wanted, slim=True))
        registry.attach([ctx for ctx, _ in read])
        for ctx, stored_at in read:
            for event in ctx.analysis.events:
                if wanted is None or event.id in wanted:
                    yield gdelt_event_rows(ctx, event, stored_at)


def _write_gdelt(store: Store, out_path, request: _Request) -> int:
    """GDELT's 61 columns and no header; our columns in the sidecar beside the file."""
    side = sidecar_path(out_path)
    n = 0
    with _open_text(out_path) as fh, (_open_text(side) if side else nullcontext()) as extra:
        if extra is not None:
            extra.write(_tsv_line(GDELT_SIDECAR))
        for row, side_row in _gdelt_rows(store, request):
            fh.write(_tsv_line(row))
            if extra is not None:
                extra.write(_tsv_line(side_row))
            n += 1
    return n


def _write_plover(store: Store, out_path, request: _Request) -> int:
    n = 0
    with _open_text(out_path) as fh:
        for unit in request.units(store):
            fh.write(json.dumps(plover_record(unit), ensure_ascii=False) + "\n")
            n += 1
    return n


EXPORT_FORMATS: dict[str, Callable[..., int]] = {
    "plover-jsonl": _write_plover,
    "polecat-tsv": _write_polecat,
    "acled-csv": _write_acled,
    "gdelt-tsv": _write_gdelt,
    "parquet": lambda store, out, request: write_parquet(store, out, request.filters,
                                                         request.clusters),
}


def export(db_url: str | os.PathLike[str] | None, fmt: str, out_path: str | os.PathLike[str],
           *, header: bool = True, clusters: bool = False, **filters: Any) -> int:
    """Write the store's events (or, for parquet, every table) in `fmt` to `out_path` ("-" for
    standard output; a folder for parquet); returns the number of rows written.

    Event filters (type, actor, country, since, until, modality, place, document,
    min_confidence, by default DEFAULT_MIN_CONFIDENCE as on the command line; 0 keeps all) narrow
    the event formats; parquet takes only min_confidence. `header=False` leaves out the header
    line of POLECAT and ACLED (GDELT has none). `clusters=True` writes one row per incident
    (ACLED always does).
    """
    if fmt not in EXPORT_FORMATS:
        raise UnknownFormat(f"unknown export format {fmt!r}; choose one of "
                            f"{', '.join(EXPORT_FORMATS)}")
    if fmt == "parquet" and str(out_path) == "-":
        raise ExportError("the parquet export writes a folder; give its path")
    if fmt != "parquet":  # parquet writes whole tables unless a threshold is given
        filters = with_default_confidence(filters)
    with open_store(db_url, read_only=True) as store:
        return EXPORT_FORMATS[fmt](store, out_path, _Request(filters, header, clusters))
