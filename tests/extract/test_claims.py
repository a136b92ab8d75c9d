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
    # not checked against each other: a rate is for another period than a total (claim_model.py)
    assert [c.verdict for c in claims(nlp, text, "contradiction")] == ["unverifiable"]
    [claim] = claims(nlp, text, "contradiction")
    assert '"About 80,000 Americans" is a rate per period and the other a total' in claim.explanation
    assert "annually" in {s.text for s in claim.evidence}


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
            "The governor said more than 300 people were killed by the storm in Texas.")
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


@pytest.mark.parametrize("text, why, shown", [
    ("In 2015, the drug killed 30,000 Americans.\n\nIn 2019, the drug killed 70,000 Americans.",
     "different years (2015 against 2019)", {"2015", "2019"}),
    ("The storm killed 3 people in Texas.\n\nThe storm killed 10 to 20 people in Texas, the governor said.",
     '"10 to 20 people" is a range (10 to 20) and the other a single figure', {"10 to 20 people"}),
    ("The storm killed 3 people in Guatemala.\n\nThe storm killed 12 people in Mexico.",
     "different places (Guatemala against Mexico)", {"Guatemala", "Mexico"}),
    ("The storm killed 3 people in Houston.\n\nThe storm killed 12 people in Dallas.",
     "different places (Houston against Dallas)", {"Houston", "Dallas"}),
])
def test_one_thing_in_different_settings_is_unverifiable_and_says_why(nlp, text, why, shown):
    """Figures of one thing that disagree but are for another year, place, or a range against a
    point are not a contradiction: `unverifiable`, with the condition they fail in plain words
    and the words that show it among the evidence (claim_model.py)."""
    [claim] = claims(nlp, text, "contradiction")
    assert claim.verdict == "unverifiable", claim.explanation
    assert why in claim.explanation and "not checked against each other" in claim.explanation
    assert shown <= {s.text for s in claim.evidence}


@pytest.mark.parametrize("text", [
    "There are 22 women running this year.\n\nThere are 20 women in the Senate.",
    "Some 32 percent of Hillsborough's population is Republican.\n\nSome 51 percent of Hillsborough's population is white.",
    "WTI crude oil fell to $45.84 a barrel.\n\nBrent crude oil rose to $47.44 a barrel.",
    # a place named for one figure only: the seven of a headline, the four of one blast
    "7 militants killed in blasts in Afghanistan.\n\nFour militants were killed when the device detonated, "
    "the statement said.",
])
def test_figures_of_different_things_get_no_verdict_at_all(nlp, text):
    """Different sets, shares of different parts, different markets: no contradiction and no
    `unverifiable` either: nothing ties them as one thing."""
    found = claims(nlp, text, "contradiction")
    assert found == [], [c.explanation for c in found]


def test_equal_figures_with_a_place_on_one_side_only_are_not_consistent(nlp):
    """As before the claim model: a place named for one figure only leaves it open whether they
    are of one thing, so two equal figures are not recorded as one fact checked."""
    text = ("The storm killed 12 people in Mexico.\n\n"
            "The storm killed 12 people, the governor said.")
    found = claims(nlp, text, "contradiction")
    assert found == [], [c.explanation for c in found]


def test_a_value_sought_is_no_second_statement_of_a_value_held(nlp):
    text = ("Seattle became the first city to mandate a $15 minimum wage.\n\n"
            "Sanders promises to raise the minimum wage to $15.")
    found = claims(nlp, text, "contradiction")
    assert found == [], [c.explanation for c in found]
    # a figure of what a plan acts on is no value sought: the same 11 million people twice
    text = ("Trump's plan to deport 11 million people is cruel, Clinton said.\n\n"
            "There are 11 million people living in the country illegally.")
    assert [c.verdict for c in claims(nlp, text, "contradiction")] == ["consistent"]


def test_a_currency_amount_is_written_as_a_reader_writes_it(nlp):
    text = ("The city mandated a $15 minimum wage in 2014.\n\n"
            "The $15 minimum wage took effect in 2014, officials said.")
    [claim] = claims(nlp, text, "contradiction")
    assert "the same value, $15: consistent" in claim.explanation, claim.explanation  # was "15 $"


def test_a_zero_against_a_count_has_no_ratio(nlp):
    text = "The storm killed 0 people in Texas.\n\nThe governor said the storm killed 300 people in Texas."
    [claim] = claims(nlp, text, "contradiction")
    assert claim.verdict == "contradicted"
    assert "the larger is at least 300 and the smaller 0" in claim.explanation
    assert "times" not in claim.explanation


def test_a_small_difference_is_not_rounded_away():
    from wirecoder.extract.claim_pairs import how_much_larger

    assert how_much_larger(1.004) == "at least 0.4% larger than"  # was "at least 1% larger than"
    assert how_much_larger(1.5) == "at least 50% larger than"


def test_figures_of_different_dates_are_unverifiable_not_contradicted(pipeline):
    text = ("The minister said on July 15, 2016 that 80 people were killed.\n\n"
            "In March 2016, attackers killed 32 people in bombings at the airport.")
    [claim] = pipeline.analyze(text).claims
    assert claim.verdict == "unverifiable"
    assert "different dates (July 15, 2016 against March 2016)" in claim.explanation


def test_a_city_named_for_one_figure_only_gives_no_verdict(pipeline):
    """ "80 people were killed" against "32 people in bombings at the Brussels airport": a place
    named on one side only, a city as much as a country, leaves the referents apart (claim_model.
    one_place)."""
    text = ("The minister said on Friday that 80 people were killed.\n\n"
            "Attackers killed 32 people in suicide bombings at the Brussels airport.")
    assert [c for c in pipeline.analyze(text).claims if c.kind == "contradiction"] == []
