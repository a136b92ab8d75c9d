"""Cross-validated story and record settings on the ECB+ tune topics (issue #21).

    PYTHONPATH=src python scripts/dedup_cv.py [DATA_ROOT] [--folds 5] [--cache FILE] \
        [--grid threshold=0.16,0.2 idf_power=1,2 ...]

Analyses every document of the tune topics once (the pipeline is the slow part; `--cache` keeps
the analyses in a pickle outside the repository), then, for every setting of the grid, runs the
clusterer over all of them as `eval dedup --format ecbplus` does (all topics together, in
document order) and scores each document's story and record by B-cubed against its gold story.

The topics are split into `--folds` folds (round robin over the sorted topics, so a fold holds
whole topics). For each fold, the setting with the best record F1 (`--choose story` for the story
F1) on the other folds is chosen, and scored on the fold: the held-out figures are never those the
setting was chosen on. Prints one JSON object: the default setting's figures per fold, the held-out
figures of the chosen settings per fold, their mean and spread, and each setting's mean over all
tune topics (to read, not to choose by). The validation topics and topics 36-45 are never read.

Grid names: StoryOptions fields (`threshold`, `idf_power`, `doubt_ratio`, `collection_weight`...),
`minor_share` (`story_records.document_records`).
"""

from __future__ import annotations

import argparse
import itertools
import json
import pickle
import random
import statistics
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from wirecoder.corpora.ecbplus_gold import read_topics, select_topics
from wirecoder.dedup import ClusterOptions, EventClusterer, NearDuplicateIndex, document_records
from wirecoder.dedup.stories import StoryOptions
from wirecoder.dedup.story_records import MINOR_SHARE

STORY_FIELDS = {f.name for f in fields(StoryOptions)}


def analyses(data: Path, cache: Path | None) -> list[tuple[str, str, int, Any]]:
    """(name, gold story, topic, analysis or None) per tune document, in document order."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    from wirecoder.corpora import Article
    from wirecoder.evaluate.article_preds import analyze_articles
    from wirecoder.pipeline import Pipeline

    docs = read_topics(data, select_topics(data, "tune"))
    articles = [Article(f"dedup/ecbplus/{d.topic}/{d.name}.xml", d.text) for d in docs]
    out = [(d.name, d.subtopic, d.topic, a)
           for d, (_, a) in zip(docs, analyze_articles(Pipeline(), articles), strict=True)]
    if cache is not None:
        cache.write_bytes(pickle.dumps(out))
    return out


def run(docs: list[tuple[str, str, int, Any]], setting: dict[str, float]) -> dict[str, tuple]:
    """name -> (its story, its record) under one setting."""
    story = StoryOptions(**{k: v for k, v in setting.items() if k in STORY_FIELDS})
    clusterer = EventClusterer(replace(ClusterOptions(), story=story))
    copies = NearDuplicateIndex()
    for _, _, _, a in docs:
        if a is not None:
            copy = copies.add(a.document.id, a.document.text)
            clusterer.add_analysis(a, copy.duplicate_of if copy else None)
    records = document_records(clusterer, setting.get("minor_share", MINOR_SHARE))
    out = {}
    for name, _, _, a in docs:
        doc_id = a.document.id if a is not None else None
        placed = clusterer.stories.story_of(doc_id) if doc_id else None
        link = records.get(doc_id) if doc_id else None
        out[name] = (placed or ("alone", name), (link.cluster_id if link else None) or ("alone", name))
    return out


def bcubed(names: list[str], gold: dict[str, str], predicted: dict[str, Any]) -> tuple[float, float, float]:
    """B-cubed P, R, F1 of the named documents (clusters cut to them: no cluster spans topics)."""
    chosen = set(names)
    by_gold: dict[str, set[str]] = {}
    by_pred: dict[Any, set[str]] = {}
    for n in chosen:
        by_gold.setdefault(gold[n], set()).add(n)
        by_pred.setdefault(predicted[n], set()).add(n)
    p = sum(len(by_gold[gold[n]] & by_pred[predicted[n]]) / len(by_pred[predicted[n]]) for n in chosen)
    r = sum(len(by_gold[gold[n]] & by_pred[predicted[n]]) / len(by_gold[gold[n]]) for n in chosen)
    p, r = p / len(chosen), r / len(chosen)
    return round(p, 4), round(r, 4), round(2 * p * r / (p + r) if p + r else 0.0, 4)


def grid(specs: list[str]) -> list[dict[str, float]]:
    axes = []
    for spec in specs:
        name, values = spec.split("=", 1)
        axes.append([(name, float(v)) for v in values.split(",")])
    return [dict(c) for c in itertools.product(*axes)] or [{}]


def _spread(values: list[float]) -> dict[str, float]:
    return {"mean": round(statistics.fmean(values), 4), "sd": round(statistics.pstdev(values), 4),
            "min": round(min(values), 4), "max": round(max(values), 4)}


def orders(docs: list[tuple], shuffles: int) -> list[list[tuple]]:
    """The documents in their given order, then `shuffles` seeded shuffles of each topic's
    documents (topics kept in order): the story level is incremental, so its figures depend on
    the order the reports arrive in, which the batch TF-IDF baseline does not."""
    out = [docs]
    for seed in range(shuffles):
        rng = random.Random(seed)
        shuffled = []
        for topic in dict.fromkeys(d[2] for d in docs):
            part = [d for d in docs if d[2] == topic]
            rng.shuffle(part)
            shuffled += part
        out.append(shuffled)
    return out


def fold_scores(runs: list[dict[str, tuple]], folds: list[list[str]], gold: dict[str, str]
                ) -> list[dict[str, tuple[float, float, float]]]:
    """Per fold, the story and record B-cubed (P, R, F1), each the mean over the orders run."""
    out = []
    for names in folds:
        fold = {}
        for m, level in (("story", 0), ("record", 1)):
            each = [bcubed(names, gold, {n: placed[n][level] for n in names}) for placed in runs]
            fold[m] = tuple(round(statistics.fmean(s[i] for s in each), 4) for i in range(3))
        out.append(fold)
    return out


def held_out(scores: list[list[dict]], metric: str) -> list[tuple[int, int]]:
    """Per fold k, (k, the setting with the best mean `metric` F1 over the other folds): a
    fold is scored with a setting chosen without it (ties: the earlier setting)."""
    folds = len(scores[0])
    out = []
    for k in range(folds):
        def train(i: int, k: int = k) -> float:
            return statistics.fmean(scores[i][j][metric][2] for j in range(folds) if j != k)
        out.append((k, max(range(len(scores)), key=lambda i: (train(i), -i))))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default="/work/shared/data")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--cache", type=Path, default=None)
    parser.add_argument("--choose", choices=("record", "story"), default="record")
    parser.add_argument("--orders", type=int, default=0, help="seeded shuffles within topics")
    parser.add_argument("--grid", nargs="*", default=[])
    args = parser.parse_args()
    docs = analyses(Path(args.data), args.cache)
    gold = {name: story for name, story, _, _ in docs}
    topics = sorted({t for _, _, t, _ in docs})
    fold_of = {t: i % args.folds for i, t in enumerate(topics)}
    folds = [[n for n, _, t, _ in docs if fold_of[t] == k] for k in range(args.folds)]
    settings = [{}] + [s for s in grid(args.grid) if s]
    ordered = orders(docs, args.orders)
    scores = [fold_scores([run(o, setting) for o in ordered], folds, gold) for setting in settings]
    held = [{"fold": k, "setting": settings[i], "story": scores[i][k]["story"],
             "record": scores[i][k]["record"]} for k, i in held_out(scores, args.choose)]
    from wirecoder.evaluate.tfidf import cluster_texts

    texts = {d.name: d.text for d in read_topics(Path(args.data), topics)}
    tfidf = dict(zip(gold, cluster_texts([texts[n] for n in gold], 0.20), strict=True))
    out = {
        "folds": args.folds, "orders": 1 + args.orders,
        "topics": {k: [t for t in topics if fold_of[t] == k] for k in range(args.folds)},
        "tfidf": _spread([bcubed(f, gold, tfidf)[2] for f in folds]),
        "default": {m: _spread([s[m][2] for s in scores[0]]) for m in ("story", "record")},
        "default_per_fold": scores[0],
        "held_out": {m: _spread([h[m][2] for h in held]) for m in ("story", "record")},
        "held_out_per_fold": held,
        "settings": [{"setting": s, **{m: _spread([f[m][2] for f in sc]) for m in ("story", "record")},
                      "per_fold": {m: [f[m][2] for f in sc] for m in ("story", "record")}}
                     for s, sc in zip(settings, scores, strict=True)],
    }
    print(json.dumps(out, indent=1, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
