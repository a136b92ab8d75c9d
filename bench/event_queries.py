"""Filtered event queries on a big store (#26): p50/p95 per filter, the CLI's and the API's.

    python bench/event_queries.py --db /tmp/q100k.db --fill 100000          # fill, then measure
    python bench/event_queries.py --url postgresql://u:p@host/db --fill 100000 [--runs 20]
    python bench/event_queries.py --db /tmp/q100k.db --only country,actor --plan

`--fill N` grows the store to N documents as bench/query_scale.py fills it (real texts analysed
once, their rows copied under new ids and dates by direct inserts, 200 documents a day), from the
documents it holds already, so a killed fill resumes. Each case is one set of event filters
(country, type, date range, actor, place text, min-confidence, a combination, and deep pages)
asked `--runs` times, interleaved with the other cases, three ways:

- cli: `queries.query("events", fmt="csv", limit=100, **filters)` in this process (what
  `wirecoder events ... --limit 100 --csv` runs after start-up: the store opened, the hits
  found, their documents read and the rows written);
- api: GET /api/events?limit=100&offset=O (the offset cases page deep);
- table: GET /api/events/table?limit=100 (the dashboard's table; keyset cases page from a
  cursor deep in the order).

The API runs in-process (TestClient) with its answer cache off and its cache of rebuilt
documents emptied before each request, so every request reads the store. `--plan` prints the
database's plan of each case's hit query (EXPLAIN QUERY PLAN / EXPLAIN). It prints JSON: per
case and way, hits, p50 and p95 in ms; the load average before and after (2 shared cores: the
figures move with the load, compare within one run).

Measured 2026-12-07 19:08-19:12 UTC (h56, after migration 0013: events hold their document's
publication time and the listings' order is their own index), 100,000 documents, 900,018
events, `--runs 3` (all three ways), load average 4.4-5.8 on 2 cores (other jobs): p50/p95 ms.
SQLite cli/api/table: default 36/60 40/162 40/52; country 82/83 118/128 90/155; country_rare
94/96 174/437 133/187; type 68/69 66/78 76/80; dates 182/247 125/323 111/453; actor 72/124
171/213 153/268; place (33,335 places named so, no event's) 90/103 88/150 137/160;
min_confidence 58/120 52/80 73/78; combined 274/296 275/527 243/404; deep offset 20,000 (api)
64/128, deep_country 421/430; table cursors 57/58, 145/201. PostgreSQL: default 90/147 71/188
33/51; country 118/125 146/152 91/116; country_rare 135/146 132/162 104/127; type 74/85 50/226
52/59; dates 155/194 86/92 156/252; actor 101/137 207/245 187/188; min_confidence 105/122 61/94
41/72; combined 343/904 521/522 299/331; deep offset 55/79, deep_country 1231/1354; table
cursors 36/58, 188/192; place 1215/1582 680/777 1931/2149 (again at 19:13, load 4.2, after its
last change; its own semi-join, as before). Before, main's code on the same stores, load 1.3-4.7:
the table 0.5-4.9 s p95 on SQLite (a sort of every hit), PostgreSQL country 2.7/3.3/3.3 s,
actor api 2.8 s, combined 2.1/3.1/3.3 s, deep_country 4.6/5.2 s, place 1.0-1.3 s on SQLite and
1.3-2.7 s on PostgreSQL. Earlier (h54, 16:35-16:45 UTC, load 9.4-11.1, main before these
changes): SQLite place 13,290 ms p95, PostgreSQL country cli 6,331, api 8,744. Still over 300 ms
p95: PostgreSQL place, deep_country (an OFFSET reads every hit before it; the table's cursor
does not), combined; SQLite combined, dates and country_rare's api/table p95 (p50 under 300).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

CASES: dict[str, dict] = {
    "default": {},
    "country": {"country": "USA"},
    "country_rare": {"country": "MEX"},
    "type": {"type": "ASSAULT"},
    "dates": {"since": "+30", "until": "+37"},  # days after the stream's first day
    "actor": {"actor": "trump"},
    "place": {"place": "washington"},
    "min_confidence": {"min_confidence": 0.8},
    "combined": {"country": "USA", "type": "ASSAULT", "since": "+10", "until": "+200"},
    "all_confidence": {"min_confidence": 0},
}
# cases that page deep: (offset for /api/events, pages walked by the table's cursor)
DEEP = {"deep_page": {}, "deep_country": {"country": "USA"}}
DEEP_OFFSET = 20_000


def fill_to(url: str, n: int) -> float:
    from query_scale import base_rows, fill

    from wirecoder.store import open_store

    with open_store(url) as store:
        have = store.count("documents")
    if have >= n:
        return 0.0
    bases = [b for b in base_rows(12) if b.get("events")]
    return fill(url, bases, have, n, 200, batch=500)


def _dated(filters: dict, first_day) -> dict:
    from datetime import timedelta

    out = dict(filters)
    for key in ("since", "until"):
        if isinstance(out.get(key), str) and out[key].startswith("+"):
            out[key] = (first_day + timedelta(days=int(out[key][1:]))).isoformat()
    return out


def plans(store, cases: dict[str, dict]) -> dict[str, list[str]]:
    """The database's plan of each case's first page of hits (`Store.event_hits`)."""
    from sqlalchemy import func, select

    from wirecoder.store import hit_plan
    from wirecoder.store.queries import with_default_confidence
    from wirecoder.store.record_filters import event_conditions
    from wirecoder.store.schema import T_EVENTS

    out = {}
    original = hit_plan.hits_query
    for name, filters in cases.items():
        captured: list = []

        def spy(*args, _captured=captured, **kwargs):
            _captured.append(original(*args, **kwargs))
            return _captured[-1]

        hit_plan.hits_query = spy
        try:
            store.event_hits(limit=100, **with_default_confidence(filters))
        finally:
            hit_plan.hits_query = original
        conds = event_conditions(store.held_countries, store._event_types,
                                 common=lambda codes: False,
                                 **with_default_confidence(filters))
        count = select(func.count()).select_from(T_EVENTS).where(*conds)
        explain = "EXPLAIN QUERY PLAN " if store.dialect == "sqlite" else "EXPLAIN "
        for what, query in (("page", captured[-1]), ("count", count)):
            with store.engine.connect() as conn:
                rows = conn.exec_driver_sql(*_explained(explain, query.compile(
                    store.engine, compile_kwargs={"render_postcompile": True}))).all()
            out[f"{name}/{what}"] = [" ".join(str(c) for c in r) for r in rows]
    return out


def _explained(explain: str, compiled) -> tuple:
    """The statement and parameters of `explain` + a compiled query, for exec_driver_sql."""
    if compiled.positiontup is not None:  # SQLite's qmark parameters
        return explain + str(compiled), tuple(compiled.params[k] for k in compiled.positiontup)
    return explain + str(compiled), compiled.params


def percentiles(times: list[float]) -> dict:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50_ms": round(1000 * statistics.median(ordered), 1),
            "p95_ms": round(1000 * p95, 1), "runs": len(ordered)}


def measure(url: str, cases: dict[str, dict], deep: dict[str, dict], runs: int,
            ways: tuple[str, ...] = ("cli", "api", "table")) -> dict:
    from fastapi.testclient import TestClient

    from wirecoder.api import create_app
    from wirecoder.store.queries import query

    app = create_app(url, cache=False)
    client = TestClient(app)
    reader = app.state.reader
    times: dict[tuple[str, str], list[float]] = {}
    hits: dict[tuple[str, str], int] = {}

    def timed(key: tuple[str, str], fn) -> None:
        if key[1] not in ways:
            return
        reader._contexts.clear()
        started = time.perf_counter()
        n = fn()
        times.setdefault(key, []).append(time.perf_counter() - started)
        hits[key] = n
        print(json.dumps({"case": key[0], "way": key[1], "hits": n,  # progress, to stderr
                          "ms": round(1000 * times[key][-1], 1)}), file=sys.stderr, flush=True)

    def api(path: str, params: dict) -> int:
        answer = client.get(path, params=params)
        if answer.status_code != 200:
            raise SystemExit(f"bench: {path} {params}: {answer.status_code} {answer.text[:300]}")
        body = answer.json()
        return body["total"]

    cursors = {}
    for name, filters in deep.items() if "table" in ways else ():  # a cursor deep in the table
        from wirecoder.store.event_order import event_page
        from wirecoder.store.queries import with_default_confidence

        page = event_page(reader.store, limit=1, count_cap=0, **with_default_confidence(filters))
        after, walked = page.hits[-1][1], 0
        while walked < DEEP_OFFSET:
            step = event_page(reader.store, limit=1000, after=after, count_cap=0,
                              **with_default_confidence(filters))
            if not step.hits:
                break
            after, walked = step.hits[-1][1], walked + len(step.hits)
        cursors[name] = after
    with open(os.devnull, "w") as null:
        for _ in range(runs):
            for name, filters in cases.items():
                timed((name, "cli"), lambda f=filters: query("events", url, fmt="csv", out=null,
                                                              limit=100, **f))
                timed((name, "api"), lambda f=filters: api("/api/events", {"limit": 100, **f}))
                timed((name, "table"), lambda f=filters: api("/api/events/table",
                                                            {"limit": 100, **f}))
            for name, filters in deep.items():
                timed((name, "api"), lambda f=filters: api(
                    "/api/events", {"limit": 100, "offset": DEEP_OFFSET, **f}))
                timed((name, "table"), lambda f=filters, n=name: api(
                    "/api/events/table", {"limit": 100, "after": cursors[n], **f}))
    client.close()
    reader.store.close()
    out: dict = {}
    for (name, way), spent in times.items():
        out.setdefault(name, {})[way] = {"hits": hits[(name, way)], **percentiles(spent)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", help="a SQLite file (made when missing)")
    where.add_argument("--url", help="a database URL the bench may fill")
    parser.add_argument("--fill", type=int, default=0, help="grow the store to N documents first")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--only", help="comma-separated case names")
    parser.add_argument("--plan", action="store_true", help="print each case's query plan")
    parser.add_argument("--ways", default="cli,api,table", help="comma-separated: cli, api, table")
    args = parser.parse_args()
    url = args.url or f"sqlite:///{Path(args.db).resolve()}"
    fill_s = fill_to(url, args.fill) if args.fill else 0.0
    from sqlalchemy import func, select

    from wirecoder.store import open_store
    from wirecoder.store.schema import T_DOCS

    with open_store(url, read_only=True) as store:
        first = store.engine.connect().execute(select(func.min(T_DOCS.c.published))).scalar()
        documents, events = store.count("documents"), store.count("events")
        wanted = set(args.only.split(",")) if args.only else None
        cases = {k: _dated(v, first.date()) for k, v in CASES.items()
                 if wanted is None or k in wanted}
        deep = {k: v for k, v in DEEP.items() if wanted is None or k in wanted}
        plan = plans(store, cases) if args.plan else None
    load_before = os.getloadavg()
    results = measure(url, cases, deep, args.runs, tuple(args.ways.split(",")))
    print(json.dumps({
        "store": url.split(":", 1)[0], "documents": documents, "events": events,
        "fill_s": round(fill_s, 1), "results": results,
        **({"plans": plan} if plan else {}),
        "worst_p95_ms": max(w["p95_ms"] for r in results.values() for w in r.values()),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }, indent=1))


if __name__ == "__main__":
    main()
