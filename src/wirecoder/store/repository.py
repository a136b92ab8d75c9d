"""The store: analyses saved to SQLite (a file, by default `wirecoder.db`) or PostgreSQL (by URL).

    store = open_store()                               # sqlite:///wirecoder.db, or $WIRECODER_DB
    store = open_store("postgresql://user:pw@host/db")
    store.save(analysis, run_id)                       # "stored" | "replaced" | "skipped"
    store.events(type="ASSAULT", country="MEX", since="2025-01-01")

A document is identified by its id (a hash of its text unless the input supplied one). Saved again
under the same coder version with the same text it is skipped; under another coder version, with
another text (a feed's corrected article under its URL), or with `reprocess=True`, its rows are
deleted and the new ones inserted in the same transaction, so a reader never sees half a
document. `save_many` writes a whole batch in one transaction.
"""

from __future__ import annotations

import hashlib
import os
import socket
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Table,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError

from ..records import Analysis, Claim, Event, Quote
from . import actor_registry, hit_plan, span_pack
from .connect import (  # noqa: F401  (DEFAULT_URL, URL_ENV, sqlite_file: re-exported)
    DEFAULT_URL,
    URL_ENV,
    create_store_engine,
    current_revision,
    head_revision,
    known_revision,
    resolve_url,
    safe_url,
    sqlite_file,
    store_name,
    upgrade,
)
from .convert import Loaded, analysis_to_rows, utcnow
from .errors import BadFilter, StoreError, StoreFull
from .faults import RetryPolicy, kind_of, with_retries
from .record_filters import claim_conditions, event_conditions, quote_conditions
from .schema import (
    ALL_TABLES,
    DERIVED_TABLES,
    DOCUMENT_TABLES,
    T_ACTORS,
    T_ARGS,
    T_CHANGES,
    T_CLAIMS,
    T_DOCS,
    T_EVENTS,
    T_FAILURES,
    T_PLACES,
    T_QUOTES,
    T_REGISTRY_LINKS,
    T_RUNS,
)
from .sql import chunks, keepable, one_line

# Parents first: the order rows are inserted in.
INSERT_ORDER: list[Table] = list(reversed(DOCUMENT_TABLES))  # type: ignore[arg-type]


@dataclass(frozen=True)
class Failure:
    """An input that did not become a stored document: where it came from and the coded
    reason (the error's one line, which starts with its code)."""

    source: str | None
    reason: str
    document_id: str | None = None
    run_id: str | None = None  # filled when read back from the store

    @property
    def code(self) -> str:
        head = self.reason.split(":", 1)[0]
        return head if head[:1] == "W" and head[1:].isdigit() else "W000"


def migrate(url: str | os.PathLike[str] | None = None, revision: str = "head") -> str:
    """Create or upgrade the store's tables with the Alembic migrations (to `revision`: "head",
    a revision id, or "base" to drop them all); returns the URL used."""
    resolved = resolve_url(url)
    engine = create_store_engine(resolved)
    try:
        with engine.begin() as conn:
            upgrade(conn, resolved, revision)
    except DBAPIError as exc:
        raise StoreError(f"cannot open the store {safe_url(resolved)}: "
                         f"{one_line(exc.orig)}") from None
    finally:
        engine.dispose()
    return resolved


def open_store(url: str | os.PathLike[str] | None = None, *, migrate: bool = True,
               pooled: bool = True, retry: RetryPolicy | None = None,
               lock_timeout: float = 60.0, read_only: bool = False, create: bool = True) -> Store:
    """Open the store at `url` to write: created when missing (unless `create=False`) and
    upgraded to this wirecoder's tables (unless `migrate=False`). With `read_only=True`, to
    read: never created nor written, a SQLite file in SQLite's read-only mode, and W040 'no
    store at ...' when there is none. With `retry`, a database that does not answer is tried
    again with backoff, then StoreUnavailable (W047)."""
    resolved = resolve_url(url)
    if read_only or not create:
        reader = _open_to_read(resolved, pooled=pooled, lock_timeout=lock_timeout)
        if read_only:
            return reader
        reader.close()
    engine = create_store_engine(resolved, pooled=pooled, lock_timeout=lock_timeout)
    if migrate:
        def upgrade_store() -> None:
            with engine.begin() as conn:
                upgrade(conn, resolved)

        try:
            if retry is None:
                upgrade_store()
            else:
                with_retries(upgrade_store, retry, what="open the store", where=safe_url(resolved))
        except DBAPIError as exc:
            engine.dispose()
            kind = kind_of(exc)
            error = StoreFull if kind == "full" else StoreError
            state = " (it is read-only)" if kind == "read-only" else ""
            raise error(f"cannot open the store {safe_url(resolved)}{state}: "
                        f"{one_line(exc.orig)}") from None
        except Exception:
            engine.dispose()
            raise
    return Store(engine, resolved)


def _open_to_read(resolved: str, *, pooled: bool, lock_timeout: float) -> Store:
    """The store at `resolved`, opened to read; a store made by an older wirecoder is upgraded
    first (a write: W040 when it cannot be written)."""
    engine = create_store_engine(resolved, pooled=pooled, lock_timeout=lock_timeout,
                                 read_only=True)
    where = store_name(resolved)
    try:
        with engine.connect() as conn:
            current = current_revision(conn)
        if current is None:
            raise StoreError(f"no store at {where} (it holds no wirecoder tables: check the "
                             "path or URL, or ingest into it first)")
        known_revision(current, resolved)
        if current != head_revision():
            try:
                migrate(resolved)
            except StoreError as exc:
                raise StoreError(f"the store {where} was made by an older wirecoder and "
                                 f"cannot be upgraded: {exc.message}") from None
    except DBAPIError as exc:
        engine.dispose()
        raise StoreError(f"cannot open the store {where}: {one_line(exc.orig)}") from None
    except BaseException:
        engine.dispose()
        raise
    return Store(engine, resolved)


class Store:
    """The repository: save analyses, read them back, query their records."""

    def __init__(self, engine: Engine, url: str):
        self.engine = engine
        self.url = url

    def __repr__(self) -> str:
        return f"Store({safe_url(self.url)!r})"

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents ----------------------------------------------------------------------------

    def stored_versions(self, doc_ids: Iterable[str], conn: Connection | None = None) -> dict[str, str]:
        """doc id -> the coder version it is stored under, for the ids that are stored."""
        ids = keepable(doc_ids)
        if conn is None:
            with self.engine.connect() as c:
                return self.stored_versions(ids, c)
        found: dict[str, str] = {}
        for part in chunks(ids):
            q = select(T_DOCS.c.id, T_DOCS.c.coder_version).where(T_DOCS.c.id.in_(part))
            found.update({row.id: row.coder_version for row in conn.execute(q)})
        return found

    def stored_texts(self, doc_ids: Iterable[str],
                     conn: Connection | None = None) -> dict[str, tuple[str, str | None]]:
        """doc id -> (the digest of its original text, its source), for the ids that are stored."""
        ids = keepable(doc_ids)
        if conn is None:
            with self.engine.connect() as c:
                return self.stored_texts(ids, c)
        found: dict[str, tuple[str, str | None]] = {}
        for part in chunks(ids):
            q = select(T_DOCS.c.id, T_DOCS.c.original_text, T_DOCS.c.source).where(
                T_DOCS.c.id.in_(part))
            found.update({r.id: (text_digest(r.original_text), r.source) for r in conn.execute(q)})
        return found

    def has_document(self, doc_id: str, coder_version: str | None = None) -> bool:
        """Whether the document is stored (under `coder_version`, when given)."""
        stored = self.stored_versions([doc_id]).get(doc_id)
        return stored is not None and (coder_version is None or stored == coder_version)

    def save(self, analysis: Analysis, run_id: str | None = None, *,
             reprocess: bool = False) -> str:
        """Save one analysis in its own transaction: "stored", "replaced" or "skipped"."""
        outcome = self.save_many([analysis], run_id, reprocess=reprocess)
        return next(k for k in ("stored", "replaced", "skipped") if outcome[k])

    def save_many(self, analyses: Sequence[Analysis], run_id: str | None = None, *,
                  reprocess: bool = False, run_counts: dict[str, int] | None = None,
                  failures: Sequence[Failure] = ()) -> Counter[str]:
        """Save a batch in one transaction, adding its counts (and `run_counts`, e.g. documents
        skipped before analysis) to the run's, and logging `failures`, in the same transaction."""
        with self.engine.begin() as conn:
            outcome = self._save(conn, analyses, run_id, reprocess, run_counts or {})
            self._log_failures(conn, run_id, failures)
            return outcome

    def record_failures(self, run_id: str | None, failures: Sequence[Failure],
                        run_counts: dict[str, int] | None = None) -> None:
        """Log failures (and add `run_counts` to the run's) in one transaction."""
        with self.engine.begin() as conn:
            self._log_failures(conn, run_id, failures)
            if run_id is not None and run_counts:
                self._add_to_run(conn, run_id, run_counts)

    @staticmethod
    def _log_failures(conn: Connection, run_id: str | None, failures: Sequence[Failure]) -> None:
        if failures:
            now = utcnow()
            conn.execute(insert(T_FAILURES), [
                {"run_id": run_id, "document_id": f.document_id, "source": f.source,
                 "code": f.code, "reason": f.reason, "failed_at": now} for f in failures])

    def failures(self, run_id: str | None = None) -> list[Failure]:
        """Logged failures, oldest first (of one run, when given)."""
        q = select(T_FAILURES).order_by(T_FAILURES.c.id)
        if run_id is not None:
            q = q.where(T_FAILURES.c.run_id == run_id)
        with self.engine.connect() as conn:
            return [Failure(source=r.source, reason=r.reason, document_id=r.document_id,
                            run_id=r.run_id) for r in conn.execute(q)]

    def _save(self, conn: Connection, analyses: Sequence[Analysis], run_id: str | None,
              reprocess: bool, run_counts: dict[str, int]) -> Counter[str]:
        outcome: Counter[str] = Counter()
        existing = self.stored_versions([a.document.id for a in analyses], conn)
        same = {a.document.id: a.document.original_text for a in analyses
                if existing.get(a.document.id) == a.coder_version and not reprocess}
        changed = {i for i, (digest, _) in self.stored_texts(same, conn).items()
                   if digest != text_digest(same[i])}
        rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
        replace: list[str] = []
        saved: list[Analysis] = []
        seen: set[str] = set()
        now = utcnow()
        for analysis in analyses:
            doc_id = analysis.document.id
            old = existing.get(doc_id)
            if doc_id in seen or (doc_id in same and doc_id not in changed):
                outcome["skipped"] += 1
                continue
            seen.add(doc_id)
            if old is not None:
                replace.append(doc_id)
                outcome["replaced"] += 1
            else:
                outcome["stored"] += 1
            saved.append(analysis)
            for table, items in analysis_to_rows(analysis, run_id, now).items():
                rows[table].extend(items)
            outcome["events"] += len(analysis.events)
            outcome["quotes"] += len(analysis.quotes)
            outcome["claims"] += len(analysis.claims)
            outcome["quantities"] += len(analysis.quantities)
        if run_id is not None and rows.get("documents"):
            self._ensure_run(conn, run_id, analyses[0].coder_version)
        before = actor_registry.linked_ids(conn, replace) if replace else set()
        if replace:
            self._delete(conn, replace)
        for table in INSERT_ORDER:
            if rows.get(table.name):
                conn.execute(insert(table), rows[table.name])
        if saved:
            actor_registry.register(conn, saved, before)
        if rows.get("documents"):
            self.touch(conn)
        if run_id is not None:
            counts = Counter({
                "documents_seen": len(analyses), "documents_stored": outcome["stored"],
                "documents_replaced": outcome["replaced"],
                "documents_skipped": outcome["skipped"], "events": outcome["events"],
                "quotes": outcome["quotes"], "claims": outcome["claims"],
                "quantities": outcome["quantities"],
            })
            counts.update(run_counts)
            self._add_to_run(conn, run_id, dict(counts))
        return outcome

    @staticmethod
    def _delete(conn: Connection, doc_ids: Sequence[str]) -> None:
        for part in chunks(keepable(doc_ids)):
            conn.execute(delete(T_REGISTRY_LINKS).where(T_REGISTRY_LINKS.c.document_id.in_(part)))
            for table in DOCUMENT_TABLES:
                column = table.c.id if table.name == "documents" else table.c.document_id
                conn.execute(delete(table).where(column.in_(part)))

    def delete_document(self, doc_id: str) -> bool:
        with self.engine.begin() as conn:
            present = bool(self.stored_versions([doc_id], conn))
            before = actor_registry.linked_ids(conn, [doc_id])
            self._delete(conn, [doc_id])
            if present:
                actor_registry.refresh(conn, before)
                self.touch(conn)
        return present

    @staticmethod
    def touch(conn: Connection) -> None:
        """Add one to the store's change counter, in the transaction of `conn`: call it in
        every write that changes the stored documents (see `generation`)."""
        done = conn.execute(update(T_CHANGES).where(T_CHANGES.c.id == 1)
                            .values(generation=T_CHANGES.c.generation + 1))
        if done.rowcount == 0:  # the row was emptied by hand
            conn.execute(insert(T_CHANGES).values(id=1, generation=1))

    def generation(self) -> int:
        """The store's change counter: it differs after any committed write that stored,
        replaced or deleted documents (one primary-key read, whatever the store's size)."""
        with self.engine.connect() as conn:
            found = conn.execute(select(T_CHANGES.c.generation)
                                 .where(T_CHANGES.c.id == 1)).scalar()
        return int(found or 0)

    def document_ids(self) -> list[str]:
        with self.engine.connect() as conn:
            q = select(T_DOCS.c.id).order_by(T_DOCS.c.published.is_(None), T_DOCS.c.published,
                                             T_DOCS.c.id)
            return [row.id for row in conn.execute(q)]

    def count(self, table: str) -> int:
        t = next((t for t in ALL_TABLES if t.name == table), None)
        if t is None:
            raise BadFilter(f"no table {table!r} in the store")
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(t)).scalar_one()

    def counts(self) -> dict[str, int]:
        """Rows per table: every table but the failures (a log, not counted)."""
        return {t.name: self.count(t.name) for t in ALL_TABLES if t is not T_FAILURES}

    def analysis(self, doc_id: str) -> Analysis | None:
        found = list(self.analyses([doc_id]))
        return found[0] if found else None

    def analyses(self, doc_ids: Iterable[str] | None = None, *,
                 chunk: int = 100) -> Iterator[Analysis]:
        """Stored analyses, rebuilt record for record (all of them when `doc_ids` is None)."""
        ids = self.document_ids() if doc_ids is None else keepable(doc_ids)
        for part in chunks(ids, chunk):
            with self.engine.connect() as conn:
                rows = {"documents": self._fetch(conn, T_DOCS, T_DOCS.c.id, part)}
                for table in DOCUMENT_TABLES:
                    if table.name != "documents" and table.name not in DERIVED_TABLES:
                        rows[table.name] = self._fetch(conn, table, table.c.document_id, part)
            loaded = Loaded(rows)
            for doc_id in part:
                if loaded.by_doc.get(doc_id, {}).get("documents"):
                    yield loaded.analysis(doc_id)

    @staticmethod
    def _fetch(conn: Connection, table: Table, column, values: Sequence[Any]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        for part in chunks(list(values)):
            result = conn.execute(select(table).where(column.in_(part)))
            keys = list(result.keys())  # once: row._mapping builds them again for every row
            out.extend(dict(zip(keys, row, strict=True)) for row in result)
        return out

    # -- queries ------------------------------------------------------------------------------

    def event_hits(self, *, limit: int | None = None, offset: int = 0,
                   **filters: Any) -> list[tuple[str, str]]:
        """(document id, event id) of the events that pass every filter (`event_conditions`),
        in publication order; with `limit`, a page from `offset` (see hit_plan.py)."""
        return hit_plan.event_hits(self, self.held_countries, self._event_types, limit=limit,
                                   offset=offset, **filters)

    def event_count(self, at_most: int | None = None, **filters: Any) -> int:
        """How many events pass the filters; with `at_most`, counted up to at_most + 1."""
        return hit_plan.event_count(self, self.held_countries, self._event_types, at_most,
                                    **filters)

    def event_conditions(self, **filters: Any) -> list:
        """The SQL conditions of the event filters (`record_filters.event_conditions`)."""
        return event_conditions(self.held_countries, self._event_types,
                                common=self.common_countries, named=self.place_names, **filters)

    def _event_types(self) -> set[str]:
        return self._distinct(func.upper(T_EVENTS.c.type))

    def place_names(self, place: str) -> list[str] | None:
        """The stored place names holding `place`, if few places bear them (`hit_plan`)."""
        return hit_plan.place_names(self, place)

    def common_countries(self, codes: list[str]) -> bool:
        """Whether at least 1 event in 20 has one of `codes` (`hit_plan.common_countries`)."""
        return hit_plan.common_countries(self, codes)

    def quote_hits(self, *, limit: int | None = None, **filters: Any) -> list[tuple[str, str]]:
        """Quotes passing `record_filters.quote_conditions`, in publication order."""
        return self._hits(T_QUOTES, quote_conditions(self.held_countries, **filters), limit)

    def claim_hits(self, *, limit: int | None = None, **filters: Any) -> list[tuple[str, str]]:
        """Claims passing `record_filters.claim_conditions`, in publication order."""
        return self._hits(T_CLAIMS, claim_conditions(self.held_countries, **filters), limit)

    hits_query = staticmethod(hit_plan.hits_query)

    def _hits(self, table: Table, conds: list, limit: int | None) -> list[tuple[str, str]]:
        with self.engine.connect() as conn:
            return [(row.document_id, row.id)
                    for row in conn.execute(self.hits_query(table, conds, limit))]

    def _distinct(self, column) -> set[str]:
        """The values a column holds: the check of a filter value outside the known lists."""
        with self.engine.connect() as conn:
            return {v for (v,) in conn.execute(select(column).distinct()) if v}

    def held_countries(self) -> set[str]:
        """The country codes of the stored actors and places."""
        return self._distinct(T_ACTORS.c.country) | self._distinct(T_PLACES.c.country)

    def _records(self, table: Table, ids: Sequence[str], extra: dict[str, Any]) -> Loaded:
        with self.engine.connect() as conn:
            rows = {table.name: self._fetch(conn, table, table.c.id, ids)}
            packs = span_pack.read(conn, {r["document_id"] for r in rows[table.name]})
            rows["span_packs"] = [{"document_id": d, "spans": p} for d, (p, _) in packs.items()]
            for name, (t, column) in extra.items():
                rows[name] = self._fetch(conn, t, column, ids)
        return Loaded(rows, {d: text for d, (_, text) in packs.items()})

    def events(self, **filters: Any) -> list[Event]:
        """Event records passing the filters (see `event_hits`), in publication order."""
        ids = [i for _, i in self.event_hits(**filters)]
        loaded = self._records(T_EVENTS, ids, {"event_arguments": (T_ARGS, T_ARGS.c.event_id)})
        by_id = {r["id"]: r for d in loaded.by_doc.values() for r in d["events"]}
        return [loaded.event(by_id[i]) for i in ids]

    def quotes(self, **filters: Any) -> list[Quote]:
        """Quote records passing the filters (see `quote_hits`)."""
        ids = [i for _, i in self.quote_hits(**filters)]
        loaded = self._records(T_QUOTES, ids, {})
        by_id = {r["id"]: r for d in loaded.by_doc.values() for r in d["quotes"]}
        return [loaded.quote(by_id[i]) for i in ids]

    def claims(self, **filters: Any) -> list[Claim]:
        """Claim records passing the filters (see `claim_hits`)."""
        ids = [i for _, i in self.claim_hits(**filters)]
        loaded = self._records(T_CLAIMS, ids, {})
        by_id = {r["id"]: r for d in loaded.by_doc.values() for r in d["claims"]}
        return [loaded.claim(by_id[i]) for i in ids]

    # -- runs ---------------------------------------------------------------------------------

    def start_run(self, coder_version: str, *, config: dict[str, Any] | None = None,
                  config_hash: str | None = None, stages: list[str] | None = None,
                  inputs: list[str] | None = None, workers: int | None = None,
                  run_id: str | None = None) -> str:
        """Record a new run (status "running"); earlier runs on this host whose process is gone
        are marked "interrupted"."""
        from ..about import __version__

        now = utcnow()
        run_id = run_id or f"run_{now:%Y%m%dT%H%M%S}_{uuid.uuid4().hex[:8]}"
        host = socket.gethostname()
        with self.engine.begin() as conn:
            stale = conn.execute(select(T_RUNS.c.id, T_RUNS.c.pid).where(
                T_RUNS.c.status == "running", T_RUNS.c.host == host)).all()
            dead = [r.id for r in stale if r.pid and not _alive(r.pid)]
            if dead:
                conn.execute(update(T_RUNS).where(T_RUNS.c.id.in_(dead))
                             .values(status="interrupted"))
            conn.execute(insert(T_RUNS).values(
                id=run_id, coder_version=coder_version, config_hash=config_hash, config=config,
                stages=stages, wirecoder_version=__version__, started_at=now, status="running",
                host=host, pid=os.getpid(), workers=workers, inputs=inputs,
                documents_seen=0, documents_stored=0, documents_replaced=0, documents_skipped=0,
                documents_failed=0, events=0, quotes=0, claims=0, quantities=0,
            ))
        return run_id

    @staticmethod
    def _ensure_run(conn: Connection, run_id: str, coder_version: str) -> None:
        """A run id given to `save` without `start_run` gets a run row of its own."""
        if conn.execute(select(T_RUNS.c.id).where(T_RUNS.c.id == run_id)).first() is None:
            conn.execute(insert(T_RUNS).values(
                id=run_id, coder_version=coder_version, started_at=utcnow(), status="open",
                host=socket.gethostname(), pid=None, documents_seen=0, documents_stored=0,
                documents_replaced=0, documents_skipped=0, documents_failed=0, events=0,
                quotes=0, claims=0, quantities=0))

    def add_to_run(self, run_id: str, **increments: int) -> None:
        with self.engine.begin() as conn:
            self._add_to_run(conn, run_id, increments)

    @staticmethod
    def _add_to_run(conn: Connection, run_id: str, increments: dict[str, int]) -> None:
        values = {k: T_RUNS.c[k] + v for k, v in increments.items() if v}
        if values:
            conn.execute(update(T_RUNS).where(T_RUNS.c.id == run_id).values(**values))

    def finish_run(self, run_id: str, status: str = "finished") -> None:
        with self.engine.begin() as conn:
            conn.execute(update(T_RUNS).where(T_RUNS.c.id == run_id)
                         .values(status=status, finished_at=utcnow()))

    def runs(self) -> list[dict[str, Any]]:
        """Every run, oldest first (times in UTC)."""
        with self.engine.connect() as conn:
            rows = [dict(r._mapping) for r in conn.execute(
                select(T_RUNS).order_by(T_RUNS.c.started_at, T_RUNS.c.id))]
        for row in rows:
            for key in ("started_at", "finished_at"):
                if isinstance(row[key], datetime) and row[key].tzinfo is None:
                    row[key] = row[key].replace(tzinfo=UTC)
        return rows


def text_digest(text: str) -> str:
    """A document text's fingerprint: an id sent again with another text is analysed again."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
