"""Events on whole real articles: `wirecoder eval events --format articles --data DATA_ROOT
[--part tune|validation|all] [--min-confidence X]`.

The gold (`gold/realnews_events.jsonl`, our own annotation, see `annotation/realnews/`) names each
article by its reference into the shared corpora (`wirecoder.corpora`) and holds, for every
trigger candidate, a judgment: a PLOVER type with its source, target and modality ranges, or NONE
with the reason (metaphor, sport, market, poll, fiction, disaster, accident, ...). Conflict types
are annotated exhaustively; other types on every lexicon candidate. Articles whose text no longer
hashes to the annotated one are skipped and counted in `stale`.

Matching, per article, predictions taken from the most confident down. A prediction *meets* the
gold items one of whose trigger ranges shares a character with its trigger. It is:
  - `tp` when it meets an unused gold event of its type (YIELD also matches CONCEDE and RETREAT);
    that gold event is then used;
  - `duplicate` when the only such event is already used (the same event counted twice);
  - `wrong_type` when it meets gold events of other types only;
  - `none` when it meets only NONE judgments (the word is there, the event is not);
  - `unjudged` when it meets no gold item. The conflict types are annotated exhaustively and every
    lexicon word was judged, so an unjudged prediction is counted as false.
Metrics:
  - `conflict_precision` = tp / predictions of a conflict type (ASSAULT, COERCE, THREATEN,
    PROTEST, SANCTION, MOBILIZE); `conflict_recall` = gold conflict events met by a tp / gold
    conflict events;
  - `all_precision`, `all_recall`: the same over every type; `all_precision_judged` leaves out
    the unjudged predictions;
  - `per_type`: precision, recall, predicted, support; `outcomes`: predictions by outcome;
  - `source_precision`, `target_precision`: of the tp events' predicted sources (targets), the
    share that overlaps a gold source (target) range, by its own span or by any mention of the
    actor the coder resolved it to ("he" -> Mr Nichols); `junk_parties` counts those that overlap none;
  - `modality_accuracy`: tp events whose factuality agrees (asserted, reported or historical
    against asserted; negated, planned, hypothetical, threatened against the same; a THREATEN
    event's own "threatened" reads as asserted: the threat was made);
  - `asserted_conflict_per_1000_words`: conflict predictions asserted (or reported, historical)
    per 1,000 words of the articles scored;
  - `calibration`: predictions in ten equal-count bins by confidence, each with its mean
    confidence, precision and size; `calibration_max_gap` the largest |precision - confidence|;
  - `per_article`: per article, predictions, tp, conflict predictions and conflict tp, gold events;
  - `false_reasons` (not on the validation part, whose errors nobody reads): the gold reasons
    behind the conflict predictions judged NONE.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..corpora import article_sha1, load_article
from ..errors import ConfigError, DataMissing
from ..knowledge.plover import types_in
from . import prf, scorer
from .article_preds import PredictedEvent, analyze_articles

Range = tuple[int, int]
CONFLICT_TYPES = types_in("conflict")  # knowledge/plover_types.tsv
PARTS = ("tune", "validation", "all")
_YIELD = frozenset({"YIELD", "CONCEDE", "RETREAT"})
_FACTUAL = frozenset({"asserted", "reported", "historical"})
_PRED_MODALITY = {"planned": "future"}


@dataclass(frozen=True)
class GoldItem:
    triggers: tuple[Range, ...]
    type: str  # a PLOVER type, or NONE
    sources: tuple[Range, ...] = ()
    targets: tuple[Range, ...] = ()
    modality: str = "asserted"
    why: str | None = None


@dataclass(frozen=True)
class GoldArticle:
    ref: str
    sha1: str
    part: str
    published: str | None
    words: int
    items: tuple[GoldItem, ...]


def default_gold() -> Path:
    return Path(str(resources.files(__package__).joinpath("gold/realnews_events.jsonl")))


def _ranges(value: Any) -> tuple[Range, ...]:
    return tuple((int(a), int(b)) for a, b in value or ())


def gold_lines(path: Path, part: str, what: str) -> list[dict[str, Any]]:
    """The articles of one part ("tune", "validation" or "all") of a real-news gold JSONL file;
    W020 for an unknown part, W030 when the file is missing (`what` names the gold)."""
    if part not in PARTS:
        raise ConfigError(f"unknown part {part!r}; choose one of {', '.join(PARTS)}")
    if not path.is_file():
        raise DataMissing(f"{what} not found: {path}")
    rows = (json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip())
    return [d for d in rows if part == "all" or d["part"] == part]


def load_gold(path: str | Path | None = None, part: str = "all") -> list[GoldArticle]:
    out = []
    for d in gold_lines(Path(path) if path else default_gold(), part, "real-news gold"):
        items = tuple(GoldItem(_ranges(e["trigger"]), e["type"], _ranges(e.get("source")),
                               _ranges(e.get("target")), e.get("modality") or "asserted", e.get("why"))
                      for e in d["events"])
        out.append(GoldArticle(d["ref"], d["sha1"], d["part"], d.get("published"), int(d.get("words") or 0),
                               items))
    return out


def _overlaps(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _same_type(pred: str, gold: str) -> bool:
    return pred == gold or (pred in _YIELD and gold in _YIELD)


def _factual_class(pred: PredictedEvent) -> str:
    if pred.type == "THREATEN" and pred.modality == "threatened":
        return "asserted"
    m = _PRED_MODALITY.get(pred.modality, pred.modality)
    return "asserted" if m in _FACTUAL else m


@dataclass
class Outcome:
    pred: PredictedEvent
    kind: str  # tp, duplicate, wrong_type, none, unjudged
    gold: GoldItem | None = None


def match_article(items: tuple[GoldItem, ...], preds: list[PredictedEvent]) -> tuple[list[Outcome], set[int]]:
    """Outcomes of the predictions and the indexes of the gold events they found."""
    used: set[int] = set()
    outcomes = []
    for pred in sorted(preds, key=lambda p: (-p.confidence, p.trigger)):
        met = [(i, g) for i, g in enumerate(items) if any(_overlaps(pred.trigger, t) for t in g.triggers)]
        typed = [(i, g) for i, g in met if g.type != "NONE" and _same_type(pred.type, g.type)]
        free = [(i, g) for i, g in typed if i not in used]
        if free:
            used.add(free[0][0])
            outcomes.append(Outcome(pred, "tp", free[0][1]))
        elif typed:
            outcomes.append(Outcome(pred, "duplicate", typed[0][1]))
        elif any(g.type != "NONE" for _, g in met):
            outcomes.append(Outcome(pred, "wrong_type", next(g for _, g in met if g.type != "NONE")))
        elif met:
            outcomes.append(Outcome(pred, "none", met[0][1]))
        else:
            outcomes.append(Outcome(pred, "unjudged"))
    return outcomes, used


def _roles(outcomes: list[Outcome]) -> dict[str, Any]:
    counts: Counter[str] = Counter()
    for o in outcomes:
        if o.kind != "tp" or o.gold is None:
            continue
        for role, predicted, alternatives, gold in (
                ("source", o.pred.sources, o.pred.source_mentions, o.gold.sources),
                ("target", o.pred.targets, o.pred.target_mentions, o.gold.targets)):
            for k, span in enumerate(predicted):
                ways = alternatives[k] if k < len(alternatives) else (span,)
                counts[f"{role}_predicted"] += 1
                counts[f"{role}_right"] += any(_overlaps(w, g) for w in ways for g in gold)
        counts["modality_right"] += _factual_class(o.pred) == (
            "asserted" if o.gold.modality == "asserted" else o.gold.modality)
    out: dict[str, Any] = {}
    for role in ("source", "target"):
        n = counts[f"{role}_predicted"]
        out[f"{role}_precision"] = round(counts[f"{role}_right"] / n, 4) if n else 0.0
    out["junk_parties"] = sum(counts[f"{r}_predicted"] - counts[f"{r}_right"] for r in ("source", "target"))
    tps = sum(o.kind == "tp" for o in outcomes)
    out["modality_accuracy"] = round(counts["modality_right"] / tps, 4) if tps else 0.0
    return out


def calibration(outcomes: list[Outcome], bins: int = 10) -> tuple[list[dict[str, Any]], float]:
    ranked = sorted(outcomes, key=lambda o: o.pred.confidence)
    table, gap = [], 0.0
    for k in range(bins):
        chunk = ranked[k * len(ranked) // bins:(k + 1) * len(ranked) // bins]
        if not chunk:
            continue
        conf = sum(o.pred.confidence for o in chunk) / len(chunk)
        prec = sum(o.kind == "tp" for o in chunk) / len(chunk)
        gap = max(gap, abs(prec - conf))
        table.append({"n": len(chunk), "confidence": round(conf, 4), "precision": round(prec, 4)})
    return table, round(gap, 4)


def summarize(golds: list[GoldArticle], runs: list[list[PredictedEvent]], part: str) -> dict[str, Any]:
    outcomes: list[Outcome] = []
    per_type: dict[str, Counter[str]] = defaultdict(Counter)
    per_article = []
    gold_total = gold_found = gold_conflict = gold_conflict_found = 0
    asserted_conflict = 0
    reasons: Counter[str] = Counter()
    for gold, preds in zip(golds, runs, strict=True):
        found, used = match_article(gold.items, preds)
        outcomes.extend(found)
        events = [(i, g) for i, g in enumerate(gold.items) if g.type != "NONE"]
        gold_total += len(events)
        gold_found += sum(i in used for i, _ in events)
        conflict = [(i, g) for i, g in events if g.type in CONFLICT_TYPES]
        gold_conflict += len(conflict)
        gold_conflict_found += sum(i in used for i, _ in conflict)
        for i, g in events:
            per_type[g.type]["support"] += 1
            per_type[g.type]["found"] += i in used
        for o in found:
            per_type[o.pred.type]["predicted"] += 1
            per_type[o.pred.type]["tp"] += o.kind == "tp"
            if o.pred.type in CONFLICT_TYPES:
                asserted_conflict += o.pred.modality in _FACTUAL
                if o.kind == "none" and o.gold is not None:
                    reasons[o.gold.why or "other"] += 1
        conflict_found = [o for o in found if o.pred.type in CONFLICT_TYPES]
        per_article.append({"ref": gold.ref, "words": gold.words, "predicted": len(found),
                            "tp": sum(o.kind == "tp" for o in found),
                            "conflict_predicted": len(conflict_found),
                            "conflict_tp": sum(o.kind == "tp" for o in conflict_found),
                            "gold_events": len(events), "gold_conflict": len(conflict)})
    conflict_preds = [o for o in outcomes if o.pred.type in CONFLICT_TYPES]
    c_tp = sum(o.kind == "tp" for o in conflict_preds)
    a_tp = sum(o.kind == "tp" for o in outcomes)
    kinds = Counter(o.kind for o in outcomes)
    cp, cr, cf = prf(c_tp, len(conflict_preds), gold_conflict_found, gold_conflict)
    ap, ar, af = prf(a_tp, len(outcomes), gold_found, gold_total)
    judged = len(outcomes) - kinds["unjudged"]
    words = sum(g.words for g in golds)
    table, gap = calibration(outcomes)
    metrics: dict[str, Any] = {
        "part": part, "articles": len(golds), "words": words,
        "conflict_precision": cp, "conflict_recall": cr, "conflict_f1": cf,
        "all_precision": ap, "all_recall": ar, "all_f1": af,
        "all_precision_judged": round(a_tp / judged, 4) if judged else 0.0,
        "predicted": len(outcomes), "conflict_predicted": len(conflict_preds),
        "gold_events": gold_total, "gold_conflict_events": gold_conflict,
        "outcomes": dict(sorted(kinds.items())), "unjudged": kinds["unjudged"],
        "asserted_conflict_per_1000_words": round(1000 * asserted_conflict / words, 3) if words else 0.0,
        "per_type": {t: {"precision": round(c["tp"] / c["predicted"], 4) if c["predicted"] else 0.0,
                         "recall": round(c["found"] / c["support"], 4) if c["support"] else 0.0,
                         "predicted": c["predicted"], "support": c["support"]}
                     for t, c in sorted(per_type.items())},
        "calibration": table, "calibration_max_gap": gap,
        "per_article": per_article,
        **_roles(outcomes),
    }
    if part != "validation":
        metrics["false_reasons"] = dict(reasons.most_common())
    return metrics


def _min_conf(value: Any) -> float:
    return float(value) if value not in (None, "") else 0.0


@scorer("events", "articles")
def score_articles(path: Path, pipeline: Any, limit: int | None = None, **options: Any) -> dict[str, Any]:
    """Precision and recall of asserted events on whole real articles (see the module docstring)."""
    part = options.get("part") or "validation"
    golds = load_gold(options.get("gold"), part)
    keep, articles, stale = [], [], 0
    for gold in golds:
        try:
            article = load_article(path, gold.ref)
        except DataMissing:
            stale += 1
            continue
        if article_sha1(article.text) != gold.sha1:
            stale += 1
            continue
        keep.append(gold)
        articles.append(article)
        if limit is not None and len(keep) >= limit:
            break
    if not keep:
        raise DataMissing(f"none of the {len(golds)} gold articles could be read under {path}")
    threshold = _min_conf(options.get("min_confidence"))
    runs, crashes = [], 0
    for preds, _analysis in analyze_articles(pipeline, articles, progress=bool(options.get("progress"))):
        crashes += preds is None
        runs.append([p for p in preds or [] if p.confidence >= threshold])
    metrics = summarize(keep, runs, part)
    metrics.update({"n": len(keep), "stale": stale, "crashes": crashes, "min_confidence": threshold})
    return metrics
