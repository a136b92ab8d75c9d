"""Accuracy floors: each floors/*.json names a gold set and the scores it must keep.

A score below its `min` (or above its `max`) fails the suite. Floors only move up: when an
extractor improves, record the new measured score in its floor file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecoder.evaluate import run_eval

FLOORS = sorted((Path(__file__).resolve().parents[1] / "floors").glob("*.json"))


def test_there_are_floors():
    assert FLOORS, "no floor files found in floors/"


@pytest.mark.parametrize("floor_file", FLOORS, ids=[p.stem for p in FLOORS])
def test_score_stays_above_floor(floor_file, data_dir, pipeline):
    floor = json.loads(floor_file.read_text())
    data = data_dir / floor["data"]
    if not data.exists():
        pytest.skip(f"gold set {data} not present")
    metrics = run_eval(floor["task"], data, floor.get("format"), limit=floor.get("limit"),
                       pipeline=pipeline, **floor.get("options", {}))
    below = {k: (metrics[k], v) for k, v in floor.get("min", {}).items() if metrics[k] < v}
    above = {k: (metrics[k], v) for k, v in floor.get("max", {}).items() if metrics[k] > v}
    assert not below, f"{floor_file.name}: scores below their floors (got, floor): {below}"
    assert not above, f"{floor_file.name}: scores above their ceilings (got, ceiling): {above}"
