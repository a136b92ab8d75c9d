"""Within a story, a mention that reaches two clusters merges them (#21): an early report worded
apart started a cluster of its own, and a later one that links both shows they are one event.
The store follows the merge (members moved, the merged cluster's row gone). A report that names
the event twice ("the blast ... the blast") puts both mentions in its cluster."""

from __future__ import annotations

import json

from wirecoder.dedup import ClusterOptions, EventClusterer
from wirecoder.dedup.records import EventMention

# a and b share too little to link; c shares a's trigger and b's target, numbers and words
FEATURES = {
    "a": dict(trigger="hijacked", source_names=["somali pirates"], context=["gulf", "aden"]),
    "b": dict(trigger="boarded", target_names=["sirius star"], numbers=[25.0],
              context=["tanker", "crew", "ransom"]),
    "c": dict(trigger="hijacking", target_names=["sirius star"], numbers=[25.0],
              context=["tanker", "crew", "ransom"]),
}


def _m(event_id: str, doc: str, story: str | None = "s1", **kw) -> EventMention:
    base = dict(event_id=event_id, document_id=doc, type="ASSAULT", family="ASSAULT",
                reality="actual", modality="asserted", story=story, **FEATURES.get(doc, {}))
    base.update(kw)
    return EventMention(**base)


def _run(options: ClusterOptions | None = None, **c_kw) -> EventClusterer:
    clusterer = EventClusterer(options)
    for doc in "ab":
        clusterer.add_document([_m(doc, doc)])
    clusterer.add_document([_m("c", "c", **c_kw)])
    return clusterer


def test_a_mention_reaching_two_clusters_of_its_story_merges_them():
    clusterer = _run()
    assert clusterer.cluster_of("a") == clusterer.cluster_of("b") == clusterer.cluster_of("c")
    [cluster] = clusterer.clusters()
    assert sorted(cluster.mention_ids) == ["a", "b", "c"] and cluster.source_count == 3
    bridge = next(link for link in cluster.links if link.event_id == "c")
    assert any(m.startswith("merged=") for m in bridge.matched)  # the link says why
    assert {link.cluster_id for link in cluster.links} == {cluster.id}
    [(gone, into)] = clusterer.take_merges()
    assert into == cluster.id and gone != into and clusterer.take_merges() == []


def test_no_merge_without_a_story_when_off_or_when_a_role_is_named_otherwise():
    apart = [_run(ClusterOptions(story_bridge=False)),
             _run(source_names=["indian navy"])]  # c names a's source otherwise
    for clusterer in apart:
        assert clusterer.cluster_of("a") != clusterer.cluster_of("b")
    plain = EventClusterer(ClusterOptions(stories=False, min_score=4.0))
    for doc in "abc":
        plain.add_document([_m(doc, doc, story=None)])
    assert plain.cluster_of("a") != plain.cluster_of("b")


def test_merged_clusters_still_find_their_candidates():
    clusterer = _run()
    [link] = clusterer.add_document([_m("d", "d", trigger="hijacked",
                                        source_names=["somali pirates"], context=["gulf"])])
    assert link.cluster_id == clusterer.cluster_of("b")


def _blast(event_id: str, doc: str, story: str | None = "s1", **kw) -> EventMention:
    return _m(event_id, doc, story, **{"trigger": "blast", "context": [event_id],
                                       "source_names": ["bomb"], **kw})


def test_a_report_naming_the_event_twice_puts_both_mentions_in_its_cluster():
    clusterer = EventClusterer()
    clusterer.add_document([_blast("a", "d1")])
    links = clusterer.add_document([_blast("b1", "d2"), _blast("b2", "d2", trigger="the blasts")])
    assert {link.cluster_id for link in links} == {clusterer.cluster_of("a")}
    assert "repeat" in links[1].matched
    [cluster] = clusterer.clusters()
    assert cluster.source_count == 2 and len(cluster.mention_ids) == 3


def test_a_second_mention_stays_apart_when_named_otherwise_or_outside_a_story():
    for options, story, other in ((None, "s1", dict(source_names=["car bomb"], target_names=[
            "police station"])), (ClusterOptions(story_repeat=False), "s1", {}),
                                  (ClusterOptions(stories=False, min_score=4.0), None, {})):
        clusterer = EventClusterer(options)
        clusterer.add_document([_blast("a", "d1", story, target_names=["bank"])])
        links = clusterer.add_document([_blast("b1", "d2", story, target_names=["bank"]),
                                        _blast("b2", "d2", story, **{"target_names": ["bank"],
                                                                     **other})])
        assert links[0].cluster_id == clusterer.cluster_of("a") != links[1].cluster_id


def test_the_store_follows_a_merge(tmp_path, pipeline, monkeypatch):
    from sqlalchemy import func, select

    from wirecoder.dedup import runner
    from wirecoder.dedup.runner import run_dedup, stored_clusters
    from wirecoder.store import ingest, open_store
    from wirecoder.store.schema import EventClusterRow

    db = f"sqlite:///{tmp_path / 'bridge.db'}"
    texts = {"a": "Cartel gunmen attacked a police station in Fronton, Texas, on Monday, "
                  "killing three officers, officials said.",
             "b": "Pirates attacked the Sirius Star and held its 25 sailors for ransom.",
             "c": "Gunmen boarded the Saudi tanker Sirius Star and seized its 25 crew."}
    # the features are given, one mention per document, all in one story: the test is of the
    # store, not of the coder
    monkeypatch.setattr(runner, "story_terms", lambda analysis: {"=sirius star": 4})
    monkeypatch.setattr(runner, "_mentions", lambda analysis: [EventMention(
        **{**_m(analysis.document.id, analysis.document.id).model_dump(),
           "event_id": analysis.events[0].id})])
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps({"id": doc, "text": text, "published": "2025-03-04"})
                              for doc, text in texts.items()), "utf-8")
    ingest([path], db, progress=False, pipeline=pipeline)
    # one document per chunk: the merge reaches rows written in earlier transactions
    assert run_dedup(db, chunk=1).documents == 3
    [cluster] = [c for c in stored_clusters(db) if len(c["members"]) > 1]
    assert sorted(m["document_id"] for m in cluster["members"]) == ["a", "b", "c"]
    assert cluster["source_count"] == 3
    with open_store(db) as store, store.engine.connect() as conn:
        clusters = conn.execute(select(func.count()).select_from(EventClusterRow.__table__)).scalar()
    assert clusters == 1  # the merged cluster's row is gone
    assert run_dedup(db).documents == 0  # a later run restores the merged cluster as stored
    assert [len(c["members"]) for c in stored_clusters(db)] == [3]
