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


def test_a_document_just_over_the_limit_is_refused_before_cleaning(tmp_path, monkeypatch, capsys):
    """A 20 MB file was refused (W017) only after cleaning it: minutes and 1.7 GB. The length
    is checked where the document enters the pipeline, so cleaning never runs on it."""
    import json

    import wirecoder.stages
    from wirecoder.cli import main
    from wirecoder.errors import InputTooLarge
    from wirecoder.ingest import read_path
    from wirecoder.ingest.base import MAX_CHARS
    from wirecoder.store import ingest

    cleaned: list[int] = []
    real_clean = wirecoder.stages.clean
    monkeypatch.setattr(wirecoder.stages, "clean",
                        lambda text, **kw: cleaned.append(len(text)) or real_clean(text, **kw))
    light = load({"stages": ["clean"]})  # no parse: only this check stands in the way
    text = "word " * (MAX_CHARS // 5) + "x"
    assert len(text) == MAX_CHARS + 1
    path = tmp_path / "just-over.txt"
    path.write_text(text)
    for item in (text, next(read_path(path))):
        with pytest.raises(InputTooLarge, match="before cleaning"):
            light.analyze(item)
    assert light.analyze(text[:-1]).document.text  # at the limit: analysed
    assert cleaned == [MAX_CHARS]

    lines = tmp_path / "docs.jsonl"  # in a batch it costs its own line only
    lines.write_text(json.dumps({"text": "Rebels attacked a convoy."}) + "\n" +
                     json.dumps({"text": text}) + "\n")
    summary = ingest([lines], f"sqlite:///{tmp_path / 's.db'}", pipeline=light, progress=False)
    assert (summary.stored, summary.failed) == (1, 1) and summary.errors[0].startswith("W017")
    capsys.readouterr()
    assert main(["analyze", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "W017" in err[0], err
