"""The event coder's knowledge as tables (issue #18): one PLOVER type table that the coder and the
evaluation read, codings and idioms as rows with examples, and a type missing from the table an
error (W023), never a silent neutral in the penta scores."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from wirecoder.errors import KnowledgeError
from wirecoder.evaluate.events import PENTA, PredEvent, penta_class
from wirecoder.knowledge import load_tsv
from wirecoder.knowledge.plover import check_coded_types, plover_types

SRC = Path(__file__).resolve().parents[3] / "src"


def test_every_type_the_coder_can_emit_has_a_penta_class():
    coded = check_coded_types()
    assert {"ASSAULT", "THREATEN", "AGREE", "REQUEST"} <= coded
    assert coded <= set(PENTA)
    assert {PENTA[t] for t in coded} == {1, 2, 3, 4}


def test_a_predicted_type_without_a_row_is_an_error_not_neutral():
    assert penta_class([]) == 0
    assert penta_class([PredEvent(type="ASSAULT")]) == 4
    with pytest.raises(KnowledgeError) as raised:
        penta_class([PredEvent(type="EXPLODE")])
    assert str(raised.value).startswith("W023: ")


def _run(code: str, knowledge: Path) -> subprocess.CompletedProcess:
    """`code` in a fresh process (the tables are read once per process) with the user's tables."""
    env = {**os.environ, "WIRECODER_KNOWLEDGE": str(knowledge), "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300)


def test_a_user_lexicon_type_without_a_type_row_is_refused_not_coded(tmp_path):
    """A user's trigger naming a type with no row is one W024 line and is skipped; the coder runs
    (a shipped table naming one still stops it with W023: `check_coded_types`)."""
    (tmp_path / "plover_verbs.tsv").write_text("pattern\ttype\tmode\tcameo\trole\ndetonate\tEXPLODE\t\t183\tsvo\n")
    done = _run("from wirecoder.knowledge.plover import check_coded_types\n"
                "print('EXPLODE' in check_coded_types())\n", tmp_path)
    assert done.stdout == "False\n", done.stderr
    assert done.stderr.startswith("W024: ") and done.stderr.count("\n") == 1, done.stderr
    assert "plover_verbs.tsv:2: event type EXPLODE has no row in plover_types.tsv" in done.stderr


def test_a_new_type_trigger_and_veto_need_data_only(tmp_path):
    """A user adds a type, its trigger and a veto in data files (README: "Extending the event
    coder"); the coder emits the type, the evaluation knows its penta class, and the veto drops
    the trigger's other sense."""
    (tmp_path / "plover_types.tsv").write_text(
        "type\tcameo\tpenta\tthreat_mode\tthreat_cameo\ttarget_preps\tgroups\texample\n"
        "EXPLODE\t183\t4\t\t\t\tconflict,violence\tthe militants detonated a car bomb\n")
    (tmp_path / "plover_verbs.tsv").write_text("pattern\ttype\tmode\tcameo\trole\ndetonate\tEXPLODE\tbomb\t183\tsvo\n")
    (tmp_path / "event_senses.tsv").write_text(
        "trigger\ttypes\twhen\tvalues\tsense\texample\n"
        "detonate\tEXPLODE\tobject\tfirework\tother_sense\tvillagers detonated fireworks at the festival\n")
    done = _run("import wirecoder\n"
                "from wirecoder.evaluate.events import penta_class, predicted_events\n"
                "a = wirecoder.analyze('Militants detonated a car bomb at the checkpoint.')\n"
                "print([(e.type, e.cameo) for e in a.events], penta_class(predicted_events(a)))\n"
                "b = wirecoder.analyze('Villagers detonated fireworks at the festival.')\n"
                "print([e.type for e in b.events])\n", tmp_path)
    assert done.stdout.splitlines() == ["[('EXPLODE', '183')] 4", "[]"], done.stderr


def test_the_types_table_is_well_formed():
    rows = load_tsv("plover_types.tsv")
    assert len({r["type"] for r in rows}) == len(rows)
    for row in rows:
        assert row["example"] and row["cameo"].isdigit()
    groups = {g for t in plover_types().values() for g in t.groups}
    doc = sys.modules["wirecoder.knowledge.plover"].__doc__
    assert all(f"    {g} " in doc for g in groups), "every group is documented in knowledge/plover.py"


def _events(pipeline, sentence: str) -> list[tuple]:
    return [(e.type, e.mode, e.cameo, e.trigger.text) for e in pipeline.analyze(sentence).events]


@pytest.mark.parametrize("row", [r for r in load_tsv("plover_types.tsv") if r["groups"]],
                         ids=lambda r: r["type"])
def test_each_type_example_codes_its_type(pipeline, row):
    assert row["type"] in [e[0] for e in _events(pipeline, row["example"])]


@pytest.mark.parametrize("row", load_tsv("event_codings.tsv"), ids=lambda r: r["name"])
def test_each_coding_example_codes_its_row(pipeline, row):
    found = _events(pipeline, row["example"])
    assert any(t == row["type"] and c == row["cameo"] for t, _, c, _ in found), found


@pytest.mark.parametrize("row", load_tsv("event_idioms.tsv"), ids=lambda r: f"{r['prep']} {r['noun']}")
def test_each_idiom_example_codes_its_type(pipeline, row):
    found = _events(pipeline, row["example"])
    assert any(t == row["type"] and trig.startswith(row["prep"]) for t, _, _, trig in found), found


# -- English word classes (lang/en/event_words.tsv) ------------------------------------------------

WORDS = SRC / "wirecoder" / "lang" / "en" / "event_words.tsv"


def test_each_word_class_is_described_and_read_by_the_coder():
    from wirecoder.lang.en import table

    classes = {row["class"] for row in table("event_words")}
    described = {line[2:].partition(":")[0] for line in WORDS.read_text("utf-8").splitlines()
                 if line.startswith("# ") and ":" in line}
    assert classes <= described, classes - described
    extract = SRC / "wirecoder" / "extract"
    code = "".join(p.read_text("utf-8") for p in [*extract.glob("event*.py"), extract / "modality.py"])
    assert {c for c in classes if f'event_words("{c}")' not in code} == set(), "a class no module reads"
    rows = table("event_words")
    assert len({(r["word"], r["class"]) for r in rows}) == len(rows), "a word listed twice in a class"


def test_an_unknown_word_class_is_an_error():
    from wirecoder.extract.event_tables import event_words

    assert "launch" in event_words("light_verb")
    with pytest.raises(KnowledgeError):
        event_words("no_such_class")


def test_each_word_example_shows_its_word():
    """The example holds the word, as the coder reads it (its lemma, with the lemma fixes: "staged"
    is "stage"). A hyphenated word is looked for in the text: the tokenizer splits it."""
    from wirecoder.extract.common import lemma
    from wirecoder.lang.en import table
    from wirecoder.nlp import load_nlp

    rows = table("event_words")
    missing = []
    for row, doc in zip(rows, load_nlp().pipe(r["example"] for r in rows), strict=True):
        word = row["word"]
        forms = {t.lower_ for t in doc} | {lemma(t) for t in doc}
        # a hyphenated word or a pair ("rather than") is looked for in the text
        if word not in forms and not (("-" in word or " " in word) and word in row["example"].lower()):
            missing.append((word, row["class"], row["example"]))
    assert missing == []


def test_a_misspelt_group_is_an_error_not_a_rule_switched_off():
    from wirecoder.extract.event_tables import _types_named
    from wirecoder.knowledge.plover import types_in

    assert types_in("conflict") >= {"ASSAULT", "THREATEN"}
    assert _types_named("AGREE,refusable") >= {"AGREE", "RETREAT"}
    for bad in ("conflcit", "AGREE,no_such_group"):
        with pytest.raises(KnowledgeError):
            _types_named(bad)
