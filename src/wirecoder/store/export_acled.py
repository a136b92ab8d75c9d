"""The ACLED export: one CSV row per incident, in ACLED's 31 columns, as its codebook has them.

- One row per incident (export_views.Unit): the mentions a report's coder linked and those one
  dedup cluster holds. Only what happened is coded (asserted, historical or reported), as ACLED
  codes events, not threats, and only events of a type and mode that ACLED codes: the types
  come from knowledge/acled_events.tsv (ASSAULT, PROTEST, COERCE, MOBILIZE and RETREAT's
  ceasefires, releases and withdrawals; no cyber attacks, no boycotts).
- `fatalities` is an integer: the count the reports give (Unit.fatalities: the largest a report
  gives, the smallest across reports), 0 when the text says none died or says nothing of deaths
  (ACLED codes unreported fatalities as 0), empty only when the text reports deaths without a
  number (ACLED would estimate 3 or 10 from the war situation; we do not guess).
  `fatalities_evidence` (an extra column) quotes the words.
- `interaction` has two digits, the smaller inter code first; a one-sided event is its inter
  code and 0 ("70", "10"). An event with only a target names it as actor1.
- `region` from the country (knowledge/acled_regions.tsv), `iso` ISO 3166 numeric.
- `event_date` the day; a week's middle (Thursday) or a month's 15th for less precise dates
  (time_precision 2 and 3, as ACLED does), mid-year for a year (ACLED codes no year-only dates);
  an event dated only by its report takes the publication date with time_precision 2.
- `source` the outlets (export_views.outlet), "; "-separated; `source_scale` and `tags` empty.
- Extra lower-case columns after ACLED's: the best mention's document and evidence offsets,
  PLOVER type, modality, confidence, the fatality words, and every mention and document id.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from ..errors import KnowledgeError
from ..knowledge import load_tsv
from ..knowledge.plover import find_type, plover_types
from . import codes
from .export_views import HAPPENED, EventView, Unit, global_event_id, num

ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]
ACLED_EXTRA = ["document_id", "evidence_start", "evidence_end", "evidence_spans", "plover_type",
               "modality", "confidence", "fatalities_evidence", "mention_ids", "document_ids"]

ACLED_FILE = "acled_events.tsv"
_ARMED = {"MIL", "COP", "REB", "PRM", "UAF", "SPY", "CRM", "IMG"}
_DEMONSTRATORS = {"Protests": "6", "Riots": "5"}  # ACLED's inter code of protesters and rioters


@dataclass(frozen=True)
class AcledType:
    """One row of knowledge/acled_events.tsv: what ACLED calls an event of a type and mode."""

    type: str
    mode: str
    civilian_target: bool
    disorder_type: str
    event_type: str
    sub_event_type: str

    def fits(self, mode: str, civilian: bool) -> bool:
        return (not self.mode or self.mode == mode) and (civilian or not self.civilian_target)


@cache
def acled_types() -> dict[str, tuple[AcledType, ...]]:
    """PLOVER type -> its rows of acled_events.tsv in order; W023 for a row of no PLOVER type and
    for a PLOVER type without a row (the export must not drop a new type without a word)."""
    out: dict[str, list[AcledType]] = {}
    for row in load_tsv(ACLED_FILE):
        out.setdefault(row["type"], []).append(AcledType(
            row["type"], row["mode"], row["target"] == "civilian", row["disorder_type"],
            row["event_type"], row["sub_event_type"]))
    unknown = sorted(set(out) - set(plover_types()))
    missing = [t for t in plover_types() if t not in out]
    if unknown or missing:
        raise KnowledgeError(f"knowledge/{ACLED_FILE}: " + "; ".join(
            part for part in (unknown and f"no PLOVER type {', '.join(unknown)}",
                              missing and f"no row for {', '.join(missing)}") if part))
    return {name: tuple(rows) for name, rows in out.items()}


def acled_plover_types() -> tuple[str, ...]:
    """The PLOVER types of which ACLED codes some event (a row with ACLED columns)."""
    return tuple(name for name, rows in acled_types().items() if any(r.event_type for r in rows))


def acled_type(plover: str, mode: str | None, civilian_target: bool) -> AcledType | None:
    """The first row of the type (or of the type a former name names) that fits; None when ACLED
    codes no such event (blank columns, or a type that is no PLOVER type)."""
    found = find_type(plover)
    rows = acled_types().get(found.name, ()) if found is not None else ()
    hit = next((r for r in rows if r.fits((mode or "").lower(), civilian_target)), None)
    return hit if hit is not None and hit.event_type else None


@cache
def _regions() -> dict[str, str]:
    return {row["iso3"].upper(): row["region"] for row in load_tsv("acled_regions.tsv")}


def acled_region(iso3: str | None) -> str:
    """ACLED's region of a country ("" when unknown)."""
    return _regions().get((iso3 or "").upper(), "")


def _inter(party: dict[str, Any], place_country: str, demonstrators: str = "") -> str:
    """ACLED's actor type code: 1 state forces, 2 rebels, 3 political militias, 5 rioters,
    6 protesters, 7 civilians, 8 external/other forces. `demonstrators` ("5" or "6") is the code
    of the side that demonstrates, when the event is a demonstration."""
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
    if demonstrators:
        return demonstrators
    if "CVL" in sectors or party["kind"] == "person":
        return "7"
    return "8"


def interaction(inter1: str, inter2: str) -> str:
    """ACLED's joined code: the two inter codes, the smaller first; one-sided: the code and 0."""
    if inter1 and inter2:
        return "".join(sorted((inter1, inter2)))
    return f"{inter1 or inter2}0" if (inter1 or inter2) else ""


def _civilian_target(v: EventView) -> bool:
    return bool(v.target["name"]) and not set(v.target["sectors"]) & _ARMED


def _acled_type(v: EventView) -> AcledType | None:
    return acled_type(v.event.type, v.event.mode, _civilian_target(v))


def _civilian_targeting(row: AcledType, v: EventView) -> str:
    """ACLED's civilian_targeting: violence against civilians, and political violence whose named
    target is no armed actor."""
    civilian = row.event_type == "Violence against civilians" or (
        row.disorder_type.startswith("Political violence") and _civilian_target(v))
    return "Civilian targeting" if civilian else ""


def _time_precision(precision: str | None) -> str:
    return {"day": "1", "week": "2", "month": "3", "year": "3", "published": "2"}.get(precision or "", "")


def _geo_precision(precision: str | None) -> str:
    return {"point": "1", "locality": "1", "admin2": "2", "admin1": "3", "country": "3",
            "region": "3"}.get(precision or "", "")


@lru_cache(maxsize=4096)
def _thing(text: str) -> bool:
    """A party whose head noun names no person or group in WordNet ("seized 18 kilos of
    fentanyl"): a thing the act fell on, not an actor. Worked out once per distinct name (a
    bounded cache: names repeat across an export's rows)."""
    from ..extract.event_sense import noun_classes

    words = text.lower().split()
    if not words:
        return False
    word = words[-1]
    forms = [word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else "",
             word[:-3] + "man" if word.endswith("men") else ""]
    classes = next((noun_classes()[f] for f in forms if f and f in noun_classes()), None)
    return classes is not None and not {"person", "group"} & set(classes)


def _place_overlaps(ctx) -> Any:
    """A test of whether a span [start, end) overlaps one of the document's places, built once
    per document (not a pass over its places per party): the places sorted by start, with the
    furthest end among those starting before each point. Some place overlaps [start, end) when
    one that starts before `end` ends after `start`."""
    found = ctx.__dict__.get("acled_place_overlaps")
    if found is not None:
        return found
    spans = sorted((p.span.start, p.span.end) for p in ctx.analysis.places)
    starts = [a for a, _ in spans]
    reach: list[int] = []
    for _, b in spans:
        reach.append(b if not reach or b > reach[-1] else reach[-1])

    def overlaps(start: int, end: int) -> bool:
        i = bisect_left(starts, end)  # places [0, i) start before `end`
        return i > 0 and reach[i - 1] > start

    ctx.__dict__["acled_place_overlaps"] = overlaps
    return overlaps


def _actors(v: EventView, refs: list, parties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The parties that are actors in ACLED's sense: a place the coder took for a party
    ("marched in Nairobi", "attacked Beni") goes to the location columns, and a thing it fell on
    ("fentanyl") to none; neither is actor2."""
    overlaps = _place_overlaps(v.ctx)
    kept = []
    for ref, party in zip(refs, parties, strict=True):
        named = party["kind"] in ("organization", "group", "country") or set(party["sectors"])
        where = overlaps(ref.span.start, ref.span.end)
        if party["name"] and (named or not (where or _thing(party["name"]))):
            kept.append(party)
    return kept


def _names_after_first(parties: list[dict[str, Any]]) -> list[str]:
    return [p["name"] for p in parties[1:] if p["name"]]


def _cell(value: str) -> str:
    """One line: ACLED's notes and names never break a CSV row across lines."""
    return " ".join(value.split()) if value else ""


def acled_keeps(v: EventView) -> bool:
    return v.event.modality in HAPPENED and _acled_type(v) is not None


def acled_row(unit: Unit) -> list[str] | None:
    """The incident's row; None when ACLED codes no event of its type and mode (a cyber attack)."""
    v = unit.best
    e, p = v.event, v.place
    kind = _acled_type(v)
    if kind is None:
        return None
    disorder, etype, sub = kind.disorder_type, kind.event_type, kind.sub_event_type
    civilian = _civilian_targeting(kind, v)
    place_country = (p.country or "") if p else ""
    iso3 = place_country or v.source["country"] or v.target["country"] or ""
    info = codes.country(iso3)
    demonstrators = _DEMONSTRATORS.get(etype, "")
    sources, targets = _actors(v, e.sources, v.sources), _actors(v, e.targets, v.targets)
    first, second = (sources, targets) if sources else (targets, [])
    actor1 = first[0] if first else v.ctx.party(None)
    actor2 = second[0] if second else v.ctx.party(None)
    # the protesters are the source of a PROTEST, the target of force against protesters
    protesting_source = find_type(e.type) is not None and find_type(e.type).name == "PROTEST"
    inter1 = _inter(actor1, place_country,
                    demonstrators if (first is sources) == protesting_source else "")
    inter2 = _inter(actor2, place_country, "" if protesting_source else demonstrators)
    when = v.middle_date()
    fatalities = unit.fatalities()
    stamps = [u.stored_at for u in unit.views if u.stored_at is not None]

    row = [
        f"{iso3 or 'XXX'}{global_event_id(unit.key)}", when.isoformat() if when else "",
        str(when.year) if when else "", _time_precision(v.precision), disorder, etype, sub,
        _cell(actor1["name"]), "; ".join(_names_after_first(first)), inter1,
        _cell(actor2["name"]), "; ".join(_names_after_first(second)), inter2,
        interaction(inter1, inter2), civilian, info["numeric"], acled_region(iso3), info["name"],
        (p.admin1 or "") if p else "", "", "", p.name if p else "",
        num(p.latitude) if p else "", num(p.longitude) if p else "",
        _geo_precision(p.precision) if p else "", "; ".join(unit.outlets), "",
        _cell(v.sentence.span.text if v.sentence else e.trigger.text),
        "" if fatalities is None else str(fatalities), "",
        str(int(max(stamps).timestamp())) if stamps else "",
    ]
    ev = v.evidence()
    return row + [v.doc.id, str(ev["start"]), str(ev["end"]), ev["spans"], e.type, e.modality,
                  str(e.confidence), _cell(unit.fatalities_evidence()),
                  ";".join(unit.event_ids), ";".join(unit.document_ids)]
