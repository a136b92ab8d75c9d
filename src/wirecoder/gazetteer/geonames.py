"""Import GeoNames dumps a user downloaded (allCountries, cities500, a country file, ...).

GeoNames publishes tab-separated dumps at download.geonames.org/export/dump/ (CC BY 4.0). The
main table has 19 columns: geonameid, name, asciiname, alternatenames (comma-separated),
latitude, longitude, feature class, feature code, country code, cc2, admin1 code, admin2 code,
admin3 code, admin4 code, population, elevation, dem, timezone, modification date.
admin1CodesASCII.txt maps "US.TX" to "Texas", admin2Codes.txt maps "US.TX.427" to "Starr County",
and alternateNamesV2.txt lists names per language (columns: id, geonameid, isolanguage, name,
isPreferredName, isShortName, isColloquial, isHistoric, from, to).
"""

from __future__ import annotations

import io
import sqlite3
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataMissing
from .names import is_latin, key
from .store import create_indexes, create_schema, precision_of, user_index_path

DEFAULT_FEATURE_CLASSES = "PAHLTSV"
_SKIP_LANGS = {"link", "wkdt", "post", "iata", "icao", "faac", "fr_1793", "unlc", "tcid"}


@dataclass(frozen=True)
class ImportStats:
    index: Path
    places: int
    names: int
    skipped: int
    seconds: float


def _open_text(path: Path) -> io.TextIOBase:
    """A text stream over a .txt file, or over the single .txt member of a GeoNames .zip."""
    if path.suffix.lower() == ".zip":
        archive = zipfile.ZipFile(path)
        members = [m for m in archive.namelist() if m.endswith(".txt") and "readme" not in m.lower()]
        if not members:
            raise DataMissing(f"no .txt table inside {path}")
        return io.TextIOWrapper(archive.open(members[0]), encoding="utf-8")
    return open(path, encoding="utf-8")


def _rows(path: Path) -> Iterator[list[str]]:
    with _open_text(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            yield line.rstrip("\n").split("\t")


def _codes(path: Path | None) -> dict[str, str]:
    if path is None or not path.exists():
        return {}
    return {row[0]: row[1] for row in _rows(path) if len(row) >= 2}


def _alt_ok(name: str) -> bool:
    if len(name) < 3 or not is_latin(name) or not name[0].isupper():
        return False
    return not (name.isupper() and len(name) <= 4)


def _beside(path: Path, name: str) -> Path | None:
    candidate = path.parent / name
    return candidate if candidate.exists() else None


def import_geonames(path: str | Path, *, admin1_codes: str | Path | None = None,
                    admin2_codes: str | Path | None = None,
                    alternate_names: str | Path | None = None,
                    index: str | Path | None = None,
                    feature_classes: str = DEFAULT_FEATURE_CLASSES, min_population: int = 0,
                    countries: Iterable[str] | None = None, replace: bool = False,
                    progress: Callable[[int], None] | None = None) -> ImportStats:
    """Import a GeoNames table into the user's gazetteer index; returns what was imported.

    path             allCountries.txt, cities500.txt, a country file such as US.txt, or their
                     .zip as downloaded.
    admin1_codes     admin1CodesASCII.txt (admin1 names of every place); by default the file of
                     that name beside `path`, when present.
    admin2_codes     admin2Codes.txt, likewise (county names).
    alternate_names  alternateNamesV2.txt (or its .zip): English, language-less and abbreviation
                     names are added; optional, large.
    index            the index file to write; default `user_index_path()`, which
                     `load_gazetteer()` consults after the bundled index.
    feature_classes  GeoNames feature classes to keep (P populated places, A administrative
                     areas, H water, L areas, T terrain, S spots, V vegetation).
    min_population   drop populated places (class P) smaller than this.
    countries        keep only these ISO alpha-2 codes.
    replace          start a new index instead of adding to (and updating) the existing one.
    progress         called with the number of rows read, every 100,000 rows.

    Errors the user can cause (a missing file) raise DataMissing (code W030).
    """
    started = time.perf_counter()
    src = Path(path)
    if not src.exists():
        raise DataMissing(f"GeoNames file not found: {src}")
    a1_path = Path(admin1_codes) if admin1_codes else _beside(src, "admin1CodesASCII.txt")
    a2_path = Path(admin2_codes) if admin2_codes else _beside(src, "admin2Codes.txt")
    for p in (a1_path, a2_path, Path(alternate_names) if alternate_names else None):
        if p is not None and not p.exists():
            raise DataMissing(f"GeoNames file not found: {p}")
    keep = _Keep(set(feature_classes.upper()), {c.upper() for c in countries} if countries else None,
                 min_population, _codes(a1_path), _codes(a2_path))

    target = Path(index) if index else user_index_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    if replace and target.exists():
        target.unlink()
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    create_schema(conn)
    create_indexes(conn)
    batches = _Batches(conn)
    places, skipped, kept_ids = _import_places(src, keep, batches, progress)
    if alternate_names:
        _import_alternate_names(Path(alternate_names), kept_ids, batches)

    conn.execute("INSERT OR REPLACE INTO meta VALUES ('kind', 'user')")
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('source', ?)", (str(src),))
    conn.commit()
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    return ImportStats(index=target, places=places, names=batches.names, skipped=skipped,
                       seconds=round(time.perf_counter() - started, 2))


@dataclass(frozen=True)
class _Keep:
    """Which rows of the main table to keep, and the admin names to give them."""

    classes: set[str]
    countries: set[str] | None
    min_population: int
    admin1: dict[str, str]
    admin2: dict[str, str]


class _Batches:
    """Rows waiting to be written, and the number of names written so far."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.places: list[tuple] = []
        self.name_rows: list[tuple] = []
        self.names = 0

    def flush(self) -> None:
        self.names += len(self.name_rows)
        self.conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                              self.places)
        self.conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", self.name_rows)
        self.places.clear()
        self.name_rows.clear()


def _import_places(src: Path, keep: _Keep, batches: _Batches,
                   progress: Callable[[int], None] | None) -> tuple[int, int, set[int]]:
    """The main table's rows into the index: (places kept, rows skipped, the ids kept)."""
    places = skipped = seen = 0
    kept_ids: set[int] = set()
    for row in _rows(src):
        seen += 1
        if progress and seen % 100_000 == 0:
            progress(seen)
        place = _place(row, keep)
        if place is None:
            skipped += 1
            continue
        gid = place[0]
        batches.places.append(place)
        kept_ids.add(gid)
        places += 1
        for name, kind in ((row[1], "name"), (row[2], "alt")):
            k = key(name)
            if k:
                batches.name_rows.append((k, gid, kind))
        for alt in row[3].split(",") if row[3] else ():
            if _alt_ok(alt):
                k = key(alt)
                if k:
                    batches.name_rows.append((k, gid, "alt"))
        if len(batches.places) >= 20_000:
            batches.flush()
    batches.flush()
    return places, skipped, kept_ids


def _place(row: list[str], keep: _Keep) -> tuple | None:
    """The places row of one main-table row, or None when it is malformed or not kept."""
    if len(row) < 15:
        return None
    fclass, fcode, cc = row[6], row[7], row[8]
    population = int(row[14] or 0)
    if fclass not in keep.classes or (keep.countries and cc not in keep.countries) or \
            (fclass == "P" and population < keep.min_population):
        return None
    try:
        gid, lat, lon = int(row[0]), float(row[4]), float(row[5])
    except ValueError:
        return None
    precision = precision_of(fclass, fcode)
    a1 = keep.admin1.get(f"{cc}.{row[10]}") if row[10] else None
    a2 = keep.admin2.get(f"{cc}.{row[10]}.{row[11]}") if row[11] else None
    if precision == "admin1":
        a1 = None  # an admin1 is not inside itself
    return (gid, row[1], precision, fcode, cc or None, a1, a2, lat, lon, population, "geonames")


def _import_alternate_names(path: Path, kept_ids: set[int], batches: _Batches) -> None:
    """English, language-less and abbreviation names of the places kept."""
    for row in _rows(path):
        if len(row) < 4:
            continue
        try:
            gid = int(row[1])
        except ValueError:
            continue
        lang = row[2]
        if gid not in kept_ids or lang in _SKIP_LANGS or lang not in ("", "en", "abbr"):
            continue
        if not is_latin(row[3]):
            continue
        k = key(row[3])
        if k:
            batches.name_rows.append((k, gid, "abbr" if lang == "abbr" else "alt"))
        if len(batches.name_rows) >= 50_000:
            batches.flush()
    batches.flush()
