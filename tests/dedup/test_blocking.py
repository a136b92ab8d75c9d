"""Event clustering in linear time (#26): the candidate index bounds the comparisons per mention,
and never loses a cluster a mention could join inside the date window."""

from __future__ import annotations

import random
from datetime import date

import pytest

from wirecoder.dedup import ClusterOptions, EventClusterer
from wirecoder.dedup.blocking import Features
from wirecoder.dedup.records import EventMention

START = date(2024, 3, 1).toordinal()
FAMILIES = ["ASSAULT", "PROTEST", "ACCUSE"]
COMMON = ["police", "government", "city", "officials", "people", "week", "forces", "report"]
PLACES = [("USA", 29.42, -98.49), ("USA", 40.71, -74.0), ("FRA", 48.86, 2.35), ("NGA", 9.06, 7.49)]


def _date(rng: random.Random, day: int, undated: float) -> tuple[str | None, str | None, bool]:
    """A mention's date: mostly a day (by the report or by the text), some months, years, none."""
    r = rng.random()
    iso = date.fromordinal(day + rng.choice([0, 0, 0, 1, 2])).isoformat()
    if r < undated:
        return None, None, True
    if r < undated + 0.06:
        return iso[:7], "month", False
    if r < undated + 0.10:
        return iso[:4], "year", False
    return iso, "day", rng.random() < 0.7


def synthetic(docs: int, per_day: int, *, seed: int = 0, undated: float = 0.0) -> list[list[EventMention]]:
    """`docs` documents published `per_day` a day; each reports 1-4 happenings of the last three
    days (about per_day/2 happenings a day, so alike reports sit side by side), in its own words:
    a share of the happening's names, words and numbers, its place or only its country."""
    rng = random.Random(seed)
    out = []
    for i in range(docs):
        today = START + i // per_day
        mentions = []
        for k in range(rng.randint(1, 4)):
            day = today - rng.randint(0, 2)
            story = random.Random(f"{day}:{rng.randrange(max(1, per_day // 2))}")
            family = story.choice(FAMILIES)
            country, lat, lon = story.choice(PLACES)
            words = [f"w{story.randrange(3000)}" for _ in range(8)]
            names = [f"n{story.randrange(500)}" for _ in range(2)]
            numbers = [float(story.randrange(40))] if story.random() < 0.5 else []
            when, granularity, explicit = _date(rng, day, undated)
            precise = rng.random() < 0.6
            mentions.append(EventMention(
                event_id=f"d{i}:{k}", document_id=f"d{i}", type=family, family=family,
                reality="potential" if story.random() < 0.1 else "actual", modality="asserted",
                source_names=[n for n in names[:1] if rng.random() < 0.7],
                target_names=[n for n in names[1:] if rng.random() < 0.5],
                source_codes=[f"{country}:GOV"] if rng.random() < 0.5 else [":GOV"],
                date=when, date_granularity=granularity, date_from_publication=not explicit,
                place_name="somewhere", place_country=country,
                place_precision="locality" if precise else "country",
                latitude=lat + story.random() * 0.3 if precise else None,
                longitude=lon if precise else None,
                numbers=[x for x in numbers if rng.random() < 0.8],
                context=sorted({*rng.sample(words, 5), *rng.sample(COMMON, 2)}),
                trigger=story.choice(["attacked", "marched", "accused", "shelled"])))
        out.append(mentions)
    return out


class EveryCluster(EventClusterer):
    """The reference: every cluster is a candidate, scored on every member (as before #26)."""

    def _candidates(self, f: Features):
        return list(self._numbered)

    def _score(self, f: Features, cluster):
        best = None
        for member in cluster.members:
            found = self.compare(f.mention, member)
            if found is None:
                return None
            if best is None or found[0] > best[0]:
                best = (found[0], found[1], member.event_id)
        return best


def _links(clusterer: EventClusterer, documents: list[list[EventMention]]) -> list[tuple]:
    return [(link.event_id, link.cluster_id, link.score, tuple(link.matched), link.joined)
            for mentions in documents for link in clusterer.add_document(mentions)]


def _comparisons_per_mention(documents: list[list[EventMention]],
                             options: ClusterOptions) -> tuple[float, float]:
    """The comparisons per mention over the collection, and the most for one document."""
    clusterer = EventClusterer(options)
    most = 0.0
    for mentions in documents:
        before = clusterer.comparisons
        clusterer.add_document(mentions)
        most = max(most, (clusterer.comparisons - before) / max(len(mentions), 1))
    return clusterer.comparisons / sum(len(m) for m in documents), most


@pytest.mark.parametrize("options", [
    ClusterOptions(),
    ClusterOptions(min_context=1.01),
    # a bar date and place alone can pass: every cluster of the days is a candidate (no caps)
    ClusterOptions(min_score=2.0, max_candidates=10**6, max_posting=10**6, max_members=10**6),
    ClusterOptions(publication_window_days=4, explicit_window_days=2, max_km=30.0),
])
def test_blocking_finds_every_cluster_a_dated_mention_could_join(options):
    documents = synthetic(240, 30, seed=7)
    blocked, reference = _links(EventClusterer(options), documents), _links(EveryCluster(options), documents)
    assert sum(1 for link in reference if link[4]) > 100  # many joins, not a trivial case
    assert blocked == reference


def _mention(event_id: str, doc: str, day: int | None, **kw) -> EventMention:
    base = dict(event_id=event_id, document_id=doc, type="ASSAULT", family="ASSAULT",
                reality="actual", modality="asserted", trigger="attacked", place_country="USA",
                date=None if day is None else date.fromordinal(START + day).isoformat(),
                date_granularity=None if day is None else "day")
    return EventMention(**{**base, **kw})


def test_a_true_match_inside_the_window_survives_the_caps():
    """Forty look-alikes on the same days share the common words; the report of the same
    happening two days later shares its names and numbers too, and still finds it."""
    words = ["police", "city", "officials", "station"]
    clusterer = EventClusterer(ClusterOptions(max_candidates=8, max_posting=8))
    clusterer.add_document([_mention("true", "d0", 0, source_names=["gunmen"], numbers=[3.0],
                                     context=words)])
    for i in range(40):
        clusterer.add_document([_mention(f"other{i}", f"o{i}", i % 3, source_names=[f"group{i}"],
                                         context=words)])
    [link] = clusterer.add_document([_mention("again", "d1", 2, source_names=["gunmen"],
                                              numbers=[3.0], context=words)])
    assert link.cluster_id == clusterer.cluster_of("true") and "numbers" in link.matched


def test_an_undated_mention_looks_at_undated_clusters_and_the_latest_week():
    """The bounded policy for mentions with no date at all (none in the text, no publication
    date): they fit any date, so they are compared with undated clusters and with those of the
    week up to the latest day their type has seen; an older match is missed."""
    def run(clusterer: EventClusterer) -> dict[str, str]:
        clusterer.add_document([_mention("old", "a", 0, source_names=["militia"], numbers=[12.0])])
        clusterer.add_document([_mention("undated", "b", None, source_names=["army"],
                                         numbers=[5.0])])
        for day in range(1, 30):  # a month of other news
            clusterer.add_document([_mention(f"x{day}", f"x{day}", day,
                                             source_names=[f"group{day}"])])
        clusterer.add_document([_mention("recent", "c", 25, source_names=["rebels"],
                                         numbers=[7.0])])
        clusterer.add_document([_mention("u-recent", "d", None, source_names=["rebels"],
                                         numbers=[7.0])])
        clusterer.add_document([_mention("u-undated", "e", None, source_names=["army"],
                                         numbers=[5.0])])
        clusterer.add_document([_mention("u-old", "f", None, source_names=["militia"],
                                         numbers=[12.0])])
        return clusterer.assignments()

    blocked, every = run(EventClusterer()), run(EveryCluster())
    assert blocked["u-recent"] == blocked["recent"] and blocked["u-undated"] == blocked["undated"]
    assert every["u-old"] == every["old"]  # comparing with everything finds the month-old match
    assert blocked["u-old"] != blocked["old"]  # the bound does not look that far back


def test_comparisons_per_mention_do_not_grow_with_the_collection():
    """30 documents a day, 8 times as many documents: the same comparisons per mention."""
    small, _ = _comparisons_per_mention(synthetic(300, 30), ClusterOptions())
    large, most = _comparisons_per_mention(synthetic(2400, 30), ClusterOptions())
    assert large <= 1.3 * small
    options = ClusterOptions()
    assert most <= options.max_candidates * options.max_members


def test_comparisons_stay_bounded_when_every_document_is_of_one_day():
    """A million reports a day: the caps, not the date, bound the work. They fill up as the
    day's clusters pass them, then the comparisons per mention stay flat."""
    options = ClusterOptions(max_candidates=4, max_posting=8, max_members=2)
    small, _ = _comparisons_per_mention(synthetic(300, 10**6), options)
    large, most = _comparisons_per_mention(synthetic(2400, 10**6), options)
    assert large <= 1.3 * small
    assert most <= options.max_candidates * options.max_members


def test_bounds_below_one_are_refused():
    from wirecoder.dedup.runner import DedupOptionError, check_options

    for bound in ("max_candidates", "max_posting", "max_members"):
        with pytest.raises(DedupOptionError, match="W060"):
            check_options(0.4, ClusterOptions(**{bound: 0}))
