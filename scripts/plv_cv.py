"""Cross-validated effect of a rule-table change on the PLV development file (issue #18).

    PYTHONPATH=src python scripts/plv_cv.py --base main --read-folds 1,2,3,4 [--folds 5] [--data PLV.tsv]

Runs `wirecoder eval events --format plv --folds K` twice on the same rows: once with the source
tree of git revision `--base` (exported with `git archive` into a temporary folder) and once with
this working tree's `src`. The rows split into K folds by a hash of the sentence
(`evaluate.fold_of`, the split `eval events --folds` and `bench/events_errors.py --held-out` use).

`--read-folds` names the folds whose errors the change was written from (the folds shown by
`bench/events_errors.py --folds K --held-out F` for each F left out). A change is judged only on
the other folds: `unread` holds, for each unread fold, the type F1 and full-record accuracy before
and after, and their mean and spread. `all` gives the same over every fold, for comparison with the
previous single-split figures; on read folds it is a training figure, not an estimate.

Prints one JSON object. Spread is the population standard deviation, min and max across folds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = Path("/work/shared/data/events/PLV_train_minus_gsr.tsv")
METRICS = ("type_f1", "full_record_accuracy")


def fold_figures(src: Path, data: str, folds: int) -> list[dict[str, float]]:
    """Each fold's figures from `eval events --folds` run on the package under `src`."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run([sys.executable, "-m", "wirecoder", "eval", "events", "--data", data,
                          "--format", "plv", "--folds", str(folds), "--json"],
                         env=env, capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout)["folds"]["per_fold"]


def export_src(rev: str, into: Path) -> Path:
    """The `src` folder of git revision `rev`, written under `into`."""
    archive = subprocess.run(["git", "archive", "--format=tar", rev, "src"], cwd=ROOT,
                             capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    # data git does not track (the gazetteer's index, vendored scripts) is the same for both runs
    ignored = subprocess.run(["git", "ls-files", "--others", "--ignored", "--exclude-standard", "--directory",
                              "src"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    for rel in (line.rstrip("/") for line in ignored.splitlines()):
        if "__pycache__" not in rel and not (into / rel).exists() and (into / rel).parent.is_dir():
            (into / rel).symlink_to(ROOT / rel)
    return into / "src"


def spread(values: list[float]) -> dict[str, float]:
    return {"mean": round(statistics.fmean(values), 4), "sd": round(statistics.pstdev(values), 4),
            "min": round(min(values), 4), "max": round(max(values), 4)}


def summary(before: list[dict], after: list[dict], chosen: list[int]) -> dict:
    """Mean and spread of each metric before, after and of the change, over the chosen folds."""
    out: dict = {"folds": chosen}
    for m in METRICS:
        b = [before[i][m] for i in chosen]
        a = [after[i][m] for i in chosen]
        out[m] = {"before": spread(b), "after": spread(a),
                  "change": spread([y - x for x, y in zip(b, a, strict=True)])}
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="main", help="git revision to compare against")
    parser.add_argument("--read-folds", default="", help="comma-separated folds the change was written from")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    args = parser.parse_args()
    read = {int(f) for f in args.read_folds.split(",") if f.strip()}
    if any(f < 0 or f >= args.folds for f in read):
        parser.error(f"--read-folds must lie in 0..{args.folds - 1}")
    with tempfile.TemporaryDirectory() as tmp:
        before = fold_figures(export_src(args.base, Path(tmp)), args.data, args.folds)
    after = fold_figures(ROOT / "src", args.data, args.folds)
    unread = [i for i in range(args.folds) if i not in read]
    report = {
        "base": args.base, "k": args.folds, "read_folds": sorted(read),
        "per_fold": [{"fold": i, "n": before[i]["n"],
                      **{f"{m}_before": before[i][m] for m in METRICS},
                      **{f"{m}_after": after[i][m] for m in METRICS}} for i in range(args.folds)],
        "unread": summary(before, after, unread) if unread else None,
        "all": summary(before, after, list(range(args.folds))),
    }
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
