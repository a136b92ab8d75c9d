"""scripts/plv_cv.py: a rule change is judged on the folds it was not written from."""

from __future__ import annotations

import pytest

from conftest import load_script


@pytest.fixture(scope="module")
def plv_cv():
    return load_script("scripts/plv_cv.py")


def _fold(f1: float, full: float) -> dict[str, float]:
    return {"n": 10, "type_f1": f1, "full_record_accuracy": full}


def test_unread_folds_only(plv_cv):
    before = [_fold(0.5, 0.4), _fold(0.6, 0.5), _fold(0.7, 0.6)]
    after = [_fold(0.9, 0.9), _fold(0.6, 0.5), _fold(0.8, 0.6)]
    out = plv_cv.summary(before, after, [1, 2])  # fold 0 was read: its gain is not counted
    assert out["folds"] == [1, 2]
    assert out["type_f1"]["change"]["mean"] == pytest.approx(0.05)
    assert out["type_f1"]["change"]["min"] == pytest.approx(0.0)
    assert out["type_f1"]["after"]["mean"] == pytest.approx(0.7)
    assert out["full_record_accuracy"]["change"]["max"] == pytest.approx(0.0)


def test_spread(plv_cv):
    s = plv_cv.spread([0.7, 0.8, 0.9])
    assert (s["mean"], s["min"], s["max"]) == (0.8, 0.7, 0.9)
    assert s["sd"] == pytest.approx(0.0816, abs=1e-4)
