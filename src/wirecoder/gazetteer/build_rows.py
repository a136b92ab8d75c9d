"""The rows of the bundled gazetteer index as its builder writes them: places in the order they
are written (a later row of the same id replaces an earlier one), names deduplicated and written
sorted, and stable ids for places without a GeoNames id."""

from __future__ import annotations

import hashlib
import sqlite3

from .names import is_latin, key


def synthetic_id(*parts: str) -> int:
    """A stable negative id for places without a GeoNames id."""
    digest = hashlib.sha1("\x1f".join(parts).encode()).hexdigest()
    return -(int(digest[:12], 16) + 1)


class IndexWriter:
    """Places and names gathered for the index, written in one go by `flush`."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn
        self.places: list[tuple] = []
        self.names: set[tuple[str, int, str]] = set()

    def place(self, pid: int, name: str, precision: str, fcode: str | None, cc: str | None,
              admin1: str | None, admin2: str | None, lat: float | None, lon: float | None,
              population: int, source: str) -> None:
        self.places.append((pid, name, precision, fcode, cc, admin1, admin2, lat, lon,
                            int(population or 0), source))

    def name(self, name: str, pid: int, kind: str) -> None:
        k = key(name)
        if k:
            self.names.add((k, pid, kind))

    def flush(self) -> None:
        self.conn.executemany("INSERT OR REPLACE INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                              self.places)
        self.conn.executemany("INSERT OR IGNORE INTO names VALUES (?,?,?)", sorted(self.names))
        self.places, self.names = [], set()


def alt_ok(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not a code or a transliteration."""
    if len(name) < 3 or not is_latin(name) or "  " in name:
        return False
    if not name[0].isupper():
        return False  # lower-case alternates are mostly transliterations ("parys  tgzas")
    if name.isupper() and len(name) <= 4:
        return False  # IATA and other codes
    return True
