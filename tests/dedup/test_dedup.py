"""Near-duplicate documents and cross-document event clusters, including the rule that a threat
(or a plan, or a supposition) is never merged with the act itself."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from wirecoder.dedup import ClusterOptions, EventClusterer, NearDuplicateIndex, mentions_of
from wirecoder.dedup.records import EventMention
from wirecoder.dedup.shingles import normalise, shingles
from wirecoder.evaluate.dedup import bcubed

WIRE = ("Gunmen opened fire on a police station in Fronton, Texas, on Monday, killing 3 officers "
        "and wounding 1,200 residents' hopes of a quiet election, the sheriff said. The attack "
        "came a day after the governor announced new patrols along the border. Officials said "
        "the suspects fled toward the river and that a search involving helicopters and dogs "
        "went on through the night. Schools in the county stayed closed on Tuesday.")


def test_number_and_date_formats_shingle_alike():
    assert normalise("On Jan. 27, 1,000 people") == normalise("On January 27, 1000 people")
    assert normalise("27th January") == normalise("January 27")
    assert shingles("Jan. 27 it rained 1,000 times") == shingles("27 January it rained 1000 times")


def test_copies_link_to_the_first_document_and_others_do_not():
    index = NearDuplicateIndex()
    assert index.add("orig", WIRE) is None
    copy = WIRE.replace("1,200", "1200").replace("on Monday", "Monday") + " More follows."
    link = index.add("copy", copy)
    assert link is not None and link.duplicate_of == "orig" and link.similarity >= 0.5
    # a copy of the copy points at the original, not at the copy
    again = index.add("copy2", copy.replace("Schools", "All schools"))
    assert again is not None and again.duplicate_of == "orig"
    assert index.add("other", "The central bank left interest rates unchanged on Thursday, "
                              "citing slowing inflation and a weaker labour market.") is None
    assert len(index) == 4


def test_saved_signatures_restore_the_index():
    first = NearDuplicateIndex()
    first.add("orig", WIRE)
    second = NearDuplicateIndex()
    second.add_signature("orig", first.signature("orig"))
    link = second.add("copy", WIRE + " Updated.")
    assert link is not None and link.duplicate_of == "orig"


def _mention(event_id: str, doc: str, **kw) -> EventMention:
    base = dict(event_id=event_id, document_id=doc, type="ASSAULT", family="ASSAULT",
                reality="actual", modality="asserted", source_names=["gunmen"],
                target_names=["police station"], date="2025-01-27", date_granularity="day",
                date_from_publication=False, place_name="Fronton", place_precision="locality",
                place_country="USA", latitude=26.40, longitude=-99.08, numbers=[3.0],
                context=["fronton", "gunmen", "police", "station", "monday", "fire"],
                trigger="opened fire")
    base.update(kw)
    return EventMention(**base)


def test_matching_mentions_merge_and_say_why():
    clusterer = EventClusterer()
    clusterer.add_document([_mention("e1", "d1")])
    [link] = clusterer.add_document([_mention("e2", "d2", date_from_publication=True)])
    assert link.cluster_id == clusterer.cluster_of("e1")
    assert {"type", "date", "source", "target", "numbers", "trigger"} <= set(link.matched)
    assert any(m.startswith("place") for m in link.matched)
    [cluster] = clusterer.clusters()
    assert cluster.source_count == 2 and cluster.mention_ids == ["e1", "e2"]
    assert cluster.date == "2025-01-27" and cluster.place_name == "Fronton"


@pytest.mark.parametrize("other", [
    dict(type="THREATEN", family="THREATEN", reality="potential", modality="threatened"),
    dict(reality="potential", modality="planned"),
    dict(reality="potential", modality="hypothetical"),
    dict(type="THREATEN", family="THREATEN", reality="potential", modality="reported"),
    dict(reality="negated", modality="negated"),
])
def test_threats_plans_and_denials_never_merge_with_the_attack(other):
    clusterer = EventClusterer(ClusterOptions(min_score=0.0))  # even with no bar at all
    clusterer.add_document([_mention("attack", "d1")])
    clusterer.add_document([_mention("threat", "d2", **other)])
    assert clusterer.cluster_of("attack") != clusterer.cluster_of("threat")
    assert clusterer.compare(_mention("attack", "d1"), _mention("threat", "d2", **other)) is None


@pytest.mark.parametrize("change", [
    dict(date="2025-01-20"),  # a week apart
    dict(latitude=29.42, longitude=-98.49),  # San Antonio, 400 km away
    dict(place_country="MEX"),
    dict(document_id="d1"),  # the same document
])
def test_far_dates_far_places_and_the_same_document_keep_apart(change):
    clusterer = EventClusterer(ClusterOptions(min_score=0.0))
    clusterer.add_document([_mention("e1", "d1")])
    clusterer.add_document([_mention("e2", change.pop("document_id", "d2"), **change)])
    assert clusterer.cluster_of("e1") != clusterer.cluster_of("e2")


def test_unrelated_mentions_stay_apart():
    clusterer = EventClusterer()
    clusterer.add_document([_mention("e1", "d1")])
    clusterer.add_document([_mention("e2", "d2", source_names=["army"], target_names=["rebels"],
                                     numbers=[], trigger="shelled", place_name=None,
                                     latitude=None, longitude=None, place_country=None,
                                     context=["army", "shelled", "rebels", "hills"])])
    assert clusterer.cluster_of("e1") != clusterer.cluster_of("e2")


def test_bcubed():
    gold = {"a": 1, "b": 1, "c": 2, "d": 2}
    assert bcubed({"a": 1, "b": 1, "c": 2, "d": 2}, gold) == (1.0, 1.0, 1.0)
    p, r, _ = bcubed({"a": 0, "b": 0, "c": 0, "d": 0}, gold)
    assert (p, r) == (0.5, 1.0)
    p, r, _ = bcubed({"a": 1, "b": 2, "c": 3, "d": 4}, gold)
    assert (p, r) == (1.0, 0.5)


PUBLISHED = datetime(2025, 1, 28, tzinfo=UTC)


def _events(pipeline, text: str, doc_id: str):
    from wirecoder.ingest.base import RawDocument

    return pipeline.analyze(RawDocument(text=text, published=PUBLISHED, doc_id=doc_id))


def test_pipeline_attack_reports_merge_and_the_threat_stays_apart(pipeline):
    attack = _events(pipeline, "Cartel gunmen attacked a police station in Fronton, Texas, "
                               "on Monday, officials said.", "attack")
    retold = _events(pipeline, "On Monday, cartel gunmen attacked a police station in "
                               "Fronton, Texas.", "retold")
    threat = _events(pipeline, "Cartel gunmen threatened to attack a police station in "
                               "Fronton, Texas, on Monday.", "threat")
    kinds = {m.event_id: m for a in (attack, retold, threat) for m in mentions_of(a)}
    assert any(m.type == "ASSAULT" and m.reality == "actual" for m in kinds.values())
    assert any(m.reality == "potential" for m in kinds.values())
    clusterer = EventClusterer()
    for analysis in (attack, threat, retold):
        clusterer.add_analysis(analysis)
    by_cluster = {}
    for event_id, cluster in clusterer.assignments().items():
        by_cluster.setdefault(cluster, set()).add(kinds[event_id].reality)
    assert all(len(realities) == 1 for realities in by_cluster.values())
    assault = [e for e, m in kinds.items() if m.type == "ASSAULT" and m.reality == "actual"]
    assert len({clusterer.cluster_of(e) for e in assault}) == 1 and len(assault) == 2


@pytest.fixture
def db(store_url):
    """An empty store on SQLite and on PostgreSQL (tests/conftest.py)."""
    return store_url


def test_store_dedup_is_incremental_and_keeps_every_document(tmp_path, pipeline, db):
    import json

    from sqlalchemy import select

    from wirecoder.dedup.runner import run_dedup, stored_clusters
    from wirecoder.store import ingest, open_store
    from wirecoder.store.schema import DocumentDuplicateRow

    lead = ("Cartel gunmen attacked a police station in Fronton, Texas, on Monday, killing three "
            "officers, officials said. The attack came a day after the governor announced new "
            "patrols along the border.")
    docs = [{"id": "wire", "text": lead, "published": "2025-01-28"},
            {"id": "copy", "text": lead.replace("three officers", "3 officers") + " More later.",
             "published": "2025-01-28"}]
    first = tmp_path / "first.jsonl"
    first.write_text(json.dumps(docs[0]), "utf-8")
    second = tmp_path / "second.jsonl"
    second.write_text(json.dumps(docs[1]), "utf-8")
    ingest([first], db, progress=False, pipeline=pipeline)
    one = run_dedup(db)
    assert (one.documents, one.duplicates, one.joined) == (1, 0, 0) and one.clusters >= 1
    ingest([second], db, progress=False, pipeline=pipeline)
    two = run_dedup(db)
    assert (two.documents, two.duplicates) == (1, 1) and two.joined >= 1
    assert run_dedup(db).documents == 0  # nothing new: nothing done
    with open_store(db) as store:
        assert sorted(store.document_ids()) == ["copy", "wire"]  # nothing deleted
        with store.engine.connect() as conn:
            [link] = conn.execute(select(DocumentDuplicateRow.__table__)).all()
        assert (link.document_id, link.duplicate_of) == ("copy", "wire")
    attacks = [c for c in stored_clusters(db, min_sources=2) if c["type"] == "ASSAULT"]
    assert attacks  # "attacked", "killing": each one event reported twice
    for attack in attacks:
        assert attack["source_count"] == 2 and attack["reality"] == "actual"
        assert attack["independent_sources"] == 1, "the copy is the wire's report again"
        assert {m["document_id"] for m in attack["members"]} == {"wire", "copy"}
        assert attack["members"][1]["matched"]  # the joining mention says what matched


def test_constructed_copies_keep_their_provenance():
    import random

    from wirecoder.dedup.collection import (
        SourceArticle,
        make_version,
        paraphrase_formats,
        rewrite_lead,
    )

    rng = random.Random(0)
    assert paraphrase_formats("Police said 1,000 people marched.", rng) == \
        "Police said 1000 people marched."
    assert "10%" in paraphrase_formats("Turnout rose 10 percent.", rng)
    dates = {paraphrase_formats("On 27 January, 3 died.", random.Random(seed)) for seed in range(8)}
    assert "On Jan. 27, 3 died." in dates
    assert rewrite_lead("Gunmen attacked a bus in the north, police said.") == \
        "Police said Gunmen attacked a bus in the north."
    assert rewrite_lead("A bomb exploded near the market on Friday, killing four.") == \
        "On Friday, a bomb exploded near the market, killing four."
    paragraphs = [["A bomb exploded near the market on Friday, killing 1,000 goats.",
                   "Officials said the government would investigate."],
                  ["Residents fled the town."], ["The army arrived at night."],
                  ["Schools closed for a week."], ["Markets reopened on Sunday."]]
    article = SourceArticle("t:1", paragraphs, None)
    flat = [s for p in paragraphs for s in p]
    original = make_version(article, 0, random.Random(0))
    assert original.text == "\n\n".join(" ".join(p) for p in paragraphs)
    for i in range(1, 4):
        version = make_version(article, i, random.Random(i))
        assert version.text != original.text
        for n, (start, source) in enumerate(zip(version.unit_starts, version.unit_sources,
                                                strict=True)):
            assert version.source_sentence(start) == source
            end = version.unit_starts[n + 1] if n + 1 < len(version.unit_starts) else None
            unit = version.text[start:end].strip()
            # the unit is its source sentence give or take the paraphrases: same last word
            assert unit.rstrip(".").split()[-1] == flat[source].rstrip(".").split()[-1]
