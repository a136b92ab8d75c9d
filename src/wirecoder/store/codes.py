"""The codes the exports give an event, read from the knowledge tables, never from literals of
their own: the PLOVER class of its type (knowledge/plover_types.tsv), its CAMEO codes, GDELT's
QuadClass and a Goldstein weight (knowledge/cameo_codes.tsv); country names and numbers.

Two classes of one event can differ, each following its own codebook: `quad_class` is the PLOVER
manual's class of the type (PLOVER's quad_code, POLECAT's Quad Code), `gdelt_quad_class` is
GDELT's, derived from the CAMEO root of the event's code (a CONCEDE coded 08 is PLOVER's verbal
cooperation, GDELT's material cooperation).
"""

from __future__ import annotations

from functools import cache

from ..errors import KnowledgeError
from ..knowledge import load_tsv
from ..knowledge.plover import find_type, plover_types

QUAD_NAMES = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT",
              4: "MATERIAL CONFLICT"}
CAMEO_FILE = "cameo_codes.tsv"


@cache
def cameo_table() -> dict[str, dict[str, str]]:
    """CAMEO code -> its row of knowledge/cameo_codes.tsv; W023 for a root 01-20 without a quad
    class of 1-4."""
    rows = {row["code"]: row for row in load_tsv(CAMEO_FILE)}
    bad = [root for root in (f"{n:02d}" for n in range(1, 21))
           if rows.get(root, {}).get("quad_class") not in ("1", "2", "3", "4")]
    if bad:
        raise KnowledgeError(f"{CAMEO_FILE}: CAMEO root(s) {', '.join(bad)} need a quad_class of 1-4")
    return rows


def cameo_codes(cameo: str | None, plover_type: str) -> tuple[str, str, str]:
    """(EventCode, EventBaseCode, EventRootCode) from the event's CAMEO code, or from its PLOVER
    type's root when it has none ("" when neither gives one)."""
    code = (cameo or "").strip()
    if not code:
        found = find_type(plover_type)
        root = found.cameo if found is not None else None
        return (root + "0", root + "0", root) if root else ("", "", "")
    return code, code[:3], code[:2]


def goldstein(cameo: str | None, plover_type: str) -> float | None:
    """The Goldstein weight of the event's code, else of its base code, else of its root."""
    table = cameo_table()
    for key in cameo_codes(cameo, plover_type):
        if key in table and table[key]["goldstein"]:
            return float(table[key]["goldstein"])
    return None


def quad_class(plover_type: str) -> int | None:
    """The PLOVER manual's class of a type (or of a former name of one); None for no type."""
    found = find_type(plover_type)
    return found.quad if found is not None else None


def gdelt_quad_class(cameo: str | None, plover_type: str) -> int | None:
    """GDELT's QuadClass: the class of the CAMEO root of the event's code (of its type's root
    when the event has no code)."""
    row = cameo_table().get(cameo_codes(cameo, plover_type)[2])
    return int(row["quad_class"]) if row is not None and row["quad_class"] else None


def event_type_rows() -> list[dict[str, object]]:
    """Every PLOVER type of the table, in its order, as the API lists them (/api/event-types)."""
    examples = {row["type"]: row["example"] for row in load_tsv("plover_types.tsv")}
    return [{"name": t.name, "quad_class": t.quad, "quad_name": QUAD_NAMES.get(t.quad, ""),
             "cameo_root": t.cameo, "former_names": sorted(t.former_names), "color": t.color,
             "example": examples.get(t.name, "")} for t in plover_types().values()]


@cache
def country(iso3: str | None) -> dict[str, str]:
    """name, alpha2 and numeric code of an ISO 3166 alpha-3 code (empty strings when unknown)."""
    empty = {"name": "", "alpha2": "", "numeric": ""}
    if not iso3:
        return empty
    try:
        import pycountry
    except ImportError:  # pragma: no cover - pycountry is a dependency
        return empty
    found = pycountry.countries.get(alpha_3=iso3.upper())
    if found is None:
        return empty
    return {"name": getattr(found, "common_name", None) or found.name, "alpha2": found.alpha_2,
            "numeric": str(int(found.numeric))}
