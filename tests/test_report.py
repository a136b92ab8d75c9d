"""The terminal report says things for people (#24, `make demo`): numbers as '10–100 million',
not '1e+07–1e+08'; a change as written with the factor measured; '80 percent', not '80
percentage'; each place once with its mentions; no time row without text; no picture or footage
as a speaker."""

from __future__ import annotations

import re

import pytest

from wirecoder.report import render
from wirecoder.report_format import people_number, people_range


@pytest.mark.parametrize("value, said", [
    (1e7, "10 million"), (2.5e9, "2.5 billion"), (1e12, "1 trillion"), (87000, "87,000"),
    (1234567, "1,234,567"), (999999, "999,999"), (2.81, "2.81"), (0.5, "0.5"), (-3e6, "-3 million"),
])
def test_people_number(value, said):
    assert people_number(value) == said


def test_people_range():
    assert people_range(1e7, 1e8) == "10–100 million"
    assert people_range(1e5, 1e6) == "100,000–1 million"
    assert people_range(31000, 87000, " → ") == "31,000 → 87,000"
    assert people_range(1.5e9, 2e12) == "1.5 billion–2 trillion"


def _section(report: str, title: str) -> list[str]:
    lines = report.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    body = []
    for line in lines[start + 2:]:
        if not line.strip():
            break
        body.append(line)
    return body


def test_the_seed_report_is_said_for_people(seed_analysis):
    report = render(seed_analysis)
    numbers = "\n".join(line for line in _section(report, "Numbers & claims")
                        if not line.startswith("  CHECK"))
    for said in ("10–100 million Americans", "nearly tripled (×2.81)", "80 percent of overdose deaths",
                 "31,000 → 87,000 overdose deaths", "100,000–1 million"):
        assert said in numbers, said
    assert not re.search(r"\de[+-]\d|percentage|\bfactor\b", numbers), numbers

    times = _section(report, "Times")
    assert all(not line.startswith("  ''") for line in times)
    assert report.count("Times (") == 1 and f"Times ({len(times) - 1})" in report  # + the note

    places = _section(report, "Places")
    names = [line[2:30].strip() for line in places]
    assert len(names) == len(set(names)) and f"Places ({len(places)})" in report
    mexico = next(line for line in places if line[2:30].strip() == "Mexico")
    assert "Mexican ×" in mexico and "Mexico ×" in mexico

    speakers = [line for line in _section(report, "Quotes") if not line.startswith("      ")]
    assert not any(s.strip().startswith(("Handout picture", "Footage", "fight")) for s in speakers)


def test_a_fraction_of_a_whole_reads_as_written_with_its_percentage():
    """ "% flat" (extract/numbers/wholes.py) is a share of a whole, not a unit to print."""
    from wirecoder.pipeline import Pipeline
    from wirecoder.report_format import quantity_phrase

    analysis = Pipeline().analyze("Nearly half the flats in the block stood empty, the council said.")
    q = next(q for q in analysis.quantities if q.value == 0.5)
    said = quantity_phrase(q, {x.id: x for x in analysis.quantities}, analysis.claims)
    assert said.startswith("Nearly half (50%)") and "% flat" not in said
