"""Errors the user can cause, each with a stable code, printed as one line by the CLI."""

from __future__ import annotations


class WirecoderError(Exception):
    """Base class: `code` is stable across versions so scripts can match on it."""

    code = "W000"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


class InputNotFound(WirecoderError):
    code = "W010"


class InputNotText(WirecoderError):
    code = "W011"


class InputNotUtf8(WirecoderError):
    code = "W012"


class EmptyInput(WirecoderError):
    code = "W013"


class BadDate(WirecoderError):
    code = "W014"


class BadRecord(WirecoderError):
    """A JSONL line or other structured input that does not hold a document."""

    code = "W015"


class UnknownFormat(WirecoderError):
    code = "W016"


class InputTooLarge(WirecoderError):
    """A document longer than the parser takes (`wirecoder.ingest.base.MAX_CHARS` characters):
    refused as read (a plain-text file too many bytes long), before cleaning, and after it."""

    code = "W017"


class BadIngestOption(WirecoderError):
    """An ingest option that cannot say where documents' dates come from: a
    `--published-from-name` pattern without one `{date:FORMAT}` or with a directive it cannot
    read, a manifest that is not CSV, TSV or JSONL."""

    code = "W018"


class ConfigError(WirecoderError):
    """An unknown stage, a stage whose requirements are switched off, a bad option."""

    code = "W020"


class ModelMissing(WirecoderError):
    code = "W021"


class KnowledgeError(WirecoderError):
    """The knowledge tables disagree: an event type a lexicon, idiom, coding or sense can emit
    has no row in knowledge/plover_types.tsv (so no CAMEO root or penta class), a type has no
    row in acled_events.tsv, or a CAMEO root of cameo_codes.tsv has no quad class."""

    code = "W023"


class BadKnowledgeRow(WirecoderError):
    """A row of a user's knowledge file (WIRECODER_KNOWLEDGE) that cannot be read: named by file
    and line; the row is skipped and the rest of the file loads."""

    code = "W024"


class DataMissing(WirecoderError):
    """Gold data or another file an evaluation needs is absent."""

    code = "W030"


class HeldOutData(WirecoderError):
    """Gold data an evaluation must not read: a corpus's held-back test part (ECB+ topics 36-45),
    or a topic outside the part asked for (a validation topic while tuning)."""

    code = "W031"
