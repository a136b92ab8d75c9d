"""The events' grouped counts behind the dashboard's charts: by date bucket x type x modality, by
type, modality and country, by actor pair (source -> target, by country and sector) and by place.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import select

from ..store.registry_queries import RegistryIndex, registry_index
from ..store.repository import T_ACTORS, T_ARGS, T_EVENTS, T_PLACES, Store
from ..store.sql import chunks

_MAX_LINKS = 400  # links /api/aggregates returns at most, whatever the cut
_MAX_BARS = 120
INTERVALS = ("day", "week", "month", "year")


@lru_cache(maxsize=512)
def country_numeric(alpha3: str | None) -> str:
    """ISO 3166 numeric code ('484' for MEX): the id of a country's shape in world-atlas."""
    if not alpha3:
        return ""
    import pycountry

    found = pycountry.countries.get(alpha_3=alpha3.upper())
    return found.numeric if found else ""


def party_label(country: str | None, sectors: Sequence[str] | None) -> str | None:
    """The node of a party that no registry actor holds: its code ('MEX CRM', 'CVL') when the
    coder gave it one, else None (descriptions and pronouns: 'it', 'the race', 'Which')."""
    parts = [p for p in (country or "", (sectors or [""])[0] if sectors else "") if p]
    return " ".join(parts) if parts else None


@dataclass
class EventRows:
    """The rows the counts need: events, their arguments by event, their actors and places."""

    events: list[Any] = field(default_factory=list)
    args: dict[str, list[Any]] = field(default_factory=lambda: defaultdict(list))
    actors: dict[str, Any] = field(default_factory=dict)
    places: dict[str, Any] = field(default_factory=dict)
    registry: RegistryIndex = field(default_factory=RegistryIndex)


def load_events(store: Store, ids: Sequence[str]) -> EventRows:
    """The rows of the events `ids`, read in chunks."""
    rows = EventRows()
    with store.engine.connect() as conn:
        for part in chunks(list(ids)):
            rows.events.extend(conn.execute(select(
                T_EVENTS.c.id, T_EVENTS.c.document_id, T_EVENTS.c.type, T_EVENTS.c.modality,
                T_EVENTS.c.event_date, T_EVENTS.c.place_id).where(T_EVENTS.c.id.in_(part))).all())
            for a in conn.execute(select(T_ARGS).where(T_ARGS.c.event_id.in_(part))
                                  .order_by(T_ARGS.c.event_id, T_ARGS.c.role, T_ARGS.c.ordinal)):
                rows.args[a.event_id].append(a)
        actor_ids = sorted({a.actor_id for args in rows.args.values() for a in args if a.actor_id})
        for part in chunks(actor_ids):
            rows.actors.update({a.id: a for a in conn.execute(
                select(T_ACTORS.c.id, T_ACTORS.c.name, T_ACTORS.c.country, T_ACTORS.c.sectors)
                .where(T_ACTORS.c.id.in_(part)))})
        rows.registry = registry_index(conn, actor_ids)
        place_ids = sorted({e.place_id for e in rows.events if e.place_id})
        for part in chunks(place_ids):
            rows.places.update({p.id: p for p in conn.execute(
                select(T_PLACES).where(T_PLACES.c.id.in_(part)))})
    return rows


@dataclass(frozen=True)
class NetworkCut:
    """Which part of the actor network to show: the `top_actors` parties with the most event
    links and the links between them of at least `min_weight` events (of one type), so that a
    store of thousands of parties is not drawn as a hairball."""

    top_actors: int = 30
    min_weight: int = 1


DEFAULT_CUT = NetworkCut()


def network_pairs(pairs: Counter, cut: NetworkCut) -> tuple[list[tuple[tuple, int]], dict]:
    """The links of `pairs` ((source, target, type) -> events) that `cut` keeps, heaviest
    first (then by key), and what was cut: parties and links before and after. A party's weight
    is the events of its links of at least `min_weight`; ties go by name."""
    links = [(k, n) for k, n in pairs.items() if n >= cut.min_weight]
    weight: Counter = Counter()
    for (s, t, _), n in links:
        weight[s] += n
        if t != s:
            weight[t] += n
    top = {a for a, _ in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[:cut.top_actors]}
    kept = sorted(((k, n) for k, n in links if k[0] in top and k[1] in top),
                  key=lambda kv: (-kv[1], kv[0]))[:_MAX_LINKS]
    shown = {a for (s, t, _), _ in kept for a in (s, t)}
    return kept, {"actors": len(weight), "links": len(links), "shown_actors": len(shown),
                  "shown_links": len(kept), "top_actors": cut.top_actors,
                  "min_weight": cut.min_weight}


def aggregate(rows: EventRows, interval: str, cut: NetworkCut = DEFAULT_CUT) -> dict[str, Any]:
    """The counts of `rows` by `interval` (day, week, month, year; auto: `auto_interval`), the
    actor network cut by `cut`."""
    return tally(rows).render(interval, cut)


def tally(rows: EventRows) -> Tally:
    """The counts of `rows`, event by event (a `Tally`: sums of tallies are tallies)."""
    out = Tally()
    for e in rows.events:
        out.add(e, _parties(rows, e), rows.places.get(e.place_id) if e.place_id else None)
    return out


Party = tuple[str | None, str, str | None, str]  # node label, name, country, code


def _parties(rows: EventRows, e: Any) -> dict[str, list[Party]]:
    """An event's sources and targets as network nodes: the party's registry actor (its aliases
    in every document joined), else the code of a described party; a party the coder resolved
    to no actor is a node only when its words name a registry actor ("Rubio")."""
    parties: dict[str, list[Party]] = {"source": [], "target": []}
    for a in rows.args[e.id]:
        actor = rows.actors.get(a.actor_id) if a.actor_id else None
        node = (rows.registry.by_actor.get(a.actor_id) if actor is not None
                else rows.registry.for_text(a.text))
        name = actor.name if actor is not None else a.text
        if node is not None:
            country = actor.country if actor is not None else node.country or None
            parties[a.role].append((node.name, name, country, node.code))
        elif actor is not None:
            label = party_label(actor.country, actor.sectors)
            parties[a.role].append((label, name, actor.country, label or ""))
        else:
            parties[a.role].append((None, name, None, ""))
    return parties


def _counts(counter: Counter) -> list[dict[str, Any]]:
    return [{"key": k, "count": n} for k, n in sorted(counter.items(),
                                                      key=lambda kv: (-kv[1], kv[0]))]


def _merge(into: Counter, other: Counter, sign: int) -> None:
    """`into` += sign * `other`, keys that fall to zero removed (they would show as zero)."""
    for key, n in other.items():
        total = into[key] + sign * n
        if total:
            into[key] = total
        else:
            del into[key]


def _merge_nested(into: dict[tuple, Counter], other: dict[tuple, Counter], sign: int) -> None:
    for key, counter in other.items():
        _merge(into[key], counter, sign)
        if not into[key]:
            del into[key]


def _place_order(item: tuple[tuple, Counter]) -> tuple:
    """Most events first, then by the whole key (None coordinates first): one order whatever
    order the events were counted in."""
    (name, country, admin1, precision, lat, lon), types = item
    return (-sum(types.values()), name, country, admin1, precision,
            lat is not None, lat or 0.0, lon is not None, lon or 0.0)


class Tally:
    """The counters, event by event, kept by day (any interval is rendered from them). Tallies
    add up (`merge`): the tally of a set of events is the sum of its documents' tallies, so
    the API adds the documents a commit stored instead of counting every event again."""

    def __init__(self) -> None:
        self.total = 0
        self.without_date = 0
        self.without_place = 0
        self.by_day: Counter = Counter()  # (day, type, modality)
        self.by_type: Counter = Counter()
        self.by_modality: Counter = Counter()
        self.by_country: Counter = Counter()
        self.pairs: Counter = Counter()
        self.codes: dict[str, str] = {}
        self.pair_names: dict[tuple, Counter] = defaultdict(Counter)
        self.by_place: dict[tuple, Counter] = defaultdict(Counter)

    def add(self, e: Any, parties: dict[str, list[Party]], place: Any) -> None:
        self.total += 1
        self.by_type[e.type] += 1
        self.by_modality[e.modality] += 1
        if e.event_date:
            self.by_day[(e.event_date, e.type, e.modality)] += 1
        else:
            self.without_date += 1
        countries = {c for role in parties.values() for _, _, c, _ in role if c}
        if place is not None and place.country:
            countries.add(place.country)
        for c in countries:
            self.by_country[c] += 1
        for s_label, s_name, _, s_code in parties["source"]:
            for t_label, t_name, _, t_code in parties["target"]:
                if s_label is None or t_label is None:
                    continue
                self.codes[s_label], self.codes[t_label] = s_code, t_code
                self.pairs[(s_label, t_label, e.type)] += 1
                self.pair_names[(s_label, t_label, e.type)][f"{s_name} -> {t_name}"] += 1
        if place is not None and (place.latitude is not None or place.country):
            pkey = (place.name, place.country or "", place.admin1 or "", place.precision,
                    place.latitude, place.longitude)
            self.by_place[pkey][e.type] += 1
        else:
            self.without_place += 1

    def merge(self, other: Tally, sign: int = 1) -> Tally:
        """Add `other`'s counts (sign=-1: take them away); returns self."""
        self.total += sign * other.total
        self.without_date += sign * other.without_date
        self.without_place += sign * other.without_place
        for name in ("by_day", "by_type", "by_modality", "by_country", "pairs"):
            _merge(getattr(self, name), getattr(other, name), sign)
        _merge_nested(self.pair_names, other.pair_names, sign)
        _merge_nested(self.by_place, other.by_place, sign)
        self.codes.update(other.codes)  # a node's code: the same in every tally that has it
        return self

    def render(self, interval: str, cut: NetworkCut = DEFAULT_CUT) -> dict[str, Any]:
        """The counts as /api/aggregates gives them, by `interval` (day, week, month, year;
        auto: `auto_interval` over the span of the dates), the actor network cut by `cut`."""
        days = {d for d, _, _ in self.by_day}
        if interval == "auto":
            interval = auto_interval(min(days), max(days)) if days else "day"
        by_date: Counter = Counter()
        for (d, t, m), n in self.by_day.items():
            by_date[(bucket(d, interval), t, m)] += n
        links, network = network_pairs(self.pairs, cut)
        return {
            "total": self.total, "interval": interval,
            "first": min(days) if days else None, "last": max(days) if days else None,
            "by_date": [{"date": d.isoformat(), "type": t, "modality": m, "count": n}
                        for (d, t, m), n in sorted(by_date.items())],
            "by_type": _counts(self.by_type), "by_modality": _counts(self.by_modality),
            "by_country": _counts(self.by_country),
            "actor_pairs": [
                {"source": s, "target": t, "type": ty, "count": n,
                 "source_code": self.codes.get(s, ""), "target_code": self.codes.get(t, ""),
                 "names": [name for name, _ in sorted(self.pair_names[(s, t, ty)].items(),
                                                      key=lambda kv: (-kv[1], kv[0]))[:3]]}
                for (s, t, ty), n in links
            ],
            "network": network,
            "places": [
                {"name": name, "country": country, "country_numeric": country_numeric(country),
                 "admin1": admin1, "precision": precision, "latitude": lat, "longitude": lon,
                 "count": sum(types.values()), "types": _counts(types)}
                for (name, country, admin1, precision, lat, lon), types in sorted(
                    self.by_place.items(), key=_place_order)
            ],
            "without_place": self.without_place,
            "without_date": self.without_date,
        }


def bucket(day: date, interval: str) -> date:
    """The first day of the day / ISO week / month / year holding `day`."""
    if interval == "week":
        return day - timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    if interval == "year":
        return day.replace(month=1, day=1)
    return day


def buckets_between(first: date, last: date, interval: str) -> int:
    """How many buckets of `interval` the time from `first` to `last` spans, both counted."""
    a, b = bucket(first, interval), bucket(last, interval)
    if interval == "year":
        return b.year - a.year + 1
    if interval == "month":
        return (b.year - a.year) * 12 + b.month - a.month + 1
    return (b - a).days // (7 if interval == "week" else 1) + 1


def auto_interval(first: date, last: date) -> str:
    """The finest interval that cuts the span from `first` to `last` into at most _MAX_BARS
    buckets: on a linear time axis a bar is as wide as its bucket, so it is the span shown,
    not how many buckets hold events, that keeps bars readable (four days over three years
    by day were four bars a pixel wide). The dashboard asks again for the brushed span."""
    return next((i for i in INTERVALS if buckets_between(first, last, i) <= _MAX_BARS), "year")
