"""scripts/quantities_cv.py: every row it says was written from a fold's errors is a row of its
table, and a fold scored without its rows scores as if they were never written."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA, load_script, need
from wirecoder.knowledge import load_tsv
from wirecoder.lang.en import table


@pytest.fixture(scope="module")
def cv():
    return load_script("scripts/quantities_cv.py")


def _rows(name: str):
    return load_tsv(name) if name in {"newsquant_units.tsv"} else table(name.removesuffix(".tsv"))


def test_every_listed_row_exists_and_names_a_fold(cv):
    for (name, first), origins in cv.WRITTEN_FROM.items():
        assert first in {next(iter(r.values())) for r in _rows(name)}, (name, first)
        for origin in origins:
            set_name, fold = origin.split(":")
            assert set_name in cv.SETS and 0 <= int(fold) < 5, origin


def test_a_fold_is_scored_without_the_rows_written_from_it(cv):
    data = need(DATA / "quantities")
    assert ("unit_forms.tsv", "celcius") in cv.dropped_for("temperature", 2)
    assert ("unit_forms.tsv", "celcius") not in cv.dropped_for("temperature", 1)
    with_row = cv._child("temperature", Path(data), 5, [2], set())["2"]
    without = cv._child("temperature", Path(data), 5, [2], {("unit_forms.tsv", "celcius")})["2"]
    assert without["value_unit_f1"] < with_row["value_unit_f1"]
