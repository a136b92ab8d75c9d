"""The command line as a user meets it: exit codes, one-line coded errors, JSON output."""

import json
import subprocess
import sys

import jsonschema

from wirecoder.cli import main
from wirecoder.records import analysis_json_schema


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "wirecoder.cli", *args], input=stdin,
                          capture_output=True, text=True)


def test_analyze_seed_json_validates(tmp_path, seed_text):
    p = tmp_path / "seed.txt"
    p.write_text(seed_text)
    out = run("analyze", str(p), "--published", "2025-01-31", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    jsonschema.validate(data, analysis_json_schema())
    assert len(data["document"]["dropped"]) == 3
    assert data["document"]["published"].startswith("2025-01-31")


def test_analyze_report_sections(capsys, seed_text, tmp_path):
    p = tmp_path / "seed.txt"
    p.write_text(seed_text)
    assert main(["analyze", str(p), "--published", "2025-01-31", "--color", "never"]) == 0
    report = capsys.readouterr().out
    for section in ("Document", "Dropped text (3)", "Actors", "Events", "Quotes",
                    "Numbers & claims", "Times", "Places"):
        assert section in report
    assert "duplicate_title" in report and report.count("duplicate_caption") == 2


def test_jsonl_output_one_line_per_document(tmp_path):
    p = tmp_path / "docs.jsonl"
    p.write_text('{"text": "Rebels attacked a convoy near Goma on Tuesday."}\n'
                 '{"text": "The minister said talks would resume."}\n')
    out = run("analyze", str(p), "--jsonl")
    assert out.returncode == 0, out.stderr
    lines = out.stdout.strip().splitlines()
    assert len(lines) == 2
    assert [json.loads(x)["document"]["text"] for x in lines][1] == "The minister said talks would resume."


def test_stdin():
    out = run("analyze", "-", "--json", stdin="Officials in Kyiv said the talks failed.")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["document"]["source"] == "stdin"


def test_errors_are_one_line_with_a_code(tmp_path):
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x00\x01\x02")
    latin = tmp_path / "l.txt"
    latin.write_bytes(b"caf\xe9")
    cases = [
        (["analyze", str(tmp_path / "nope.txt")], "W010"),
        (["analyze", str(binary)], "W011"),
        (["analyze", str(latin)], "W012"),
        (["analyze", "-"], "W013"),
        (["analyze", str(latin), "--published", "someday"], "W014"),
        (["analyze", str(latin), "--published", "2025-01-31T09:00:00+25:00"], "W014"),
        (["analyze", str(latin), "--published", "01/02/2025"], "W014"),
        (["analyze", "-", "--disable", "parse"], "W020"),
        (["eval", "quotes", "--data", str(tmp_path / "no-such-gold")], "W030"),
    ]
    for args, code in cases:
        out = run(*args, stdin="" if "-" in args else None)
        assert out.returncode == 2, (args, out.stdout, out.stderr)
        lines = out.stderr.strip().splitlines()
        assert len(lines) == 1 and f"{code}:" in lines[0], (args, out.stderr)
        assert "Traceback" not in out.stderr


def test_an_internal_error_is_one_line_too(monkeypatch, capsys):
    """A database error's message goes on with its SQL and parameters (a PostgreSQL DataError
    printed 8 lines, a 5,000-character id among them): W099 says its first line only."""
    from wirecoder import cli

    def crash(args):
        raise RuntimeError("(psycopg.DataError) cannot hold NUL\n[SQL: SELECT ...]\n[parameters: x]")

    monkeypatch.setitem(cli.COMMANDS, "schema", crash)
    assert main(["schema"]) == 3
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("wirecoder: W099: internal error (RuntimeError: (psycopg.DataError) "
                           "cannot hold NUL); rerun with --debug"), line


def test_schema_and_stages_commands():
    out = run("schema")
    assert out.returncode == 0
    assert json.loads(out.stdout)["title"] == "Analysis"
    out = run("stages")
    assert "parse@1" in out.stdout and "clean@1" in out.stdout
