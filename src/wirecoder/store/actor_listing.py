"""`wirecoder actors` output: the registry's rows as a table, JSON, JSON lines or CSV."""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

CSV_COLUMNS = ["id", "name", "kind", "country", "sector", "events", "documents", "mentions",
               "code_from", "role", "evidence_document_id", "evidence_start", "evidence_end",
               "evidence_text", "aliases", "conflicts"]


def evidence_line(row: dict[str, Any]) -> str:
    """Where the code comes from, in one line: the dictionary's role, or the document span."""
    ev = row["evidence"]
    if ev is None:
        return "no code"
    if ev["document_id"] is None:
        return ev["text"]
    return f"{ev['document_id']}[{ev['start']}:{ev['end']}] {ev['text']!r}"


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    ev = row["evidence"] or {}
    return {**{k: row[k] for k in CSV_COLUMNS if k in row},
            "evidence_document_id": ev.get("document_id"), "evidence_start": ev.get("start"),
            "evidence_end": ev.get("end"), "evidence_text": ev.get("text"),
            "aliases": "|".join(row["aliases"]),
            "conflicts": "|".join(f"{c['country'] or ''} {c['sector'] or ''}".strip()
                                  + f" x{c['count']}" for c in row["conflicts"])}


def write_actors(rows: list[dict[str, Any]], fmt: str, out: TextIO) -> None:
    if fmt == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        writer.writerows(_flat(r) for r in rows)
    else:
        width = max((len(r["name"]) for r in rows), default=4)
        for r in rows:
            code = f"{r['country']} {r['sector']}".strip() or "-"
            line = (f"{r['name']:<{width}}  {code:<8} {r['kind']:<12} events={r['events']:<4} "
                    f"docs={r['documents']:<3} {r['code_from']}: {evidence_line(r)}")
            if r["aliases"]:
                line += f"  aka {', '.join(r['aliases'])}"
            if r["conflicts"]:
                line += "  conflicts: " + ", ".join(
                    f"{(c['country'] or '')} {(c['sector'] or '')}".strip() + f" x{c['count']}"
                    for c in r["conflicts"])
            out.write(line + "\n")
