"""Claim verdicts per 100 articles on whole PolNeAR dev texts (issue #20).

`python bench/claims_per_100_articles.py [DATA_ROOT] [--show N]` prints one JSON object: articles,
claims by kind and verdict, and contradicted verdicts per 100 articles. The PolNeAR dev texts are
ordinary US political news, where two figures that truly contradict each other are rare: this
rate tracks how often the checks cry wolf. --show N prints N contradiction explanations to stderr,
to read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from wirecoder.corpora import list_refs, load_article
from wirecoder.pipeline import Pipeline


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    parser.add_argument("--show", type=int, default=0, help="print this many contradiction explanations")
    args = parser.parse_args()
    articles = [load_article(args.data, ref) for ref in list_refs(args.data, "polnear-dev")]
    verdicts: Counter[str] = Counter()
    shown = 0
    nlp = Pipeline()
    for article in articles:
        analysis = nlp.analyze(article.text, published=article.published)
        for claim in analysis.claims:
            verdicts[f"{claim.kind}/{claim.verdict}"] += 1
            if claim.verdict == "contradicted" and shown < args.show:
                shown += 1
                print(f"- {claim.explanation}", file=sys.stderr)
    contradicted = sum(n for key, n in verdicts.items() if key.endswith("/contradicted"))
    print(json.dumps({"articles": len(articles), "verdicts": dict(sorted(verdicts.items())),
                      "contradicted_per_100_articles": round(100 * contradicted / max(len(articles), 1), 1)},
                     indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
