"""Places that are only a person's surname, on whole PolNeAR dev articles (issue #17):
`python bench/person_places.py [DATA_ROOT]`.

Counts the place mentions the gazetteer resolver accepts whose words are all surnames of people
the same article names in full ("Clinton" beside "Hillary Clinton"), before and after the places
stage's person filter (extract/places.py `_not_people`), and how many of those the filter keeps
because the text places them (a preposition of place, a qualifier, a list of places). A proxy for
"a person geocoded as a town": it does not know which surnames are really places here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wirecoder.corpora import list_refs, load_article
from wirecoder.extract.places import _not_people
from wirecoder.gazetteer import load_gazetteer
from wirecoder.gazetteer.person_names import person_words
from wirecoder.gazetteer.resolve import resolve
from wirecoder.nlp import load_nlp


def _surname_only(doc, m, people: frozenset[str]) -> bool:
    words = [t for t in doc[m.tokens[0]:m.tokens[1]] if t.is_alpha]
    return bool(words) and all(t.lower_ in people for t in words)


def main() -> int:
    root = sys.argv[1] if len(sys.argv) > 1 else str(Path(__file__).resolve().parents[2] / "shared" / "data")
    nlp, gaz = load_nlp(), load_gazetteer()
    refs = list_refs(root, "polnear-dev")
    before = after = articles_before = articles_after = places = 0
    for ref in refs:
        doc = nlp(load_article(root, ref).text)
        people = person_words(doc)
        mentions = resolve(doc, gaz)
        kept = _not_people(doc, mentions)
        places += len(kept)

        b = sum(_surname_only(doc, m, people) for m in mentions)
        a = sum(_surname_only(doc, m, people) for m in kept)
        before, after = before + b, after + a
        articles_before += b > 0
        articles_after += a > 0
    print(json.dumps({"articles": len(refs), "places_after": places,
                      "surname_places_before": before, "articles_with_them_before": articles_before,
                      "surname_places_after": after, "articles_with_them_after": articles_after}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
