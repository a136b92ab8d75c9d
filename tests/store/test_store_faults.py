"""Fault tests for the store (issue #11, part 2): a full disk, a database that goes away in the
middle of a run, and corrupted input in the middle of a batch. Each runs on SQLite and, when
WIRECODER_TEST_PG_URL is set, on PostgreSQL (the PostgreSQL outage goes through a TCP proxy
that this test stops and starts: the client sees exactly what a stopped server looks like,
refused connections and dropped sessions, without stopping a server other tests use).

What every test checks afterwards: no document is half stored (each stored document has
exactly the rows an undisturbed run gives it), and running the same command again ends with
exactly the store an undisturbed run builds.
"""

from __future__ import annotations

import json
import os
import selectors
import socket
import sqlite3
import subprocess
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

import wirecoder
from wirecoder.store import connect, ingest, open_store
from wirecoder.store.errors import StoreFull, StoreUnavailable
from wirecoder.store.faults import RetryPolicy, kind_of
from wirecoder.store.repository import resolve_url
from wirecoder.store.schema import DOCUMENT_TABLES
from wirecoder.store.testing import PG_ENV, empty_store, pg_test_url

STAGES = ["clean", "parse", "sentences", "actors", "quotes_simple", "events"]
FAST_RETRY = RetryPolicy(attempts=6, first_delay=0.2, factor=2.0, max_delay=2.0)  # 0.2..2 s


@pytest.fixture(scope="module")
def small_nlp():
    return wirecoder.load({"stages": STAGES})


@pytest.fixture(scope="module")
def paragraphs(seed_text) -> list[str]:
    paras = [" ".join(p.split()) for p in seed_text.split("\n\n") if len(p) > 200]
    assert len(paras) >= 12
    return paras[:12]


@pytest.fixture(scope="module")
def docs_file(tmp_path_factory, paragraphs) -> Path:
    path = tmp_path_factory.mktemp("faults") / "docs.jsonl"
    with path.open("w") as fh:
        for i, p in enumerate(paragraphs):
            fh.write(json.dumps({"text": p, "title": f"Part {i}", "published": "2025-01-31"}) + "\n")
    return path


@pytest.fixture(scope="module")
def reference(tmp_path_factory, docs_file, small_nlp) -> dict[str, dict[str, int]]:
    """Rows per table of each document, from an undisturbed run."""
    url = f"sqlite:///{tmp_path_factory.mktemp('reference') / 'ref.db'}"
    summary = ingest([docs_file], url, pipeline=small_nlp, progress=False, batch_size=2)
    assert summary.stored == 12
    return rows_per_document(url)


def rows_per_document(url: str) -> dict[str, dict[str, int]]:
    engine = create_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            out: dict[str, dict[str, int]] = {}
            for table in DOCUMENT_TABLES:
                column = table.c.id if table.name == "documents" else table.c.document_id
                for doc_id, n in conn.execute(select(column, func.count()).group_by(column)):
                    out.setdefault(doc_id, {})[table.name] = n
            return out
    finally:
        engine.dispose()


def assert_whole_documents(url: str, reference: dict[str, dict[str, int]]) -> int:
    """Every stored document has exactly its reference rows; returns how many are stored."""
    stored = rows_per_document(url)
    assert set(stored) <= set(reference)
    for doc_id, rows in stored.items():
        assert rows == reference[doc_id], f"document {doc_id} is half stored: {rows}"
    return len(stored)


class Tripwire:
    """Wraps a pipeline: after `after` analysed documents, calls `fault()` once (between two
    batches' analysis and their commit, i.e. in the middle of a run)."""

    def __init__(self, nlp, after: int, fault):
        self.nlp, self.config, self.coder_version = nlp, nlp.config, nlp.coder_version
        self.stage_labels = nlp.stage_labels
        self.after, self.fault, self.seen, self.fired = after, fault, 0, False

    def pipe(self, raws, **kwargs):
        for analysis in self.nlp.pipe(raws, **kwargs):
            self.seen += 1
            if self.seen >= self.after and not self.fired:
                self.fired = True
                self.fault()
            yield analysis


# -- disk full ------------------------------------------------------------------------------------


def _page_cap(monkeypatch, pages: int) -> None:
    """Emulate a full disk: SQLite refuses to grow the store beyond `pages` pages."""
    original = connect._sqlite_pragmas

    def capped(dbapi_conn, record):
        original(dbapi_conn, record)
        dbapi_conn.execute(f"PRAGMA max_page_count={pages}")

    monkeypatch.setattr(connect, "_sqlite_pragmas", capped)


def test_disk_full_sqlite_stops_with_w046_and_keeps_the_store_intact(
        tmp_path, docs_file, small_nlp, reference, monkeypatch):
    db = tmp_path / "full.db"
    url = f"sqlite:///{db}"
    open_store(url).close()  # the empty schema
    empty_pages = sqlite3.connect(db).execute("PRAGMA page_count").fetchone()[0]
    _page_cap(monkeypatch, empty_pages + 8)  # room for a few documents, not twelve
    with pytest.raises(StoreFull) as err:
        ingest([docs_file], url, pipeline=small_nlp, progress=False, batch_size=2)
    assert str(err.value).startswith("W046: cannot store a batch: the store sqlite:///")
    assert "is full (database or disk is full)" in str(err.value)
    assert "everything committed before is kept" in str(err.value)
    monkeypatch.undo()

    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    kept = assert_whole_documents(url, reference)
    assert 0 < kept < 12
    print(f"SQLite page cap: {kept} of 12 documents stored whole before W046")
    with open_store(url) as store:
        [run] = store.runs()
        assert run["status"] == "failed" and run["documents_stored"] == kept

    again = ingest([docs_file], url, pipeline=small_nlp, progress=False, batch_size=2)
    assert (again.stored, again.skipped) == (12 - kept, kept)
    assert rows_per_document(url) == reference


@pytest.fixture
def tiny_filesystem(tmp_path):
    """A real 2 MB file system (tmpfs), when this process may mount one (root)."""
    mount = tmp_path / "tiny"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here (needs root): {done.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def test_a_real_full_file_system_gives_w046_and_an_intact_store(
        tiny_filesystem, tmp_path, docs_file, small_nlp, reference):
    db = tiny_filesystem / "full.db"
    url = f"sqlite:///{db}"
    open_store(url).close()
    # Fill the file system up to ~100 KB of room before the run.
    free = os.statvfs(tiny_filesystem).f_bavail * os.statvfs(tiny_filesystem).f_frsize
    (tiny_filesystem / "ballast").write_bytes(b"\0" * max(0, free - 100_000))
    with pytest.raises(StoreFull, match=r"^W046: "):
        ingest([docs_file], url, pipeline=small_nlp, progress=False, batch_size=2)
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    kept = assert_whole_documents(url, reference)
    assert kept < 12
    print(f"SQLite on a full tmpfs: {kept} of 12 documents stored whole before W046")
    # Free space and run the same command again: the store completes.
    (tiny_filesystem / "ballast").unlink()
    again = ingest([docs_file], url, pipeline=small_nlp, progress=False, batch_size=2)
    assert again.stored == 12 - kept
    assert rows_per_document(url) == reference


def _superuser_sql(sql: str) -> subprocess.CompletedProcess:
    """Run SQL as the local server's superuser (`su postgres -c psql`), as .ci/postgres does."""
    return subprocess.run(["su", "postgres", "-c", f"psql -v ON_ERROR_STOP=1 -qc \"{sql}\""],
                          capture_output=True, text=True, timeout=60)


@pytest.fixture
def pg_tiny_tablespace(tmp_path):
    """A PostgreSQL tablespace on a real 2 MB file system: needs root, a local server and its
    `postgres` superuser (as in CI); skipped otherwise."""
    url = pg_test_url()
    if not url:
        pytest.skip(f"PostgreSQL disk-full test needs {PG_ENV}; not set")
    mount = Path(f"/tmp/wirecoder-pgfull-{os.getpid()}")
    mount.mkdir(mode=0o755, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m,mode=0755", "tmpfs", str(mount)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        mount.rmdir()
        pytest.skip(f"cannot mount a small tmpfs here (needs root): {done.stderr.strip()}")
    space = f"wc_full_{os.getpid()}"
    user = make_url(resolve_url(url)).username
    try:
        subprocess.run(["chown", "postgres", str(mount)], check=True)
        made = _superuser_sql(f"CREATE TABLESPACE {space} LOCATION '{mount}'")
        if made.returncode != 0:
            pytest.skip(f"cannot create a tablespace as postgres: {made.stderr.strip()}")
        _superuser_sql(f"GRANT CREATE ON TABLESPACE {space} TO {user}")
        empty_store(url, drop=True)  # the store's tables are made again, in the tablespace
        yield url, space, mount
    finally:
        empty_store(url, drop=True)
        _superuser_sql(f"DROP TABLESPACE IF EXISTS {space}")
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)
        mount.rmdir()


def test_disk_full_postgresql_stops_with_w046_and_keeps_the_store_intact(
        pg_tiny_tablespace, docs_file, small_nlp, reference):
    url, space, mount = pg_tiny_tablespace
    # Every table and index the store creates goes in the tablespace on the tiny file system.
    full_url = make_url(resolve_url(url)).update_query_dict(
        {"options": f"-c default_tablespace={space}"}).render_as_string(hide_password=False)
    open_store(full_url).close()
    free = os.statvfs(mount).f_bavail * os.statvfs(mount).f_frsize
    (mount / "ballast").write_bytes(b"\0" * max(0, free - 300_000))
    with pytest.raises(StoreFull) as err:
        ingest([docs_file], full_url, pipeline=small_nlp, progress=False, batch_size=2)
    assert str(err.value).startswith("W046: cannot store a batch: the store postgresql")
    assert "could not extend file" in str(err.value)  # PostgreSQL's own words (SQLSTATE 53100)
    kept = assert_whole_documents(url, reference)
    assert kept < 12
    with open_store(url) as store:
        [run] = store.runs()
        assert run["status"] == "failed" and run["documents_stored"] == kept
    (mount / "ballast").unlink()  # free space, run the same command again
    again = ingest([docs_file], full_url, pipeline=small_nlp, progress=False, batch_size=2)
    assert (again.stored, again.skipped) == (12 - kept, kept)
    assert rows_per_document(url) == reference
    print(f"PostgreSQL disk full: {kept} of 12 documents stored whole before W046")


def test_error_kinds_are_classified(tmp_path):
    from sqlalchemy.exc import OperationalError

    lite = sqlite3.OperationalError("database or disk is full")
    lite.sqlite_errorcode = 13
    assert kind_of(OperationalError("INSERT", {}, lite)) == "full"
    locked = sqlite3.OperationalError("database is locked")
    locked.sqlite_errorcode = 5
    assert kind_of(OperationalError("INSERT", {}, locked)) == "unavailable"
    psycopg = pytest.importorskip("psycopg")
    assert kind_of(OperationalError("INSERT", {}, psycopg.errors.DiskFull("no space"))) == "full"
    assert kind_of(OperationalError("x", {}, psycopg.errors.AdminShutdown("bye"))) == "unavailable"
    assert kind_of(OperationalError("x", {}, psycopg.OperationalError("refused"))) == "unavailable"
    assert kind_of(OperationalError("x", {}, psycopg.errors.UniqueViolation("dup"))) == "other"


# -- database unavailable -------------------------------------------------------------------------


class Proxy:
    """A TCP proxy to the PostgreSQL server; `down()` closes every session and refuses new ones
    (what clients see when the server stops), `up()` listens again on the same port."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.port = 0
        self._listener: socket.socket | None = None
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        self.up()

    def up(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(16)
        self.port = listener.getsockname()[1]
        self._listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def down(self) -> None:
        with self._lock:
            if self._listener is not None:
                try:  # wakes the thread blocked in accept(), which close() alone does not
                    self._listener.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                self._listener.close()
                self._listener = None
            for conn in self._conns:
                try:
                    conn.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                conn.close()
            self._conns.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            try:
                server = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns += [client, server]
            threading.Thread(target=self._pump, args=(client, server), daemon=True).start()

    @staticmethod
    def _pump(a: socket.socket, b: socket.socket) -> None:
        sel = selectors.DefaultSelector()
        sel.register(a, selectors.EVENT_READ, b)
        sel.register(b, selectors.EVENT_READ, a)
        try:
            while True:
                for key, _ in sel.select(timeout=1):
                    data = key.fileobj.recv(65536)
                    if not data:
                        return
                    key.data.sendall(data)
        except (OSError, ValueError):
            return
        finally:
            sel.close()
            a.close()
            b.close()


def _via_proxy(url: str) -> tuple[Proxy, str]:
    parsed = make_url(resolve_url(url))
    proxy = Proxy(parsed.host or "127.0.0.1", parsed.port or 5432)
    return proxy, parsed.set(host="127.0.0.1", port=proxy.port).render_as_string(
        hide_password=False)


def _sqlite_lock(db: Path) -> sqlite3.Connection:
    """Another process's writer holding the store's write lock."""
    conn = sqlite3.connect(db, timeout=0, isolation_level=None, check_same_thread=False)
    conn.execute("BEGIN IMMEDIATE")
    return conn


def test_database_outage_mid_run_is_retried_and_the_run_completes(
        store_url, docs_file, small_nlp, reference, capsys):
    """The database goes away after the 5th document for ~1 s, then comes back."""
    if store_url.startswith("sqlite"):
        db = Path(make_url(store_url).database)
        url, holder = store_url, {}

        def fault():
            holder["lock"] = _sqlite_lock(db)
            threading.Timer(1.0, lambda: holder["lock"].rollback()).start()
    else:
        proxy, url = _via_proxy(store_url)

        def fault():
            proxy.down()
            threading.Timer(1.0, proxy.up).start()

    started = time.perf_counter()
    summary = ingest([docs_file], url, pipeline=Tripwire(small_nlp, 5, fault), progress=False,
                     batch_size=2, retry=FAST_RETRY, lock_timeout=0.1)
    elapsed = time.perf_counter() - started
    assert (summary.stored, summary.failed) == (12, 0)
    assert "database unavailable" in capsys.readouterr().err  # the retries said so
    assert rows_per_document(store_url) == reference
    with open_store(store_url) as store:
        [run] = store.runs()
        assert run["status"] == "finished" and run["documents_stored"] == 12
    assert elapsed < 60
    print(f"{store_url.split(':')[0]} outage of 1 s mid-run: completed in {elapsed:.1f} s")


def test_database_gone_for_good_gives_w047_and_no_partial_document(
        store_url, docs_file, small_nlp, reference):
    """The database goes away after the 5th document and stays away."""
    if store_url.startswith("sqlite"):
        db = Path(make_url(store_url).database)
        url, holder = store_url, {}

        def fault():
            holder["lock"] = _sqlite_lock(db)
    else:
        proxy, url = _via_proxy(store_url)
        fault = proxy.down

    retry = RetryPolicy(attempts=4, first_delay=0.2, factor=2.0)  # 0.2 + 0.4 + 0.8 s
    started = time.perf_counter()
    with pytest.raises(StoreUnavailable) as err:
        ingest([docs_file], url, pipeline=Tripwire(small_nlp, 5, fault), progress=False,
               batch_size=2, retry=retry, lock_timeout=0.1)
    elapsed = time.perf_counter() - started
    message = str(err.value)
    assert message.startswith("W047: cannot store a batch: the database ")
    assert "did not answer after 4 attempts" in message
    assert store_url.startswith("sqlite") or ":***@" in message  # never the password
    assert "nothing of this batch was stored" in message
    assert elapsed < 30
    if store_url.startswith("sqlite"):
        holder["lock"].rollback()
    kept = assert_whole_documents(store_url, reference)
    assert 2 <= kept < 12  # the batches committed before the outage, whole
    print(f"{store_url.split(':')[0]} gone for good: W047 after {elapsed:.1f} s, "
          f"{kept} of 12 documents stored whole")

    again = ingest([docs_file], store_url, pipeline=small_nlp, progress=False, batch_size=2)
    assert (again.stored, again.skipped) == (12 - kept, kept)
    assert rows_per_document(store_url) == reference


def test_closed_port_is_retried_then_w047(small_nlp, docs_file):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    pytest.importorskip("psycopg")
    url = f"postgresql://nobody:secret@127.0.0.1:{port}/nothing"
    started = time.perf_counter()
    with pytest.raises(StoreUnavailable) as err:
        ingest([docs_file], url, pipeline=small_nlp, progress=False,
               retry=RetryPolicy(attempts=3, first_delay=0.1))
    elapsed = time.perf_counter() - started
    assert str(err.value).startswith(
        "W047: cannot open the store: the database postgresql+psycopg://nobody:***@")
    assert "did not answer after 3 attempts" in str(err.value)
    assert "secret" not in str(err.value)
    assert 0.3 <= elapsed < 20  # it waited 0.1 + 0.2 s between attempts
    print(f"closed port: W047 after {elapsed:.2f} s")


# -- corrupted input in the middle of a batch -----------------------------------------------------


class Poison:
    """Wraps a pipeline: the analysis of any text containing `marker` raises (a coder bug)."""

    def __init__(self, nlp, marker: str):
        self.nlp, self.config, self.coder_version = nlp, nlp.config, nlp.coder_version
        self.stage_labels, self.marker = nlp.stage_labels, marker

    def pipe(self, raws, **kwargs):
        raws = list(raws)
        for raw in raws:
            if self.marker in raw.text:
                raise ValueError(f"extractor crashed on {self.marker}")
        yield from self.nlp.pipe(raws, **kwargs)


def test_corrupted_input_mid_batch_is_logged_and_the_rest_continue(
        store_url, tmp_path, paragraphs, small_nlp):
    lines = [json.dumps({"text": p, "published": "2025-01-31"}).encode() for p in paragraphs[:8]]
    lines[2] = b'{"text": "cut off in the midd'                            # not JSON
    lines[4] = json.dumps({"text": paragraphs[4]}).encode()[:-3] + b"\xff\xfe\"}"  # not UTF-8
    poisoned = paragraphs[6] + " POISON"
    lines[6] = json.dumps({"text": poisoned}).encode()                      # analysis raises
    path = tmp_path / "batch.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")

    summary = ingest([path], store_url, pipeline=Poison(small_nlp, "POISON"), progress=False,
                     batch_size=8, workers=1)
    assert (summary.stored, summary.failed) == (5, 3)
    with open_store(store_url) as store:
        failures = store.failures(summary.run_id)
        [run] = store.runs()
        stored_texts = {a.document.original_text for a in store.analyses()}
    assert [f.code for f in failures] == ["W015", "W012", "W045"]
    assert failures[0].source == f"{path}:3" and "not a JSON object" in failures[0].reason
    assert failures[1].source == f"{path}:5" and "not UTF-8" in failures[1].reason
    assert failures[2].document_id and "ValueError: extractor crashed on POISON" in failures[2].reason
    assert (run["documents_stored"], run["documents_failed"], run["status"]) == (5, 3, "finished")
    assert stored_texts == {paragraphs[i] for i in (0, 1, 3, 5, 7)}


def test_bad_dates_cost_their_line_only_and_reruns_do_not_crash(tmp_path, paragraphs, small_nlp):
    """A `published` with an impossible offset (+25:00), an instant UTC cannot hold, or an
    ambiguous day and month crashed the whole batch with W099 and every rerun the same way; each
    is now one W014 failure naming its line, and the other documents are stored."""
    dates = ["2025-01-31", "2025-01-31T09:00:00+25:00", "2025-01-30T10:00:00-05:00",
             "0001-01-01T00:00:00+05:00", "01/02/2025", "2025-01-29"]
    lines = [json.dumps({"text": p, "published": d}) for p, d in zip(paragraphs[:6], dates, strict=True)]
    path = tmp_path / "dates.jsonl"
    path.write_text("\n".join(lines) + "\n")
    url = f"sqlite:///{tmp_path / 'dates.db'}"
    summary = ingest([path], url, pipeline=small_nlp, progress=False, batch_size=8, workers=1)
    assert (summary.stored, summary.failed) == (3, 3)
    again = ingest([path], url, pipeline=small_nlp, progress=False, batch_size=8, workers=1)
    assert (again.stored, again.skipped, again.failed) == (0, 3, 3)
    with open_store(url) as store:
        failures = store.failures(summary.run_id)
        stored = {a.document.original_text: a.document.published for a in store.analyses()}
    assert [(f.code, f.source) for f in failures] == [
        ("W014", f"{path}:2"), ("W014", f"{path}:4"), ("W014", f"{path}:5")]
    assert all("\n" not in f.reason and f"{path}:" in f.reason for f in failures)
    assert set(stored) == {paragraphs[i] for i in (0, 2, 5)}
    assert stored[paragraphs[2]].isoformat() == "2025-01-30T10:00:00-05:00"


def test_nul_characters_cost_their_line_only_on_every_backend(store_url, tmp_path, paragraphs,
                                                             small_nlp):
    """A JSONL id, title or text holding NUL ("\\u0000") was stored by SQLite, while PostgreSQL
    (which keeps no NUL in text) failed the whole run with W099 when the stored ids were looked
    up. Now each such line is one W011 failure naming its line and field on both backends, the
    rest is stored, and a lookup of such an id answers 'not stored' instead of failing."""
    fields = [{}, {"id": "a\x00b"}, {"title": "t\x00"}, {"id": "plain"}, {"extra": "\x00"}, {}]
    lines = [json.dumps({"text": p, **f}) for p, f in zip(paragraphs[:6], fields, strict=True)]
    lines[5] = json.dumps({"text": paragraphs[5] + "\x00 trailing"})
    path = tmp_path / "nul.jsonl"
    path.write_text("\n".join(lines) + "\n")
    summary = ingest([path], store_url, pipeline=small_nlp, progress=False, batch_size=8, workers=1)
    assert (summary.stored, summary.failed) == (2, 4)
    with open_store(store_url) as store:
        failures = store.failures(summary.run_id)
        assert sorted(a.document.original_text for a in store.analyses()) == sorted(
            paragraphs[i] for i in (0, 3))
        assert store.analysis("a\x00b") is None and not store.has_document("a\x00b")
        assert store.stored_versions(["plain", "a\x00b", "\ud800"]).keys() == {"plain"}
    assert [(f.code, f.source) for f in failures] == [("W011", f"{path}:{n}") for n in (2, 3, 5, 6)]
    said = [f.reason.split("(its ")[1] for f in failures]
    assert said == ["id, character 1)", "title, character 1)", "field 'extra', character 0)",
                    f"text, character {len(paragraphs[5])})"]


@pytest.mark.parametrize("workers", [1, 2])
def test_an_id_read_again_with_another_text_is_w044_naming_both(tmp_path, paragraphs, small_nlp,
                                                               workers):
    """A JSONL id reused with a different text was skipped without a word (the first was kept
    and nothing said the second was lost); the same text under the same id is still a repeat."""
    rows = [("a", paragraphs[0]), ("b", paragraphs[1]), ("a", paragraphs[2]),
            ("a", paragraphs[0]), ("c", paragraphs[3])]
    path = tmp_path / "ids.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows))
    url = f"sqlite:///{tmp_path / 'ids.db'}"
    summary = ingest([path], url, pipeline=small_nlp, progress=False, batch_size=2,
                     workers=workers)
    assert (summary.stored, summary.skipped, summary.failed) == (3, 1, 1)
    again = ingest([path], url, pipeline=small_nlp, progress=False, batch_size=2, workers=workers)
    assert (again.stored, again.skipped, again.failed) == (0, 4, 1)
    with open_store(url) as store:
        failures = store.failures(summary.run_id)
        kept = {a.document.id: a.document.original_text for a in store.analyses()}
        run = next(r for r in store.runs() if r["id"] == summary.run_id)
    assert [(f.code, f.source, f.document_id) for f in failures] == [("W044", f"{path}:3", "a")]
    assert f"{path}:3" in failures[0].reason and f"{path}:1" in failures[0].reason
    assert kept["a"] == paragraphs[0]
    assert (run["documents_seen"], run["documents_failed"]) == (5, 1)


def test_corrupted_input_with_two_workers(tmp_path, paragraphs, small_nlp):
    lines = [json.dumps({"text": p}) for p in paragraphs[:6]]
    lines.insert(3, "[1, 2")
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n")
    url = f"sqlite:///{tmp_path / 'two.db'}"
    summary = ingest([path], url, pipeline=Poison(small_nlp, paragraphs[1][:40]),
                     progress=False, workers=2, batch_size=2)
    assert (summary.stored, summary.failed) == (5, 2)
    with open_store(url) as store:
        assert sorted(f.code for f in store.failures()) == ["W015", "W045"]
        assert store.runs()[0]["documents_failed"] == 2


def test_failures_table_is_in_the_store(store_url):
    with open_store(store_url) as store, store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM failures")).scalar_one() == 0
