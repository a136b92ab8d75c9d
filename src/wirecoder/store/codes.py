"""Small code tables the exports need: PLOVER quad classes, CAMEO roots, Goldstein weights,
country names and numbers. Written for wirecoder.

Quad classes follow the PLOVER manual's table (REQUEST is PLOVER 2's name for DEMAND). The
Goldstein weights are this project's approximation of Goldstein (1992) at the level of CAMEO root
codes, with a few common three-digit codes; -10 is the most conflictual, +10 the most cooperative.
"""

from __future__ import annotations

from functools import cache

QUAD_CLASS = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2, "INVESTIGATE": 2,
    "REQUEST": 3, "DEMAND": 3, "ACCUSE": 3, "REJECT": 3, "SANCTION": 3, "THREATEN": 3,
    "PROTEST": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
QUAD_NAMES = {1: "VERBAL COOPERATION", 2: "MATERIAL COOPERATION", 3: "VERBAL CONFLICT",
              4: "MATERIAL CONFLICT"}

# The CAMEO root an event of each PLOVER type falls under when the coder gave no CAMEO code.
CAMEO_ROOT = {
    "AGREE": "03", "CONSULT": "04", "SUPPORT": "05", "COOPERATE": "06", "AID": "07",
    "CONCEDE": "08", "RETREAT": "08", "INVESTIGATE": "09", "REQUEST": "10", "DEMAND": "10",
    "ACCUSE": "11", "REJECT": "12", "THREATEN": "13", "PROTEST": "14", "MOBILIZE": "15",
    "SANCTION": "16", "COERCE": "17", "ASSAULT": "18",
}

GOLDSTEIN_ROOT = {
    "01": 0.0, "02": 3.0, "03": 4.0, "04": 1.0, "05": 3.5, "06": 6.0, "07": 7.0, "08": 5.0,
    "09": -2.0, "10": -5.0, "11": -2.0, "12": -4.0, "13": -6.0, "14": -6.5, "15": -7.2,
    "16": -4.0, "17": -7.0, "18": -9.0, "19": -10.0, "20": -10.0,
}
GOLDSTEIN_CODE = {
    "042": 1.9, "043": 2.8, "057": 8.0, "071": 7.4, "072": 8.3, "073": 7.4,
    "138": -7.0, "163": -8.0, "172": -5.0, "173": -5.0, "174": -5.0,
    "183": -10.0, "186": -10.0, "190": -10.0, "193": -10.0, "194": -10.0, "195": -10.0,
}


def cameo_codes(cameo: str | None, plover_type: str) -> tuple[str, str, str]:
    """(EventCode, EventBaseCode, EventRootCode) from the event's CAMEO code, or from its PLOVER
    type's root when it has none ("" when neither gives one)."""
    code = (cameo or "").strip()
    if not code:
        root = CAMEO_ROOT.get(plover_type.upper())
        return (root + "0", root + "0", root) if root else ("", "", "")
    return code, code[:3], code[:2]


def goldstein(cameo: str | None, plover_type: str) -> float | None:
    code, base, root = cameo_codes(cameo, plover_type)
    for key in (code, base):
        if key in GOLDSTEIN_CODE:
            return GOLDSTEIN_CODE[key]
    return GOLDSTEIN_ROOT.get(root)


def quad_class(plover_type: str) -> int | None:
    return QUAD_CLASS.get(plover_type.upper())


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
