"""Small SQL helpers the store's queries share: batches of values, the ids a store can hold,
case-insensitive substring matches, and one-line database messages."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import exists, func
from sqlalchemy.sql import operators
from sqlalchemy.sql.elements import UnaryExpression

# values per IN (...) list: well under SQLite's limit on bound parameters
CHUNK = 500


def chunks(values: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


def keepable(ids: Iterable[str]) -> list[str]:
    """The ids a store can hold, once each, in order. An id with a NUL or a lone surrogate is
    never stored (the readers refuse it: W011, W012) and PostgreSQL cannot even compare one
    (DataError: a lookup of such an id failed the request with W099, not "no such document")."""
    out = []
    for doc_id in dict.fromkeys(ids):
        try:
            doc_id.encode("utf-8")
        except UnicodeEncodeError:
            continue
        if "\x00" not in doc_id:
            out.append(doc_id)
    return out


def contains(column: Any, needle: str) -> Any:
    """A case-insensitive substring match, with the needle's % and _ taken literally."""
    return func.lower(column).contains(needle.lower(), autoescape=True)


def exists_per_row(query: Any) -> Any:
    """EXISTS (`query`), asked for each row it is a condition of. OFFSET 0 keeps PostgreSQL from
    turning an EXISTS under an OR into a hashed subplan, which reads every matching row of the
    store before the first row is checked, even for a page of 100 or a count that stops at
    1,001 (2.4 s for `--actor trump`'s count at 100,000 documents). SQLite asks it per row anyway."""
    return exists(query.offset(0))


def unindexed(column: Any) -> Any:
    """`+column`: the same value, which SQLite serves from no index (its documented way to keep
    a condition from choosing the plan). SQLite only (PostgreSQL has no unary + on text)."""
    return UnaryExpression(column, operator=operators.custom_op("+"), type_=column.type)


def one_line(exc: BaseException | None) -> str:
    """A database error's message on one line."""
    return " ".join(str(exc).split()) if exc else "unknown error"
