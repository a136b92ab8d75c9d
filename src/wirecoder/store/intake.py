"""Intake: the documents an ingest reads, in order, and which of them are analysed.

A document stored under this coder version with the same text is skipped before its analysis;
one stored with another text (an id read again, as a feed's corrected article under its URL) is
analysed again and replaces it, or with `changed_text="keep"` is W044 naming both sources; an
id read twice in one run with two texts is W044 too (the first is kept). What is skipped or
unreadable is tallied and committed with the next batch (`BatchJob`).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import WirecoderError
from ..ingest import FileDating, RawDocument
from .errors import DocumentNotStored
from .faults import RetryPolicy, with_retries
from .readers import read_inputs
from .repository import Failure, Store, safe_url, text_digest

if TYPE_CHECKING:
    from .batch import IngestSummary


def _batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def raw_doc_id(raw: RawDocument) -> str:
    from ..stages import document_id

    return raw.doc_id or document_id(raw.text)


@dataclass
class BatchOutcome:
    """What one batch did; it crosses from a worker process to the main one."""

    analysed: int = 0
    stored: int = 0
    replaced: int = 0
    skipped: int = 0
    events: int = 0
    quotes: int = 0
    claims: int = 0
    failures: list[Failure] = field(default_factory=list)


@dataclass
class BatchJob:
    """Fresh documents to analyse, with the tally gathered since the last batch (documents
    skipped before analysis, unreadable records), committed together with them."""

    raws: list[RawDocument]
    counts: dict[str, int]
    failures: list[Failure]


class FirstReadings:
    """Where each document id was first read in this run, with a digest of its text. The same
    id read again is a repeat (skipped); read again with another text (two JSONL lines under
    one id) it is W044 naming both sources, where it was skipped without a word."""

    def __init__(self) -> None:
        self.first: dict[str, tuple[str | None, str]] = {}

    def read(self, raw: RawDocument, doc_id: str) -> tuple[bool, Failure | None]:
        """(a repeat of an id read before, the W044 failure when its text differs)."""
        digest = text_digest(raw.text) if raw.doc_id else doc_id
        first = self.first.get(doc_id)
        if first is None:
            self.first[doc_id] = (raw.source, digest)
            return False, None
        if first[1] == digest:
            return True, None
        return True, Failure(source=raw.source, document_id=doc_id, reason=str(DocumentNotStored(
            f"document id {doc_id!r} at {raw.source or '?'} was read before at "
            f"{first[0] or '?'} with a different text; the first is kept")))


@dataclass
class Intake:
    """Reads the inputs in order and decides, document by document, which are analysed: it
    yields batches of those with the tally gathered since the last batch (documents skipped
    before analysis, unreadable records, ids read twice), and tallies each batch's outcome."""

    files: list[Path]
    fmt: str | None
    published: datetime | None
    dating: FileDating | None
    strict: bool
    store: Store
    summary: IngestSummary
    bar: Any
    retry: RetryPolicy
    coder_version: str
    reprocess: bool
    keep_stale: bool
    changed_text: str
    batch_size: int
    relevant: Callable[[str], bool] | None
    counts: Counter[str] = field(default_factory=Counter)
    failures: list[Failure] = field(default_factory=list)
    seen: FirstReadings = field(default_factory=lambda: FirstReadings())

    def warn(self, message: str) -> None:
        self.bar.write(f"wirecoder: {message}", file=sys.stderr)

    def _fail(self, failure: Failure) -> None:
        """An input that costs its document, logged with the next batch."""
        self.failures.append(failure)
        self.counts.update(documents_seen=1, documents_failed=1)

    def items(self) -> Iterator[RawDocument]:
        """The documents read, in order; an unreadable record is logged (strict: raised)."""
        for f in self.files:
            for item in read_inputs(f, self.fmt, published=self.published, dating=self.dating):
                if not isinstance(item, Failure):
                    yield item
                    continue
                if self.strict:
                    raise _error_of(item)
                self.summary.failed += 1
                self.summary.errors.append(item.reason)
                self.counts["documents_failed"] += 1
                self.failures.append(item)
                self.warn(item.reason)
                self.bar.update(1)

    def jobs(self) -> Iterator[BatchJob]:
        """Batches of the documents to analyse; reading and the skip check happen here, in order."""
        where = safe_url(self.store.url)
        for chunk in _batched(self.items(), self.batch_size):
            ids = [raw_doc_id(raw) for raw in chunk]
            stored = with_retries(lambda ids=ids: self.store.stored_versions(ids), self.retry,
                                  what="look up stored documents", where=where,
                                  on_retry=self.warn)
            explicit = [i for raw, i in zip(chunk, ids, strict=True) if raw.doc_id and i in stored]
            texts = with_retries(lambda e=explicit: self.store.stored_texts(e), self.retry,
                                 what="look up stored texts", where=where,
                                 on_retry=self.warn) if explicit else {}
            fresh = [raw for raw, doc_id in zip(chunk, ids, strict=True)
                     if self._admit(raw, doc_id, stored.get(doc_id), texts.get(doc_id))]
            if fresh:
                yield BatchJob(fresh, dict(self.counts), list(self.failures))
                self.counts.clear()
                self.failures.clear()
        if self.counts or self.failures:
            yield BatchJob([], dict(self.counts), list(self.failures))

    def _admit(self, raw: RawDocument, doc_id: str, old: str | None,
               stored_text: tuple[str, str | None] | None) -> bool:
        """Whether a document read goes to analysis; if not, it is counted as skipped (or as
        failed: an id read twice with two texts, a changed text kept by "keep")."""
        summary = self.summary
        summary.count_read(raw)
        repeat, clash = self.seen.read(raw, doc_id)
        changed = not repeat and stored_text is not None and stored_text[0] != text_digest(raw.text)
        if changed and self.changed_text == "keep":
            clash = Failure(source=raw.source, document_id=doc_id, reason=str(DocumentNotStored(
                f"document id {doc_id!r} at {raw.source or '?'} is stored already from "
                f"{stored_text[1] or '?'} with a different text; the stored one is kept "
                f"(--changed-text keep)")))
        elif changed:
            summary.changed += 1
            self.warn(f"document id {doc_id!r} at {raw.source or '?'} has a different text "
                      f"from the one stored from {stored_text[1] or '?'}: analysed again and "
                      f"replaced")
            return True
        kept_stale = (self.keep_stale and not self.reprocess and old is not None
                      and old != self.coder_version)
        skip = (repeat or clash is not None
                or (not self.reprocess and old == self.coder_version) or kept_stale)
        filtered = not skip and self.relevant is not None and not self.relevant(raw.text)
        if not skip and not filtered:
            return True
        self.bar.update(1)
        if clash is not None:  # logged and counted as failed by `tally`
            self._fail(clash)
            return False
        summary.stale += int(kept_stale and not repeat)
        summary.filtered += int(filtered)
        summary.skipped += 1
        self.counts.update(documents_seen=1, documents_skipped=1)
        return False

    def tally(self, outcome: BatchOutcome) -> None:
        summary = self.summary
        for reason in [f.reason for f in outcome.failures if f.document_id is not None]:
            summary.errors.append(reason)
            self.warn(reason)
        summary.failed += sum(1 for f in outcome.failures if f.document_id is not None)
        summary.stored += outcome.stored
        summary.replaced += outcome.replaced
        summary.skipped += outcome.skipped
        summary.events += outcome.events
        summary.quotes += outcome.quotes
        summary.claims += outcome.claims
        self.bar.update(outcome.analysed)
        self.bar.set_postfix(stored=summary.stored + summary.replaced, skipped=summary.skipped,
                             failed=summary.failed, refresh=False)


def _error_of(failure: Failure) -> WirecoderError:
    """The error a Failure stands for (strict mode raises it), with the same code and line."""
    error = WirecoderError(failure.reason.split(": ", 1)[-1])
    error.code = failure.code
    return error
