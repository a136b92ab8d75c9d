"""Cross-validated claim verdicts on the tune part of the real-news claim gold (issue #20).

`PYTHONPATH=src python scripts/claims_cv.py [DATA_ROOT] [--folds 5]` splits the tune articles into
folds by a hash of their reference and scores each fold twice: with no referent cue
(extract/claim_referents.py), and with only the cues written from articles of the other folds
(`WRITTEN_FROM` below: the article whose judged error each cue was written for). So a cue is never
scored on the article it came from. Prints one JSON object: per fold, consistent precision and
consistent verdicts (predicted, right) without and with the cues, and the mean and spread
(population standard deviation, min, max) of each.

Only the articles holding a judgment are analysed: a cue only takes verdicts away, so the others
add nothing judged (their claims stay unjudged); `unjudged` is reported to show it.
The validation part is never read.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
from pathlib import Path

from wirecoder.evaluate.claims import load_gold, run_articles, score
from wirecoder.extract.claim_referents import CUES
from wirecoder.pipeline import Pipeline, PipelineConfig

# the tune article whose judged error each cue was written from
WRITTEN_FROM = {
    "actor": ("quotes/polnear/train/text/wash-post_2016-06-14_trump-is-still-waging-a-primary-.txt",),
    "companion": ("dedup/ecbplus/29/29_8ecb.xml",),
    "set_modifier": ("quotes/polnear/train/text/west-journal_2016-03-04_kasich-just-revealed-the-thing-h.txt",),
    "new_instance": ("dedup/ecbplus/19/19_3ecb.xml",),
    "part": ("geo/GeoVirus.xml#42",),
    "vague_whole": ("quotes/polnear/train/text/west-journal_2016-04-26_judicial-watch-state-department-.txt",),
}


def fold_of(ref: str, folds: int) -> int:
    return int(hashlib.sha1(f"claims-cv:{ref}".encode()).hexdigest()[:8], 16) % folds


def _spread(values: list[float]) -> dict[str, float]:
    return {"mean": round(statistics.fmean(values), 4), "sd": round(statistics.pstdev(values), 4),
            "min": round(min(values), 4), "max": round(max(values), 4)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default="/work/shared/data")
    parser.add_argument("--folds", type=int, default=5)
    args = parser.parse_args()
    assert set(WRITTEN_FROM) == set(CUES), "every cue names the articles it was written from"
    golds = [g for g in load_gold(part="tune") if g.judgments]
    data = Path(args.data)
    rows = []
    for k in range(args.folds):
        fold = [g for g in golds if fold_of(g.ref, args.folds) == k]
        refs = {g.ref for g in fold}
        kept_cues = [c for c in CUES if not refs & set(WRITTEN_FROM[c])]
        row = {"fold": k, "articles": len(fold), "cues": kept_cues}
        for name, cues in (("without", "none"), ("with", ",".join(kept_cues) or "none")):
            nlp = Pipeline(PipelineConfig(options={"claims": {"referent_cues": cues}}))
            kept, runs, _ = run_articles(nlp, fold, data)
            m = score(kept, runs, "tune")
            c = m["verdicts"]["consistent"]
            row[name] = {"consistent_precision": c["precision"], "consistent_predicted": c["predicted"],
                         "consistent_right": c["right"], "unjudged": m["unjudged"]}
        rows.append(row)
    out = {"folds": rows}
    for name in ("without", "with"):
        out[name] = {"consistent_precision": _spread([r[name]["consistent_precision"] for r in rows
                                                      if r[name]["consistent_precision"] is not None]),
                     "consistent_right": sum(r[name]["consistent_right"] for r in rows),
                     "consistent_predicted": sum(r[name]["consistent_predicted"] for r in rows)}
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
