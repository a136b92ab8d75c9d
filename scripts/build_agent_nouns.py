"""Build src/wirecoder/knowledge/agent_nouns.tsv: common nouns of agents -> PLOVER sectors.

"vandals" -> CRM, "paramedic" -> MED, "gunmen" -> UAF, "a US destroyer" -> MIL. The actors stage
reads these only to CODE a noun phrase that sectors.tsv leaves uncoded; a phrase found only
through this table is a coded description, never a party to an event or a quote (it licenses
nothing the coder would not have found before: "Hospitals and schools were also hit").

Two sources, recorded per row in the `source` column and in the file's header:
- PLOVER's agents file (NGEC/assets/PLOVER_agents.txt, MIT licence, Copyright (c) 2014 Open Event
  Data Alliance): its patterns, with the substitution sets (!PERSON!, !MINIST!) expanded, '_'
  read as a space, the alternative plural in braces kept as a term of its own, and its codes split
  into three-letter sectors (GOVMIL -> GOV|MIL). JNK and UNK ("not an actor") are left out.
- annotation/actors/agent_nouns.tsv: nouns written for wirecoder, each with an example.

    python scripts/build_agent_nouns.py --plover /path/to/PLOVER_agents.txt
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from wirecoder.knowledge import parse_tsv  # noqa: E402

OUT = REPO / "src" / "wirecoder" / "knowledge" / "agent_nouns.tsv"
WRITTEN = REPO / "annotation" / "actors" / "agent_nouns.tsv"
SOURCE = "ahalterman/NGEC @ 787a06ba NGEC/assets/PLOVER_agents.txt"
SKIP_CODES = {"JNK", "UNK"}
# A pattern ending in a preposition or an article is a context rule of PETRARCH's ("EMBASSY_IN"),
# not a noun phrase.
_DANGLING = {"in", "of", "for", "to", "the", "a", "an", "and", "on", "at"}
_LINE = re.compile(r"^(?P<term>[^\[{#]+?)\s*(?:\{(?P<alt>[^}]*)\})?\s*\[~(?P<code>[A-Z]+)\]")


def _sectors(code: str) -> list[str]:
    return [code[i:i + 3] for i in range(0, len(code), 3)]


def _term(raw: str) -> str:
    return re.sub(r"\s+", " ", raw.replace("_", " ")).strip().lower()


def plover_rows(text: str) -> list[tuple[str, str]]:
    subs: dict[str, list[str]] = {}
    rows: dict[str, str] = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        sub = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if sub:
            subs[sub.group(1)] = [w.strip() for w in sub.group(2).split(",")]
            continue
        m = _LINE.match(line)
        if not m:
            continue
        sectors = [s for s in _sectors(m.group("code")) if s not in SKIP_CODES]
        if not sectors:
            continue
        raws = [m.group("term")] + ([m.group("alt")] if m.group("alt") else [])
        for raw in raws:
            expanded = [raw]
            for key, values in subs.items():
                expanded = [e.replace(key, v) for e in expanded for v in values] \
                    if any(key in e for e in expanded) else expanded
            for e in expanded:
                term = _term(e)
                words = term.split()
                if not words or words[-1] in _DANGLING or words[0] in _DANGLING or "!" in term:
                    continue
                rows.setdefault(term, "|".join(dict.fromkeys(sectors)))
    return sorted(rows.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plover", type=Path, required=True, help="PLOVER_agents.txt")
    args = parser.parse_args()
    written = list(parse_tsv(WRITTEN.read_text("utf-8")))
    mine = {r["term"].lower() for r in written}
    lines = [
        "# Common nouns of agents -> PLOVER sectors ('|'-separated, first the main one). Built by",
        "# scripts/build_agent_nouns.py; edit annotation/actors/agent_nouns.tsv, not this file.",
        "# Read only to code a phrase sectors.tsv leaves uncoded; such a phrase licenses no event.",
        f"# source plover_agents: {SOURCE} (MIT licence, Copyright (c) 2014 Open Event Data",
        "#   Alliance; patterns expanded, '_' read as a space, codes split into sectors).",
        "# source wirecoder: nouns written for wirecoder, with an example each.",
        "term\tsectors\tsource\texample",
    ]
    for row in written:
        lines.append(f"{row['term'].lower()}\t{row['sectors']}\twirecoder\t{row['example']}")
    for term, sectors in plover_rows(args.plover.read_text("utf-8", errors="replace")):
        if term not in mine:
            lines.append(f"{term}\t{sectors}\tplover_agents\t")
    OUT.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{OUT}: {len(lines) - 7} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
