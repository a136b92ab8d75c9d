"""An offline gazetteer: GeoNames data from PyPI packages, compiled once into a local index.

    from wirecoder.gazetteer import load_gazetteer, import_geonames
    gaz = load_gazetteer()                  # builds ~/.cache/wirecoder/gazetteer-<hash>.sqlite once
    [c.entry for c in gaz.lookup(key("Fronton"))]
    import_geonames("allCountries.txt", admin1_codes="admin1CodesASCII.txt")  # optional, richer

The first call compiles the bundled index (about half a minute; see `build.py` for the sources);
later loads open the SQLite file read-only and take milliseconds. Set WIRECODER_CACHE to put the
index elsewhere. Nothing is downloaded: the data are the packages' own files.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
from functools import lru_cache, wraps
from pathlib import Path

from . import geonames
from .geonames import ImportStats
from .names import key
from .store import Candidate, Country, Entry, Gazetteer, cache_dir, haversine_km, user_index_path

__all__ = [
    "Candidate", "Country", "Entry", "Gazetteer", "ImportStats", "build_report", "bundled_index_path",
    "cache_dir", "haversine_km", "import_geonames", "key", "load_gazetteer", "user_index_path",
]

_BUILD_LOCK = threading.Lock()


def bundled_index_path() -> Path:
    from .build import bundled_key
    return cache_dir() / f"gazetteer-{bundled_key()}.sqlite"


def ensure_bundled_index() -> Path:
    """The bundled index file, compiled first if it is missing (atomically: a temp file renamed)."""
    from .build import build_bundled

    path = bundled_index_path()
    if path.exists():
        return path
    with _BUILD_LOCK:
        if path.exists():
            return path
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        if tmp.exists():
            tmp.unlink()
        build_bundled(tmp)
        os.replace(tmp, path)  # another process may have won the race: same content
    return path


@lru_cache(maxsize=4)
def _load(paths: tuple[str, ...]) -> Gazetteer:
    return Gazetteer([Path(p) for p in paths])


@wraps(geonames.import_geonames)
def import_geonames(*args, **kwargs) -> ImportStats:
    stats = geonames.import_geonames(*args, **kwargs)
    _load.cache_clear()  # the next load_gazetteer() sees the new rows
    return stats


def load_gazetteer(*, user_index: str | Path | None = None, bundled: bool = True) -> Gazetteer:
    """The gazetteer of this process: the bundled index plus the user's imported GeoNames data.

    `user_index` defaults to `user_index_path()` (used when it exists)."""
    paths: list[str] = []
    if bundled:
        paths.append(str(ensure_bundled_index()))
    user = Path(user_index) if user_index else user_index_path()
    if user.exists():
        try:
            with sqlite3.connect(f"file:{user}?mode=ro", uri=True) as conn:
                conn.execute("SELECT 1 FROM places LIMIT 1")
            paths.append(str(user))
        except sqlite3.DatabaseError:
            pass  # a half-written or foreign file is ignored, not fatal
    return _load(tuple(paths))


def build_report(vendor_from: str | Path | None = None) -> str:
    """Vendor GeoNames' cities500 from an `npm ci` tree when asked, compile the bundled index
    unless it exists, and say what it holds, its size and how long a fresh load takes."""
    from . import vendored

    if vendor_from:
        vendored.vendor(vendor_from)
    started = time.perf_counter()
    existed = bundled_index_path().exists()
    path = ensure_bundled_index()
    built = time.perf_counter() - started
    started = time.perf_counter()
    Gazetteer([path]).lookup(key("Texas"))
    load_ms = (time.perf_counter() - started) * 1000
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        places = conn.execute("SELECT COUNT(*) FROM places").fetchone()[0]
        names = conn.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        row = conn.execute("SELECT value FROM meta WHERE key = 'vendored'").fetchone()
    source = json.loads(row[0]) if row and row[0] else None
    vendored_text = f"{source['package']} {source['version']}" if source else "nothing vendored"
    return (f"gazetteer index {path}: {path.stat().st_size / 1e6:.0f} MB, {places:,} places, "
            f"{names:,} names ({vendored_text}); "
            + ("it existed" if existed else f"built in {built:.1f} s")
            + f"; a fresh load and first lookup take {load_ms:.0f} ms")
