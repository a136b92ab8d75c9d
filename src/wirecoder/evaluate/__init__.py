"""Evaluation harness: `wirecoder eval TASK --data PATH --format NAME`.

Each scorer module registers itself with `@scorer(task, format)`; a scorer takes the data path, a
pipeline and an optional limit and returns its metrics. The harness adds `n` (items scored, as
the scorer reports it) and `seconds` (wall time of the whole evaluation).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from ..errors import DataMissing, UnknownFormat

ScorerFn = Callable[..., dict[str, Any]]
_SCORERS: dict[str, dict[str, ScorerFn]] = {}
DEFAULT_FORMATS: dict[str, str] = {}
TASKS = ("events", "quotes", "quantities", "claims", "times", "places", "dedup", "relevance", "actors")


def scorer(task: str, fmt: str, *, default: bool = False) -> Callable[[ScorerFn], ScorerFn]:
    def register(fn: ScorerFn) -> ScorerFn:
        _SCORERS.setdefault(task, {})[fmt] = fn
        if default or task not in DEFAULT_FORMATS:
            DEFAULT_FORMATS[task] = fmt
        return fn

    return register


def _load_scorers() -> None:
    # The modules of the built-in scorers are listed in builtins.py; importing one runs its
    # @scorer decorators. Then the plugins' scorers.
    from importlib import import_module

    from ..builtins import BUILTIN_SCORERS
    from ..plugins import load_plugins

    for module in sorted(set(BUILTIN_SCORERS.values())):
        import_module(module)
    load_plugins("wirecoder.scorers")


def available() -> dict[str, list[str]]:
    _load_scorers()
    return {task: sorted(formats) for task, formats in _SCORERS.items()}


def run_eval(task: str, data: str | Path, fmt: str | None = None, *, limit: int | None = None,
             pipeline=None, **options: Any) -> dict[str, Any]:
    """Score `task` on the gold set at `data`; returns the metrics plus `n` and `seconds`."""
    _load_scorers()
    if task not in TASKS and task not in _SCORERS:  # a plugin's scorer may add a task
        known = sorted(set(TASKS) | set(_SCORERS))
        raise UnknownFormat(f"unknown eval task {task!r}; choose one of {', '.join(known)}")
    if task not in _SCORERS:
        raise UnknownFormat(f"no scorer for {task!r} yet")
    fmt = fmt or DEFAULT_FORMATS[task]
    if fmt not in _SCORERS[task]:
        raise UnknownFormat(f"no {fmt!r} format for {task!r}; choose one of {', '.join(sorted(_SCORERS[task]))}")
    path = Path(data)
    if not path.exists():
        raise DataMissing(f"gold data not found: {path}")
    if pipeline is None:
        from ..pipeline import Pipeline
        pipeline = Pipeline()
    started = time.perf_counter()
    metrics = _SCORERS[task][fmt](path, pipeline, limit=limit, **options)
    metrics["seconds"] = round(time.perf_counter() - started, 3)
    return metrics


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    """Precision over predictions, recall over gold items (they may be matched separately)."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)


# ---------------------------------------------------------------- k folds


def fold_of(text: str, k: int) -> int:
    """A sentence's fold of k, from a hash of its text: the same on every run and every machine,
    and the same for a sentence that occurs twice."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16) % k


def fold_spread(per_fold: Sequence[dict[str, Any]], names: Sequence[str]) -> dict[str, float]:
    """`NAME_mean` and `NAME_sd` (sample standard deviation) of each metric across the folds."""
    out: dict[str, float] = {}
    k = len(per_fold)
    for name in names:
        values = [fold[name] for fold in per_fold]
        mean = sum(values) / k
        out[f"{name}_mean"] = round(mean, 4)
        out[f"{name}_sd"] = round((sum((v - mean) ** 2 for v in values) / (k - 1)) ** 0.5, 4) if k > 1 else 0.0
    return out
