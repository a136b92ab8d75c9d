"""Deduplication scored on independently written reports: ECB+ topics 1-35 (issue #21).

`wirecoder eval dedup --format ecbplus --data ../shared/data [--part tune|validation|all]
[--topics 3,8] --json` reads the chosen topics (`corpora.ecbplus_gold`; 36-45 are never read),
analyses every document with the pipeline (no publication dates: the corpus gives none), feeds
the analyses topic by topic, in document order, to one `dedup.EventClusterer` with the
near-duplicate index, as `wirecoder dedup` runs them (all topics together, so a cross-topic merge
can happen and is counted) and reports:

- **documents**: B-cubed P/R/F1 of documents grouped by the *record* they report
  (`dedup.story_records`: their story's record when they report it, or the evidence says they
  do; else the cluster of their most salient event) against their gold story (the topic's ECB or
  ECB+ half, `subtopic`). A document with neither is a cluster of its own; `no_event_share`
  counts the documents with no event, `record_how` how the documents came to their record,
  `cross_topic_records` the records whose reports span topics.
  `main_doc_*` group them by the cluster of their main event alone: their most salient event
  (`dedup.salience`; before #21's records, `doc_*` was this with the most prominent event). `doc_bcubed_f1_in_scope`
  is the same over the topics in scope for political events (`topics.tsv`: scope `in` or
  `political`), `per_topic` each topic's document F1. `story_doc_*` score the documents grouped
  by the story the clusterer placed them in (its first level, `dedup.stories`; #21), and
  `cross_topic_stories` counts stories that span topics. `widest_doc_*` take as a document's
  main cluster instead the widest cluster it takes part in (the one reported by the most
  documents; more mentions, then the more prominent event on ties): the event its story is
  about, where the coder's most prominent event of a report may be a side event, or one coded
  another way than in the other reports.
- **mentions**: MUC, B-cubed, CEAF-e and CoNLL F1 over the event mentions wirecoder finds that
  align with a gold event mention (ACTION_* / NEG_ACTION_*): a coded event's trigger aligns with
  the gold mention whose tokens share the most characters with it, one to one (larger overlaps
  first). The gold cluster of an aligned mention is its gold chain, the predicted one its
  wirecoder cluster. Unaligned coded events (not a gold event, or a second event on a gold
  mention already taken) and gold mentions wirecoder misses are left out of these scores and
  counted (`unaligned_events`, `gold_found_share`).
- **baselines, same run**: every topic as one cluster (`topic_*`); TF-IDF document clustering
  (`tfidf_*`, `evaluate.tfidf`, average linkage at cosine `tfidf_threshold`, 0.20 by default:
  chosen on the tune topics, where 0.18 and 0.20 tie at F1 0.870); and at mention level, over
  the same aligned mentions, "same trigger lemma within a TF-IDF document cluster" (`lemma_*`;
  the lemma from spaCy's tagger and lemmatizer on the trigger's sentence).

The split: `tune` is the train topics, `validation` the development topics 2, 5, 12, 18, 21, 23,
34, 35 (default); `--topics` picks topics within the part (any of 1-35 with `--part all`, the
default when topics are given).
"""

from __future__ import annotations

import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from ..corpora import Article
from ..corpora.ecbplus_gold import GoldDocument, ecbplus_root, read_topics, select_topics
from . import coref, scorer
from .article_preds import analyze_articles

TFIDF_THRESHOLD = 0.20
IN_SCOPE = ("in", "political")


def align(gold: list[tuple[tuple[int, int], ...]], triggers: list[tuple[int, int]]) -> dict[int, int]:
    """Trigger index -> gold mention index, one to one, by characters shared (most first; then
    text order). `gold` holds each mention's token ranges."""
    pairs = []
    for t, (a, b) in enumerate(triggers):
        for g, ranges in enumerate(gold):
            shared = sum(max(0, min(b, e) - max(a, s)) for s, e in ranges)
            if shared:
                pairs.append((-shared, t, g))
    out: dict[int, int] = {}
    taken: set[int] = set()
    for _, t, g in sorted(pairs):
        if t not in out and g not in taken:
            out[t] = g
            taken.add(g)
    return out


def _scopes(root: Path) -> dict[int, str]:
    path = root / "topics.tsv"
    if not path.exists():
        return {}
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines()[1:] if line.strip()]
    return {int(r[0]): r[1] for r in rows if len(r) > 1 and r[0].isdigit()}


def _topics_option(value: Any) -> list[int] | None:
    if value in (None, "", []):
        return None
    if isinstance(value, str):
        value = [v for v in value.replace(" ", "").split(",") if v]
    return [int(v) for v in value]


def _lemmas(texts_and_spans: list[tuple[str, int, int]]) -> list[str]:
    """The lower-cased lemmas of each (line, start, end) trigger, from a tagger-only parse."""
    from ..extract.common import lemma
    from ..nlp import load_nlp

    nlp = load_nlp()
    keep = {"tok2vec", "tagger", "attribute_ruler", "lemmatizer"}
    off = [name for name in nlp.pipe_names if name not in keep]
    lines = list(dict.fromkeys(line for line, _, _ in texts_and_spans))
    with nlp.select_pipes(disable=off):
        parsed = dict(zip(lines, nlp.pipe(lines, batch_size=64), strict=True))
    out = []
    for line, start, end in texts_and_spans:
        words = [lemma(t) for t in parsed[line] if t.idx < end and t.idx + len(t.text) > start]
        out.append(" ".join(words) or line[start:end].lower())
    return out


def _prf(prefix: str, scores: tuple[float, float, float]) -> dict[str, float]:
    return {f"{prefix}_precision": round(scores[0], 4), f"{prefix}_recall": round(scores[1], 4),
            f"{prefix}_f1": round(scores[2], 4)}


def _main_event(analysis: Any) -> Any | None:
    from ..dedup.salience import main_event_id

    found = main_event_id(analysis) if analysis else None
    return next(e for e in analysis.events if e.id == found) if found else None


def _run(docs: list[GoldDocument], pipeline: Any, progress: bool) -> dict[str, Any]:
    """Analyse and cluster every document; gather what the scores need."""
    from ..dedup import EventClusterer, NearDuplicateIndex

    clusterer, copies = EventClusterer(), NearDuplicateIndex()
    articles = [Article(f"dedup/ecbplus/{d.topic}/{d.name}.xml", d.text) for d in docs]
    runs, crashes, dedup_seconds = [], 0, 0.0
    started = time.perf_counter()
    for doc, (preds, analysis) in zip(docs, analyze_articles(pipeline, articles, progress), strict=True):
        crashes += preds is None
        if analysis is not None:
            tick = time.perf_counter()
            copy = copies.add(analysis.document.id, analysis.document.text)
            clusterer.add_analysis(analysis, copy.duplicate_of if copy else None)
            dedup_seconds += time.perf_counter() - tick
        runs.append((doc, preds or [], analysis))
    return {"runs": runs, "crashes": crashes, "clusterer": clusterer,
            "seconds": time.perf_counter() - started, "dedup_seconds": dedup_seconds}


def _widest(runs: list, clusterer: Any) -> dict[str, Any]:
    """Each document's widest cluster: of the clusters its events are in, the one the most
    documents report (then the most mentions, then its most prominent event's); a document
    without an event stands alone."""
    reporters: dict[Any, set[str]] = defaultdict(set)
    mentions: dict[Any, int] = defaultdict(int)
    clusters_of: dict[str, list[Any]] = {}
    for doc, _, analysis in runs:
        events = sorted(analysis.events, key=lambda e: (-e.prominence, e.trigger.start)) if analysis else []
        clusters_of[doc.name] = [c for c in (clusterer.cluster_of(e.id) for e in events) if c]
        for c in clusters_of[doc.name]:
            reporters[c].add(doc.name)
            mentions[c] += 1
    out: dict[str, Any] = {}
    for name, clusters in clusters_of.items():
        ranked = sorted(enumerate(clusters), key=lambda ic: (-len(reporters[ic[1]]), -mentions[ic[1]], ic[0]))
        out[name] = ranked[0][1] if ranked else ("alone", name)
    return out


def _documents(runs: list, clusterer: Any, tfidf: list[int], scopes: dict[int, str]) -> dict[str, Any]:
    from ..dedup.story_records import document_records

    gold = {d.name: d.subtopic for d, _, _ in runs}
    main: dict[str, Any] = {}
    record: dict[str, Any] = {}
    story: dict[str, Any] = {}
    no_event = 0
    widest = _widest(runs, clusterer)
    reports = document_records(clusterer)
    how: dict[str, int] = defaultdict(int)
    for doc, _, analysis in runs:
        event = _main_event(analysis)
        no_event += event is None
        main[doc.name] = (clusterer.cluster_of(event.id) if event else None) or ("alone", doc.name)
        link = reports.get(analysis.document.id) if analysis is not None else None
        record[doc.name] = (link.cluster_id if link else None) or ("alone", doc.name)
        how[link.how if link and link.cluster_id else "none"] += 1
        placed = clusterer.stories.story_of(analysis.document.id) if (
            clusterer.stories is not None and analysis is not None) else None
        story[doc.name] = placed or ("alone", doc.name)

    def f1(names: list[str]) -> float:
        return round(coref.bcubed({n: gold[n] for n in names}, {n: record[n] for n in names})[2], 4)

    by_topic: dict[int, list[str]] = defaultdict(list)
    for doc, _, _ in runs:
        by_topic[doc.topic].append(doc.name)
    out = {**_prf("doc_bcubed", coref.bcubed(gold, record)),
           **_prf("main_doc_bcubed", coref.bcubed(gold, main)),
           "record_how": dict(sorted(how.items())),
           **_prf("story_doc_bcubed", coref.bcubed(gold, story)),
           **_prf("widest_doc_bcubed", coref.bcubed(gold, widest)),
           **_prf("topic_doc_bcubed", coref.bcubed(gold, {d.name: d.topic for d, _, _ in runs})),
           **_prf("tfidf_doc_bcubed", coref.bcubed(gold, {d.name: c for (d, _, _), c in zip(runs, tfidf, strict=True)})),
           "no_event_share": round(no_event / len(runs), 4) if runs else 0.0,
           "cross_topic_records": _cross_topic(list(_topics_of(record, runs).values())),
           "per_topic": {t: f1(names) for t, names in sorted(by_topic.items())}}
    scoped = [n for t, names in by_topic.items() if scopes.get(t) in IN_SCOPE for n in names]
    if scoped:
        out["doc_bcubed_f1_in_scope"] = f1(scoped)
        for name, grouping in (("story", story), ("widest", widest), ("main", main)):
            out[f"{name}_doc_bcubed_f1_in_scope"] = round(coref.bcubed(
                {n: gold[n] for n in scoped}, {n: grouping[n] for n in scoped})[2], 4)
    return out


def _mentions(runs: list, clusterer: Any, tfidf: list[int]) -> dict[str, Any]:
    key: dict[tuple, str] = {}
    predicted: dict[tuple, Any] = {}
    triggers: list[tuple[str, int, int]] = []
    tfidf_of: dict[tuple, int] = {}
    gold_total = predicted_total = 0
    for (doc, preds, analysis), doc_cluster in zip(runs, tfidf, strict=True):
        events = doc.events
        gold_total += len(events)
        predicted_total += len(preds)
        if analysis is None:
            continue
        found = align([m.ranges for m in events], [p.trigger for p in preds])
        for t, g in found.items():
            item = (doc.name, events[g].m_id)
            key[item] = events[g].chain
            predicted[item] = clusterer.cluster_of(analysis.events[t].id) or ("alone", item)
            a, b = preds[t].trigger
            line_start = doc.text.rfind("\n", 0, a) + 1
            line_end = doc.text.find("\n", b)
            line_end = len(doc.text) if line_end < 0 else line_end
            triggers.append((doc.text[line_start:line_end], a - line_start, b - line_start))
            tfidf_of[item] = doc_cluster
    out: dict[str, Any] = {"gold_event_mentions": gold_total, "coded_events": predicted_total,
                           "aligned_mentions": len(key), "unaligned_events": predicted_total - len(key),
                           "gold_found_share": round(len(key) / gold_total, 4) if gold_total else 0.0}
    if key:
        out.update({f"mention_{k}": v for k, v in coref.conll(key, predicted).items()})
        lemma = dict(zip(key, _lemmas(triggers), strict=True))
        baseline = {item: (tfidf_of[item], lemma[item]) for item in key}
        out.update({f"lemma_{k}": v for k, v in coref.conll(key, baseline).items()})
    return out


def _topics_of(grouping: dict[str, Any], runs: list) -> dict[Any, set[int]]:
    out: dict[Any, set[int]] = defaultdict(set)
    for doc, _, _ in runs:
        out[grouping[doc.name]].add(doc.topic)
    return out


def _cross_topic(groups: list[set[int]]) -> int:
    return sum(len(g) > 1 for g in groups)


@scorer("dedup", "ecbplus")
def score_ecbplus(path: Path, pipeline: Any, limit: int | None = None, **options: Any) -> dict[str, Any]:
    """Document and mention clustering on ECB+ against its gold (see the module docstring)."""
    from .tfidf import cluster_texts

    topics = _topics_option(options.get("topics"))
    part = options.get("part") or ("all" if topics else "validation")
    chosen = select_topics(path, part, topics)
    docs = read_topics(path, chosen)
    if limit is not None:
        docs = docs[:limit]
    threshold = float(options.get("tfidf_threshold") or TFIDF_THRESHOLD)
    run = _run(docs, pipeline, bool(options.get("progress")))
    runs, clusterer = run["runs"], run["clusterer"]
    tfidf = cluster_texts([d.text for d in docs], threshold)
    topic_of = {a.document.id: d.topic for d, _, a in runs if a is not None}
    event_topics = [{topic_of[i] for i in c.document_ids} for c in clusterer.clusters()]
    tfidf_topics: dict[int, set[int]] = defaultdict(set)
    for d, label in zip(docs, tfidf, strict=True):
        tfidf_topics[label].add(d.topic)
    metrics: dict[str, Any] = {"n": len(docs), "part": part, "topics": chosen,
                               "tfidf_threshold": threshold, "crashes": run["crashes"]}
    metrics.update(_documents(runs, clusterer, tfidf, _scopes(ecbplus_root(path))))
    metrics.update(_mentions(runs, clusterer, tfidf))
    metrics.update({"clusters": len(clusterer), "cross_topic_clusters": _cross_topic(event_topics),
                    "tfidf_cross_topic_clusters": _cross_topic(list(tfidf_topics.values())),
                    "cross_topic_stories": _cross_topic([
                        {topic_of[i] for i in ids} for ids in clusterer.stories.stories().values()
                    ] if clusterer.stories is not None else []),
                    "pipeline_seconds": round(run["seconds"] - run["dedup_seconds"], 2),
                    "dedup_seconds": round(run["dedup_seconds"], 3)})
    return metrics
