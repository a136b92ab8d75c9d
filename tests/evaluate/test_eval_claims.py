"""The claim-verdict scorer (`eval claims`) and its gold."""

from __future__ import annotations

import json

import pytest

from wirecoder.corpora import article_sha1, load_article
from wirecoder.errors import ConfigError, DataMissing
from wirecoder.evaluate.claims import (
    ClaimArticle,
    Judgment,
    PredictedClaim,
    claim_part,
    default_gold,
    load_gold,
    score,
)


def _pred(verdict, figures, kind="contradiction"):
    return PredictedClaim(kind, verdict, tuple(figures), "", 0.5)


def test_precision_per_verdict_and_unjudged():
    gold = [ClaimArticle("a", "x", "tune", (
        Judgment("contradiction", ((0, 2), (10, 12)), "consistent", "consistent"),
        Judgment("contradiction", ((0, 2), (20, 22)), "consistent", "none"),
        Judgment("contradiction", ((5, 6), (30, 32)), "contradicted", "contradicted"))),
        ClaimArticle("b", "y", "tune", ())]
    runs = [[_pred("consistent", [(0, 2), (10, 12)]), _pred("consistent", [(0, 2), (20, 22)]),
             _pred("contradicted", [(5, 6), (30, 32)]), _pred("consistent", [(40, 42), (50, 52)])], []]
    m = score(gold, runs, "tune")
    assert m["verdicts"]["consistent"] == {"predicted": 3, "judged": 2, "right": 1, "precision": 0.5,
                                           "per_100_articles": 150.0}
    assert m["contradicted_precision"] == 1.0 and m["unjudged"] == 1
    assert [e["judged"] for e in m["errors"]] == ["none"]
    assert "errors" not in score(gold, runs, "validation")  # the validation part's errors are not read


def test_a_verdict_never_emitted_has_no_precision():
    """A verdict the coder never gave (or gave only on unjudged claims) has an undefined
    precision, not a perfect one: 1.0 there read as a verdict always right."""
    gold = [ClaimArticle("a", "x", "tune", (Judgment("contradiction", ((0, 2), (10, 12)), "consistent", "consistent"),))]
    m = score(gold, [[_pred("consistent", [(0, 2), (10, 12)]), _pred("unverifiable", [(3, 4), (5, 6)])]], "tune")
    assert m["consistent_precision"] == 1.0
    assert m["contradicted_precision"] is None and m["verdicts"]["contradicted"]["predicted"] == 0
    assert m["unverifiable_precision"] is None and m["verdicts"]["unverifiable"]["predicted"] == 1
    assert m["contradicted_per_100_articles"] == 0.0


def test_a_kind_or_figures_that_differ_are_not_the_judged_claim():
    gold = [ClaimArticle("a", "x", "tune", (Judgment("arithmetic", ((0, 2), (3, 5)), "consistent", "consistent"),))]
    m = score(gold, [[_pred("consistent", [(0, 2), (3, 5)]), _pred("consistent", [(0, 2), (3, 6)], "arithmetic")]],
              "tune")
    assert m["unjudged"] == 2 and m["verdicts"]["consistent"]["judged"] == 0


def test_the_shipped_gold():
    golds = load_gold()
    judged = [j for g in golds for j in g.judgments]
    assert len(judged) >= 100, "issue #20 asks for at least 100 judged claims"
    validation = [j for g in golds if g.part == "validation" for j in g.judgments]
    assert 0.15 <= len(validation) / len(judged) <= 0.35
    assert all(g.part == claim_part(g.ref) for g in golds), "parts come from a hash of the reference"
    for line in default_gold().read_text("utf-8").splitlines():  # offsets and judgments, no text
        for claim in json.loads(line)["claims"]:
            assert set(claim) == {"kind", "figures", "predicted", "judged", "why"}


def test_unknown_judgment_is_refused(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text(json.dumps({"ref": "r", "sha1": "s", "part": "tune", "claims": [
        {"kind": "contradiction", "figures": [[0, 1]], "predicted": "consistent", "judged": "maybe"}]}) + "\n")
    with pytest.raises(ConfigError, match="maybe"):
        load_gold(bad)


def test_gold_articles_still_hash_the_same(data_dir):
    golds = load_gold()
    probe = golds[:: max(1, len(golds) // 12)]
    try:
        texts = [load_article(data_dir, g.ref).text for g in probe]
    except DataMissing as exc:
        pytest.skip(f"the real-news corpora are not under {data_dir}: {exc}")
    assert [article_sha1(t) for t in texts] == [g.sha1 for g in probe]
    for g, text in zip(probe, texts, strict=True):
        for j in g.judgments:
            assert all(0 <= a < b <= len(text) for a, b in j.figures)
