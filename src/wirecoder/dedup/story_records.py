"""The record each report is about: one real event per story, with every report of it (#21).

    reports = document_records(clusterer)     # document id -> ReportLink (its record and why)
    reports["d3"].cluster_id, reports["d3"].how, reports["d3"].reasons

Event clusters hold the mentions the coder found; a report is counted under one record. Within
a story (`stories.StoryIndex`: independent reports of one happening) the reports word, code and
miss its event differently: one codes "captured" ASSAULT, another "arrested" COERCE, a third
codes only the suspect's earlier escape or nothing at all. The story's *record* is its event
cluster the reports are most about: each document votes for the clusters its mentions are in,
with its mention's salience over its most salient mention's (`salience`: 1 for the event the
report is about, less for a background event), and the most votes win (then more documents,
then the earlier cluster).

A document's record, with its reason (`how`):

- `story-event`: it has a mention in its story's record;
- `story`: it has none, but the evidence says it reports it: it joined the story by similarity
  (or as a near copy, or others joined it), it was published within the story window of the
  record's reports (when both are dated), and its own main event (its most salient mention's)
  is missing, or reported by this document alone (no other report bears its coding out), or of
  the record's reality and either told by at most `minor_share` of the story's reports
  (`MINOR_SHARE`, a third: a side event the coder found most salient here), of its type group
  (`features.group_of`: "captured" and "arrested") or reported beside it (by a document that
  reports the record too). Its mentions
  keep their own clusters: an act and a threat are still never one cluster.
- `event`: else the cluster of its most salient mention (`None` without one, and without a story).

ECB+ tune topics (`eval dedup --format ecbplus --part tune`), document B-cubed F1: by each
report's most prominent event 0.2646, most salient 0.2848, by its record 0.8394 (P 0.8588,
R 0.8209; the stories alone 0.8836 at P 0.8347). Checking the reality before "alone" gave
0.823, leaving out "beside" 0.7996, voting one per document 0.827.
With the stories' squared idf and doubt (`stories`, off by default): 0.858, and with a
`minor_share` of 0.2 0.8884 (P 0.8773, R 0.8998; the stories alone 0.9057).

Stories never span two stories' documents, so no record does: a record never chains stories.
Linear: one pass over the clustered mentions and one over the stories' documents.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from .features import family_of, group_of
from .records import EventCluster, EventMention
from .stories import StoryLink

if TYPE_CHECKING:
    from .cluster import EventClusterer


# A report's own main event that at most this share of its story's reports tell is a side event
# to the story (a coder's "defended" or "sent" where the others report the fight or the quake):
# of the record's reality, the report is counted under the record (`document_records`'
# `minor_share`). ECB+ tune, after the stories' squared idf and doubt: record document F1 0.858
# -> 0.8884 at 0.2 (without the reality check 0.8937: 0.1 gave 0.8695, 0.15 0.8815, 0.25
# 0.8952; an act's record does not count a report of its threat). Together they gave 0.8121 on
# the development topics, measured once (0.8203 before), so it was left off (h59). Chosen
# again alone by cross-validation over the tune topics (h70, `scripts/dedup_cv.py --orders 3`:
# 5 folds of whole topics, each scored over the corpus order and 3 shuffles; plain idf, no
# doubt, story merges): 0.3 on the other folds in 5 of 5, held-out record F1 0.828 -> 0.8607
# (every fold up; 0.1 0.8428, 0.2 0.8547, 0.5 and 1 as 0.3): a third of the reports at most
MINOR_SHARE = 0.3


@dataclass(frozen=True)
class ReportLink:
    """Why a document is counted under its record."""

    document_id: str
    cluster_id: str | None  # None: no event and no story record to join
    how: str  # "story-event", "story" or "event" (see the module docstring)
    reasons: tuple[str, ...] = ()
    story_id: str | None = None


@dataclass
class _Doc:
    best: tuple[float, str, EventMention] | None = None  # (salience, cluster, mention)
    clusters: dict[str, float] | None = None  # cluster -> its best mention's salience here


def _documents(clusterer: EventClusterer) -> dict[str, _Doc]:
    docs: dict[str, _Doc] = defaultdict(_Doc)
    for cluster_id, m in clusterer.memberships():
        doc = docs[m.document_id]
        if doc.clusters is None:
            doc.clusters = {}
        doc.clusters[cluster_id] = max(doc.clusters.get(cluster_id, 0.0), m.salience)
        if doc.best is None or (m.salience, doc.best[2].event_id) > (doc.best[0], m.event_id):
            doc.best = (m.salience, cluster_id, m)
    return docs


def story_record(members: list[str], docs: dict[str, _Doc]) -> str | None:
    """The cluster the story's documents are most about (see the module docstring)."""
    votes: dict[str, list[float]] = {}
    for position, doc_id in enumerate(members):
        doc = docs.get(doc_id)
        if doc is None or not doc.clusters or doc.best is None:
            continue
        top = doc.best[0] or 1.0
        for cluster_id, salience in doc.clusters.items():
            vote = votes.setdefault(cluster_id, [0.0, 0.0, -position])
            vote[0] += salience / top
            vote[1] += 1
    return max(votes, key=lambda c: votes[c]) if votes else None


def document_records(clusterer: EventClusterer, minor_share: float = MINOR_SHARE
                     ) -> dict[str, ReportLink]:
    """document id -> the record it reports (see the module docstring); every document the
    clusterer placed in a story or clustered a mention of. `minor_share`: see `MINOR_SHARE`."""
    docs = _documents(clusterer)
    out: dict[str, ReportLink] = {}
    reporters: dict[str, int] = defaultdict(int)
    for doc in docs.values():
        for cluster_id in doc.clusters or {}:
            reporters[cluster_id] += 1
    stories = clusterer.stories.stories() if clusterer.stories is not None else {}
    for story_id, members in stories.items():
        record = story_record(members, docs)
        summary = clusterer.cluster(record) if record else None
        beside = {c for d in members if d in docs and record in (docs[d].clusters or {})
                  for c in docs[d].clusters or {}}
        for doc_id in members:
            out[doc_id] = _link(clusterer, doc_id, story_id, summary, docs.get(doc_id), reporters,
                                beside, len(members), minor_share)
    for doc_id, doc in docs.items():
        if doc_id not in out and doc.best is not None:
            out[doc_id] = ReportLink(doc_id, doc.best[1], "event", ("main-event",))
    return out


def _link(clusterer: EventClusterer, doc_id: str, story_id: str, summary: EventCluster | None,
          doc: _Doc | None, reporters: dict[str, int], beside: set[str], size: int,
          minor_share: float = MINOR_SHARE) -> ReportLink:
    own = doc.best if doc is not None else None
    if summary is None:
        return ReportLink(doc_id, own[1] if own else None, "event", ("main-event",) if own else (),
                          story_id)
    record = summary.id
    if doc is not None and doc.clusters and record in doc.clusters:
        return ReportLink(doc_id, record, "story-event", ("reports-record",), story_id)
    story_link = clusterer.story_links.get(doc_id)
    reasons = []
    if story_link is not None and story_link.joined:
        reasons.append(f"story={story_link.score:.2f}" if story_link.copy_of is None
                       else f"copy-of={story_link.copy_of}")
    elif size > 1:  # it started the story, and later reports joined it by similarity
        reasons.append("story-first")
    dated = _date_fits(clusterer, story_link, summary)
    if own is None:
        fits = "no-event"
    elif reporters.get(own[1], 0) <= 1:
        fits = "own-event-alone"
    elif own[2].reality != summary.reality:
        fits = ""
    elif reporters[own[1]] <= minor_share * size:
        fits = "own-event-minor"
    elif group_of(family_of(own[2].type)) == group_of(family_of(summary.type)):
        fits = "type-group"
    elif own[1] in beside:
        fits = "reported-beside"
    else:
        fits = ""
    if reasons and dated and fits:
        return ReportLink(doc_id, record, "story", (*reasons, fits), story_id)
    return ReportLink(doc_id, own[1] if own else None, "event", ("main-event",) if own else (),
                      story_id)


def _date_fits(clusterer: EventClusterer, link: StoryLink | None, record: EventCluster) -> bool:
    """Published within the story window of the record's first to last report (true when
    either is undated)."""
    if link is None or link.published is None or record.first_report is None \
            or record.last_report is None:
        return True
    window = timedelta(days=clusterer.options.story.window_days)
    return record.first_report - window <= link.published <= record.last_report + window
