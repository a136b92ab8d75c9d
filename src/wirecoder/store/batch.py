"""Batch ingest: files and folders -> the pipeline -> the store, resumable after any crash.

    summary = ingest(["news/", "feed.rss", "crawl.warc.gz"], "sqlite:///news.db", workers=2)

Inputs are files or folders (searched recursively for known extensions, hidden entries skipped):
text, HTML, JSONL, RSS/Atom feeds and WARC archives. Documents already stored under the same
coder version are skipped before they are analysed; the rest are parsed in `workers` processes
(`Pipeline.pipe(n_process=workers)`) and committed one batch per transaction together with the
run's counts. A run killed at any point (even by SIGKILL) loses only its uncommitted batch, and
running the same command again stores exactly what is missing: ids are deterministic and a
stored document is never stored twice.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from ..errors import InputNotFound, WirecoderError
from ..ingest import EXTENSIONS, RawDocument, guess_format, read_path
from ..ingest.base import parse_published
from .errors import DocumentNotStored
from .repository import open_store, safe_url


@dataclass
class IngestSummary:
    run_id: str
    db_url: str
    files: int = 0
    seen: int = 0
    stored: int = 0
    replaced: int = 0
    skipped: int = 0
    filtered: int = 0  # left out by the relevance pre-filter (counted in `skipped` too)
    failed: int = 0
    events: int = 0
    quotes: int = 0
    claims: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    @property
    def analysed(self) -> int:
        return self.stored + self.replaced

    @property
    def docs_per_second(self) -> float:
        return self.analysed / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        filtered = f" ({self.filtered} by the relevance filter)" if self.filtered else ""
        return (f"{self.stored} stored, {self.replaced} replaced, {self.skipped} skipped{filtered}, "
                f"{self.failed} failed; {self.events} events, {self.quotes} quotes, "
                f"{self.claims} claims; {self.seconds:.1f} s ({self.docs_per_second:.1f} docs/s); "
                f"run {self.run_id} in {safe_url(self.db_url)}")


def _known(path: Path) -> bool:
    name = path.name.lower()
    return any(name.endswith(ext) for ext in EXTENSIONS)


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files to read: named files as given ("-" is standard input), folders searched
    recursively for known extensions (sorted; hidden files and folders skipped)."""
    files: list[Path] = []
    for item in paths:
        if str(item) == "-":  # standard input
            files.append(Path("-"))
            continue
        p = Path(item)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and _known(f)
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            raise InputNotFound(f"no such file or folder: {p}")
    return list(dict.fromkeys(files))


def count_documents(path: Path, fmt: str | None = None) -> int:
    """How many documents a file holds, cheaply (for the progress bar's total and ETA)."""
    if str(path) == "-":
        return 1
    fmt = fmt or guess_format(path)
    try:
        if fmt == "jsonl":
            with path.open("rb") as fh:
                return sum(1 for line in fh if line.strip())
        if fmt == "feed":
            from ..ingest.feeds import count_feed_items

            return count_feed_items(path.read_bytes())
        if fmt == "warc":
            from ..ingest.warc import count_warc_pages

            return count_warc_pages(path)
    except Exception:  # a file the reader will reject: it counts once, as a failure
        return 1
    return 1


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _doc_id(raw: RawDocument) -> str:
    from ..stages import document_id

    return raw.doc_id or document_id(raw.text)


def _progress(total: int | None, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="ingest", disable=not enabled, file=sys.stderr,
                dynamic_ncols=True, smoothing=0.05)


def ingest(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
           db_url: str | os.PathLike[str] | None = None, workers: int = 1,
           reprocess: bool = False, progress: bool = True, *, pipeline: Any = None,
           config: Any = None, fmt: str | None = None, published: str | datetime | None = None,
           batch_size: int = 32, strict: bool = False,
           relevance_filter: bool = False, engine: str = "local",
           ray_address: str | None = None) -> IngestSummary:
    """Analyse every document under `paths` and save it in the store at `db_url`.

    workers: processes for the spaCy parse; reprocess: re-analyse and replace documents already
    stored under this coder version; progress: a bar on stderr with rate and ETA; pipeline or
    config: the pipeline to use (default: `wirecoder.load()`); fmt: force an input format;
    published: the publication date of inputs that carry none; batch_size: documents per parse
    batch and per commit; strict: stop at the first unreadable input instead of counting it
    as failed and going on; relevance_filter: skip, before the parse, documents that cannot
    report a political or security event (`wirecoder.relevance`); off by default; engine:
    "local" (spaCy's processes) or "ray" (`workers` Ray actors, on the cluster at `ray_address`
    or a local one; see `wirecoder.scaleout.ray_engine`): the store gets the same rows either way.
    """
    from ..pipeline import load
    from ..scaleout import ENGINES, EngineError

    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    path_list = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    default_published = parse_published(published) if isinstance(published, str) else published
    nlp = pipeline if pipeline is not None else load(config)
    files = collect_files(path_list)
    # No pooled connections: none may be open when the parse forks its worker processes.
    store = open_store(db_url, pooled=False)
    run_id = store.start_run(nlp.coder_version, config=nlp.config.to_dict(),
                             config_hash=nlp.config.digest(), stages=nlp.stage_labels,
                             inputs=[str(p) for p in path_list], workers=workers)
    summary = IngestSummary(run_id=run_id, db_url=store.url, files=len(files))
    total = sum(count_documents(f, fmt) for f in files) if progress else None
    bar = _progress(total, progress)
    pending: Counter[str] = Counter()  # counted before analysis, committed with the next batch
    relevant = None
    if relevance_filter:
        from ..relevance import RelevanceFilter

        relevant = RelevanceFilter().keep
    started = time.perf_counter()

    def raws() -> Iterator[RawDocument]:
        for f in files:
            try:
                yield from read_path(f, fmt, published=default_published)
            except WirecoderError as exc:
                if strict:
                    raise
                summary.failed += 1
                pending["documents_failed"] += 1
                summary.errors.append(str(exc))
                bar.write(f"wirecoder: {exc}", file=sys.stderr)
                bar.update(1)

    def fresh() -> Iterator[RawDocument]:
        taken: set[str] = set()
        for chunk in _batched(raws(), batch_size):
            ids = [_doc_id(raw) for raw in chunk]
            stored = store.stored_versions(ids)
            for raw, doc_id in zip(chunk, ids, strict=True):
                summary.seen += 1
                if doc_id in taken or (not reprocess and stored.get(doc_id) == nlp.coder_version):
                    summary.skipped += 1
                    pending["documents_seen"] += 1
                    pending["documents_skipped"] += 1
                    bar.update(1)
                    continue
                taken.add(doc_id)
                if relevant is not None and not relevant(raw.text):
                    summary.filtered += 1
                    summary.skipped += 1
                    pending["documents_seen"] += 1
                    pending["documents_skipped"] += 1
                    bar.update(1)
                    continue
                yield raw

    def flush(batch: list) -> None:
        if not batch and not pending:
            return
        counts = dict(pending)
        try:
            outcome = store.save_many(batch, run_id, reprocess=reprocess, run_counts=counts)
        except IntegrityError:
            # One bad analysis (say, two records with one id) must not stop the run, nor stop
            # every later run at the same place: store the batch document by document.
            outcome = Counter()
            for analysis in batch:
                try:
                    outcome.update(store.save_many([analysis], run_id, reprocess=reprocess))
                except IntegrityError as exc:
                    summary.failed += 1
                    counts["documents_failed"] = counts.get("documents_failed", 0) + 1
                    counts["documents_seen"] = counts.get("documents_seen", 0) + 1
                    message = str(DocumentNotStored(
                        f"document {analysis.document.id} ({analysis.document.source or '?'}) "
                        f"could not be stored: {' '.join(str(exc.orig).split())[:200]}"))
                    summary.errors.append(message)
                    bar.write(f"wirecoder: {message}", file=sys.stderr)
            store.add_to_run(run_id, **counts)
        pending.clear()
        summary.stored += outcome["stored"]
        summary.replaced += outcome["replaced"]
        summary.skipped += outcome["skipped"]
        summary.events += outcome["events"]
        summary.quotes += outcome["quotes"]
        summary.claims += outcome["claims"]
        bar.update(len(batch))
        bar.set_postfix(stored=summary.stored + summary.replaced, skipped=summary.skipped,
                        failed=summary.failed, refresh=False)
        batch.clear()

    status = "failed"
    try:
        batch: list = []
        if engine == "ray":
            from ..scaleout.ray_engine import ray_pipe

            analyses = ray_pipe(fresh(), nlp.config, workers=workers, batch_size=batch_size,
                                address=ray_address)
        else:
            analyses = nlp.pipe(fresh(), n_process=workers, batch_size=batch_size)
        for analysis in analyses:
            batch.append(analysis)
            if len(batch) >= batch_size:
                flush(batch)
        flush(batch)
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - started
        try:
            store.finish_run(run_id, status)
        finally:
            store.close()
    return summary
