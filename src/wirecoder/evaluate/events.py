"""Event scorers: `wirecoder eval events --data PATH [--format plv|penta]`.

PLV (`--format plv`, the default): a TSV with a header; the columns used are `sentence`,
`marked_sentence` (the sentence with the source marked `<s>...</s>` and the target `<t>...</t>`)
and `gold_root` (the PLOVER type). One gold event per row.

Gold spans. The tags (case-insensitive, spaces allowed inside them: `< /s >`) are removed from
`marked_sentence`, each marked range is trimmed of surrounding whitespace (marks often enclose or
exclude a stray space: `(LNA) </s>agreed`), and the ranges are mapped into `sentence` by matching
the two texts' non-whitespace characters one to one. When the stripped text differs from
`sentence` beyond whitespace, each marked text is searched for in `sentence` instead (whitespace
ignored, the occurrence nearest its marked position wins). A role may be marked more than once
(`... to <t>Ukraine</t> ... upon <t>Ukraine</t>'s ...`): it is the list of its ranges. A role with
no mark (some rows mark only a source or only a target; their `source`/`target` column then holds
a placeholder such as "a recipient") is *absent* and places no constraint below. A row is
*unaligned* when it has no mark at all or a marked text cannot be located; unaligned rows are
counted in `unaligned` and in `n` and are misses for every metric (never a true positive).

Predictions. The sentences go through `pipeline.pipe`; each predicted event's source and target
spans are mapped to sentence offsets with `document.original_span`. Two ranges *overlap* when
they share a character. For each row one *primary* event is chosen, by the highest role score,
ties broken by the higher prominence (the coder's estimate of which event its sentence is
about; then by the earlier event):
  - 2   every present gold role is overlapped by a predicted actor of the same role (a predicted
        source overlaps <s> and a predicted target overlaps <t>);
  - 1.5 not 2, but every present gold role is overlapped by some predicted source or target
        (roles swapped, or both gold spans covered from one side);
  - 1   at least one present gold role is overlapped by a predicted source or target;
  - 0   otherwise (so with no overlap at all the primary is the most prominent event).
Types match when equal, and gold YIELD also matches a predicted CONCEDE or RETREAT (PLOVER split
CAMEO's YIELD into these two). Both gold files follow CAMEO2PLOVER-2021, which files CAMEO 116
"find guilty" under ACCUSE; wirecoder codes a conviction SANCTION (mode convict), as the updated
PLOVER structured codebook does. A predicted event coded CAMEO 116 is scored as ACCUSE here, in the
PLV and the penta scorer alike (`gold_convention`): a translation of conventions, as for YIELD.

Metrics (a row "has a prediction" when the pipeline found at least one event in it):
  - `type_precision`, `type_recall`, `type_f1`: a row is a true positive when it is aligned, the
    primary's type matches and the primary's role score is at least 1.5 (its sources and targets
    together overlap every present gold role, in either role). Precision = true positives / rows
    with a prediction; recall = true positives / all rows (`n`).
  - `type_only_precision`, `type_only_recall`, `type_only_f1`: as above but the primary's type
    alone decides (the primary is still chosen by overlap first).
  - `full_record_accuracy`: rows that are aligned, whose primary's type matches and whose primary
    has role score 2 (roles right), over all rows.
  - `per_type`: for each type T among the gold types and the predicted primary types (CONCEDE and
    RETREAT counted as YIELD), precision = type_f1 true positives of gold T / rows whose primary
    is T, recall = those true positives / rows of gold T, f1, and `support` = rows of gold T.
  - `confusion`: gold type -> primary's predicted type as predicted (no YIELD folding), or "NONE"
    for rows without a prediction -> rows.
  - `n` rows scored, `rows_with_events`, `unaligned`, `crashes` (rows whose analysis raised; scored
    as without prediction), `event_stage` (whether the pipeline has a stage assigning events:
    without one every score is 0).

Folds (`--folds K`): the rows split into K folds by a hash of the sentence (the same on every run;
a sentence that occurs twice stays in one fold); `folds` holds each fold's `n`, type P/R/F1 and
full-record accuracy, and their mean and sample standard deviation (`type_f1_mean`,
`type_f1_sd`, ...). With `--held-out F` as well, every other metric (per type, confusion) is of the
rows outside fold F, and fold F is reported only by its figures under `held_out`: a rule written
from the errors of the other folds is then judged on rows nobody read.

Penta (`--format penta`): ConfliBERT's `sentence<TAB>class` file, no header, classes 0 neutral,
1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict. A sentence's
predicted class is the `PENTA` class of its main event, the most prominent (the earliest on ties;
a type with no row in knowledge/plover_types.tsv is an error, W023, never neutral), 0 when it has
none. `PENTA` (the table's `penta` column) follows the CAMEO quad classes that PLOVER's types come from:
  - PROTEST is 4: CAMEO 14 PROTEST is material conflict in the quad-class scheme, although many
    protests are largely verbal;
  - REQUEST is 3, not verbal cooperation: PLOVER's REQUEST is CAMEO 10 DEMAND
    (CAMEO2PLOVER-2021), verbal conflict in the quad classes, and the PLV gold_penta column gives
    3 for every REQUEST row;
  - CONCEDE is 1 (PLOVER: verbal concessions without immediate material consequences), RETREAT
    and YIELD are 2 (material concessions, CAMEO 08).
Metrics: `accuracy`; `macro_f1`, the mean F1 over the classes that occur in the gold or the
predictions; `per_class_f1` (class name -> F1), `confusion` (gold class name -> predicted class
name -> sentences), `n`, `crashes`.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import ConfigError, DataMissing
from ..knowledge.plover import penta_map, plover_type
from . import fold_of, fold_spread, prf, scorer

Range = tuple[int, int]
ROLES = ("source", "target")
YIELD_ALIASES = frozenset({"CONCEDE", "RETREAT"})

PENTA_NAMES = ("neutral", "verbal_cooperation", "material_cooperation", "verbal_conflict",
               "material_conflict")
# type -> penta class, from the `penta` column of knowledge/plover_types.tsv
PENTA: dict[str, int] = penta_map()

_TAG = re.compile(r"<\s*(/?)\s*([st])\s*>", re.IGNORECASE)


# ---------------------------------------------------------------- gold: marks and alignment


@dataclass(frozen=True)
class GoldRow:
    """One PLV row: the gold type and the marked roles in offsets of `sentence`."""

    sentence: str
    gold_type: str
    source: tuple[Range, ...] = ()
    target: tuple[Range, ...] = ()
    aligned: bool = True

    def role(self, name: str) -> tuple[Range, ...]:
        return self.source if name == "source" else self.target


def _trim(text: str, start: int, end: int) -> Range:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def parse_marks(marked: str) -> tuple[str, dict[str, list[Range]]]:
    """The text without its `<s>`/`<t>` tags and the whitespace-trimmed ranges of each role in it.

    Tags may nest (`<s><t>Iraqi</t> fighters</s>`); an unmatched tag is dropped, and so is a mark
    that encloses nothing but whitespace.
    """
    pieces: list[str] = []
    length = 0
    open_at: dict[str, list[int]] = {"s": [], "t": []}
    found: dict[str, list[Range]] = {"source": [], "target": []}
    pos = 0
    for m in _TAG.finditer(marked):
        pieces.append(marked[pos:m.start()])
        length += m.start() - pos
        pos = m.end()
        closing, letter = m.group(1) == "/", m.group(2).lower()
        if not closing:
            open_at[letter].append(length)
        elif open_at[letter]:
            start = open_at[letter].pop()
            found["source" if letter == "s" else "target"].append((start, length))
    pieces.append(marked[pos:])
    text = "".join(pieces)
    roles = {role: sorted(r for r in (_trim(text, s, e) for s, e in spans) if r[1] > r[0])
             for role, spans in found.items()}
    return text, roles


def nonspace_map(a: str, b: str) -> list[int] | None:
    """For each index of `a`, the index in `b` of the same non-whitespace character (-1 for
    whitespace), when the two texts are equal but for whitespace; None when they are not."""
    b_idx = [i for i, ch in enumerate(b) if not ch.isspace()]
    mapping = [-1] * len(a)
    k = 0
    for i, ch in enumerate(a):
        if ch.isspace():
            continue
        if k >= len(b_idx) or b[b_idx[k]] != ch:
            return None
        mapping[i] = b_idx[k]
        k += 1
    return mapping if k == len(b_idx) else None


def find_text(needle: str, haystack: str, near: int = 0) -> Range | None:
    """The occurrence of `needle` in `haystack` (whitespace ignored) that starts nearest `near`."""
    chars = [re.escape(ch) for ch in needle if not ch.isspace()]
    if not chars:
        return None
    pattern = re.compile(r"\s*".join(chars))
    hits = [m.span() for m in pattern.finditer(haystack)]
    if not hits:
        return None
    return min(hits, key=lambda span: abs(span[0] - near))


def align_marks(sentence: str, marked: str) -> tuple[dict[str, list[Range]], bool]:
    """The marked roles in offsets of `sentence`, and whether every mark was located."""
    text, roles = parse_marks(marked)
    if not any(roles.values()):
        return {role: [] for role in ROLES}, False
    mapping = nonspace_map(text, sentence)
    out: dict[str, list[Range]] = {role: [] for role in ROLES}
    ok = True
    for role, spans in roles.items():
        for start, end in spans:
            if mapping is not None:  # trimmed spans start and end on non-whitespace characters
                out[role].append((mapping[start], mapping[end - 1] + 1))
                continue
            hit = find_text(text[start:end], sentence, near=start)
            if hit is None:
                ok = False
            else:
                out[role].append(hit)
    return out, ok


def gold_row(sentence: str, marked: str, gold_type: str) -> GoldRow:
    roles, ok = align_marks(sentence, marked)
    return GoldRow(sentence=sentence, gold_type=gold_type.strip().upper(),
                   source=tuple(roles["source"]), target=tuple(roles["target"]), aligned=ok)


def load_plv(path: str | Path, limit: int | None = None) -> list[GoldRow]:
    path = Path(path)
    if not path.is_file():
        raise DataMissing(f"PLV file not found: {path}")
    rows: list[GoldRow] = []
    with path.open(newline="", encoding="utf-8") as handle:
        for record in csv.DictReader(handle, delimiter="\t"):
            if limit is not None and len(rows) >= limit:
                break
            missing = {"sentence", "marked_sentence", "gold_root"} - set(record)
            if missing:
                raise DataMissing(f"{path} lacks the columns {sorted(missing)}")
            rows.append(gold_row(record["sentence"], record["marked_sentence"],
                                 record["gold_root"]))
    return rows


# ---------------------------------------------------------------- predictions and matching


@dataclass(frozen=True)
class PredEvent:
    """A predicted event reduced to what scoring needs, in sentence offsets."""

    type: str
    sources: tuple[Range, ...] = ()
    targets: tuple[Range, ...] = ()
    confidence: float = 0.5
    prominence: float = 0.5

    def role(self, name: str) -> tuple[Range, ...]:
        return self.sources if name == "source" else self.targets


# CAMEO codes the gold files (CAMEO2PLOVER-2021) file under another PLOVER type than the updated
# codebook wirecoder follows: "find guilty" is ACCUSE there, SANCTION (mode convict) here.
GOLD_CONVENTION = {"116": "ACCUSE"}


def gold_convention(event: Any) -> str:
    """The event's type as the gold files' convention names it."""
    return GOLD_CONVENTION.get(event.cameo or "", event.type.upper())


def predicted_events(analysis: Any) -> list[PredEvent]:
    """The events of an Analysis with their actor spans mapped to original-text offsets, typed by
    the gold files' convention."""
    doc = analysis.document
    return [PredEvent(type=gold_convention(e),
                      sources=tuple(doc.original_span(a.span) for a in e.sources),
                      targets=tuple(doc.original_span(a.span) for a in e.targets),
                      confidence=e.confidence, prominence=e.prominence)
            for e in analysis.events]


def overlaps(a: Iterable[Range], b: Iterable[Range]) -> bool:
    b = list(b)
    return any(min(e1, e2) > max(s1, s2) for s1, e1 in a for s2, e2 in b)


def role_score(pred: PredEvent, gold: GoldRow) -> float:
    """2, 1.5, 1 or 0 as the module docstring defines."""
    present = [role for role in ROLES if gold.role(role)]
    if not present:
        return 0.0
    actors = pred.sources + pred.targets
    if all(overlaps(pred.role(role), gold.role(role)) for role in present):
        return 2.0
    covered = [overlaps(actors, gold.role(role)) for role in present]
    if all(covered):
        return 1.5
    return 1.0 if any(covered) else 0.0


def choose_primary(preds: Sequence[PredEvent], gold: GoldRow) -> PredEvent | None:
    """The event with the best role score, then the most prominent (the event its sentence is
    about), then the earliest."""
    if not preds:
        return None
    return max(preds, key=lambda p: (role_score(p, gold), p.prominence))


def fold(event_type: str) -> str:
    return "YIELD" if event_type in YIELD_ALIASES else event_type


def type_matches(gold_type: str, pred_type: str) -> bool:
    return gold_type == pred_type or (gold_type == "YIELD" and pred_type in YIELD_ALIASES)


@dataclass(frozen=True)
class RowResult:
    gold_type: str
    pred_type: str | None  # the primary's type, None without a prediction
    type_ok: bool = False  # aligned and types match
    args_ok: bool = False  # role score >= 1.5
    roles_ok: bool = False  # role score == 2

    @property
    def hit(self) -> bool:
        return self.type_ok and self.args_ok


def score_row(gold: GoldRow, preds: Sequence[PredEvent]) -> RowResult:
    primary = choose_primary(preds, gold)
    if primary is None:
        return RowResult(gold.gold_type, None)
    if not gold.aligned:
        return RowResult(gold.gold_type, primary.type)
    score = role_score(primary, gold)
    return RowResult(gold.gold_type, primary.type,
                     type_ok=type_matches(gold.gold_type, primary.type),
                     args_ok=score >= 1.5, roles_ok=score == 2.0)


def summarize_plv(results: Sequence[RowResult]) -> dict[str, Any]:
    n = len(results)
    predicted = [r for r in results if r.pred_type is not None]
    hits = sum(r.hit for r in results)
    type_only = sum(r.type_ok for r in results)
    metrics: dict[str, Any] = {}
    p, r, f = prf(hits, len(predicted), hits, n)
    metrics.update(type_precision=p, type_recall=r, type_f1=f)
    p, r, f = prf(type_only, len(predicted), type_only, n)
    metrics.update(type_only_precision=p, type_only_recall=r, type_only_f1=f)
    full = sum(r.type_ok and r.roles_ok for r in results)
    metrics["full_record_accuracy"] = round(full / n, 4) if n else 0.0

    support = Counter(r.gold_type for r in results)
    pred_count = Counter(fold(r.pred_type) for r in predicted)
    tp = Counter(r.gold_type for r in results if r.hit)
    per_type = {}
    for label in sorted(set(support) | set(pred_count)):
        p, r, f = prf(tp[label], pred_count[label], tp[label], support[label])
        per_type[label] = {"precision": p, "recall": r, "f1": f, "support": support[label]}
    confusion: dict[str, dict[str, int]] = defaultdict(dict)
    for (gold, pred), count in sorted(Counter(
            (r.gold_type, r.pred_type or "NONE") for r in results).items()):
        confusion[gold][pred] = count
    metrics.update(per_type=per_type, confusion=dict(confusion), n=n,
                   rows_with_events=len(predicted))
    return metrics


# ---------------------------------------------------------------- penta


def load_penta(path: str | Path, limit: int | None = None) -> list[tuple[str, int]]:
    path = Path(path)
    if not path.is_file():
        raise DataMissing(f"penta-class file not found: {path}")
    items: list[tuple[str, int]] = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if limit is not None and len(items) >= limit:
            break
        if not line.strip():
            continue
        sentence, sep, label = line.rpartition("\t")
        if not sep or not label.strip().isdigit() or int(label) not in range(5):
            raise DataMissing(f"{path}:{number}: expected sentence<TAB>class 0-4")
        items.append((sentence, int(label)))
    return items


def penta_class(preds: Sequence[PredEvent]) -> int:
    """The class of the sentence's main event: the most prominent (the earliest on ties), 0
    without events."""
    if not preds:
        return 0
    best = max(preds, key=lambda p: p.prominence)
    return plover_type(best.type).penta  # W023 for a type with no row: never silently neutral


def summarize_penta(gold: Sequence[int], pred: Sequence[int]) -> dict[str, Any]:
    n = len(gold)
    pairs = list(zip(gold, pred, strict=True))
    per_class: dict[str, float] = {}
    for c in sorted(set(gold) | set(pred)):
        tp = sum(g == c and p == c for g, p in pairs)
        per_class[PENTA_NAMES[c]] = prf(tp, sum(p == c for p in pred), tp, sum(g == c for g in gold))[2]
    confusion: dict[str, dict[str, int]] = defaultdict(dict)
    for (g, p), count in sorted(Counter(pairs).items()):
        confusion[PENTA_NAMES[g]][PENTA_NAMES[p]] = count
    return {
        "accuracy": round(sum(g == p for g, p in pairs) / n, 4) if n else 0.0,
        "macro_f1": round(sum(per_class.values()) / len(per_class), 4) if per_class else 0.0,
        "per_class_f1": per_class,
        "confusion": dict(confusion),
        "n": n,
    }


# ---------------------------------------------------------------- running the pipeline


def _analyze_all(pipeline: Any, texts: Sequence[str],
                 batch_size: int = 64) -> Iterator[list[PredEvent] | None]:
    """Predicted events per text, batched through `pipeline.pipe`; None where analysis raised.

    A batch that raises is redone one text at a time, so one bad sentence costs only itself.
    """
    for start in range(0, len(texts), batch_size):
        batch = texts[start:start + batch_size]
        try:
            yield from [predicted_events(a) for a in pipeline.pipe(batch, batch_size=batch_size)]
        except Exception:  # an evaluation reports crashes, it does not stop at them
            for text in batch:
                try:
                    yield predicted_events(next(iter(pipeline.pipe([text]))))
                except Exception:
                    yield None


def has_event_stage(pipeline: Any) -> bool:
    return any("events" in spec.assigns for spec in getattr(pipeline, "specs", []))


@dataclass
class _Run:
    preds: list[list[PredEvent]] = field(default_factory=list)
    crashed: list[bool] = field(default_factory=list)
    crashes: int = 0


def _run(pipeline: Any, texts: Sequence[str], batch_size: int) -> _Run:
    run = _Run()
    for found in _analyze_all(pipeline, texts, batch_size):
        run.crashes += found is None
        run.crashed.append(found is None)
        run.preds.append(found or [])
    return run


FOLD_METRICS = ("type_precision", "type_recall", "type_f1", "full_record_accuracy")


def _fold_figures(results: Sequence[RowResult]) -> dict[str, Any]:
    m = summarize_plv(results)
    return {"n": len(results), **{name: m[name] for name in FOLD_METRICS}}


def plv_folds(rows: Sequence[GoldRow], results: Sequence[RowResult], k: int) -> dict[str, Any]:
    """Each fold's figures (rows split by a hash of the sentence), with their mean and spread."""
    folds = [fold_of(row.sentence, k) for row in rows]
    per_fold = [_fold_figures([r for r, f in zip(results, folds, strict=True) if f == i])
                for i in range(k)]
    return {"k": k, "per_fold": per_fold, **fold_spread(per_fold, FOLD_METRICS)}


def _fold_options(options: dict[str, Any]) -> tuple[int, int | None]:
    k = int(options.get("folds") or 0)
    held = options.get("held_out")
    if held is not None and not (k > 1 and 0 <= int(held) < k):
        raise ConfigError(f"--held-out {held} needs --folds K with K > {held}")
    return k, None if held is None else int(held)


@scorer("events", "plv", default=True)
def score_plv(path: Path, pipeline: Any, limit: int | None = None,
              **options: Any) -> dict[str, Any]:
    """Event type and role metrics of `pipeline` on the PLV TSV (see the module docstring)."""
    k, held = _fold_options(options)
    rows = load_plv(path, limit=limit)
    run = _run(pipeline, [row.sentence for row in rows], int(options.get("batch_size", 64)))
    results = [score_row(row, preds) for row, preds in zip(rows, run.preds, strict=True)]
    extra: dict[str, Any] = {}
    if k > 1:
        extra["folds"] = plv_folds(rows, results, k)
    if held is not None:
        inside = [fold_of(row.sentence, k) == held for row in rows]
        extra["held_out"] = {"fold": held, **_fold_figures(
            [r for r, i in zip(results, inside, strict=True) if i])}
        rows = [row for row, i in zip(rows, inside, strict=True) if not i]
        results = [r for r, i in zip(results, inside, strict=True) if not i]
        run.crashes = sum(c for c, i in zip(run.crashed, inside, strict=True) if not i)
    return {**summarize_plv(results), "unaligned": sum(not row.aligned for row in rows),
            "crashes": run.crashes, "event_stage": has_event_stage(pipeline), **extra}


@scorer("events", "penta")
def score_penta(path: Path, pipeline: Any, limit: int | None = None,
                **options: Any) -> dict[str, Any]:
    """Penta-class accuracy and macro F1 of `pipeline` on ConfliBERT's class file."""
    items = load_penta(path, limit=limit)
    run = _run(pipeline, [sentence for sentence, _ in items], int(options.get("batch_size", 64)))
    metrics = summarize_penta([label for _, label in items], [penta_class(p) for p in run.preds])
    return {**metrics, "crashes": run.crashes, "event_stage": has_event_stage(pipeline)}
