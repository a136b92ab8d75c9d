"""Records of deduplication: duplicate-of links between documents, event clusters and the links
that explain why a mention joined its cluster.

They are separate from `wirecoder.records` because they describe a collection of documents, not
one analysis: a document's `Analysis` never changes when another document arrives.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from ..records import Record

# Which kind of happening a mention claims: an act that took place, one that is only threatened,
# planned or supposed, or one that is denied. Mentions of different kinds never share a cluster.
Reality = Literal["actual", "potential", "negated"]


class DuplicateLink(Record):
    """`document_id` is a near copy of `duplicate_of` (the earlier document); neither is deleted."""

    document_id: str
    duplicate_of: str
    # word-shingle Jaccard with `duplicate_of`, estimated from MinHash (a copy of a copy may
    # stand below the threshold against the original it points at)
    similarity: float = Field(ge=0, le=1)
    method: str = "minhash-lsh"


class EventMention(Record):
    """The features of one coded event that clustering compares, read from its analysis."""

    event_id: str
    document_id: str
    type: str
    family: str
    reality: Reality
    modality: str
    source_codes: list[str] = Field(default_factory=list)  # "MEX:CRM", "USA:" ...
    target_codes: list[str] = Field(default_factory=list)
    source_names: list[str] = Field(default_factory=list)  # lower-cased actor names
    target_names: list[str] = Field(default_factory=list)
    date: str | None = None  # ISO day, month or year
    date_granularity: str | None = None  # day | month | year | None
    date_from_publication: bool = True
    place_name: str | None = None
    place_precision: str | None = None
    place_country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    numbers: list[float] = Field(default_factory=list)  # quantities of the event's sentence
    context: list[str] = Field(default_factory=list)  # content words of the event's sentence
    published: datetime | None = None
    trigger: str = ""
    story: str | None = None  # the story (`stories.StoryIndex`) of its document, when placed
    copy_of: str | None = None  # its document is a near copy of this one: compared as a copy
    outlet: str | None = None  # who published its document (`store.export_views.outlet`)
    confidence: float = 0.5  # the coder's confidence in the event's coding
    salience: float = 0.5  # how much its report is about it (`salience.saliences`)


class ClusterLink(Record):
    """Why a mention joined a cluster: the features that matched, with the score they gave."""

    event_id: str
    cluster_id: str
    matched: list[str] = Field(default_factory=list)  # e.g. ["type", "source", "date", "place"]
    score: float = 0.0
    joined: str | None = None  # the event id of the best-matching member ("" for a new cluster)


class EventCluster(Record):
    """One real event and every mention of it across documents."""

    id: str
    type: str
    reality: Reality
    mention_ids: list[str]
    document_ids: list[str]
    source_count: int  # distinct documents
    # distinct outlets, near copies (and copies of copies) counting with their original, a
    # document without a known outlet counting as its own: the reports that are not one report
    independent_sources: int = 0
    story_id: str | None = None
    best_event_id: str | None = None  # the mention with the highest-confidence coding
    confidence: float = 0.0  # its confidence; `type` is its type
    first_report: datetime | None = None
    last_report: datetime | None = None
    date: str | None = None  # the most precise date among the mentions
    date_granularity: str | None = None
    place_name: str | None = None  # the most precise place among the mentions
    place_precision: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    links: list[ClusterLink] = Field(default_factory=list)
