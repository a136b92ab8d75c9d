"""Stage versions derived, not written (fingerprint.py): the coder version follows a stage's code,
its knowledge files and its options."""

from __future__ import annotations

import importlib
import shutil
import sys
from pathlib import Path

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


def test_the_event_stage_covers_its_tables_in_knowledge_and_lang():
    from wirecoder.fingerprint import _knowledge_files
    from wirecoder.registry import get_stage

    closure = module_closure(get_stage("events").factory.__module__)
    names = {p.parent.name + "/" + p.name for p in _knowledge_files(tuple(sorted(closure.values())))}
    assert {"knowledge/plover_types.tsv", "knowledge/event_codings.tsv", "knowledge/event_idioms.tsv",
            "en/event_words.tsv"} <= names


def test_a_word_list_the_loader_reads_changes_the_coder_version(tmp_path, monkeypatch):
    # lang/en lists are named to the loader without their ending (`words("months", ...)`): a
    # stage covers them all the same, here the time tagger's months in a temporary copy
    import wirecoder
    from wirecoder import fingerprint

    lang = tmp_path / "en"
    shutil.copytree(Path(fingerprint.__file__).parent / "lang" / "en", lang)
    monkeypatch.setattr(fingerprint, "_DATA_DIRS", (fingerprint._KNOWLEDGE, lang))
    monkeypatch.setattr(fingerprint, "_FACTS", fingerprint.FileFacts(tmp_path))
    before = wirecoder.load().coder_version
    with (lang / "months.tsv").open("a", encoding="utf-8") as f:
        f.write("sept.\t9\tabbreviation\n")
    assert wirecoder.load().coder_version != before


def test_each_stage_covers_the_word_lists_it_reads():
    from wirecoder.fingerprint import _knowledge_files
    from wirecoder.registry import get_stage

    def lists(stage_name):
        closure = module_closure(get_stage(stage_name).factory.__module__)
        return {p.name for p in _knowledge_files(tuple(sorted(closure.values()))) if p.parent.name == "en"}

    assert {"months.tsv", "weekdays.tsv"} <= lists("times")
    assert {"speech_verbs.tsv", "pronouns.tsv", "non_speakers.tsv"} <= lists("quotes")
    assert {"place_nouns.tsv", "name_words.tsv", "titles.tsv"} <= lists("places")


# -- what a process learns about the files, kept for the next one (#26) ---------------------------


def test_a_new_process_parses_no_file_an_earlier_one_read(tmp_path, monkeypatch):
    from wirecoder import fingerprint
    from wirecoder.registry import get_stage

    factory = get_stage("events").factory
    first = fingerprint.FileFacts(tmp_path)
    monkeypatch.setattr(fingerprint, "_FACTS", first)
    expected = stage_fingerprint(factory, {})
    assert (tmp_path / fingerprint.FACTS_FILE).is_file() and not first.dirty

    def no_parse(*args, **kwargs):
        raise AssertionError("a module was parsed again")

    later = fingerprint.FileFacts(tmp_path)  # what a new process starts from
    monkeypatch.setattr(fingerprint, "_FACTS", later)
    monkeypatch.setattr(fingerprint.ast, "parse", no_parse)
    assert stage_fingerprint(factory, {}) == expected
    assert not later.dirty  # every fact came from the file


def test_file_facts_follow_the_file_and_survive_a_bad_cache(tmp_path):
    from wirecoder.fingerprint import FACTS_FILE, FileFacts

    data = tmp_path / "table.tsv"
    data.write_text("a\tb\n")
    facts = FileFacts(tmp_path / "cache")
    assert facts.get("len", data, lambda p: len(p.read_text())) == 4
    facts.save()
    data.write_text("a\tb\nc\td\n")  # changed: read again, not the remembered answer
    assert FileFacts(tmp_path / "cache").get("len", data, lambda p: len(p.read_text())) == 8
    (tmp_path / "cache" / FACTS_FILE).write_text("{not json")
    assert FileFacts(tmp_path / "cache").get("len", data, lambda p: len(p.read_text())) == 8
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would go")
    facts = FileFacts(blocked)
    assert facts.get("len", data, lambda p: len(p.read_text())) == 8
    facts.save()  # cannot be written: no error, the facts are simply read again next time


def test_facts_of_deleted_files_are_dropped(tmp_path):
    import json

    from wirecoder.fingerprint import FACTS_FILE, FileFacts

    keep, gone = tmp_path / "keep.txt", tmp_path / "gone.txt"
    keep.write_text("k")
    gone.write_text("g")
    facts = FileFacts(tmp_path / "cache")
    for path in (keep, gone):
        facts.get("size", path, lambda p: p.stat().st_size)
    gone.unlink()
    facts.save()
    saved = json.loads((tmp_path / "cache" / FACTS_FILE).read_text())
    assert [k.partition(":")[2] for k in saved] == [str(keep)]


def test_installed_data_beside_a_module_is_covered(tmp_path):
    """A file a module names in its `data/` folder (the gazetteer's vendored table's source
    record, written by `make gazetteer`) counts like a knowledge file: vendoring the table, or
    another version of it, changes the places stage's version."""
    from wirecoder.fingerprint import _knowledge_files

    module = tmp_path / "probe_mod.py"
    module.write_text('SOURCE = "probe_source.json"\n')
    assert _knowledge_files((module,)) == []
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "probe_source.json").write_text('{"sha256": "1"}')
    assert _knowledge_files((module,)) == [tmp_path / "data" / "probe_source.json"]


def test_the_places_stage_covers_the_vendored_table():
    from wirecoder.gazetteer import vendored

    closure = module_closure("wirecoder.extract.places")
    assert "wirecoder.gazetteer.vendored" in closure, "the places stage must see the vendored data"
    if vendored.source() is not None:
        from wirecoder.fingerprint import _knowledge_files

        assert vendored.DATA_DIR / vendored.SOURCE in _knowledge_files(tuple(closure.values()))
