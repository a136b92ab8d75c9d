"""Speed benchmark: the full pipeline against the spaCy parse floor, measured in the same run.

    python bench/run.py [--repeat 3] [--texts N]

Machines are noisy, so nothing here asserts absolute times: it reports ratios (pipeline time /
plain `nlp.pipe` time on the same texts). Texts are the seed article plus PolNeAR dev articles
when ../shared/data is present.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def load_texts(limit: int) -> list[str]:
    texts = []
    seed = SHARED / "seed" / "cartel-strikes-article.txt"
    if seed.exists():
        texts.append(seed.read_text("utf-8"))
    polnear = SHARED / "data" / "quotes" / "polnear" / "dev" / "text"
    if polnear.exists():
        texts += [p.read_text("utf-8") for p in sorted(polnear.glob("*.txt"))[: max(0, limit - 1)]]
    if not texts:
        raise SystemExit("bench: no texts found (needs ../shared/seed or ../shared/data)")
    return texts[:limit]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--texts", type=int, default=40)
    args = parser.parse_args()

    from wirecoder import Pipeline
    from wirecoder.benchmark import best_of
    from wirecoder.clean import clean
    from wirecoder.nlp import load_nlp

    texts = load_texts(args.texts)
    cleaned = [clean(t).text for t in texts]
    nlp = load_nlp()
    from wirecoder import PipelineConfig

    pipeline = Pipeline()
    without_events = Pipeline(PipelineConfig(disabled=["events"]))
    list(pipeline.pipe(texts[:2]))  # warm up caches and lazy imports

    parse_floor = best_of(args.repeat, lambda: list(nlp.pipe(cleaned, batch_size=64)))
    full = best_of(args.repeat, lambda: list(pipeline.pipe(texts, batch_size=64)))
    no_events = best_of(args.repeat, lambda: list(without_events.pipe(texts, batch_size=64)))
    words = sum(len(t.split()) for t in cleaned)
    print(json.dumps({
        "texts": len(texts),
        "words": words,
        "spacy_parse_seconds": round(parse_floor, 3),
        "pipeline_seconds": round(full, 3),
        "pipeline_over_parse": round(full / parse_floor, 3),
        # what the event coder adds, as a share of the parse (issue: at most 0.25)
        "events_added_over_parse": round(max(full - no_events, 0.0) / parse_floor, 3),
        "parse_words_per_second": round(words / parse_floor),
    }, indent=2))


if __name__ == "__main__":
    main()
