"""Places scored on two halves of a corpus split by a hash of each article's text (issue #25):
`python bench/places_halves.py ../shared/data/geo/GeoVirus.xml [--errors tune] [--config CFG.json]`.

An article is in half `tune` when the first byte of the sha256 of its text is even, else in
`check`. Rules are written from the errors of `tune` only (`--errors tune` lists its unmatched
predictions, demonyms flagged, and its gold toponyms
missed at 161 km); `check` is measured, never read. Prints one JSON line per half
with the scorer's metrics (`wirecoder eval places` over that half).
"""

from __future__ import annotations

import hashlib
import json
import sys

import wirecoder
from wirecoder.evaluate.places import (
    _derive,
    _overlap,
    load_gritta,
    new_tally,
    predictions,
    score_article,
    summarize,
)
from wirecoder.gazetteer import haversine_km, load_gazetteer


def half(text: str) -> str:
    return "tune" if hashlib.sha256(text.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def main(argv: list[str]) -> int:
    path = argv[0]
    errors = argv[argv.index("--errors") + 1] if "--errors" in argv else None
    config = json.load(open(argv[argv.index("--config") + 1])) if "--config" in argv else None
    articles = load_gritta(path)
    gaz = load_gazetteer()
    nlp = wirecoder.load(config)
    tallies = {"tune": new_tally(), "check": new_tally()}
    for k, (article, analysis) in enumerate(zip(articles, nlp.pipe([a.text for a in articles]),
                                                strict=True)):
        part = half(article.text)
        _derive(article.toponyms, gaz)
        preds = predictions(analysis)
        score_article(article, preds, gaz, tallies[part])
        if errors != part:
            continue
        for g in article.toponyms:
            best = max(preds, key=lambda p: _overlap(p[0], (g.start, g.end)), default=None)
            if best is None or not _overlap(best[0], (g.start, g.end)):
                context = article.text[max(0, g.start - 70):g.end + 40].replace("\n", " ")
                print("UNRECOGNISED", k, g.name, context, sep="\t")
            if g.lat is not None and (best is None or not _overlap(best[0], (g.start, g.end)) or
                                      best[1].latitude is None or
                                      haversine_km(g.lat, g.lon, best[1].latitude,
                                                   best[1].longitude) > 161):
                print("MISS", k, g.name, best and f"{best[1].name}/{best[1].precision}", sep="\t")
        for (s, e), place in preds:
            if not any(_overlap((s, e), (g.start, g.end)) for g in article.toponyms):
                context = (article.text[max(0, s - 70):s] + "«" + article.text[s:e] + "»"
                           + article.text[e:e + 50]).replace("\n", " ")
                print("FP", k, place.feature == "demonym" and "D" or "-", article.text[s:e],
                      f"{place.name}/{place.precision}/{place.feature}", context, sep="\t")
    for part, tally in tallies.items():
        print(json.dumps({"half": part, **summarize(tally)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
