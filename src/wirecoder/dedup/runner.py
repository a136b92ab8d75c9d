"""`wirecoder dedup`: near-duplicate links and event clusters for the documents of a store.

    summary = run_dedup("sqlite:///news.db")

Incremental: the index and the clusters are rebuilt from the store's tables (signatures and
cluster members keep everything they need), then only documents without a signature are read,
in publication order, and join them. Each chunk of documents is written in one transaction, so
a killed run resumes where it stopped. Clusters a chunk touched are summarised again.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import bindparam, delete, exists, func, insert, select, update

from ..errors import WirecoderError
from .cluster import ClusterOptions, EventClusterer, independent_sources, summarise
from .neardup import SCHEME, THRESHOLD, NearDuplicateIndex
from .records import ClusterLink, EventMention
from .stories import NAME_WEIGHT, StoryLink, story_terms
from .story_records import document_records


class DedupOptionError(WirecoderError):
    """A clustering or near-duplicate option out of range."""

    code = "W060"


@dataclass
class DedupSummary:
    documents: int = 0  # documents added to the index in this run
    duplicates: int = 0  # of them, near copies of an earlier document
    mentions: int = 0
    joined: int = 0  # mentions that joined a cluster of earlier documents
    clusters: int = 0  # clusters in the store after the run
    multi_source: int = 0  # of them, reported by two documents or more
    seconds: float = 0.0

    def line(self) -> str:
        return (f"{self.documents} documents indexed ({self.duplicates} near duplicates); "
                f"{self.mentions} event mentions, {self.joined} joined an existing cluster; "
                f"{self.clusters} clusters, {self.multi_source} with two or more sources; "
                f"{self.seconds:.1f} s")


def check_options(threshold: float, options: ClusterOptions) -> None:
    if not 0 < threshold <= 1:
        raise DedupOptionError(f"the near-duplicate threshold must be in (0, 1], not {threshold}")
    if options.max_km <= 0 or options.publication_window_days < 0 or \
            options.explicit_window_days < 0 or options.story.window_days < 0:
        raise DedupOptionError("distances and date windows must not be negative")
    if min(options.max_candidates, options.max_posting, options.max_members) < 1:
        raise DedupOptionError("the bounds on comparisons (candidates, posting, members) must be "
                               "at least 1")


@dataclass
class _Tables:
    """The store's dedup tables (imported when a run starts: the store is optional here)."""

    sig: Any
    dup: Any
    cluster: Any
    member: Any
    report: Any

    @classmethod
    def of_store(cls) -> _Tables:
        from ..store.schema import (
            DocumentDuplicateRow,
            DocumentSignatureRow,
            EventClusterMemberRow,
            EventClusterReportRow,
            EventClusterRow,
        )

        return cls(DocumentSignatureRow.__table__, DocumentDuplicateRow.__table__,
                   EventClusterRow.__table__, EventClusterMemberRow.__table__,
                   EventClusterReportRow.__table__)


@dataclass
class _Chunk:
    """The rows one chunk of documents adds, and the clusters it touched."""

    sigs: list[dict[str, Any]] = field(default_factory=list)
    dups: list[dict[str, Any]] = field(default_factory=list)
    members: list[dict[str, Any]] = field(default_factory=list)
    touched: set[str] = field(default_factory=set)
    merges: list[tuple[str, str]] = field(default_factory=list)  # (merged away, joined), in order

    def merge(self, merges: list[tuple[str, str]]) -> None:
        """Clusters merged by the clusterer (`EventClusterer._bridge`): the chunk's rows follow,
        and the store's follow when it is written."""
        for gone, into in merges:
            for row in self.members:
                if row["cluster_id"] == gone:
                    row["cluster_id"] = into
            if gone in self.touched:
                self.touched.discard(gone)
            self.touched.add(into)
        self.merges.extend(merges)


def run_dedup(db_url: str | os.PathLike[str] | None = None, *, threshold: float = THRESHOLD,
              options: ClusterOptions | None = None, chunk: int = 200) -> DedupSummary:
    from ..store import open_store
    from ..store.convert import utcnow

    options = options or ClusterOptions()
    check_options(threshold, options)
    t = _Tables.of_store()
    started = time.perf_counter()
    summary = DedupSummary()
    index, clusterer = NearDuplicateIndex(threshold), EventClusterer(options)
    with open_store(db_url, create=False) as store:
        sig_pos, mem_pos = _restore(store, t, index, clusterer)
        todo = [d for d in store.document_ids() if d not in index]
        for start in range(0, len(todo), chunk):
            now = utcnow()
            rows = _Chunk()
            for analysis in store.analyses(todo[start:start + chunk]):
                sig_pos, mem_pos = _add_document(analysis, index, clusterer, rows, summary,
                                                 sig_pos, mem_pos, now)
            with store.engine.begin() as conn:
                _write_chunk(conn, t, clusterer, rows, now)
        if todo:
            with store.engine.begin() as conn:
                write_reports(conn, t, clusterer)
        with store.engine.connect() as conn:
            summary.clusters = conn.execute(select(func.count()).select_from(t.cluster)).scalar()
            summary.multi_source = conn.execute(select(func.count()).select_from(t.cluster)
                                                .where(t.cluster.c.source_count > 1)).scalar()
    summary.seconds = time.perf_counter() - started
    return summary


def _restore(store, t: _Tables, index: NearDuplicateIndex, clusterer: EventClusterer) -> tuple[int, int]:
    """The index and the clusters as the store's tables hold them; returns the last signature
    and member positions (-1 when there are none)."""
    with store.engine.begin() as conn:  # clusters whose every mention was reprocessed away
        conn.execute(delete(t.cluster).where(~exists().where(
            t.member.c.cluster_id == t.cluster.c.id)))
    with store.engine.connect() as conn:
        links = dict(conn.execute(select(t.dup.c.document_id, t.dup.c.duplicate_of)).all())
        for row in conn.execute(select(t.sig).order_by(t.sig.c.position)):
            index.add_signature(row.document_id, row.signature, links.get(row.document_id))
        placed: dict[str, list[EventMention]] = {}
        for row in conn.execute(select(t.member).order_by(t.member.c.position)):
            mention = EventMention.model_validate(row.features)
            clusterer.restore(mention, ClusterLink(
                event_id=row.event_id, cluster_id=row.cluster_id, matched=row.matched,
                score=row.score, joined=row.joined))
            if mention.story is not None:
                placed.setdefault(mention.document_id, []).append(mention)
        _restore_stories(clusterer, placed, dict(conn.execute(
            select(t.report.c.document_id, t.report.c.story_id)).all()))
        _restore_reports(conn, t, clusterer, links)
        sig_pos = conn.execute(select(func.coalesce(func.max(t.sig.c.position), -1))).scalar()
        mem_pos = conn.execute(select(func.coalesce(func.max(t.member.c.position), -1))).scalar()
    return sig_pos, mem_pos


def _add_document(analysis, index: NearDuplicateIndex, clusterer: EventClusterer, rows: _Chunk,
                  summary: DedupSummary, sig_pos: int, mem_pos: int, now) -> tuple[int, int]:
    """One document into the index and its event mentions into the clusters; its rows go to
    `rows`. Returns the positions after it."""
    doc = analysis.document
    link = index.add(doc.id, doc.text)
    sig_pos += 1
    rows.sigs.append({"document_id": doc.id, "position": sig_pos,
                      "num_perm": index.num_perm, "scheme": SCHEME,
                      "signature": index.signature(doc.id), "added_at": now})
    summary.documents += 1
    if link is not None:
        summary.duplicates += 1
        rows.dups.append(link.model_dump())
    mentions = {m.event_id: m for m in _mentions(analysis)}
    if clusterer.stories is not None:
        copy_of = link.duplicate_of if link is not None else None
        story = clusterer.place(doc.id, story_terms(analysis), doc.published, copy_of).story_id
        mentions = {i: m.model_copy(update={"story": story, "copy_of": copy_of})
                    for i, m in mentions.items()}
    links = clusterer.add_document(list(mentions.values()))
    rows.merge(clusterer.take_merges())
    for cl in links:
        mem_pos += 1
        summary.mentions += 1
        summary.joined += bool(cl.joined) and "same-document" not in cl.matched
        rows.touched.add(cl.cluster_id)
        rows.members.append({"event_id": cl.event_id, "cluster_id": cl.cluster_id,
                             "document_id": doc.id, "position": mem_pos,
                             "matched": cl.matched, "score": cl.score,
                             "joined": cl.joined or None,
                             "features": mentions[cl.event_id].model_dump(mode="json")})
    return sig_pos, mem_pos


def _restore_stories(clusterer: EventClusterer, placed: dict[str, list[EventMention]],
                     reported: dict[str, str | None] | None = None) -> None:
    """Documents of earlier runs back in their stories. The store keeps their mentions, not their
    text: a document's terms are read again from its mentions' sentence words and names (fewer
    than its text gave, so later documents find it by its events' sentences). A document's story
    is the one its report row holds (`reported`: the story it stood in at the end of its run, as
    two stories may have been merged since its mentions were placed), else its mentions'."""
    if clusterer.stories is None:
        return
    for document_id, mentions in placed.items():
        terms: dict[str, int] = {}
        for m in mentions:
            for word in m.context:
                terms[word] = terms.get(word, 0) + 1
            for name in (*m.source_names, *m.target_names, *([m.place_name] if m.place_name else [])):
                key = "=" + name.lower()
                terms[key] = terms.get(key, 0) + NAME_WEIGHT
        story = (reported or {}).get(document_id) or mentions[0].story or ""
        clusterer.stories.restore(document_id, terms, story, mentions[0].published)


def _restore_reports(conn, t: _Tables, clusterer: EventClusterer, copies: dict[str, str]) -> None:
    """Every document of an earlier run back in its story with how it joined it, those without
    an event too (their terms are not kept: they are counted in their story, not compared)."""
    if clusterer.stories is None:
        return
    for row in conn.execute(select(t.report.c.document_id, t.report.c.story_id,
                                   t.report.c.story_score)):
        if row.story_id is None:
            continue
        clusterer.stories.restore(row.document_id, {}, row.story_id)
        clusterer.story_links.setdefault(row.document_id, StoryLink(
            document_id=row.document_id, story_id=row.story_id, score=row.story_score,
            copy_of=copies.get(row.document_id)))


def write_reports(conn, t: _Tables, clusterer: EventClusterer) -> None:
    """Each document's story and record (`story_records.document_records`), and each cluster's
    count of them, written again from what the clusterer holds (one pass: linear)."""
    reports = document_records(clusterer)
    rows = [{"document_id": r.document_id, "cluster_id": r.cluster_id, "story_id": r.story_id,
             "story_score": link.score if (link := clusterer.story_links.get(r.document_id)) else 0.0,
             "how": r.how if r.cluster_id else "none", "reasons": list(r.reasons)}
            for r in reports.values()]
    counts: dict[str, int] = {}
    for r in reports.values():
        if r.cluster_id:
            counts[r.cluster_id] = counts.get(r.cluster_id, 0) + 1
    conn.execute(delete(t.report))
    conn.execute(update(t.cluster).where(t.cluster.c.reports != 0).values(reports=0))
    for i in range(0, len(rows), 1000):
        conn.execute(insert(t.report), rows[i:i + 1000])
    changed = [{"cid": c, "n": n} for c, n in counts.items()]
    for i in range(0, len(changed), 1000):
        conn.execute(update(t.cluster).where(t.cluster.c.id == bindparam("cid"))
                     .values(reports=bindparam("n")), changed[i:i + 1000])


def _write_chunk(conn, t: _Tables, clusterer: EventClusterer, rows: _Chunk, now) -> None:
    """A chunk's rows in one transaction; the clusters it touched summarised again."""
    clusters = []
    for cluster_id in rows.touched:
        c = clusterer.cluster(cluster_id)
        clusters.append({"id": c.id, "type": c.type, "reality": c.reality,
                         "source_count": c.source_count, "mentions": len(c.mention_ids),
                         "independent_sources": c.independent_sources,
                         "first_report": c.first_report, "last_report": c.last_report,
                         "date": c.date, "date_granularity": c.date_granularity,
                         "place_name": c.place_name, "place_precision": c.place_precision,
                         "latitude": c.latitude, "longitude": c.longitude,
                         "updated_at": now})
    # update, never delete-and-insert: deleting a cluster cascades to its members
    ids = sorted(rows.touched)
    existing: set[str] = set()
    for i in range(0, len(ids), 500):
        existing.update(conn.execute(select(t.cluster.c.id).where(
            t.cluster.c.id.in_(ids[i:i + 500]))).scalars())
    old = [{**r, "cid": r["id"]} for r in clusters if r["id"] in existing]
    if old:
        conn.execute(update(t.cluster).where(t.cluster.c.id == bindparam("cid"))
                     .values({k: bindparam(k) for k in clusters[0] if k != "id"}), old)
    new = [r for r in clusters if r["id"] not in existing]
    for table, batch in ((t.cluster, new), (t.sig, rows.sigs), (t.dup, rows.dups),
                         (t.member, rows.members)):
        if batch:
            conn.execute(insert(table), batch)
    for gone, into in rows.merges:  # members first: deleting a cluster cascades to its members
        conn.execute(update(t.member).where(t.member.c.cluster_id == gone).values(cluster_id=into))
        conn.execute(delete(t.cluster).where(t.cluster.c.id == gone))


def _mentions(analysis) -> list[EventMention]:
    from .features import mentions_of

    return list(mentions_of(analysis))


def stored_clusters(db_url: str | os.PathLike[str] | None = None, *, min_sources: int = 1,
                    limit: int | None = None) -> list[dict[str, Any]]:
    """Clusters in the store, most sources first, each with its mentions' event and document ids,
    its independent sources (`cluster.independent_sources`) and its story."""
    from ..store import open_store
    from ..store.schema import EventClusterMemberRow, EventClusterRow

    t_cluster, t_member = EventClusterRow.__table__, EventClusterMemberRow.__table__
    with open_store(db_url, read_only=True) as store, store.engine.connect() as conn:
        q = (select(t_cluster).where(t_cluster.c.source_count >= min_sources)
             .order_by(t_cluster.c.source_count.desc(), t_cluster.c.id))
        if limit:
            q = q.limit(limit)
        clusters = [dict(r._mapping) for r in conn.execute(q)]
        for c in clusters:
            rows = conn.execute(
                select(t_member.c.event_id, t_member.c.document_id, t_member.c.matched,
                       t_member.c.score, t_member.c.features)
                .where(t_member.c.cluster_id == c["id"]).order_by(t_member.c.position)).all()
            c["members"] = [{k: v for k, v in r._mapping.items() if k != "features"} for r in rows]
            mentions = [EventMention.model_validate(r.features) for r in rows]
            c["independent_sources"] = independent_sources(mentions) if mentions else 0
            c["story_id"] = mentions[0].story if mentions else None
    return clusters


__all__ = ["DedupOptionError", "DedupSummary", "run_dedup", "stored_clusters", "summarise"]
