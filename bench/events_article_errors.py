"""The tune part's event errors on whole articles, to read: `python bench/events_article_errors.py
[DATA_ROOT] [--conflict] [--misses] [--gold FILE] [--min-confidence X]`.

Prints one line per false prediction (outcome, type, the trigger in its context, and the gold's
reason) and, with --misses, each gold event no prediction found. It reads only the tune part:
the validation part's errors are never listed, so that rules are not written from them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from wirecoder.corpora import load_article
from wirecoder.evaluate.article_preds import analyze_articles
from wirecoder.evaluate.articles import CONFLICT_TYPES, load_gold, match_article
from wirecoder.pipeline import Pipeline


def _context(text: str, start: int, end: int, width: int = 90) -> str:
    return (text[max(0, start - width):start] + "[[" + text[start:end] + "]]" + text[end:end + width]).replace("\n", " ")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared" / "data"))
    parser.add_argument("--conflict", action="store_true", help="only conflict-type predictions and events")
    parser.add_argument("--misses", action="store_true", help="also list gold events not found")
    parser.add_argument("--gold", help="gold file (default: the shipped one)")
    parser.add_argument("--min-confidence", type=float, default=0.0,
                        help="list only predictions at or above this confidence (what a user sees)")
    args = parser.parse_args()
    golds = load_gold(args.gold, "tune")
    articles = [load_article(args.data, g.ref) for g in golds]
    for gold, article, (preds, _) in zip(golds, articles, analyze_articles(Pipeline(), articles,
                                                                         progress=sys.stderr.isatty()), strict=True):
        preds = [p for p in preds or [] if p.confidence >= args.min_confidence]
        outcomes, used = match_article(gold.items, preds)
        text = article.text
        for o in outcomes:
            if o.kind == "tp" or (args.conflict and o.pred.type not in CONFLICT_TYPES):
                continue
            why = o.gold.why if o.gold is not None and o.gold.type == "NONE" else (o.gold.type if o.gold else "")
            print(f"FP {o.kind:10} {o.pred.type:9} {o.pred.confidence:.2f} {why or '':12} {gold.ref} | {_context(text, *o.pred.trigger)}")
        if args.misses:
            for i, g in enumerate(gold.items):
                if g.type == "NONE" or i in used or (args.conflict and g.type not in CONFLICT_TYPES):
                    continue
                print(f"FN {g.type:9} {g.modality:12} {gold.ref} | {_context(text, *g.triggers[0])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
