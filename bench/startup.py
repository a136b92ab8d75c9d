"""Start-up bench (#26): wall time of fresh `wirecoder` processes against the spaCy floor.

    python bench/startup.py [--runs 5] [--db STORE] [--article FILE] [--src PATH]
                            [--baseline PATH] [--json]

Times, in fresh processes, `wirecoder --version`, `wirecoder events --db STORE` (a small store:
by default the seed article ingested into a temporary file), `wirecoder analyze ARTICLE --json`
(default: the seed article), and two floors measured in the same run: a bare interpreter
(`python -c pass`) and `python -c "import spacy; spacy.load(MODEL)"`, the least any cold
`analyze` can cost. Runs are interleaved (run 1 of every command, then run 2, ...) so a load
spike on a shared machine falls on all of them; each figure is the median of --runs, reported
with its ratio to the spaCy floor and the load average before and after. `--src` times another
checkout's source tree; `--baseline PATH` times a second tree (e.g. the code before a change) in
the same interleaved runs, so both meet the same load.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "seed" / "cartel-strikes-article.txt"
# The console script `wirecoder` runs exactly this (pyproject's [project.scripts]).
ENTRY = "import sys; from wirecoder.cli import main; sys.exit(main())"


def commands(db: str, article: Path, model: str) -> dict[str, list[str]]:
    py = sys.executable
    return {
        "python -c pass": [py, "-c", "pass"],
        "spacy.load (floor)": [py, "-c", f"import spacy; spacy.load({model!r})"],
        "wirecoder --version": [py, "-c", ENTRY, "--version"],
        "wirecoder events": [py, "-c", ENTRY, "events", "--db", db],
        "wirecoder analyze": [py, "-c", ENTRY, "analyze", str(article), "--json"],
    }


def wall(argv: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    proc = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"bench: {' '.join(argv[-3:])} failed: {proc.stderr.strip()[-400:]}")
    return seconds


def small_store(folder: Path, env: dict[str, str]) -> str:
    if not SEED.exists():
        raise SystemExit(f"bench: needs {SEED} for the default store (or pass --db)")
    db = str(folder / "small.db")
    subprocess.run([sys.executable, "-c", ENTRY, "ingest", str(SEED), "--db", db, "--no-progress"],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return db


def run(runs: int, db: str | None, article: Path, src: Path, baseline: Path | None = None) -> dict:
    from wirecoder.nlp import MODEL_NAME  # the bench's own tree: only to name the model

    env = {**os.environ, "PYTHONPATH": str(src)}
    with tempfile.TemporaryDirectory() as tmp:
        db = db or small_store(Path(tmp), env)
        plan = [(name, argv, env) for name, argv in commands(db, article, MODEL_NAME).items()]
        if baseline is not None:
            base_env = {**os.environ, "PYTHONPATH": str(baseline)}
            plan += [(f"{name} (baseline)", argv, base_env)
                     for name, argv in commands(db, article, MODEL_NAME).items()
                     if name.startswith("wirecoder")]
        load_before = os.getloadavg()
        times: dict[str, list[float]] = {name: [] for name, _argv, _env in plan}
        for _ in range(runs):
            for name, argv, run_env in plan:
                times[name].append(wall(argv, run_env))
        load_after = os.getloadavg()
    floor = statistics.median(times["spacy.load (floor)"])
    return {
        "runs": runs, "src": str(src), "baseline": str(baseline) if baseline else None,
        "model": MODEL_NAME, "article": str(article),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in load_after],
        "commands": {name: {"median_s": round(statistics.median(t), 3), "min_s": round(min(t), 3),
                            "ratio_to_spacy_load": round(statistics.median(t) / floor, 3)}
                     for name, t in times.items()},
    }


def render(result: dict) -> str:
    lines = [f"{'command':<33} {'median s':>9} {'min s':>7} {'x spacy.load':>13}"]
    for name, r in result["commands"].items():
        lines.append(f"{name:<33} {r['median_s']:>9.3f} {r['min_s']:>7.3f} {r['ratio_to_spacy_load']:>13.2f}")
    against = f"; baseline {result['baseline']}" if result["baseline"] else ""
    lines.append(f"median of {result['runs']} interleaved runs; src {result['src']}{against}; load "
                 f"average {result['load_average_before']} before, {result['load_average_after']} after")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command (default 5)")
    parser.add_argument("--db", help="the store for `events` (default: the seed ingested anew)")
    parser.add_argument("--article", type=Path, default=SEED, help="the article for `analyze`")
    parser.add_argument("--src", type=Path, default=REPO / "src", help="the source tree to time")
    parser.add_argument("--baseline", type=Path, help="a second source tree, timed in the same runs")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args()
    if not args.article.exists():
        raise SystemExit(f"bench: no article at {args.article} (pass --article)")
    result = run(max(1, args.runs), args.db, args.article.resolve(), args.src.resolve(),
                 args.baseline.resolve() if args.baseline else None)
    print(json.dumps(result, indent=2) if args.json else render(result))


if __name__ == "__main__":
    main()
