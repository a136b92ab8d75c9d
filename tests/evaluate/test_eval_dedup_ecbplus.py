"""`wirecoder eval dedup --format ecbplus`: the alignment of coded events with gold mentions, and
one real topic scored end to end."""

from __future__ import annotations

import pytest

from wirecoder.cli import main
from wirecoder.evaluate import run_eval
from wirecoder.evaluate.dedup_ecbplus import align


def test_events_align_one_to_one_by_shared_characters():
    # gold 0 "checked" (0-7); gold 1 "took ... over", two ranges (8-12, 18-22)
    gold = [((0, 7),), ((8, 12), (18, 22))]
    # trigger 2 shares 2 characters with gold 0, which trigger 0 holds with 7: it stays unaligned
    assert align(gold, [(0, 7), (18, 22), (3, 5)]) == {0: 0, 1: 1}
    # the larger overlap wins, whatever the order
    assert align(gold, [(3, 5), (0, 7)]) == {1: 0}
    # the gap of a discontinuous mention is no part of it
    assert align(gold, [(13, 17)]) == {}


def test_a_documents_widest_cluster_is_the_one_most_documents_report():
    from types import SimpleNamespace as NS

    from wirecoder.evaluate.dedup_ecbplus import _widest

    def event(i: str, prominence: float, start: int):
        return NS(id=i, prominence=prominence, trigger=NS(start=start))

    # d1's most prominent event is a side event ("fled"); its "quake" is the one d2, d3 report
    docs = {"d1": [event("fled", 0.9, 0), event("quake1", 0.5, 10)],
            "d2": [event("quake2", 0.9, 0)], "d3": [event("quake3", 0.2, 5), event("aid", 0.8, 0)],
            "d4": []}
    clusters = {"fled": "c-fled", "quake1": "c-quake", "quake2": "c-quake", "quake3": "c-quake",
                "aid": "c-aid"}
    runs = [(NS(name=n), [], NS(events=evs)) for n, evs in docs.items()]
    widest = _widest(runs, NS(cluster_of=clusters.get))
    assert widest == {"d1": "c-quake", "d2": "c-quake", "d3": "c-quake", "d4": ("alone", "d4")}


def test_one_topic_end_to_end(data_dir, pipeline):
    if not (data_dir / "dedup/ecbplus/35").exists():
        pytest.skip("needs ECB+ topic 35 under the shared gold data; not present here")
    m = run_eval("dedup", data_dir, "ecbplus", pipeline=pipeline, topics="35")
    assert (m["n"], m["topics"], m["part"], m["crashes"]) == (21, [35], "all", 0)
    # the whole topic as one cluster: recall 1; 10 ECB and 11 ECB+ documents, so precision is
    # (10 * 10/21 + 11 * 11/21) / 21 = 221/441
    assert (m["topic_doc_bcubed_precision"], m["topic_doc_bcubed_recall"]) == (round(221 / 441, 4), 1.0)
    assert m["aligned_mentions"] + m["unaligned_events"] == m["coded_events"]
    assert 0 < m["aligned_mentions"] <= m["gold_event_mentions"]
    assert m["per_topic"] == {35: m["doc_bcubed_f1"]}
    assert m["doc_bcubed_f1_in_scope"] == m["doc_bcubed_f1"], "topic 35 is in scope (topics.tsv)"
    assert m["cross_topic_clusters"] == 0 and m["tfidf_cross_topic_clusters"] == 0
    assert m["cross_topic_stories"] == 0 and 0.0 < m["story_doc_bcubed_f1"] <= 1.0
    assert m["story_doc_bcubed_f1_in_scope"] == m["story_doc_bcubed_f1"]
    # every document is counted under one record, or none (`dedup.story_records`)
    assert sum(m["record_how"].values()) == m["n"] and m["cross_topic_records"] == 0
    assert set(m["record_how"]) <= {"story-event", "story", "event", "none"}
    for key in ("doc_bcubed_f1", "main_doc_bcubed_f1", "tfidf_doc_bcubed_f1", "mention_conll_f1",
                "lemma_conll_f1", "no_event_share", "gold_found_share"):
        assert 0.0 <= m[key] <= 1.0, key
    # the CoNLL F1 is the mean of the three (each printed rounded to 4 places)
    mean = (m["mention_muc_f1"] + m["mention_bcubed_f1"] + m["mention_ceafe_f1"]) / 3
    assert m["mention_conll_f1"] == pytest.approx(mean, abs=1e-4)


def test_the_command_refuses_a_held_back_topic(tmp_path, capsys):
    topic = tmp_path / "dedup" / "ecbplus" / "3"
    topic.mkdir(parents=True)
    assert main(["eval", "dedup", "--format", "ecbplus", "--data", str(tmp_path), "--topics", "3,40"]) == 2
    assert "W031" in capsys.readouterr().err
    assert main(["eval", "dedup", "--format", "ecbplus", "--data", str(tmp_path), "--part", "tune",
                 "--topics", "12"]) == 2
    assert "W031" in capsys.readouterr().err, "a validation topic while tuning"
