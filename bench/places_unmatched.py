"""The places wirecoder asserts that match no gold toponym, for judging by hand (issue #25):
`python bench/places_unmatched.py ../shared/data/geo/GeoVirus.xml [--sample 50] [--seed 25]`.

Neither GeoVirus nor TR-News marks every toponym of its texts, so `precision` in `wirecoder eval
places` is a lower bound. This lists the unmatched predictions that are not demonyms (GeoVirus
marks none) and prints a seeded random sample of them, one per line: article, text, what it was
read as, context with the place in «». Judging the sample (a real toponym the gold leaves unmarked, or not a place)
estimates how many unmatched predictions are unannotated toponyms; the README records one such
judgment.
"""

from __future__ import annotations

import json
import random
import sys

import wirecoder
from wirecoder.evaluate.places import _overlap, load_gritta


def _option(argv: list[str], name: str, default: int) -> int:
    return int(argv[argv.index(name) + 1]) if name in argv else default


def main(argv: list[str]) -> int:
    path = argv[0]
    size, seed = _option(argv, "--sample", 50), _option(argv, "--seed", 25)
    articles = load_gritta(path)
    nlp = wirecoder.load()
    unmatched = []
    for k, (article, analysis) in enumerate(zip(articles, nlp.pipe([a.text for a in articles]), strict=True)):
        for place in analysis.places:  # demonyms are apart (Analysis.demonyms)
            s, e = analysis.document.original_span(place.span)
            if not any(_overlap((s, e), (g.start, g.end)) for g in article.toponyms):
                context = (article.text[max(0, s - 60):s] + "«" + article.text[s:e] + "»"
                           + article.text[e:e + 40]).replace("\n", " ")
                unmatched.append((k, article.text[s:e], f"{place.name} ({place.precision})", context))
    sample = random.Random(seed).sample(unmatched, min(size, len(unmatched)))
    for row in sorted(sample):
        print("\t".join(str(x) for x in row))
    print(json.dumps({"unmatched_not_demonyms": len(unmatched), "sample": len(sample), "seed": seed}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
