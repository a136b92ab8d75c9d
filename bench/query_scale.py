"""Queries, exports and the API's reads on a growing store (#26): time per call at each size.

    python bench/query_scale.py [--sizes 2000,8000] [--texts 12] [--db-dir DIR] [--repeat 3]
    python bench/query_scale.py --sizes 2000,8000,32000 --country USA

A few real texts (the seed article, PolNeAR dev, TR-News, GeoVirus under ../shared/data) are
analysed once by the full pipeline (cached in the temp directory); the store is then filled by
cycling their rows: each synthetic document is a copy of one analysed text's rows with new ids
(document, records and every reference between them) and its publication and event dates moved
to its day in the stream (`--docs-per-day`). Rows go in through the store's own tables in
batches (the NLP pipeline never runs per document). The store grows in place from one size to
the next. At each size it measures, best of `--repeat`:

- events_page: `wirecoder events --country X --limit 100 --csv` (a page, as the CLI and the
  dashboard ask for one);
- events_all_per_row: the same without a limit, per row printed;
- gdelt_export: `wirecoder export --format gdelt-tsv`, rows/s and peak RSS of a child process
  that does only the export;
- cache_check: the API's check that the store is unchanged (`StoreReader.memo` hit), ms;
- aggregates: /api/aggregates counted from scratch (every event read, as before #26), s;
  aggregates_first: a new reader's first answer (document by document, `AggregateCache`);
  aggregates_after_commit: a reader that answered, after a commit of `--commit` documents.

It prints JSON with every figure, the ratios of the largest size to the smallest, and the load.

Measured 2026-12-07, SQLite, 2 cores, load average 5-10 (other jobs): 2,000 -> 8,000 -> 32,000
documents (18k -> 72k -> 288k events). Cache check before 0007: 7.1 -> 33.4 ms; after
0.076 -> 0.082 -> 0.080 ms. GDELT export peak RSS before 168 -> 179 MB, streamed 168 -> 169
-> 225 MB (the database's own sort of the hits: the ORDER BY has no index yet), 612-838 rows/s.
events --country USA --limit 100: 0.24 -> 0.41 -> 3.7 s (scans every event; not fixed yet).

Measured 2026-12-07 10:00-10:50, same sizes, load average 4-9 (other jobs: noisy; compare ratios
within a run). Before 0008 (489a38a): aggregates from scratch 1.70 -> 6.75 -> 29.8 s (x17.5 for
x16 documents); events page 0.19 -> 0.49 -> 1.33 s. After (aggregate cache): from scratch
3.58 -> 7.55 -> 21.0 s, a reader's answer after a 20-document commit 0.063 -> 0.029 -> 0.106 s
(200x less at 32,000). The page's SELECT: bench/country_filter.py. GDELT export 316 -> 514 ->
324 rows/s, peak RSS 168 -> 169 -> 231 MB: not faster (it rebuilds whole analyses, see #26).
Since, the event exports read only the columns their rows use: bench/export_scale.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dedup_scale import BASE_DAY, load_texts  # noqa: E402

from wirecoder.store.span_pack import renamed  # noqa: E402

_DAYISH = re.compile(r"^(\d{4}-\d{2}-\d{2})")
# columns that hold a record id of the same document (renamed per copy)
ID_COLUMNS = ("id", "document_id", "record_id", "event_id", "actor_id", "place_id", "time_id",
              "quote_id", "sentence_id", "speaker_actor_id", "addressee_actor_id",
              "incident_id")


def base_rows(limit: int) -> list[dict[str, list[dict]]]:
    """Rows of each analysed text (`analysis_to_rows`), analysed once and cached as JSON."""
    from wirecoder.store.convert import analysis_to_rows

    cache = Path(tempfile.gettempdir()) / f"wirecoder_query_scale_{limit}.json"
    if not cache.exists():
        from wirecoder import Pipeline
        from wirecoder.ingest.base import RawDocument

        raws = [RawDocument(text=t, published=BASE_DAY, doc_id=f"base{i}")
                for i, t in enumerate(load_texts(limit))]
        analyses = [a.model_dump_json() for a in Pipeline().pipe(raws)]
        cache.write_text(json.dumps(analyses), "utf-8")
    from wirecoder.records import Analysis

    out = []
    for text in json.loads(cache.read_text("utf-8")):
        rows = analysis_to_rows(Analysis.model_validate_json(text), None, BASE_DAY)
        out.append({k: v for k, v in rows.items() if v})
    return out


def _moved(value, days: int):
    if isinstance(value, datetime):
        return value + timedelta(days=days)
    if isinstance(value, date):
        return value + timedelta(days=days)
    if isinstance(value, str) and (m := _DAYISH.match(value)):
        try:
            return (date.fromisoformat(m[1]) + timedelta(days=days)).isoformat() + value[10:]
        except ValueError:
            return value
    return value


def copy_rows(base: dict[str, list[dict]], i: int, days: int) -> dict[str, list[dict]]:
    """One synthetic document: `base`'s rows under new ids, its dates moved by `days`."""
    suffix = f"~{i}"
    out: dict[str, list[dict]] = {}
    for table, rows in base.items():
        new = []
        for row in rows:
            row = dict(row)
            for col in ID_COLUMNS:
                if row.get(col):
                    row[col] += suffix
            if row.get("asserted_by") not in (None, "narrator"):
                row["asserted_by"] += suffix
            if table == "claims":
                row["quantity_ids"] = [q + suffix for q in row["quantity_ids"] or []]
            if table == "span_packs":  # the record ids inside the pack (migration 0010)
                row["spans"] = renamed(row["spans"], lambda rid: rid + suffix)
            for col in ("published", "published_iso", "event_date", "value"):
                if col in row:
                    row[col] = _moved(row[col], days)
            if table == "documents":
                row["url"] = f"https://example.org/{i}"
                row["stored_at"] = datetime.now(UTC)
            new.append(row)
        out[table] = new
    return out


def fill(url: str, bases, start: int, stop: int, per_day: int, batch: int = 200) -> float:
    """Add documents start..stop-1 to the store; returns the seconds it took."""
    from sqlalchemy import insert

    from wirecoder.store import open_store
    from wirecoder.store.repository import INSERT_ORDER

    started = time.perf_counter()
    with open_store(url) as store:
        for first in range(start, stop, batch):
            rows: dict[str, list[dict]] = {}
            for i in range(first, min(stop, first + batch)):
                for table, items in copy_rows(bases[i % len(bases)], i, i // per_day).items():
                    rows.setdefault(table, []).extend(items)
            with store.engine.begin() as conn:
                for table in INSERT_ORDER:
                    if rows.get(table.name):
                        conn.execute(insert(table), rows[table.name])
                touched = getattr(store, "touch", None)  # the store's change counter, if any
                if touched is not None:
                    touched(conn)
    return time.perf_counter() - started


def best(fn, repeat: int) -> tuple[float, object]:
    times, value = [], None
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - started)
    return min(times), value


EXPORT_CHILD = """
import json, resource, sys, time
from wirecoder.store.exports import export
started = time.perf_counter()
n = export(sys.argv[1], "gdelt-tsv", sys.argv[2])
print(json.dumps({"rows": n, "seconds": time.perf_counter() - started,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def measure(url: str, tmp: Path, country: str, repeat: int) -> dict:
    from wirecoder.api.data import StoreReader
    from wirecoder.store import open_store
    from wirecoder.store.queries import query

    out: dict = {}
    with open(os.devnull, "w") as null:
        seconds, n = best(lambda: query("events", url, fmt="csv", out=null, country=country,
                                        limit=100), repeat)
        out["events_page_s"] = round(seconds, 4)
        seconds, n = best(lambda: query("events", url, fmt="csv", out=null, country=country), 1)
        out["events_all_rows"] = n
        out["events_all_s"] = round(seconds, 3)
        out["events_all_ms_per_row"] = round(1000 * seconds / max(n, 1), 3)
    child = subprocess.run([sys.executable, "-c", EXPORT_CHILD, url, str(tmp / "out.tsv")],
                           capture_output=True, text=True, check=True, env=os.environ)
    done = json.loads(child.stdout.strip().splitlines()[-1])
    out["gdelt_rows"] = done["rows"]
    out["gdelt_s"] = round(done["seconds"], 3)
    out["gdelt_rows_per_s"] = round(done["rows"] / max(done["seconds"], 1e-9))
    out["gdelt_peak_rss_mb"] = round(done["peak_rss_mb"])
    with open_store(url, read_only=True) as store:
        reader = StoreReader(store)
        reader.memo(("bench",), lambda: 0)
        checks = []
        for _ in range(30):
            started = time.perf_counter()
            reader.memo(("bench",), lambda: 0)
            checks.append(time.perf_counter() - started)
        out["cache_check_ms"] = round(1000 * statistics.median(checks), 3)
        cold = StoreReader(store, memo=False)
        seconds, agg = best(lambda: cold.aggregates_from_scratch(), repeat)
        out["aggregates_s"] = round(seconds, 3)
        out["aggregates_events"] = agg["total"]
        seconds, _ = best(lambda: StoreReader(store, memo=False).aggregates(), 1)
        out["aggregates_first_s"] = round(seconds, 3)
    return out


def after_commit(url: str, bases, have: int, per_day: int, added: int) -> dict:
    """/api/aggregates on a reader that answered before a commit of `added` documents."""
    from wirecoder.api.data import StoreReader
    from wirecoder.store import open_store

    with open_store(url, read_only=True) as store:
        reader = StoreReader(store, memo=False)
        reader.aggregates()
        fill(url, bases, have, have + added, per_day)
        started = time.perf_counter()
        reader.aggregates()
        return {"aggregates_after_commit_s": round(time.perf_counter() - started, 4),
                "commit_documents": added}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,8000")
    parser.add_argument("--texts", type=int, default=12, help="real texts analysed and cycled")
    parser.add_argument("--docs-per-day", type=int, default=200)
    parser.add_argument("--country", default="USA")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--commit", type=int, default=20,
                        help="documents of the commit after which aggregates are read again")
    parser.add_argument("--db-dir", help="keep the store here (default: a temp folder)")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    bases = [b for b in base_rows(args.texts) if b.get("events")]
    load_before = os.getloadavg()
    results = []
    with tempfile.TemporaryDirectory() as tmpdir:
        folder = Path(args.db_dir or tmpdir)
        folder.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{folder / 'query_scale.db'}"
        have = 0
        for n in sizes:
            fill_s = fill(url, bases, have, n, args.docs_per_day)
            have = n
            row = {"documents": n, "fill_s": round(fill_s, 1),
                   **measure(url, Path(tmpdir), args.country, args.repeat),
                   **after_commit(url, bases, n, args.docs_per_day, args.commit)}
            have += args.commit
            print(json.dumps(row), file=sys.stderr)
            results.append(row)
    first, last = results[0], results[-1]
    ratio_keys = ("events_page_s", "events_all_ms_per_row", "gdelt_rows_per_s",
                  "gdelt_peak_rss_mb", "cache_check_ms", "aggregates_s", "aggregates_first_s",
                  "aggregates_after_commit_s")
    print(json.dumps({
        "texts_with_events": len(bases), "sizes": results,
        "size_ratio": last["documents"] / first["documents"],
        "ratio_largest_over_smallest": {k: round(last[k] / max(first[k], 1e-9), 2)
                                        for k in ratio_keys},
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }, indent=2))


if __name__ == "__main__":
    main()
