"""Shared fixtures: the seed article and the gold data folder, skipped clearly when absent."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "cartel-strikes-article.txt"
DATA = SHARED / "data"


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
