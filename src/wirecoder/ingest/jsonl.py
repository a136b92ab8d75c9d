"""JSONL: one document per line, `{"text": ..., "title", "url", "published", "id", "source", ...}`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import datetime

from ..errors import BadDate, BadRecord, EmptyInput
from .base import RawDocument, check_document, parse_published

_TEXT_KEYS = ("text", "body", "content")
_DATE_KEYS = ("published", "date", "publication_date", "published_at")
_KNOWN = {"title", "url", "id", "source", *_TEXT_KEYS, *_DATE_KEYS}


def jsonl_lines(content: str) -> list[str]:
    """The lines of a JSONL text: cut at "\n" (and "\r\n") only. `str.splitlines` also cuts at
    U+2028, U+2029 and U+0085, which JSON leaves unescaped inside strings (json.dumps with
    ensure_ascii=False, JavaScript's JSON.stringify): a line holding one became two bad lines."""
    return [line.removesuffix("\r") for line in content.split("\n")]


def read_jsonl(content: str, *, source: str | None = None, published: datetime | None = None,
               first_line: int = 1) -> Iterator[RawDocument]:
    """The documents of JSONL `content`, whose first line is line `first_line` of `source`
    (every message and document source names the line as `source:line`)."""
    where = source or "<jsonl>"
    for lineno, line in enumerate(jsonl_lines(content), start=first_line):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise BadRecord(f"{where}:{lineno}: not a JSON object ({exc.msg})") from None
        except RecursionError:  # "[[[[..." nested deeper than the decoder's recursion limit
            raise BadRecord(f"{where}:{lineno}: not a document (JSON nested too deeply)") from None
        if not isinstance(obj, dict):
            raise BadRecord(f"{where}:{lineno}: expected a JSON object, found {type(obj).__name__}")
        text = next((obj[k] for k in _TEXT_KEYS if isinstance(obj.get(k), str)), None)
        if text is None:
            raise BadRecord(f"{where}:{lineno}: no 'text' field")
        if not text.strip():
            raise EmptyInput(f"{where}:{lineno}: the 'text' field is empty")
        date_value = next((obj[k] for k in _DATE_KEYS if obj.get(k)), None)
        try:
            line_published = parse_published(date_value) if date_value else published
        except BadDate as exc:  # the line's date, not the file's: name the line
            raise BadDate(f"{where}:{lineno}: {exc.message}") from None
        raw = RawDocument(
            text=text,
            title=obj.get("title") if isinstance(obj.get("title"), str) else None,
            url=obj.get("url") if isinstance(obj.get("url"), str) else None,
            published=line_published,
            # a non-string "source" (5, {...}) failed the Document record downstream
            source=obj["source"] if isinstance(obj.get("source"), str) and obj["source"]
            else f"{where}:{lineno}",
            doc_id=str(obj["id"]) if obj.get("id") is not None else None,
            metadata={k: str(v) for k, v in obj.items() if k not in _KNOWN and v is not None},
        )
        # JSON escapes can spell lone surrogates ("\ud800") and NUL ("\u0000"), which no id,
        # output or store can hold
        yield check_document(raw, f"{where}:{lineno}")
