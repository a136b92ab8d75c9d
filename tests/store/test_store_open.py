"""Opening the store (#24): read commands never create or write it, a store that cannot be
written is W040 'read-only' at once (no retries, no W047), in-memory ingest is refused, first
migrations do not race, and a malformed URL is W040."""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

import wirecoder
from conftest import REPO
from wirecoder.cli import main
from wirecoder.store import ingest, open_store
from wirecoder.store.errors import StoreError
from wirecoder.store.faults import RetryPolicy, with_retries

TEXT = "Rebels attacked the town of Goma on Monday."
STAGES = ["clean", "parse", "sentences", "actors", "quotes_simple", "events"]


@pytest.fixture(scope="module")
def small_nlp():
    return wirecoder.load({"stages": STAGES})


def _store(path: Path, nlp) -> str:
    url = f"sqlite:///{path}"
    with open_store(url) as store:
        store.save(nlp.analyze(TEXT, published="2025-03-04"), "test")
    return url


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- read commands -----------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["events"], ["quotes"], ["claims"], ["failures"],
                                     ["export", "gdelt-tsv", "-"], ["clusters"], ["dedup"]])
def test_read_commands_never_create_a_store(tmp_path, capsys, command):
    """A mistyped --db created an empty store and printed '(no rows)'."""
    typo = tmp_path / "wirecodr.db"
    assert main([*command, "--db", str(typo)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "W040" in err[0] and f"no store at {typo}" in err[0], err
    assert not typo.exists() and list(tmp_path.iterdir()) == []


def test_a_database_without_wirecoder_tables_is_no_store(tmp_path, capsys):
    import sqlite3

    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    assert main(["events", "--db", str(other)]) == 2
    assert "W040: no store at" in capsys.readouterr().err
    with sqlite3.connect(other) as conn:  # and nothing was added to it
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["t"]
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert main(["events", "--db", str(junk)]) == 2
    assert "W040" in capsys.readouterr().err


def test_reading_opens_the_store_read_only(tmp_path, small_nlp):
    url = _store(tmp_path / "s.db", small_nlp)
    with open_store(url, read_only=True) as store:
        assert [e.type for e in store.events()] == ["ASSAULT"]
        retried: list[str] = []
        # SQLite refuses the write; it is W040 'read-only' at once, not retried into W047
        with pytest.raises(StoreError, match="read-only"):
            with_retries(lambda: store.start_run("v"), RetryPolicy(), what="start a run",
                         where=url, on_retry=retried.append)
        assert retried == []


# -- stores the user cannot write --------------------------------------------------------------


def _as_another_user() -> list[str]:
    """A command prefix under which file permissions hold: none for a user; as root (who may
    write any file) `setpriv` to the user nobody."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("runs as root without setpriv: file permissions cannot be tested")
    prefix = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]
    probe = subprocess.run([*prefix, sys.executable, "-c", "import wirecoder.cli"], capture_output=True,
                           env={**os.environ, "PYTHONPATH": str(REPO / "src")}, timeout=120)
    if probe.returncode != 0:  # e.g. a checkout inside a `mktemp -d` folder, private to root
        pytest.skip("the user nobody cannot read this checkout or its virtualenv: file "
                    "permissions cannot be tested here")
    return prefix


@pytest.fixture()
def shared_dir():
    """A folder another user can enter (pytest's tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="wirecoder-ro-"))
    folder.chmod(0o755)
    yield folder
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    shutil.rmtree(folder)


def _cli(prefix: list[str], *args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    return subprocess.run([*prefix, sys.executable, "-m", "wirecoder.cli", *args], cwd=cwd,
                          env=env, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize("locked", ["file", "folder"])
def test_a_read_only_store_is_queried_and_ingest_into_it_fails_at_once(shared_dir, small_nlp,
                                                                      locked):
    """A store the user cannot write could not be queried (W040), and ingest into it retried
    for 15 s and then reported an outage (W047) or crashed (W099)."""
    prefix = _as_another_user()
    folder = shared_dir / "data"
    folder.mkdir()
    db = folder / "news.db"
    _store(db, small_nlp)
    (folder / "a.txt").write_text("Police arrested two men in Lagos on Tuesday.\n")
    db.chmod(0o444)
    if locked == "folder":  # nor can SQLite create its -wal and -shm files beside it
        folder.chmod(0o555)
    elif prefix:  # the folder is the other user's own, the file is not theirs to write
        os.chown(folder, 65534, -1)
    before = _digest(db)

    events = _cli(prefix, "events", "--db", str(db), "--json", cwd=folder)
    assert events.returncode == 0, events.stderr
    assert [e["type"] for e in json.loads(events.stdout)] == ["ASSAULT"]

    stored = _cli(prefix, "ingest", str(folder / "a.txt"), "--db", str(db), cwd=folder)
    lines = stored.stderr.strip().splitlines()
    assert stored.returncode == 2 and len(lines) == 1, stored.stderr
    assert "W040" in lines[0] and "read-only" in lines[0] and "W047" not in lines[0]
    assert _digest(db) == before


# -- in-memory, URLs, migrations ---------------------------------------------------------------


@pytest.mark.parametrize("url", [":memory:", "sqlite://", "sqlite:///:memory:"])
def test_ingest_into_memory_is_refused(tmp_path, small_nlp, url):
    """`--db :memory:` reported 'stored' and lost everything when the run ended."""
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT)
    with pytest.raises(StoreError, match="in-memory"):
        ingest([doc], url, pipeline=small_nlp, progress=False)


@pytest.mark.parametrize("url", [":memory:", "sqlite://"])
def test_a_server_taking_ingests_into_memory_is_refused(capsys, url):
    """`serve --db :memory: --ingest-token T` answered "stored" to every ingest and kept
    nothing once it stopped; without a token it is no store to read (W040 either way)."""
    pytest.importorskip("fastapi")
    from wirecoder.api import create_app

    with pytest.raises(StoreError, match="in-memory database"):  # the server is never started
        create_app(url, ingest_token="t")
    assert main(["serve", "--db", url, "--port", "1"]) == 2
    assert "W040: no store at" in capsys.readouterr().err


@pytest.mark.parametrize("url", ["postgresql://user:pw@host:notaport/db",
                                 "postgresql://user@[::1/db", "postgresql://u:pw@h:5432:6/db"])
def test_malformed_urls_are_w040(capsys, url):
    """A port that is no number gave W099 (SQLAlchemy's ValueError)."""
    assert main(["events", "--db", url]) == 2
    err = capsys.readouterr().err
    assert "W040" in err and "W099" not in err and "pw" not in err


def _open_new(url: str, start, results) -> None:
    start.wait()
    try:
        open_store(url).close()
        results.put("ok")
    except Exception as exc:  # noqa: BLE001 - reported to the test
        results.put(f"{type(exc).__name__}: {exc}")


def test_first_migrations_do_not_race(tmp_path):
    """Two first-time ingests into a new SQLite file both created its tables: 'table runs
    already exists' (every round of three openers failed before the lock)."""
    ctx = multiprocessing.get_context("fork")
    failures = []
    for round_ in range(4):
        url = f"sqlite:///{tmp_path / f'new{round_}.db'}"
        start, results = ctx.Barrier(3), ctx.Queue()
        procs = [ctx.Process(target=_open_new, args=(url, start, results)) for _ in range(3)]
        for p in procs:
            p.start()
        outcomes = [results.get(timeout=120) for _ in procs]
        for p in procs:
            p.join(timeout=60)
        failures += [o for o in outcomes if o != "ok"]
        with open_store(url) as store:
            assert store.runs() == []
    assert failures == []


def test_opening_a_store_another_connection_is_writing_waits_for_it(tmp_path):
    """Switching a file still in rollback mode to WAL failed at once ("database is locked",
    W040) while another connection wrote it, whatever the lock timeout: the way one of several
    first-time openers of a new store failed now and then. It waits like any write now."""
    path = tmp_path / "new.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE notes (line TEXT)")
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO notes VALUES ('held')")
    release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    release.start()
    try:
        started = time.monotonic()
        with open_store(f"sqlite:///{path}", lock_timeout=10) as store:
            assert store.runs() == []
        assert time.monotonic() - started >= 0.4  # it waited for the writer
    finally:
        release.join()
        other.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


# -- PostgreSQL --------------------------------------------------------------------------------


@pytest.fixture()
def pg_url() -> str:
    from wirecoder.store.testing import PG_ENV, empty_store, pg_test_url

    url = pg_test_url()
    if not url:
        pytest.skip(f"PostgreSQL store tests need {PG_ENV}; not set")
    try:
        empty_store(url, drop=True)
    except Exception as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"PostgreSQL at {PG_ENV} is not reachable: {type(exc).__name__}: {exc}")
    return url


def test_reading_a_postgresql_database_without_a_store_creates_none(pg_url, capsys):
    from sqlalchemy import create_engine, inspect

    from wirecoder.store.repository import resolve_url

    assert main(["events", "--db", pg_url]) == 2
    assert "W040: no store at" in capsys.readouterr().err
    engine = create_engine(resolve_url(pg_url))
    with engine.connect() as conn:
        assert inspect(conn).get_table_names() == []
    engine.dispose()


def test_ingest_into_a_read_only_postgresql_fails_at_once(pg_url, tmp_path, small_nlp, capsys):
    """A standby or read-only transaction (SQLSTATE 25006) was an error nobody named: it is
    W040 'read-only', with no retry."""
    doc = tmp_path / "a.txt"
    doc.write_text(TEXT)
    ingest([doc], pg_url, pipeline=small_nlp, progress=False)  # a store, at this revision
    read_only = f"{pg_url}?options=-c%20default_transaction_read_only%3Don"
    doc.write_text("Police arrested two men in Lagos on Tuesday.")
    with pytest.raises(StoreError, match="read-only"):
        ingest([doc], read_only, pipeline=small_nlp, progress=False)
    assert "retrying" not in capsys.readouterr().err
