"""Batch ingest: files and folders -> the pipeline -> the store, resumable after any crash.

    summary = ingest(["news/", "feed.rss", "crawl.warc.gz"], "sqlite:///news.db", workers=2)

Inputs are files or folders (searched recursively for known extensions, hidden entries skipped):
text, HTML, JSONL, RSS/Atom feeds and WARC archives. Documents already stored under the same
coder version are skipped before they are analysed. The rest go in batches to `workers`
processes, each of which runs the whole pipeline on its batch and commits it in one transaction
together with the run's counts (the main process only reads inputs and keeps the tally). A run
killed at any point (even by SIGKILL) loses only its uncommitted batches, and running the same
command again stores exactly what is missing: ids are deterministic and a stored document is
never stored twice.

One bad input costs one document: an unreadable record, an analysis that raises or a document the
store refuses is logged in the `failures` table with its coded reason and the run goes on. A full
disk stops the run (W046) and a database that stays away through the retries stops it (W047);
either way every batch committed before is intact and no document is half stored.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy.exc import IntegrityError

from ..errors import InputNotFound, WirecoderError
from ..ingest import EXTENSIONS, FileDating, RawDocument, guess_format
from ..ingest.base import parse_published
from .connect import is_memory, resolve_url
from .errors import AnalysisFailed, DocumentNotStored, StoreError
from .faults import RetryPolicy, one_line, with_retries
from .intake import BatchJob, BatchOutcome, Intake, raw_doc_id
from .repository import Failure, Store, open_store, safe_url


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
    stale: int = 0  # coded by another coder version and kept so (--keep-stale; in `skipped` too)
    changed: int = 0  # stored before with another text, analysed again (in `replaced` too)
    failed: int = 0
    undated: int = 0  # documents read with no publication date from any source
    events: int = 0
    quotes: int = 0
    claims: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)

    def count_read(self, raw: RawDocument) -> None:
        self.seen += 1
        self.undated += raw.published is None

    @property
    def analysed(self) -> int:
        return self.stored + self.replaced

    @property
    def docs_per_second(self) -> float:
        return self.analysed / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        filtered = f" ({self.filtered} by the relevance filter)" if self.filtered else ""
        stale = (f"; {self.stale} stale, coded by another version of the coder: ingest them again "
                 f"without --keep-stale to recode them") if self.stale else ""
        changed = f" ({self.changed} with a changed text)" if self.changed else ""
        return (f"{self.stored} stored, {self.replaced} replaced{changed}, "
                f"{self.skipped} skipped{filtered}, "
                f"{self.failed} failed; {self.events} events, {self.quotes} quotes, "
                f"{self.claims} claims; {self.undated} of {self.seen} documents undated; "
                f"{self.seconds:.1f} s ({self.docs_per_second:.1f} docs/s); "
                f"run {self.run_id} in {safe_url(self.db_url)}{stale}")


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


def _store_to_write(db_url: str | os.PathLike[str] | None, retry: RetryPolicy,
                    lock_timeout: float) -> Store:
    """The store to ingest into, opened before the pipeline is loaded: one that cannot be
    written is W040 at once, and an in-memory one is refused (it keeps nothing after the run).
    No pooled connections: none may be open when the pool forks its worker processes."""
    if is_memory(resolve_url(db_url)):
        raise StoreError("an in-memory database (:memory:) keeps nothing after the run: give "
                         "a file (--db news.db) or a database URL")
    return open_store(db_url, pooled=False, retry=retry, lock_timeout=lock_timeout)


def _progress(total: int | None, enabled: bool):
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="ingest", disable=not enabled, file=sys.stderr,
                dynamic_ncols=True, smoothing=0.05)




def analyse_safely(nlp: Any, raws: list[RawDocument]) -> tuple[list[Any], list[Failure]]:
    """The batch's analyses; a document whose analysis raises becomes a Failure (W045) and
    the others are analysed one by one so that it costs nobody else."""
    try:
        return list(nlp.pipe(raws, batch_size=max(1, len(raws)))), []
    except Exception:  # noqa: BLE001 - one document must not end a run of thousands
        pass
    analyses: list[Any] = []
    failures: list[Failure] = []
    for raw in raws:
        try:
            analyses.extend(nlp.pipe([raw], batch_size=1))
        except Exception as exc:  # noqa: BLE001
            doc_id = raw_doc_id(raw)
            reason = str(exc) if isinstance(exc, WirecoderError) else str(AnalysisFailed(
                f"document {doc_id} ({raw.source or '?'}) could not be analysed: "
                f"{type(exc).__name__}: {one_line(exc)}"))
            failures.append(Failure(source=raw.source, reason=reason, document_id=doc_id))
    return analyses, failures


def run_batch(job: BatchJob, nlp: Any, store: Store, run_id: str, *, reprocess: bool,
              retry: RetryPolicy, warn: Callable[[str], None],
              analysed: list[Any] | None = None) -> BatchOutcome:
    """Analyse a batch and commit it (documents, failures, run counts) in one transaction,
    retried while the database is unavailable. `analysed`: the batch's analyses when another
    engine made them (Ray), in the order of `job.raws`."""
    analyses, failed = (analysed, []) if analysed is not None else analyse_safely(nlp, job.raws)
    counts = Counter(job.counts)
    counts.update(documents_seen=len(failed), documents_failed=len(failed))
    failures = [*job.failures, *failed]
    where = safe_url(store.url)

    def save_all() -> Counter[str]:
        return store.save_many(analyses, run_id, reprocess=reprocess, run_counts=dict(counts),
                               failures=failures)

    try:
        saved = with_retries(save_all, retry, what="store a batch", where=where, then=LOST_BATCH,
                             on_retry=warn)
    except IntegrityError:
        # One bad analysis (say, two records with one id) must not stop the run, nor stop
        # every later run at the same place: store the batch document by document.
        saved = Counter()
        for analysis in analyses:
            try:
                saved.update(with_retries(
                    lambda a=analysis: store.save_many([a], run_id, reprocess=reprocess),
                    retry, what="store a document", where=where, then=LOST_BATCH,
                    on_retry=warn))
            except IntegrityError as exc:
                doc = analysis.document
                failures.append(Failure(source=doc.source, document_id=doc.id, reason=str(
                    DocumentNotStored(f"document {doc.id} ({doc.source or '?'}) could not be "
                                      f"stored: {one_line(exc.orig)[:200]}"))))
                counts.update(documents_seen=1, documents_failed=1)
        with_retries(lambda: store.record_failures(run_id, failures, dict(counts)), retry,
                     what="log failures", where=where, on_retry=warn)
    return BatchOutcome(
        analysed=len(job.raws), stored=saved["stored"], replaced=saved["replaced"],
        skipped=saved["skipped"], events=saved["events"], quotes=saved["quotes"],
        claims=saved["claims"], failures=failures)


LOST_BATCH = ("nothing of this batch was stored, every earlier batch is: run the same "
              "command again to store what is missing")

# The worker processes' state: set in the parent just before the pool forks, so each worker
# inherits the loaded pipeline instead of loading (or unpickling) it again.
_WORKER: dict[str, Any] = {}


def _die_with_parent(parent: int) -> None:
    """Pool initializer: a worker ends when the ingest process ends, even by SIGKILL (Linux),
    instead of going on as an orphan that commits batches behind a restarted run's back."""
    if sys.platform.startswith("linux"):
        import ctypes
        import signal

        PR_SET_PDEATHSIG = 1  # noqa: N806 - the name in <sys/prctl.h>
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def _work(job: BatchJob) -> BatchOutcome:
    w = _WORKER
    return run_batch(job, w["nlp"], w["store"], w["run_id"], reprocess=w["reprocess"],
                     retry=w["retry"], warn=lambda message: print(
                         f"wirecoder: {message}", file=sys.stderr))


def ingest(paths: str | os.PathLike[str] | Sequence[str | os.PathLike[str]],
           db_url: str | os.PathLike[str] | None = None, workers: int = 1,
           reprocess: bool = False, progress: bool = True, *, keep_stale: bool = False, pipeline: Any = None,
           config: Any = None, fmt: str | None = None, published: str | datetime | None = None,
           batch_size: int | None = None, strict: bool = False,
           retry: RetryPolicy | None = None, lock_timeout: float = 60.0,
           relevance_filter: bool = False, engine: str = "local",
           ray_address: str | None = None, dating: FileDating | None = None,
           changed_text: str = "replace") -> IngestSummary:
    """Analyse every document under `paths` and save it in the store at `db_url`.

    workers: processes that analyse and store batches; reprocess: re-analyse and replace
    documents already stored under this coder version; keep_stale: leave documents stored by
    another coder version (its code, knowledge or options changed) as they are and count them as
    `stale`, instead of recoding them; progress: a bar on stderr with rate and ETA; pipeline or
    config: the pipeline to use (default: `wirecoder.load()`); fmt: force an input format;
    published: the publication date of inputs that carry none; batch_size: documents per batch
    and per commit (default 32 with one worker; 8 with more, so that the workers finish together
    instead of one waiting on another's last big batch); strict: stop at the first unreadable
    input instead of logging it as failed and going on; retry: how long to wait for a database
    that does not answer (default: 6 attempts over 15.5 s) before W047; lock_timeout: seconds a
    SQLite write waits for another writer's lock before it counts as a failed attempt;
    relevance_filter: skip, before the parse, documents that cannot report a political or
    security event (`wirecoder.relevance`; off by default); engine: "local" (`workers`
    processes) or "ray" (`workers` Ray actors, on the cluster at `ray_address` or a local one;
    see `wirecoder.scaleout.ray_engine`): the store gets the same rows either way; dating: the
    manifest and file-name pattern dating text and HTML files (`wirecoder.ingest.FileDating`);
    changed_text: what becomes of a document stored by an earlier run and read again under its
    id with another text (a feed's corrected article): "replace" (default) analyses it again
    and replaces the stored one, counted as `replaced` and `changed`, with a warning naming both
    sources; "keep" keeps the stored one and logs W044 naming both, counted as failed."""
    from ..pipeline import load
    from ..scaleout import ENGINES, EngineError

    if engine not in ENGINES:
        raise EngineError(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    if changed_text not in CHANGED_TEXT:
        raise WirecoderError(f"changed_text must be one of {', '.join(CHANGED_TEXT)}, "
                             f"not {changed_text!r}")
    retry = retry or RetryPolicy()
    if batch_size is None:
        batch_size = 32 if workers <= 1 else 8
    path_list = [paths] if isinstance(paths, (str, os.PathLike)) else list(paths)
    files = collect_files(path_list)
    store = _store_to_write(db_url, retry, lock_timeout)
    try:
        nlp = pipeline if pipeline is not None else load(config)
        run_id = with_retries(lambda: store.start_run(
            nlp.coder_version, config=nlp.config.to_dict(), config_hash=nlp.config.digest(),
            stages=nlp.stage_labels, inputs=[str(p) for p in path_list], workers=workers),
            retry, what="start a run", where=safe_url(store.url))
    except BaseException:
        store.close()
        raise
    summary = IngestSummary(run_id=run_id, db_url=store.url, files=len(files))
    bar = _progress(sum(count_documents(f, fmt) for f in files) if progress else None, progress)
    intake = Intake(
        files=files, fmt=fmt, dating=dating, strict=strict, store=store, summary=summary,
        bar=bar, retry=retry, coder_version=nlp.coder_version, reprocess=reprocess,
        keep_stale=keep_stale, changed_text=changed_text, batch_size=batch_size,
        published=parse_published(published) if isinstance(published, str) else published,
        relevant=_relevance(relevance_filter))
    started = time.perf_counter()
    status = "failed"
    try:
        _dispatch(intake, nlp, run_id, workers=workers, engine=engine, ray_address=ray_address)
        status = "finished"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        bar.close()
        summary.seconds = time.perf_counter() - started
        _finish_run(store, run_id, status)
    return summary


CHANGED_TEXT = ("replace", "keep")


def _relevance(enabled: bool) -> Callable[[str], bool] | None:
    """The relevance pre-filter's test of a text, when it is on."""
    if not enabled:
        return None
    from ..relevance import RelevanceFilter

    return RelevanceFilter().keep


def _dispatch(intake: Intake, nlp: Any, run_id: str, *, workers: int, engine: str,
              ray_address: str | None) -> None:
    """Run the intake's batches through the pipeline and into the store with the engine asked
    for, tallying each batch's outcome in input order."""
    store, retry, reprocess = intake.store, intake.retry, intake.reprocess
    if engine == "ray":
        _with_ray(intake.jobs(), nlp, workers, intake.batch_size, ray_address,
                  lambda job, analysed: intake.tally(run_batch(
                      job, nlp, store, run_id, reprocess=reprocess, retry=retry,
                      warn=intake.warn, analysed=analysed)))
    elif workers <= 1:
        for job in intake.jobs():
            intake.tally(run_batch(job, nlp, store, run_id, reprocess=reprocess, retry=retry,
                                   warn=intake.warn))
    else:
        _in_workers(intake.jobs(), workers, nlp, store, run_id, reprocess, retry, intake.tally)


def _finish_run(store: Store, run_id: str, status: str) -> None:
    """Record how the run ended and close the store; a database that is gone by then costs a
    line on stderr, not the run's own error (a short retry policy)."""
    try:
        with_retries(lambda: store.finish_run(run_id, status),
                     RetryPolicy(attempts=2, first_delay=0.5), what="finish the run",
                     where=safe_url(store.url))
    except WirecoderError as exc:
        print(f"wirecoder: {exc}", file=sys.stderr)
    finally:
        store.close()


def _with_ray(jobs: Iterator[BatchJob], nlp: Any, workers: int, batch_size: int,
              address: str | None, run_job: Callable[[BatchJob, list[Any]], None]) -> None:
    """Analyse the jobs' documents in Ray actors, one stream in input order, and hand each job
    its analyses as soon as they are all back (the main process stores them)."""
    from ..scaleout.ray_engine import ray_pipe

    pending: deque[BatchJob] = deque()

    def raws() -> Iterator[RawDocument]:
        for job in jobs:
            pending.append(job)
            yield from job.raws

    got: list[Any] = []
    for analysis in ray_pipe(raws(), nlp.config, workers=max(1, workers), batch_size=batch_size,
                             address=address):
        got.append(analysis)
        while pending and len(got) >= len(pending[0].raws):
            job = pending.popleft()
            run_job(job, got[:len(job.raws)])
            del got[:len(job.raws)]
    while pending:  # jobs that carry only counts, read after the last document
        job = pending.popleft()
        run_job(job, got[:len(job.raws)])
        del got[:len(job.raws)]


def _in_workers(jobs: Iterator[BatchJob], workers: int, nlp: Any, store: Store, run_id: str,
                reprocess: bool, retry: RetryPolicy,
                tally: Callable[[BatchOutcome], None]) -> None:
    """Run the jobs in `workers` forked processes, at most two batches ahead of each, and
    tally their outcomes in order."""
    _WORKER.update(nlp=nlp, store=store, run_id=run_id, reprocess=reprocess, retry=retry)
    pool = multiprocessing.get_context("fork").Pool(
        workers, initializer=_die_with_parent, initargs=(os.getpid(),))
    try:
        pending: deque = deque()
        for job in jobs:
            pending.append(pool.apply_async(_work, (job,)))
            while len(pending) >= 2 * workers:
                tally(pending.popleft().get())
        while pending:
            tally(pending.popleft().get())
        pool.close()
    except BaseException:
        pool.terminate()  # batches in flight are uncommitted transactions: nothing half stored
        raise
    finally:
        pool.join()
        _WORKER.clear()
