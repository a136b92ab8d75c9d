"""Ingest throughput: `wirecoder.store.ingest` with 1 and 2 workers against the spaCy parse floor.

    python bench/ingest_bench.py [--texts 40] [--repeat 2] [--db sqlite|URL]

Machines are noisy, so nothing here asserts absolute times: it reports throughput ratios measured
in the same run, with the load average before and after (other processes share the cores):
- ingest_1_worker_vs_parse: ingest throughput (every extractor on, stored) / plain `nlp.pipe`
  throughput on the same cleaned texts (issue #8's target: >= 0.60);
- speedup_2_workers_vs_1: 2-worker ingest throughput / 1-worker (target: >= 1.7 on 2 cores).
Each measured ingest writes into a fresh store (a temporary SQLite file by default; with --db URL
the store's tables there are emptied first: give a scratch database). Texts are the seed article
plus PolNeAR dev articles when ../shared/data is present. Runs alternate (parse, 1 worker,
2 workers, parse, ...) so a burst of load from elsewhere does not land on one setting only.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent
sys.path.insert(0, str(REPO))

from run import load_texts  # noqa: E402  (bench/run.py: the same texts as the speed benchmark)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=40)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--db", default="sqlite", help="sqlite (a temporary file) or a URL")
    args = parser.parse_args()

    from wirecoder import Pipeline
    from wirecoder.clean import clean
    from wirecoder.nlp import load_nlp
    from wirecoder.store import ingest
    from wirecoder.store.testing import empty_store

    texts = load_texts(args.texts)
    words = sum(len(t.split()) for t in texts)
    cleaned = [clean(t).text for t in texts]
    nlp = load_nlp()
    pipeline = Pipeline()
    list(pipeline.pipe(texts[:2]))  # warm up caches and lazy imports
    list(nlp.pipe(cleaned[:2]))
    load_before = os.getloadavg()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w") as fh:
            for i, text in enumerate(texts):
                fh.write(json.dumps({"id": f"bench-{i}", "text": text,
                                     "published": "2025-01-31"}) + "\n")

        def parse_floor() -> None:
            for _ in nlp.pipe(cleaned, batch_size=32):
                pass

        def run_ingest(workers: int, n: int) -> float:
            url = args.db if args.db != "sqlite" else f"sqlite:///{tmp}/bench-{workers}-{n}.db"
            if args.db != "sqlite":
                empty_store(url, drop=True)
            cpu_before = _cpu_seconds()
            started = time.perf_counter()
            summary = ingest([corpus], url, workers=workers, progress=False, pipeline=pipeline)
            elapsed = time.perf_counter() - started
            # CPU seconds per wall second: how many cores the run kept busy (2 = both).
            cpu = _cpu_seconds() - cpu_before
            busy[workers].append(cpu / elapsed)
            cpu_spent[workers].append(cpu)
            assert summary.stored == len(texts), summary.line()
            return elapsed

        floors, ones, twos = [], [], []
        busy: dict[int, list[float]] = {1: [], 2: []}
        cpu_spent: dict[int, list[float]] = {1: [], 2: []}
        for n in range(args.repeat):
            floors.append(_timed(parse_floor))
            ones.append(run_ingest(1, n))
            twos.append(run_ingest(2, n))
        floor, one, two = min(floors), min(ones), min(twos)
        ceiling = _parallel_ceiling()

    report = {
        "texts": len(texts), "words": words,
        "parse_floor_words_per_s": round(words / floor),
        "ingest_1_worker_words_per_s": round(words / one),
        "ingest_2_workers_words_per_s": round(words / two),
        "ingest_1_worker_vs_parse": round(floor / one, 2),
        "ingest_2_workers_vs_parse": round(floor / two, 2),
        "speedup_2_workers_vs_1": round(one / two, 2),
        "cores_busy_1_worker": round(max(busy[1]), 2),
        "cores_busy_2_workers": round(max(busy[2]), 2),
        # CPU seconds of the 1-worker run / of the 2-worker run: 1.0 means the parallel path
        # costs no extra work, so its wall-clock speedup is bounded only by free cores.
        "cpu_efficiency_2_vs_1": round(min(cpu_spent[1]) / min(cpu_spent[2]), 2),
        # The same 1-vs-2-process ratio for a pure CPU loop, measured right after: the most any
        # 2-process program could gain here and now. speedup / ceiling = the ingest's share of it.
        "cpu_loop_2_vs_1_ceiling": round(ceiling, 2),
        "speedup_vs_ceiling": round((one / two) / ceiling, 2),
        "cpus": os.cpu_count(),
        # With autogroup on, the kernel shares CPU per session, not per process: while other
        # sessions keep the cores busy, this session gets the same share with 1 or 2 workers
        # and the wall-clock speedup says nothing about the parallel path (see cores_busy_*).
        "sched_autogroup": _autogroup(),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }
    print(json.dumps(report, indent=2))


def _spin(n: int) -> int:
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def _parallel_ceiling(n: int = 6_000_000) -> float:
    """Throughput of 2 processes each running a CPU loop against 1 process running it once."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    started = time.perf_counter()
    _spin(n)
    alone = time.perf_counter() - started
    started = time.perf_counter()
    procs = [ctx.Process(target=_spin, args=(n,)) for _ in range(2)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join()
    both = time.perf_counter() - started
    return 2 * alone / both


def _autogroup() -> bool | None:
    try:
        return Path("/proc/sys/kernel/sched_autogroup_enabled").read_text().strip() == "1"
    except OSError:
        return None


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (the ingest's worker processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
