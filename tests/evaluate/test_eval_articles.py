"""The whole-article event scorer (`eval events --format articles`) and the corpus readers."""

from __future__ import annotations

import json

import pytest

from wirecoder.corpora import article_sha1, list_refs, load_article
from wirecoder.corpora.ecbplus import read_ecbplus
from wirecoder.errors import ConfigError
from wirecoder.evaluate.article_preds import PredictedEvent
from wirecoder.evaluate.articles import (
    CONFLICT_TYPES,
    GoldArticle,
    GoldItem,
    calibration,
    default_gold,
    load_gold,
    match_article,
    summarize,
)


def pred(kind, start, end, conf=0.9, sources=(), targets=(), modality="asserted"):
    return PredictedEvent(kind, (start, end), tuple(sources), tuple(targets), modality, conf)


ATTACK = GoldItem(((10, 18),), "ASSAULT", sources=((0, 5),), targets=((20, 25),))
SPORT = GoldItem(((40, 44),), "NONE", why="sport")
THREAT = GoldItem(((60, 70), (80, 85)), "THREATEN")  # "threatened ... to strike": two words


def test_outcomes_of_each_kind():
    outcomes, used = match_article((ATTACK, SPORT, THREAT), [
        pred("ASSAULT", 10, 18, 0.9),      # tp
        pred("ASSAULT", 12, 16, 0.8),      # the same event again: duplicate
        pred("ASSAULT", 40, 44, 0.7),      # the gold says sport: none
        pred("ASSAULT", 80, 85, 0.6),      # the threatened act coded as the act: wrong type
        pred("COERCE", 100, 105, 0.5),     # no judgment at all
    ])
    assert [o.kind for o in outcomes] == ["tp", "duplicate", "none", "wrong_type", "unjudged"]
    assert used == {0}


def test_a_second_trigger_range_finds_the_same_event_and_yield_aliases():
    outcomes, _ = match_article((THREAT,), [pred("THREATEN", 81, 84)])
    assert outcomes[0].kind == "tp"
    yielded = GoldItem(((0, 8),), "RETREAT")
    assert match_article((yielded,), [pred("YIELD", 0, 8)])[0][0].kind == "tp"


def test_precision_recall_roles_and_rates():
    gold = GoldArticle("x", "sha", "tune", None, 500, (ATTACK, SPORT, THREAT,
                                                       GoldItem(((90, 95),), "CONSULT")))
    preds = [pred("ASSAULT", 10, 18, 0.9, sources=[(0, 5)], targets=[(30, 33)]),
             pred("ASSAULT", 40, 44, 0.3),
             pred("CONSULT", 90, 95, 0.8)]
    m = summarize([gold], [preds], "tune")
    assert m["conflict_predicted"] == 2 and m["conflict_precision"] == 0.5
    assert m["conflict_recall"] == 0.5  # the attack found, the threat missed
    assert m["all_precision"] == round(2 / 3, 4) and m["all_recall"] == round(2 / 3, 4)
    assert m["source_precision"] == 1.0 and m["target_precision"] == 0.0 and m["junk_parties"] == 1
    assert m["false_reasons"] == {"sport": 1}
    assert m["asserted_conflict_per_1000_words"] == 4.0  # 2 asserted conflict events in 500 words
    assert m["per_type"]["ASSAULT"] == {"precision": 0.5, "recall": 1.0, "predicted": 2, "support": 1}
    assert "false_reasons" not in summarize([gold], [preds], "validation")


def test_calibration_bins_compare_confidence_with_precision():
    outcomes, _ = match_article((ATTACK, SPORT), [pred("ASSAULT", 10, 18, 0.9), pred("ASSAULT", 40, 44, 0.9)])
    table, gap = calibration(outcomes, bins=1)
    assert table == [{"n": 2, "confidence": 0.9, "precision": 0.5}] and gap == 0.4


def test_gold_parts_and_a_bad_part(tmp_path):
    path = tmp_path / "gold.jsonl"
    rows = [{"ref": r, "sha1": "s", "part": p, "published": None, "words": 10, "events": []}
            for r, p in (("a", "tune"), ("b", "validation"))]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    assert [g.ref for g in load_gold(path, "tune")] == ["a"]
    assert len(load_gold(path, "all")) == 2
    with pytest.raises(ConfigError):
        load_gold(path, "test")


def test_ecbplus_tokens_become_readable_text_with_offsets(tmp_path):
    xml = tmp_path / "1_1ecb.xml"
    words = [("A", 0), ("16", 0), ("-", 0), ("year", 0), ("-", 0), ("old", 0), ("was", 0), ("shot", 0),
             (",", 0), ("police", 0), ("said", 0), (".", 0), ("He", 1), ("did", 1), ("n't", 1), ("(", 1),
             ("live", 1), (")", 1)]
    xml.write_text("<Document>" + "".join(f'<token t_id="{i}" sentence="{s}">{w}</token>'
                                         for i, (w, s) in enumerate(words, 1)) + "</Document>")
    doc = read_ecbplus(xml)
    assert doc.text == "A 16-year-old was shot, police said.\nHe didn't (live)\n"
    shot = doc.tokens[7]
    assert doc.text[shot.start:shot.end] == "shot"


def test_shipped_gold_points_at_the_texts_it_annotated(data_dir):
    golds = load_gold(default_gold(), "all")
    assert len(golds) >= 150, "the real-news gold holds at least 150 whole articles"
    assert {g.part for g in golds} == {"tune", "validation"}
    for prefix in ("quotes/polnear/train/", "quotes/polnear/dev/", "geo/GeoVirus.xml#", "geo/TR-News.xml#",
                   "events/wikievents_dev.jsonl#", "dedup/ecbplus/"):
        assert any(g.ref.startswith(prefix) for g in golds), f"no article from {prefix}"
    conflict = 0
    for gold in golds:
        text = load_article(data_dir, gold.ref).text
        assert article_sha1(text) == gold.sha1, f"{gold.ref}: the corpus text changed since annotation"
        for item in gold.items:
            for a, b in item.triggers + item.sources + item.targets:
                assert 0 <= a < b <= len(text), f"{gold.ref}: range {a}-{b} outside the text"
            conflict += item.type in CONFLICT_TYPES
    assert conflict >= 100, "conflict types are annotated exhaustively"


def test_every_corpus_lists_articles(data_dir):
    for corpus in ("polnear-train", "polnear-dev", "geovirus", "trnews", "wikievents-dev", "ecbplus-train"):
        refs = list_refs(data_dir, corpus)
        assert refs, corpus
        assert load_article(data_dir, refs[0]).text.strip()
    assert not any("/12/" in r for r in list_refs(data_dir, "ecbplus-train")), "topic 12 is dev"


def test_free_form_corpus_dates_become_iso_days(data_dir):
    refs = list_refs(data_dir, "trnews")
    dates = [load_article(data_dir, r).published for r in refs]
    assert all(d is None or len(d) == 10 and d[4] == "-" for d in dates), "ISO days only"
    assert sum(d is not None for d in dates) > len(refs) // 2


def test_a_resolved_pronoun_counts_as_its_actor():
    gold = GoldArticle("x", "sha", "tune", None, 100, (ATTACK,))
    # the coder wrote "he" (90-92) for the source but resolved it to the actor named at 0-5
    resolved = PredictedEvent("ASSAULT", (10, 18), ((90, 92),), (), "asserted", 0.9,
                              source_mentions=(((90, 92), (0, 5)),))
    unresolved = PredictedEvent("ASSAULT", (10, 18), ((90, 92),), (), "asserted", 0.9)
    assert summarize([gold], [[resolved]], "tune")["source_precision"] == 1.0
    assert summarize([gold], [[unresolved]], "tune")["source_precision"] == 0.0
