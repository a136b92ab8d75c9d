"""Deduplication scored on the constructed collection (`wirecoder.dedup.collection`).

`wirecoder eval dedup --data ../shared/data` builds the collection from the gold corpora, runs
the pipeline over every version, feeds the analyses in arrival order to the near-duplicate index
and the event clusterer (a near copy joins its original's story), and scores both with B-cubed precision, recall and F1:

- events: every coded event of every version is an item; its gold cluster is the events with the
  same (article, source sentence, trigger word, occurrence) key;
- documents: every version is an item; its gold cluster is its article's versions, the predicted
  one the versions joined by duplicate-of links.

It also counts threat/attack merges (clusters holding mentions of different reality), which
must stay 0.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Hashable
from pathlib import Path
from typing import Any

from . import coref, scorer


def bcubed(predicted: dict[Hashable, Hashable], gold: dict[Hashable, Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of item -> cluster maps over the same items, rounded."""
    p, r, f = coref.bcubed(gold, predicted)
    return round(p, 4), round(r, 4), round(f, 4)


def _gold_key(version, analysis, event, counts: Counter) -> tuple:
    doc = analysis.document
    sentence = version.source_sentence(doc.to_original(event.trigger.start))
    trigger = event.trigger.text.lower()
    base = (version.article, sentence, trigger)
    counts[(version.doc_id, base)] += 1
    return (*base, counts[(version.doc_id, base)])


@scorer("dedup", "constructed", default=True)
def score_constructed(path: Path, pipeline: Any, limit: int | None = None,
                      per_corpus: int = 12, copies: int = 3, **_options: Any) -> dict[str, Any]:
    from ..dedup import ClusterOptions, EventClusterer, NearDuplicateIndex
    from ..dedup.collection import build_collection

    versions = build_collection(path, per_corpus=limit or per_corpus, copies=copies)
    started = time.perf_counter()
    analyses = list(pipeline.pipe([v.raw() for v in versions]))
    parse_seconds = time.perf_counter() - started

    index, clusterer = NearDuplicateIndex(), EventClusterer()
    # the same run without the sentence's words: how much rests on the copies' shared wording
    no_context = EventClusterer(ClusterOptions(min_context=1.01))
    doc_pred: dict[str, str] = {}
    event_gold: dict[str, tuple] = {}
    counts: Counter = Counter()
    started = time.perf_counter()
    for version, analysis in zip(versions, analyses, strict=True):
        link = index.add(analysis.document.id, analysis.document.text)
        doc_pred[version.doc_id] = link.duplicate_of if link else version.doc_id
        clusterer.add_analysis(analysis, link.duplicate_of if link else None)
        no_context.add_analysis(analysis, link.duplicate_of if link else None)
        for event in analysis.events:
            event_gold[event.id] = _gold_key(version, analysis, event, counts)
    dedup_seconds = time.perf_counter() - started

    event_pred = clusterer.assignments()
    ep, er, ef = bcubed(event_pred, event_gold)
    _, _, ef_no_context = bcubed(no_context.assignments(), event_gold)
    dp, dr, df = bcubed(doc_pred, {v.doc_id: v.article for v in versions})
    clusters = clusterer.clusters()
    # every cluster is of one reality by construction; count any that is not, to prove it
    mixed = sum(1 for c in clusters
                if len({clusterer.mention(m).reality for m in c.mention_ids}) > 1)
    return {
        "n": len(event_gold), "documents": len(versions),
        "articles": len({v.article for v in versions}), "clusters": len(clusters),
        "gold_clusters": len(set(event_gold.values())),
        "bcubed_precision": ep, "bcubed_recall": er, "bcubed_f1": ef,
        "bcubed_f1_without_context": ef_no_context,
        "doc_bcubed_precision": dp, "doc_bcubed_recall": dr, "doc_bcubed_f1": df,
        "reality_mixed_clusters": mixed,
        "pipeline_seconds": round(parse_seconds, 2), "dedup_seconds": round(dedup_seconds, 3),
    }
