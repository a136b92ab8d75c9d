"""The actors scorer: how NGEC's expectations are read, on handwritten cases, and its floor on the
shared cases (skipped when ../shared/data is absent)."""

from __future__ import annotations

import json

import pytest

from wirecoder.evaluate import run_eval
from wirecoder.evaluate.actors import case_date, expectations, part_of


def test_a_null_code_expects_no_country_and_no_sector():
    country_ok, sector_ok = expectations({"expect": {"code__Is": None}})
    assert country_ok("") and not country_ok("USA")
    assert sector_ok("") and not sector_ok("GOV")


def test_unknown_and_junk_sectors_expect_an_uncoded_actor():
    for code in ("UNK", "JNK", ""):
        _, sector_ok = expectations({"expect": {"code_1": code}})
        assert sector_ok("") and not sector_ok("CVL")


def test_search_nat_reads_cc_and_not_equal_reads_as_any_other_country():
    country_ok, sector_ok = expectations({"expect": {"cc": "GBR", "text": ""}})
    assert country_ok("GBR") and not country_ok("USA") and sector_ok is None
    country_ok, _ = expectations({"expect": {"country__NotEq": "GBR"}})
    assert country_ok("") and country_ok("KEN") and not country_ok("GBR")


def test_a_sector_among_several_allowed_and_an_unreadable_one_is_not_scored():
    _, sector_ok = expectations({"expect": {"code_1__In": ["PTY", "REB"]}})
    assert sector_ok("REB") and not sector_ok("GOV")
    assert expectations({"expect": {"code_1": "????", "country": "MNG"}})[1] is None


def test_undated_and_today_cases_are_coded_at_the_reference_day():
    assert case_date(None, "2023-03-31") == "2023-03-31"
    assert case_date("Today", "2023-03-31") == "2023-03-31"
    assert case_date("1 January 2018", "2023-03-31") == "2018-01-01"
    assert case_date("October 1, 2021", "2023-03-31") == "2021-10-01"


def test_parts_split_the_cases_in_two_stable_halves():
    cases = [{"test": f"t{i}", "input": f"x{i}"} for i in range(200)]
    parts = [part_of(c) for c in cases]
    assert parts == [part_of(c) for c in cases]
    assert 60 < parts.count("tune") < 140


def test_the_scorer_codes_a_small_file(tmp_path, pipeline):
    rows = [{"test": "a", "call": "agent_to_code", "input": "Mexican authorities", "context": "",
             "date": "2025-01-31", "expect": {"country": "MEX", "code_1": "GOV"}},
            {"test": "b", "call": "query_wiki", "input": "Abkhazia", "context": None, "date": None,
             "expect": {"title": "Abkhazia"}}]
    path = tmp_path / "cases.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), "utf-8")
    metrics = run_eval("actors", path, pipeline=pipeline)
    assert metrics["n"] == 1 and metrics["crashes"] == 0
    assert metrics["country_accuracy"] == 1.0 and metrics["sector_accuracy"] == 1.0


def test_the_validation_half_lists_no_errors(data_dir, pipeline):
    path = data_dir / "events" / "ngec_actor_resolution_cases.jsonl"
    if not path.exists():
        pytest.skip(f"needs {path}")
    metrics = run_eval("actors", path, pipeline=pipeline, part="validation", limit=20)
    assert "errors" not in metrics and metrics["n"] > 0
