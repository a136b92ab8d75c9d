"""The built-in stages and scorers, in one table: what exists and which module defines it.

Each module still declares its stage with `@stage` (what it requires, assigns and takes as
options) or its scorer with `@scorer`; this table is the one place that says which modules those
are, so the registry imports exactly them (and nothing imports the extractors for their side
effects). `tests/test_stage_contract.py` checks that the table and the decorators agree.
"""

from __future__ import annotations

# stage name -> the module whose @stage factory defines it
BUILTIN_STAGES: dict[str, str] = {
    "clean": "wirecoder.stages",
    "parse": "wirecoder.stages",
    "sentences": "wirecoder.stages",
    "actors": "wirecoder.extract.actors",
    "quotes": "wirecoder.extract.attribution.stage",
    "quotes_simple": "wirecoder.extract.quotes",
    "times": "wirecoder.extract.times",
    "times_ner": "wirecoder.extract.times",
    "places": "wirecoder.extract.places",
    "places_ner": "wirecoder.extract.places",
    "events": "wirecoder.extract.events",
    "quantities": "wirecoder.extract.quantities",
    "quantities_ner": "wirecoder.extract.quantities",
    "claims": "wirecoder.extract.claims",
}

# (task, format) -> the module whose @scorer defines it
BUILTIN_SCORERS: dict[tuple[str, str], str] = {
    ("events", "plv"): "wirecoder.evaluate.events",
    ("events", "penta"): "wirecoder.evaluate.events",
    ("events", "articles"): "wirecoder.evaluate.articles",
    ("quotes", "polnear"): "wirecoder.evaluate.quotes",
    ("times", "timeml"): "wirecoder.evaluate.times",
    ("places", "gritta"): "wirecoder.evaluate.places",
    ("quantities", "newsquant"): "wirecoder.evaluate.quantities",
    ("claims", "articles"): "wirecoder.evaluate.claims",
    ("dedup", "constructed"): "wirecoder.evaluate.dedup",
    ("dedup", "ecbplus"): "wirecoder.evaluate.dedup_ecbplus",
    ("relevance", "gold"): "wirecoder.evaluate.relevance",
    ("actors", "ngec"): "wirecoder.evaluate.actors",
}
