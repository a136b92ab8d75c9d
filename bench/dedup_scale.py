"""Event clustering at scale: CPU time per document at growing collection sizes (#26).

    python bench/dedup_scale.py [--sizes 500,2000] [--texts 400] [--docs-per-day 200]
    python bench/dedup_scale.py --sizes 2000,8000,32000 [--repeat 2]

Real texts (the seed article, PolNeAR dev, TR-News and GeoVirus articles under ../shared/data)
are analysed once by the full pipeline; their event mentions are then cycled into a stream of N
documents published `--docs-per-day` a day. Each document is one of the real texts moved to its
place in the stream: its publication date and every event date shift together, a fifth of the
sentence's content words and a tenth of the actor names are dropped (another outlet's wording),
so copies of one text reported within the date window are the same event told again, and copies
weeks apart are other events alike in everything but the date (a story that keeps being
reported stays one story, #21; its events still part by date). Each document is placed in a
story by the words of its text (a fifth dropped) and its mentions' names, then its mentions are
clustered within it: only that (`EventClusterer.add_placed`) is timed (process CPU time), from
an empty clusterer for each size; then, apart, the one pass that counts every report under its
record (`story_records.document_records`).

It prints, per size: CPU seconds, milliseconds per document, mentions, clusters, comparisons
per mention (when the clusterer counts them), the peak memory of the process so far, and the ratio of the largest size's time per
document to the smallest's (issue #26: within 1.3x from 2,000 to 32,000), with the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import tempfile
import time
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
DATA = SHARED / "data"
BASE_DAY = datetime(2016, 9, 21, 12, tzinfo=UTC)


def load_texts(limit: int) -> list[str]:
    """The seed article, then PolNeAR dev, TR-News and GeoVirus articles taken in turn."""
    seed = SHARED / "seed" / "cartel-strikes-article.txt"
    groups = [[p.read_text("utf-8") for p in sorted((DATA / "quotes/polnear/dev/text").glob("*.txt"))]]
    for name in ("TR-News.xml", "GeoVirus.xml"):
        path = DATA / "geo" / name
        if path.is_file():
            groups.append([a.findtext("text") or "" for a in ET.parse(path).getroot().iter("article")])
    texts = [seed.read_text("utf-8")] if seed.exists() else []
    for i in range(max(len(g) for g in groups)):
        texts += [g[i] for g in groups if i < len(g) and g[i].strip()]
    if not texts:
        raise SystemExit("dedup_scale: no texts (needs ../shared/seed or ../shared/data)")
    return texts[:limit]


def analysed_mentions(limit: int) -> list[list[dict]]:
    """Each text's event mentions as JSON, analysed once and cached in the temp directory."""
    cache = Path(tempfile.gettempdir()) / f"wirecoder_dedup_scale_{limit}.json"
    if cache.exists():
        return json.loads(cache.read_text("utf-8"))
    from wirecoder import Pipeline
    from wirecoder.dedup import mentions_of
    from wirecoder.ingest.base import RawDocument

    raws = [RawDocument(text=t, published=BASE_DAY, doc_id=f"base{i}")
            for i, t in enumerate(load_texts(limit))]
    out = [[m.model_dump(mode="json") for m in mentions_of(a)] for a in Pipeline().pipe(raws)]
    cache.write_text(json.dumps(out), "utf-8")
    return out


def _shift(value: str | None, granularity: str | None, days: int) -> str | None:
    if not value or granularity not in ("day", "month", "year"):
        return value
    anchor = {"day": value, "month": f"{value}-15", "year": f"{value}-07-01"}[granularity]
    try:
        moved = (date.fromisoformat(anchor) + timedelta(days=days)).isoformat()
    except ValueError:
        return value
    return moved[:{"day": 10, "month": 7, "year": 4}[granularity]]


def base_terms(bases: list[list[dict]], texts: list[str]) -> list[dict[str, int]]:
    """Each text's story terms: its content words and (as `stories.story_terms` counts them) the
    names its mentions carry."""
    from wirecoder.dedup.stories import NAME_WEIGHT, document_terms

    out = []
    for mentions, text in zip(bases, texts, strict=True):
        terms = document_terms([text])
        for m in mentions:
            for name in (*m["source_names"], *m["target_names"], m["place_name"] or ""):
                if name:
                    terms["=" + name.lower()] = terms.get("=" + name.lower(), 0) + NAME_WEIGHT
        out.append(terms)
    return out


def stream(bases: list[list[dict]], n: int, per_day: int, terms: list[dict[str, int]]):
    """(story terms, mentions) of documents 0..n-1 of the stream (each document from its own
    seeded rng; a fifth of its words dropped, like its sentences' words)."""
    from wirecoder.dedup.records import EventMention

    for i in range(n):
        rng = random.Random(i)
        days = i // per_day
        published = BASE_DAY + timedelta(days=days)
        doc = f"d{i}"
        mentions = []
        for k, m in enumerate(bases[i % len(bases)]):
            names = {role: [x for x in m[role] if rng.random() > 0.1]
                     for role in ("source_names", "target_names")}
            mentions.append(EventMention.model_validate({
                **m, **names, "event_id": f"{doc}:{k}", "document_id": doc,
                "date": _shift(m["date"], m["date_granularity"], days),
                "context": [w for w in m["context"] if rng.random() > 0.2],
                "published": published.isoformat()}))
        words = {w: c for w, c in terms[i % len(bases)].items() if rng.random() > 0.2}
        yield doc, published, words, mentions


def run(bases: list[list[dict]], n: int, per_day: int, terms: list[dict[str, int]]) -> dict:
    """Cluster documents 0..n-1 from an empty clusterer; only `add_placed` (the story, then the
    events within it) is timed."""
    import resource

    from wirecoder.dedup import EventClusterer

    clusterer = EventClusterer()
    joined = mentions = 0
    cpu = 0.0
    for doc, published, words, document in stream(bases, n, per_day, terms):
        started = time.process_time()
        links = clusterer.add_placed(doc, words, published, document)
        cpu += time.process_time() - started
        mentions += len(document)
        joined += sum(1 for link in links if link.joined)
    from wirecoder.dedup.story_records import document_records

    started = time.process_time()
    records = document_records(clusterer)  # every report under its record, in one pass
    record_cpu = time.process_time() - started
    out = {"documents": n, "mentions": mentions, "joined": joined, "clusters": len(clusterer),
           "records_ms_per_document": round(1000 * record_cpu / n, 4),
           "reports_by_story": sum(1 for r in records.values() if r.how == "story"),
           "stories": len(clusterer.stories or ()),
           "story_comparisons_per_document": round(
               clusterer.stories.comparisons / n, 2) if clusterer.stories else 0,
           "cpu_seconds": round(cpu, 3), "ms_per_document": round(1000 * cpu / n, 4)}
    comparisons = getattr(clusterer, "comparisons", None)
    if comparisons is not None:
        out["comparisons_per_mention"] = round(comparisons / max(mentions, 1), 2)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000",
                        help="comma-separated document counts (the issue's: 2000,8000,32000)")
    parser.add_argument("--texts", type=int, default=400, help="real texts analysed and cycled")
    parser.add_argument("--docs-per-day", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=1,
                        help="best of N runs per size: other load on the machine only adds time")
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(","))
    analysed = analysed_mentions(args.texts)
    texts = load_texts(args.texts)
    kept = [i for i, b in enumerate(analysed) if b]
    bases = [analysed[i] for i in kept]
    terms = base_terms(bases, [texts[i] for i in kept])
    load_before = os.getloadavg()
    results = [min((run(bases, n, args.docs_per_day, terms) for _ in range(max(1, args.repeat))),
                   key=lambda r: r["cpu_seconds"]) for n in sizes]
    print(json.dumps({
        "texts_with_events": len(bases), "docs_per_day": args.docs_per_day, "sizes": results,
        "per_document_ratio_largest_over_smallest": round(
            results[-1]["ms_per_document"] / max(results[0]["ms_per_document"], 1e-9), 3),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
    }, indent=2))


if __name__ == "__main__":
    main()
