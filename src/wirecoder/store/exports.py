"""Exports of the store in the formats event-data users already read.

    export("sqlite:///news.db", "gdelt-tsv", "events.tsv")

| format        | one row per | layout |
| ---           | ---         | ---    |
| plover-jsonl  | event       | PLOVER JSON data fields (id, date, source, recipient, event, event_loc, event_text, quad_code, event_scale, mode, context, text, text_info, cite_info, coder, coded_date) |
| polecat-tsv   | event       | the 40 columns of POLECAT's weekly TSV files, header line first |
| acled-csv     | event that happened (asserted, historical or reported ASSAULT, PROTEST, COERCE, MOBILIZE) | ACLED's 31 columns, filled where they apply |
| gdelt-tsv     | event       | GDELT 2.0's 61 event columns (header line first unless header=False) |
| parquet       | row of every table | a folder with one `<table>.parquet` per store table |

Every event row also carries the wirecoder document id and evidence offsets (character offsets
into the document's cleaned text): PLOVER records in `document_id` and `evidence`, the tabular
formats in trailing columns (`WC_*` for GDELT, lower-case for ACLED, Title Case for POLECAT).

Where the formats and wirecoder differ: dyadic formats (POLECAT, ACLED, GDELT) take an event's
first source and first target (ACLED lists the others as associated actors; PLOVER and Parquet
keep all); GDELT geo blocks carry FIPS 10-4 country codes and ADM1 codes where the division's
code is known (see `geocodes`), and its actor geography blocks are left empty (wirecoder places
events, not actors); ADM2 codes, COW codes, Wikipedia ids,
ACLED regions and fatalities are not coded and stay empty.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from ..errors import UnknownFormat
from . import codes
from .convert import event_date
from .errors import ExportError
from .geocodes import adm1_code, fips_country
from .queries import Context, spans_text, with_default_confidence
from .repository import T_DOCS, Store, open_store

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
POLECAT_EXTRA = ["Document ID", "Evidence Start", "Evidence End", "Evidence Spans", "Modality"]

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]
ACLED_EXTRA = ["document_id", "evidence_start", "evidence_end", "evidence_spans", "plover_type",
               "modality"]


def _actor_block(n: int) -> list[str]:
    return [f"Actor{n}{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode",
                                     "EthnicCode", "Religion1Code", "Religion2Code",
                                     "Type1Code", "Type2Code", "Type3Code")]


def _geo_block(prefix: str) -> list[str]:
    return [f"{prefix}_{c}" for c in ("Type", "FullName", "CountryCode", "ADM1Code",
                                      "ADM2Code", "Lat", "Long", "FeatureID")]


GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *_actor_block(1), *_actor_block(2),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *_geo_block("Actor1Geo"), *_geo_block("Actor2Geo"), *_geo_block("ActionGeo"),
    "DATEADDED", "SOURCEURL",
]
GDELT_EXTRA = ["WC_EVENT_ID", "WC_DOCUMENT_ID", "WC_EVIDENCE_START", "WC_EVIDENCE_END",
               "WC_EVIDENCE_SPANS", "WC_MODALITY", "WC_PLOVER_TYPE"]

PLOVER_FIELDS = [
    "id", "has_event", "date", "source", "recipient", "event", "event_loc", "event_text",
    "quad_code", "event_scale", "mode", "context", "text", "text_info", "cite_info", "coder",
    "coded_date",
]
PLOVER_EXTRA = ["document_id", "evidence", "modality", "asserted_by", "cameo", "confidence",
                "date_precision"]

# -- shared pieces --------------------------------------------------------------------------------


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
        self.quad = codes.quad_class(event.type)
        self.goldstein = codes.goldstein(event.cameo, event.type)
        self.cameo = codes.cameo_codes(event.cameo, event.type)
        sentence = ctx.sentence_of(event.sentence_id, event.trigger.start)
        self.sentence_index = sentence[0] if sentence else None
        self.sentence = sentence[1] if sentence else None
        self.paragraph = sentence[1].paragraph if sentence else None

    @property
    def publisher(self) -> str:
        return self.doc.metadata.get("sitename") or self.doc.source or ""

    @property
    def date_text(self) -> str:
        return self.date.isoformat() if self.date else ""

    def evidence(self) -> dict[str, Any]:
        return {"start": self.event.trigger.start, "end": self.event.trigger.end,
                "spans": spans_text(self.event.evidence)}


def _num(value: float | int | None) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) >= 1 or value == 0 else str(value)
    return str(value)


def _iter_views(store: Store, filters: dict[str, Any]) -> Iterator[EventView]:
    from sqlalchemy import select

    wanted: set[str] | None = None
    doc_ids: list[str] | None = None
    if any(v is not None for v in filters.values()):
        hits = store.event_hits(**{k: v for k, v in filters.items() if v is not None})
        wanted = {i for _, i in hits}
        doc_ids = list(dict.fromkeys(d for d, _ in hits))
    with store.engine.connect() as conn:
        stored = {r.id: r.stored_at for r in conn.execute(select(T_DOCS.c.id, T_DOCS.c.stored_at))}
    for analysis in store.analyses(doc_ids, chunk=50):
        ctx = Context(analysis)
        stored_at = stored.get(analysis.document.id)
        if stored_at is not None and stored_at.tzinfo is None:
            stored_at = stored_at.replace(tzinfo=UTC)
        for event in analysis.events:
            if wanted is None or event.id in wanted:
                yield EventView(ctx, event, stored_at)


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


def plover_record(v: EventView) -> dict[str, Any]:
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
        "id": e.id, "has_event": True, "date": v.date_text,
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
    }
    return record


# -- POLECAT --------------------------------------------------------------------------------------


def polecat_row(v: EventView) -> list[str]:
    e, doc, p = v.event, v.doc, v.place
    actors = v.ctx.analysis.actors
    city = p.name if p is not None and p.precision in ("locality", "point") else ""
    s, t = v.source, v.target
    row = [
        e.id, v.date_text, e.type, e.mode or "", _num(v.goldstein), _num(v.quad),
        "; ".join(e.context),
        s["name"], s["country"], "", (s["sectors"] or [""])[0], "; ".join(s["sectors"]),
        s["title"], s["text"], "",
        t["name"], t["country"], "", (t["sectors"] or [""])[0], "; ".join(t["sectors"]),
        t["title"], t["text"], "",
        p.name if p else "", city, "", (p.admin1 or "") if p else "",
        (p.country or "") if p else "", _num(p.latitude) if p else "",
        _num(p.longitude) if p else "", _num(p.geonames_id) if p else "",
        p.span.text if p else "", (p.feature or "") if p else "",
        v.publisher, doc.published.date().isoformat() if doc.published else "",
        "; ".join(a.name for a in actors if a.kind == "person"),
        "; ".join(a.name for a in actors if a.kind in ("organization", "group")),
        "; ".join(dict.fromkeys(pl.name for pl in v.ctx.analysis.places)),
        doc.language, v.ctx.analysis.coder_version,
    ]
    ev = v.evidence()
    return row + [doc.id, str(ev["start"]), str(ev["end"]), ev["spans"], e.modality]


# -- ACLED ----------------------------------------------------------------------------------------

_ACLED_TYPES = ("ASSAULT", "PROTEST", "COERCE", "MOBILIZE")
_HAPPENED = ("asserted", "historical", "reported")
_REMOTE_MODES = {"aerial", "artillery", "bomb"}
_ARMED = {"MIL", "COP", "REB", "PRM", "UAF", "SPY", "CRM", "IMG"}


def _inter(party: dict[str, Any], place_country: str) -> str:
    """ACLED's actor type code: 1 state forces, 2 rebels, 3 political militias, 5 rioters,
    6 protesters, 7 civilians, 8 external/other forces."""
    sectors = set(party["sectors"])
    if not party["name"]:
        return ""
    if sectors & {"MIL", "COP", "SPY"} or (sectors & {"GOV"} and party["kind"] != "person"):
        if place_country and party["country"] and party["country"] != place_country:
            return "8"
        return "1"
    if "REB" in sectors:
        return "2"
    if sectors & {"PRM", "UAF", "CRM", "IMG"}:
        return "3"
    if "CVL" in sectors or party["kind"] == "person":
        return "7"
    return "8"


def _acled_type(v: EventView) -> tuple[str, str, str, str]:
    """(disorder_type, event_type, sub_event_type, civilian_targeting)."""
    e = v.event
    mode = (e.mode or "").lower()
    if e.type == "ASSAULT":
        if mode in _REMOTE_MODES:
            sub = {"aerial": "Air/drone strike", "artillery": "Shelling/artillery/missile attack",
                   "bomb": "Remote explosive/landmine/IED"}[mode]
            return "Political violence", "Explosions/Remote violence", sub, ""
        target_sectors = set(v.target["sectors"])
        if v.target["name"] and not (target_sectors & _ARMED):
            sub = "Abduction/forced disappearance" if mode == "abduct" else "Attack"
            return "Political violence", "Violence against civilians", sub, "Civilian targeting"
        return "Political violence", "Battles", "Armed clash", ""
    if e.type == "PROTEST":
        if mode == "riot":
            return "Demonstrations", "Riots", "Violent demonstration", ""
        return "Demonstrations", "Protests", "Peaceful protest", ""
    if e.type == "COERCE":
        sub = {"arrest": "Arrests", "seize": "Looting/property destruction"}.get(mode, "Other")
        return "Strategic developments", "Strategic developments", sub, ""
    return "Strategic developments", "Strategic developments", "Change to group/activity", ""


def _time_precision(precision: str | None) -> str:
    return {"day": "1", "week": "2", "month": "3", "year": "3", "published": "2"}.get(precision or "", "")


def _geo_precision(precision: str | None) -> str:
    return {"point": "1", "locality": "1", "admin2": "2", "admin1": "3", "country": "3",
            "region": "3"}.get(precision or "", "")


def acled_row(v: EventView) -> list[str] | None:
    e, doc, p = v.event, v.doc, v.place
    if e.type not in _ACLED_TYPES or e.modality not in _HAPPENED:
        return None
    disorder, etype, sub, civilian = _acled_type(v)
    place_country = (p.country or "") if p else ""
    iso3 = place_country or v.source["country"] or ""
    info = codes.country(iso3)
    inter1 = _inter(v.source, place_country)
    inter2 = _inter(v.target, place_country)
    interaction = "".join(sorted(i for i in (inter1, inter2) if i))
    row = [
        f"{iso3 or 'XXX'}{e.id.rsplit('_', 1)[-1]}", v.date_text,
        str(v.date.year) if v.date else "", _time_precision(v.precision), disorder, etype, sub,
        v.source["name"], "; ".join(_names_after_first(v.sources)), inter1,
        v.target["name"], "; ".join(_names_after_first(v.targets)), inter2, interaction,
        civilian, info["numeric"], "", info["name"], (p.admin1 or "") if p else "", "", "",
        p.name if p else "", _num(p.latitude) if p else "", _num(p.longitude) if p else "",
        _geo_precision(p.precision) if p else "", v.publisher, "",
        v.sentence.span.text if v.sentence else e.trigger.text, "", e.modality,
        str(int(v.stored_at.timestamp())) if v.stored_at else "",
    ]
    ev = v.evidence()
    return row + [doc.id, str(ev["start"]), str(ev["end"]), ev["spans"], e.type, e.modality]


def _names_after_first(parties: list[dict[str, Any]]) -> list[str]:
    return [p["name"] for p in parties[1:] if p["name"]]


# -- GDELT ----------------------------------------------------------------------------------------


def _gdelt_actor(party: dict[str, Any]) -> list[str]:
    sectors = party["sectors"][:3]
    code = (party["country"] or "") + "".join(sectors)
    return [code, party["name"].upper(), party["country"], "", "", "", "",
            *(sectors + ["", "", ""])[:3]]


def _geo_type(place) -> str:
    if place is None:
        return "0"
    us = place.country == "USA"
    if place.precision == "country":
        return "1"
    if place.precision == "admin1":
        return "2" if us else "5"
    if place.precision in ("locality", "point", "admin2"):
        return "3" if us else "4"
    return "0"


def _gdelt_geo(place) -> list[str]:
    if place is None:
        return ["0", "", "", "", "", "", "", ""]
    info = codes.country(place.country)
    full = ", ".join(x for x in dict.fromkeys((place.name, place.admin1 or "", info["name"])) if x)
    # FIPS 10-4 country codes, and ADM1 = FIPS country + division code where one is known.
    return [_geo_type(place), full, fips_country(place.country), adm1_code(place), "",
            _num(place.latitude),
            _num(place.longitude), _num(place.geonames_id) if place.geonames_id else place.name]


def gdelt_row(v: EventView) -> list[str]:
    e, doc = v.event, v.doc
    d = v.date
    code, base, root = v.cameo
    fraction = f"{d.year + (d.timetuple().tm_yday - 1) / 365:.4f}" if d else ""
    added = v.stored_at.astimezone(UTC).strftime("%Y%m%d%H%M%S") if v.stored_at else ""
    row = [
        str(global_event_id(e.id)),
        d.strftime("%Y%m%d") if d else "", d.strftime("%Y%m") if d else "",
        str(d.year) if d else "", fraction,
        *_gdelt_actor(v.source), *_gdelt_actor(v.target),
        "1" if v.paragraph == 0 else "0", code, base, root, _num(v.quad), _num(v.goldstein),
        "1", "1", "1", "",
        *_gdelt_geo(None), *_gdelt_geo(None), *_gdelt_geo(v.place),
        added, doc.url or doc.source or "",
    ]
    ev = v.evidence()
    return row + [e.id, doc.id, str(ev["start"]), str(ev["end"]), ev["spans"], e.modality, e.type]


def global_event_id(event_id: str) -> int:
    """GDELT wants an integer id: 60 bits of a hash of the wirecoder event id (WC_EVENT_ID)."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:15], 16)


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


def _tsv_cell(value: object) -> str:
    """TSV cannot quote: tabs and line breaks inside a value become spaces."""
    text = "" if value is None else str(value)
    return " ".join(text.split()) if ("\t" in text or "\n" in text or "\r" in text) else text


def _write_delimited(store: Store, out_path, filters: dict[str, Any], header: bool,
                     columns: list[str], build: Callable[[EventView], list[str] | None],
                     delimiter: str) -> int:
    n = 0
    with _open_text(out_path) as fh:
        writer = csv.writer(fh, lineterminator="\n") if delimiter == "," else None

        def write(cells: list[str]) -> None:
            if writer is not None:
                writer.writerow(cells)
            else:
                fh.write("\t".join(_tsv_cell(c) for c in cells) + "\n")

        if header:
            write(columns)
        for view in _iter_views(store, filters):
            row = build(view)
            if row is None:
                continue
            write(row)
            n += 1
    return n


def _write_plover(store: Store, out_path, filters: dict[str, Any], header: bool) -> int:
    n = 0
    with _open_text(out_path) as fh:
        for view in _iter_views(store, filters):
            fh.write(json.dumps(plover_record(view), ensure_ascii=False) + "\n")
            n += 1
    return n


def _arrow_type(column):
    import pyarrow as pa
    from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, Float, Integer

    t = column.type
    if isinstance(t, JSON):
        return pa.string()
    if isinstance(t, Boolean):
        return pa.bool_()
    if isinstance(t, (BigInteger, Integer)):
        return pa.int64()
    if isinstance(t, Float):
        return pa.float64()
    if isinstance(t, DateTime):
        return pa.timestamp("us", tz="UTC")
    if isinstance(t, Date):
        return pa.date32()
    return pa.string()


def parquet_schema(table):
    import pyarrow as pa

    return pa.schema([pa.field(c.name, _arrow_type(c), nullable=c.nullable) for c in table.columns])


def _write_parquet(store: Store, out_path, filters: dict[str, Any], header: bool) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq
    from sqlalchemy import JSON, DateTime, select

    from .schema import ALL_TABLES

    if any(v is not None for v in filters.values()):
        raise ExportError("the parquet export writes whole tables; it takes no filters")
    folder = Path(out_path)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"the parquet export writes a folder; {folder} is a file")
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for table in ALL_TABLES:
        schema = parquet_schema(table)
        json_cols = {c.name for c in table.columns if isinstance(c.type, JSON)}
        time_cols = {c.name for c in table.columns if isinstance(c.type, DateTime)}
        target = folder / f"{table.name}.parquet"
        with store.engine.connect() as conn, pq.ParquetWriter(target, schema) as writer:
            result = conn.execution_options(stream_results=True, yield_per=2000).execute(
                select(table).order_by(*table.primary_key.columns))
            wrote = False
            for part in result.partitions():
                batch = []
                for row in part:
                    item = dict(row._mapping)
                    for name in json_cols:
                        if item[name] is not None:
                            item[name] = json.dumps(item[name], ensure_ascii=False)
                    for name in time_cols:
                        value = item[name]
                        if isinstance(value, datetime) and value.tzinfo is None:
                            item[name] = value.replace(tzinfo=UTC)
                    batch.append(item)
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                total += len(batch)
                wrote = True
            if not wrote:
                writer.write_table(schema.empty_table())
    return total


EXPORT_FORMATS: dict[str, Callable[..., int]] = {
    "plover-jsonl": _write_plover,
    "polecat-tsv": lambda store, out, filters, header: _write_delimited(
        store, out, filters, header, POLECAT_COLUMNS + POLECAT_EXTRA, polecat_row, "\t"),
    "acled-csv": lambda store, out, filters, header: _write_delimited(
        store, out, filters, header, ACLED_COLUMNS + ACLED_EXTRA, acled_row, ","),
    "gdelt-tsv": lambda store, out, filters, header: _write_delimited(
        store, out, filters, header, GDELT_COLUMNS + GDELT_EXTRA, gdelt_row, "\t"),
    "parquet": _write_parquet,
}


def export(db_url: str | os.PathLike[str] | None, fmt: str, out_path: str | os.PathLike[str],
           *, header: bool = True, **filters: Any) -> int:
    """Write the store's events (or, for parquet, every table) in `fmt` to `out_path` ("-" for
    standard output; a folder for parquet); returns the number of rows written.

    Event filters (type, actor, country, since, until, modality, place, document,
    min_confidence, by default DEFAULT_MIN_CONFIDENCE as on the command line; 0 keeps all) narrow
    the event formats; `header=False` leaves out the header line of the TSV/CSV formats.
    """
    if fmt not in EXPORT_FORMATS:
        raise UnknownFormat(f"unknown export format {fmt!r}; choose one of "
                            f"{', '.join(EXPORT_FORMATS)}")
    if fmt == "parquet" and str(out_path) == "-":
        raise ExportError("the parquet export writes a folder; give its path")
    if fmt != "parquet":  # parquet writes whole tables
        filters = with_default_confidence(filters)
    with open_store(db_url, read_only=True) as store:
        return EXPORT_FORMATS[fmt](store, out_path, filters, header)

