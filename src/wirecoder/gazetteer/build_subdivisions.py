"""Subdivisions in the bundled gazetteer index (see build.py for the account): pycountry's ISO
3166-2 names and hierarchy (levels 1 and 2), which ISO subdivision each GeoNames admin1 code is
(a vote of the nearest countrystatecity cities), a point from the box of their towns and the
listed point, and the English compass names of first-level ones ("Jawa Barat": West Java)."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from .build_geometry import percentile_box_centre
from .build_rows import IndexWriter, synthetic_id
from .names import key
from .store import haversine_km

# A first-level subdivision's two point estimates further apart than this: keep the listed one.
ADMIN1_DISAGREE_KM = 300.0

# Compass words of the languages first-level subdivisions are named in, in English: "Jawa Barat"
# is West Java, "Nord-Kivu" North Kivu, "Kasaï Occidental" West Kasai, "Sulawesi Tenggara"
# Southeast Sulawesi. English news uses the English form; no installed package lists it.
FOREIGN_COMPASS = {
    "barat": "West", "timur": "East", "tengah": "Central", "utara": "North", "selatan": "South",
    "tenggara": "Southeast", "nord": "North", "sud": "South", "est": "East", "ouest": "West",
    "occidental": "West", "oriental": "East", "norte": "North", "sur": "South", "sul": "South",
    "oeste": "West", "leste": "East", "ocidental": "West",
}


def _native_ok(native: str, name: str) -> bool:
    """countrystatecity's 'native' names are often machine translations of the name's syllables
    (Lusaka -> "Saturday", Butaleja -> "Business", Tahoua -> "Unité", Alaska -> "Down"), which
    turned weekdays and common words into places. One is kept only when it spells nearly the same
    name ("Bayern"/"Bayern", diacritics); native-language names proper are lost with the rest."""
    import difflib

    a, b = key(native), key(name)
    return bool(a) and difflib.SequenceMatcher(None, a, b).ratio() >= 0.6


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


class Subdivisions:
    """pycountry's subdivisions with their hierarchy, countrystatecity's states, the index id
    and name of each, and (after `match_admin1_groups`) the ISO code of each GeoNames admin1."""

    def __init__(self, sdir: Path, us_states: dict):
        import pycountry

        self.csc_states: dict[str, dict] = {}
        self.csc_state_by_code: dict[tuple[str, str], str] = {}
        for f in (sdir / "by-country").glob("*/states.json"):
            for s in json.loads(f.read_text("utf-8")):
                iso = s.get("iso3166_2") or f"{s['country_code']}-{s['state_code']}"
                self.csc_states[iso] = s
                self.csc_state_by_code[(s["country_code"], s["state_code"])] = iso
        self.us_states = us_states
        self.subs = {s.code: s for s in pycountry.subdivisions}
        self.ids: dict[str, int] = {}
        self.names: dict[str, str] = {}
        for code, s in self.subs.items():
            if s.country_code == "US" and code[3:] in us_states:
                pid = int(us_states[code[3:]]["geonameid"])
            else:
                pid = synthetic_id("iso3166-2", code)
            self.ids[code] = pid
            self.names[code] = s.name
        self.admin1_of_group: dict[tuple[str, str], str] = {}
        self.points_of: dict[str, list[tuple[float, float]]] = defaultdict(list)

    def parent_of(self, code: str) -> str | None:
        subs = self.subs
        s = subs.get(code)
        if s is None or not s.parent_code:
            return None
        parent = s.parent_code if "-" in s.parent_code else f"{code.split('-')[0]}-{s.parent_code}"
        # Indonesia's provinces hang under "geographical units" (Jawa, Sumatera): not a level
        if parent in subs and "geographical" in (subs[parent].type or "").lower():
            return None
        return parent

    def top_of(self, code: str) -> str:
        seen = 0
        while (parent := self.parent_of(code)) is not None and seen < 5:
            code = parent
            seen += 1
        return code

    def match_admin1_groups(self, cities: dict, sdir: Path) -> None:
        """Which ISO subdivision is each GeoNames admin1 code of the cities? A vote of the
        nearest countrystatecity cities of its largest towns; then the points of the towns of
        each subdivision."""
        grid = self._csc_city_grid(sdir)
        groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for c in cities.values():
            groups[(c["countrycode"], c["admin1code"])].append(c)
        for (cc, a1), members in groups.items():
            iso = self._vote(cc, a1, members, grid)
            if iso is not None:
                self.admin1_of_group[(cc, a1)] = iso
        for (cc, a1), members in groups.items():
            iso = self.admin1_of_group.get((cc, a1))
            if iso:
                self.points_of[iso].extend((c["latitude"], c["longitude"]) for c in members)

    def _csc_city_grid(self, sdir: Path) -> dict[tuple[str, int, int], list[tuple[float, float, str]]]:
        """countrystatecity's cities by (country, whole-degree cell), with their top subdivision."""
        grid: dict[tuple[str, int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for f in (sdir / "by-country").glob("*/states/*/cities.json"):
            for c in json.loads(f.read_text("utf-8")):
                if not c.get("latitude"):
                    continue
                iso = self.csc_state_by_code.get((c["country_code"], c["state_code"]))
                if iso is None:
                    continue
                lat, lon = float(c["latitude"]), float(c["longitude"])
                grid[(c["country_code"], int(lat // 1), int(lon // 1))].append((lat, lon, self.top_of(iso)))
        return grid

    def _vote(self, cc: str, a1: str, members: list[dict], grid: dict) -> str | None:
        if cc == "US" and f"US-{a1}" in self.subs:
            return f"US-{a1}"
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
                return iso
        return None

    def write(self, w: IndexWriter, region_names: dict[str, list[str]]) -> None:
        """Every subdivision as a place, with its names; `region_names` are the English names of
        the areas we wrote, by country (bases of the English compass names)."""
        for code, s in self.subs.items():
            top = self.top_of(code)
            level1 = top == code
            csc = self.csc_states.get(code) or {}
            lat, lon = self._point(code, level1, csc)
            precision = "admin1" if level1 else "admin2"
            pid = self.ids[code]
            w.place(pid, s.name, precision, "ADM1" if level1 else "ADM2", s.country_code,
                    None if level1 else self.names.get(top), None, lat, lon, 0, "pycountry")
            self._write_names(w, pid, s, csc, level1, region_names)
            if s.country_code == "US" and code[3:] in self.us_states:
                w.name(code[3:], pid, "abbr")

    def _point(self, code: str, level1: bool, csc: dict) -> tuple[float | None, float | None]:
        lat = lon = None
        pts = self.points_of.get(code) if level1 else None
        if pts and len(pts) >= 8:
            lat, lon = percentile_box_centre(pts)
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
        return lat, lon

    @staticmethod
    def _write_names(w: IndexWriter, pid: int, s, csc: dict, level1: bool,
                     region_names: dict[str, list[str]]) -> None:
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
