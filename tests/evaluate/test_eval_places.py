"""The places scorer's own arithmetic, on handwritten gold (no corpus needed)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from wirecoder.evaluate.places import (
    GoldArticle,
    GoldToponym,
    _reachable,
    new_tally,
    score_article,
    summarize,
)
from wirecoder.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def _tally() -> dict:
    return new_tally()


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


def test_ceiling_gap_says_why_gold_is_beyond_reach(gaz):
    """A country whose point lies elsewhere (the corpus' convention), a name the gazetteer lacks,
    and a name it holds only as a town elsewhere (counted in neither share)."""
    text = "France, Qwertzuvx and Paris."
    gold = GoldArticle(text, [GoldToponym(0, 6, "France", 0.0, 0.0),
                              GoldToponym(8, 17, "Qwertzuvx", 10.0, 10.0),
                              GoldToponym(22, 27, "Paris", -33.87, 151.21),
                              GoldToponym(22, 27, "Paris", 48.86, 2.35)])
    t = _tally()
    score_article(gold, [], gaz, t)
    s = summarize(t)
    assert s["gazetteer_ceiling_161km"] == 0.25
    assert s["ceiling_gap_area_points"] == 0.25
    assert s["ceiling_gap_absent_names"] == 0.25


def _place(feature=None):
    return SimpleNamespace(latitude=None, longitude=None, geonames_id=None, country=None,
                           admin1=None, feature=feature)


def test_precision_is_the_share_of_asserted_places_that_overlap_gold(gaz):
    #       0         1         2         3         4         5         6         7
    #       0123456789012345678901234567890123456789012345678901234567890123456789012345
    text = "Clinton's aides flew from Paris to Lyon; a Mexican official met Paris police."
    gold = GoldArticle(text, [GoldToponym(26, 31, "Paris", 48.86, 2.35),
                              GoldToponym(35, 39, "Lyon", 45.76, 4.84)])
    preds = [((0, 7), _place()),               # Clinton: a person, matches no gold toponym
             ((26, 31), _place()),             # Paris: matches
             ((36, 40), _place()),             # "yon;" overlaps Lyon by three characters: matches
             ((43, 50), _place("demonym")),    # Mexican: this gold marks no demonym
             ((64, 69), _place())]             # Paris again, unmarked by gold: counts as wrong
    t = _tally()
    score_article(gold, preds, gaz, t)
    s = summarize(t)
    assert s["precision"] == round(2 / 5, 4)
    assert s["precision_no_demonyms"] == round(2 / 4, 4)
    assert s["n_pred_demonyms"] == 1 and s["n_pred"] == 5
    assert s["recall"] == 1.0
    # gold marks 2 of the 3 whole-word occurrences of its names (the second Paris is unmarked)
    assert s["gold_name_coverage"] == round(2 / 3, 4)
