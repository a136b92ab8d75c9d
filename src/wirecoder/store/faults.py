"""What a database error means for a run, and retrying the ones that pass.

    policy = RetryPolicy(attempts=6, first_delay=0.5)
    with_retries(lambda: store.save_many(batch, run_id), policy, what="store a batch")

Three kinds of failure reach the store's writer:
- full: the disk (or SQLite's page limit, or PostgreSQL's tablespace) has no room. Retrying does
  not help; the run stops with W046 and the store keeps everything committed before.
- unavailable: the server went away (connection refused or reset, administrator shutdown) or a
  SQLite file stayed locked. Retried with exponential backoff; a write transaction is all or
  nothing, so retrying it can neither lose nor halve a document. After the last attempt: W047.
- read-only: the store cannot be written (a file without write permission, SQLite's read-only
  mode, a PostgreSQL standby or read-only transaction, no privilege to write). Retrying does not
  help either: W040 at once.
- anything else (a constraint, a bad value): not retried; the caller decides.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy.exc import DBAPIError

from .errors import StoreError, StoreFull, StoreUnavailable

T = TypeVar("T")

SQLITE_FULL = 13
SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 5, 6, 8
SQLITE_IOERR, SQLITE_CANTOPEN = 10, 14
# PostgreSQL SQLSTATE classes: 08 connection exception, 57P01-57P03 shutdown / cannot connect now,
# 53100 disk full, 53200 out of memory (a server under pressure: worth another try).
PG_FULL = {"53100"}
# 25006 read_only_sql_transaction (a standby, default_transaction_read_only), 42501 no privilege.
PG_READ_ONLY = {"25006", "42501"}
PG_UNAVAILABLE_PREFIXES = ("08", "57P01", "57P02", "57P03", "53200", "53300")


@dataclass(frozen=True)
class RetryPolicy:
    """Attempts for a write that failed because the database was unavailable: delays of
    first_delay, first_delay*factor, ... capped at max_delay (0.5+1+2+4+8 s by default)."""

    attempts: int = 6
    first_delay: float = 0.5
    factor: float = 2.0
    max_delay: float = 8.0

    def delays(self) -> list[float]:
        return [min(self.max_delay, self.first_delay * self.factor ** i)
                for i in range(max(0, self.attempts - 1))]


NO_RETRY = RetryPolicy(attempts=1)


def one_line(exc: BaseException | None) -> str:
    return " ".join(str(exc).split())[:300] if exc else "unknown error"


def kind_of(exc: BaseException) -> str:
    """"full", "unavailable", "read-only" or "other" for a database error (SQLAlchemy's or the
    driver's)."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return "unavailable"
    code = getattr(orig, "sqlite_errorcode", None)
    if code is not None:
        primary = code & 0xFF  # extended codes carry the primary code in their low byte
        if primary == SQLITE_FULL:
            return "full"
        if primary == SQLITE_READONLY:
            return "read-only"
        if primary in (SQLITE_BUSY, SQLITE_LOCKED, SQLITE_CANTOPEN):
            return "unavailable"
        if primary == SQLITE_IOERR and "disk" in str(orig).lower():
            return "full"  # a write the file system refused (ENOSPC surfaces as an I/O error)
        return "other"
    state = getattr(orig, "sqlstate", None)
    if state in PG_FULL:
        return "full"
    if state in PG_READ_ONLY:
        return "read-only"
    if state and state.startswith(PG_UNAVAILABLE_PREFIXES):
        return "unavailable"
    name = type(orig).__name__
    if state is None and name == "OperationalError":
        return "unavailable"  # psycopg: no SQLSTATE means the connection itself failed
    return "other"


def with_retries(action: Callable[[], T], policy: RetryPolicy, *, what: str, where: str,
                 then: str = "", on_retry: Callable[[str], None] | None = None) -> T:
    """`action()`, retried while the database is unavailable; full -> StoreFull (W046),
    read-only -> StoreError (W040) at once, still unavailable after the last attempt ->
    StoreUnavailable (W047). Messages read
    "cannot {what}: the database {where} ...; {then}"."""
    delays = policy.delays()
    after = f"; {then}" if then else ""
    for attempt in range(len(delays) + 1):
        try:
            return action()
        except DBAPIError as exc:
            kind = kind_of(exc)
            if kind == "full":
                raise StoreFull(f"cannot {what}: the store {where} is full "
                                f"({one_line(exc.orig)}); everything committed before is "
                                f"kept: free space and run the same command again") from None
            if kind == "read-only":
                raise StoreError(f"cannot {what}: the store {where} is read-only "
                                 f"({one_line(exc.orig)})") from None
            if kind != "unavailable":
                raise
            if attempt == len(delays):
                raise StoreUnavailable(
                    f"cannot {what}: the database {where} did not answer after "
                    f"{attempt + 1} attempts over {sum(delays):.1f} s "
                    f"({one_line(exc.orig)}){after}") from None
            if on_retry is not None:
                on_retry(f"database unavailable ({one_line(exc.orig)[:120]}); "
                         f"retrying in {delays[attempt]:.1f} s")
            time.sleep(delays[attempt])
    raise AssertionError("unreachable")
