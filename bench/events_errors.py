"""Error breakdown of the event coder on a PLV file: one JSON line per row, then a summary.

    python bench/events_errors.py [--data ../shared/data/events/PLV_train_minus_gsr.tsv] [--out rows.jsonl]
    python bench/events_errors.py --folds 5 --held-out 0   # never shows fold 0's rows

With `--held-out F` the rows of fold F of `--folds K` (split by a hash of the sentence, as `wirecoder
eval events --folds K --held-out F` splits them) are neither run nor written: a rule written from
these errors is judged on fold F, which nobody read.

Each row says which of three kinds of miss it is: `none` (no event), `type` (the primary's type is
wrong), `roles` (right type, role score below 1.5), or `hit`.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from wirecoder import Pipeline
from wirecoder.evaluate import fold_of
from wirecoder.evaluate.events import (
    choose_primary,
    load_plv,
    predicted_events,
    role_score,
    type_matches,
)

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "events" / "PLV_train_minus_gsr.tsv"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default=str(DEFAULT))
    parser.add_argument("--out", default="/tmp/events_rows.jsonl")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--held-out", type=int, default=None, help="leave out this fold's rows")
    args = parser.parse_args()
    rows = load_plv(args.data, limit=args.limit)
    if args.held_out is not None:
        rows = [r for r in rows if fold_of(r.sentence, args.folds) != args.held_out]
    pipeline = Pipeline()
    kinds: Counter[str] = Counter()
    with open(args.out, "w", encoding="utf-8") as out:
        for row, analysis in zip(rows, pipeline.pipe([r.sentence for r in rows], batch_size=64), strict=True):
            preds = predicted_events(analysis)
            primary = choose_primary(preds, row)
            if primary is None:
                kind, score = "none", 0.0
            else:
                score = role_score(primary, row)
                kind = ("roles" if score < 1.5 else "hit") if type_matches(row.gold_type, primary.type) else "type"
            kinds[kind] += 1
            sent = row.sentence
            out.write(json.dumps({
                "kind": kind, "gold": row.gold_type, "pred": primary.type if primary else None,
                "score": score, "sentence": sent,
                "gold_source": [sent[s:e] for s, e in row.source],
                "gold_target": [sent[s:e] for s, e in row.target],
                "events": [{"type": e.type, "trigger": e.trigger.text, "modality": e.modality,
                            "sources": [a.span.text for a in e.sources],
                            "targets": [a.span.text for a in e.targets], "confidence": e.confidence,
                            "role_score": role_score(p, row)}
                           for e, p in zip(analysis.events, preds, strict=True)],
            }) + "\n")
    print(json.dumps(dict(kinds)))


if __name__ == "__main__":
    main()
