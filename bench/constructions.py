"""How many rows of each construction catalogue the coder gets right: `python bench/constructions.py`.

The catalogues (tests/catalogues/*.jsonl) are handwritten sentences of one construction each, with
what the coder must find; the tests assert every row, and this bench reads the same files to print
a pass rate per catalogue and the rows that fail (useful while a change is under way).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

CATALOGUES = Path(__file__).resolve().parents[1] / "tests" / "catalogues"


def _roles_ok(pipeline, row) -> bool:
    events = [e for e in pipeline.analyze(row["sentence"]).events if e.trigger.text.startswith(row["trigger"])]
    if not events:
        return False
    e = events[0]
    return (e.type == row["event_type"] and row["source"] in [r.span.text for r in e.sources]
            and any(row["target"] in r.span.text for r in e.targets))


def _modality_ok(pipeline, row) -> bool:
    from wirecoder.extract.modality import read_modality
    from wirecoder.nlp import load_nlp

    doc = load_nlp()(row["sentence"])
    tok = next(t for t in doc if t.text == row["trigger"])
    return read_modality(tok).modality == row["expected"]


def _fatalities_ok(pipeline, row) -> bool:
    events = [e for e in pipeline.analyze(row["sentence"]).events if e.trigger.text.startswith(row["trigger"])]
    if not events:
        return False
    e = events[0]
    evidence = e.fatalities_evidence.text if e.fatalities_evidence else None
    return e.fatalities == row["fatalities"] and evidence == row["evidence"]


CHECKS = {"event_roles": _roles_ok, "event_modality": _modality_ok, "event_fatalities": _fatalities_ok}


def main() -> int:
    import wirecoder

    pipeline = wirecoder.load()
    failed = 0
    for name, check in CHECKS.items():
        rows = [json.loads(line) for line in (CATALOGUES / f"{name}.jsonl").read_text("utf-8").splitlines() if line]
        bad = [row for row in rows if not check(pipeline, row)]
        failed += len(bad)
        print(f"{name}: {len(rows) - len(bad)}/{len(rows)} right")
        for row in bad:
            print(f"  FAIL {row['sentence']}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
