"""Start-up (#26): the command line imports only what the command it runs needs.

`wirecoder --version` must not load the pipeline, pydantic, SQLAlchemy or any NLP, data-frame or
web library; `wirecoder events` on a store must not load spaCy, the dedup code, the web app or
Alembic; `wirecoder stages` and `wirecoder config` must not load spaCy.
Checked on the modules a fresh process imported, never on time (bench/startup.py times them).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
# Libraries no query command needs; each costs from tens of milliseconds (pydantic) to seconds.
NLP_AND_WEB = {"spacy", "thinc", "torch", "pandas", "pyarrow", "fastapi", "starlette", "uvicorn",
               "numpy", "scipy", "datasketch", "trafilatura", "lxml", "ray"}
# Our own modules that pull those in: the pipeline, the dedup code and the web app.
HEAVY_OURS = {"wirecoder.pipeline", "wirecoder.nlp", "wirecoder.dedup", "wirecoder.api.app",
              "wirecoder.gazetteer"}
PROBE = """
import json, sys
out, argv = sys.argv[1], sys.argv[2:]
try:
    from wirecoder.cli import main
    code = main(argv)
except SystemExit as exc:
    code = exc.code
with open(out, "w") as fh:
    json.dump({"code": code, "modules": sorted(sys.modules)}, fh)
"""


def _env() -> dict[str, str]:
    path = os.environ.get("PYTHONPATH")
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), *([path] if path else [])])}


def imported_by(tmp_path: Path, *argv: str) -> tuple[set[str], str]:
    """The modules a fresh `wirecoder ARGV` process imported, and its standard output."""
    out = tmp_path / "modules.json"
    proc = subprocess.run([sys.executable, "-c", PROBE, str(out), *argv], capture_output=True,
                          text=True, env=_env(), timeout=300)
    found = json.loads(out.read_text("utf-8"))
    assert found["code"] in (0, None), proc.stderr
    return set(found["modules"]), proc.stdout


def top_level(modules: set[str]) -> set[str]:
    return {m.split(".")[0] for m in modules} | modules


def test_version_imports_no_heavy_module():
    # `python -X importtime -m wirecoder --version`: what the issue measured, module by module
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "wirecoder", "--version"],
                          capture_output=True, text=True, env=_env(), timeout=300)
    assert proc.returncode == 0 and proc.stdout.startswith("wirecoder "), proc.stderr
    modules = {line.rsplit("|", 1)[1].strip() for line in proc.stderr.splitlines()
               if line.startswith("import time:") and "|" in line}
    assert "wirecoder.cli" in modules  # the timing lines were read
    heavy = NLP_AND_WEB | HEAVY_OURS | {"sqlalchemy", "alembic", "pydantic", "wirecoder.records",
                                        "wirecoder.store.repository"}
    assert top_level(modules) & heavy == set()


@pytest.fixture
def small_store(tmp_path) -> str:
    """A store holding one hand-made document with one event (no pipeline needed)."""
    from wirecoder.records import Analysis, Document, Event, Span
    from wirecoder.store import open_store

    text = "Gunmen attacked a police station in Culiacan on Monday."
    document = Document(id="doc_startup", text=text, original_text=text)
    event = Event(id="evt_startup", type="ASSAULT", trigger=Span.of(text, 7, 15), confidence=0.9)
    analysis = Analysis(coder_version="test", stages=["events"], document=document, events=[event])
    url = f"sqlite:///{tmp_path / 'small.db'}"
    with open_store(url) as store:
        assert store.save(analysis) == "stored"
    return url


def test_events_on_a_small_store_imports_no_nlp(tmp_path, small_store):
    modules, out = imported_by(tmp_path, "events", "--db", small_store, "--json")
    assert [e["id"] for e in json.loads(out)] == ["evt_startup"]  # the query ran
    assert top_level(modules) & (NLP_AND_WEB | HEAVY_OURS) == set()
    # a store at the newest migration is opened without Alembic (store/revision.py)
    assert "alembic" not in modules and "wirecoder.store.revision" in modules


@pytest.mark.parametrize("command", ["stages", "config"])
def test_listing_the_stages_and_their_options_loads_no_model(tmp_path, command):
    modules, out = imported_by(tmp_path, command)
    assert "parse" in out and "events" in out
    assert top_level(modules) & NLP_AND_WEB == set()


def test_the_documented_config_is_the_pipelines_and_checked_alike(pipeline):
    from wirecoder import PipelineConfig
    from wirecoder.errors import ConfigError
    from wirecoder.pipeline import documented_config

    assert documented_config(pipeline.config) == pipeline.documented_config()
    with pytest.raises(ConfigError):
        documented_config(PipelineConfig(disabled=["no_such_stage"]))
    with pytest.raises(ConfigError):
        documented_config(PipelineConfig(options={"parse": {"no_such_option": 1}}))


def test_each_command_imports_only_its_group():
    from wirecoder.cli import GROUPS, groups_for

    assert groups_for(["--version"]) == set() and groups_for(["--debug", "--version"]) == set()
    assert groups_for(["analyze", "a.txt", "--json"]) == set()
    for group, (_module, _adder, names) in GROUPS.items():
        for name in names:
            assert groups_for(["--debug", name, "--db", "x.db"]) == {group}
    # listing the commands (help, a missing or an unknown one) needs them all
    for argv in ([], ["--help"], ["--version", "-h"], ["evnets"]):
        assert groups_for(argv) == set(GROUPS)


def test_the_group_table_names_what_each_group_adds():
    from importlib import import_module

    from wirecoder.cli import CORE_COMMANDS, GROUPS

    for module, adder, names in GROUPS.values():
        sub = argparse.ArgumentParser().add_subparsers()
        handlers = getattr(import_module(module), adder)(sub, None)
        assert set(sub.choices) == set(handlers) == set(names), module
        assert not CORE_COMMANDS & set(names)


def test_help_lists_every_command(capsys):
    from wirecoder.cli import CORE_COMMANDS, GROUPS, main

    with pytest.raises(SystemExit):
        main(["--help"])
    listed = capsys.readouterr().out
    for name in CORE_COMMANDS | {n for _m, _a, names in GROUPS.values() for n in names}:
        assert name in listed


def test_the_public_api_is_unchanged_and_imported_on_use(tmp_path):
    import wirecoder
    from wirecoder import pipeline, records

    assert wirecoder.analyze is pipeline.analyze and wirecoder.load is pipeline.load
    assert wirecoder.Pipeline is pipeline.Pipeline and wirecoder.Analysis is records.Analysis
    assert wirecoder.SCHEMA_VERSION == records.SCHEMA_VERSION
    assert set(wirecoder.__all__) <= set(dir(wirecoder))
    namespace: dict = {}
    exec("from wirecoder import *", namespace)
    assert set(wirecoder.__all__) <= set(namespace)
    with pytest.raises(AttributeError):
        wirecoder.no_such_name  # noqa: B018
    # a bare `import wirecoder` loads none of it
    proc = subprocess.run([sys.executable, "-c", "import sys, wirecoder; print(sorted(sys.modules))"],
                          capture_output=True, text=True, env=_env(), timeout=300)
    assert "'pydantic'" not in proc.stdout and "'wirecoder.pipeline'" not in proc.stdout
