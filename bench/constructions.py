"""How many rows of each construction catalogue the coder gets right: `python bench/constructions.py`.

The catalogues (tests/catalogues/*.jsonl) are handwritten sentences of one construction each, with
what the coder must find; the tests assert every row, and this bench reads the same files to print
a pass rate per catalogue and the rows that fail (useful while a change is under way).
"""

from __future__ import annotations

import json
import math
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


def _event_type_ok(pipeline, row) -> bool:
    events = [e for e in pipeline.analyze(row["sentence"]).events if e.trigger.text.startswith(row["trigger"])]
    return bool(events) and events[0].type == row["event_type"]


def _event_sense_ok(pipeline, row) -> bool:
    return (row["type"] in [e.type for e in pipeline.analyze(row["sentence"]).events]) == row["coded"]


def _place_sense_ok(pipeline, row) -> bool:
    return (row["name"] in [p.span.text for p in pipeline.analyze(row["sentence"]).places]) == row["place"]


def _times(pipeline, row) -> list:
    analysis = pipeline.analyze(row["sentence"], published=row["published"])
    return [t for t in analysis.times if not t.from_publication_date]


def _time_value_ok(pipeline, row) -> bool:
    return {t.span.text: t.value for t in _times(pipeline, row)}.get(row["span"]) == row["value"]


def _time_trap_ok(pipeline, row) -> bool:
    return not [t for t in _times(pipeline, row) if t.type in ("DATE", "TIME") and t.granularity in ("day", "month")]


def _quote_speaker_ok(pipeline, row) -> bool:
    quotes = pipeline.analyze(row["sentence"]).quotes
    return [q.speaker.span.text if q.speaker else None for q in quotes] == [row["speaker"]]


def _quantity_value_ok(pipeline, row) -> bool:
    return any(q.normalized_unit == row["unit"] and math.isclose(q.value, row["value"], rel_tol=1e-6)
               for q in pipeline.analyze(row["sentence"]).quantities
               if q.normalized_unit != "factor" and q.value is not None)


def _quantity_concept_ok(pipeline, row) -> bool:
    found = pipeline.analyze(row["sentence"]).quantities
    if row.get("value") is not None:  # the quantity the row is about; else the first
        found = [q for q in found if q.value is not None and math.isclose(q.value, row["value"], rel_tol=1e-6)]
    if not found:
        return False
    concept = found[0].concept.text if found[0].concept else None
    return concept in ((None,) if row["concept"] is None else (row["concept"], f"its {row['concept']}"))


def _claim_non_fact_ok(pipeline, row) -> bool:
    return not [c for c in pipeline.analyze(row["sentence"]).claims
                if (row["kind"] is None or c.kind == row["kind"])
                and (row["verdict"] is None or c.verdict == row["verdict"])]


CLAIM_STAGES = ["clean", "parse", "sentences", "quantities", "claims"]
# catalogue -> its check, with the stages its tests run (None: the default pipeline; a row's
# full_pipeline says the default one for that row)
CHECKS = {
    "event_roles": (None, _roles_ok), "event_modality": (None, _modality_ok),
    "event_fatalities": (None, _fatalities_ok), "event_types": (None, _event_type_ok),
    "event_senses": (None, _event_sense_ok), "place_senses": (None, _place_sense_ok),
    "time_values": (["clean", "parse", "sentences", "times"], _time_value_ok),
    "time_traps": (["clean", "parse", "sentences", "times"], _time_trap_ok),
    "quote_speakers": (["clean", "parse", "sentences", "actors", "quotes"], _quote_speaker_ok),
    "quantity_values": (["clean", "parse", "quantities"], _quantity_value_ok),
    "quantity_concepts": (["clean", "parse", "quantities"], _quantity_concept_ok),
    "claim_non_facts": (CLAIM_STAGES, _claim_non_fact_ok),
}


def main() -> int:
    import wirecoder

    pipelines: dict = {}

    def pipeline(stages):
        key = tuple(stages or ())
        if key not in pipelines:
            pipelines[key] = wirecoder.load({"stages": stages} if stages else None)
        return pipelines[key]

    failed = 0
    for name, (stages, check) in CHECKS.items():
        rows = [json.loads(line) for line in (CATALOGUES / f"{name}.jsonl").read_text("utf-8").splitlines() if line]
        bad = [row for row in rows if not check(pipeline(None if row.get("full_pipeline") else stages), row)]
        failed += len(bad)
        print(f"{name}: {len(rows) - len(bad)}/{len(rows)} right")
        for row in bad:
            print(f"  FAIL {row['sentence']}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
