import pytest

from wirecoder import Pipeline, PipelineConfig, load
from wirecoder.errors import ConfigError
from wirecoder.registry import get_stage, registered_stages, stage


def test_stages_declare_needs_and_outputs():
    stages = registered_stages()
    for name in PipelineConfig().stages:
        assert name in stages
    assert get_stage("parse").requires == ("document",)
    assert "spacy" in get_stage("parse").assigns


def test_disabling_a_stage_removes_its_records(seed_text):
    nlp = load({"disabled": ["places"]})
    analysis = nlp.analyze(seed_text, published="2025-01-31")
    assert analysis.places == []
    assert "places@2" not in analysis.stages
    assert analysis.actors and analysis.events


def test_events_need_quotes():
    with pytest.raises(ConfigError, match="needs \\['quotes'\\]"):
        load({"disabled": ["quotes"]})


def test_missing_requirement_is_a_config_error():
    with pytest.raises(ConfigError, match="needs"):
        Pipeline(PipelineConfig(disabled=["parse"]))
    with pytest.raises(ConfigError, match="unknown stage"):
        Pipeline(PipelineConfig(stages=["clean", "no_such_stage"]))


def test_two_stages_may_not_assign_the_same_records():
    with pytest.raises(ConfigError, match="already assigned"):
        Pipeline(PipelineConfig(stages=["clean", "parse", "times_ner", "times_ner"]))


def test_a_stage_cannot_write_what_it_did_not_declare():
    @stage("test_rogue", requires=("document",), assigns=("times",))
    def make(options):
        return lambda state: {"places": []}

    nlp = Pipeline(PipelineConfig(stages=["clean", "test_rogue"]))
    with pytest.raises(ConfigError, match="undeclared"):
        nlp.analyze("Some text here.")


def test_pipe_matches_analyze(pipeline):
    texts = ["Rebels attacked a convoy near Goma on Tuesday.",
             "The minister said on Friday that talks would resume in Doha."]
    piped = list(pipeline.pipe(texts, batch_size=1))
    single = [pipeline.analyze(t) for t in texts]
    assert [a.model_dump() for a in piped] == [a.model_dump() for a in single]


def test_config_round_trip(tmp_path):
    config = PipelineConfig(disabled=["places"], options={"quotes": {"keep_unattributed": True}, "times": {}})
    path = tmp_path / "c.json"
    import json
    path.write_text(json.dumps(config.to_dict()))
    again = PipelineConfig.from_file(path)
    assert again == config and again.digest() == config.digest()
    assert load(path).stage_labels == Pipeline(config).stage_labels
