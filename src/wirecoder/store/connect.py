"""Opening the store's database: URLs, engines (to write, or read-only) and migrations.

    url = resolve_url("news.db")                      # sqlite:///news.db
    engine = create_store_engine(url)                 # may create the file, then migrate it
    engine = create_store_engine(url, read_only=True) # never creates, never writes

A store is opened to write only by the commands that write (ingest, dedup, an API server with an
ingest token); the rest open it read-only. A SQLite store is then opened in SQLite's read-only
mode, so a file the user cannot write (or on a read-only disk) can still be queried, and a
mistyped path is `W040 no store at PATH` instead of a new empty store. Opening to write checks
the permissions first: a store that cannot be written is `W040 ... read-only` at once, not after
the retries meant for a database that went away.

Migrations run under a lock: the SQLite write lock (BEGIN IMMEDIATE) or a PostgreSQL advisory
lock, so two first runs on a new store do not both create its tables.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError
from sqlalchemy.pool import NullPool, QueuePool, StaticPool

from .errors import StoreError, StoreTooNew
from .revision import alembic_config, at_head, head_revision, linear_head  # noqa: F401  (head_revision: re-exported)

DEFAULT_URL = "sqlite:///wirecoder.db"
URL_ENV = "WIRECODER_DB"
SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_NOTADB = 8, 14, 26


def resolve_url(url: str | os.PathLike[str] | None = None) -> str:
    """A SQLAlchemy URL: None -> $WIRECODER_DB or sqlite:///wirecoder.db; a plain path -> a SQLite
    file; postgresql:// -> the psycopg (v3) driver."""
    value = str(url) if url is not None else (os.environ.get(URL_ENV) or DEFAULT_URL)
    if "://" not in value:
        value = f"sqlite:///{Path(value).expanduser()}"
    for prefix in ("postgres://", "postgresql://"):
        if value.startswith(prefix):
            value = "postgresql+psycopg://" + value[len(prefix):]
    return value


def safe_url(url: str) -> str:
    """The URL without its password, for messages (a URL SQLAlchemy cannot parse too)."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return re.sub(r"(://[^:/@]*:)[^@]*@", r"\1***@", url)


def parsed_url(url: str) -> Any:
    """SQLAlchemy's URL object; a malformed URL (a port that is no number, an unclosed '[')
    is W040, not the ValueError SQLAlchemy raises."""
    try:
        return make_url(url)
    except (ArgumentError, ValueError) as exc:
        raise StoreError(f"cannot read the database URL {safe_url(url)}: {exc}") from None


def is_memory(url: str) -> bool:
    """An in-memory SQLite database (`:memory:`, `sqlite://`): gone when the process ends."""
    parsed = parsed_url(url)
    return parsed.get_backend_name() == "sqlite" and parsed.database in (None, "", ":memory:")


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite store (None for another database or an in-memory one)."""
    parsed = parsed_url(url)
    if parsed.get_backend_name() != "sqlite" or is_memory(url):
        return None
    return Path(parsed.database).expanduser().resolve()


def store_name(url: str) -> str:
    """How messages name the store: its file, ':memory:', or the URL without its password."""
    path = sqlite_file(url)
    return str(path) if path is not None else ":memory:" if is_memory(url) else safe_url(url)


def check_writable(path: Path) -> None:
    """W040 at once when this process cannot write the SQLite store at `path` (or create it):
    the file or its folder is read-only. Writing in WAL mode needs the -wal and -shm files
    beside it, created in the folder unless they exist and can be written."""
    folder = path.parent
    if not path.exists():
        if not folder.is_dir():
            raise StoreError(f"cannot create the store {path}: no such folder {folder}")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise StoreError(f"cannot create the store {path}: the folder {folder} is read-only")
        return
    if not os.access(path, os.W_OK):
        raise StoreError(f"the store {path} is read-only (no permission to write the file); "
                         "read commands can query it")
    sidecars = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
    if not os.access(folder, os.W_OK | os.X_OK) and not all(
            s.exists() and os.access(s, os.W_OK) for s in sidecars):
        raise StoreError(f"the store {path} is read-only (its folder {folder} cannot be "
                         "written, and SQLite writes its journal there); read commands can query it")


def create_store_engine(url: str | os.PathLike[str] | None = None, *, pooled: bool = True,
                        lock_timeout: float = 60.0, read_only: bool = False) -> Engine:
    """An engine for the store. `pooled=False` opens a connection per use and keeps none open,
    which is what a process that forks workers needs. `lock_timeout`: seconds a SQLite writer
    waits for another writer's lock before the write fails as unavailable. `read_only`: a SQLite
    file is opened in SQLite's read-only mode and must exist (W040 'no store at PATH')."""
    resolved = resolve_url(url)
    pool_args: dict[str, Any] = {} if pooled else {"poolclass": NullPool}
    parsed = parsed_url(resolved)
    try:
        if parsed.get_backend_name() == "sqlite":
            path = sqlite_file(resolved)
            if path is not None and read_only:
                return _read_only_engine(path, lock_timeout, pooled)
            if path is not None:
                check_writable(path)
            engine = create_engine(
                resolved, connect_args={"timeout": lock_timeout, "check_same_thread": False},
                **({"poolclass": StaticPool} if path is None else pool_args),
            )
            event.listen(engine, "connect", _sqlite_pragmas)
            event.listen(engine, "checkin", _restore_foreign_keys)
        else:
            engine = create_engine(resolved, pool_pre_ping=True, **pool_args)
    except ImportError as exc:
        hint = " (pip install 'psycopg[binary]')" if resolved.startswith("postgresql") else ""
        raise StoreError(f"cannot use the database URL {safe_url(resolved)}: the database "
                         f"driver is not installed: {exc}{hint}") from None
    except (ArgumentError, NoSuchModuleError, ValueError) as exc:
        raise StoreError(f"cannot use the database URL {safe_url(resolved)}: {exc}") from None
    return engine


def _restore_foreign_keys(dbapi_conn, record) -> None:
    """Foreign keys back on for a connection that migrated the store (`upgrade`), once its
    transaction is over (SQLite ignores the pragma inside one)."""
    if record is not None and record.info.pop(_KEYS_OFF, False):
        dbapi_conn.execute("PRAGMA foreign_keys=ON")


_KEYS_OFF = "wirecoder_foreign_keys_off"


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    # WAL: readers never block the writer, and a killed writer loses only its open transaction.
    _switch_to_wal(cur)
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _switch_to_wal(cur: sqlite3.Cursor) -> None:
    """PRAGMA journal_mode=WAL, waiting for other writers as any write does. Switching a file
    still in rollback mode (a new store) fails at once while another connection writes it, not
    after the busy timeout: three first-time openers of one new store failed about one time in
    150 with "database is locked" (W040). Tried again with backoff until the timeout is spent."""
    deadline = time.monotonic() + cur.execute("PRAGMA busy_timeout").fetchone()[0] / 1000
    delay = 0.005
    while True:
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(delay)
        delay = min(2 * delay, 0.1)


def _read_only_engine(path: Path, lock_timeout: float, pooled: bool) -> Engine:
    """SQLite's read-only mode (`mode=ro`): nothing is ever written, and a missing file is an
    error instead of a new store. A WAL store whose -shm file cannot be created (a read-only
    folder) is opened immutable: read as it is on disk."""
    if not path.is_file():
        raise StoreError(f"no store at {path} (read commands never create one: check the path, "
                         "or ingest into it first)")
    uri = f"file:{quote(str(path))}?mode=ro"
    if not _readable(uri):
        uri += "&immutable=1"

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=lock_timeout, check_same_thread=False)

    return create_engine("sqlite://", creator=connect,
                         poolclass=QueuePool if pooled else NullPool)


def _readable(uri: str) -> bool:
    """Whether the read-only connection can read the file in place (WAL needs its -shm file,
    which a read-only folder cannot hold); a file that is no database is W040."""
    name = unquote(uri.split("?")[0][len("file:"):])
    try:
        with closing(sqlite3.connect(uri, uri=True)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return True
    except sqlite3.DatabaseError as exc:
        code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        if code in (SQLITE_READONLY, SQLITE_CANTOPEN):
            return False
        if code == SQLITE_NOTADB:
            raise StoreError(f"{name} is not a wirecoder store (not a SQLite database)") from None
        raise StoreError(f"cannot read the store {name}: {exc}") from None


def current_revision(conn: Connection) -> str | None:
    """The store's schema revision; None for a database without wirecoder's tables. A store at
    the newest migration is answered without Alembic (the usual case: a fast `events`)."""
    if at_head(conn):
        return linear_head()
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def known_revision(revision: str | None, url: str) -> None:
    """W042 for a revision this wirecoder does not know (a newer one migrated the store)."""
    if revision is None or revision == linear_head():
        return
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    try:
        ScriptDirectory.from_config(alembic_config(url)).get_revision(revision)
    except CommandError:
        raise StoreTooNew(f"the store {safe_url(url)} is at schema revision {revision!r}, "
                          "unknown to this wirecoder; upgrade wirecoder") from None


def upgrade(conn: Connection, url: str, revision: str = "head") -> None:
    """Migrate the store on `conn` to `revision`, under a lock: two processes opening a new
    store at once do not both create its tables ('table runs already exists'); the second
    waits for the first and then finds the store at its revision."""
    from alembic import command
    from alembic.script import ScriptDirectory

    cfg = alembic_config(url)
    script = ScriptDirectory.from_config(cfg)
    head = script.get_current_head()
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(730500117)"))
    elif conn.dialect.name == "sqlite":
        if revision == "head" and current_revision(conn) == head:
            return  # the common case: no lock taken
        # Foreign keys off while migrating: a batch migration copies a table, drops the old one
        # and renames the copy, and with foreign keys on the drop deletes every row that refers
        # to it (ON DELETE CASCADE: 0004 emptied event_arguments). Back on when the connection
        # returns to its pool (`_restore_foreign_keys`).
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.connection.info[_KEYS_OFF] = True
        # The write lock before the revision is read (pysqlite has no transaction open yet;
        # the DDL that follows runs in this one and commits with it).
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    current = current_revision(conn)
    known_revision(current, url)
    if revision == "head" and current == head:
        return
    cfg.attributes["connection"] = conn
    below = ({r.revision for r in script.iterate_revisions(current, "base")} - {current}
             if current else set())
    if current is not None and (revision == "base" or revision in below):
        command.downgrade(cfg, revision)
    else:
        command.upgrade(cfg, revision)
        _fill_registry(conn, script, current)


REGISTRY_REVISION = "0009"


def _fill_registry(conn: Connection, script: Any, before: str | None) -> None:
    """A store upgraded past migration 0009 gets its actor registry built from the documents it
    holds (a new store has none to read)."""
    after = current_revision(conn)
    lineage = lambda rev: {r.revision for r in script.iterate_revisions(rev, "base")} if rev else set()  # noqa: E731
    if before is not None and REGISTRY_REVISION in lineage(after) \
            and REGISTRY_REVISION not in lineage(before):
        from .actor_registry import rebuild_on

        rebuild_on(conn)
