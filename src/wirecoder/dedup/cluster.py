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

Linear: a mention is compared only with the clusters the `blocking.CandidateIndex` finds for it
(same block, dates it fits, a shared key), at most `max_candidates` of them, and within each with
at most `max_members` members; the hard rules are checked against every member through the
cluster's summary. Under the default options this finds every cluster a mention could join
until the caps bind (see `blocking` for the bounds, and for undated mentions).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime

from ..records import Analysis, stable_id
from .blocking import (
    NEAR_PLACE,
    SAME_DAY_EXPLICIT,
    SAME_DAY_REPORTED,
    UNSHARED_MAX,
    CandidateIndex,
    Features,
    km,
    read_features,
)
from .features import group_of, is_description, mentions_of
from .records import ClusterLink, EventCluster, EventMention
from .stories import StoryIndex, StoryLink, StoryOptions, story_terms

PRECISION_RANK = {"point": 0, "locality": 1, "admin2": 2, "admin1": 3, "country": 4,
                  "region": 5, "unknown": 6}
GRANULARITY_RANK = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True)
class ClusterOptions:
    publication_window_days: int = 2  # either mention dated only by its report
    explicit_window_days: int = 1  # both mentions dated by the text
    max_km: float = 100.0
    min_score: float = 4.0
    min_context: float = 0.25  # content-word Jaccard that counts as "context"
    # bounds on the work per mention (see `blocking`): clusters compared, posting entries read,
    # and members scored in one cluster (its first and its latest)
    max_candidates: int = 32
    max_posting: int = 64
    max_members: int = 16
    # two levels (#21): `add_analysis` first places each document in a story; its mentions are
    # then compared only with mentions of that story, where related families (`STORY_GROUPS`)
    # may merge and a shared trigger key counts for more
    stories: bool = True
    story: StoryOptions = field(default_factory=StoryOptions)
    story_min_score: float = 4.0
    story_trigger: float = 4.0  # the same trigger key, within a story: enough alone
    story_type: float = 0.5  # the same PLOVER type, within a story
    # triggers of one sense (`lemmas.trigger_sense`: "seized", "hijacked"), within a story: half
    # a shared trigger, so one more thing must agree. 5-fold CV over the ECB+ tune topics (with
    # the bridges and repeats below) chose 2 in every fold: mention CoNLL 0.7191 at 0, 0.7217 at
    # 2, 0.7146 at 3; doc F1 0.2642 at 0 and 2 (reports rarely differ only in a synonym of their
    # main trigger)
    story_sense: float = 2.0
    # taken off per role both name with no word in common, within a story (`_named_otherwise`):
    # "chris christie calls" is not "hillary clinton called" (the constructed collection merges
    # such pairs at 0.75 or less)
    story_other_actor: float = 1.0
    # a document's repeated trigger joins its first mention: +0.07 mention CoNLL on the ECB+
    # tune topics, but the constructed collection keys its gold by sentence and counts it wrong
    story_same_document: bool = False
    # within a story, a mention that reaches the score of two clusters joins the best and the
    # other is merged into it, when no hard rule parts their members (`_bridge`): an early
    # report worded apart started a cluster of its own, a later one links both. ECB+ tune: doc
    # F1 0.2605 -> 0.2641, mention CoNLL 0.7032 -> 0.7092; the constructed collection unchanged
    story_bridge: bool = True
    # within a story, a document's mention may join the cluster another mention of the document
    # took, when it is its best and repeats it (`_repeats`). ECB+ tune: CoNLL 0.7092 -> 0.7193,
    # doc F1 0.2641 -> 0.2649 (5-fold CV: on in every fold); the constructed collection, whose
    # gold counts a repeated trigger in another sentence as another event, unchanged
    story_repeat: bool = True


@dataclass(eq=False, slots=True)
class _Cluster:
    """A cluster's mentions, and what the hard rules need of them all: their documents, their
    distinct dates (with whether the text gave them), countries and precise points."""

    id: str
    number: int
    members: list[EventMention] = field(default_factory=list)
    features: list[Features] = field(default_factory=list)
    links: list[ClusterLink] = field(default_factory=list)
    documents: set[str] = field(default_factory=set)
    dates: dict[tuple[str, bool], int | None] = field(default_factory=dict)
    countries: list[str] = field(default_factory=list)  # distinct, like the points
    points: list[tuple[float, float, float]] = field(default_factory=list)

    def add(self, f: Features, link: ClusterLink) -> None:
        m = f.mention
        self.members.append(m)
        self.features.append(f)
        self.links.append(link)
        self.documents.add(m.document_id)
        if m.date:
            self.dates[(m.date, f.explicit)] = f.day
        if m.place_country and m.place_country not in self.countries:
            self.countries.append(m.place_country)
        if f.point is not None and f.point not in self.points:
            self.points.append(f.point)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


class EventClusterer:
    def __init__(self, options: ClusterOptions | None = None):
        self.options = o = options or ClusterOptions()
        self._clusters: dict[str, _Cluster] = {}
        self._numbered: list[_Cluster] = []
        self._index = CandidateIndex(max(o.publication_window_days, o.explicit_window_days),
                                     max_posting=o.max_posting, max_candidates=o.max_candidates)
        self._every = o.min_score <= UNSHARED_MAX  # a score reachable without a shared key
        self._story_every = o.story_min_score <= UNSHARED_MAX + o.story_type
        self.stories: StoryIndex | None = StoryIndex(o.story) if o.stories else None
        self.story_links: dict[str, StoryLink] = {}  # document id -> how it joined its story
        self._of_event: dict[str, str] = {}
        self._alias: dict[int, int] = {}  # number of a cluster merged away -> the one it joined
        self.merges: list[tuple[str, str]] = []  # (cluster merged away, the cluster it joined)
        self.comparisons = 0  # mention-to-member comparisons made, for benches and tests

    def __len__(self) -> int:
        return len(self._clusters)

    def take_merges(self) -> list[tuple[str, str]]:
        """The (merged away, joined) cluster pairs since the last call (`_bridge`), in order."""
        merges, self.merges = self.merges, []
        return merges

    def cluster_of(self, event_id: str) -> str | None:
        return self._of_event.get(event_id)

    def mention(self, event_id: str) -> EventMention:
        cluster = self._clusters[self._of_event[event_id]]
        return next(m for m in cluster.members if m.event_id == event_id)

    # -- comparing ----------------------------------------------------------------------------

    def compare(self, a: EventMention, b: EventMention) -> tuple[float, list[str]] | None:
        """The score and matched features of two mentions, or None when a hard rule parts them."""
        return self._compare(read_features(a), read_features(b))

    def _dates_fit(self, fa: Features, date: str, explicit: bool, day: int | None) -> tuple[bool, bool]:
        """(within the window, on the same day) for `fa` and another mention's date."""
        if fa.day is not None and day is not None:
            o = self.options
            window = o.explicit_window_days if fa.explicit and explicit else o.publication_window_days
            return abs(fa.day - day) <= window, fa.day == day
        a = fa.mention.date or ""
        n = min(len(a), len(date))
        return a[:n] == date[:n], False

    def _compare(self, fa: Features, fb: Features, same_document: bool = False
                 ) -> tuple[float, list[str]] | None:
        o, a, b = self.options, fa.mention, fb.mention
        if a.reality != b.reality or a.story != b.story or (
                a.document_id == b.document_id and not same_document):
            return None  # never across stories: no chaining from one story into another
        # a story's independent reports word one event differently; a near copy words it alike,
        # so its mentions are held to the plain rules (as its sentences are the original's)
        story = a.story is not None and a.copy_of is None
        if a.family != b.family and not (story and group_of(a.family) == group_of(b.family)):
            return None
        score = o.story_type if story and a.type == b.type else 0.0
        matched = ["type" if a.type == b.type else "family" if a.family == b.family else "group"]
        # When: within the window at day precision, else the same month or year.
        if a.date and b.date:
            fits, same_day = self._dates_fit(fa, b.date, fb.explicit, fb.day)
            if not fits:
                return None
            if same_day:
                score += SAME_DAY_EXPLICIT if fa.explicit and fb.explicit else SAME_DAY_REPORTED
                matched.append("date")
        # Where: within max_km for precise places, else the same country.
        if a.place_country and b.place_country and a.place_country != b.place_country:
            return None
        if fa.point is not None and fb.point is not None:
            if km(fa.point, fb.point) > o.max_km:
                return None
            score += NEAR_PLACE
            matched.append(f"place<={o.max_km:g}km")
        elif a.place_country and a.place_country == b.place_country:
            score += 0.5
            matched.append("country")
        # Who: names first (the same person), else codes (the same country and sector).
        for role, names, codes in (("source", (fa.source_names, fb.source_names),
                                    (fa.source_codes, fb.source_codes)),
                                   ("target", (fa.target_names, fb.target_names),
                                    (fa.target_codes, fb.target_codes))):
            if not names[0].isdisjoint(names[1]):
                score += 1.5
                matched.append(role)
            elif not codes[0].isdisjoint(codes[1]):
                score += 0.75
                matched.append(f"{role}-code")
            elif story and o.story_other_actor and _named_otherwise(*names):
                score -= o.story_other_actor  # both name this role, and no name is shared
                matched.append(f"other-{role}")
        if fa.lemma and fa.lemma == fb.lemma:  # "captured" and "capturing" alike
            score += o.story_trigger if story else 1.0
            matched.append("trigger" if a.trigger == b.trigger else f"lemma={fa.lemma}")
        elif story and fa.sense and fa.sense == fb.sense:  # "seized" and "hijacked"
            score += o.story_sense
            matched.append(f"sense={fa.sense}")
        if not fa.numbers.isdisjoint(fb.numbers):
            score += 1.5
            matched.append("numbers")
        context = _jaccard(fa.context, fb.context)
        if context >= o.min_context:
            score += 4.0 * context
            matched.append(f"context={context:.2f}")
        return round(score, 3), matched

    def _fits(self, f: Features, cluster: _Cluster, same_document: bool = False) -> bool:
        """The hard rules against every member at once, through the cluster's summary."""
        m = f.mention
        if m.document_id in cluster.documents and not same_document:
            return False
        if m.place_country and any(c != m.place_country for c in cluster.countries):
            return False
        if f.point is not None and any(km(f.point, p) > self.options.max_km for p in cluster.points):
            return False
        return not m.date or all(self._dates_fit(f, date, explicit, day)[0]
                                 for (date, explicit), day in cluster.dates.items())

    def _candidates(self, f: Features) -> list[_Cluster]:
        every = self._story_every if f.mention.story is not None else self._every
        numbers = (self._alias.get(n, n) for n in self._index.candidates(_block(f), f, every))
        return [self._numbered[n] for n in dict.fromkeys(numbers)]

    def _score(self, f: Features, cluster: _Cluster) -> tuple[float, list[str], str] | None:
        if not self._fits(f, cluster):
            return None  # one hard conflict with any member keeps the mention out
        members = cluster.features
        if len(members) > self.options.max_members:  # the first and the latest
            members = [members[0], *members[len(members) - self.options.max_members + 1:]]
        best: tuple[float, list[str], str] | None = None
        for member in members:
            self.comparisons += 1
            found = self._compare(f, member)
            if found is None:
                return None
            if best is None or found[0] > best[0]:
                best = (found[0], found[1], member.mention.event_id)
        return best

    # -- adding -------------------------------------------------------------------------------

    def add_analysis(self, analysis: Analysis, copy_of: str | None = None) -> list[ClusterLink]:
        """Place the document in its story (with `options.stories`), then cluster its events.
        `copy_of`: the earlier document it is a near copy of, if any (`NearDuplicateIndex`)."""
        mentions = list(mentions_of(analysis))
        if self.stories is None:
            return self.add_document(mentions)
        doc = analysis.document
        return self.add_placed(doc.id, story_terms(analysis), doc.published, mentions, copy_of)

    def add_placed(self, document_id: str, terms: dict[str, int], published: datetime | None,
                   mentions: list[EventMention], copy_of: str | None = None) -> list[ClusterLink]:
        """Place a document in its story by its terms (`stories.story_terms`), then cluster its
        mentions within that story."""
        story = self.place(document_id, terms, published, copy_of).story_id
        return self.add_document([m.model_copy(update={"story": story, "copy_of": copy_of})
                                  for m in mentions])

    def place(self, document_id: str, terms: dict[str, int], published: datetime | None = None,
              copy_of: str | None = None) -> StoryLink:
        """The document's story (a new one when none is close enough), kept with its reason."""
        if self.stories is None:
            raise ValueError("this clusterer was made with stories=False")
        link = self.stories.add(document_id, terms, published, copy_of)
        self.story_links.setdefault(document_id, link)
        return link

    def add_document(self, mentions: list[EventMention]) -> list[ClusterLink]:
        """Cluster one document's mentions: the best-scoring (mention, cluster) pairs first, each
        cluster taking at most one mention of the document; the rest start clusters."""
        mentions = [m for m in mentions if m.event_id not in self._of_event]
        features = [read_features(m) for m in mentions]
        leader = self._leaders(features)
        candidates: list[tuple[float, int, str, list[str], str]] = []
        for i, f in enumerate(features):
            story = f.mention.story is not None and f.mention.copy_of is None
            least = self.options.story_min_score if story else self.options.min_score
            for cluster in self._candidates(f):
                found = self._score(f, cluster)
                if found is not None and found[0] >= least:
                    candidates.append((found[0], i, cluster.id, found[1], found[2]))
        candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
        chosen: dict[int, ClusterLink] = {}
        taken: dict[str, list[int]] = {}
        for score, i, cluster_id, matched, joined in candidates:
            if i in chosen or (cluster_id in taken and not self._repeats(
                    features[i], [features[j] for j in taken[cluster_id]], matched)):
                continue
            chosen[i] = ClusterLink(event_id=mentions[i].event_id, cluster_id=cluster_id,
                                    matched=matched if cluster_id not in taken else
                                    [*matched, "repeat"], score=score, joined=joined)
            taken.setdefault(cluster_id, []).append(i)
        links: list[ClusterLink] = []
        for i, f in enumerate(features):
            link = self._follow(f, features, leader.get(i), links) or chosen.get(i) or ClusterLink(
                event_id=f.mention.event_id, cluster_id=stable_id("cluster", f.mention.event_id),
                matched=[], score=0.0, joined="")
            self._join(f, link)
            links.append(link)
        for _, i, cluster_id, matched, _ in candidates:
            if i in chosen and cluster_id not in taken:
                self._bridge(features[i], chosen[i], cluster_id, matched)
        return links

    def _repeats(self, f: Features, siblings: list[Features], matched: list[str]) -> bool:
        """Within a story, a document's mention may join the cluster another mention of the
        document took when that cluster is its best, and it repeats them: the same trigger key
        or sense ("the blast ... the explosion"), nothing named apart (`_named_apart`), and no
        role named otherwise against the cluster (`matched`)."""
        m = f.mention
        if any(x.startswith("other-") for x in matched):
            return False
        return self.options.story_repeat and m.story is not None and m.copy_of is None and all(
            ((f.lemma and f.lemma == g.lemma) or (f.sense and f.sense == g.sense))
            and not _named_apart(f, g) for g in siblings)

    def _bridge(self, f: Features, link: ClusterLink, other_id: str, matched: list[str]) -> None:
        """Merge cluster `other_id`, which `f` also reached (`matched`), into the cluster `f`
        joined (within a story, with `options.story_bridge`), when neither link names a role
        otherwise ("shooting" by Clinton reaching both Clinton's shooting and the police's), no
        document is in both and every member of either fits the other (`_fits`). The link of
        `f` names the merged cluster."""
        m = f.mention
        into = self._clusters.get(link.cluster_id)
        other = self._clusters.get(other_id)
        if (not self.options.story_bridge or m.story is None or m.copy_of or into is None
                or any(x.startswith("other-") for x in (*matched, *link.matched))
                or other is None or into is other or into.documents & other.documents
                or not all(self._fits(g, into) for g in other.features)
                or not all(self._fits(g, other) for g in into.features)):
            return
        for g, member_link in zip(other.features, other.links, strict=True):
            into.add(g, member_link.model_copy(update={"cluster_id": into.id}))
            self._index.add(into.number, _block(g), g)
            self._of_event[g.mention.event_id] = into.id
        del self._clusters[other.id]
        self._alias[other.number] = into.number
        for number, to in self._alias.items():  # a cluster merged before into `other`
            if to == other.number:
                self._alias[number] = into.number
        link.matched.append(f"merged={other.id}")
        self.merges.append((other.id, into.id))

    def _leaders(self, features: list[Features]) -> dict[int, int]:
        """Within a story, a document's later mention with the same trigger key as an earlier
        one ("the quake ... the quake") follows it: mention index -> the earlier one's index."""
        first: dict[tuple, int] = {}
        out: dict[int, int] = {}
        for i, f in enumerate(features):
            m = f.mention
            if m.story is None or m.copy_of or not f.lemma or not self.options.story_same_document:
                continue
            key = (*_block(f), f.lemma)
            if key in first:
                out[i] = first[key]
            else:
                first[key] = i
        return out

    def _follow(self, f: Features, features: list[Features], lead: int | None,
                links: list[ClusterLink]) -> ClusterLink | None:
        """The link of a mention to the cluster of the earlier mention it follows, when no hard
        rule parts them."""
        if lead is None:
            return None
        cluster, first = self._clusters[links[lead].cluster_id], features[lead]
        if _named_apart(f, first):
            return None
        found = self._compare(f, first, same_document=True)
        if found is None or not self._fits(f, cluster, same_document=True):
            return None
        return ClusterLink(event_id=f.mention.event_id, cluster_id=cluster.id,
                           matched=[*found[1], "same-document"], score=found[0],
                           joined=features[lead].mention.event_id)

    def _join(self, f: Features, link: ClusterLink) -> None:
        cluster = self._clusters.get(link.cluster_id)
        if cluster is None:
            cluster = self._clusters[link.cluster_id] = _Cluster(link.cluster_id, len(self._numbered))
            self._numbered.append(cluster)
        cluster.add(f, link)
        self._index.add(cluster.number, _block(f), f)
        self._of_event[f.mention.event_id] = link.cluster_id

    def restore(self, mention: EventMention, link: ClusterLink) -> None:
        """Put back a mention clustered in an earlier run (read from the store), as it was."""
        self._join(read_features(mention), link)

    # -- reading ------------------------------------------------------------------------------

    def cluster(self, cluster_id: str) -> EventCluster:
        c = self._clusters[cluster_id]
        return summarise(c.id, c.members, c.links)

    def clusters(self) -> list[EventCluster]:
        return [summarise(c.id, c.members, c.links) for c in self._clusters.values()]

    def assignments(self) -> dict[str, str]:
        """event id -> cluster id."""
        return dict(self._of_event)

    def memberships(self) -> Iterator[tuple[str, EventMention]]:
        """(cluster id, mention) of every clustered mention, cluster by cluster."""
        for c in self._clusters.values():
            for m in c.members:
                yield c.id, m


def _named_otherwise(a: frozenset[str], b: frozenset[str]) -> bool:
    """Both mentions name a role's filler, and no name shares a word with the other's: "deputy
    ortiz" is "luis gerardo jerry ortiz", "greek police" is "police"; "police" is not "hillary
    clinton". Descriptions ("a man", "the suspect", "his wife", "they": `is_description`)
    name no one another report would name alike, so they are left out."""
    a, b = _named(a), _named(b)
    if not a or not b:
        return False
    words_a = {w for name in a for w in name.split()}
    return all(words_a.isdisjoint(name.split()) for name in b)


def _named(names: frozenset[str]) -> frozenset[str]:
    return frozenset(n for n in names if not is_description(n))


def _named_apart(a: Features, b: Features) -> bool:
    """Two mentions of one document whose sources, targets or numbers are named and differ:
    "police killed Scott" and "the killing of Crutcher" are two killings."""
    return any(x and y and x.isdisjoint(y) for x, y in (
        (a.source_names, b.source_names), (a.target_names, b.target_names),
        (a.numbers, b.numbers)))


def _block(f: Features) -> tuple[str | None, ...]:
    """Mentions that may merge: of one reality and family, or within a story one group."""
    m = f.mention
    if m.story is not None:
        return (m.story, m.reality, group_of(m.family))
    return (m.reality, m.family)


def independent_sources(members: list[EventMention]) -> int:
    """Reports that are not one report: distinct outlets, a near copy counting with its original
    (whoever republished it), a document without a known outlet counting as its own."""
    outlets = {m.document_id: m.outlet or f"doc:{m.document_id}" for m in members}
    return len({outlets.get(m.copy_of, f"doc:{m.copy_of}") if m.copy_of else
                outlets[m.document_id] for m in members})


def summarise(cluster_id: str, members: list[EventMention],
              links: list[ClusterLink]) -> EventCluster:
    """A cluster record: its mentions, source count and independent sources, first and last
    report, most precise date (dated by the text before dated by the report; day before month
    before year) and place, and the highest-confidence coding (its type)."""
    reports = [m.published for m in members if m.published is not None]
    dated = [m for m in members if m.date]
    best_date = min(dated, key=lambda m: (m.date_from_publication,
                                          GRANULARITY_RANK.get(m.date_granularity or "", 3)),
                    default=None)
    placed = [m for m in members if m.place_name]
    best_place = min(placed, key=lambda m: PRECISION_RANK.get(m.place_precision or "unknown", 6),
                     default=None)
    best = max(members, key=lambda m: m.confidence)  # the first of equals
    return EventCluster(
        id=cluster_id, type=best.type, reality=best.reality,
        mention_ids=[m.event_id for m in members],
        document_ids=list(dict.fromkeys(m.document_id for m in members)),
        source_count=len({m.document_id for m in members}),
        independent_sources=independent_sources(members), story_id=members[0].story,
        best_event_id=best.event_id, confidence=best.confidence,
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


