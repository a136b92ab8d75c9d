"""Errors of the store, exports and batch ingest a user can cause (codes W040-W049)."""

from __future__ import annotations

from ..errors import WirecoderError


class StoreError(WirecoderError):
    """The database cannot be opened, reached or written: a bad URL, a server that does not
    answer, a missing driver, a file that is not a wirecoder store."""

    code = "W040"


class BadFilter(WirecoderError):
    """A query filter that does not exist for the records asked for, or a value it cannot take."""

    code = "W041"


class StoreTooNew(WirecoderError):
    """The database was migrated by a newer wirecoder than this one."""

    code = "W042"


class ExportError(WirecoderError):
    """An export cannot be written: unknown format, an output path that cannot be created."""

    code = "W043"


class DocumentNotStored(WirecoderError):
    """A document whose analysis the store refuses (reported by ingest, which goes on)."""

    code = "W044"


class AnalysisFailed(WirecoderError):
    """A document whose analysis raised (reported and recorded by ingest, which goes on)."""

    code = "W045"


class StoreFull(WirecoderError):
    """The store cannot grow: the disk (or the database's size limit) is full. Nothing of the
    batch being written is kept; everything committed before stays intact."""

    code = "W046"


class StoreUnavailable(WirecoderError):
    """The database stopped answering during a run and did not come back within the retries.
    Every batch committed before stays; the batch in flight is not stored at all."""

    code = "W047"
