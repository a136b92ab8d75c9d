"""Where the time goes: each stage of a pipeline against the spaCy parse floor, in one run.

`wirecoder bench PATH...` (== `run_benchmark(texts)`) times plain `nlp.pipe` on the cleaned texts
(the floor: what any spaCy-based coder pays), then every stage of the pipeline on the same
documents, stage by stage over the whole batch, and reports seconds and ratios to the floor.
Machines are noisy: each figure is the best of `repeat` runs, and only ratios measured in the
same run mean anything (no absolute thresholds anywhere).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

from .ingest.base import RawDocument
from .pipeline import Pipeline, to_raw, within_parse_limit
from .state import AnalysisState, StageView


def best_of(repeat: int, fn: Callable[[], Any]) -> float:
    best = float("inf")
    for _ in range(max(1, repeat)):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def stage_seconds(pipeline: Pipeline, items: Sequence[str | RawDocument],
                  batch_size: int = 64) -> dict[str, float]:
    """Seconds each stage takes over all `items`, the stages run one after another over the
    whole batch (the parse batched as in `Pipeline.pipe`)."""
    states = [AnalysisState(raw=to_raw(item)) for item in items]
    seconds: dict[str, float] = {}
    for spec, runner in zip(pipeline.specs, pipeline._runners, strict=True):
        started = time.perf_counter()
        if hasattr(runner, "pipe"):
            source = within_parse_limit(iter(states)) if "spacy" in spec.assigns else iter(states)
            states = list(runner.pipe(source, n_process=1, batch_size=batch_size))
        else:
            for state in states:
                state.put(spec.name, spec.assigns, runner(StageView(state, spec.name, spec.reads)))
        seconds[spec.name] = time.perf_counter() - started
    return seconds


def run_benchmark(items: Sequence[str | RawDocument], pipeline: Pipeline | None = None, *,
                  repeat: int = 3, batch_size: int = 64) -> dict[str, Any]:
    """The parse floor and each stage's time over `items`, as seconds and ratios to the floor."""
    from .clean import clean
    from .nlp import load_nlp

    pipeline = pipeline or Pipeline()
    raws = [to_raw(item) for item in items]
    cleaned = [clean(raw.text, raw.title).text for raw in raws]
    nlp = load_nlp()
    stage_seconds(pipeline, raws[:2], batch_size)  # warm lazy imports, lexicons, the gazetteer
    floor = best_of(repeat, lambda: list(nlp.pipe(cleaned, batch_size=batch_size)))
    best: dict[str, float] = {}
    for _ in range(max(1, repeat)):
        for name, secs in stage_seconds(pipeline, raws, batch_size).items():
            best[name] = min(best.get(name, float("inf")), secs)
    total = sum(best.values())
    words = sum(len(text.split()) for text in cleaned)
    return {
        "texts": len(raws),
        "words": words,
        "repeat": repeat,
        "parse_floor_seconds": round(floor, 4),
        "parse_floor_words_per_second": round(words / floor) if floor else None,
        "stages": {name: {"seconds": round(secs, 4), "over_parse": round(secs / floor, 3)}
                   for name, secs in best.items()},
        "pipeline_seconds": round(total, 4),
        "pipeline_over_parse": round(total / floor, 3) if floor else None,
        "coder_version": pipeline.coder_version,
    }


def render_benchmark(result: dict[str, Any]) -> str:
    lines = [f"{result['texts']} texts, {result['words']:,} words; best of {result['repeat']}",
             f"spaCy parse floor: {result['parse_floor_seconds']:.3f} s "
             f"({result['parse_floor_words_per_second']:,} words/s)", "",
             f"{'stage':<14}{'seconds':>10}{'x parse floor':>16}"]
    for name, row in result["stages"].items():
        lines.append(f"{name:<14}{row['seconds']:>10.3f}{row['over_parse']:>16.3f}")
    lines.append(f"{'pipeline':<14}{result['pipeline_seconds']:>10.3f}"
                 f"{result['pipeline_over_parse']:>16.3f}")
    return "\n".join(lines)
