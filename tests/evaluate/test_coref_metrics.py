"""MUC, B-cubed, CEAF-e and CoNLL F1 on hand-made clusterings whose scores are worked out by hand
in the comments, and the TF-IDF baseline's weights and average linkage."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from wirecoder.evaluate.coref import bcubed, best_matching, ceafe, conll, muc
from wirecoder.evaluate.tfidf import average_linkage, cluster_texts, tfidf_matrix

# key (gold): K1 = {a, b, c}, K2 = {d, e, f, g}
# response:   R1 = {a, b}, R2 = {c, d}, R3 = {e, f, g}
KEY = {"a": 1, "b": 1, "c": 1, "d": 2, "e": 2, "f": 2, "g": 2}
RESPONSE = {"a": 1, "b": 1, "c": 2, "d": 2, "e": 3, "f": 3, "g": 3}


def test_muc_by_hand():
    # recall: K1 is split over R1, R2: 3 - 2 = 1 link kept; K2 over R2, R3: 4 - 2 = 2.
    #   (1 + 2) / ((3 - 1) + (4 - 1)) = 3/5
    # precision: R1 within K1: 2 - 1 = 1; R2 over K1, K2: 2 - 2 = 0; R3 within K2: 3 - 1 = 2.
    #   (1 + 0 + 2) / (1 + 1 + 2) = 3/4;  F1 = 2 * 3/5 * 3/4 / (3/5 + 3/4) = 2/3
    assert muc(KEY, RESPONSE) == pytest.approx((3 / 4, 3 / 5, 2 / 3))
    # all singletons: no links to find or to make: 0 by definition
    singletons = {i: i for i in KEY}
    assert muc(singletons, singletons) == (0.0, 0.0, 0.0)


def test_bcubed_by_hand():
    # per item (precision |R & K| / |R|, recall |R & K| / |K|):
    #   a, b: 2/2, 2/3;  c: 1/2, 1/3;  d: 1/2, 1/4;  e, f, g: 3/3, 3/4
    # P = (1 + 1 + 1/2 + 1/2 + 1 + 1 + 1) / 7 = 6/7
    # R = (2/3 + 2/3 + 1/3 + 1/4 + 3 * 3/4) / 7 = (50/12) / 7 = 25/42
    # F1 = 2 * 6/7 * 25/42 / (6/7 + 25/42) = 2100/2989
    assert bcubed(KEY, RESPONSE) == pytest.approx((6 / 7, 25 / 42, 2100 / 2989))


def test_ceafe_by_hand():
    # phi(K, R) = 2|K & R| / (|K| + |R|): K1-R1 4/5, K1-R2 2/5, K2-R2 1/3, K2-R3 6/7.
    # best one-to-one: K1-R1 + K2-R3 = 4/5 + 6/7 = 58/35 (K1-R2 + K2-R3 = 44/35 is less)
    # P = (58/35) / 3 responses = 58/105, R = (58/35) / 2 keys = 29/35, F1 = 2 * 58/35 / 5 = 116/175
    assert ceafe(KEY, RESPONSE) == pytest.approx((58 / 105, 29 / 35, 116 / 175))


def test_conll_is_the_mean_of_the_three_f1s():
    scores = conll(KEY, RESPONSE)
    # (2/3 + 2100/2989 + 116/175) / 3 = 0.67737
    assert scores["conll_f1"] == round((2 / 3 + 2100 / 2989 + 116 / 175) / 3, 4) == 0.6774
    assert (scores["muc_f1"], scores["bcubed_f1"], scores["ceafe_f1"]) == (0.6667, 0.7026, 0.6629)
    assert conll(KEY, KEY)["conll_f1"] == 1.0


def test_one_big_cluster_against_singletons():
    # key: 4 singletons; response: one cluster of 4.
    # MUC: recall has no links (0 by definition), precision 0 kept of 3 links: F1 0.
    # B-cubed: P = 1/4 per item, R = 1: F1 = 2 * 1/4 / (5/4) = 2/5.
    # CEAF-e: phi = 2 * 1 / (1 + 4) = 2/5 for any one key; P = (2/5) / 1, R = (2/5) / 4: F1 = 4/25
    key = {i: i for i in "wxyz"}
    response = dict.fromkeys("wxyz", 0)
    assert muc(key, response)[2] == 0.0
    assert bcubed(key, response) == pytest.approx((1 / 4, 1.0, 2 / 5))
    assert ceafe(key, response) == pytest.approx((2 / 5, 1 / 10, 4 / 25))


def test_the_alignment_is_optimal_not_greedy():
    # greedy takes 0.9 then only 0.0 is left; the best is 0.8 + 0.8
    assert best_matching(np.array([[0.9, 0.8], [0.8, 0.0]])) == pytest.approx(1.6)
    rng = np.random.default_rng(7)
    for _ in range(60):
        n, m = (int(x) for x in rng.integers(1, 5, 2))
        w = rng.random((n, m)) * (rng.random((n, m)) < 0.6)
        small = w if n <= m else w.T  # rows no more than columns
        brute = max(sum(small[i, p[i]] for i in range(small.shape[0]))
                    for p in itertools.permutations(range(small.shape[1]), small.shape[0]))
        assert best_matching(w) == pytest.approx(brute)


def test_items_must_be_the_same():
    with pytest.raises(ValueError):
        bcubed({"a": 1}, {"b": 1})


def test_tfidf_weights_by_hand():
    # vocabulary apple, banana, cherry; apple is in both texts: idf log(3/3) + 1 = 1;
    # banana and cherry in one: log(3/2) + 1. Cosine = 1 / (1 + (log(1.5) + 1)^2) = 0.33610
    m = tfidf_matrix(["apple banana", "apple cherry"])
    assert np.linalg.norm(m, axis=1) == pytest.approx([1.0, 1.0])
    assert float(m[0] @ m[1]) == pytest.approx(1 / (1 + (np.log(1.5) + 1) ** 2))
    assert not tfidf_matrix(["the of and", "apple"])[0].any(), "stop words only: a zero row"


def test_average_linkage_by_hand():
    sim = np.array([[1.0, 0.9, 0.5, 0.1],
                    [0.9, 1.0, 0.3, 0.1],
                    [0.5, 0.3, 1.0, 0.8],
                    [0.1, 0.1, 0.8, 1.0]])
    # 0+1 at 0.9, 2+3 at 0.8; then the average of 0.5, 0.3, 0.1, 0.1 is 0.25 (single linkage
    # would see 0.5): below 0.35 they stay apart, at 0.2 they merge
    assert average_linkage(sim, 0.35) == [0, 0, 1, 1]
    assert average_linkage(sim, 0.2) == [0, 0, 0, 0]
    assert average_linkage(sim, 0.95) == [0, 1, 2, 3]


def test_tfidf_clusters_texts_by_story():
    texts = ["Pirates captured a tanker in the Gulf of Aden; the navy gave chase.",
             "The navy chased pirates who captured a tanker off Aden.",
             "An earthquake shook Qeshm island; houses collapsed on the island.",
             "Houses collapsed when an earthquake struck Qeshm island."]
    labels = cluster_texts(texts, 0.2)
    assert labels[0] == labels[1] and labels[2] == labels[3] and labels[0] != labels[2]
