"""One event, one record: near-duplicate documents and cross-document event clusters.

    from wirecoder.dedup import NearDuplicateIndex, EventClusterer
    index, clusterer = NearDuplicateIndex(), EventClusterer()
    for analysis in analyses:
        link = index.add(analysis.document.id, analysis.document.text)   # DuplicateLink | None
        clusterer.add_analysis(analysis)                                  # ClusterLinks
    clusterer.clusters()                                                  # EventCluster records

`wirecoder dedup` runs both over a store and keeps the results in its tables.
"""

from __future__ import annotations

from .cluster import ClusterOptions, EventClusterer
from .features import mentions_of, reality_of
from .neardup import NearDuplicateIndex
from .records import ClusterLink, DuplicateLink, EventCluster, EventMention

__all__ = ["ClusterLink", "ClusterOptions", "DuplicateLink", "EventCluster", "EventClusterer",
           "EventMention", "NearDuplicateIndex", "mentions_of", "reality_of"]
