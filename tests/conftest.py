"""Shared fixtures: the seed article and the gold data folder, skipped clearly when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "cartel-strikes-article.txt"
DATA = SHARED / "data"

# Chromium, live servers and pages for the dashboard's browser tests (tests/api/)
pytest_plugins = ["browser_fixtures"]


CATALOGUES = REPO / "tests" / "catalogues"


def catalogue(name: str, *fields: str) -> list:
    """The rows of tests/catalogues/<name>.jsonl as pytest parameters of `fields` (the same files
    the benches read: bench/constructions.py); a field a row leaves out reads None."""
    import json

    rows = [json.loads(line) for line in (CATALOGUES / f"{name}.jsonl").read_text("utf-8").splitlines() if line]
    return [pytest.param(*(row.get(f) for f in fields), id=row["sentence"][:60]) for row in rows]


def load_script(relative: str, name: str | None = None):
    """A script or bench of the repository (scripts/, bench/: not a package) loaded as a module,
    so that tests call its functions: `load_script("scripts/plv_cv.py")`."""
    import importlib.util

    path = REPO / relative
    spec = importlib.util.spec_from_file_location(name or path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"needs {path} (the shared gold data / seed beside the repo); not present here")
    return path


@pytest.fixture(scope="session")
def seed_text() -> str:
    return need(SEED).read_text("utf-8")


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return need(DATA)


@pytest.fixture(scope="session")
def pipeline():
    from wirecoder import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def seed_analysis(pipeline, seed_text):
    return pipeline.analyze(seed_text, published="2025-01-31")


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    """An empty store: a SQLite file, and the PostgreSQL database at $WIRECODER_TEST_PG_URL
    (skipped, saying so, when it is unset or unreachable)."""
    from wirecoder.store.testing import PG_ENV, empty_store, pg_test_url

    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'wirecoder.db'}"
    url = pg_test_url()
    if not url:
        pytest.skip(f"PostgreSQL store tests need {PG_ENV}=postgresql://user:password@host/db "
                    "(a database the tests may drop tables in); not set")
    try:
        empty_store(url)
    except Exception as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"PostgreSQL at {PG_ENV} is not reachable: {type(exc).__name__}: {exc}")
    return url


@pytest.fixture(scope="session")
def nlp():
    from wirecoder.nlp import load_nlp

    return load_nlp()
