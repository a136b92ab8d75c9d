"""One event, one record: near-duplicate documents and cross-document event clusters.

    from wirecoder.dedup import NearDuplicateIndex, EventClusterer
    index, clusterer = NearDuplicateIndex(), EventClusterer()
    for analysis in analyses:
        link = index.add(analysis.document.id, analysis.document.text)   # DuplicateLink | None
        clusterer.add_analysis(analysis)                                  # ClusterLinks
    clusterer.clusters()                                                  # EventCluster records
    document_records(clusterer)        # document id -> ReportLink: the record it reports, and why

`wirecoder dedup` runs both over a store and keeps the results in its tables.
"""

from __future__ import annotations

from .cluster import ClusterOptions, EventClusterer
from .features import mentions_of, reality_of
from .neardup import NearDuplicateIndex
from .records import ClusterLink, DuplicateLink, EventCluster, EventMention
from .story_records import ReportLink, document_records

__all__ = ["ClusterLink", "ClusterOptions", "DuplicateLink", "EventCluster", "EventClusterer",
           "EventMention", "NearDuplicateIndex", "ReportLink", "document_records", "mentions_of",
           "reality_of"]
