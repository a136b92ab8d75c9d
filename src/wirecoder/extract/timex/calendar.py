"""Calendar arithmetic and TIMEX3 value formatting for the time tagger.

A `Point` is a calendar unit at some granularity (a day, an ISO week, a month, a quarter, ...),
held as the first day of that unit. `Point.value` is its TIMEX3 value: 2025-01-27, 2025-W05,
2025-01, 2025-Q1, 2025-H1, 2025-SU, 2025, 202 (a decade), 20 (a century). A day may carry a part
of the day (2025-01-31TMO) or a clock time (2025-01-31T10:35).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

# From the finest to the coarsest; `coarser(a, b)` compares along this order.
GRANULARITIES = ("minute", "hour", "day", "week", "month", "season", "quarter", "half", "year",
                 "decade", "century")
_RANK = {g: i for i, g in enumerate(GRANULARITIES)}
_SEASON_START = {"WI": 12, "SP": 3, "SU": 6, "FA": 9}


def rank(granularity: str) -> int:
    return _RANK.get(granularity, _RANK["day"])


@dataclass(frozen=True)
class Point:
    gran: str
    d: date
    season: str | None = None
    part_of_day: str | None = None
    clock: tuple[int, int | None] | None = None  # hour, minute (None: the hour only)
    weekend: bool = False

    @property
    def value(self) -> str:
        y = f"{self.d.year:04d}"
        if self.gran in ("day", "hour", "minute"):
            out = self.d.isoformat()
            if self.clock is not None:
                hour, minute = self.clock
                out += f"T{hour:02d}:{minute or 0:02d}"
            elif self.part_of_day:
                out += f"T{self.part_of_day}"
            return out
        if self.gran == "week":
            iso_year, iso_week, _ = self.d.isocalendar()
            return f"{iso_year:04d}-W{iso_week:02d}" + ("-WE" if self.weekend else "")
        if self.gran == "month":
            return f"{y}-{self.d.month:02d}"
        if self.gran == "season":
            named = self.d.year + 1 if self.season == "WI" else self.d.year
            return f"{named:04d}-{self.season}"
        if self.gran == "quarter":
            return f"{y}-Q{(self.d.month - 1) // 3 + 1}"
        if self.gran == "half":
            return f"{y}-H{1 if self.d.month <= 6 else 2}"
        if self.gran == "year":
            return y
        if self.gran == "decade":
            return y[:3]
        if self.gran == "century":
            return y[:2]
        raise ValueError(f"unknown granularity {self.gran!r}")

    @property
    def granularity(self) -> str:
        if self.clock is not None:
            return "minute" if self.clock[1] is not None else "hour"
        return self.gran


def start_of(d: date, gran: str) -> date:
    """The first day of the unit of granularity `gran` that holds `d`."""
    if gran in ("day", "hour", "minute"):
        return d
    if gran == "week":
        return d - timedelta(days=d.weekday())
    if gran == "month":
        return d.replace(day=1)
    if gran == "quarter":
        return date(d.year, (d.month - 1) // 3 * 3 + 1, 1)
    if gran == "half":
        return date(d.year, 1 if d.month <= 6 else 7, 1)
    if gran == "year":
        return date(d.year, 1, 1)
    if gran == "decade":
        return date(d.year // 10 * 10, 1, 1)
    if gran == "century":
        return date(d.year // 100 * 100, 1, 1)
    raise ValueError(f"unknown granularity {gran!r}")


def point(d: date, gran: str, **extra) -> Point:
    return Point(gran=gran, d=start_of(d, gran), **extra)


def shift(d: date, unit: str, n: int) -> date:
    """`d` moved by `n` units (negative: back in time)."""
    if unit in ("day", "night", "hour", "minute", "second"):
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    if unit == "fortnight":
        return d + timedelta(weeks=2 * n)
    months = {"month": 1, "quarter": 3, "half": 6, "season": 3, "year": 12, "decade": 120,
              "century": 1200, "millennium": 12000}[unit]
    return d + relativedelta(months=n * months)


def shift_point(p: Point, unit: str, n: int) -> Point:
    """Move a point by `n` units, keeping its granularity (a quarter a year back is a quarter)."""
    moved = shift(p.d, unit, n)
    return replace(p, d=moved if p.gran in ("day", "season") else start_of(moved, p.gran))


def season_point(year: int, code: str) -> Point:
    """The season `code` named with `year` (winter 1998 runs from December 1997)."""
    month = _SEASON_START[code]
    return Point(gran="season", d=date(year - 1 if code == "WI" else year, month, 1), season=code)


def season_of(d: date) -> Point:
    """The season holding `d`."""
    if d.month in (12, 1, 2):
        return season_point(d.year + 1 if d.month == 12 else d.year, "WI")
    code = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")
    return season_point(d.year, code)


def _season_end(p: Point) -> date:
    return p.d + relativedelta(months=3)


def nearest_season(dct: date, code: str, direction: int, *, strict: bool = False) -> Point:
    """The season `code` before the DCT (-1), after it (+1) or nearest to it (0).

    With `strict` ("last fall", "next spring") a season in progress does not count."""
    cands = [season_point(y, code) for y in range(dct.year - 2, dct.year + 3)]
    if direction < 0:
        return [p for p in cands if (_season_end(p) <= dct if strict else p.d <= dct)][-1]
    if direction > 0:
        return [p for p in cands if (p.d > dct if strict else _season_end(p) > dct)][0]
    return min(cands, key=lambda p: abs((p.d + timedelta(days=45) - dct).days))


def weekday_date(dct: date, weekday: int, direction: int, *, include_today: bool = True) -> date:
    """The `weekday` (0 = Monday) on or before (-1), on or after (+1) or nearest (0) the DCT."""
    back = (dct.weekday() - weekday) % 7
    ahead = (weekday - dct.weekday()) % 7
    if back == 0 and include_today:
        return dct
    if back == 0:
        back = ahead = 7
    if direction < 0:
        return dct - timedelta(days=back)
    if direction > 0:
        return dct + timedelta(days=ahead)
    return dct - timedelta(days=back) if back <= ahead else dct + timedelta(days=ahead)


def month_year(dct: date, month: int, direction: int) -> int:
    """The year of a month named without one. A past clause takes the last such month (unless
    it is the next month: "gave them until November"), a future clause the next one (unless it
    is the month before), and otherwise the nearest one."""
    if month == dct.month:
        return dct.year
    ahead, behind = (month - dct.month) % 12, (dct.month - month) % 12
    forward = dct.year + (month < dct.month)
    backward = dct.year - (month > dct.month)
    if direction < 0:
        return forward if ahead <= 1 else backward
    if direction > 0:
        return backward if behind <= 1 else forward
    return forward if ahead < behind else backward


def day_year(dct: date, month: int, day: int, direction: int) -> int | None:
    """The year of a month-day named without one (None when no such day exists): as for
    `month_year`. A past clause still takes a day up to two months ahead (deadlines: "the offer
    was extended to Nov. 20"); a future clause one up to a week back."""
    cands = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            cands.append(date(y, month, day))
        except ValueError:
            continue
    if not cands:
        return None
    forward = min((c for c in cands if c >= dct), default=None)
    backward = max((c for c in cands if c <= dct), default=None)
    if forward is None or backward is None:
        return (forward or backward).year
    if forward == backward:
        return dct.year
    if direction < 0:
        return forward.year if (forward - dct).days <= 60 else backward.year
    if direction > 0:
        return backward.year if (dct - backward).days <= 7 else forward.year
    return forward.year if (forward - dct) < (dct - backward) else backward.year


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) `weekday` of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, 1) + relativedelta(months=1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month = (h + ll - 7 * m + 114) // 31
    day = (h + ll - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def duration_value(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: P3D, P2W, PT5H, P10Y (a decade is ten years), PXY for vague amounts."""
    letters = {"second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W",
               "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
               "millennium": "ML"}
    timed = unit in ("second", "minute", "hour")
    prefix = "PT" if timed else "P"
    if unit == "weekend":
        return "P2D" if amount == 1 else (f"P{_num(2 * amount)}D" if amount else "PXWE")
    if unit == "fortnight":
        return f"P{_num(2 * amount)}W" if amount else "PXW"
    if amount is None:
        return f"{prefix}X{letters[unit]}"
    if unit in ("decade", "century", "millennium"):
        years = amount * {"decade": 10, "century": 100, "millennium": 1000}[unit]
        return f"P{_num(years)}Y"
    if amount != int(amount):
        smaller = {"hour": ("minute", 60), "minute": ("second", 60), "day": ("hour", 24),
                   "year": ("month", 12), "month": ("day", 30), "week": ("day", 7)}
        if unit in smaller:
            sub, factor = smaller[unit]
            whole, rest = int(amount), round((amount - int(amount)) * factor)
            sub_letter = letters[sub]
            if unit in ("hour", "minute") or sub in ("hour",):
                head = f"{whole}{letters[unit]}" if whole else ""
                if unit == "day":
                    return f"P{head}T{rest}{sub_letter}"
                return f"PT{head}{rest}{sub_letter}"
            return f"P{whole}{letters[unit]}{rest}{sub_letter}" if whole else f"P{rest}{sub_letter}"
    return f"{prefix}{_num(amount)}{letters[unit]}"


def _num(x: float) -> str:
    return str(int(x)) if x == int(x) else f"{x:g}"
