"""Actor codes on folds of the NGEC cases' tune part (issue #19):
`python bench/actor_halves.py ../shared/data/events/ngec_actor_resolution_cases.jsonl
[--folds 2] [--errors A]`.

Only the tune part (`wirecoder eval actors --part tune`) is read. Its cases are split into
`--folds` folds by a hash of "fold|test|input" (independent of the tune/validation hash); with
two folds they are the halves A and B. Rules are written from the errors of A only (`--errors A`
lists them); B is measured, never read. Prints one JSON line per fold (country and sector
accuracy), then the mean and spread (population standard deviation) over the folds.
"""

from __future__ import annotations

import hashlib
import json
import statistics
import sys
from pathlib import Path

from wirecoder.evaluate.actors import TODAY, _pipeline, case_date, expectations, part_of, predicted


def fold_of(case: dict, folds: int) -> int:
    key = f"fold|{case.get('test')}|{case.get('input')}".encode()
    return hashlib.sha256(key).digest()[0] % folds


def _name(fold: int, folds: int) -> str:
    return "AB"[fold] if folds == 2 else str(fold)


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    folds = int(argv[argv.index("--folds") + 1]) if "--folds" in argv else 2
    errors = argv[argv.index("--errors") + 1] if "--errors" in argv else None
    cases = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    cases = [c for c in cases if c.get("input") and part_of(c) == "tune"]
    nlp = _pipeline(None)
    tally = {f: {"country": [0, 0], "sector": [0, 0]} for f in range(folds)}
    for case in cases:
        country_ok, sector_ok = expectations(case)
        if country_ok is None and sector_ok is None:
            continue
        fold = fold_of(case, folds)
        analysis = nlp.analyze(case["input"], published=case_date(case.get("date"), TODAY))
        country, sectors = predicted(analysis, case["input"], case.get("context"))
        first = sectors[0] if sectors else ""
        right = []
        for key, test, got in (("country", country_ok, country), ("sector", sector_ok, first)):
            if test is not None:
                right.append(test(got))
                tally[fold][key][0] += right[-1]
                tally[fold][key][1] += 1
        if errors == _name(fold, folds) and not all(right):
            print(f"{case['test']}: {case['input']!r} -> {country or '-'}/{'/'.join(sectors) or '-'} "
                  f"want {json.dumps(case['expect'])}")
    rows = []
    for fold, t in tally.items():
        row = {k: round(v[0] / v[1], 4) if v[1] else 0.0 for k, v in t.items()}
        row.update({"fold": _name(fold, folds), "n_country": t["country"][1], "n_sector": t["sector"][1]})
        rows.append(row)
        print(json.dumps(row))
    for key in ("country", "sector"):
        values = [r[key] for r in rows]
        print(json.dumps({"metric": key, "mean": round(statistics.mean(values), 4),
                          "spread": round(statistics.pstdev(values), 4)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
