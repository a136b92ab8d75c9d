"""The `times` stage (TimeML tagging and normalisation) and the TimeML scorer.

Normalisation is checked on inline sentences against a fixed publication date, Friday
2025-01-31 (ISO week 5), so every expected value can be worked out by hand.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

import wirecoder
from conftest import SHARED, catalogue
from wirecoder.evaluate import run_eval
from wirecoder.evaluate.times import (
    Expression,
    false_calendar_word,
    load_timeml,
    pair,
    read_timeml,
    score_document,
    summarize,
)
from wirecoder.extract.timex import tag
from wirecoder.extract.timex.calendar import (
    Point,
    day_year,
    duration_value,
    month_year,
    point,
    weekday_date,
)

SEED = SHARED / "seed" / "cartel-strikes-article.txt"
DCT = "2025-01-31"  # a Friday


@pytest.fixture(scope="module")
def nlp():
    return wirecoder.load({"stages": ["clean", "parse", "sentences", "times"]})


def expressions(analysis) -> list:
    """The time expressions of the text, without the publication-date fallback record."""
    return [t for t in analysis.times if not t.from_publication_date]


def test_publication_date_is_a_flagged_fallback(nlp):
    analysis = nlp.analyze("Talks went on.", published=DCT)
    (fallback,) = [t for t in analysis.times if t.from_publication_date]
    assert fallback.value == "2025-01-31" and fallback.span.text == ""
    assert expressions(analysis) == []
    assert not nlp.analyze("Talks went on.").times  # no date, no fallback


def found(nlp, text: str, published: str | None = DCT) -> dict[str, tuple]:
    """span text -> (type, value, interval_start, interval_end); the last one wins on repeats."""
    analysis = nlp.analyze(text, published=published)
    return {t.span.text: (t.type, t.value, t.interval_start, t.interval_end)
            for t in expressions(analysis)}


def value(nlp, text: str, span: str, published: str | None = DCT) -> str | None:
    times = found(nlp, text, published)
    assert span in times, f"{span!r} not tagged in {text!r}; got {times}"
    return times[span][1]


# ---------------------------------------------------------------- calendar arithmetic


def test_point_values():
    assert point(date(2025, 1, 27), "day").value == "2025-01-27"
    assert point(date(2025, 1, 27), "week").value == "2025-W05"
    assert point(date(2025, 1, 27), "month").value == "2025-01"
    assert point(date(2025, 5, 2), "quarter").value == "2025-Q2"
    assert point(date(2025, 8, 2), "half").value == "2025-H2"
    assert point(date(2023, 6, 1), "year").value == "2023"
    assert point(date(1994, 6, 1), "decade").value == "199"
    assert point(date(1994, 6, 1), "century").value == "19"
    assert Point("day", date(2025, 1, 31), part_of_day="MO").value == "2025-01-31TMO"
    assert point(date(2024, 12, 30), "week").value == "2025-W01"  # ISO week-year


def test_weekday_date_directions():
    friday = date(2025, 1, 31)
    assert weekday_date(friday, 0, -1) == date(2025, 1, 27)
    assert weekday_date(friday, 0, +1) == date(2025, 2, 3)
    assert weekday_date(friday, 0, 0) == date(2025, 2, 3)  # three days ahead beats four back
    assert weekday_date(friday, 3, 0) == date(2025, 1, 30)
    assert weekday_date(friday, 4, -1) == friday
    assert weekday_date(friday, 4, -1, include_today=False) == date(2025, 1, 24)


def test_month_and_day_years():
    dct = date(2025, 1, 31)
    assert month_year(dct, 12, -1) == 2024
    assert month_year(dct, 12, 0) == 2024
    assert month_year(dct, 3, +1) == 2025
    assert month_year(dct, 2, -1) == 2025  # the month right after: a deadline
    assert day_year(dct, 12, 20, 0) == 2024
    assert day_year(dct, 2, 1, -1) == 2025
    assert day_year(dct, 2, 30, 0) is None


def test_duration_values():
    assert duration_value(1, "week") == "P1W"
    assert duration_value(3, "day") == "P3D"
    assert duration_value(5, "hour") == "PT5H"
    assert duration_value(2, "decade") == "P20Y"
    assert duration_value(None, "year") == "PXY"
    assert duration_value(1.5, "minute") == "PT1M30S"
    assert duration_value(2.5, "year") == "P2Y6M"


# ---------------------------------------------------------------- weekdays and tense


def test_past_tense_weekday_is_the_last_one(nlp):
    assert value(nlp, "Gunmen opened fire on Monday.", "Monday") == "2025-01-27"
    assert value(nlp, "The minister said on Tuesday that talks had failed.",
                 "Tuesday") == "2025-01-28"


def test_future_tense_weekday_is_the_next_one(nlp):
    assert value(nlp, "The minister will visit the border on Monday.", "Monday") == "2025-02-03"
    assert value(nlp, "The vote is scheduled for Wednesday.", "Wednesday") == "2025-02-05"


def test_weekday_of_the_publication_day(nlp):
    assert value(nlp, "Leavitt said Friday that tariffs will follow.", "Friday") == "2025-01-31"


def test_weekday_with_part_of_day_is_a_time(nlp):
    times = found(nlp, "Speaking Friday morning, Hegseth revealed the plan.")
    assert times["Friday morning"][:2] == ("TIME", "2025-01-31TMO")


def test_last_and_next_weekday(nlp):
    assert value(nlp, "He left last Friday.", "last Friday") == "2025-01-24"
    assert value(nlp, "He returns next Monday.", "next Monday") == "2025-02-03"


# ---------------------------------------------------------------- relative expressions


@pytest.mark.parametrize("text, span, expected, published",
                         catalogue("time_values", "sentence", "span", "value", "published"))
def test_relative_values(nlp, text, span, expected, published):
    assert value(nlp, text, span, published) == expected


def test_vague_references(nlp):
    times = found(nlp, "The army is now in control. Clashes have recently grown.")
    assert times["now"][:2] == ("DATE", "PRESENT_REF")
    assert times["recently"][:2] == ("DATE", "PAST_REF")


def test_durations_and_sets(nlp):
    times = found(nlp, "The siege lasted three weeks. Patrols run daily and cost $500 a month. "
                       "He was jailed for several years.")
    assert times["three weeks"][:2] == ("DURATION", "P3W")
    assert times["daily"][:2] == ("SET", "P1D")
    assert times["a month"][:2] == ("SET", "P1M")
    assert times["several years"][:2] == ("DURATION", "PXY")


def test_quarter_anaphora(nlp):
    times = found(nlp, "Profit rose in the third quarter. A year earlier, the company lost "
                       "money. Revenue for the quarter doubled.")
    assert times["the third quarter"][1] == "2024-Q3"
    assert times["A year earlier"][1] == "2023-Q3"
    assert times["the quarter"][1] == "2024-Q3"


def test_anaphoric_day(nlp):
    times = found(nlp, "A tariff starts on February 1. China is hit on the same day.")
    assert times["the same day"][1] == "2025-02-01"


def test_no_publication_date_keeps_unknown_digits(nlp):
    times = found(nlp, "Gunmen opened fire on Monday and left on January 31.", published=None)
    assert times["Monday"][1] == "XXXX-WXX-1"
    assert times["January 31"][1] == "XXXX-01-31"


def test_tagger_runs_without_a_parse():
    spans = {t.text: t.value for t in tag("Prices rose in 2023 and fell last week.", None,
                                         date(2025, 1, 31))}
    assert spans == {"2023": "2023", "last week": "2025-W04"}


# ---------------------------------------------------------------- intervals


def test_since_opens_an_interval(nlp):
    times = found(nlp, "Since 2019, deaths have nearly tripled.")
    assert times["2019"] == ("DATE", "2019", "2019", None)


def test_from_to_and_between_intervals(nlp):
    times = found(nlp, "The war lasted from 2019 to 2021. Between March and June 2024, the "
                       "army advanced.")
    assert times["2019"][2:] == ("2019", "2021")
    assert times["2021"][2:] == ("2019", "2021")
    assert times["March"][2:] == ("2024-03", "2024-06")
    assert times["June 2024"][2:] == ("2024-03", "2024-06")


def test_until_closes_an_interval(nlp):
    times = found(nlp, "The ban runs until December 31.")
    assert times["December 31"] == ("DATE", "2025-12-31", None, "2025-12-31")


def test_interval_evidence_holds_the_signal(nlp):
    analysis = nlp.analyze("Since 2019, deaths have nearly tripled.", published=DCT)
    (t,) = expressions(analysis)
    assert [e.text for e in t.evidence] == ["2019", "Since 2019"]


# ---------------------------------------------------------------- calendar-word traps


@pytest.mark.parametrize("text, published", catalogue("time_traps", "sentence", "published"))
def test_calendar_word_traps(nlp, text, published):
    assert not [t for t in expressions(nlp.analyze(text, published=published))
                if t.type in ("DATE", "TIME") and t.granularity in ("day", "month")]


def test_real_months_named_like_verbs(nlp):
    times = found(nlp, "We may march on the capital in March. Prices rose in May. May 5 was calm.")
    assert set(times) == {"March", "May", "May 5"}
    assert times["March"][1] == "2025-03"
    assert times["May"][1] == "2024-05"
    assert times["May 5"][1] == "2025-05-05"


def test_abbreviated_weekday_needs_a_date(nlp):
    times = found(nlp, "We met on Wed., Jan. 29, 2025.")
    assert times == {"Wed., Jan. 29, 2025": ("DATE", "2025-01-29", None, None)}


# ---------------------------------------------------------------- the seed article


def test_seed_article(nlp):
    if not SEED.exists():
        pytest.skip(f"needs the seed article {SEED} (the shared folder beside the repo)")
    analysis = nlp.analyze(SEED.read_text("utf-8"), published=DCT)
    by_text: dict[str, set] = {}
    for t in expressions(analysis):
        by_text.setdefault(t.span.text, set()).add(t.value)
    assert by_text["Monday"] == {"2025-01-27"}  # "Just on Monday", "on Monday", "Monday's"
    assert by_text["Tomorrow"] == {"2025-02-01"}
    assert by_text["February 1"] == {"2025-02-01"}
    assert by_text["Friday morning"] == {"2025-01-31TMO"}
    assert by_text["Friday"] == {"2025-01-31"}
    assert by_text["2023"] == {"2023"}
    assert by_text["December 2024"] == {"2024-12"}
    assert by_text["July 1, 2021"] == {"2021-07-01"}
    assert by_text["October 15, 2022"] == {"2022-10-15"}
    assert by_text["January 31, 2025"] == {"2025-01-31"}
    assert by_text["January 31"] == {"2025-01-31"}
    assert "recent years" in by_text
    assert by_text["exactly one week"] == {"P1W"}
    since = [t for t in expressions(analysis) if t.span.text == "2019"]
    assert since and since[0].interval_start == "2019" and since[0].interval_end is None
    assert not [t for t in expressions(analysis) if t.span.text.lower() in ("we", "may", "march")]


# ---------------------------------------------------------------- the TimeML scorer

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>TEST-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-01-31" temporalFunction="false" functionInDocument="CREATION_TIME">2025-01-31</TIMEX3></DCT>
<TEXT>
Gunmen <EVENT eid="e1" class="OCCURRENCE">opened</EVENT> fire on <TIMEX3 tid="t1" type="DATE" value="2025-01-27">Monday</TIMEX3> &amp; fled.
Tariffs start <TIMEX3 tid="t2" type="DATE" value="2025-02-01">tomorrow</TIMEX3>, officials said <TIMEX3 tid="t3" type="DATE" value="2025-01-31">Friday morning</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_read_timeml(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_text(TML, "utf-8")
    doc = read_timeml(path)
    assert doc.doc_id == "TEST-1" and doc.dct == "2025-01-31"
    assert [g.text for g in doc.gold] == ["Monday", "tomorrow", "Friday morning"]
    assert all(doc.text[g.start:g.end] == g.text for g in doc.gold)
    assert "&" in doc.text and "<EVENT" not in doc.text


def test_duplicate_files_are_skipped(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "doc.tml").write_text(TML, "utf-8")
    (tmp_path / "b.tml").write_text(TML, "utf-8")
    docs, duplicates = load_timeml(tmp_path)
    assert len(docs) == 1 and duplicates == 1


def test_pairing_and_metrics():
    gold = [Expression(0, 6, "Monday", "DATE", "2025-01-27"),
            Expression(10, 24, "Friday morning", "TIME", "2025-01-31TMO"),
            Expression(30, 34, "2023", "DATE", "2023")]
    pred = [Expression(0, 6, "Monday", "DATE", "2025-01-27"),  # strict, right value
            Expression(10, 16, "Friday", "DATE", "2025-01-31"),  # relaxed, wrong type and value
            Expression(40, 42, "We", "DATE", "XXXX-WXX-3")]  # spurious, a pronoun
    assert pair(gold, pred) == [(0, 0), (1, 1)]
    counts = score_document(gold, pred)
    assert counts == Counter(gold=3, predicted=3, relaxed=2, strict=1, type_correct=1,
                             value_correct=1, false_calendar_words=1)
    m = summarize(counts)
    assert m["relaxed_precision"] == m["relaxed_recall"] == round(2 / 3, 4)
    assert m["strict_f1"] == round(1 / 3, 4)
    assert m["type_accuracy"] == 0.5
    assert m["value_f1"] == round(1 / 3, 4)


def test_one_prediction_matches_one_gold_expression():
    gold = [Expression(0, 6, "Monday", "DATE", "a"), Expression(7, 14, "morning", "TIME", "b")]
    pred = [Expression(0, 14, "Monday morning", "TIME", "b")]
    assert len(pair(gold, pred)) == 1


def test_false_calendar_words():
    gold = [Expression(0, 5, "March", "DATE", "2025-03")]
    assert not false_calendar_word(Expression(0, 5, "March", "DATE", "2025-03"), gold)
    assert false_calendar_word(Expression(20, 25, "march", "DATE", "2025-03"), gold)
    assert false_calendar_word(Expression(20, 23, "May", "DATE", "2025-05"), gold)
    assert not false_calendar_word(Expression(20, 25, "May 5", "DATE", "2025-05-05"), gold)


def test_scorer_end_to_end(tmp_path, nlp):
    (tmp_path / "doc.tml").write_text(TML, "utf-8")
    metrics = run_eval("times", tmp_path, "timeml", pipeline=nlp)
    assert metrics["n"] == 1 and metrics["crashes"] == 0 and metrics["text_mismatches"] == 0
    assert metrics["relaxed_precision"] == metrics["relaxed_recall"] == 1.0
    assert metrics["strict_f1"] == 1.0
    assert metrics["false_calendar_words"] == 0
    # The gold file writes "Friday morning" as a DATE without the part of the day.
    assert metrics["value_f1"] == round(2 / 3, 4)
    assert "seconds" in metrics


def test_scorer_uses_whatever_stage_fills_times(tmp_path):
    (tmp_path / "doc.tml").write_text(TML, "utf-8")
    simple = wirecoder.load({"stages": ["clean", "parse", "sentences", "times_ner"]})
    metrics = run_eval("times", tmp_path, "timeml", pipeline=simple)
    assert metrics["n"] == 1 and metrics["crashes"] == 0
    assert metrics["value_f1"] == 0.0  # times_ner gives no values
