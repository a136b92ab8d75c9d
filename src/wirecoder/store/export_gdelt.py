"""The GDELT 2.0 events export: GDELT's 61 tab-separated columns, no header, nothing else.

Columns and meanings follow the GDELT 2.0 Event Database codebook (GLOBALEVENTID, SQLDATE,
MonthYear, Year, FractionDate, the two actor blocks, the CAMEO codes, QuadClass, Goldstein,
NumMentions/NumSources/NumArticles, AvgTone, three geo blocks, DATEADDED, SOURCEURL). What
wirecoder knows beyond them goes to a sidecar file, `OUT.wirecoder.tsv` (header line first, one
row per GDELT row, joined on GLOBALEVENTID): the event and document ids, evidence offsets,
modality, PLOVER type, the date as precisely as it is known and its precision, confidence and
fatalities. Written to standard output, the export has no sidecar.

Where it departs from GDELT:
- Dates: SQLDATE only at day precision: a day the text gives, or, when the text gives none, the
  report's publication day (which is what GDELT itself records). A month gives MonthYear and
  Year with SQLDATE and FractionDate empty, a year only Year, a week Year (and MonthYear when
  the week lies in one month). FractionDate is the codebook's YYYY + (MONTH * 30 + DAY) / 365.
- Geography: FIPS 10-4 country codes (knowledge/iso_fips.tsv) and ADM1 codes (geocodes.py) as
  GDELT writes them. FeatureID is GDELT's convention by level: the FIPS country code for a
  country, the ADM1 code for a first-level division, and for a town the GeoNames id (GDELT uses
  GNS/GNIS feature ids, which wirecoder's gazetteer does not have); empty, never a name, when
  none is known. ADM2Code is empty. Actor geo blocks are empty (Type 0): wirecoder places
  events, not actors.
- AvgTone is empty (not computed). NumMentions/NumSources/NumArticles are 1 per event, or with
  clusters the incident's mentions, outlets and documents.
- Text fields hold no tab, line break or double quote (a quote becomes '), so the default
  reader of pandas and `quoting=csv.QUOTE_NONE` read every row with 61 fields.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from typing import Any

from . import codes
from .convert import event_date
from .export_views import Unit, global_event_id, num, outlet_of, period_text
from .geocodes import adm1_code, fips_country
from .queries import spans_text


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
GDELT_SIDECAR = ["GLOBALEVENTID", "WC_EVENT_ID", "WC_DOCUMENT_ID", "WC_EVIDENCE_START",
                 "WC_EVIDENCE_END", "WC_EVIDENCE_SPANS", "WC_MODALITY", "WC_PLOVER_TYPE",
                 "WC_DATE", "WC_DATE_PRECISION", "WC_CONFIDENCE", "WC_FATALITIES",
                 "WC_MENTION_IDS", "WC_DOCUMENT_IDS"]
SIDECAR_SUFFIX = ".wirecoder.tsv"


def gdelt_dates(d, precision: str | None) -> list[str]:
    """SQLDATE, MonthYear, Year, FractionDate of a date known to `precision`."""
    if d is None:
        return ["", "", "", ""]
    if precision in ("day", "published"):
        fraction = f"{d.year + (d.month * 30 + d.day) / 365:.4f}"
        if d.year >= 1000:  # what strftime writes, without its cost (a call per row)
            month = f"{d.year}{d.month:02d}"
            return [f"{month}{d.day:02d}", month, str(d.year), fraction]
        return [d.strftime("%Y%m%d"), d.strftime("%Y%m"), str(d.year), fraction]
    if precision == "month":
        return ["", d.strftime("%Y%m"), str(d.year), ""]
    if precision == "week":
        end = d + timedelta(days=6)
        month = d.strftime("%Y%m") if (d.year, d.month) == (end.year, end.month) else ""
        return ["", month, str(d.year) if d.year == end.year else "", ""]
    return ["", "", str(d.year), ""]


def _gdelt_actor(party: dict[str, Any]) -> list[str]:
    sectors = party["sectors"][:3]
    code = (party["country"] or "") + "".join(sectors)
    return [code, party["name"].upper(), party["country"], "", "", "", "",
            *(sectors + ["", "", ""])[:3]]


def _geo_type(place) -> str:
    """1 country, 2 US state, 3 US city, 4 world city, 5 world state (0: none)."""
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


def feature_id(place) -> str:
    """GDELT's FeatureID by level: FIPS country code, ADM1 code, or the town's GeoNames id."""
    if place.precision == "country":
        return fips_country(place.country)
    if place.precision == "admin1":
        return adm1_code(place)
    return num(place.geonames_id) if place.geonames_id else ""


def gdelt_geo(place) -> list[str]:
    if place is None:
        return ["0", "", "", "", "", "", "", ""]
    info = codes.country(place.country)
    full = ", ".join(x for x in dict.fromkeys((place.name, place.admin1 or "", info["name"])) if x)
    return [_geo_type(place), full, fips_country(place.country), adm1_code(place), "",
            num(place.latitude), num(place.longitude), feature_id(place)]


@lru_cache(maxsize=4096)
def _stamp(stored_at: datetime) -> str:
    """DATEADDED: YYYYMMDDHHMMSS in UTC (a document's events share its stamp: made once)."""
    return stored_at.astimezone(UTC).strftime("%Y%m%d%H%M%S")


def tsv_cell(value: object) -> str:
    """TSV cannot quote: tabs and line breaks become spaces, a double quote a single one."""
    text = "" if value is None else str(value)
    if "\t" in text or "\n" in text or "\r" in text:
        text = " ".join(text.split())
    return text.replace('"', "'")


def gdelt_row(unit: Unit) -> list[str]:
    v = unit.best
    code, base, root = v.cameo
    stamps = [u.stored_at for u in unit.views if u.stored_at is not None]
    added = _stamp(min(stamps)) if stamps else ""
    url = next((u.doc.url for u in unit.views if u.doc.url), "") or v.outlet
    return [
        str(unit.global_id), *gdelt_dates(v.date, v.precision),
        *_gdelt_actor(v.source), *_gdelt_actor(v.target),
        "1" if v.paragraph == 0 else "0", code, base, root, num(v.gdelt_quad), num(v.goldstein),
        str(len(unit.views)), str(unit.sources_count), str(len(unit.document_ids)), "",
        *gdelt_geo(None), *gdelt_geo(None), *gdelt_geo(v.place),
        added, url,
    ]


def gdelt_sidecar_row(unit: Unit) -> list[str]:
    v = unit.best
    ev = v.evidence()
    fatalities = unit.fatalities()
    return [str(unit.global_id), v.event.id, v.doc.id, str(ev["start"]),
            str(ev["end"]), ev["spans"], v.event.modality, v.event.type, v.period_text(),
            v.precision or "", str(v.event.confidence),
            "" if fatalities is None else str(fatalities), ";".join(unit.event_ids),
            ";".join(unit.document_ids)]


def gdelt_event_rows(ctx, event, stored_at: datetime | None) -> tuple[list[str], list[str]]:
    """`gdelt_row` and `gdelt_sidecar_row` of a row that stands for one event (the export
    without clusters), worked out from the event alone: no EventView (every party, the PLOVER
    class, ...) nor Unit (the best of one mention, sets of one outlet and one document). The
    same cells: tests/store/test_export_gdelt_fast.py compares them."""
    doc = ctx.document
    when, precision = event_date(event, ctx.times, doc.published)
    code, base, root = codes.cameo_codes(event.cameo, event.type)
    sentence = ctx.sentence_of(event.sentence_id, event.trigger.start)
    place = ctx.places.get(event.place_id) if event.place_id else None
    global_id = str(global_event_id(event.id))
    row = [
        global_id, *gdelt_dates(when, precision),
        *_gdelt_actor(ctx.party(event.sources[0] if event.sources else None)),
        *_gdelt_actor(ctx.party(event.targets[0] if event.targets else None)),
        "1" if sentence is not None and sentence[1].paragraph == 0 else "0", code, base, root,
        num(codes.gdelt_quad_class(event.cameo, event.type)),
        num(codes.goldstein(event.cameo, event.type)), "1", "1", "1", "",
        *NO_GEO, *NO_GEO, *gdelt_geo(place),
        _stamp(stored_at) if stored_at is not None else "", doc.url or outlet_of(ctx),
    ]
    if event.fatalities is not None:
        fatalities = str(event.fatalities)
    else:
        fatalities = "" if event.fatalities_evidence is not None else "0"
    side = [global_id, event.id, doc.id, str(event.trigger.start), str(event.trigger.end),
            spans_text(event.evidence), event.modality, event.type,
            period_text(when, precision), precision or "", str(event.confidence), fatalities,
            event.id, doc.id]
    return row, side


NO_GEO = gdelt_geo(None)
