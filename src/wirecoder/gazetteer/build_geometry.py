"""Representative points of the bundled gazetteer's areas (see build.py for the account): the
equal-area centroid of a country's main landmass, the centre of the box a subdivision's or a
county's towns span."""

from __future__ import annotations

import math

# Share of populated places trimmed off each side before taking a subdivision's box centre.
ADMIN1_TRIM = 0.01


def percentile_box_centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """(lat, lon) of the centre of the box spanned by the points, ADMIN1_TRIM trimmed off each
    side; lon is NaN when the box straddles the antimeridian."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo = int(len(lats) * ADMIN1_TRIM)
    hi = max(min(int(len(lats) * (1 - ADMIN1_TRIM)), len(lats)) - 1, 0)
    lat = (lats[lo] + lats[hi]) / 2
    # longitudes that straddle the antimeridian (Chukotka, Fiji) use the csc point instead
    if lons[hi] - lons[lo] > 180:
        return lat, float("nan")
    return lat, (lons[lo] + lons[hi]) / 2


def equal_area_centroid(ring: list) -> tuple[float, float, float]:
    """(area, lat, lon) of one outline ring of [lon, lat] pairs on the cylindrical equal-area
    projection (x = lon, y = sin lat), so every square kilometre weighs the same."""
    area, y, x = ring_centroid([(lon, math.sin(math.radians(lat))) for lon, lat in ring])
    return area, math.degrees(math.asin(max(-1.0, min(1.0, y)))), x


def ring_centroid(ring: list) -> tuple[float, float, float]:
    """(area, lat, lon) of one outline ring of [lon, lat] pairs (planar, fine at this scale)."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        c = x0 * y1 - x1 * y0
        a += c
        cx += (x0 + x1) * c
        cy += (y0 + y1) * c
    if a == 0:
        return 0.0, 0.0, 0.0
    return abs(a / 2), cy / (3 * a), cx / (3 * a)
