"""The timeline's bucket size (#22 item 3): /api/aggregates' `interval=auto` is the finest of
day, week, month and year that cuts the span of the dates shown into at most 120 bars, so bars
on the dashboard's linear axis stay readable whatever the span (the brushed one included)."""

from __future__ import annotations

from datetime import date, timedelta
from types import SimpleNamespace

import pytest

pytest.importorskip("fastapi")

from wirecoder.api.aggregates import (  # noqa: E402
    EventRows,  # noqa: E402
    auto_interval,
    buckets_between,
    tally,
)


@pytest.mark.parametrize("first, days, want", [
    (date(2025, 1, 1), 0, "day"), (date(2025, 1, 1), 119, "day"),  # 120 days
    (date(2025, 1, 1), 120, "week"), (date(2024, 1, 1), 365, "week"),
    (date(2022, 3, 15), 1053, "month"),  # the seed copies: 2022-03-15 to 2025-02-01
    (date(2015, 6, 1), 3500, "month"), (date(2015, 6, 1), 3700, "year"), (date(1960, 1, 1), 65 * 365, "year"),
])
def test_auto_interval_by_span(first, days, want):
    last = first + timedelta(days=days)
    assert auto_interval(first, last) == want
    assert buckets_between(first, last, want) <= 120
    finer = ("day", "week", "month", "year").index(want) - 1
    if finer >= 0:  # the finer interval would make too many bars
        assert buckets_between(first, last, ("day", "week", "month")[finer]) > 120


def test_a_few_days_far_apart_are_not_counted_by_day():
    """Four dated days over three years were 'day' (four buckets hold events) and drew
    one-pixel bars on a linear axis; the span decides."""
    days = [date(2022, 3, 15), date(2023, 11, 20), date(2024, 6, 3), date(2025, 1, 31)]
    rows = EventRows(events=[SimpleNamespace(id=f"e{i}", document_id="d", type="ASSAULT",
                                             modality="asserted", event_date=d, place_id=None)
                             for i, d in enumerate(days)])
    out = tally(rows).render("auto")
    assert out["interval"] == "month"
    assert [r["date"] for r in out["by_date"]] == ["2022-03-01", "2023-11-01", "2024-06-01",
                                                  "2025-01-01"]
    assert tally(rows).render("year")["by_date"][0]["date"] == "2022-01-01"
    one = EventRows(events=rows.events[2:3])
    assert tally(one).render("auto")["interval"] == "day"  # a brushed month: its days
