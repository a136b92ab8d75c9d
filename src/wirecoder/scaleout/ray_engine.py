"""`wirecoder ingest --engine ray`: the pipeline runs in Ray actors through Ray Data.

    for analysis in ray_pipe(raw_documents, config, workers=4, address="ray://head:10001"):
        store.save(analysis)

Each actor loads one pipeline (from the same config, so the same coder version and the same
deterministic ids) and analyses batches of documents; Ray Data streams the batches and gives the
results back in input order, and the caller (batch ingest) writes them to the store exactly as
the local path does. Documents go in chunks of `chunk` so an unbounded input (a folder of WARC
files) streams; each chunk starts its actor pool once.

On one machine `ray.init(num_cpus=workers)` starts a local cluster; with `address` (or
RAY_ADDRESS) the same code runs on a multi-node cluster whose nodes have wirecoder installed.
Stages registered at run time in the calling process are unknown to the actors: register them
in an installed module.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from ..ingest.base import RawDocument, parse_published
from ..records import Analysis
from . import EngineError


def raw_to_json(raw: RawDocument) -> str:
    return json.dumps({"text": raw.text, "title": raw.title, "url": raw.url,
                       "published": raw.published.isoformat() if raw.published else None,
                       "source": raw.source, "doc_id": raw.doc_id,
                       "metadata": dict(raw.metadata)}, ensure_ascii=False)


def raw_from_json(data: str) -> RawDocument:
    item = json.loads(data)
    item["published"] = parse_published(item["published"]) if item["published"] else None
    return RawDocument(**item)


class PipelineActor:
    """One pipeline per Ray actor: JSON documents in, JSON analyses out."""

    def __init__(self, config: dict[str, Any], batch_size: int):
        from ..pipeline import load

        self.nlp = load(config)
        self.batch_size = batch_size

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        raws = [raw_from_json(str(item)) for item in batch["raw"]]
        return {"analysis": [a.to_json() for a in self.nlp.pipe(raws, batch_size=self.batch_size)]}


def _ray():
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError:
        raise EngineError("the ray engine needs Ray: pip install 'wirecoder[ray]'") from None
    return ray


def start(workers: int, address: str | None = None) -> None:
    """Connect to the cluster at `address`, or start a local one with `workers` CPUs."""
    ray = _ray()
    if ray.is_initialized():
        return
    address = address or os.environ.get("RAY_ADDRESS") or None
    try:
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise EngineError(f"cannot start or reach Ray{f' at {address}' if address else ''}: "
                          f"{' '.join(str(exc).split())[:200]}") from None


def ray_pipe(raws: Iterable[RawDocument], config: Any, *, workers: int = 2,
             batch_size: int = 32, address: str | None = None,
             chunk: int = 2048) -> Iterator[Analysis]:
    """Analyses of `raws`, in input order, computed by `workers` Ray actors."""
    ray = _ray()
    start(workers, address)
    context = ray.data.DataContext.get_current()
    context.execution_options.preserve_order = True
    context.enable_progress_bars = False
    config_dict = config.to_dict() if hasattr(config, "to_dict") else dict(config)
    it = iter(raws)
    while part := list(islice(it, chunk)):
        ds = ray.data.from_items([{"raw": raw_to_json(r)} for r in part])
        ds = ds.map_batches(PipelineActor, fn_constructor_kwargs={
            "config": config_dict, "batch_size": batch_size}, batch_size=batch_size,
            concurrency=max(1, min(workers, -(-len(part) // batch_size))), num_cpus=1)
        for row in ds.iter_rows():
            yield Analysis.model_validate_json(row["analysis"])
