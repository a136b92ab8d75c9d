"""Reference figures to check quantities against: a user's CSV table, and the few facts shipped
with wirecoder because they are not in doubt (how many first-level divisions a country has,
read from ISO 3166-2 through pycountry).

The CSV has a header with the columns `series, place, period, value, unit, source_url`:

    series,place,period,value,unit,source_url
    overdose deaths,USA,2023,87000,deaths,https://example.org/nchs
    tariff on Canada,CAN,2025,25,percent,https://example.org/federal-register

`series` names what is measured in plain words (matched against the quantity's concept and
unit), `place` is a country name or ISO code (may be empty), `period` a year or any label that
is written in the sentence (may be empty), `unit` a unit as written anywhere in a text ("percent",
"kg", "deaths").
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ...errors import ConfigError

COLUMNS = ("series", "place", "period", "value", "unit", "source_url")


@dataclass(frozen=True)
class ReferenceRow:
    series: str
    place: str | None  # ISO 3166-1 alpha-3 when it could be read, else as written
    period: str | None
    value: float
    unit: str | None
    source_url: str | None
    line: int


def load_reference_table(path: str | Path) -> list[ReferenceRow]:
    """Rows of a reference CSV; a missing file or column is a ConfigError with the line."""
    path = Path(path)
    try:
        text = path.read_text("utf-8-sig")
    except OSError as exc:
        raise ConfigError(f"cannot read the reference table {path}: {exc}") from None
    reader = csv.DictReader(text.splitlines())
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in ("series", "value") if c not in header]
    if missing:
        raise ConfigError(f"the reference table {path} lacks the column(s) {missing}; "
                          f"expected {', '.join(COLUMNS)}")
    rows = []
    for n, raw in enumerate(reader, start=2):
        row = {(k or "").strip().lower(): (v or "").strip() for k, v in raw.items()}
        try:
            value = float(row["value"].replace(",", ""))
        except ValueError:
            raise ConfigError(f"{path}:{n}: value {row['value']!r} is not a number") from None
        place = row.get("place") or None
        rows.append(ReferenceRow(series=row["series"], place=country_code(place) or place,
                                 period=row.get("period") or None, value=value,
                                 unit=row.get("unit") or None,
                                 source_url=row.get("source_url") or None, line=n))
    return rows


@cache
def _country_names() -> dict[str, str]:
    from ...knowledge import load_tsv

    names = {row["name"].lower(): row["iso3"] for row in load_tsv("countries.tsv")
             if row.get("name") and row.get("iso3")}
    names.update({"u.s": "USA", "us": "USA", "u.k.": "GBR", "uk": "GBR", "britain": "GBR"})
    return names


def country_code(name: str | None) -> str | None:
    """ISO 3166-1 alpha-3 for a country name, demonym or code ("Mexico", "Americans", "MX")."""
    if not name:
        return None
    key = name.strip().lower().removeprefix("the ").rstrip("’'s").strip()
    found = _country_names().get(key) or _country_names().get(name.strip().lower())
    if found:
        return found
    try:
        import pycountry

        country = pycountry.countries.lookup(name.strip())
        return country.alpha_3
    except (ImportError, LookupError):
        return None


# Nouns that name first-level divisions, and the ISO 3166-2 types they count.
DIVISION_NOUNS = {
    "state": ("State",), "province": ("Province",), "region": ("Region",),
    "county": ("County",), "department": ("Department",), "prefecture": ("Prefecture",),
    "canton": ("Canton",), "emirate": ("Emirate",), "oblast": ("Oblast",),
    "governorate": ("Governorate",), "district": ("District",), "territory": ("Territory",),
}


@dataclass(frozen=True)
class DivisionFact:
    country: str  # name
    alpha_3: str
    of_type: int  # divisions of the named type ("State")
    first_level: int  # all first-level divisions
    breakdown: str  # "31 State, 1 Federal entity"


def division_fact(alpha_3: str, noun: str) -> DivisionFact | None:
    """How many first-level divisions of the kind `noun` ("state") a country has (pycountry)."""
    types = DIVISION_NOUNS.get(noun)
    if types is None:
        return None
    try:
        import pycountry
    except ImportError:
        return None
    country = pycountry.countries.get(alpha_3=alpha_3)
    if country is None:
        return None
    top = [s for s in pycountry.subdivisions.get(country_code=country.alpha_2) or []
           if getattr(s, "parent_code", None) is None]
    if not top:
        return None
    counts: dict[str, int] = {}
    for s in top:
        counts[s.type] = counts.get(s.type, 0) + 1
    of_type = sum(n for t, n in counts.items() if t in types)
    if of_type == 0:
        return None
    breakdown = ", ".join(f"{n} {t}" for t, n in sorted(counts.items(), key=lambda kv: -kv[1]))
    return DivisionFact(country=getattr(country, "common_name", None) or country.name,
                        alpha_3=alpha_3, of_type=of_type, first_level=len(top),
                        breakdown=breakdown)
