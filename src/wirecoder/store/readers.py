"""Reading a batch's inputs so that one bad record costs one document, not the rest of its file.

    for item in read_inputs(path):     # RawDocument or Failure, in file order
        ...

`wirecoder.ingest.read_path` stops a file at its first bad record; here a JSONL file is read line
by line (a line that is not a document, or not UTF-8, becomes a Failure and the next line is
read), and any other file yields the documents read before its error and then one Failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ..errors import WirecoderError
from ..ingest import FileDating, RawDocument, guess_format, read_path
from ..ingest.base import byte_order_mark, check_document, decode_bytes
from ..ingest.jsonl import jsonl_lines, read_jsonl
from .repository import Failure


def read_inputs(path: Path, fmt: str | None = None, *, published: datetime | None = None,
                dating: FileDating | None = None) -> Iterator[RawDocument | Failure]:
    """The documents of one input file, with a Failure in place of each unreadable record; text
    and HTML files dated by `dating` (see `wirecoder.ingest.dating`)."""
    try:
        kind = fmt or (guess_format(path) if str(path) != "-" else None)
        if kind == "jsonl" and str(path) != "-" and path.is_file():
            yield from _jsonl_records(path, published)
            return
        for raw in read_path(path, fmt, published=published, dating=dating):
            yield _storable(raw, raw.source or str(path))
    except WirecoderError as exc:
        yield Failure(source=str(path), reason=str(exc))


def _storable(raw: RawDocument, where: str) -> RawDocument | Failure:
    """`raw`, or the Failure that says why no store can keep it (a NUL in a text file past the
    binary sniff, in a page's title): that document only, not the rest of its file."""
    try:
        return check_document(raw, where)
    except WirecoderError as exc:
        return Failure(source=where, reason=str(exc))


def _jsonl_records(path: Path, published: datetime | None) -> Iterator[RawDocument | Failure]:
    where = str(path)
    data = path.read_bytes()
    try:
        lines = jsonl_lines(decode_bytes(data, where))  # numbered as read_path numbers them
    except WirecoderError as exc:  # a bad byte somewhere: decode each line on its own
        if (byte_order_mark(data) or (b"", "utf-8"))[1] != "utf-8":
            yield Failure(source=where, reason=str(exc))  # UTF-16/32 lines are not cut in bytes
            return
        lines = [_decoded_or_failure(raw, f"{where}:{n}")
                 for n, raw in enumerate(data.split(b"\n"), start=1)]
    for lineno, line in enumerate(lines, start=1):
        if isinstance(line, Failure):
            yield line
            continue
        if not line.strip():
            continue
        try:
            yield from read_jsonl(line, source=where, published=published, first_line=lineno)
        except WirecoderError as exc:
            yield Failure(source=f"{where}:{lineno}", reason=str(exc))


def _decoded_or_failure(raw: bytes, name: str) -> str | Failure:
    if not raw.strip():
        return ""
    try:
        return decode_bytes(raw, name)
    except WirecoderError as exc:
        return Failure(source=name, reason=str(exc))
