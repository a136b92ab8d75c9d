"""Readers that turn files into `RawDocument`s: plain text, HTML and JSONL.

`read_path` picks a reader by extension (or `fmt`); every reader yields RawDocuments, which the
pipeline's cleaning stage turns into `Document` records.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ..errors import UnknownFormat
from .base import RawDocument, parse_published, read_text_file
from .html import read_html
from .jsonl import read_jsonl
from .text import read_text

READERS = {"text": read_text, "html": read_html, "jsonl": read_jsonl}
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
}

__all__ = ["RawDocument", "parse_published", "read_path", "read_string", "READERS", "guess_format"]


def guess_format(path: str | Path, content: str | None = None) -> str:
    suffix = Path(str(path)).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    if content is not None:
        head = content.lstrip()[:500].lower()
        if head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head:
            return "html"
        if head.startswith("{"):
            return "jsonl"
    return "text"


def read_string(content: str, fmt: str = "text", *, source: str | None = None,
                published: datetime | str | None = None) -> Iterator[RawDocument]:
    if fmt not in READERS:
        raise UnknownFormat(f"unknown input format {fmt!r}; choose one of {', '.join(READERS)}")
    default_published = parse_published(published) if isinstance(published, str) else published
    yield from READERS[fmt](content, source=source, published=default_published)


def read_path(path: str | Path, fmt: str | None = None, *,
              published: datetime | str | None = None) -> Iterator[RawDocument]:
    """Read a file (or '-' for standard input) into RawDocuments."""
    content = read_text_file(path)
    fmt = fmt or guess_format(path, content)
    source = "stdin" if str(path) == "-" else str(path)
    yield from read_string(content, fmt, source=source, published=published)
