"""Two-level clustering (#21): documents into stories, then events within a story by trigger key
and related type families; no link crosses stories, and every link says why."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from wirecoder.dedup import ClusterOptions, EventClusterer
from wirecoder.dedup.lemmas import trigger_key
from wirecoder.dedup.records import EventMention
from wirecoder.dedup.stories import StoryIndex, StoryOptions, document_terms

DAY = datetime(2025, 3, 4, 9, tzinfo=UTC)
PIRATES = ("Somali pirates captured the Saudi supertanker Sirius Star off the Kenyan coast near "
           "Mombasa; the crew of 25 is held hostage while the owners Vela International talk "
           "about a ransom.")
PIRATES_AGAIN = ("The supertanker Sirius Star, owned by Vela International, was seized by "
                 "Somali pirates near Mombasa and its crew of 25 held; a ransom is demanded.")
PIRATES_LATER = ("Vela International said the Sirius Star crew were unharmed as pirates "
                 "anchored the supertanker off Somalia awaiting a ransom.")
QUAKE = ("A magnitude 6.1 earthquake struck the Indonesian province of Papua, destroying "
         "houses in Manokwari and killing at least four people, the geophysics agency said.")


def test_inflections_of_a_trigger_share_one_key():
    assert trigger_key("captured") == trigger_key("capturing") == trigger_key("captures")
    assert trigger_key("shot") == trigger_key("shooting") == trigger_key("shoots")
    assert trigger_key("stopped") == trigger_key("stop")
    assert trigger_key("died") == trigger_key("dies") == trigger_key("dying")
    assert trigger_key("called it off") == trigger_key("calls off")
    assert trigger_key("arrested") != trigger_key("captured")
    assert trigger_key("negotiations") == trigger_key("negotiating")
    assert trigger_key("agreement") == trigger_key("agreed") == trigger_key("agrees")
    assert trigger_key("arrival") == trigger_key("arrived")


def _add(index: StoryIndex, doc: str, text: str, when: datetime | None = None):
    return index.add(doc, document_terms([text]), when)


def _background(index: StoryIndex) -> None:
    """Other news, so that common words weigh little (as in any real collection)."""
    rng = random.Random(3)
    words = ("government minister said officials police city report week people country "
             "market talks election court").split()
    for i in range(30):
        _add(index, f"bg{i}", " ".join(rng.choice(words) for _ in range(40)) + f" topic{i}")


def test_reports_of_one_happening_share_a_story_and_say_why():
    index = StoryIndex()
    _background(index)
    first = _add(index, "p1", PIRATES, DAY)
    again = _add(index, "p2", PIRATES_AGAIN, DAY + timedelta(hours=5))
    quake = _add(index, "q1", QUAKE, DAY)
    assert not first.joined and again.joined and again.story_id == first.story_id
    assert {"sirius", "vela"} <= set(again.shared) and again.score >= index.options.threshold
    assert not quake.joined and quake.story_id != first.story_id
    assert index.stories()[first.story_id] == ["p1", "p2"]


def test_follow_ups_days_later_join_but_not_past_the_window():
    index = StoryIndex(StoryOptions(window_days=14))
    _background(index)
    first = _add(index, "p1", PIRATES, DAY)
    later = _add(index, "p2", PIRATES_AGAIN, DAY + timedelta(days=6))
    # the window runs from the story's latest report: 6 + 12 days is within it
    latest = _add(index, "p3", PIRATES_LATER, DAY + timedelta(days=18))
    assert later.story_id == latest.story_id == first.story_id
    stale = _add(index, "p4", PIRATES_AGAIN, DAY + timedelta(days=60))
    assert stale.story_id != first.story_id


def test_the_first_documents_already_weigh_common_words_little():
    # the background stories (lang/en/news_df.tsv) tell an empty index that "police" is common
    index = StoryIndex()
    assert index._idf("police") < index._idf("pirates") < index._idf("zzqxunseen")
    plain = StoryIndex(StoryOptions(background=False))
    assert plain._idf("police") == plain._idf("pirates") == plain._idf("zzqxunseen")


def test_a_background_table_counts_each_story_once():
    from wirecoder.dedup.build_background import DOCUMENTS_ROW, background_counts, render

    texts = ["Pirates met police, pirates fled", "Police came", "The quake"]
    counts = background_counts(texts)
    assert counts["pirates"] == 1 and counts["police"] == 2 and "the" not in counts
    lines = render(texts).splitlines()
    assert f"{DOCUMENTS_ROW}\t3" in lines and "police\t2" in lines and "pirates\t1" not in lines


def test_story_terms_count_names_per_mention_and_a_persons_surname():
    from wirecoder.dedup.stories import NAME_WEIGHT, story_terms
    from wirecoder.records import Actor, Analysis, Document, Span

    text = "Tara Reid entered rehab. Reid is 33. People magazine said so."
    reid = Actor(id="a1", name="Tara Reid", kind="person",
                 mentions=[Span(start=0, end=9, text="Tara Reid"), Span(start=25, end=29, text="Reid")])
    people = Actor(id="a2", name="People magazine", kind="organization",
                   mentions=[Span(start=37, end=52, text="People magazine")])
    analysis = Analysis(coder_version="test", stages=[], actors=[reid, people],
                        document=Document(id="d1", text=text, original_text=text))
    terms = story_terms(analysis)
    assert terms["=tara reid"] == terms["=reid"] == 2 * NAME_WEIGHT
    assert terms["=people magazine"] == NAME_WEIGHT and "=magazine" not in terms
    assert terms["rehab"] == 1


def _m(event_id: str, doc: str, story: str | None, **kw) -> EventMention:
    base = dict(event_id=event_id, document_id=doc, type="ASSAULT", family="ASSAULT",
                reality="actual", modality="asserted", trigger="captured", story=story,
                context=["pirates", "supertanker"])
    base.update(kw)
    return EventMention(**base)


def test_within_a_story_inflections_and_related_types_merge():
    clusterer = EventClusterer()
    clusterer.add_document([_m("a", "d1", "s1", trigger="captured")])
    [link] = clusterer.add_document([_m("b", "d2", "s1", trigger="capturing", type="COERCE",
                                        family="COERCE")])
    assert link.cluster_id == clusterer.cluster_of("a")
    assert "lemma=captur" in link.matched and "group" in link.matched and link.joined == "a"


def test_outside_a_story_the_type_families_stay_apart():
    clusterer = EventClusterer(ClusterOptions(min_score=0.0))
    clusterer.add_document([_m("a", "d1", None)])
    clusterer.add_document([_m("b", "d2", None, type="COERCE", family="COERCE")])
    assert clusterer.cluster_of("a") != clusterer.cluster_of("b")


@pytest.mark.parametrize("other", [
    dict(story="s2"),  # the same words in another story: no chaining across stories
    dict(type="THREATEN", family="THREATEN", reality="potential", modality="threatened"),
    dict(reality="potential", modality="planned"),
    dict(place_country="KEN", latitude=-4.05, longitude=39.67,  # Mombasa and Mogadishu
         place_precision="locality"),
])
def test_hard_rules_hold_within_a_story(other):
    clusterer = EventClusterer(ClusterOptions(min_score=0.0, story_min_score=0.0))
    clusterer.add_document([_m("a", "d1", "s1", place_country="SOM", latitude=2.04,
                               longitude=45.34, place_precision="locality")])
    clusterer.add_document([_m("b", "d2", other.pop("story", "s1"), **other)])
    assert clusterer.cluster_of("a") != clusterer.cluster_of("b")


def test_a_documents_repeated_trigger_follows_its_first_mention():
    clusterer = EventClusterer(ClusterOptions(story_same_document=True))
    links = clusterer.add_document([_m("a", "d1", "s1", trigger="quake"),
                                    _m("b", "d1", "s1", trigger="the quakes"),
                                    _m("c", "d1", "s1", trigger="fled")])
    assert links[1].cluster_id == links[0].cluster_id and "same-document" in links[1].matched
    assert links[2].cluster_id != links[0].cluster_id
    # without a story, a document's mentions stay in clusters of their own
    plain = EventClusterer().add_document([_m("a2", "d9", None, trigger="quake"),
                                           _m("b2", "d9", None, trigger="quake")])
    assert plain[0].cluster_id != plain[1].cluster_id


def test_story_comparisons_per_document_stay_bounded():
    # a small vocabulary: every document shares words with every other, so only the bounds
    # (postings read, candidates compared, members per story) keep the work per document flat
    rng = random.Random(0)
    vocabulary = [f"w{i}" for i in range(200)]
    index = StoryIndex(StoryOptions(threshold=0.9))  # (almost) every document its own story
    costs = []
    for k in range(1200):
        before = index.comparisons
        _add(index, f"d{k}", " ".join(rng.choice(vocabulary) for _ in range(40)))
        costs.append(index.comparisons - before)
    o = index.options
    assert max(costs) <= o.max_candidates * o.max_members
    early, late = sum(costs[200:400]), sum(costs[1000:1200])
    assert late <= 1.3 * early, (early, late)


def test_a_role_named_differently_outweighs_the_type_within_a_story():
    clusterer = EventClusterer()
    clusterer.add_document([_m("a", "d1", "s1", trigger="shot", target_names=["keith scott"])])
    [link] = clusterer.add_document([_m("b", "d2", "s1", trigger="shooting", context=["tulsa"],
                                        target_names=["terence crutcher"])])
    assert link.cluster_id != clusterer.cluster_of("a")
    [same] = clusterer.add_document([_m("c", "d3", "s1", trigger="shoots", context=["crowd"],
                                        target_names=["keith scott", "a man"])])
    assert same.cluster_id == clusterer.cluster_of("a")
    assert {"lemma=shoot", "target"} <= set(same.matched)


def test_a_name_sharing_a_word_is_not_named_differently_within_a_story():
    # "deputy Ortiz" and "Luis Gerardo Jerry Ortiz" are one man; "police" is not "Greek police"'s
    # opposite either: no penalty, so the shared trigger key links them
    clusterer = EventClusterer()
    clusterer.add_document([_m("a", "d1", "s1", trigger="shot", target_names=["deputy ortiz"],
                               source_names=["greek police"])])
    [link] = clusterer.add_document([_m("b", "d2", "s1", trigger="shooting", context=["gang"],
                                        target_names=["luis gerardo jerry ortiz"],
                                        source_names=["police"])])
    assert link.cluster_id == clusterer.cluster_of("a")
    assert not any(m.startswith("other-") for m in link.matched)


def test_a_near_copy_joins_its_originals_story_and_is_held_to_the_plain_rules():
    clusterer = EventClusterer()
    clusterer.place("orig", document_terms([PIRATES]))
    link = clusterer.place("copy", document_terms([QUAKE]), copy_of="orig")
    assert link.story_id == clusterer.stories.story_of("orig") and link.copy_of == "orig"
    clusterer.add_document([_m("a", "orig", link.story_id, trigger="captured")])
    [plain] = clusterer.add_document([_m("b", "copy", link.story_id, trigger="capturing",
                                         copy_of="orig", context=["other", "words"])])
    assert plain.cluster_id != clusterer.cluster_of("a")  # a trigger alone is not enough


def test_a_cluster_counts_independent_reports_and_keeps_the_surest_coding():
    clusterer = EventClusterer()
    clusterer.add_document([_m("a", "wire", "s1", outlet="AP", confidence=0.6)])
    clusterer.add_document([_m("b", "reprint", "s1", outlet="BBC", copy_of="wire",
                               confidence=0.4)])
    clusterer.add_document([_m("c", "second", "s1", outlet="AP", confidence=0.5)])
    clusterer.add_document([_m("d", "blog", "s1", type="COERCE", family="COERCE",
                               trigger="capturing", confidence=0.9)])
    [cluster] = clusterer.clusters()
    assert cluster.source_count == 4
    assert cluster.independent_sources == 2  # AP (with its reprint, and again), the blog
    assert (cluster.best_event_id, cluster.type, cluster.confidence) == ("d", "COERCE", 0.9)
    assert cluster.story_id == "s1"


def test_a_negative_story_window_is_refused():
    from wirecoder.dedup.runner import DedupOptionError, check_options

    with pytest.raises(DedupOptionError, match="W060"):
        check_options(0.4, ClusterOptions(story=StoryOptions(window_days=-1)))


def test_a_later_run_places_a_follow_up_in_the_story_an_earlier_run_made(tmp_path, pipeline):
    import json

    from wirecoder.dedup.runner import run_dedup, stored_clusters
    from wirecoder.store import ingest

    db = f"sqlite:///{tmp_path / 'stories.db'}"
    docs = [("first", "Cartel gunmen attacked a police station in Fronton, Texas, on Monday, "
                      "killing three officers, officials said. The sheriff said the gunmen fled "
                      "toward the Rio Grande.", "2025-03-04"),
            ("second", "Two days after cartel gunmen attacked the Fronton police station and "
                       "killed three officers, the sheriff asked for more patrols along the Rio "
                       "Grande.", "2025-03-06")]
    for doc_id, text, day in docs:
        path = tmp_path / f"{doc_id}.jsonl"
        path.write_text(json.dumps({"id": doc_id, "text": text, "published": day}), "utf-8")
        ingest([path], db, progress=False, pipeline=pipeline)
        run_dedup(db)  # one run per document: the second restores the first's story
    stories = {}
    for cluster in stored_clusters(db):
        for member in cluster["members"]:
            stories.setdefault(member["document_id"], set()).add(cluster["story_id"])
    assert set(stories) == {"first", "second"}
    assert stories["first"] == stories["second"] and len(stories["first"]) == 1


def _boxing(index: StoryIndex, other: bool, n: int, prefix: str):
    """Reports of one of two title fights of one champion: the words of their kind are shared;
    the opponent, the city and the month are each fight's own."""
    kind = {"klitschko": 2, "heavyweight": 2, "knockout": 1, "title": 1}
    own = {"=thompson": 3, "bern": 2, "july": 1} if other else {"=rahman": 3, "mannheim": 2, "december": 1}
    return [index.add(f"{prefix}{i}", {**kind, **own, f"{prefix}detail{i}": 1}) for i in range(n)]


def _other_news(index: StoryIndex) -> None:
    for i in range(12):
        index.add(f"bg{i}", {f"other{i}": 3, "said": 2, "week": 1, f"topic{i}": 2})


DOUBT = dict(idf_power=2.0, threshold=0.16, doubt_ratio=0.55)  # off by default


def test_a_doubtful_report_stands_for_the_story_it_nearly_joined_until_a_second_joins_it():
    index = StoryIndex(StoryOptions(background=False, **DOUBT))
    _other_news(index)
    first = _boxing(index, False, 3, "a")
    story = first[0].story_id
    doubtful = _boxing(index, True, 1, "b")[0]
    # over the threshold with the first fight's reports, but far under their cohesion
    assert not doubtful.joined and doubtful.doubted and doubtful.doubted != story
    assert index.options.threshold <= doubtful.doubt[0] < index.options.doubt_ratio * doubtful.doubt[1]
    # alone, it is counted in the story it nearly joined (and its mentions compared there)
    assert doubtful.story_id == story and index.story_of("b0") == story
    assert index.stories()[story] == ["a0", "a1", "a2", "b0"]
    second = index.add("c0", {"klitschko": 2, "heavyweight": 2, "knockout": 1, "title": 1,
                              "=thompson": 3, "bern": 2, "july": 1})
    # a second report of the other fight joins it: it stands on its own
    assert second.joined and second.story_id == doubtful.doubted
    assert index.story_of("b0") == index.story_of("c0") == doubtful.doubted != story
    assert index.stories()[story] == ["a0", "a1", "a2"]
    assert index.stories()[doubtful.doubted] == ["b0", "c0"]


def test_without_doubt_the_other_fight_joins_the_first_ones_story():
    index = StoryIndex(StoryOptions(background=False, **{**DOUBT, "doubt_ratio": 0.0}))
    _other_news(index)
    story = _boxing(index, False, 3, "a")[0].story_id
    assert all(link.story_id == story for link in _boxing(index, True, 2, "b"))


def test_rare_terms_weigh_more_than_the_words_of_a_kind():
    """With idf squared the other fight's report (sharing only the words of the kind) is less
    like the first fight's reports than with plain idf, a report of the same fight as alike."""
    scores = {}
    for power in (1.0, 2.0):
        index = StoryIndex(StoryOptions(background=False, doubt_ratio=0.0, idf_power=power))
        _other_news(index)
        _boxing(index, False, 3, "a")
        kind = {"klitschko": 2, "heavyweight": 2, "knockout": 1, "title": 1}
        other = index.best_story({**kind, "=thompson": 3, "bern": 2, "july": 1})
        same = index.best_story({**kind, "=rahman": 3, "mannheim": 2, "december": 1})
        scores[power] = (other[1] if other else 0.0, same[1])
    assert scores[2.0][0] < scores[1.0][0] - 0.1
    assert scores[2.0][1] > 0.8 and scores[1.0][1] > 0.8


PIRATE_NAMES = {"sirius": 3, "supertanker": 2, "vela": 2, "pirates": 1, "said": 1}
PIRATE_RANSOM = {"mombasa": 3, "ransom": 2, "hostage": 2, "pirates": 1, "said": 1}
PIRATE_BOTH = {"sirius": 2, "supertanker": 1, "vela": 1, "mombasa": 2, "ransom": 2, "hostage": 1,
               "pirates": 1}


def _apart(merge_at: float) -> tuple[StoryIndex, list]:
    """Two reports of one hijacking worded apart (each starts a story), then one that tells both."""
    index = StoryIndex(StoryOptions(background=False, merge_at=merge_at))
    _other_news(index)
    return index, [index.add(d, t) for d, t in (("a", PIRATE_NAMES), ("c", PIRATE_RANSOM),
                                                  ("b", PIRATE_BOTH))]


def test_a_report_that_links_two_stories_of_one_happening_makes_them_one():
    index, (a, c, b) = _apart(StoryOptions().merge_at)
    assert not a.joined and not c.joined and a.story_id != c.story_id  # arrived apart
    assert b.joined and b.merged == (a.story_id,) and b.story_id == c.story_id
    assert index.story_of("a") == index.story_of("c") == index.story_of("b") == c.story_id
    assert index.stories()[c.story_id] == ["a", "c", "b"] and a.story_id not in index.stories()
    assert index.standing_id(a.story_id) == c.story_id
    # a document of an earlier run placed in the story merged away comes back in the merged one
    index.restore("z", {"vela": 1}, a.story_id)
    assert index.story_of("z") == c.story_id
    # and a later report of it finds the one story
    assert index.add("d", {"sirius": 2, "ransom": 2, "pirates": 1}).story_id == c.story_id


def test_without_merges_or_under_merge_at_the_stories_stay_apart():
    for merge_at in (0.0, 0.95):
        index, (a, c, b) = _apart(merge_at)
        assert b.joined and b.merged == () and index.story_of("a") != index.story_of("c")


def test_merged_stories_keep_their_mentions_clusters_and_count_one_record():
    from wirecoder.dedup import document_records

    clusterer = EventClusterer(ClusterOptions(story=StoryOptions(background=False)))
    _other_news(clusterer.stories)
    for doc, terms in (("a", PIRATE_NAMES), ("c", PIRATE_RANSOM), ("b", PIRATE_BOTH)):
        clusterer.add_placed(doc, terms, None, [_m(f"{doc}-e", doc, None)])
    assert clusterer.story_links["b"].merged == (clusterer.story_links["a"].story_id,)
    # b's event is compared within the story b was placed in (c's), a's stays in its own cluster
    assert clusterer.cluster_of("b-e") == clusterer.cluster_of("c-e") != clusterer.cluster_of("a-e")
    reports = document_records(clusterer)
    pirates = {d: r for d, r in reports.items() if d in "acb"}
    assert len({r.story_id for r in pirates.values()}) == 1
    assert {r.cluster_id for r in pirates.values()} == {clusterer.cluster_of("c-e")}
    assert pirates["a"].how == "story"


def test_a_later_run_puts_a_document_back_in_the_story_its_report_row_holds():
    """Its mentions hold the story they were placed in; the report row the story it stood in at
    the end of the run, after a merge (`StoryIndex._merge_alike`)."""
    from wirecoder.dedup.runner import _restore_stories

    for reported, expected in (({"a": "story_kept"}, "story_kept"), ({}, "story_gone"),
                               ({"a": None}, "story_gone")):
        clusterer = EventClusterer()
        _restore_stories(clusterer, {"a": [_m("a-e", "a", "story_gone")]}, reported)
        assert clusterer.stories.story_of("a") == expected
