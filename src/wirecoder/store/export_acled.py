"""The ACLED export: one CSV row per incident, in ACLED's 31 columns, as its codebook has them.

- One row per incident (export_views.Unit): the mentions a report's coder linked and those one
  dedup cluster holds. Only what happened is coded (asserted, historical or reported ASSAULT,
  PROTEST, COERCE, MOBILIZE), as ACLED codes events, not threats.
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

from functools import cache
from typing import Any

from ..knowledge import load_tsv
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

ACLED_TYPES = ("ASSAULT", "PROTEST", "COERCE", "MOBILIZE")
_REMOTE_MODES = {"aerial", "artillery", "bomb"}
_ARMED = {"MIL", "COP", "REB", "PRM", "UAF", "SPY", "CRM", "IMG"}


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


def _thing(text: str) -> bool:
    """A party whose head noun names no person or group in WordNet ("seized 18 kilos of
    fentanyl"): a thing the act fell on, not an actor."""
    from ..extract.event_sense import noun_classes

    words = text.lower().split()
    if not words:
        return False
    word = words[-1]
    forms = [word, word[:-1] if word.endswith("s") else "", word[:-2] if word.endswith("es") else "",
             word[:-3] + "man" if word.endswith("men") else ""]
    classes = next((noun_classes()[f] for f in forms if f and f in noun_classes()), None)
    return classes is not None and not {"person", "group"} & set(classes)


def _actors(v: EventView, refs: list, parties: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The parties that are actors in ACLED's sense: a place the coder took for a party
    ("marched in Nairobi", "attacked Beni") goes to the location columns, and a thing it fell on
    ("fentanyl") to none; neither is actor2."""
    places = [p.span for p in v.ctx.analysis.places]
    kept = []
    for ref, party in zip(refs, parties, strict=True):
        named = party["kind"] in ("organization", "group", "country") or set(party["sectors"])
        where = any(p.start < ref.span.end and ref.span.start < p.end for p in places)
        if party["name"] and (named or not (where or _thing(party["name"]))):
            kept.append(party)
    return kept


def _names_after_first(parties: list[dict[str, Any]]) -> list[str]:
    return [p["name"] for p in parties[1:] if p["name"]]


def _cell(value: str) -> str:
    """One line: ACLED's notes and names never break a CSV row across lines."""
    return " ".join(value.split()) if value else ""


def acled_keeps(v: EventView) -> bool:
    return v.event.type in ACLED_TYPES and v.event.modality in HAPPENED


def acled_row(unit: Unit) -> list[str]:
    v = unit.best
    e, p = v.event, v.place
    disorder, etype, sub, civilian = _acled_type(v)
    place_country = (p.country or "") if p else ""
    iso3 = place_country or v.source["country"] or v.target["country"] or ""
    info = codes.country(iso3)
    protest = {"PROTEST": "5" if (e.mode or "").lower() == "riot" else "6"}.get(e.type, "")
    sources, targets = _actors(v, e.sources, v.sources), _actors(v, e.targets, v.targets)
    first, second = (sources, targets) if sources else (targets, [])
    actor1 = first[0] if first else v.ctx.party(None)
    actor2 = second[0] if second else v.ctx.party(None)
    inter1 = _inter(actor1, place_country, protest if first is sources else "")
    inter2 = _inter(actor2, place_country)
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
