"""Shared types of the time tagger: a rule, its normalised result and the resolution context."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .calendar import Point, rank
from .lexicon import MONTH_ABBR, MONTHS, NUMBER_WORDS, VAGUE_NUMBERS

TimexType = str  # DATE | TIME | DURATION | SET


@dataclass(frozen=True)
class Norm:
    """What a rule made of a match: TimeML type, TIMEX3 value, granularity."""

    type: TimexType
    value: str | None
    granularity: str | None = None
    point: Point | None = None
    confidence: float = 0.8
    # Whether later expressions may refer back to this one ("that day", "the quarter"); not
    # when it was itself computed from a reference ("a year earlier", "the year-ago quarter").
    anchor: bool = True


@dataclass
class Ctx:
    """What a rule may look at while resolving: the DCT, the tense, earlier expressions."""

    text: str
    start: int
    end: int
    dct: date | None
    direction_fn: Callable[[], int] = lambda: 0
    ref: Point | None = None  # the last calendar point mentioned (the reference time)
    quarter_ref: Point | None = None  # a quarter mentioned in the last sentences
    _direction: int | None = field(default=None, repr=False)

    @property
    def direction(self) -> int:
        """-1 past, +1 future, 0 present or unknown: the tense of the clause of the expression."""
        if self._direction is None:
            self._direction = self.direction_fn()
        return self._direction

    def before(self, n: int = 40) -> str:
        return self.text[max(0, self.start - n):self.start]

    def after(self, n: int = 40) -> str:
        return self.text[self.end:self.end + n]

    def ref_at_least(self, granularity: str) -> Point | None:
        """The reference point if it is at least as fine as `granularity` (a day for "that day")."""
        if self.ref is not None and rank(self.ref.gran) <= rank(granularity):
            return self.ref
        return None


Resolver = Callable[[re.Match[str], Ctx], Norm | None]
Checker = Callable[[re.Match[str], "object"], bool]


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    resolve: Resolver
    check: Checker | None = None  # a detection-time veto that sees the parse


def g(m: re.Match[str], name: str) -> str | None:
    """A named group's text, lower-cased with whitespace runs collapsed (None when absent)."""
    try:
        value = m.group(name)
    except IndexError:
        return None
    return " ".join(value.lower().split()) if value else None


def month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTH_ABBR[word]


def parse_number(text: str | None) -> float | None:
    """A count from digits or words; None for vague amounts ("several", "a few")."""
    if text is None:
        return 1
    t = " ".join(text.lower().replace("½", " 1/2").split())
    if t in VAGUE_NUMBERS:
        return None
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    half = 0.0
    if t.endswith(" 1/2"):
        t, half = t[:-4].strip(), 0.5
    t = t.replace(",", "")
    try:
        return float(t) + half
    except ValueError:
        pass
    parts = t.replace("-", " ").split()
    if parts and all(p in NUMBER_WORDS for p in parts):
        return sum(NUMBER_WORDS[p] for p in parts)
    return None


def day_number(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def two_digit_year(yy: int, dct: date | None) -> int:
    """'98 -> 1998, '05 -> 2005: the century that puts the year nearest at or before the DCT."""
    base = (dct.year if dct else 1999)
    year = base // 100 * 100 + yy
    return year - 100 if year > base + 10 else year


UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "quarter": "XXXX-QX",
           "half": "XXXX-HX", "season": "XXXX-XX", "year": "XXXX", "decade": "XXX",
           "century": "XX", "hour": "XXXX-XX-XXTXX", "minute": "XXXX-XX-XXTXX:XX"}


def unknown(granularity: str, type_: TimexType = "DATE", ref: Point | None = None) -> Norm:
    """A value with unknown digits: an expression whose anchor is missing or coarser than
    itself keeps its precision and fills in only what is known ("that day" after "October
    1998" is 1998-10-XX)."""
    value = UNKNOWN.get(granularity, "XXXX-XX-XX")
    if ref is not None and ref.gran in ("month", "quarter", "half", "season", "year"):
        year = f"{ref.d.year:04d}"
        month = f"{ref.d.month:02d}" if ref.gran == "month" else "XX"
        value = {"day": f"{year}-{month}-XX", "week": f"{year}-WXX", "month": f"{year}-{month}",
                 "quarter": f"{year}-QX"}.get(granularity, value)
    return Norm(type_, value, granularity, confidence=0.4)


def pnorm(p: Point, type_: TimexType = "DATE", confidence: float = 0.8, *,
          anchor: bool = True) -> Norm:
    return Norm(type_, p.value, p.granularity, point=p, confidence=confidence, anchor=anchor)
