"""Where a place the gazetteer cannot pin down lies: the area its qualifier names, the area that
holds the places it is listed with, or the one country or first-level subdivision its article is
about. Such a place is reported at that area's
precision under its own name, never at an invented point."""

from __future__ import annotations

from collections import Counter

from .mention import PLACE_LABELS, Mention
from .names import key
from .store import Entry, Gazetteer
from .wording import vouched_unknown

# An article is about one country when at least this share of its resolved mentions lie in it,
# and about one of its first-level subdivisions when that share of those mentions that are finer
# than the country (at least DOMINANT_MIN of them) lie in that subdivision.
DOMINANT_SHARE = 0.7
DOMINANT_MIN = 3


def _dominant_area(gaz: Gazetteer, groups: dict[str, list[Mention]],
                   chosen: dict[str, Entry | None]) -> Entry | None:
    """The country, or the first-level subdivision, that the article's places mostly lie in."""
    by_cc: Counter = Counter()
    by_admin1: Counter = Counter()
    for g, ms in groups.items():
        e = chosen.get(g)
        if e is None or not e.cc:
            continue
        by_cc[e.cc] += len(ms)
        if e.precision != "country":
            by_admin1[(e.cc, e.name if e.precision == "admin1" else e.admin1)] += len(ms)
    total = sum(by_cc.values())
    if total < DOMINANT_MIN:
        return None
    cc, n = by_cc.most_common(1)[0]
    if n < DOMINANT_SHARE * total:
        return None
    finer = sum(v for (c, _), v in by_admin1.items() if c == cc)
    top = max(((a, v) for (c, a), v in by_admin1.items() if c == cc and a), key=lambda x: x[1],
              default=None)
    if top is not None and finer >= DOMINANT_MIN and top[1] >= DOMINANT_SHARE * finer:
        holder = gaz.admin1(cc, top[0])
        if holder is not None:
            return holder
    return gaz.country_entry(cc)


def _outside(e: Entry | None, q: Entry) -> bool:
    """The chosen entry lies outside the area that qualifies it (or nothing was chosen)."""
    if e is None:
        return True  # known only by its qualifier, a town included ("Balintawak, Quezon City")
    if q.precision not in ("country", "admin1", "admin2"):
        return False
    if e.precision not in ("locality", "admin2", "point"):
        return False  # "Asia, Canada": no area is qualified by one it is not in
    if e.cc != q.cc:
        return True
    if q.precision == "admin1" and e.admin1:
        return key(e.admin1) != key(q.name)
    return False


def _mates_area(gaz: Gazetteer, mates: list[str], chosen: dict[str, Entry | None]) -> Entry | None:
    """The area that holds all the places a name is listed with, when they are finer than a
    country: their first-level subdivision if they share one, else their country."""
    known = [e for k in mates if (e := chosen.get(k)) is not None]
    if not known or any(e.precision in ("country", "region") or not e.cc for e in known) \
            or len({e.cc for e in known}) > 1:
        return None
    cc = known[0].cc
    admin1s = {e.name if e.precision == "admin1" else e.admin1 for e in known}
    if len(admin1s) == 1 and None not in admin1s:
        holder = gaz.admin1(cc, admin1s.pop())
        if holder is not None:
            return holder
    return gaz.country_entry(cc)


def _unknown_place(doc, g: str, ms: list[Mention], chosen: dict[str, Entry | None], unknown: set[str]) -> bool:
    return chosen.get(g) is None and g in unknown and all(
        m.label in PLACE_LABELS or m.extra.get("named") for m in ms) and vouched_unknown(doc, ms)


def place_at_areas(doc, gaz: Gazetteer, groups: dict[str, list[Mention]],
                   chosen: dict[str, Entry | None], qualifiers: dict[str, Entry | None],
                   unknown: set[str], mates: dict[str, list[str]] | None = None) -> None:
    """Give the names the gazetteer cannot pin down the area that holds them, in `chosen`, and
    flag their mentions `area_only` (reported under their own names, at the area's precision).
    `qualifiers` holds each name's resolved qualifier; `unknown` the names with no entry at all;
    `mates` the names each is listed with ("the Etoumbi and Mbomo districts")."""
    for g, ms in groups.items():
        q = qualifiers.get(g)
        if q is not None and _outside(chosen.get(g), q):
            # "Holliday, Missouri" with no Holliday in Missouri known: the place is somewhere in
            # Missouri, which is all that can honestly be said (never a namesake elsewhere)
            chosen[g] = q
            for m in ms:
                m.extra["area_only"] = True
    for g, ms in groups.items():
        held = _unknown_place(doc, g, ms, chosen, unknown) and _mates_area(gaz, (mates or {}).get(g, []), chosen)
        if held:
            # "the Etoumbi and Mbomo districts": where its list mates lie, known to that area
            chosen[g] = held
            for m in ms:
                m.extra["area_only"] = True
    area = _dominant_area(gaz, groups, chosen)
    if area is None:
        return
    for g, ms in groups.items():
        if _unknown_place(doc, g, ms, chosen, unknown):
            # a place the gazetteer lacks ("Dunnock Close", "the Kampungu village") in an
            # article about one country (or one state): known to that area, no finer
            chosen[g] = area
            for m in ms:
                m.extra["area_only"] = True
