"""Every `wirecoder` command the README shows in its shell blocks is read by the command line's
own parser, and every one that is safe offline is run (#22 item 4), so the README cannot drift
from the CLI.

- Parsed: each line in every variant its `a|b` alternatives give, optional `[...]` parts kept
  and placeholders (FILE, OUT, URL, ...) filled in; an option or a choice the CLI lacks fails.
- Run, in README order, in a scratch folder beside a link to ../shared (so the README's
  `../shared/seed/...` paths hold): the concrete lines, and each synopsis line in its minimal
  form (optional parts dropped, FILE / FOLDER / OUT given sample files). A command that
  returns non-zero fails the test with its stderr.
- Not run, each for a reason listed in NOT_RUN (and each reason must still match a README line,
  so the list cannot outlive what it excuses): evaluations over held data, the server, a
  download, PostgreSQL.
"""

from __future__ import annotations

import io
import re
import shlex
import sys
from dataclasses import dataclass

from conftest import REPO, SEED, SHARED, need

README = REPO / "README.md"
FENCE = re.compile(r"^```(\w*)\s*$")
SHELL_LANGS = {"", "sh", "shell", "bash", "console"}
# the README's placeholders (ASSAULT, MEX are values); a sample for those the minimal forms
# run with, the others (URL, TOKEN, ADDR) are only parsed
SAMPLES = {"FILE": "article.txt", "FOLDER_OR_FILES": "article.txt", "FOLDER": "news",
           "OUT": "out.export", "URL": None, "TOKEN": None, "ADDR": None}
NOT_RUN = {  # a substring of the line -> why it is only parsed
    "wirecoder eval ": "an evaluation over held data, minutes long (tests/evaluate run them)",
    "wirecoder serve": "a server: runs until stopped (tests/api start it)",
    "wirecoder gazetteer import": "needs a GeoNames dump you downloaded",
    "postgresql://": "needs a PostgreSQL server",
}


@dataclass
class Line:
    number: int
    text: str
    slots: list[list[str]]  # each slot: its alternatives
    depth: list[int]  # how many [ ] hold each slot
    stdin: str | None = None
    stdout: str | None = None


def _slots(tokens: list[str]) -> tuple[list[list[str]], list[int]]:
    slots: list[list[str]] = []
    depth: list[int] = []
    level, joining = 0, False
    for token in tokens:
        opens = len(token) - len(token.lstrip("["))
        closes = len(token) - len(token.rstrip("]"))
        bare = token.strip("[]")
        level += opens
        if bare == "|":
            joining = True
        elif bare and bare != "...":
            if joining and slots:
                slots[-1].append(bare)
            else:
                slots.append(bare.split("|") if "|" in bare and not bare.startswith("{") else [bare])
                depth.append(level)
            joining = False
        level -= closes
    return slots, depth


def readme_lines(text: str | None = None) -> list[Line]:
    lines, in_shell, fence = [], False, False
    pending = ""
    text = README.read_text("utf-8") if text is None else text
    for number, raw in enumerate(text.splitlines(), 1):
        m = FENCE.match(raw)
        if m:
            fence = not fence
            in_shell = fence and m.group(1) in SHELL_LANGS
            continue
        if not in_shell:
            continue
        command = pending + raw.strip()
        if command.endswith("\\"):
            pending = command[:-1] + " "
            continue
        pending = ""
        if not command.startswith("wirecoder "):
            continue
        tokens = shlex.split(command, comments=True)[1:]
        stdin = stdout = None
        for op in ("<", ">"):
            if op in tokens:
                i = tokens.index(op)
                if op == "<":
                    stdin = tokens[i + 1]
                else:
                    stdout = tokens[i + 1]
                del tokens[i:i + 2]
        slots, depth = _slots(tokens)
        lines.append(Line(number, command, slots, depth, stdin, stdout))
    return lines


def variants(line: Line) -> list[list[str]]:
    """Every alternative of every slot at least once, optional parts kept, placeholders filled."""
    widest = max((len(s) for s in line.slots), default=1)
    out = []
    for k in range(widest):
        argv = [s[min(k, len(s) - 1)] for s in line.slots]
        out.append([(SAMPLES[a] or "x") if a in SAMPLES else a for a in argv])
    return out


def minimal(line: Line) -> list[str] | None:
    """The line without its optional parts, placeholders given sample files; None when a
    placeholder has no sample (then it is only parsed)."""
    argv = []
    for slot, level in zip(line.slots, line.depth, strict=True):
        if level:
            continue
        a = slot[0]
        if a in SAMPLES:
            if SAMPLES[a] is None:
                return None
            a = SAMPLES[a]
        argv.append(a)
    return argv


def why_not_run(line: Line) -> str | None:
    return next((why for key, why in NOT_RUN.items() if key in line.text), None)


def test_the_readme_shows_commands_and_every_excuse_is_used():
    lines = readme_lines()
    assert len(lines) > 20, "the README's shell blocks list the commands"
    for key in NOT_RUN:
        assert any(key in line.text for line in lines), f"NOT_RUN has {key!r}, which no line has"


def parse_failures(lines: list[Line]) -> list[str]:
    from wirecoder.cli import _build_parser

    failed = []
    for line in lines:
        for argv in variants(line):
            err = io.StringIO()
            old, sys.stderr = sys.stderr, err
            try:
                _build_parser(argv).parse_args(argv)
            except SystemExit:
                failed.append(f"README line {line.number}: `wirecoder {' '.join(argv)}`: "
                              f"{err.getvalue().strip().splitlines()[-1]}")
            finally:
                sys.stderr = old
    return failed


def test_every_readme_command_parses():
    assert parse_failures(readme_lines()) == []


def test_a_drifted_line_is_caught():
    drifted = readme_lines("```\nwirecoder export --format acled|acled-csv OUT\n"
                           "wirecoder clusters [--min-sources 2] [--json | --yaml]\n"
                           "wirecoder events --country MEX   # fine\n```\n")
    assert [f.split(":")[0] for f in parse_failures(drifted)] == ["README line 2", "README line 3"]


def _sandbox(tmp_path, monkeypatch):
    """A scratch folder beside `shared` (a link to ../shared), with the sample files."""
    (tmp_path / "shared").symlink_to(SHARED, target_is_directory=True)
    work = tmp_path / "work"
    (work / "news").mkdir(parents=True)
    text = need(SEED).read_text("utf-8")
    (work / "article.txt").write_text(text, "utf-8")
    (work / "news" / "2025-01-31_cartel.txt").write_text(text, "utf-8")
    (work / "news.csv").write_text("file,published\n2025-01-31_cartel.txt,2025-01-31\n", "utf-8")
    monkeypatch.chdir(work)
    monkeypatch.delenv("WIRECODER_DB", raising=False)
    return work


def test_every_safe_readme_command_runs(tmp_path, monkeypatch, capsys):
    from wirecoder.cli import main

    work = _sandbox(tmp_path, monkeypatch)
    ran = []
    for line in readme_lines():
        argv = minimal(line)
        if argv is None or why_not_run(line):
            continue
        fed = (work / line.stdin).read_bytes() if line.stdin else b""
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(fed), encoding="utf-8"))
        code = main(argv)
        out, err = capsys.readouterr()
        assert code == 0, f"README line {line.number}: `wirecoder {' '.join(argv)}` -> {code}: {err}"
        if line.stdout:
            (work / line.stdout).write_text(out, "utf-8")
        ran.append(argv)
        if argv[0] == "export":
            written = next(a for a in argv[1:] if not a.startswith("-") and a not in
                           {"plover-jsonl", "polecat-tsv", "acled-csv", "gdelt-tsv", "parquet"})
            assert (work / written).exists(), f"README line {line.number} wrote no {written}"
    # what the README promises an analyst can do offline, end to end
    assert {"analyze", "ingest", "events", "export", "dedup", "clusters", "actors", "schema",
            "config"} <= {a[0] for a in ran}, ran
    assert ["events", "--type", "ASSAULT", "--country", "MEX", "--since", "2025-01-01",
            "--csv"] in ran, "values in capitals are values, not placeholders"
    assert (work / "my.json").read_text("utf-8").lstrip().startswith("{")
