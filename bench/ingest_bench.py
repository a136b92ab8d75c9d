"""Ingest throughput: `wirecoder.store.ingest` with 1 and 2 workers against the spaCy parse floor.

    python bench/ingest_bench.py [--texts 40] [--repeat 2] [--db sqlite|URL]

Machines are noisy, so nothing here asserts absolute times: it reports ratios against plain
`nlp.pipe` of the same cleaned texts in the same run (ingest time / parse time; the 2-worker run
against the 1-worker run). Each measured ingest writes into a fresh store (a temporary SQLite file
by default; with --db URL the store's tables there are emptied first: give a scratch database).
Texts are the seed article plus PolNeAR dev articles when ../shared/data is present.
"""

from __future__ import annotations

import argparse
import json
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
            started = time.perf_counter()
            summary = ingest([corpus], url, workers=workers, progress=False, pipeline=pipeline)
            elapsed = time.perf_counter() - started
            assert summary.stored == len(texts), summary.line()
            return elapsed

        floor = min(_timed(parse_floor) for _ in range(args.repeat))
        one = min(run_ingest(1, n) for n in range(args.repeat))
        two = min(run_ingest(2, n) for n in range(args.repeat))

    report = {
        "texts": len(texts), "words": words,
        "parse_floor_words_per_s": round(words / floor),
        "ingest_1_worker_words_per_s": round(words / one),
        "ingest_2_workers_words_per_s": round(words / two),
        "ingest_1_worker_vs_parse": round(one / floor, 2),
        "ingest_2_workers_vs_parse": round(two / floor, 2),
        "speedup_2_workers_vs_1": round(one / two, 2),
    }
    print(json.dumps(report, indent=2))


def _timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
