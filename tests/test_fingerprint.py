"""Stage versions derived, not written (fingerprint.py): the coder version follows a stage's code,
its knowledge files and its options."""

from __future__ import annotations

import importlib
import sys

from wirecoder.fingerprint import module_closure, stage_fingerprint


def test_a_knowledge_file_changes_the_coder_version(tmp_path, monkeypatch):
    import wirecoder

    before = wirecoder.load().coder_version
    assert wirecoder.load().coder_version == before, "the same code and data give the same version"
    (tmp_path / "plover_verbs.tsv").write_text("pattern\ttype\tmode\tcameo\trole\nbombard\tASSAULT\t\t195\tsvo\n")
    monkeypatch.setenv("WIRECODER_KNOWLEDGE", str(tmp_path))
    assert wirecoder.load().coder_version != before


def test_a_module_edit_and_an_option_change_the_fingerprint(tmp_path, monkeypatch):
    module = tmp_path / "fp_probe_stage.py"
    module.write_text("def factory(options):\n    return lambda state: {}\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    probe = importlib.import_module("fp_probe_stage")
    first = stage_fingerprint(probe.factory, {})
    assert stage_fingerprint(probe.factory, {}) == first
    assert stage_fingerprint(probe.factory, {"strict": True}) != first
    module.write_text("def factory(options):\n    return lambda state: {'x': []}\n")
    probe = importlib.reload(probe)  # a new process would load the edited code
    assert stage_fingerprint(probe.factory, {}) != first
    sys.modules.pop("fp_probe_stage", None)


def test_the_same_code_defined_elsewhere_has_the_same_fingerprint():
    source = "def factory(options):\n    def run(state):\n        return {}\n    return run\n"
    one, two = {}, {}
    exec(compile(source, "script_one", "exec"), one)
    exec(compile("\n\n" + source, "script_two", "exec"), two)
    assert stage_fingerprint(one["factory"], {}) == stage_fingerprint(two["factory"], {})
    other = {}
    exec(compile(source.replace("{}", "{'x': []}"), "script_three", "exec"), other)
    assert stage_fingerprint(other["factory"], {}) != stage_fingerprint(one["factory"], {})


def test_the_event_stage_covers_its_own_modules():
    from wirecoder.registry import get_stage

    closure = module_closure(get_stage("events").factory.__module__)
    for name in ("wirecoder.extract.events", "wirecoder.extract.event_sense",
                 "wirecoder.extract.event_confidence", "wirecoder.extract.modality"):
        assert name in closure, name
