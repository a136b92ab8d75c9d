"""False places per 100 articles, by cause, on news the toponym gold does not cover (issue #25):
`python bench/false_places.py [DATA_ROOT] [--list]`.

Runs the default pipeline on two samples of 100 articles each: every eighth PolNeAR train article
(US politics) and every fifth document of the ECB+ training topics (1-35 but the development
topics 2, 5, 12, 18, 21, 23, 34, 35), and counts the places (demonyms aside) that the hand-read
table bench/false_places_labels.tsv marks false, by cause: P a person's name ("Chela" of "Chela
Ortiz"), O an organisation's ("the Post", "George Washington University"), W a word used
otherwise ("Hail Mary"), R a wrong namesake ("the Middle East" as a Maryland hamlet). The table
was read from the places the pipeline reported before the #25 precision work, so it counts what
was false then; a place it does not list counts as right. --list prints each false place.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import wirecoder
from wirecoder.corpora.ecbplus import DEV_TOPICS, read_ecbplus
from wirecoder.knowledge import parse_tsv

LABELS = Path(__file__).with_name("false_places_labels.tsv")


def samples(root: Path) -> dict[str, list[tuple[str, str]]]:
    polnear = sorted((root / "quotes" / "polnear" / "train" / "text").glob("*.txt"))
    ecb = [f for t in range(1, 36) if t not in DEV_TOPICS
           for f in sorted((root / "dedup" / "ecbplus" / str(t)).glob("*.xml"))]
    return {"polnear": [(f.name, f.read_text("utf-8")) for f in polnear[::max(1, len(polnear) // 100)][:100]],
            "ecbplus": [(f.name, read_ecbplus(f).text) for f in ecb[::max(1, len(ecb) // 100)][:100]]}


def cause_of(place, text: str, labels: list[dict[str, str]]) -> str | None:
    s, e = place.span.start, place.span.end
    context = text[max(0, s - 80):e + 60].replace("\n", " ")
    for row in labels:
        if place.span.text == row["text"] and row["context"] in context:
            right = row["right_as"]
            if right and right in (place.precision, place.country, place.feature):
                return None
            return row["cause"]
    return None


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    root = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared" / "data"
    labels = list(parse_tsv(LABELS.read_text("utf-8")))
    nlp = wirecoder.load()
    for name, docs in samples(root).items():
        causes: Counter[str] = Counter()
        places = 0
        for (doc, _), analysis in zip(docs, nlp.pipe([t for _, t in docs]), strict=True):
            text = analysis.document.text
            places += len(analysis.places)
            for p in analysis.places:
                if (cause := cause_of(p, text, labels)) is not None:
                    causes[cause] += 1
                    if "--list" in argv:
                        print(name, doc, cause, p.span.text, p.name, p.precision, sep="\t", file=sys.stderr)
        per100 = {k: round(100 * v / len(docs), 1) for k, v in sorted(causes.items())}
        print(json.dumps({"sample": name, "articles": len(docs), "places": places,
                          "false_per_100": round(100 * sum(causes.values()) / len(docs), 1),
                          "by_cause": per100}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
