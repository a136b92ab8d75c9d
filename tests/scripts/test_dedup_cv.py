"""scripts/dedup_cv.py: story settings are chosen on the other folds' topics, and the story level
is scored over several arrival orders (#21)."""

from __future__ import annotations

import pytest

from conftest import load_script


@pytest.fixture(scope="module")
def dedup_cv():
    return load_script("scripts/dedup_cv.py")


def _fold(story: float, record: float) -> dict[str, tuple[float, float, float]]:
    return {"story": (0.0, 0.0, story), "record": (0.0, 0.0, record)}


def test_a_fold_is_scored_with_the_setting_the_other_folds_chose(dedup_cv):
    # setting 1 is best on folds 0 and 1 only; setting 0 wins elsewhere
    scores = [[_fold(0.8, 0.8), _fold(0.8, 0.8), _fold(0.9, 0.9)],
              [_fold(1.0, 1.0), _fold(1.0, 1.0), _fold(0.1, 0.1)]]
    chosen = dict(dedup_cv.held_out(scores, "record"))
    # without fold 0, setting 1 averages (1.0 + 0.1) / 2 = 0.55 < 0.85: setting 0
    assert chosen == {0: 0, 1: 0, 2: 1}


def test_ties_go_to_the_earlier_setting(dedup_cv):
    scores = [[_fold(0.5, 0.5), _fold(0.5, 0.5)], [_fold(0.5, 0.5), _fold(0.5, 0.5)]]
    assert dict(dedup_cv.held_out(scores, "story")) == {0: 0, 1: 0}


def test_bcubed_of_a_fold(dedup_cv):
    gold = {"a": "1ecb", "b": "1ecb", "c": "1ecbplus", "d": "1ecbplus"}
    one = {n: "s" for n in gold}
    assert dedup_cv.bcubed(list(gold), gold, one) == (0.5, 1.0, pytest.approx(0.6667))
    assert dedup_cv.bcubed(list(gold), gold, dict(gold)) == (1.0, 1.0, 1.0)
    # the fold's documents only: c and d are left out, a and b are one story
    assert dedup_cv.bcubed(["a", "b"], gold, one) == (1.0, 1.0, 1.0)


def test_orders_shuffle_within_topics_and_keep_the_given_order_first(dedup_cv):
    docs = [(f"{t}_{i}", f"{t}ecb", t, None) for t in (1, 2) for i in range(6)]
    ordered = dedup_cv.orders(docs, 2)
    assert len(ordered) == 3 and ordered[0] == docs
    for shuffled in ordered[1:]:
        assert [d[2] for d in shuffled] == [d[2] for d in docs]  # topics in their order
        assert sorted(shuffled) == sorted(docs)
    assert ordered[1] != docs and ordered[1] == dedup_cv.orders(docs, 1)[1]  # seeded


def test_grid(dedup_cv):
    assert dedup_cv.grid(["threshold=0.1,0.2", "idf_power=2"]) == [
        {"threshold": 0.1, "idf_power": 2.0}, {"threshold": 0.2, "idf_power": 2.0}]
    assert dedup_cv.grid([]) == [{}]
