"""Quantity scorer on NewsQuant: `wirecoder eval quantities --data PATH [--format newsquant]`.

Data. A JSON list of items, or an object whose values are the items; each item is
`{"text": ..., "quantities": [{"value", "unit", "normalized_unit", "change",
"referred_concepts"}]}` (the CQE evaluation's formatted test set). A gold value is a number
("19.0", "2.998E-08", "-130") or a range "low-high" ("252.0-287.0"; a "from X to Y" pair is
written the same way, in text order, so "4.8-4.7" is a fall). Gold change labels are "=", "up",
"down" (an amount of change: "rose 6.5%"), "~" (approximate: "about 19 per cent"), ">" and "<"
(bounds: "more than 60%", "up to $8 million"). Gold concepts are words separated by commas or
spaces ("revenue, Chinese e-commerce giant"), "-" for none.

Predictions. Each sentence goes through the pipeline as its own document. A predicted Quantity
gives:
  - value: `(value, value_high)` when `value_high` is set (a range or a from-to pair), else
    `value`;
  - unit: `normalized_unit`, or "-" when it has none, renamed where NewsQuant names the same
    reading otherwise (knowledge/newsquant_units.tsv: a share price "164p" is its "point", our
    "penny");
  - change label: a bound read from the quantity's own text (">" for "more than ...", "<" for
    "up to ...", see `numbers.lexicon.bound_of`), else "~" when `approximate`, else the
    direction ("up"/"down") for an amount of change (a quantity without `value_high`), else "=";
    this is the CQE order of precedence;
  - concept words: the words of `concept.text` split as the gold is (commas and spaces),
    stripped of surrounding punctuation and possessive "'s", lower-cased, without function words
    (articles, pronouns, common prepositions and conjunctions); ["-"] when there is no concept.

Matching (per sentence, one-to-one). Values match when equal within a relative tolerance of 1e-5
(CQE's `np.isclose`); a range matches only a range whose two ends both match. First every gold
quantity is paired with an unpaired prediction of the same value and the same unit (compared
lower-cased), then the remaining gold quantities with an unpaired prediction of the same value.
The CQE script pairs greedily without always consuming a prediction; pairing one-to-one can only
give fewer matches.

Metrics (P = matches / predictions, R = matches / gold quantities, F1 their harmonic mean):
  - `value_precision`, `value_recall`, `value_f1`: all pairs;
  - `value_unit_precision`, `value_unit_recall`, `value_unit_f1`: pairs whose units agree;
  - `change_accuracy`: pairs whose change labels agree / all pairs (the accuracy of the change
    label on the quantities found); `value_change_f1` counts those pairs as in CQE's
    "value+change";
  - `concept_partial` (with `_precision`, `_recall`): F1 over pairs whose concept words share
    at least one word with the gold's (CQE "value+concept partial"); `concept_complete`: pairs
    whose concept word *sets* are equal (CQE "value+concept complete"). A gold "-" matches a
    prediction without a concept, as in CQE where a system without a concept outputs "-".
  - `n` sentences scored, `gold_quantities`, `predicted_quantities`, `crashes` (sentences whose
    analysis raised: scored as having no predictions), `quantity_stage` (the stage scored).

The pipeline. NewsQuant scores the `quantities` stage: the scorer builds
`clean, parse, quantities` (keeping the given pipeline's options for that stage) with `ages` and
`time_offsets` on, because NewsQuant annotates ages
("15 year-old" -> "year of age") and durations used as time offsets ("six minutes later"), which
the stage leaves out by default, and with `multiplicative_verbs` off, because NewsQuant does not
annotate a change by a factor written as a verb ("doubling it to 256GB": only "256GB" is a
quantity there; "sixfold" and "3200 times" are). Option `folds=K` (`--folds K`) also reports,
under `folds`, each of K folds of the sentences (split by a hash of the text) with the mean and
standard deviation of value, value+unit, value+change and concept F1. Option `peer=True` also
scores quantulum3 (when installed) on the same sentences by value and unit, mapping its unit names as the CQE evaluation does; its metrics
are reported under `peer_quantulum3`.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import DataMissing
from . import fold_of, fold_spread, prf, scorer

Value = float | tuple[float, float]

NEWSQUANT_OPTIONS = {"ages": True, "time_offsets": True, "multiplicative_verbs": False}

FUNCTION_WORDS = frozenset({
    "the", "a", "an", "of", "in", "on", "at", "for", "to", "from", "by", "with", "and", "or",
    "its", "his", "her", "their", "our", "my", "your", "this", "that", "these", "those", "which",
    "who", "whom", "whose", "it", "he", "she", "they", "we", "i", "you", "as", "is", "was",
    "were", "be", "been", "are", "has", "have", "had", "than", "into", "s",
})
_SPLIT = re.compile(r"[,\s]+")
_STRIP = "\"'“”‘’()[]{}.;:!?"


@dataclass(frozen=True)
class Scored:
    """A quantity reduced to what NewsQuant compares."""

    value: Value
    unit: str
    change: str
    concept: frozenset[str]


# ---------------------------------------------------------------- reading the data


def load_newsquant(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise DataMissing(f"cannot read the NewsQuant file {path}: {exc}") from None
    items = list(data.values()) if isinstance(data, dict) else list(data)
    items = [it for it in items if isinstance(it, dict) and "text" in it]
    return items[:limit] if limit else items


def parse_gold_value(raw: Any) -> Value | None:
    """ "19.0" -> 19.0; "252.0-287.0" -> (252.0, 287.0); "2.998E-08" and "-130" stay numbers."""
    if isinstance(raw, (int, float)):
        return float(raw)
    text = str(raw).strip()
    try:
        if "E" not in text.upper() and not text.startswith("-") and "-" in text:
            low, high = text.split("-", 1)
            return float(low), float(high)
        return float(text)
    except ValueError:
        return None


def concept_words(text: str | None) -> frozenset[str]:
    """Words of a concept as NewsQuant writes them; {"-"} for none."""
    if not text or not text.strip() or text.strip() == "-":
        return frozenset({"-"})
    words = set()
    for raw in _SPLIT.split(text):
        w = raw.strip(_STRIP).lower()
        w = re.sub(r"(?:'s|’s|')$", "", w)
        if w and w not in FUNCTION_WORDS:
            words.add(w)
    return frozenset(words) or frozenset({"-"})


def gold_concept_words(text: str) -> frozenset[str]:
    if not text or text.strip() == "-":
        return frozenset({"-"})
    return frozenset(w.lower() for w in _SPLIT.split(text.strip()) if w)


def gold_quantities(item: dict[str, Any]) -> list[Scored | None]:
    out: list[Scored | None] = []
    for g in item.get("quantities", []):
        value = parse_gold_value(g.get("value"))
        if value is None:
            out.append(None)  # unreadable gold: counted, never matched
            continue
        out.append(Scored(value=value, unit=str(g.get("normalized_unit", "-")).strip().lower(),
                          change=str(g.get("change", "=")).strip(),
                          concept=gold_concept_words(str(g.get("referred_concepts", "-")))))
    return out


@cache
def newsquant_unit_names() -> dict[tuple[str, str], str]:
    """(unit as written, our name) -> NewsQuant's name, from knowledge/newsquant_units.tsv."""
    from ..knowledge import load_tsv

    return {(row["written"], row["ours"]): row["newsquant"]
            for row in load_tsv("newsquant_units.tsv")}


def scored_unit(written: str | None, normalized: str | None) -> str:
    """Our normalised unit under NewsQuant's naming ("164p": penny -> point; a row written "*"
    renames every writing: "sixfold", factor -> count), lower-cased."""
    ours = (normalized or "-").strip().lower()
    names = newsquant_unit_names()
    return names.get(((written or "").strip(), ours), names.get(("*", ours), ours))


def predicted(analysis: Any) -> list[Scored]:
    from ..extract.numbers.lexicon import cqe_change

    out = []
    for q in analysis.quantities:
        if q.value is None:
            continue
        value: Value = (q.value, q.value_high) if q.value_high is not None else q.value
        out.append(Scored(
            value=value, unit=scored_unit(q.unit, q.normalized_unit),
            change=cqe_change(q.span.text, q.change, q.approximate, q.value_high is not None),
            concept=concept_words(q.concept.text if q.concept else None)))
    return out


# ---------------------------------------------------------------- matching


def values_match(a: Value, b: Value) -> bool:
    if isinstance(a, tuple) != isinstance(b, tuple):
        return False
    if isinstance(a, tuple):
        return _close(a[0], b[0]) and _close(a[1], b[1])  # type: ignore[index]
    return _close(a, b)  # type: ignore[arg-type]


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-8)


def match(golds: list[Scored | None], preds: list[Scored]) -> list[tuple[Scored, Scored]]:
    """One-to-one pairs: same value and unit first, then same value."""
    pairs: list[tuple[Scored, Scored]] = []
    free_p = list(range(len(preds)))
    free_g = [i for i, g in enumerate(golds) if g is not None]
    for need_unit in (True, False):
        for gi in list(free_g):
            g = golds[gi]
            for pi in free_p:
                p = preds[pi]
                if values_match(g.value, p.value) and (not need_unit or g.unit == p.unit):
                    pairs.append((g, p))
                    free_p.remove(pi)
                    free_g.remove(gi)
                    break
    return pairs


def concept_match(gold: frozenset[str], pred: frozenset[str]) -> tuple[bool, bool]:
    """(partial, complete): a shared word; the same set of words."""
    return bool(gold & pred), gold == pred


def summarize(n_gold: int, n_pred: int, pairs: list[tuple[Scored, Scored]]) -> dict[str, Any]:
    metrics: dict[str, Any] = {}

    def add(name: str, tp: int) -> None:
        p, r, f = prf(tp, n_pred, tp, n_gold)
        metrics[f"{name}_precision"], metrics[f"{name}_recall"], metrics[f"{name}_f1"] = p, r, f

    add("value", len(pairs))
    add("value_unit", sum(g.unit == p.unit for g, p in pairs))
    change_right = sum(g.change == p.change for g, p in pairs)
    add("value_change", change_right)
    metrics["change_accuracy"] = round(change_right / len(pairs), 4) if pairs else 0.0
    partial = sum(concept_match(g.concept, p.concept)[0] for g, p in pairs)
    complete = sum(concept_match(g.concept, p.concept)[1] for g, p in pairs)
    cp, cr, cf = prf(partial, n_pred, partial, n_gold)
    metrics.update(concept_partial=cf, concept_partial_precision=cp, concept_partial_recall=cr)
    kp, kr, kf = prf(complete, n_pred, complete, n_gold)
    metrics.update(concept_complete=kf, concept_complete_precision=kp,
                   concept_complete_recall=kr)
    metrics["gold_quantities"], metrics["predicted_quantities"] = n_gold, n_pred
    return metrics


# ---------------------------------------------------------------- folds


@dataclass(frozen=True)
class ItemScore:
    text: str
    n_gold: int
    n_pred: int
    pairs: list[tuple[Scored, Scored]]


FOLD_METRICS = ("value_f1", "value_unit_f1", "value_change_f1", "concept_partial", "concept_complete")


def _totals(scored: list[ItemScore]) -> tuple[int, int, list[tuple[Scored, Scored]]]:
    return (sum(s.n_gold for s in scored), sum(s.n_pred for s in scored),
            [pair for s in scored for pair in s.pairs])


def fold_scores(scored: list[ItemScore], k: int) -> dict[str, Any]:
    """The scores of each of k folds of the sentences (by a hash of their text), with their mean
    and standard deviation: how much a figure measured on one sample of sentences moves on
    another. The rules are hand-written, not fitted per fold: a fold is unseen only by the rules
    written while reading the other folds' errors."""
    per_fold = []
    for f in range(k):
        part = [s for s in scored if fold_of(s.text, k) == f]
        m = summarize(*_totals(part))
        per_fold.append({"n": len(part), **{name: m[name] for name in FOLD_METRICS}})
    return {"k": k, "per_fold": per_fold, **fold_spread(per_fold, FOLD_METRICS)}


# ---------------------------------------------------------------- the scorer


def quantity_pipeline(pipeline: Any) -> Any:
    """clean, parse, quantities with NewsQuant's conventions (ages and time offsets counted),
    keeping any other option the given pipeline sets for the quantities stage."""
    from ..pipeline import Pipeline, PipelineConfig

    config = getattr(pipeline, "config", None)
    options = dict(config.options.get("quantities", {})) if config is not None else {}
    options.update(NEWSQUANT_OPTIONS)
    return Pipeline(PipelineConfig(stages=["clean", "parse", "quantities"],
                                   options={"quantities": options}))


@scorer("quantities", "newsquant", default=True)
def score_newsquant(path: Path, pipeline: Any, limit: int | None = None,
                    **options: Any) -> dict[str, Any]:
    """Value, unit, change and concept scores of the quantities stage on NewsQuant."""
    items = load_newsquant(path, limit=limit)
    pipe = quantity_pipeline(pipeline)
    crashes = 0
    scored: list[ItemScore] = []
    for item in items:
        golds = gold_quantities(item)
        try:
            preds = predicted(pipe.analyze(str(item["text"])))
        except Exception:  # an evaluation reports crashes, it does not stop at them
            crashes += 1
            preds = []
        scored.append(ItemScore(str(item["text"]), len(golds), len(preds), match(golds, preds)))
    metrics = summarize(*_totals(scored))
    stage = next((s.label for s in getattr(pipe, "specs", []) if "quantities" in s.assigns), None)
    metrics.update(n=len(items), crashes=crashes, quantity_stage=stage)
    folds = int(options.get("folds") or 0)
    if folds > 1:
        metrics["folds"] = fold_scores(scored, folds)
    if options.get("peer"):
        metrics["peer_quantulum3"] = score_quantulum3(items)
    return metrics


# ---------------------------------------------------------------- the quantulum3 peer

# quantulum3's unit names that differ from NewsQuant's, as the CQE evaluation maps them.
QUANTULUM_UNITS = {
    "dimensionless": "-", "unk": "-", "per cent": "percentage", "dollar dollar": "dollar",
    "united states dollar": "dollar", "tonne": "metric ton", "degree angle": "degree",
    "degree celsius": "celsius", "degree fahrenheit": "fahrenheit",
    "percentage drop": "percentage", "second of arc": "second", "minute of arc": "minute",
    "yard yard": "yard", "cubic centimetre": "millilitre",
    "degree angle degree fahrenheit": "fahrenheit", "pound sterling year": "pound sterling per year",
    "per year per newton per day": "year",
}


def score_quantulum3(items: list[dict[str, Any]]) -> dict[str, Any]:
    """quantulum3 on the same sentences, scored by value and unit (it has no change or concept;
    its ranges are averaged, as the CQE evaluation does)."""
    try:
        from quantulum3 import parser as q3
    except Exception as exc:  # not installed, or its dependencies do not import
        return {"error": f"quantulum3 unavailable: {type(exc).__name__}: {exc}"}
    n_gold = n_pred = crashes = 0
    pairs: list[tuple[Scored, Scored]] = []
    for item in items:
        golds = []
        for g in gold_quantities(item):
            if g is not None and isinstance(g.value, tuple):
                g = Scored(value=(g.value[0] + g.value[1]) / 2, unit=g.unit, change=g.change,
                           concept=g.concept)
            golds.append(g)
        try:
            found = q3.parse(str(item["text"]))
        except Exception:
            crashes += 1
            found = []
        preds = []
        for res in found:
            unit = res.unit.name.strip().lower()
            unit = QUANTULUM_UNITS.get(unit, unit)
            preds.append(Scored(value=float(res.value), unit=unit, change="=",
                                concept=frozenset({"-"})))
        n_gold += len(golds)
        n_pred += len(preds)
        pairs.extend(match(golds, preds))
    metrics = summarize(n_gold, n_pred, pairs)
    keep = ("value_precision", "value_recall", "value_f1", "value_unit_precision",
            "value_unit_recall", "value_unit_f1", "gold_quantities", "predicted_quantities")
    return {**{k: metrics[k] for k in keep}, "crashes": crashes}
