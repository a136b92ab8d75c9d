"""Asserted conflict-type events per 1,000 words on whole PolNeAR dev articles (issue #17).

`python bench/events_per_1000_words.py [DATA_ROOT] [--min-confidence X]` prints one JSON object:
articles, words, events by type, and asserted (or reported, historical) events of the conflict
types per 1,000 words. The PolNeAR dev texts are ordinary US political news: most of their
sentences hold no attack, so this rate tracks how much a coder invents on ordinary news.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from wirecoder.corpora import list_refs, load_article
from wirecoder.evaluate.article_preds import analyze_articles
from wirecoder.evaluate.articles import CONFLICT_TYPES
from wirecoder.pipeline import Pipeline

FACTUAL = {"asserted", "reported", "historical"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    parser.add_argument("--min-confidence", type=float, default=0.0)
    args = parser.parse_args()
    articles = [load_article(args.data, ref) for ref in list_refs(args.data, "polnear-dev")]
    words = sum(len(a.text.split()) for a in articles)
    by_type: Counter[str] = Counter()
    asserted_conflict = crashes = 0
    for preds, _ in analyze_articles(Pipeline(), articles, progress=sys.stderr.isatty()):
        crashes += preds is None
        for ev in preds or []:
            if ev.confidence < args.min_confidence:
                continue
            by_type[ev.type] += 1
            asserted_conflict += ev.type in CONFLICT_TYPES and ev.modality in FACTUAL
    print(json.dumps({"articles": len(articles), "words": words, "crashes": crashes,
                      "min_confidence": args.min_confidence,
                      "asserted_conflict_per_1000_words": round(1000 * asserted_conflict / words, 3),
                      "events_per_1000_words": round(1000 * sum(by_type.values()) / words, 3),
                      "events_by_type": dict(by_type.most_common())}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
