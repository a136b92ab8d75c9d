"""Merge annotators' judgments into the shipped gold file:
`python merge.py TASKS_DIR ANNOTATIONS_DIR ARTICLES_TSV OUT_JSONL`.

TASKS_DIR holds what build_tasks.py wrote (batch_K.json with each article's text and candidates);
ANNOTATIONS_DIR holds the annotators' batch_K.jsonl. Words the annotators copied (sources, targets,
added triggers and their contexts) are located in the article and kept only as character ranges:
the gold file holds no article text.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
         "YIELD"}
MODALITIES = {"asserted", "negated", "future", "hypothetical", "threatened"}
problems: Counter[str] = Counter()


def _pattern(words: str) -> re.Pattern[str]:
    parts = [re.escape(p) for p in words.split()]
    return re.compile(r"\s+".join(parts), re.IGNORECASE)


def locate(text: str, words: str | None, near: int) -> list[int] | None:
    """The occurrence of `words` nearest to offset `near` (whitespace-insensitive, any case)."""
    if not words or not str(words).strip():
        return None
    words = str(words).strip()
    hits = [(m.start(), m.end()) for m in re.finditer(re.escape(words), text)]
    if not hits:
        hits = [(m.start(), m.end()) for m in _pattern(words).finditer(text)]
    if not hits:
        problems["role words not found"] += 1
        return None
    s, e = min(hits, key=lambda h: abs((h[0] + h[1]) // 2 - near))
    return [s, e]


def _role(text: str, value, near: int) -> list[list[int]]:
    values = value if isinstance(value, list) else [value]
    found = [locate(text, v, near) for v in values if v]
    return [r for r in found if r]


def _modality(value) -> str:
    m = str(value or "asserted").strip().lower()
    if m not in MODALITIES:
        problems[f"modality {m!r} read as asserted"] += 1
        return "asserted"
    return m


def _event(text: str, trigger: list[int], judged: dict) -> dict | None:
    kind = str(judged.get("type", "")).strip().upper()
    if kind == "NONE":
        return {"trigger": [trigger], "type": "NONE", "why": judged.get("why") or "other"}
    if kind not in TYPES:
        problems[f"unknown type {kind!r}"] += 1
        return None
    mid = (trigger[0] + trigger[1]) // 2
    return {"trigger": [trigger], "type": kind, "source": _role(text, judged.get("source"), mid),
            "target": _role(text, judged.get("target"), mid), "modality": _modality(judged.get("modality"))}


def _added(text: str, item: dict) -> list[int] | None:
    ctx, trig = item.get("context") or "", item.get("trigger") or ""
    where = [(m.start(), m.end()) for m in _pattern(ctx).finditer(text)] if ctx.strip() else []
    if not where:
        problems["added context not found"] += 1
        return None
    s, e = where[0]
    m = _pattern(trig).search(text, s, e) if trig.strip() else None
    if m is None:
        problems["added trigger not in its context"] += 1
        return None
    return [m.start(), m.end()]


def merge_article(task: dict, annotation: dict) -> list[dict]:
    text = task["text"]
    where = {c["id"]: c for c in task["candidates"]}
    judgments = annotation.get("judgments") or {}
    events: dict[str, dict] = {}
    same: list[tuple[str, str]] = []
    for cid, cand in where.items():
        judged = judgments.get(cid)
        if judged is None:
            problems["candidate not judged"] += 1
            continue
        trigger = cand["span"]
        kind = str(judged.get("type", "")).strip().upper()
        if kind.startswith("SAME:"):
            same.append((cid, kind.split(":", 1)[1].strip()))
            continue
        ev = _event(text, trigger, judged)
        if ev is not None:
            events[cid] = ev
    for cid, other in same:
        if other in events:
            events[other]["trigger"].append(where[cid]["span"])
        else:
            problems["SAME: points at no judged candidate"] += 1
    out = list(events.values())
    for item in annotation.get("added") or []:
        trigger = _added(text, item)
        if trigger is None:
            continue
        if any(t[0] < trigger[1] and trigger[0] < t[1] for ev in out for t in ev["trigger"]):
            problems["added event overlaps a candidate (kept the candidate's)"] += 1
            continue
        ev = _event(text, trigger, item)
        if ev is not None:
            ev["added"] = True
            out.append(ev)
    return sorted(out, key=lambda ev: ev["trigger"][0])


def main(tasks_dir: str, ann_dir: str, articles_tsv: str, out_path: str) -> None:
    parts = {}
    for line in open(articles_tsv, encoding="utf-8"):
        if line.strip():
            ref, part, _words = line.rstrip("\n").split("\t")
            parts[ref] = part
    candidates = json.loads((Path(tasks_dir) / "candidates.json").read_text("utf-8"))
    tasks = {}
    for batch in sorted(Path(tasks_dir).glob("batch_*.json")):
        for task in json.loads(batch.read_text("utf-8")):
            for c in task["candidates"]:
                c["span"] = candidates[c["id"]]["span"]
            tasks[task["ref"]] = task
    annotations = {}
    for batch in sorted(Path(ann_dir).glob("batch_*.jsonl")):
        for line in batch.read_text("utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                annotations[item["ref"]] = item  # a later line for a ref replaces an earlier one
    lines = []
    for ref in parts:
        if ref not in annotations:
            problems["article not annotated"] += 1
            continue
        task = tasks[ref]
        lines.append({"ref": ref, "sha1": task["sha1"], "part": parts[ref], "published": task["published"],
                      "words": len(task["text"].split()), "events": merge_article(task, annotations[ref])})
    with open(out_path, "w", encoding="utf-8") as fh:
        for item in lines:
            fh.write(json.dumps(item, sort_keys=True) + "\n")
    print(f"{len(lines)} articles written; problems: {dict(problems)}")


if __name__ == "__main__":
    main(*sys.argv[1:5])
