"""The places scorer's own arithmetic, on handwritten gold (no corpus needed)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from wirecoder.evaluate.places import GoldArticle, GoldToponym, _reachable, score_article, summarize
from wirecoder.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _tally() -> dict:
    t = {k: 0 for k in ("pred", "pred_hit", "gold", "gold_hit", "n", "acc161", "exact",
                        "country_n", "country_ok", "admin1_n", "admin1_ok", "reachable")}
    t["distances"] = []
    return t


def test_reachable_needs_an_entry_of_that_name_near_the_gold_point(gaz):
    assert _reachable(GoldToponym(0, 5, "Paris", 48.86, 2.35), gaz)
    assert _reachable(GoldToponym(0, 5, "Paris", 33.66, -95.56), gaz)  # Paris, Texas
    # no Paris near Sydney, and no entry at all for a made-up name
    assert not _reachable(GoldToponym(0, 5, "Paris", -33.87, 151.21), gaz)
    assert not _reachable(GoldToponym(0, 9, "Qwertzuvx", 48.86, 2.35), gaz)


def test_ceiling_counts_reachable_gold_whether_or_not_we_found_it(gaz):
    text = "Flights from Paris to Qwertzuvx."
    gold = GoldArticle(text, [GoldToponym(13, 18, "Paris", 48.86, 2.35),
                              GoldToponym(22, 31, "Qwertzuvx", 10.0, 10.0)])
    # the prediction for Paris is in Texas: wrong, but the gazetteer could have been right
    pred = SimpleNamespace(latitude=33.66, longitude=-95.56, geonames_id=None, country="USA",
                           admin1="Texas")
    t = _tally()
    score_article(gold, [((13, 18), pred)], gaz, t)
    s = summarize(t)
    assert s["acc_161km"] == 0.0
    assert s["gazetteer_ceiling_161km"] == 0.5
    assert s["recall"] == 0.5 and s["precision"] == 1.0
