"""Sentence catalogues of constructions (#23): each tests/catalogues/*.jsonl is read by a test and by
bench/constructions.py, so a catalogue written for one is never missed by the other."""

from __future__ import annotations

import json
import re

from conftest import CATALOGUES, REPO, load_script


def _bench():
    return load_script("bench/constructions.py", "constructions_bench")


def _names() -> set[str]:
    return {p.stem for p in CATALOGUES.glob("*.jsonl")}


def test_every_catalogue_has_a_bench_check_and_no_check_lacks_its_catalogue():
    assert set(_bench().CHECKS) == _names()


def test_every_catalogue_is_read_by_a_test():
    read = {m for path in (REPO / "tests").rglob("test_*.py")
            for m in re.findall(r"""catalogue\(\s*["'](\w+)["']""", path.read_text("utf-8"))}
    assert _names() - read == set()


def test_every_row_is_a_sentence():
    for path in CATALOGUES.glob("*.jsonl"):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            row = json.loads(line)
            assert isinstance(row.get("sentence"), str) and row["sentence"].strip(), f"{path.name}:{n}"
