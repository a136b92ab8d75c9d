"""Adding a trigger or a veto with data files only (README: "Adding a trigger or a veto", #18).

A user's rows in WIRECODER_KNOWLEDGE are appended to the shipped tables; a row that cannot be read
is one W024 line naming its file and line, and the rest loads. Each test runs a fresh process:
the tables are read once per process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[3] / "src"
NEW_VERB = "Fighter jets strafed the convoy near the border on Monday."
VETOED = "Frost killed the vines near Bordeaux."
KEPT = "Gunmen killed two guards near Bordeaux."
SHOW = ("import wirecoder\n"
        "for text in {texts!r}:\n"
        "    print([(e.type, e.mode, e.trigger.text) for e in wirecoder.analyze(text).events])\n")


def _run(knowledge: Path | None, *texts: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "WIRECODER_KNOWLEDGE"} | {"PYTHONPATH": str(SRC)}
    if knowledge is not None:
        env["WIRECODER_KNOWLEDGE"] = str(knowledge)
    return subprocess.run([sys.executable, "-c", SHOW.format(texts=texts)], env=env,
                          capture_output=True, text=True, timeout=300)


def _write(folder: Path, name: str, *lines: str) -> None:
    (folder / name).write_text("".join(line + "\n" for line in lines), "utf-8")


def test_a_trigger_and_a_veto_added_by_data_only(tmp_path):
    before = _run(None, NEW_VERB, VETOED, KEPT)
    assert before.stdout.splitlines()[:2] == ["[]", "[('ASSAULT', None, 'killed')]"], before.stderr
    # the trigger: a verb the shipped lexicon lacks; the veto: "kill" whose subject is frost
    _write(tmp_path, "plover_verbs.tsv", "pattern\ttype\tmode\tcameo\trole",
           "strafe\tASSAULT\taerial\t195\tsvo")
    _write(tmp_path, "event_senses.tsv", "trigger\ttypes\twhen\tvalues\tsense\texample",
           "kill\tASSAULT\tsubject\tfrost\tother_sense\tfrost killed the vines in the valley")
    after = _run(tmp_path, NEW_VERB, VETOED, KEPT)
    assert after.stdout.splitlines() == ["[('ASSAULT', 'aerial', 'strafed')]", "[]",
                                         before.stdout.splitlines()[2]], after.stderr
    assert "W024" not in after.stderr


def test_a_bad_user_row_is_one_coded_line_and_the_rest_loads(tmp_path):
    _write(tmp_path, "plover_verbs.tsv", "pattern\ttype\tmode\tcameo\trole",
           "# a comment line keeps the numbering honest",
           "detonate\tEXPLODE\tbomb\t183\tsvo",  # a type with no row in plover_types.tsv
           "strafe\tASSAULT\taerial\t195\tsvo",
           "pummel\tASSAULT\t\t190\tsov")  # a role the coder does not know
    _write(tmp_path, "event_senses.tsv", "trigger\ttypes\twhen\tvalues\tsense\texample",
           "kill\tASSAULT\tsubjcet\tfrost\tother_sense\tfrost killed the vines in the valley",
           "kill\tASSAULT\tsubject\tfrost\tother_sense\t")  # no example
    _write(tmp_path, "event_words.tsv", "word\tclass\texample", "unleash\tlight_verbz\tthey unleashed an attack")
    done = _run(tmp_path, NEW_VERB, VETOED)
    assert done.stdout.splitlines() == ["[('ASSAULT', 'aerial', 'strafed')]", "[('ASSAULT', None, 'killed')]"], done.stderr
    bad = sorted(line for line in done.stderr.splitlines() if "W024" in line)
    verbs, senses, words = (str(tmp_path / n) for n in ("plover_verbs.tsv", "event_senses.tsv", "event_words.tsv"))
    wanted = sorted([f"W024: {verbs}:3: event type EXPLODE has no row in plover_types.tsv",
                     f"W024: {verbs}:5: role 'sov' is none of",
                     f"W024: {senses}:2: when 'subjcet' is none of",
                     f"W024: {senses}:3: empty example",
                     f"W024: {words}:2: class 'light_verbz' is none of"])
    assert len(bad) == len(wanted), done.stderr
    for line, start in zip(bad, wanted, strict=True):
        assert line.startswith(start) and line.endswith("; row skipped"), (line, start)
