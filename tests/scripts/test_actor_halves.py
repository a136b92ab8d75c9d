"""bench/actor_halves.py: the tune part's cases split into stable folds (#19)."""

from __future__ import annotations

from conftest import load_script


def _module():
    return load_script("bench/actor_halves.py")


def test_folds_are_stable_and_cover_every_case():
    halves = _module()
    cases = [{"test": f"t{i}", "input": f"input {i}"} for i in range(200)]
    folds = [halves.fold_of(c, 2) for c in cases]
    assert folds == [halves.fold_of(c, 2) for c in cases]
    assert set(folds) == {0, 1} and 60 < folds.count(0) < 140
    assert {halves.fold_of(c, 5) for c in cases} == set(range(5))
    assert halves._name(0, 2) == "A" and halves._name(1, 2) == "B" and halves._name(3, 5) == "3"
