"""Small SQL helpers the store's queries share: batches of values, case-insensitive substring
matches, and one-line database messages."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import func

# values per IN (...) list: well under SQLite's limit on bound parameters
CHUNK = 500


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


def contains(column: Any, needle: str) -> Any:
    """A case-insensitive substring match, with the needle's % and _ taken literally."""
    return func.lower(column).contains(needle.lower(), autoescape=True)


def one_line(exc: BaseException | None) -> str:
    """A database error's message on one line."""
    return " ".join(str(exc).split()) if exc else "unknown error"
