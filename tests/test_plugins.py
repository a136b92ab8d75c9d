"""Plugin hooks: a user's stages and scorers load through entry points or WIRECODER_PLUGINS, take
part in pipelines and `wirecoder eval` like the built-in ones, fail with W022, and every hook is
documented in the README."""

from __future__ import annotations

import sys
import textwrap
import uuid
from pathlib import Path

import pytest

import wirecoder
from wirecoder import plugins
from wirecoder.errors import WirecoderError
from wirecoder.evaluate import available, run_eval

README = Path(__file__).resolve().parents[1] / "README.md"
QUOTED = "“We will defend every town on the border,” the governor said on Monday."


def _module(folder: Path, body: str) -> str:
    """A uniquely named module in `folder` (on sys.path); returns its name."""
    name = f"wc_plugin_{uuid.uuid4().hex[:10]}"
    (folder / f"{name}.py").write_text(textwrap.dedent(body), encoding="utf-8")
    return name


@pytest.fixture
def plugin_dir(tmp_path, monkeypatch):
    monkeypatch.syspath_prepend(str(tmp_path))
    return tmp_path


def test_a_stage_named_in_the_environment_replaces_a_builtin(plugin_dir, monkeypatch):
    stage_name = f"quotes_none_{uuid.uuid4().hex[:6]}"
    module = _module(plugin_dir, f"""
        from wirecoder.registry import stage

        @stage("{stage_name}", requires=("document", "spacy"), assigns=("quotes",), version="7")
        def make(options):
            \"\"\"Finds no quotes (a plugin test).\"\"\"
            return lambda state: {{"quotes": []}}
    """)
    monkeypatch.setenv(plugins.ENV_VAR, module)
    builtin = wirecoder.load({"stages": ["clean", "parse", "sentences", "quotes_simple"]})
    assert builtin.analyze(QUOTED).quotes, "the built-in stage finds the quote"
    plugged = wirecoder.load({"stages": ["clean", "parse", "sentences", stage_name]})
    analysis = plugged.analyze(QUOTED)
    assert analysis.quotes == [] and f"{stage_name}@7" in analysis.stages
    assert plugged.coder_version != builtin.coder_version


def test_a_scorer_from_an_installed_entry_point(plugin_dir, monkeypatch):
    monkeypatch.delenv(plugins.ENV_VAR, raising=False)
    module = _module(plugin_dir, """
        from wirecoder.evaluate import scorer

        @scorer("wordcount", "lines")
        def score(path, pipeline, limit=None, **options):
            lines = path.read_text("utf-8").splitlines()[:limit]
            return {"n": len(lines), "words": sum(len(x.split()) for x in lines)}
    """)
    # An installed distribution, as pip would leave it: metadata with an entry point.
    dist = plugin_dir / f"{module}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {module}\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text(f"[wirecoder.scorers]\nwordcount = {module}\n")
    plugins._loaded.clear()
    assert "lines" in available()["wordcount"]
    data = plugin_dir / "gold.txt"
    data.write_text("one two three\nfour five\n", encoding="utf-8")
    assert run_eval("wordcount", data)["words"] == 5


def test_a_broken_plugin_is_a_coded_error(plugin_dir, monkeypatch):
    module = _module(plugin_dir, "raise RuntimeError('half-installed')\n")
    monkeypatch.setenv(plugins.ENV_VAR, module)
    with pytest.raises(WirecoderError) as caught:
        plugins.load_plugins("wirecoder.stages")
    assert caught.value.code == "W022"
    assert module in str(caught.value) and "half-installed" in str(caught.value)
    sys.modules.pop(module, None)


def test_unknown_hook_is_a_coded_error():
    with pytest.raises(WirecoderError) as caught:
        plugins.load_plugins("wirecoder.nothing")
    assert caught.value.code == "W022"


def test_every_hook_is_documented():
    readme = README.read_text("utf-8")
    for group in plugins.HOOKS:
        assert f"`{group}`" in readme, f"README does not document the plugin hook {group}"
    assert plugins.ENV_VAR in readme
    assert "| W022 |" in readme


def test_a_stage_version_bump_changes_the_coder_version(monkeypatch):
    """The store reprocesses by coder version: a new stage version must give a new one."""
    from dataclasses import replace

    from wirecoder import registry

    config = {"stages": ["clean", "parse", "sentences", "quotes_simple"]}
    before = wirecoder.load(config).coder_version
    spec = registry.get_stage("quotes_simple")
    monkeypatch.setitem(registry._STAGES, "quotes_simple", replace(spec, version=spec.version + "b"))
    after = wirecoder.load(config).coder_version
    assert before != after and before.split(" stages ")[0] == after.split(" stages ")[0]
