"""Places that are people's names, on the 84 whole PolNeAR dev articles (issue #25):
`python bench/person_places.py [DATA_ROOT] [--list]`.

Runs the default pipeline on each article and counts the places whose text is the name of a
person the same article names in full: an actor of kind person with a name of two words or more
("Hillary Clinton"), its full name or any one of its words ("Clinton", "Hillary"), titles left
out. A proxy for "a person geocoded as a town" that reads only the pipeline's output, so the same
script measures any version of the code (`PYTHONPATH=other/src python bench/person_places.py`):
it does not know which of those names are really places in their sentence ("a rally in Clinton,
Iowa" counts too), nor people named only by a surname. --list prints each such place in context.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import wirecoder
from wirecoder.corpora import list_refs, load_article
from wirecoder.lang.en import words

TITLES = words("titles")


def person_names(actors) -> set[str]:
    """Full names of the article's people and each word of them, lowercased, titles left out."""
    names: set[str] = set()
    for actor in actors:
        if actor.kind != "person":
            continue
        ws = [w for w in actor.name.split() if w.rstrip(".").lower() not in TITLES and w[:1].isupper()]
        if len(ws) >= 2:
            names.add(" ".join(ws).lower())
            names.update(w.lower().removesuffix("'s").removesuffix("’s") for w in ws)
    return names


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    root = args[0] if args else str(Path(__file__).resolve().parents[2] / "shared" / "data")
    refs = list_refs(root, "polnear-dev")
    texts = [load_article(root, ref).text for ref in refs]
    nlp = wirecoder.load()
    places = hits = articles = 0
    names: Counter[str] = Counter()
    for ref, analysis in zip(refs, nlp.pipe(texts), strict=True):
        people = person_names(analysis.actors)
        text = analysis.document.text
        found = [p for p in analysis.places if p.span.text.lower() in people]
        places += len(analysis.places)
        hits += len(found)
        articles += bool(found)
        names.update(p.span.text for p in found)
        if "--list" in argv:
            for p in found:
                context = text[max(0, p.span.start - 60):p.span.end + 40].replace("\n", " ")
                print(f"{ref}\t{p.span.text}\t{p.name} ({p.precision})\t{context}", file=sys.stderr)
    print(json.dumps({"articles": len(refs), "places": places, "person_name_places": hits,
                      "articles_with_them": articles, "names": dict(names.most_common(20))}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
