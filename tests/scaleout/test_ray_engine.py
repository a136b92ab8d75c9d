"""`wirecoder ingest --engine ray` gives the same store as the local path (a local Ray cluster)."""

from __future__ import annotations

import json

import pytest

from wirecoder.scaleout import EngineError
from wirecoder.store import ingest, open_store


def _feed(tmp_path, seed_text: str):
    docs = [{"id": "seed", "text": seed_text, "published": "2025-01-31"}]
    docs += [{"id": f"short{i}", "text": text, "published": "2025-01-28"} for i, text in enumerate([
        "Cartel gunmen attacked a police station in Fronton, Texas, on Monday, officials said.",
        "The president threatened to impose tariffs on Mexico if the attacks continued.",
        "Rebels seized two villages near the border and the army sent reinforcements.",
        "The central bank left interest rates unchanged on Thursday.",
        "Protesters marched through the capital on Sunday demanding the minister resign.",
    ])]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(d) for d in docs), "utf-8")
    return feed


def _contents(db) -> tuple[list[str], dict[str, int]]:
    with open_store(db) as store:
        counts = {k: v for k, v in store.counts().items() if k != "runs"}
        return [a.to_json() for a in store.analyses()], counts


def test_ray_engine_gives_the_same_store_as_the_local_path(tmp_path, pipeline, seed_text):
    ray = pytest.importorskip("ray")
    feed = _feed(tmp_path, seed_text)
    local = ingest([feed], tmp_path / "local.db", progress=False, pipeline=pipeline)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        remote = ingest([feed], tmp_path / "ray.db", progress=False, pipeline=pipeline,
                        engine="ray", workers=2, batch_size=2, relevance_filter=False)
    finally:
        ray.shutdown()
    assert (local.stored, remote.stored) == (6, 6)
    assert remote.events == local.events > 0
    local_docs, local_counts = _contents(tmp_path / "local.db")
    ray_docs, ray_counts = _contents(tmp_path / "ray.db")
    assert ray_counts == local_counts
    assert ray_docs == local_docs


def test_unknown_engine_is_a_coded_error(tmp_path):
    with pytest.raises(EngineError, match="unknown engine"):
        ingest([tmp_path], tmp_path / "x.db", progress=False, engine="spark")
