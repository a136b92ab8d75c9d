"""Unit spellings read from lang/en/unit_forms.tsv: each row's own example reads as its unit, an
age written "N years of age" is left out unless ages are counted, and a currency sign glued after
the digits is a unit whatever the sign."""

from __future__ import annotations

import pytest

from wirecoder.evaluate.quantities import quantity_pipeline
from wirecoder.lang.en import table
from wirecoder.pipeline import Pipeline, PipelineConfig

ROWS = table("unit_forms")


@pytest.fixture(scope="module")
def newsquant():
    return quantity_pipeline(None)  # ages and time offsets counted, as NewsQuant does


@pytest.fixture(scope="module")
def default():
    return Pipeline(PipelineConfig(stages=["clean", "parse", "quantities"]))


def test_every_row_is_complete_and_closed():
    for row in ROWS:
        assert all(row[c] for c in ("written", "unit", "dimension", "example")), row
        assert row["position"] in {"after", "before"} and row["case"] in {"any", "exact"}, row
        assert row["glued"] in {"yes", "no"}, row


@pytest.mark.parametrize("row", ROWS, ids=[r["written"] for r in ROWS])
def test_each_example_reads_as_its_unit(newsquant, row):
    units = [q.normalized_unit for q in newsquant.analyze(row["example"]).quantities]
    assert any(u == row["unit"] or (u or "").startswith(row["unit"] + " per ") for u in units), units


def test_an_age_of_age_is_left_out_unless_ages_count(default, newsquant):
    text = "Most cases are diagnosed at around 3 years of age."
    assert [q.normalized_unit for q in newsquant.analyze(text).quantities] == ["year of age"]
    assert all(q.normalized_unit != "year of age" and q.dimension != "age"
               for q in default.analyze(text).quantities)


def test_a_currency_sign_after_the_digits_is_glued(newsquant):
    # "₾" is in no table of the built-in units: the sign's Unicode class (Sc) makes it glued
    [q] = newsquant.analyze("I spent 100₾ on the bicycle.").quantities
    assert (q.value, q.normalized_unit) == (100, "georgian lari")


@pytest.mark.parametrize("text,unit", [
    ("Profit fell to 1.5 billion euros from 1.7 billion euros a year earlier.", "euro"),
    ("Sales were $13.18 billion a year ago.", "dollar"),
    ("The plant will produce 500,000 vehicles a year.", "vehicle per year"),
    ("Oil rose to $85 a barrel on Monday.", "dollar per barrel"),
])
def test_a_year_earlier_is_no_rate(default, text, unit):
    assert unit in [q.normalized_unit for q in default.analyze(text).quantities]


@pytest.mark.parametrize("text,unit", [
    ("Samsung earned 10 trillion won in profit.", "south korean won"),
    ("The fine was 5 million rand.", "south african rand"),
    ("The side that scored 3 won the cup.", None),  # no scale word: "won" is the verb
])
def test_a_currency_word_after_a_scale_word(default, text, unit):
    [q] = default.analyze(text).quantities
    assert q.normalized_unit == unit


@pytest.mark.parametrize("text,unit", [
    ("The board declared a 12-cent-a-share dividend.", "cent per share"),
    ("Investors rejected the $70-a-share offer.", "dollar per share"),
    ("The $15-an-hour minimum wage takes effect.", "dollar per hour"),
    ("Egg prices averaged 64.2 cents a dozen.", "cent per dozen"),
])
def test_rates_written_with_hyphens_and_per_dozen(default, text, unit):
    assert [q.normalized_unit for q in default.analyze(text).quantities] == [unit]
