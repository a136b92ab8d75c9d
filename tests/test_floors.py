"""Accuracy floors: each floors/*.json names a gold set and the scores it must keep.

A score below its `min` (or above its `max`) fails the suite, and so does a score that is
undefined (None: a precision of a verdict that was never emitted, which has nothing to hold up).
Floors only move up: when an extractor improves, record the new measured score in its floor file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wirecoder.evaluate import run_eval

FLOORS = sorted((Path(__file__).resolve().parents[1] / "floors").glob("*.json"))


def outside(got, bound, side: str) -> bool:
    """Whether a measured score breaks its floor (`side` "min") or ceiling ("max"); an
    undefined score (None) breaks either."""
    return got is None or (got < bound if side == "min" else got > bound)


def test_an_undefined_score_breaks_its_floor():
    assert outside(None, 0.9, "min") and outside(None, 0.4, "max")
    assert outside(0.8, 0.9, "min") and not outside(0.95, 0.9, "min") and not outside(0.9, 0.9, "min")
    assert outside(0.5, 0.4, "max") and not outside(0.4, 0.4, "max")


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
    below = {k: (metrics[k], v) for k, v in floor.get("min", {}).items() if outside(metrics[k], v, "min")}
    above = {k: (metrics[k], v) for k, v in floor.get("max", {}).items() if outside(metrics[k], v, "max")}
    assert not below, f"{floor_file.name}: scores below their floors (got, floor): {below}"
    assert not above, f"{floor_file.name}: scores above their ceilings (got, ceiling): {above}"
