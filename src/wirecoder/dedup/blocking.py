"""What makes event clustering linear (#26): mentions read once, and clusters found by keys.

Each mention is read once into `Features`: its day as an ordinal number, its names, codes,
numbers and words as sets, its precise place in radians. Comparing two mentions then parses
nothing (re-parsing dates with `strptime` on every comparison was most of the time).

`CandidateIndex` finds the clusters worth comparing a mention with, without looking at the rest:

- Buckets: clusters are listed per block (reality and type family, which never merge across)
  and per date of each member: its day (an ordinal), else its month or year (a member dated
  "2016-09", or by a day that does not read, is listed under "2016-09"), else *undated*.
- Keys: in a bucket, each cluster is listed under its members' actor names, actor codes, trigger
  keys (`lemmas.trigger_key`: "captured" and "capturing" share one), numbers and sentence
  words. Date and place alone give at most `UNSHARED_MAX` (3.5) points, so with the default
  `min_score` (4) a mention can only join a cluster that shares one of those keys with a
  member: the clusters found through its own keys are all it could join. Within a story
  (`cluster`), blocks are per story and every cluster of the story's buckets is a candidate.
  With a `min_score` at or under 3.5 every cluster of the buckets is a candidate.
- Buckets looked at: a mention dated to a day looks at the days within the wider date window
  around it, at its month and year and at the undated; one dated to a month or a year at the
  days and months of that month or year, at its year and at the undated. Every cluster whose
  dates it fits is there.
- Undated mentions (no date in the text, no publication date) fit any date. They look at the
  undated bucket and at the week up to the latest day their block has seen (with its month and
  year): a report without a date is most likely news of the moment. This bound misses an older
  match.
- Bounds: at most `max_posting` entries are read per key, newest first, over its buckets in
  order (the nearest days first, then months, years and the undated), and only the
  `max_candidates` clusters sharing the most weighted keys are compared: names and numbers weigh
  most, sentence words least, and the newer cluster wins a tie.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left, bisect_right, insort
from calendar import monthrange
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date as Date
from typing import Any

from .features import day_of
from .lemmas import trigger_key, trigger_sense
from .records import EventMention

COARSE = {"admin1", "country", "region", "unknown"}
# Score parts (see EventClusterer.compare). Date and place are all a pair can share without a key.
SAME_DAY_EXPLICIT, SAME_DAY_REPORTED, NEAR_PLACE = 2.0, 1.0, 1.5
UNSHARED_MAX = SAME_DAY_EXPLICIT + NEAR_PLACE
# Key kinds, and what sharing one says about two mentions when ranking candidates.
NAMES, CODES, TRIGGER, NUMBERS, WORDS = range(5)
KEY_WEIGHTS = (1.5, 0.75, 1.0, 1.5, 0.3)
UNDATED_DAYS = 7  # an undated mention looks at the week up to the latest day of its block


@dataclass(slots=True, eq=False)
class Features:
    """A mention as clustering reads it, computed once."""

    mention: EventMention
    day: int | None  # proleptic ordinal of a readable ISO day
    source_names: frozenset[str]
    target_names: frozenset[str]
    source_codes: frozenset[str]  # codes with a country (":GOV" alone says too little)
    target_codes: frozenset[str]
    numbers: frozenset[float]
    context: frozenset[str]
    point: tuple[float, float, float] | None  # latitude, longitude (radians), cos(latitude)
    lemma: str = ""  # the trigger's inflection-free key (`lemmas.trigger_key`)
    sense: str = ""  # its sense ("seized" and "hijacked": seize), `lemmas.trigger_sense`

    @property
    def explicit(self) -> bool:
        return not self.mention.date_from_publication

    def keys(self) -> tuple[frozenset[Any], ...]:
        """The keys it is listed and looked up under, by kind (not kept: memory)."""
        return (self.source_names | self.target_names, self.source_codes | self.target_codes,
                frozenset([self.lemma]) if self.lemma else _EMPTY, self.numbers, self.context)


def read_features(m: EventMention) -> Features:
    day = day_of(m.date)
    point = None
    if m.latitude is not None and m.longitude is not None and m.place_precision not in COARSE:
        lat = math.radians(m.latitude)
        point = (lat, math.radians(m.longitude), math.cos(lat))
    key = trigger_key(m.trigger)
    return Features(m, day.toordinal() if day else None, _set(m.source_names), _set(m.target_names),
                    _set(c for c in m.source_codes if not c.startswith(":")),
                    _set(c for c in m.target_codes if not c.startswith(":")),
                    _set(m.numbers), _set(m.context), point, key, trigger_sense(key))


_EMPTY: frozenset[Any] = frozenset()


def _set(values: Iterable[Any]) -> frozenset[Any]:
    """A frozenset, the shared empty one when empty (most mentions lack codes or numbers)."""
    return frozenset(values) or _EMPTY


def km(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """Great-circle distance in km of two `Features.point`s (haversine)."""
    h = (math.sin((b[0] - a[0]) / 2) ** 2
         + a[2] * b[2] * math.sin((b[1] - a[1]) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def bucket_of(f: Features) -> int | str | None:
    """Where a member is listed: its day, else its month or year ("2016-09", "2016"), else None."""
    if f.day is not None:
        return f.day
    value = f.mention.date
    if not value:
        return None
    return value[:7] if len(value) >= 7 else value[:4]


def date_range(value: str) -> tuple[int, int] | None:
    """The first and last day ordinals of an ISO month ("2016-09") or year ("2016")."""
    try:
        year = int(value[:4])
        if len(value) >= 7:
            month = int(value[5:7])
            first = Date(year, month, 1).toordinal()
            return first, first + monthrange(year, month)[1] - 1
        return Date(year, 1, 1).toordinal(), Date(year, 12, 31).toordinal()
    except ValueError:
        return None


class _Bucket:
    __slots__ = ("every", "keys")

    def __init__(self) -> None:
        self.keys: tuple[dict[Any, int | list[int]], ...] = tuple({} for _ in KEY_WEIGHTS)
        self.every: list[int] = []


class CandidateIndex:
    """Cluster numbers by block, day and key; `candidates` returns the few worth comparing."""

    def __init__(self, window_days: int, *, max_posting: int = 64, max_candidates: int = 32):
        self.window = window_days
        self.max_posting = max_posting
        self.max_candidates = max_candidates
        self._buckets: dict[tuple[Any, int | None], _Bucket] = {}
        self._days: dict[Any, list[int]] = {}  # block -> sorted days that have a bucket

    def add(self, number: int, block: Any, f: Features) -> None:
        """List cluster `number` under the keys of its new member `f`."""
        when = bucket_of(f)
        bucket = self._buckets.get((block, when))
        if bucket is None:
            bucket = self._buckets[(block, when)] = _Bucket()
            if isinstance(when, int):
                insort(self._days.setdefault(block, []), when)
        for postings, values in zip(bucket.keys, f.keys(), strict=True):
            for value in values:  # a posting of one cluster is its number, not a list (memory)
                posting = postings.get(value)
                if posting is None:
                    postings[value] = number
                elif isinstance(posting, int):
                    if posting != number:
                        postings[value] = [posting, number]
                elif posting[-1] != number:
                    posting.append(number)
        if not bucket.every or bucket.every[-1] != number:
            bucket.every.append(number)

    def _buckets_for(self, block: Any, f: Features) -> list[_Bucket]:
        """The buckets of every date `f` fits: days first (nearest first), then months and
        years, then the undated."""
        days = self._days.get(block, [])
        value = f.mention.date
        if not value:  # undated: the news of the moment
            if not days:
                return [b for b in (self._buckets.get((block, None)),) if b is not None]
            value = Date.fromordinal(days[-1]).isoformat()
            span: tuple[int, int] | None = (days[-1] - UNDATED_DAYS, days[-1])
        else:
            span = (f.day - self.window, f.day + self.window) if f.day is not None else date_range(value)
        coarse = [value[:7], value[:4]] if len(value) >= 7 else \
            [value[:4], *(f"{value[:4]}-{month:02d}" for month in range(1, 13))]
        found = [] if span is None else days[bisect_left(days, span[0]):bisect_right(days, span[1])]
        found.sort(key=lambda d: (abs(d - f.day), d) if f.day is not None else (0, -d))
        keys = [*found, *coarse, None]
        return [b for b in (self._buckets.get((block, k)) for k in keys) if b is not None]

    def candidates(self, block: Any, f: Features, every: bool = False) -> list[int]:
        """The cluster numbers to compare `f` with, the most promising first. `every`: also the
        clusters that share no key (when a score can be reached without one)."""
        buckets = self._buckets_for(block, f)
        weights: dict[int, float] = {}
        for kind, values in enumerate(f.keys()):
            weight = KEY_WEIGHTS[kind]
            for value in values:
                found: set[int] = set()
                left = self.max_posting  # entries read for this key, over all its buckets
                for bucket in buckets:
                    posting = bucket.keys[kind].get(value)
                    if posting is None:
                        continue
                    if isinstance(posting, int):
                        found.add(posting)
                        left -= 1
                    else:
                        newest = posting[-left:]
                        found.update(newest)
                        left -= len(newest)
                    if left <= 0:
                        break
                for number in found:
                    weights[number] = weights.get(number, 0.0) + weight
        if every:
            for bucket in buckets:
                for number in bucket.every[-self.max_posting:]:
                    weights.setdefault(number, 0.0)
        if len(weights) <= self.max_candidates:
            return sorted(weights, key=lambda n: (-weights[n], -n))
        return heapq.nlargest(self.max_candidates, weights, key=lambda n: (weights[n], n))
