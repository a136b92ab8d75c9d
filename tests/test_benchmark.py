"""`wirecoder bench`: each stage timed against the parse floor measured in the same run."""

from __future__ import annotations

import json

import wirecoder
from wirecoder.benchmark import render_benchmark, run_benchmark
from wirecoder.cli import main

TEXTS = ["The army attacked the town on Monday, officials said.",
         "Police arrested 12 people in Fronton, Texas, after a gunfight on Friday.",
         "“We will impose tariffs of 25 percent,” the president said in Washington."]


def test_every_stage_is_timed_against_the_floor():
    pipeline = wirecoder.load({"stages": ["clean", "parse", "sentences", "times"]})
    result = run_benchmark(TEXTS, pipeline, repeat=1)
    assert list(result["stages"]) == ["clean", "parse", "sentences", "times"]
    assert result["texts"] == 3 and result["words"] > 20 and result["parse_floor_seconds"] > 0
    for row in result["stages"].values():
        assert row["seconds"] >= 0
        assert abs(row["over_parse"] - row["seconds"] / result["parse_floor_seconds"]) < 0.01
    assert abs(result["pipeline_seconds"]
               - sum(r["seconds"] for r in result["stages"].values())) < 0.001
    table = render_benchmark(result)
    assert "x parse floor" in table and "times" in table


def test_bench_command(tmp_path, capsys):
    path = tmp_path / "two.jsonl"
    path.write_text("".join(json.dumps({"text": t}) + "\n" for t in TEXTS[:2]), encoding="utf-8")
    assert main(["bench", str(path), "--repeat", "1", "--disable", "claims", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["texts"] == 2 and "claims" not in result["stages"]
    assert "events" in result["stages"] and result["pipeline_over_parse"] > 0


def test_bench_without_documents_is_a_coded_error(tmp_path, capsys):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["bench", str(empty), "--repeat", "1"]) == 2
    assert "W01" in capsys.readouterr().err
