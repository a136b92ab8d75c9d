"""Clusters by independent sources (#22): `wirecoder dedup` stores each cluster's independent
sources (outlets, a near copy counting with its original; migration 0010), so the listing sorts
and filters by them, on SQLite and PostgreSQL, and an older store gets them filled on upgrade."""

from __future__ import annotations

import json

import pytest

LEAD = ("Cartel gunmen attacked a police station in Fronton, Texas, on Monday, killing three "
        "officers, officials said. The attack came a day after the governor announced new "
        "patrols along the border.")
OTHER = ("Three police officers were killed on Monday when cartel gunmen attacked their station "
         "in Fronton, Texas, local officials told reporters. Residents described hours of "
         "gunfire in the border town, where the state had only just sent extra patrols.")


@pytest.fixture
def db(store_url):
    return store_url


def docs() -> list[dict]:
    return [
        {"id": "wire", "text": LEAD, "published": "2025-01-28", "url": "https://wire.example/a"},
        {"id": "copy", "text": LEAD.replace("three officers", "3 officers") + " More later.",
         "published": "2025-01-28", "url": "https://paper.example/b"},
        {"id": "own", "text": OTHER, "published": "2025-01-29", "url": "https://daily.example/c"},
    ]


def test_clusters_sort_and_filter_by_their_stored_independent_sources(tmp_path, pipeline, db):
    from wirecoder.dedup.listing import cluster_page
    from wirecoder.dedup.runner import run_dedup, stored_clusters
    from wirecoder.store import ingest, open_store
    from wirecoder.store.repository import migrate

    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(json.dumps(d) for d in docs()), "utf-8")
    ingest([path], db, progress=False, pipeline=pipeline)
    run_dedup(db)
    want = {c["id"]: c["independent_sources"] for c in stored_clusters(db, min_sources=1)}
    # the wire and its copy are one source, the own report another
    assert 2 in want.values() and 1 in want.values(), want

    def listed(**options) -> list[tuple[str, int]]:
        with open_store(db, read_only=True) as store:
            rows = cluster_page(store, limit=100, min_confidence=0, min_sources=1,
                                **options).rows
        return [(r["id"], r["independent_sources"]) for r in rows]

    by_independent = listed(sort="independent", order="desc")
    assert dict(by_independent) == want
    assert by_independent == sorted(want.items(), key=lambda kv: (-kv[1], kv[0]))
    assert listed(sort="independent", order="asc") == sorted(want.items(),
                                                            key=lambda kv: (kv[1], kv[0]))
    two = listed(sort="independent", min_independent=2)
    assert two and {n for _, n in two} == {2} and len(two) == list(want.values()).count(2)
    # a store made before migration 0010 gets the column filled from the members' features
    migrate(db, "0009")
    migrate(db)
    assert dict(listed(sort="independent")) == want


def test_independent_filter_and_sort_are_checked(tmp_path):
    from wirecoder.dedup.listing import cluster_page
    from wirecoder.store import open_store
    from wirecoder.store.errors import BadFilter

    with open_store(f"sqlite:///{tmp_path / 'empty.db'}") as store:
        assert cluster_page(store, sort="independent").rows == []
        with pytest.raises(BadFilter, match="min_independent"):
            cluster_page(store, min_independent=0)
