"""Train the event confidence model (extract/event_confidence.py) on the tune part of the real-news
gold: `python annotation/realnews/train_confidence.py [DATA_ROOT] [--write]`.

Each event the coder asserts on a tune article is an example, labelled 1 when the scorer counts it
a true positive (`eval events --format articles`). The model is an L2-regularised logistic
regression (Newton's method, numpy) on standardised features, its output mapped to observed rates
by an isotonic calibration fitted on out-of-fold predictions. It first reports 5-fold
cross-validation grouped by article (mean and spread of precision, recall share kept and the
calibration gap at each threshold), then, with --write, fits all tune examples and writes
knowledge/event_confidence.json. The validation part is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

from wirecoder.corpora import load_article
from wirecoder.evaluate.article_preds import analyze_articles
from wirecoder.evaluate.articles import CONFLICT_TYPES, load_gold, match_article
from wirecoder.extract.common import TokenFinder, lemma
from wirecoder.extract.event_confidence import FEATURES, PRIOR_FILE, TriggerPrior, event_features
from wirecoder.extract.event_sense import Worlds
from wirecoder.nlp import load_nlp
from wirecoder.pipeline import load

L2 = 30.0
FOLDS = 5
OUT = Path(__file__).resolve().parents[2] / "src" / "wirecoder" / "knowledge" / "event_confidence.json"


def examples(root: str):
    """(features, label, is_conflict, article index, (lemma, type)) for every event on the tune articles.
    The trigger prior column is left empty here: it is filled per fold (`with_priors`)."""
    golds = load_gold(None, "tune")
    articles = [load_article(root, g.ref) for g in golds]
    pipeline = load({"options": {"events": {"learned_confidence": False}}})
    nlp = load_nlp()
    rows = []
    for k, (gold, (preds, analysis)) in enumerate(zip(golds, analyze_articles(pipeline, articles), strict=True)):
        if analysis is None:
            continue
        outcomes, _ = match_article(gold.items, preds)
        right = {(o.pred.type, o.pred.trigger) for o in outcomes if o.kind == "tp"}
        doc = nlp(analysis.document.text)
        worlds = Worlds(doc)
        token_at = TokenFinder(doc)
        actors = {a.id: a for a in analysis.actors}
        for ev, pred in zip(analysis.events, preds, strict=True):
            tok = token_at(ev.trigger.start)
            x = event_features(ev, actors, tok, worlds, prior=TriggerPrior({}))
            rows.append((x, float((pred.type, pred.trigger) in right), ev.type in CONFLICT_TYPES, k,
                         (lemma(tok), ev.type)))
    return rows


PRIOR = FEATURES.index("trigger_prior")


def with_priors(X: np.ndarray, y: np.ndarray, keys: list, article: np.ndarray, train: np.ndarray) -> np.ndarray:
    """X with its trigger-prior column filled: rows outside `train` from a prior of all training
    rows; training rows from a prior of the other training articles only (inner folds), so the
    model does not learn to trust a prior that has seen the row's own label."""
    X = X.copy()
    fit_rows = [(keys[i][0], keys[i][1], bool(y[i])) for i in np.flatnonzero(train)]
    outer = TriggerPrior.fit(fit_rows)
    for i in np.flatnonzero(~train):
        X[i, PRIOR] = outer.of(*keys[i])
    inner = (article // FOLDS) % FOLDS
    for f in range(FOLDS):
        rest = train & (inner != f)
        prior = TriggerPrior.fit([(keys[i][0], keys[i][1], bool(y[i])) for i in np.flatnonzero(rest)])
        for i in np.flatnonzero(train & (inner == f)):
            X[i, PRIOR] = prior.of(*keys[i])
    return X


def fit(X: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    means = X.mean(axis=0)
    scales = X.std(axis=0)
    means[0], scales[0] = 0.0, 1.0  # the bias stays as it is
    scales[scales == 0] = 1.0
    Z = (X - means) / scales
    w = np.zeros(Z.shape[1])
    reg = np.full(Z.shape[1], L2)
    reg[0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-Z @ w))
        grad = Z.T @ (p - y) + reg * w
        hess = (Z * (p * (1 - p))[:, None]).T @ Z + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w, means, scales


def predict(model, X: np.ndarray) -> np.ndarray:
    w, means, scales = model
    return 1 / (1 + np.exp(-((X - means) / scales) @ w))


MIN_BLOCK = 40  # examples per step of the calibration map at the least: fewer steps, less noise


def isotonic(p: np.ndarray, y: np.ndarray) -> tuple[list[float], list[float]]:
    """A monotone map from the model's probability to the observed rate (pool adjacent violators,
    then steps merged until each holds MIN_BLOCK examples), as knots to interpolate between."""
    order = np.argsort(p, kind="stable")
    blocks: list[list[float]] = []  # [sum of y, count, sum of p]
    for pi, yi in zip(p[order], y[order], strict=True):
        blocks.append([float(yi), 1.0, float(pi)])
        while len(blocks) > 1 and (blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]
                                   or blocks[-2][1] < MIN_BLOCK):
            s, n, q = blocks.pop()
            blocks[-1] = [blocks[-1][0] + s, blocks[-1][1] + n, blocks[-1][2] + q]
    if len(blocks) > 1 and blocks[-1][1] < MIN_BLOCK:
        s, n, q = blocks.pop()
        blocks[-1] = [blocks[-1][0] + s, blocks[-1][1] + n, blocks[-1][2] + q]
    return [b[2] / b[1] for b in blocks], [b[0] / b[1] for b in blocks]


def calibration_gap(p: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    order = np.argsort(p, kind="stable")
    gap = 0.0
    for k in range(bins):
        idx = order[k * len(p) // bins:(k + 1) * len(p) // bins]
        if len(idx):
            gap = max(gap, abs(y[idx].mean() - p[idx].mean()))
    return gap


def write_prior(keys: list, y: np.ndarray) -> None:
    rows = [(lemma_, type_, bool(right)) for (lemma_, type_), right in zip(keys, y, strict=True)]
    counts = TriggerPrior.fit(rows).counts
    lines = ["# How often each trigger lemma, coded as each type, was right on the tune part of the real-news",
             "# gold (our own annotation): written by annotation/realnews/train_confidence.py --write, read by",
             "# extract/event_confidence.py as the model's trigger_prior feature (smoothed there).",
             "lemma\ttype\tright\tcoded"]
    lines += [f"{lemma_}\t{type_}\t{r}\t{n}" for (lemma_, type_), (r, n) in sorted(counts.items())]
    (OUT.parent / PRIOR_FILE).write_text("\n".join(lines) + "\n", "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(Path(__file__).resolve().parents[3] / "shared" / "data"))
    parser.add_argument("--write", action="store_true", help="fit all tune examples and write the model")
    args = parser.parse_args()
    rows = examples(args.data)
    X = np.array([r[0] for r in rows])
    y = np.array([r[1] for r in rows])
    conflict = np.array([r[2] for r in rows])
    article = np.array([r[3] for r in rows])
    keys = [r[4] for r in rows]
    print(f"{len(rows)} events on tune articles, {int(y.sum())} right; conflict {int(conflict.sum())}, "
          f"{int(y[conflict].sum())} right", file=sys.stderr)
    folds = article % FOLDS
    p = np.zeros(len(y))
    for f in range(FOLDS):
        Xf = with_priors(X, y, keys, article, folds != f)
        model = fit(Xf[folds != f], y[folds != f])
        p[folds == f] = predict(model, Xf[folds == f])
    # the calibration map is itself judged out of fold: fitted on four folds' predictions, applied
    # to the fifth's
    raw = p.copy()
    for f in range(FOLDS):
        xs, vs = isotonic(raw[folds != f], y[folds != f])
        p[folds == f] = np.interp(raw[folds == f], xs, vs)
    report = {"examples": len(rows), "right": int(y.sum()), "cv_folds": FOLDS, "l2": L2,
              "cv_calibration_gap_before_map": round(calibration_gap(raw, y), 4),
              "cv_brier_before_map": round(float(((raw - y) ** 2).mean()), 4),
              "cv_calibration_gap": round(calibration_gap(p, y), 4),
              "cv_calibration_gap_by_fold": [round(calibration_gap(p[folds == f], y[folds == f], 5), 4)
                                             for f in range(FOLDS)],
              "cv_brier": round(float(((p - y) ** 2).mean()), 4),
              "coder_confidence_brier": round(float(((X[:, FEATURES.index("coder_confidence")] - y) ** 2).mean()), 4)}
    for t in (0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        keep = p >= t
        for name, mask in (("all", np.ones(len(y), bool)), ("conflict", conflict)):
            k = keep & mask
            per_fold = [float(y[k & (folds == f)].mean()) if (k & (folds == f)).any() else float("nan")
                        for f in range(FOLDS)]
            report[f"cv_{name}_precision_at_{t}"] = round(float(y[k].mean()) if k.any() else 0.0, 4)
            report[f"cv_{name}_precision_at_{t}_fold_sd"] = round(float(np.nanstd(per_fold)), 4)
            report[f"cv_{name}_right_kept_at_{t}"] = round(float(y[k].sum() / max(y[mask].sum(), 1)), 4)
    print(json.dumps(report, indent=1))
    if args.write:
        Xa = with_priors(X, y, keys, article, np.ones(len(y), bool))
        w, means, scales = fit(Xa, y)
        write_prior(keys, y)
        OUT.write_text(json.dumps({
            "about": "Event confidence model (extract/event_confidence.py), written by "
                     "annotation/realnews/train_confidence.py from the tune part of the real-news gold "
                     "(our own annotation of public corpora). Logistic regression on standardised features.",
            "trained_on": {"part": "tune", "examples": len(rows), "right": int(y.sum()), "l2": L2},
            "cross_validation": report,
            "features": list(FEATURES), "weights": [round(float(v), 6) for v in w],
            "calibration": dict(zip(("knots", "rates"), ([round(v, 6) for v in vs]
                                                         for vs in isotonic(raw, y)), strict=True)),
            "means": [round(float(v), 6) for v in means], "scales": [round(float(v), 6) for v in scales],
        }, indent=1) + "\n", "utf-8")
        print(f"wrote {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
