"""Build knowledge/noun_classes.tsv: each English noun's WordNet classes (lexicographer files:
person, artifact, cognition, act, ...) for its commonest senses, from Debian's `wordnet-base`.

    apt-get install wordnet-base
    python scripts/build_noun_classes.py [/usr/share/wordnet]

The event coder reads the table to tell a physical target from an abstract one ("attacked the
convoy" against "attacked the problem", "kill off the siesta"). WordNet 3.0 is (c) 2006 Princeton
University, distributed under its licence (knowledge/WORDNET_LICENSE, copied from the package's
copyright file), which allows redistribution with the notice. The database files are read in their
documented format (wndb(5WN)); lexnames(5WN) numbers the classes.
"""

from __future__ import annotations

import sys
from pathlib import Path

# lexnames(5WN): the lexicographer file numbers of the noun classes
NOUN_CLASSES = {
    3: "tops", 4: "act", 5: "animal", 6: "artifact", 7: "attribute", 8: "body", 9: "cognition",
    10: "communication", 11: "event", 12: "feeling", 13: "food", 14: "group", 15: "location",
    16: "motive", 17: "object", 18: "person", 19: "phenomenon", 20: "plant", 21: "possession",
    22: "process", 23: "quantity", 24: "relation", 25: "shape", 26: "state", 27: "substance",
    28: "time",
}
SENSES = 3  # the commonest senses kept per noun (index.noun lists them by frequency)
OUT = Path(__file__).resolve().parents[1] / "src" / "wirecoder" / "knowledge" / "noun_classes.tsv"


def synset_classes(data_noun: Path) -> dict[int, str]:
    classes = {}
    with data_noun.open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(" "):
                continue  # the licence header
            offset, lex_filenum = line.split(" ", 2)[:2]
            classes[int(offset)] = NOUN_CLASSES[int(lex_filenum)]
    return classes


def noun_classes(wordnet: Path) -> list[tuple[str, list[str]]]:
    by_synset = synset_classes(wordnet / "data.noun")
    rows = []
    with (wordnet / "index.noun").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith(" "):
                continue
            fields = line.split()
            lemma, synset_cnt, p_cnt = fields[0], int(fields[2]), int(fields[3])
            if not lemma.replace("-", "").isalpha():
                continue  # multiword (underscored) and numeric lemmas: the coder looks up single words
            offsets = fields[6 + p_cnt:6 + p_cnt + synset_cnt]
            seen: list[str] = []
            for off in offsets[:SENSES]:
                cls = by_synset[int(off)]
                if cls not in seen:
                    seen.append(cls)
            rows.append((lemma, seen))
    return rows


def main() -> int:
    wordnet = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/wordnet")
    if not (wordnet / "index.noun").exists():
        print(f"no WordNet database in {wordnet}: apt-get install wordnet-base", file=sys.stderr)
        return 1
    rows = noun_classes(wordnet)
    lines = ["# English nouns and the WordNet 3.0 classes (lexicographer files) of their commonest senses,",
             "# commonest first. Built by scripts/build_noun_classes.py from Debian's wordnet-base;",
             "# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Licence and",
             "# disclaimer: WORDNET_LICENSE beside this file.",
             "noun\tclasses"]
    lines += [f"{lemma}\t{','.join(classes)}" for lemma, classes in rows]
    OUT.write_text("\n".join(lines) + "\n", "utf-8")
    print(f"{len(rows)} nouns -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
