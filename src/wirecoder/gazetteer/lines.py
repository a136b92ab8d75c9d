"""Rivers and borders are lines, and one name joined to its abbreviation is one place (#25).

A river or a border of the supplement with a line in knowledge/place_lines.tsv is reported at the
vertex of its line nearest the article's own towns: "an island in the Rio Grande" in an article
placed at "Fronton, Texas" is on the river beside Fronton, not at the row's midpoint 400 km
upstream. With no town of the article within LINE_REACH_KM of the line, the row's own
representative point stays. The precision stays `region` and the feature code STM or BDR: a
point on the line, not the line's extent.

`fold_same_place` joins a qualifier that names the very place it qualifies ("Washington, D.C.":
"D.C." is an alias of Washington itself) into one mention, and unlinks a qualifier from a
country ("the U.S., Washington, D.C., and Puerto Rico" lists places; a country is qualified by
none of its parts).
"""

from __future__ import annotations

from functools import cache

from ..knowledge import load_tsv
from .mention import Mention
from .names import key
from .store import haversine_km

LINES_FILE = "place_lines.tsv"
# A town of the article this far from a line or nearer places the line's mention near it.
LINE_REACH_KM = 150.0
# What anchors a line: a town or a point of the article, never an area or another line.
_ANCHOR_PRECISIONS = frozenset({"locality", "point", "admin2"})


@cache
def lines() -> dict[tuple[str, str], tuple[tuple[float, float], ...]]:
    """(name key, feature code) -> the line's vertices in order."""
    out = {}
    for row in load_tsv(LINES_FILE):
        points = tuple(tuple(float(x) for x in p.split(",")) for p in row["points"].split(";")
                       if p.strip())
        out[(key(row["name"]), row["fcode"])] = points
    return out  # type: ignore[return-value]


def point_on_line(name: str, fcode: str | None, anchors: list[tuple[float, float]]
                  ) -> tuple[float, float] | None:
    """The vertex of the line of `name` nearest one of `anchors`, if that anchor lies within
    LINE_REACH_KM of the line; None when the feature has no line or no anchor is near it."""
    line = lines().get((key(name), fcode or ""))
    if not line or not anchors:
        return None
    dist, vertex = min((haversine_km(a[0], a[1], v[0], v[1]), v) for a in anchors for v in line)
    return vertex if dist <= LINE_REACH_KM else None


def place_lines(mentions: list[Mention]) -> None:
    """Set `extra["point"]` of each river's or border's mention that has a line and a town of
    the article near it (see the module)."""
    anchors = [(m.entry.lat, m.entry.lon) for m in mentions
               if m.entry is not None and not m.demonym and m.entry.lat is not None
               and m.entry.lon is not None and m.entry.precision in _ANCHOR_PRECISIONS
               and not m.extra.get("area_only")]
    for m in mentions:
        e = m.entry
        if e is None or e.source != "supplement" or e.fcode not in ("STM", "BDR"):
            continue
        point = point_on_line(e.name, e.fcode, anchors)
        if point is not None:
            m.extra["point"] = point


def fold_same_place(doc, mentions: list[Mention]) -> list[Mention]:
    """Mentions with qualifiers read whole (see the module): a qualifier resolved to the place it
    qualifies becomes part of that mention's span; a country's qualifier is unlinked."""
    folded: set[int] = set()
    for m in mentions:
        q = m.qualifier
        if q is None or m.entry is None or m.extra.get("area_only"):
            continue  # a place known only by its qualifier's area keeps the qualifier
        if m.entry.precision == "country":
            m.qualifier = None  # the qualifier stays a place of its own
        elif q.entry is not None and q.entry.id == m.entry.id and not q.demonym \
                and m.end <= q.start and doc.text[m.end:q.start].strip() in ("", ","):
            m.end, m.tokens = q.end, (m.tokens[0], q.tokens[1])
            m.text = doc.text[m.start:m.end]
            m.qualifier = None
            folded.add(id(q))
    return [m for m in mentions if id(m) not in folded]
