"""The PolNeAR loader and the quote scoring functions, on tiny hand-written examples."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from conftest import SHARED
from wirecoder.errors import DataMissing
from wirecoder.evaluate.polnear import (
    GoldAttribution,
    annotation_files,
    load_polnear,
    parse_ann,
    parse_ranges,
    resolve_split,
    text_of,
)
from wirecoder.evaluate.quotes import (
    GoldQuote,
    PredictedQuote,
    gold_class,
    has_quote_mark,
    overlap,
    pred_class,
    score_article,
    speaker_correct,
    summarize,
    words,
)

SHARED_DATA = SHARED / "data"
POLNEAR_DEV = SHARED_DATA / "quotes" / "polnear" / "dev"

TEXT = ('Senator Jane Roe said the bill "will pass easily." She added that the vote was close.\n'
        "Officials believe the plan works.\n")
ANN = "\n".join([
    "T1\tSource 0 16\tSenator Jane Roe",
    "T2\tCue 17 21\tsaid",
    "T3\tContent 22 50\tthe bill \"will pass easily.\"",
    "T4\tAttribution 17 21\tsaid",
    "E1\tAttribution:T4 Cue:T2 Content:T3 Source:T1",
    "T5\tSource 51 54\tShe",
    "T6\tCue 55 60\tadded",
    # discontinuous content, and a span text that runs over a line break in the file
    "T7\tContent 66 74;75 84\tthe vote was close",
    "continued text of the previous span",
    "T8\tAttribution 55 60\tadded",
    "E2\tAttribution:T8 Cue:T6 Content:T7 Source:T5",
    "#1\tAnnotatorNotes T7\ta note",
    "T9\tCue 96 103\tbelieve",
    "T10\tContent 104 118\tthe plan works",
    "T11\tAttribution-no-source 96 103\tbelieve",
    "E3\tAttribution-no-source:T11 Content:T10 Cue:T9",
    "T12\tAttribution-no-source 0 3\tSen",
    "E4\tAttribution-no-source:T12 ",  # a stub without content: dropped
    "",
])


def write_split(root: Path, name: str = "nyt_2016-10-01_bill", annotators=("b2", "a1")) -> Path:
    split = root / "dev"
    (split / "text").mkdir(parents=True)
    (split / "attributions").mkdir()
    (split / "text" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    for who in annotators:
        ann = ANN if who == "a1" else "T1\tSource 0 3\tSen\n"
        (split / "attributions" / f"{name}_{who}.ann").write_text(ann, encoding="utf-8")
    (root / "metadata.tsv").write_text(
        "compartment\tfilename\tpublication_date\ndev\t" + name + "\t2016-10-02\n", encoding="utf-8")
    return split


# ---------------------------------------------------------------- brat parsing


def test_parse_ranges_discontinuous():
    assert parse_ranges("3 7") == [(3, 7)]
    assert parse_ranges("3 7;9 12") == [(3, 7), (9, 12)]


def test_parse_ann_links_roles_and_skips_noise():
    atts = parse_ann(ANN)
    assert [a.id for a in atts] == ["E1", "E2", "E3"]
    e1, e2, e3 = atts
    assert e1.source == [(0, 16)] and e1.cue == [(17, 21)] and e1.content == [(22, 50)]
    assert text_of(TEXT, e1.content) == 'the bill "will pass easily."'
    assert e2.content == [(66, 74), (75, 84)]
    assert text_of(TEXT, e2.content) == "the vote was close"
    assert e3.source == [] and text_of(TEXT, e3.cue) == "believe"


def test_parse_ann_collects_numbered_roles():
    ann = ("T1\tContent 0 4\tabcd\nT2\tContent 10 12\tkl\nT3\tCue 5 6\tf\n"
           "E1\tAttribution-no-source:T3 Cue:T3 Content:T1 Content2:T2\n")
    (att,) = parse_ann(ann)
    assert att.content == [(0, 4), (10, 12)]


def test_load_polnear_picks_first_annotator_and_date(tmp_path):
    write_split(tmp_path)
    (article,) = load_polnear(tmp_path)  # the corpus root resolves to dev
    assert article.name == "nyt_2016-10-01_bill"
    assert article.annotation_file == "nyt_2016-10-01_bill_a1.ann"
    assert article.published == "2016-10-02"  # metadata wins over the date in the name
    assert len(article.attributions) == 3
    assert article.text == TEXT


def test_load_polnear_falls_back_to_date_in_name_and_skips_unannotated(tmp_path):
    split = write_split(tmp_path)
    (tmp_path / "metadata.tsv").unlink()
    (split / "text" / "wash-post_2016-10-05_other.txt").write_text("No annotation.", "utf-8")
    articles = load_polnear(split)
    assert [a.name for a in articles] == ["nyt_2016-10-01_bill"]
    assert articles[0].published == "2016-10-01"
    assert set(annotation_files(split)) == {"nyt_2016-10-01_bill"}


def test_missing_data_raises(tmp_path):
    with pytest.raises(DataMissing):
        resolve_split(tmp_path / "nowhere")
    with pytest.raises(DataMissing):
        load_polnear(tmp_path)


# ---------------------------------------------------------------- classification


@pytest.mark.parametrize("text, quoted", [
    ('he said "yes"', True),
    ("the “best” plan", True),
    ("a ‘scare’ quote", True),
    ("« oui »", True),
    ("''We will win,'' he said", True),
    ("'We will win,' he said", True),
    ("O’Malley’s campaign won't stop", False),
    ("the voters' choice in the '90s", False),
    ("the voters’ choice", False),
    ("the plan works", False),
])
def test_has_quote_mark(text, quoted):
    assert has_quote_mark(text) is quoted


def test_gold_and_pred_class():
    e1, e2, _ = parse_ann(ANN)
    assert gold_class(TEXT, e1) == "quoted"
    assert gold_class(TEXT, e2) == "indirect"
    assert pred_class("direct") == pred_class("mixed") == "quoted"
    assert pred_class("indirect") == "indirect"


# ---------------------------------------------------------------- matching and speakers


def test_overlap_counts_shared_characters():
    assert overlap([(0, 5)], [(5, 9)]) == 0  # half-open: touching is not overlapping
    assert overlap([(0, 5)], [(4, 9)]) == 1
    assert overlap([(0, 2), (10, 20)], [(15, 30)]) == 5


def test_words_normalise_possessives():
    assert words("O’Malley’s campaign") == ["o'malley", "campaign"]
    assert words("Sen. Elizabeth Warren") == ["sen", "elizabeth", "warren"]


def gq(cls, content, source=(), source_text=""):
    return GoldQuote(cls=cls, content=list(content), source=list(source), source_text=source_text)


def test_speaker_by_span_name_and_pronoun_antecedent():
    gold = gq("quoted", [(22, 49)], [(0, 16)], "Senator Jane Roe")
    assert speaker_correct(PredictedQuote("quoted", [(30, 40)], (8, 16), "Jane Roe"), gold, [])
    # no span overlap, but the surname matches
    assert speaker_correct(PredictedQuote("quoted", [(30, 40)], (90, 93), "Ms. Roe"), gold, [])
    assert not speaker_correct(PredictedQuote("quoted", [(30, 40)], (90, 93), "Smith"), gold, [])
    assert not speaker_correct(PredictedQuote("quoted", [(30, 40)]), gold, [])
    pronoun = gq("indirect", [(65, 85)], [(50, 53)], "She")
    resolved = PredictedQuote("indirect", [(65, 85)], (200, 203), "Jane Roe")
    assert speaker_correct(resolved, pronoun, ["Senator Jane Roe"])
    assert not speaker_correct(resolved, pronoun, [])
    # a pronoun prediction is not "resolved" by an antecedent that happens to share it
    assert not speaker_correct(PredictedQuote("indirect", [(65, 85)], (200, 202), "he"),
                               gq("indirect", [(65, 85)], [(50, 53)], "She"), ["he"])


def test_score_article_and_summary():
    golds = [
        gq("quoted", [(22, 49)], [(0, 16)], "Senator Jane Roe"),
        gq("indirect", [(65, 72), (73, 85)], [(50, 53)], "She"),
        gq("indirect", [(104, 118)]),  # no source
        gq("quoted", [(200, 230)], [(190, 195)], "Smith"),  # missed
    ]
    preds = [
        PredictedQuote("quoted", [(31, 49)], (0, 16), "Senator Jane Roe"),  # hit, right speaker
        PredictedQuote("indirect", [(73, 80)], (300, 303), "Roe"),  # hit via pronoun
        PredictedQuote("indirect", [(104, 118)]),  # hit, gold has no source: no pair
        PredictedQuote("indirect", [(22, 30)], (0, 16), "Roe"),  # overlaps only quoted gold
        PredictedQuote("quoted", [(400, 410)]),  # spurious
    ]
    counts = score_article(golds, preds)
    assert counts["gold_quoted"] == 2 and counts["gold_indirect"] == 2
    assert counts["speaker_pairs"] == 2 and counts["speaker_right"] == 2
    m = summarize(counts)
    assert m["quoted_precision"] == 0.5 and m["quoted_recall"] == 0.5
    assert m["indirect_precision"] == round(2 / 3, 4) and m["indirect_recall"] == 1.0
    assert m["indirect_precision_any"] == 1.0 and m["quoted_precision_any"] == 0.5
    assert m["speaker_accuracy"] == 1.0
    assert (m["pred_quoted"], m["pred_indirect"]) == (2, 3)


def test_summary_of_nothing_is_zero_not_an_error():
    m = summarize(Counter())
    assert m["quoted_precision"] == 0.0 and m["speaker_accuracy"] == 0.0


def test_gold_attribution_defaults_are_independent():
    a, b = GoldAttribution("E1"), GoldAttribution("E2")
    a.content.append((0, 1))
    assert b.content == []


# ---------------------------------------------------------------- the real scorer


def test_scorer_on_polnear_dev_sample():
    if not POLNEAR_DEV.is_dir():
        pytest.skip(f"PolNeAR dev data not found at {POLNEAR_DEV}")
    from wirecoder.evaluate import run_eval

    metrics = run_eval("quotes", POLNEAR_DEV, limit=3)
    rates = ["quoted_precision", "quoted_recall", "indirect_precision", "indirect_recall",
             "quoted_precision_any", "indirect_precision_any", "speaker_accuracy"]
    counts = ["gold_quoted", "gold_indirect", "pred_quoted", "pred_indirect", "crashes", "n"]
    assert set(rates + counts) <= set(metrics)
    assert metrics["crashes"] == 0
    assert metrics["n"] == 3
    assert all(0.0 <= metrics[key] <= 1.0 for key in rates)
    assert metrics["gold_quoted"] + metrics["gold_indirect"] > 0
