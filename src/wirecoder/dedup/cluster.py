"""Cross-document event clustering: mentions of one real event become one cluster.

    clusterer = EventClusterer()
    links = clusterer.add_analysis(analysis)     # each mention joins a cluster or starts one
    clusters = clusterer.clusters()              # EventCluster records, with their links

Incremental: each new document's mentions are compared with the clusters built so far. Rules:

- Hard: mentions of different *reality* (an act that happened, one only threatened, planned or
  supposed, one denied — see `features.reality_of`) or of different type families never merge;
  a threat of an attack and the attack are two clusters whatever else they share.
- Hard: a cluster holds at most one mention per document (within-document coreference is the
  event coder's business), dates further apart than the window and places further apart than
  `max_km` (or in different countries) never merge.
- Soft: the features that match add to a score (same trigger word, shared source and target
  actors, same date and place, shared numbers, shared content words of the sentence); a mention
  joins the best cluster whose score reaches `min_score`. Each link lists what matched.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from ..records import Analysis, stable_id
from .features import day_of, mentions_of
from .records import ClusterLink, EventCluster, EventMention

PRECISION_RANK = {"point": 0, "locality": 1, "admin2": 2, "admin1": 3, "country": 4,
                  "region": 5, "unknown": 6}
COARSE = {"admin1", "country", "region", "unknown"}
GRANULARITY_RANK = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True)
class ClusterOptions:
    publication_window_days: int = 2  # either mention dated only by its report
    explicit_window_days: int = 1  # both mentions dated by the text
    max_km: float = 100.0
    min_score: float = 4.0
    min_context: float = 0.25  # content-word Jaccard that counts as "context"


@dataclass
class _Cluster:
    id: str
    members: list[EventMention] = field(default_factory=list)
    links: list[ClusterLink] = field(default_factory=list)

    @property
    def documents(self) -> set[str]:
        return {m.document_id for m in self.members}


def km_between(a: EventMention, b: EventMention) -> float | None:
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _jaccard(a: list[str], b: list[str]) -> float:
    sa, sb = set(a), set(b)
    return len(sa & sb) / len(sa | sb) if sa and sb else 0.0


class EventClusterer:
    def __init__(self, options: ClusterOptions | None = None):
        self.options = options or ClusterOptions()
        self._clusters: dict[str, _Cluster] = {}
        self._blocks: dict[tuple[str, str], list[str]] = defaultdict(list)
        self._of_event: dict[str, str] = {}

    def __len__(self) -> int:
        return len(self._clusters)

    def cluster_of(self, event_id: str) -> str | None:
        return self._of_event.get(event_id)

    def mention(self, event_id: str) -> EventMention:
        cluster = self._clusters[self._of_event[event_id]]
        return next(m for m in cluster.members if m.event_id == event_id)

    # -- comparing ----------------------------------------------------------------------------

    def compare(self, a: EventMention, b: EventMention) -> tuple[float, list[str]] | None:
        """The score and matched features of two mentions, or None when a hard rule parts them."""
        o = self.options
        if a.reality != b.reality or a.family != b.family or a.document_id == b.document_id:
            return None
        score, matched = 0.0, ["type"] if a.type == b.type else ["family"]
        # When: within the window at day precision, else the same month or year.
        if a.date and b.date:
            da, db = day_of(a.date), day_of(b.date)
            if da and db:
                explicit = not a.date_from_publication and not b.date_from_publication
                window = o.explicit_window_days if explicit else o.publication_window_days
                if abs((da - db).days) > window:
                    return None
                if da == db:
                    score += 2.0 if explicit else 1.0
                    matched.append("date")
            else:
                n = min(len(a.date), len(b.date))
                if a.date[:n] != b.date[:n]:
                    return None
        # Where: within max_km for precise places, else the same country.
        if a.place_country and b.place_country and a.place_country != b.place_country:
            return None
        km = km_between(a, b)
        coarse = a.place_precision in COARSE or b.place_precision in COARSE
        if km is not None and not coarse:
            if km > o.max_km:
                return None
            score += 1.5
            matched.append(f"place<={o.max_km:g}km")
        elif a.place_country and a.place_country == b.place_country:
            score += 0.5
            matched.append("country")
        # Who: names first (the same person), else codes (the same country and sector).
        for role, names, codes in (("source", (a.source_names, b.source_names),
                                    (a.source_codes, b.source_codes)),
                                   ("target", (a.target_names, b.target_names),
                                    (a.target_codes, b.target_codes))):
            if set(names[0]) & set(names[1]):
                score += 1.5
                matched.append(role)
            elif {c for c in codes[0] if not c.startswith(":")} & set(codes[1]):
                score += 0.75
                matched.append(f"{role}-code")
        if a.trigger and a.trigger == b.trigger:
            score += 1.0
            matched.append("trigger")
        if set(a.numbers) & set(b.numbers):
            score += 1.5
            matched.append("numbers")
        context = _jaccard(a.context, b.context)
        if context >= o.min_context:
            score += 4.0 * context
            matched.append(f"context={context:.2f}")
        return round(score, 3), matched

    def _score(self, mention: EventMention, cluster: _Cluster) -> tuple[float, list[str], str] | None:
        best: tuple[float, list[str], str] | None = None
        for member in cluster.members:
            found = self.compare(mention, member)
            if found is None:
                return None  # one hard conflict with any member keeps the mention out
            if best is None or found[0] > best[0]:
                best = (found[0], found[1], member.event_id)
        return best

    # -- adding -------------------------------------------------------------------------------

    def add_analysis(self, analysis: Analysis) -> list[ClusterLink]:
        return self.add_document(list(mentions_of(analysis)))

    def add_document(self, mentions: list[EventMention]) -> list[ClusterLink]:
        """Cluster one document's mentions: the best-scoring (mention, cluster) pairs first, each
        cluster taking at most one mention of the document; the rest start clusters."""
        mentions = [m for m in mentions if m.event_id not in self._of_event]
        candidates: list[tuple[float, int, str, list[str], str]] = []
        for i, mention in enumerate(mentions):
            for cluster_id in self._blocks.get((mention.reality, mention.family), []):
                found = self._score(mention, self._clusters[cluster_id])
                if found is not None and found[0] >= self.options.min_score:
                    candidates.append((found[0], i, cluster_id, found[1], found[2]))
        candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
        chosen: dict[int, ClusterLink] = {}
        taken: set[str] = set()
        for score, i, cluster_id, matched, joined in candidates:
            if i in chosen or cluster_id in taken:
                continue
            chosen[i] = ClusterLink(event_id=mentions[i].event_id, cluster_id=cluster_id,
                                    matched=matched, score=score, joined=joined)
            taken.add(cluster_id)
        links: list[ClusterLink] = []
        for i, mention in enumerate(mentions):
            link = chosen.get(i)
            if link is None:
                cluster_id = stable_id("cluster", mention.event_id)
                self._clusters[cluster_id] = _Cluster(cluster_id)
                self._blocks[(mention.reality, mention.family)].append(cluster_id)
                link = ClusterLink(event_id=mention.event_id, cluster_id=cluster_id,
                                   matched=[], score=0.0, joined="")
            self._clusters[link.cluster_id].members.append(mention)
            self._clusters[link.cluster_id].links.append(link)
            self._of_event[mention.event_id] = link.cluster_id
            links.append(link)
        return links

    def restore(self, mention: EventMention, link: ClusterLink) -> None:
        """Put back a mention clustered in an earlier run (read from the store), as it was."""
        cluster = self._clusters.get(link.cluster_id)
        if cluster is None:
            cluster = self._clusters[link.cluster_id] = _Cluster(link.cluster_id)
            self._blocks[(mention.reality, mention.family)].append(link.cluster_id)
        cluster.members.append(mention)
        cluster.links.append(link)
        self._of_event[mention.event_id] = link.cluster_id

    # -- reading ------------------------------------------------------------------------------

    def cluster(self, cluster_id: str) -> EventCluster:
        c = self._clusters[cluster_id]
        return summarise(c.id, c.members, c.links)

    def clusters(self) -> list[EventCluster]:
        return [summarise(c.id, c.members, c.links) for c in self._clusters.values()]

    def assignments(self) -> dict[str, str]:
        """event id -> cluster id."""
        return dict(self._of_event)


def summarise(cluster_id: str, members: list[EventMention],
              links: list[ClusterLink]) -> EventCluster:
    """A cluster record: its mentions, source count, first and last report, most precise date
    (dated by the text before dated by the report; day before month before year) and place."""
    reports = [m.published for m in members if m.published is not None]
    dated = [m for m in members if m.date]
    best_date = min(dated, key=lambda m: (m.date_from_publication,
                                          GRANULARITY_RANK.get(m.date_granularity or "", 3)),
                    default=None)
    placed = [m for m in members if m.place_name]
    best_place = min(placed, key=lambda m: PRECISION_RANK.get(m.place_precision or "unknown", 6),
                     default=None)
    first = members[0]
    return EventCluster(
        id=cluster_id, type=first.type, reality=first.reality,
        mention_ids=[m.event_id for m in members],
        document_ids=list(dict.fromkeys(m.document_id for m in members)),
        source_count=len({m.document_id for m in members}),
        first_report=min(reports) if reports else None,
        last_report=max(reports) if reports else None,
        date=best_date.date if best_date else None,
        date_granularity=best_date.date_granularity if best_date else None,
        place_name=best_place.place_name if best_place else None,
        place_precision=best_place.place_precision if best_place else None,
        latitude=best_place.latitude if best_place else None,
        longitude=best_place.longitude if best_place else None,
        links=list(links),
    )


