"""CPU time of the events stage alone against the spaCy parse, on the texts bench/run.py uses.

    python bench/events_stage_time.py [--repeat 3] [--texts 40]

bench/run.py measures wall time of whole pipelines and takes a difference, which a busy machine
makes noisy; this times the events stage's own calls with process CPU time instead.
"""

from __future__ import annotations

import argparse
import json
import time

from run import load_texts


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--texts", type=int, default=40)
    args = parser.parse_args()

    from wirecoder import Pipeline
    from wirecoder.clean import clean
    from wirecoder.nlp import load_nlp

    texts = load_texts(args.texts)
    cleaned = [clean(t).text for t in texts]
    nlp = load_nlp()
    pipeline = Pipeline()
    k = [spec.name for spec in pipeline.specs].index("events")
    events_stage = pipeline._runners[k]
    spent = [0.0]

    def timed(state):
        started = time.process_time()
        out = events_stage(state)
        spent[0] += time.process_time() - started
        return out

    pipeline._runners[k] = timed
    list(pipeline.pipe(texts[:2]))  # warm up caches and lazy imports
    best = {"events": float("inf"), "parse": float("inf"), "pipeline": float("inf")}
    for _ in range(args.repeat):
        spent[0] = 0.0
        started = time.process_time()
        list(pipeline.pipe(texts, batch_size=64))
        best["pipeline"] = min(best["pipeline"], time.process_time() - started)
        best["events"] = min(best["events"], spent[0])
        started = time.process_time()
        list(nlp.pipe(cleaned, batch_size=64))
        best["parse"] = min(best["parse"], time.process_time() - started)
    print(json.dumps({
        "texts": len(texts),
        "events_cpu_seconds": round(best["events"], 3),
        "parse_cpu_seconds": round(best["parse"], 3),
        "pipeline_cpu_seconds": round(best["pipeline"], 3),
        "events_over_parse": round(best["events"] / best["parse"], 3),
    }, indent=2))


if __name__ == "__main__":
    main()
