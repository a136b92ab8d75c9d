"""Readers that turn files into `RawDocument`s: plain text, HTML, JSONL, RSS/Atom feeds and WARC.

`read_path` picks a reader by extension (or `fmt`); every reader yields RawDocuments, which the
pipeline's cleaning stage turns into `Document` records. WARC files are binary and read as a
stream; every other format is read as UTF-8 text first.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from ..errors import UnknownFormat
from .base import RawDocument, check_file_size, parse_published, read_text_file
from .dating import FileDating, Manifest, NamePattern
from .feeds import read_feed
from .html import read_html
from .jsonl import read_jsonl
from .text import read_text
from .warc import read_warc, read_warc_file

READERS = {"text": read_text, "html": read_html, "jsonl": read_jsonl, "feed": read_feed,
           "warc": read_warc}
EXTENSIONS = {
    ".txt": "text", ".text": "text", ".md": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
}
# Formats read from the file as bytes (streamed), not decoded as text first.
BINARY_FORMATS = {"warc"}
# Formats whose file is one document: a manifest row, the file's name and its dateline can date it.
ONE_DOCUMENT_FORMATS = {"text", "html"}

__all__ = ["RawDocument", "parse_published", "read_path", "read_string", "READERS", "EXTENSIONS",
           "guess_format", "FileDating", "Manifest", "NamePattern"]


def _suffix(path: str | Path) -> str:
    name = Path(str(path)).name.lower()
    for ext in sorted(EXTENSIONS, key=len, reverse=True):  # ".warc.gz" before ".gz"
        if name.endswith(ext):
            return ext
    return Path(name).suffix


def guess_format(path: str | Path, content: str | None = None) -> str:
    suffix = _suffix(path)
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    if content is not None:
        head = content.lstrip()[:500].lower()
        if head.startswith("warc/"):
            return "warc"
        if "<rss" in head or "<feed" in head or "<rdf:rdf" in head:
            return "feed"
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
              published: datetime | str | None = None,
              dating: FileDating | None = None) -> Iterator[RawDocument]:
    """Read a file (or '-' for standard input) into RawDocuments. A text or HTML file's document
    is dated and titled by `dating` (`FileDating`: its manifest row, its name, its dateline, then
    `published`) where the file itself says nothing; other formats take `published` as it is."""
    if fmt is not None and fmt not in READERS:
        raise UnknownFormat(f"unknown input format {fmt!r}; choose one of {', '.join(READERS)}")
    default_published = parse_published(published) if isinstance(published, str) else published
    if (fmt or guess_format(path)) in BINARY_FORMATS:
        if str(path) == "-":
            yield from read_warc(sys.stdin.buffer, source="stdin", published=default_published)
        else:
            yield from read_warc_file(path, published=default_published)
        return
    if (fmt or EXTENSIONS.get(_suffix(path))) == "text" and str(path) != "-" and Path(path).is_file():
        check_file_size(Path(path))  # a plain-text file too long for any document: not read
    content = read_text_file(path)
    fmt = fmt or guess_format(path, content)
    source = "stdin" if str(path) == "-" else str(path)
    if fmt not in ONE_DOCUMENT_FORMATS:
        yield from read_string(content, fmt, source=source, published=default_published)
        return
    if dating is None:
        dating = FileDating(published=default_published)
    elif published is not None:
        dating = FileDating(default_published, dating.manifest, dating.names)
    file_path = None if str(path) == "-" else Path(path)
    for raw in read_string(content, fmt, source=source):
        yield dating.fill(raw, file_path)
