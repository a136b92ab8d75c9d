"""The events' country filter before and after `event_countries` (#26, migration 0008), on one
store in one run: the SELECT of the hits with the condition the filter had (an EXISTS per event
over its arguments, actors and place) and `Store.event_hits` as it is now (event_countries; a
first page of a common country walks the documents in order), interleaved, best of `--repeat`.

    python bench/country_filter.py --sizes 2000,8000 [--country USA] [--repeat 5]
    python bench/country_filter.py --db /tmp/qs/query_scale.db   # a store kept by query_scale.py
    python bench/country_filter.py --url postgresql://u:p@host/empty_db --sizes 2000,8000

The store is filled as bench/query_scale.py fills it (real texts analysed once, rows cycled).
It prints JSON: per size, seconds for the first page (--limit 100, as the CLI and the dashboard
ask) and for every hit, old and new, their ratio, and the load average.

Measured 2026-12-07 (a641aef), --sizes 2000,8000,32000 --repeat 3, load average 5.5-8.5 (other
jobs: noisy): page (100 of 4,905 / 19,557 / 78,231 hits) old 0.118 -> 0.660 -> 0.789 s, new
0.0057 -> 0.0211 -> 0.0072 s (110x at 32,000); every hit old 0.371 -> 0.308 -> 1.173 s, new
0.142 -> 0.236 -> 0.603 s. `wirecoder events --country USA --limit 100 --csv` on a 32,000-document
store, 5 runs interleaved at load 1: 0.95-1.06 s before, 0.47-0.55 s after (start-up included),
the same CSV. PostgreSQL (--url, 2,000 -> 8,000, load 2.4-3.2): every hit old 0.300 -> 0.369 s,
new 0.028 -> 0.101 s; the page 2-30 ms either way (its planner walks the order index itself).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from query_scale import base_rows, fill  # noqa: E402


def scan_condition(codes: list[str]):
    """The country condition before 0008."""
    from sqlalchemy import exists, or_, select

    from wirecoder.store.schema import T_ACTORS, T_ARGS, T_EVENTS, T_PLACES

    joined = T_ARGS.join(T_ACTORS, T_ACTORS.c.id == T_ARGS.c.actor_id)
    return or_(
        exists(select(1).select_from(joined).where(
            T_ARGS.c.event_id == T_EVENTS.c.id, T_ACTORS.c.country.in_(codes))),
        exists(select(1).where(T_PLACES.c.id == T_EVENTS.c.place_id,
                               T_PLACES.c.country.in_(codes))))


def compare(url: str, country: str, repeat: int) -> dict:
    from wirecoder.extract.event_confidence import DEFAULT_MIN_CONFIDENCE
    from wirecoder.store import open_store
    from wirecoder.store.schema import T_EVENTS

    out: dict = {}
    with open_store(url, read_only=True) as store:
        base = store.event_conditions(min_confidence=DEFAULT_MIN_CONFIDENCE)
        old = [*base, scan_condition([country])]
        for name, limit in (("page", 100), ("all", None)):
            times: dict[str, list[float]] = {"old": [], "new": []}
            found: dict[str, list] = {}
            with store.engine.connect() as conn:
                for _ in range(max(1, repeat)):
                    started = time.perf_counter()
                    found["old"] = [tuple(r) for r in conn.execute(
                        store.hits_query(T_EVENTS, old, limit))]
                    times["old"].append(time.perf_counter() - started)
                    started = time.perf_counter()  # as the CLI asks: the filter's checks too
                    found["new"] = store.event_hits(limit=limit, country=country,
                                                    min_confidence=DEFAULT_MIN_CONFIDENCE)
                    times["new"].append(time.perf_counter() - started)
            assert found["old"] == found["new"], "the two conditions disagree"
            out[f"{name}_rows"] = len(found["new"])
            for label in ("old", "new"):
                out[f"{name}_{label}_s"] = round(min(times[label]), 4)
            out[f"{name}_old_over_new"] = round(min(times["old"]) / max(min(times["new"]), 1e-9), 1)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,8000")
    parser.add_argument("--db", help="measure this store instead of filling one")
    parser.add_argument("--url", help="fill this (empty) store, e.g. a PostgreSQL database, "
                        "instead of a temporary SQLite file")
    parser.add_argument("--texts", type=int, default=12)
    parser.add_argument("--docs-per-day", type=int, default=200)
    parser.add_argument("--country", default="USA")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    load_before = os.getloadavg()
    results = []
    if args.db:
        results.append({"store": args.db, **compare(f"sqlite:///{args.db}", args.country,
                                                     args.repeat)})
    else:
        bases = [b for b in base_rows(args.texts) if b.get("events")]
        with tempfile.TemporaryDirectory() as tmpdir:
            url = args.url or f"sqlite:///{Path(tmpdir) / 'country.db'}"
            have = 0
            for n in sorted(int(s) for s in args.sizes.split(",")):
                fill(url, bases, have, n, args.docs_per_day)
                have = n
                results.append({"documents": n, **compare(url, args.country, args.repeat)})
                print(json.dumps(results[-1]), file=sys.stderr)
    print(json.dumps({"country": args.country, "sizes": results,
                      "load_average_before": [round(x, 2) for x in load_before],
                      "load_average_after": [round(x, 2) for x in os.getloadavg()]}, indent=2))


if __name__ == "__main__":
    main()
