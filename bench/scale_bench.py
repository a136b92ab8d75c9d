"""Throughput with the relevance pre-filter and on Ray, against the spaCy parse floor.

    python bench/scale_bench.py [--docs 90] [--workers 2] [--repeat 2] [--no-ray]

The input is a sample of the mixed feed of `wirecoder eval relevance` (PolNeAR, TR-News and
GeoVirus articles, TimeBank news, Python's reference and docstrings), every k-th document of each
source so the mixture keeps its proportions. Machines are noisy, so everything is reported as
documents per second *and* as a ratio to plain spaCy `nlp.pipe` over the same cleaned texts,
measured in the same run:

- parse floor: spaCy alone, every document;
- pipeline: the full default pipeline, every document;
- pipeline + filter: the filter on every document, the pipeline on the kept ones;
- ingest + filter (local, 1 process) and ingest + filter (Ray, `--workers` actors, a local
  cluster started before the clock runs) into a temporary SQLite store.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = REPO.parent / "shared" / "data"


def sample_feed(docs: int) -> list[str]:
    from wirecoder.evaluate.relevance import non_political, political_news

    sources = {**political_news(DATA), **non_political(DATA)}
    total = sum(len(v) for v in sources.values())
    out: list[str] = []
    for texts in sources.values():
        share = max(1, round(docs * len(texts) / total))
        out += texts[:: max(1, len(texts) // share)][:share]
    return out


def timed(fn, repeat: int = 1) -> float:
    """The best of `repeat` runs: other load on the machine only ever adds time."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=90)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2, help="best of N for the in-memory runs")
    parser.add_argument("--no-ray", action="store_true")
    args = parser.parse_args()

    from wirecoder import Pipeline
    from wirecoder.clean import clean
    from wirecoder.nlp import load_nlp
    from wirecoder.relevance import RelevanceFilter
    from wirecoder.store import ingest

    texts = sample_feed(args.docs)
    n = len(texts)
    keep = RelevanceFilter().keep
    nlp, pipeline = load_nlp(), Pipeline()
    list(pipeline.pipe(texts[:2]))  # warm up caches and lazy imports
    cleaned = [clean(t).text for t in texts]
    r = max(1, args.repeat)
    parse = timed(lambda: list(nlp.pipe(cleaned, batch_size=64)), r)
    full = timed(lambda: list(pipeline.pipe(texts, batch_size=64)), r)
    kept = [t for t in texts if keep(t)]
    filter_only = timed(lambda: [keep(t) for t in texts], r)
    filtered = filter_only + timed(lambda: list(pipeline.pipe(kept, batch_size=64)), r)

    words = sum(len(t.split()) for t in texts)
    result = {"documents": n, "kept_by_filter": len(kept), "words": words,
              # long political articles carry most words: the parse time saved follows words
              "words_kept_share": round(sum(len(t.split()) for t in kept) / words, 3),
              "parse_floor_docs_per_second": round(n / parse, 2),
              "filter_docs_per_second": round(n / filter_only),
              "pipeline_docs_per_second": round(n / full, 2),
              "pipeline_with_filter_docs_per_second": round(n / filtered, 2),
              "pipeline_over_parse_floor": round((n / full) / (n / parse), 3),
              "pipeline_with_filter_over_parse_floor": round((n / filtered) / (n / parse), 3)}

    with tempfile.TemporaryDirectory() as tmp:
        feed = Path(tmp) / "feed.jsonl"
        feed.write_text("\n".join(json.dumps({"id": f"doc{i}", "text": t})
                                  for i, t in enumerate(texts)), "utf-8")
        local = ingest([feed], Path(tmp) / "local.db", progress=False, pipeline=pipeline,
                       relevance_filter=True)
        result["ingest_with_filter_docs_per_second"] = round(n / local.seconds, 2)
        result["ingest_with_filter_over_parse_floor"] = round((n / local.seconds) / (n / parse), 3)
        if not args.no_ray:
            import ray

            ray.init(num_cpus=args.workers, include_dashboard=False, log_to_driver=False)
            try:
                remote = ingest([feed], Path(tmp) / "ray.db", progress=False, pipeline=pipeline,
                                relevance_filter=True, engine="ray", workers=args.workers)
            finally:
                ray.shutdown()
            result["ray_workers"] = args.workers
            result["ray_ingest_with_filter_docs_per_second"] = round(n / remote.seconds, 2)
            result["ray_ingest_with_filter_over_parse_floor"] = round(
                (n / remote.seconds) / (n / parse), 3)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
