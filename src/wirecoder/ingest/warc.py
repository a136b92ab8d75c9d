"""WARC (and ARC) web archives, gzipped or not: one document per archived HTML page.

Only successful (HTTP 200) `response` records and `resource` records holding HTML or plain text
are read; pages without article text are passed over. Each document keeps where it came from in
its metadata: `warc_file`, `warc_offset` and `warc_length` (of the record in the file, so
`warcio extract --payload FILE OFFSET` shows it again), `warc_url`, `warc_record_id`, `warc_date`.
Needs `warcio`.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from ..errors import EmptyInput, InputNotFound, UnknownFormat
from .base import RawDocument

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain",)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-:.]+)""", re.I)


def _archive_iterator(stream: BinaryIO):
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:  # pragma: no cover - warcio is a dependency
        raise UnknownFormat("reading WARC files needs the warcio package") from None
    return ArchiveIterator(stream, arc2warc=True)


def _content_type(record) -> str:
    if record.rec_type == "response" and record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type") or ""
    else:
        value = record.rec_headers.get_header("Content-Type") or ""
    return value.lower()


def _wanted(record) -> str | None:
    """'html' or 'text' for records that hold a page to read, else None."""
    if record.rec_type not in ("response", "resource"):
        return None
    if record.rec_type == "response":
        if record.http_headers is None:
            return None
        status = (record.http_headers.get_statuscode() or "").strip()
        if status != "200":
            return None
    ctype = _content_type(record)
    if any(t in ctype for t in _HTML_TYPES):
        return "html"
    if any(t in ctype for t in _TEXT_TYPES):
        return "text"
    return None


def _decode(payload: bytes, content_type: str) -> str:
    charset = None
    m = re.search(r"charset=([A-Za-z0-9_\-:.]+)", content_type)
    if m:
        charset = m.group(1)
    else:
        meta = _META_CHARSET.search(payload[:4096])
        if meta:
            charset = meta.group(1).decode("ascii", "ignore")
    for encoding in (charset, "utf-8"):
        if not encoding:
            continue
        try:
            return payload.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("utf-8", errors="replace")


def _stream(content: bytes | str | BinaryIO) -> BinaryIO:
    if isinstance(content, bytes):
        return io.BytesIO(content)
    if isinstance(content, str):
        return io.BytesIO(content.encode("utf-8"))
    return content


def read_warc(content: bytes | str | BinaryIO, *, source: str | None = None,
              published: datetime | None = None) -> Iterator[RawDocument]:
    """Documents from WARC data: bytes, or a binary file object (read as a stream)."""
    where = source or "<warc>"
    from warcio.exceptions import ArchiveLoadFailed

    iterator = _archive_iterator(_stream(content))
    try:
        yield from _read_records(iterator, where, published)
    except ArchiveLoadFailed as exc:
        raise UnknownFormat(f"{where}: not a WARC or ARC file ({_first_line(exc)})") from None


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


def _read_records(iterator, where: str, published: datetime | None) -> Iterator[RawDocument]:
    from .html import read_html
    from .text import read_text

    for record in iterator:
        kind = _wanted(record)
        if kind is None:
            continue
        payload = record.content_stream().read()
        url = record.rec_headers.get_header("WARC-Target-URI")
        record_id = record.rec_headers.get_header("WARC-Record-ID")
        warc_date = record.rec_headers.get_header("WARC-Date")
        offset = iterator.get_record_offset()
        length = iterator.get_record_length()
        text = _decode(payload, _content_type(record))
        if not text.strip():
            continue
        reader = read_html if kind == "html" else read_text
        try:
            docs = list(reader(text, source=f"{where}@{offset}", published=published))
        except EmptyInput:  # a page without article text: navigation, an index, an error page
            continue
        for doc in docs:
            doc.url = doc.url or url
            doc.metadata.update({
                "warc_file": where, "warc_offset": str(offset), "warc_length": str(length),
                **({"warc_url": url} if url else {}),
                **({"warc_record_id": record_id} if record_id else {}),
                **({"warc_date": warc_date} if warc_date else {}),
            })
            yield doc


def read_warc_file(path: str | Path, *, published: datetime | None = None) -> Iterator[RawDocument]:
    p = Path(path)
    if not p.exists():
        raise InputNotFound(f"no such file: {p}")
    if p.is_dir():
        raise InputNotFound(f"is a folder, not a file: {p}")
    with p.open("rb") as fh:
        yield from read_warc(fh, source=str(p), published=published)


def count_warc_pages(path: str | Path) -> int:
    """How many records `read_warc_file` would try to read (for progress bars)."""
    with Path(path).open("rb") as fh:
        return sum(1 for record in _archive_iterator(fh) if _wanted(record))
