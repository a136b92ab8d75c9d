"""Build the shipped claim gold from task files and the judges' notes:
`python annotation/claims/merge.py OUT.jsonl TASKS.jsonl JUDGMENTS.txt [TASKS2 JUDGMENTS2 ...]`.

A judgments file has one line per claim of its task file, in the task file's order:
`INDEX JUDGED WHY...` (JUDGED: contradicted, consistent, unverifiable or none; see GUIDELINES.md).
The output keeps, per article, its reference, SHA-1 and part, and per claim its kind, figure
ranges, the verdict the coder gave and the judged verdict with the reason: offsets, no text.
Every article of the task files is kept, those without claims too: a claim the coder emits there
later is counted as unjudged.
"""

from __future__ import annotations

import json
import sys

from wirecoder.evaluate.claims import JUDGED


def read_judgments(path: str) -> dict[int, tuple[str, str]]:
    out = {}
    for line in open(path, encoding="utf-8"):
        if not line.strip():
            continue
        index, judged, *why = line.split()
        if judged not in JUDGED:
            raise SystemExit(f"{path}: line {index}: {judged!r} is not one of {', '.join(JUDGED)}")
        out[int(index)] = (judged, " ".join(why))
    return out


def main(argv: list[str]) -> int:
    out_path, pairs = argv[0], argv[1:]
    articles: dict[str, dict] = {}
    for tasks, notes in zip(pairs[::2], pairs[1::2], strict=True):
        judged = read_judgments(notes)
        k = 0
        for line in open(tasks, encoding="utf-8"):
            d = json.loads(line)
            claims = []
            for c in d["claims"]:
                if k not in judged:
                    raise SystemExit(f"{notes}: no judgment for claim {k} ({d['ref']})")
                verdict, why = judged[k]
                claims.append({"kind": c["kind"], "figures": c["figures"], "predicted": c["verdict"],
                               "judged": verdict, "why": why})
                k += 1
            articles.setdefault(d["ref"], {"ref": d["ref"], "sha1": d["sha1"], "part": d["part"], "claims": claims})
    with open(out_path, "w", encoding="utf-8") as out:
        for ref in sorted(articles):
            out.write(json.dumps(articles[ref], sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
