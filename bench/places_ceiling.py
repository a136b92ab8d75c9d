"""How far the bundled gazetteer lets any resolver go on a Gritta corpus (GeoVirus, TR-News).

    python bench/places_ceiling.py [../shared/data/geo/GeoVirus.xml ...]

For each gold toponym with coordinates, two upper bounds on acc_161km:
  - by name: the gazetteer holds some entry of the gold name (any of its names, abbreviations or
    demonyms) within 161 km of the gold point (the `gazetteer_ceiling_161km` of
    `wirecoder eval places`);
  - with area fallback: as above, or, for a name the gazetteer does not hold at all, the
    first-level subdivision or the country around the gold point lies within 161 km (a resolver
    may report an unknown village at its area).
A known name may only go to its own entries: reading "Canada" as Alberta would pass the bound
but is wrong. The misses left by the second bound are listed by name, most frequent first:
these are the places whose representative point in this gazetteer differs from the corpus'.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from wirecoder.evaluate.places import _reachable, load_gritta
from wirecoder.gazetteer import haversine_km, load_gazetteer
from wirecoder.gazetteer.names import key

DEFAULT = [Path("../shared/data/geo/GeoVirus.xml"), Path("../shared/data/geo/TR-News.xml")]


def _area_points(gaz, lat: float, lon: float) -> list:
    """The first-level subdivision and the country of the town nearest the point."""
    town = gaz.nearest(lat, lon, max_km=50)
    if town is None or not town.cc:
        return []
    areas = [gaz.admin1(town.cc, town.admin1) if town.admin1 else None,
             gaz.country_entry(town.cc)]
    return [e for e in areas if e is not None and e.lat is not None]


def ceiling(path: Path, gaz) -> None:
    n = by_name = with_area = 0
    left: Counter = Counter()
    for article in load_gritta(path):
        for g in article.toponyms:
            if g.lat is None or g.lon is None:
                continue
            n += 1
            if _reachable(g, gaz):
                by_name += 1
                with_area += 1
                continue
            if not gaz.lookup(key(g.name)) and any(
                    haversine_km(g.lat, g.lon, e.lat, e.lon) <= 161
                    for e in _area_points(gaz, g.lat, g.lon)):
                with_area += 1
                continue
            left[g.name] += 1
    print(f"{path.name}: n {n}, ceiling by name {by_name / n:.4f}, "
          f"with area fallback {with_area / n:.4f}")
    print("  beyond reach:", ", ".join(f"{k} {v}" for k, v in left.most_common(15)))


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or DEFAULT
    missing = [p for p in paths if not p.exists()]
    if missing:
        print(f"gold data not found: {', '.join(map(str, missing))}", file=sys.stderr)
        return 2
    gaz = load_gazetteer()
    for p in paths:
        ceiling(p, gaz)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
