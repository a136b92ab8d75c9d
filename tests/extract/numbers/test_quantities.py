"""The `quantities` stage: values, units, ranges, changes, modifiers and concepts; the NewsQuant
scorer on a tiny inline file."""

from __future__ import annotations

import json

import pytest

from conftest import SHARED, catalogue
from wirecoder import Pipeline
from wirecoder.evaluate import run_eval
from wirecoder.evaluate.quantities import concept_words, match, parse_gold_value, predicted
from wirecoder.extract.numbers.lexicon import bound_of, cqe_change
from wirecoder.extract.numbers.words import parse_number_words
from wirecoder.pipeline import PipelineConfig

SEED = SHARED / "seed" / "cartel-strikes-article.txt"


@pytest.fixture(scope="module")
def nlp():
    return Pipeline(PipelineConfig(stages=["clean", "parse", "quantities"]))


def quantities(nlp, text):
    return nlp.analyze(text).quantities


def one(nlp, text):
    found = quantities(nlp, text)
    assert len(found) == 1, [q.span.text for q in found]
    return found[0]


@pytest.mark.parametrize("words, value", [
    (["twenty-eight", "thousand", "six", "hundred", "forty-two"], 28642),
    (["a", "million"], 1e6),
    (["four", "hundred", "million"], 4e8),
    (["billion"], None),
])
def test_number_words(words, value):
    assert parse_number_words(words) == value


@pytest.mark.parametrize("text, value, unit", catalogue("quantity_values", "sentence", "value", "unit"))
def test_values_and_units(nlp, text, value, unit):
    found = [q for q in quantities(nlp, text) if q.normalized_unit != "factor"]
    q = next(q for q in found if q.value == pytest.approx(value, rel=1e-6))
    assert q.normalized_unit == unit


def test_percent_and_percentage_points(nlp):
    pct = one(nlp, "Unemployment was 4.1 per cent.")
    pts = one(nlp, "Unemployment rose 0.3 percentage points.")
    assert pct.normalized_unit == "percentage"
    assert pts.normalized_unit == "percentage point"
    assert pts.change == "up"


def test_counted_nouns(nlp):
    q = one(nlp, "The survey covered seven European countries.")
    assert (q.value, q.normalized_unit) == (7, "european country")
    deaths = one(nlp, "Officials counted 31,000 overdose deaths.")
    assert deaths.normalized_unit == "overdose death"


def test_years_dates_times_ages_and_labels_are_not_quantities(nlp):
    text = ("In 2023, on Jan. 24 at 11:30, the 50-year-old winger from Section 427 scored for "
            "COVID-19 relief, aged 18 to 45, at 49 Zorro Ranch Road, and the game ended 2-2.")
    assert quantities(nlp, text) == []


def test_ages_on_request():
    nlp = Pipeline(PipelineConfig(stages=["clean", "parse", "quantities"],
                                  options={"quantities": {"ages": True}}))
    q = nlp.analyze("Police arrested a 50 year-old man.").quantities[0]
    assert (q.value, q.normalized_unit) == (50, "year of age")


def test_vague_magnitudes_are_ranges(nlp):
    q = one(nlp, "The drug has killed tens of millions of Americans.")
    assert (q.value, q.value_high, q.approximate) == (1e7, 1e8, True)
    assert q.normalized_unit == "americans"
    q = one(nlp, "The toll ranges in the hundreds of thousands.")
    assert (q.value, q.value_high) == (1e5, 1e6)


def test_ranges_and_shared_scale(nlp):
    q = one(nlp, "Lyft priced its shares between $62 and $68 per share.")
    assert (q.value, q.value_high, q.normalized_unit) == (62, 68, "dollar per share")
    q = one(nlp, "Let's get from $10 to $15 billion.")
    assert (q.value, q.value_high) == (1e10, 1.5e10)


def test_change_structure(nlp):
    q = one(nlp, "Deaths rose from 31,000 overdose deaths to 87,000 in 2023.")
    assert (q.value, q.value_high, q.change) == (31000, 87000, "up")
    q = one(nlp, "Weekly volume narrowed to 138,285 lots from 212,577 lots.")
    assert (q.value, q.value_high, q.change) == (212577, 138285, "down")
    amount, level = quantities(nlp, "Vectura shares rose 6.5% to 164p.")
    assert (amount.change, level.change) == ("up", "=")
    assert level.normalized_unit == "penny"
    found = quantities(nlp, "The Dow lost 190 points, or 0.6%.")
    assert [q.change for q in found] == ["down", "down"]


def test_multiplicatives(nlp):
    q = next(q for q in quantities(nlp, "The number of deaths has nearly tripled.")
             if q.normalized_unit == "factor")
    assert (q.value, q.change, q.approximate) == (3, "up", True)


@pytest.mark.parametrize("text, value", [("Sales rose 3-fold and profits held.", 3),
                                         ("Cases grew 10fold in a month.", 10),
                                         ("It found a 2.5-fold increase in risk.", 2.5)])
def test_a_factor_written_in_digits(nlp, text, value):
    """ "3-fold" is a factor as "threefold" is, never a count of "fold ..." (it was read
    "3-fold and profits" -> unit "fold profit")."""
    q = next(q for q in quantities(nlp, text) if q.value == value)
    assert (q.normalized_unit, q.change) == ("factor", "up")


def test_approximation_and_bounds(nlp):
    q = one(nlp, "It is responsible for roughly 80 percent of overdose deaths.")
    assert q.approximate and q.span.text.startswith("roughly")
    q = one(nlp, "Adani lost more than 60% of its market cap.")
    assert bound_of(q.span.text) == ">"
    q = one(nlp, "The grant is worth up to $8 million.")
    assert bound_of(q.span.text) == "<"


@pytest.mark.parametrize("text, concept, value", catalogue("quantity_concepts", "sentence", "concept", "value"))
def test_concepts(nlp, text, concept, value):
    found = quantities(nlp, text)
    # the quantity of the row's value when it names one, else the first
    q = next(q for q in found if q.value == pytest.approx(value, rel=1e-6)) if value is not None else found[0]
    assert (q.concept.text if q.concept else None) in ((concept,) if concept is None else
                                                        (concept, f"its {concept}"))


def test_offsets_point_into_the_text(nlp):
    text = "Tomorrow a 25 percent tariff on Mexico starts; a 10 percent tariff on China follows."
    analysis = nlp.analyze(text)
    for q in analysis.quantities:
        assert analysis.document.text[q.span.start:q.span.end] == q.span.text
        if q.concept:
            assert analysis.document.text[q.concept.start:q.concept.end] == q.concept.text


# ---------------------------------------------------------------- the seed


@pytest.mark.skipif(not SEED.exists(), reason=f"needs the seed article at {SEED} (../shared)")
def test_seed_quantities(nlp):
    analysis = nlp.analyze(SEED.read_text("utf-8"), published="2025-01-31")
    by_text = {q.span.text: q for q in analysis.quantities}
    texts = " | ".join(by_text)
    assert "nearly tripled" in by_text, texts
    change = by_text["from 31,000 overdose deaths to 87,000"]
    assert (change.value, change.value_high, change.change) == (31000, 87000, "up")
    assert change.concept.text == "overdose deaths"
    assert by_text["roughly 80 precent"].normalized_unit == "percentage"
    assert by_text["18 kilos"].concept.text == "fentanyl"
    assert by_text["tens of millions of Americans"].value_high == 1e8
    assert by_text["hundreds of thousands"].value == 1e5
    concepts = {q.concept.text for q in analysis.quantities if q.concept}
    assert {"tariff on Mexico", "tariff on Canada", "tariff on China"} <= concepts
    # years, dates and the ages "18 – 45" are not quantities
    assert not any(q.value in (2019, 2023, 2022, 2021, 2024, 45) for q in analysis.quantities)
    assert not any("45" in q.span.text or "week" in q.span.text for q in analysis.quantities)


# ---------------------------------------------------------------- the scorer


def test_gold_values():
    assert parse_gold_value("252.0-287.0") == (252.0, 287.0)
    assert parse_gold_value("2.998E-08") == pytest.approx(2.998e-8)
    assert parse_gold_value("-130") == -130
    assert concept_words("the revenue, Chinese giant's") == {"revenue", "chinese", "giant"}
    assert concept_words(None) == {"-"}
    assert cqe_change("more than 60%", "down", False, False) == ">"
    assert cqe_change("about 19 per cent", "up", True, False) == "~"
    assert cqe_change("from 4.8 to 4.7 percent", "down", False, True) == "="


def test_newsquant_scorer_on_a_tiny_file(tmp_path, nlp):
    items = {
        "0": {"text": "Vecturas shares rose 6.5% to 164p.", "quantities": [
            {"change": "up", "value": "6.5", "unit": "%", "normalized_unit": "percentage",
             "referred_concepts": "Vecturas shares"},
            {"change": "=", "value": "164", "unit": "p", "normalized_unit": "point",
             "referred_concepts": "Vecturas shares"}]},
        "1": {"text": "He was traveling at a speed of 15 to 22 miles per hour.", "quantities": [
            {"change": "=", "value": "15.0-22.0", "unit": "miles per hour",
             "normalized_unit": "mile per hour", "referred_concepts": "speed"}]},
        "2": {"text": "Nothing to count here.", "quantities": []},
    }
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(items))
    metrics = run_eval("quantities", path, "newsquant", pipeline=nlp)
    for key in ("value_f1", "value_unit_f1", "change_accuracy", "concept_partial",
                "concept_complete", "n", "seconds"):
        assert key in metrics
    assert metrics["n"] == 3
    assert metrics["value_f1"] == 1.0
    assert metrics["value_unit_f1"] == 1.0
    assert metrics["change_accuracy"] == 1.0
    assert metrics["concept_partial"] == 1.0
    # a list works as well as an object of items
    path.write_text(json.dumps(list(items.values())))
    assert run_eval("quantities", path, pipeline=nlp)["value_f1"] == 1.0


def test_units_are_scored_under_newsquant_names(nlp):
    """A share price written "164p" is read as pence (the claims compare it with "£1.64"); the
    NewsQuant scorer renames it to the data set's "point" (knowledge/newsquant_units.tsv), and
    only that writing: "50 pence" stays a penny."""
    found = {q.value: q for q in nlp.analyze("It paid 50 pence and the shares rose to 164p.").quantities}
    assert found[164].normalized_unit == "penny" and found[50].normalized_unit == "penny"
    units = {p.value: p.unit for p in predicted(nlp.analyze("It paid 50 pence and the shares rose to 164p."))}
    assert units == {164: "point", 50: "penny"}


def test_a_multiple_is_scored_as_newsquant_names_it(nlp):
    """ "sixfold" stays a factor for the claims; the NewsQuant scorer names it "count", as the data
    set names "3200 times" (knowledge/newsquant_units.tsv, a row written "*")."""
    text = "Revenue grew more than sixfold last year."
    assert [q.normalized_unit for q in quantities(nlp, text)] == ["factor"]
    assert [p.unit for p in predicted(nlp.analyze(text))] == ["count"]


def test_newsquant_counts_no_factor_written_as_a_verb(tmp_path, nlp):
    """NewsQuant annotates "256GB" in "doubling it to 256GB", not the doubling: its scorer runs the
    stage without multiplicative verbs (the stage keeps them by default, for the claims)."""
    text = "The maker doubled the storage to 256GB this year."
    assert any(q.normalized_unit == "factor" for q in quantities(nlp, text))
    path = tmp_path / "doubled.json"
    path.write_text(json.dumps([{"text": text, "quantities": [
        {"change": "=", "value": "256", "unit": "GB", "normalized_unit": "gigabyte",
         "referred_concepts": "storage"}]}]))
    assert run_eval("quantities", path, "newsquant", pipeline=nlp)["value_precision"] == 1.0


def test_matching_is_one_to_one(nlp):
    analysis = nlp.analyze("It took a 51 per cent stake.")
    preds = predicted(analysis)
    from wirecoder.evaluate.quantities import gold_quantities

    golds = gold_quantities({"quantities": [
        {"value": "51", "normalized_unit": "percentage", "change": "=",
         "referred_concepts": "stake"},
        {"value": "51", "normalized_unit": "percentage", "change": "=",
         "referred_concepts": "stake"}]})
    assert len(match(golds, preds)) == 1


def test_folds_report_each_fold_with_mean_and_spread(tmp_path, nlp):
    from wirecoder.evaluate.quantities import fold_of

    texts = [f"The company hired {n} workers in {2000 + n}." for n in range(2, 12)]
    items = [{"text": t, "quantities": [{"change": "=", "value": str(float(n)), "unit": "workers",
                                         "normalized_unit": "worker", "referred_concepts": "company"}]}
             for n, t in zip(range(2, 12), texts, strict=True)]
    path = tmp_path / "folds.json"
    path.write_text(json.dumps(items))
    metrics = run_eval("quantities", path, "newsquant", pipeline=nlp, folds=5)
    folds = metrics["folds"]
    assert folds["k"] == 5 and len(folds["per_fold"]) == 5
    assert sum(f["n"] for f in folds["per_fold"]) == len(items)
    assert [f["n"] for f in folds["per_fold"]] == [sum(fold_of(t, 5) == k for t in texts) for k in range(5)]
    values = [f["value_f1"] for f in folds["per_fold"]]
    assert folds["value_f1_mean"] == round(sum(values) / 5, 4)
    assert folds["value_f1_sd"] >= 0
    assert "folds" not in run_eval("quantities", path, "newsquant", pipeline=nlp)


@pytest.mark.parametrize("text, figure, concept", [
    # the amount an object is brought to or from is the object's, not the subject's
    ("The firm cut its earnings guidance to $140 million.", "$140 million",
     "earnings guidance"),
    ("It is investing to boost its output to 1.2 million tons.", "1.2 million tons", "output"),
    # ... but another figure is no object: "gained 0.7 percent to 6,327.80" is the index's
    ("The Nasdaq rose 0.5 percent to 5,190.73.", "5,190.73", "Nasdaq"),
    # "worth" says what the amount is of
    ("The company will get a state incentive grant worth up to $8 million.", "up to $8 million",
     "state incentive grant"),
    # a figure listed after another of the same unit, no verb between, measures the same thing
    ("The grid's frequency fell to 49.55 Hz on 9 May, 49.52 Hz on 20 June and 49.58 Hz on 11 July.",
     "49.52 Hz", "grid's frequency"),
    # a duration a state or an action lasts is the subject's ("for"), not a date
    ("Forrest Gump kept running for three years.", "three years", "Forrest Gump"),
])
def test_the_concept_a_figure_measures(text, figure, concept):
    nlp = Pipeline(PipelineConfig(stages=["clean", "parse", "quantities"],
                                  options={"quantities": {"time_offsets": True}}))
    found = nlp.analyze(text).quantities
    q = next(q for q in found if figure in q.span.text)
    said = q.concept.text if q.concept else None
    assert said in (concept, f"its {concept}", f"The {concept}"), (said, [q.span.text for q in found])


def test_a_share_of_a_whole_is_no_count():
    """A fraction's unit "% flat" has the dimension "fraction", which the claims stage never
    compares with a count of flats."""
    from wirecoder.extract.numbers.units import dimension_of

    assert dimension_of("% flat") == "fraction" and dimension_of("flat") is None


@pytest.mark.parametrize("text, concept", [
    ("The airline which has been plagued by strikes over the past two years cut its forecast.", "airline"),
    ("The insurer, which was beset by claims over the past two years, raised prices.", "insurer"),
])
def test_a_period_counted_back_from_now_measures_no_noun(text, concept):
    """With durations counted (NewsQuant's convention, `time_offsets`), "over the past two years"
    is the clause's period: the parse hangs it on "strikes", which it does not measure."""
    nlp = Pipeline(PipelineConfig(stages=["clean", "parse", "quantities"],
                                  options={"quantities": {"time_offsets": True}}))
    q = next(q for q in nlp.analyze(text).quantities if q.value == 2)
    assert q.concept is not None and q.concept.text == concept


def test_of_two_subjects_the_one_after_the_fronted_phrase():
    """A parse that gives a verb two subjects, the first a fronted phrase set off by a comma
    ("A slugger with power, Perez entered"), reads the one after the comma; without the comma
    (an apposition the parse split) the first."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from wirecoder.extract.numbers.concept import _subject_of

    words = ["A", "slugger", "with", "power", ",", "Perez", "entered", "the", "game"]
    heads = [1, 6, 1, 2, 6, 6, 6, 8, 6]
    deps = ["det", "nsubj", "prep", "pobj", "punct", "nsubj", "ROOT", "det", "dobj"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps)
    assert _subject_of(doc[6]).text == "Perez"
    words = ["Jane", "Doe", "a", "farmer", "sold", "maize"]
    doc = Doc(Vocab(), words=words, heads=[1, 4, 3, 4, 4, 4], deps=["compound", "nsubj", "det", "nsubj", "ROOT", "dobj"])
    assert _subject_of(doc[4]).text == "Doe"


def test_a_concept_that_only_repeats_the_unit_is_none():
    """A parse that hangs "digital" alone on "2.6M digital and physical sales" must not give the
    figure the concept "digital", a word of its unit: the concept becomes the unit noun's own "of"
    phrase ("of Skyfall"), and a share whose concept is its whole names none."""
    from wirecoder.extract.numbers import find_quantities
    from wirecoder.extract.numbers.syntax import TokenIndex
    from wirecoder.extract.numbers.unit_concept import of_the_unit, only_the_unit
    from wirecoder.nlp import load_nlp

    doc = load_nlp()("Half of the combined 2.6M digital and physical sales of Skyfall came from shops.")
    index = TokenIndex(doc)
    found = find_quantities(doc)
    count = next(q for q in found if q.value == 2.6e6)
    assert count.norm == "digital physical sale"
    digital = doc.text.index("digital")
    count.concept = (digital, digital + len("digital"))  # what the parse's mistake gave
    assert only_the_unit(doc, index, count)
    span = of_the_unit(doc, index, count, {}, -1)
    assert span is not None and doc.text[span[0]:span[1]] == "Skyfall"
    share = next(q for q in found if q.value == 0.5)
    share.concept = (doc.text.index("sales"), doc.text.index("sales") + 5)
    assert share.norm == "% digital physical sale" and only_the_unit(doc, index, share)
    skyfall = doc.text.index("Skyfall")
    count.concept = (skyfall, skyfall + 7)
    assert not only_the_unit(doc, index, count)


@pytest.mark.parametrize("text, figure, unit", [
    ("The capacitor on the board stores 2.2 F at most.", "2.2 F", "farad"),
    ("It was 85 F in the shade.", "85 F", "fahrenheit"),
    ("A lightning bolt carries a charge of about 15 C.", "15 C", "coulomb"),
    ("The forecast gives a high of 31 c on Friday.", "31 c", "celsius"),
    ("A ticket for the ferry costs 80c.", "80c", "cent"),
    ("The club paid 20 million pounds for the striker.", "20 million pounds", "pound sterling"),
    ("The shop sold 12 pounds of potatoes.", "12 pounds", "pound-mass"),
    ("The baby weighed 7 pounds.", "7 pounds", "pound-mass"),
    ("The wall is 10' high.", "10'", "foot"),
    ("He said the score was 3' in the end.", "3", None),
])
def test_a_spelling_names_the_unit_its_sentence_gives(nlp, text, figure, unit):
    """lang/en/unit_senses.tsv: a spelling that names several units takes the one whose cue
    words its sentence has; without a cue the context-free reading stands."""
    q = next(q for q in quantities(nlp, text) if figure in q.span.text)
    assert q.normalized_unit == unit


@pytest.mark.parametrize("text, figure, value, unit", [
    ("Net income sank to $ 254 million in the quarter.", "$ 254 million", 254e6, "dollar"),
    ("Her net worth was put at £ 8.10 million.", "£ 8.10 million", 8.1e6, "pound sterling"),
    ("The dealer will offer $ 800 rebates.", "$ 800", 800, "dollar"),
])
def test_a_currency_sign_set_off_by_a_space(nlp, text, figure, value, unit):
    """Text whose tokens were joined with spaces writes "$ 254 million": the sign is still the
    currency (a sign only: letters such as "USD 5" are listed with their space)."""
    q = next(q for q in quantities(nlp, text) if q.value == pytest.approx(value))
    assert (q.span.text, q.normalized_unit) == (figure, unit)


@pytest.mark.parametrize("text, figure, unit", [
    ("The track is a 1/4 mile paved oval.", "1/4 mile", "mile"),
    ("Cut a 3/4 inch board.", "3/4 inch", "inch"),
    ("About 1/3 of voters agree.", "About 1/3", "% voter"),
])
def test_a_fraction_in_digits_before_a_unit_is_in_that_unit(nlp, text, figure, unit):
    """ "1/4 mile" is a quarter of a mile, not a share of the "mile paved oval"; a fraction of
    a counted whole ("1/3 of voters") stays a share."""
    q = next(q for q in quantities(nlp, text) if q.span.text == figure)
    assert q.normalized_unit == unit
