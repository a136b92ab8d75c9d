"""The stage contract kept by the code (#23): declared reads, typed options, one registration table."""

from __future__ import annotations

import json
from importlib import import_module

import pytest

from wirecoder import Pipeline, PipelineConfig, load
from wirecoder.builtins import BUILTIN_SCORERS, BUILTIN_STAGES
from wirecoder.errors import ConfigError
from wirecoder.registry import get_stage, registered_stages, stage

REORDERED = ["clean", "parse", "sentences", "actors", "quotes", "events", "times", "places",
             "quantities", "claims"]


def test_reordering_so_a_read_is_unmet_fails_at_load():
    # events read times and places when present: run them after events and a date would be lost
    with pytest.raises(ConfigError, match=r"W020: stage 'events' reads 'times' \(from 'times'\).*runs after it"):
        load({"stages": REORDERED})


def test_an_optional_read_may_be_absent(seed_text):
    analysis = load({"disabled": ["times", "places"]}).analyze(seed_text, published="2025-01-31")
    assert analysis.events and analysis.times == [] and analysis.places == []
    assert all(e.time_id is None and e.place_id is None for e in analysis.events)


def test_an_undeclared_read_fails_where_it_happens():
    @stage("test_sneaky_reader", requires=("document",), assigns=("test_sneaky",))
    def make(options):
        return lambda state: {"test_sneaky": state.get("spacy")}

    nlp = Pipeline(PipelineConfig(stages=["clean", "parse", "test_sneaky_reader"]))
    with pytest.raises(ConfigError, match="'test_sneaky_reader' read 'spacy', which it neither requires"):
        nlp.analyze("Some text here.")


def test_a_declared_read_is_allowed():
    @stage("test_honest_reader", requires=("document", "spacy"), optional=("times",), assigns=("test_honest",))
    def make(options):
        return lambda state: {"test_honest": (len(state.spacy_doc), state.get("times"))}

    nlp = Pipeline(PipelineConfig(stages=["clean", "parse", "test_honest_reader"]))
    nlp.analyze("Some text here.")  # no times stage: the optional read finds nothing, and that is fine


def test_every_builtin_stage_reads_only_what_it_declares(seed_text):
    # the default pipeline runs every read of every stage through a StageView: one undeclared read
    # anywhere in the extractors would raise here
    analysis = load().analyze(seed_text, published="2025-01-31")
    assert analysis.events and analysis.quotes and analysis.claims is not None


@pytest.mark.parametrize(("options", "message"), [
    ({"events": {"sense_check": False}}, r"stage 'events' has no option 'sense_check' \(its options: bare_nouns"),
    ({"events": {"sense_checks": "no"}}, r"stage 'events' option 'sense_checks' must be bool, got 'no'"),
    ({"claims": {"tolerance": "5%"}}, r"stage 'claims' option 'tolerance' must be float, got '5%'"),
    ({"quotes": {"keep_unattributed": 1}}, r"stage 'quotes' option 'keep_unattributed' must be bool, got 1"),
    ({"times": {"anything": 1}}, r"stage 'times' has no option 'anything' \(its options: none\)"),
    ({"evnets": {}}, r"options given for stages that are not in the pipeline: \['evnets'\]"),
])
def test_unknown_or_ill_typed_options_are_w020(options, message):
    with pytest.raises(ConfigError, match="W020: " + message):
        load({"options": options})


def test_well_typed_options_load():
    nlp = load({"options": {"claims": {"tolerance": 0, "reference_csv": None}, "events": {"bare_nouns": False}}})
    assert nlp.options[nlp.stage_labels.index(get_stage("claims").label)]["tolerance"] == 0


def test_config_prints_every_option_with_its_type(capsys):
    from wirecoder.cli import main

    assert main(["config"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["option_types"]["events"]["sense_checks"].startswith("bool = True: ")
    assert printed["option_types"]["claims"]["reference_csv"].startswith("str | null = None")
    assert printed["options"]["events"] == {"sense_checks": True, "learned_confidence": True, "bare_nouns": True}
    # what it prints is a config, the same coder as the default
    assert load(printed).coder_version == load().coder_version


def test_the_registration_table_and_the_decorators_agree():
    stages = registered_stages()
    for name, module in BUILTIN_STAGES.items():
        assert stages[name].factory.__module__ == module, name
    builtin_modules = set(BUILTIN_STAGES.values())
    undeclared = [name for name, spec in stages.items()
                  if spec.factory.__module__ in builtin_modules and name not in BUILTIN_STAGES]
    assert undeclared == []
    assert all(stages[name].options is not None for name in BUILTIN_STAGES), "a built-in stage without typed options"


def test_the_scorer_table_and_the_decorators_agree():
    from wirecoder.evaluate import _SCORERS, available

    available()
    for (task, fmt), module in BUILTIN_SCORERS.items():
        assert _SCORERS[task][fmt].__module__ == module
        import_module(module)
    for task, formats in _SCORERS.items():
        for fmt, fn in formats.items():
            if fn.__module__.startswith("wirecoder."):
                assert (task, fmt) in BUILTIN_SCORERS, (task, fmt)
