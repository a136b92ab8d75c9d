"""The `claims` stage: arithmetic, contradiction and reference checks with explanations."""

from __future__ import annotations

import pytest

from conftest import SHARED, catalogue
from wirecoder import Pipeline
from wirecoder.errors import ConfigError
from wirecoder.extract.claims import load_reference_table
from wirecoder.pipeline import PipelineConfig

SEED = SHARED / "seed" / "cartel-strikes-article.txt"
STAGES = ["clean", "parse", "sentences", "quantities", "claims"]


@pytest.fixture(scope="module")
def nlp():
    return Pipeline(PipelineConfig(stages=STAGES))


def claims(nlp, text, kind=None):
    found = nlp.analyze(text).claims
    return [c for c in found if kind is None or c.kind == kind]


def test_factor_against_from_to(nlp):
    ok = claims(nlp, "Deaths have nearly tripled, rising from 31,000 deaths to 87,000.",
                "arithmetic")
    assert [c.verdict for c in ok] == ["consistent"]
    assert "x2.81" in ok[0].explanation and "2.55 to 3.00" in ok[0].explanation
    bad = claims(nlp, "Sales doubled, rising from 10,000 units to 45,000.", "arithmetic")
    assert [c.verdict for c in bad] == ["contradicted"]
    assert "x4.50" in bad[0].explanation


def test_percent_change_against_from_to(nlp):
    ok = claims(nlp, "Revenue rose 50% from $2 million to $3 million.", "arithmetic")
    assert [c.verdict for c in ok] == ["consistent"]
    bad = claims(nlp, "Revenue rose 20% from $2 million to $3 million.", "arithmetic")
    assert [c.verdict for c in bad] == ["contradicted"]
    assert "+50.0%" in bad[0].explanation


def test_part_of_whole(nlp):
    bad = claims(nlp, "The cartel operates 40 of the 32 states.", "arithmetic")
    assert [c.verdict for c in bad] == ["contradicted"]


def test_contradiction_between_mentions(nlp):
    text = ("The drug has killed tens of millions of Americans, the spokeswoman said.\n\n"
            "The real number of Americans who have died, however, is in the hundreds of "
            "thousands.")
    found = claims(nlp, text, "contradiction")
    assert [c.verdict for c in found] == ["contradicted"]
    assert "do not overlap" in found[0].explanation
    assert len(found[0].quantity_ids) == 2


def test_agreeing_mentions_and_different_places(nlp):
    text = ("A 25 percent tariff will be levied on Canada on Saturday.\n\n"
            "Officials confirmed a 25 percent tariff on Canada and a 10 percent tariff on China.")
    found = claims(nlp, text, "contradiction")
    assert [c.verdict for c in found] == ["consistent"]
    assert "tariff on Canada" in found[0].explanation


def test_rates_are_not_compared_with_totals(nlp):
    text = ("About 80,000 Americans die of overdoses annually.\n\n"
            "In all, the drug has killed hundreds of thousands of Americans.")
    assert claims(nlp, text, "contradiction") == []


def test_builtin_division_counts(nlp):
    ok = claims(nlp, "The cartel operates in 23 of Mexico's 32 states.", "reference")
    assert [c.verdict for c in ok] == ["consistent"]
    assert "pycountry" in ok[0].explanation
    bad = claims(nlp, "Protests spread to all of Mexico's 35 states.", "reference")
    assert [c.verdict for c in bad] == ["contradicted"]


def test_reference_table(tmp_path):
    table = tmp_path / "ref.csv"
    table.write_text("series,place,period,value,unit,source_url\n"
                     "overdose deaths,USA,2023,87000,deaths,https://example.org/nchs\n"
                     "overdose deaths,USA,2019,36000,deaths,https://example.org/nchs\n")
    rows = load_reference_table(table)
    assert rows[0].place == "USA" and rows[0].value == 87000
    nlp = Pipeline(PipelineConfig(stages=STAGES,
                                  options={"claims": {"reference_csv": str(table)}}))
    text = ("Since 2019, overdose deaths among Americans rose from 31,000 overdose deaths to "
            "87,000 in 2023.")
    found = [c for c in nlp.analyze(text).claims if c.kind == "reference"]
    verdicts = sorted((c.verdict, "2023" in c.explanation) for c in found)
    assert verdicts == [("consistent", True), ("contradicted", False)]
    assert all("example.org" in c.explanation for c in found)


def test_reference_table_errors(tmp_path):
    with pytest.raises(ConfigError):
        load_reference_table(tmp_path / "missing.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("series,value\nx,not-a-number\n")
    with pytest.raises(ConfigError, match="bad.csv:2"):
        load_reference_table(bad)


def test_asserted_by_uses_quotes():
    nlp = Pipeline(PipelineConfig(stages=["clean", "parse", "sentences", "quotes_simple",
                                          "quantities", "claims"]))
    text = ("“The drug has killed tens of millions of Americans,” Leavitt said.\n\n"
            "The real number of Americans who have died is in the hundreds of thousands.")
    found = [c for c in nlp.analyze(text).claims if c.kind == "contradiction"]
    assert found and found[0].asserted_by == "Leavitt"


@pytest.mark.skipif(not SEED.exists(), reason=f"needs the seed article at {SEED} (../shared)")
def test_seed_claims(nlp):
    found = nlp.analyze(SEED.read_text("utf-8"), published="2025-01-31").claims
    arithmetic = [c for c in found if c.kind == "arithmetic" and "tripled" in c.explanation]
    assert [c.verdict for c in arithmetic] == ["consistent"]
    assert "31,000 -> 87,000 is x2.81" in arithmetic[0].explanation
    contradicted = [c for c in found if c.kind == "contradiction" and c.verdict == "contradicted"]
    assert len(contradicted) == 1
    assert "tens of millions" in contradicted[0].explanation
    assert "hundreds of thousands" in contradicted[0].explanation
    states = [c for c in found if c.kind == "reference" and "Mexico" in c.explanation]
    assert [c.verdict for c in states] == ["consistent"]
    assert "32 first-level divisions" in states[0].explanation
    # nothing else in the article is flagged
    assert sum(c.verdict == "contradicted" for c in found) == 1
    for claim in found:
        assert claim.explanation and claim.quantity_ids and claim.evidence


# Figures that are not one fact, or count nothing, give no claim of that kind or verdict
# (tests/catalogues/claim_non_facts.jsonl: numbers in names and markup, thresholds, parts of a
# whole, different sets, subgroups, periods and kinds of the same noun).
@pytest.mark.parametrize("text,kind,verdict,full",
                         catalogue("claim_non_facts", "sentence", "kind", "verdict", "full_pipeline"))
def test_figures_that_are_not_one_fact_are_not_checked(nlp, pipeline, text, kind, verdict, full):
    found = [c for c in (pipeline if full else nlp).analyze(text).claims
             if (kind is None or c.kind == kind) and (verdict is None or c.verdict == verdict)]
    assert found == [], [c.explanation for c in found]


def test_a_number_written_against_a_slash_is_no_count(pipeline):
    text = "The 9/11 families met the senators on Monday.\n\nThe 9/11 families asked for the documents."
    assert pipeline.analyze(text).claims == []  # not "9 families" and "11 families"


def test_one_fact_stated_twice_with_different_values_contradicts(pipeline):
    text = ("The storm killed 3 people in Texas.\n\n"
            "The governor said more than 300 people were killed by the storm.")
    [claim] = [c for c in pipeline.analyze(text).claims if c.verdict == "contradicted"]
    assert "at least about 100 times the smaller" in claim.explanation


def test_the_ratio_is_said_sanely():
    from wirecoder.extract.claim_pairs import how_much_larger as _how_much_larger

    assert _how_much_larger(1.17) == "at least 17% larger than"  # never "at least 1 times"
    assert _how_much_larger(2.8) == "at least about 2.8 times"
    assert _how_much_larger(40_000_000_000) == "at least about 40,000,000,000 times"


def test_one_fact_stated_twice_stays_consistent(nlp):
    text = ("Five deaths from cholera have been reported in the past week.\n\n"
            "The five deaths resulted from 117 cases reported since last month.")
    assert [c.verdict for c in claims(nlp, text, "contradiction")] == ["consistent"]


def test_a_subset_of_a_countrys_divisions_is_no_reference_check(nlp):
    text = "The sixteen states in the United States with reported cases are Arizona and Ohio."
    assert claims(nlp, text, "reference") == []


