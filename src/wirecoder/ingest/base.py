"""What every reader shares: the RawDocument it yields, safe file reading, date parsing."""

from __future__ import annotations

import codecs
import re
import sys
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from dateutil import parser as dateparser

from ..errors import BadDate, EmptyInput, InputNotFound, InputNotText, InputNotUtf8, InputTooLarge

# The longest document text the parse takes (spaCy's `max_length`, set in nlp.py). A longer
# text is refused before it is cleaned (W017: cleaning 20 MB took minutes and 1.7 GB only to be
# refused after it), and a plain-text file so long that no encoding could fit it under the limit
# (4 bytes a character at most) before it is read.
MAX_CHARS = 3_000_000
MAX_BYTES_PER_CHAR = 4

# Bytes that never occur in text files; one of them early on means binary input.
_BINARY_MARKERS = (b"\x00",)
_SNIFF_BYTES = 8192
# Byte order marks and the encodings they announce, UTF-32 first (its little-endian mark starts
# with UTF-16's). Text in UTF-16 or UTF-32 is full of NUL bytes: without its mark it reads as
# binary (W011); with it, it is decoded.
BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32 LE"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32 BE"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16 LE"), (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16 BE"),
)


@dataclass
class RawDocument:
    """Text as read, before cleaning, with whatever metadata the reader found."""

    text: str
    title: str | None = None
    url: str | None = None
    published: datetime | None = None
    source: str | None = None
    doc_id: str | None = None  # an id the input supplies; else a content hash is used
    metadata: dict[str, str] = field(default_factory=dict)
    title_guessed: bool = False  # the title is a guess from the first line, not stated


def byte_order_mark(data: bytes) -> tuple[bytes, str, str] | None:
    """(mark, codec, name) of the byte order mark `data` starts with, if any."""
    return next((bom for bom in BYTE_ORDER_MARKS if data.startswith(bom[0])), None)


def decode_bytes(data: bytes, name: str) -> str:
    """Text from a file's bytes: UTF-8 (with or without its mark), or UTF-16 / UTF-32 when the
    file starts with their byte order mark; W011 binary, W012 not text in its encoding (named),
    W013 nothing but blanks."""
    mark, codec, label = byte_order_mark(data) or (b"", "utf-8", "UTF-8")
    if codec == "utf-8" and any(marker in data[:_SNIFF_BYTES] for marker in _BINARY_MARKERS):
        raise InputNotText(f"input is binary, not text: {name}")
    try:
        text = data[len(mark):].decode(codec)
    except UnicodeDecodeError as exc:
        announced = f"; it starts with a {label} byte order mark" if mark and codec != "utf-8" else ""
        raise InputNotUtf8(f"input is not {label} text: {name} (byte {exc.start + len(mark)}"
                           f"{announced})") from None
    if codec != "utf-8" and "\x00" in text[:_SNIFF_BYTES]:
        raise InputNotText(f"input is binary, not text: {name} ({label} with NUL characters)")
    if not text.strip():
        raise EmptyInput(f"input is empty: {name}")
    return text


def check_encodable(text: str, name: str) -> str:
    """`text`, if it is Unicode text: a lone surrogate (a JSON escape such as "\\ud800", or a
    Python string built from one) is no character and failed every id and output later on."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InputNotUtf8(f"input is not valid Unicode text: {name} (an unpaired surrogate "
                           f"U+{ord(text[exc.start]):04X} at character {exc.start})") from None
    return text


# The fields of a document that are stored as text, and how a message names them.
_STORED_FIELDS = (("doc_id", "id"), ("text", "text"), ("title", "title"), ("url", "url"),
                  ("source", "source"))


def check_document(raw: RawDocument, where: str) -> RawDocument:
    """`raw`, if every string in it can be stored: a lone surrogate is W012 (see
    `check_encodable`), a NUL character (U+0000, which JSON spells "\\u0000") W011, as NUL bytes
    in a file are. PostgreSQL keeps no NUL in a text or JSON value: an id, title or text holding
    one failed the whole batch there (W099), while SQLite stored it."""
    named = [(label, getattr(raw, attr)) for attr, label in _STORED_FIELDS]
    named += [(f"field {key!r}", value) for key, value in raw.metadata.items()]
    named += [("field name", key) for key in raw.metadata]
    for label, value in named:
        if not isinstance(value, str):
            continue
        check_encodable(value, where)
        at = value.find("\x00")
        if at >= 0:
            raise InputNotText(f"input holds a NUL character (U+0000), which no store keeps: "
                               f"{where} (its {label}, character {at})")
    return raw


def check_length(text: str, where: str | None) -> str:
    """`text`, unless it is longer than the parse takes (W017, before any cleaning)."""
    if len(text) > MAX_CHARS:
        named = f" ({where})" if where else ""
        raise InputTooLarge(f"the document{named} has {len(text):,} characters before cleaning; "
                            f"the parser takes at most {MAX_CHARS:,}: split it")
    return text


def check_file_size(path: Path) -> None:
    """W017 for a text file too long to hold a document the parse takes, before it is read."""
    size = path.stat().st_size
    if size > MAX_CHARS * MAX_BYTES_PER_CHAR:
        raise InputTooLarge(f"the document ({path}) has {size:,} bytes, more than "
                            f"{MAX_CHARS:,} characters in any encoding; the parser takes at most "
                            f"{MAX_CHARS:,}: split it")


def read_text_file(path: str | Path) -> str:
    """Read a UTF-8 file, or standard input for '-', with coded errors for bad input."""
    if str(path) == "-":
        return decode_bytes(sys.stdin.buffer.read(), "<stdin>")
    p = Path(path)
    if not p.exists():
        raise InputNotFound(f"no such file: {p}")
    if p.is_dir():
        raise InputNotFound(f"is a folder, not a file: {p}")
    return decode_bytes(p.read_bytes(), str(p))


# Zone abbreviations in news bylines ("9:00 PM ET"): dateutil knows none of them, warns, and
# leaves the time naive, which read as UTC put an evening story on the next day. The regional
# names follow daylight saving; the standard/daylight ones are fixed offsets. Ambiguous ones
# ("IST": India, Ireland or Israel) are left out: such a time stays naive (UTC, documented).
_ZONE_NAMES = {
    "ET": ZoneInfo("America/New_York"), "CT": ZoneInfo("America/Chicago"),
    "MT": ZoneInfo("America/Denver"), "PT": ZoneInfo("America/Los_Angeles"),
    "EST": -5 * 3600, "EDT": -4 * 3600, "CST": -6 * 3600, "CDT": -5 * 3600,
    "MST": -7 * 3600, "MDT": -6 * 3600, "PST": -8 * 3600, "PDT": -7 * 3600,
    "GMT": 0, "UTC": 0, "Z": 0, "BST": 3600, "CET": 3600, "CEST": 2 * 3600,
    "EET": 2 * 3600, "EEST": 3 * 3600, "MSK": 3 * 3600, "JST": 9 * 3600, "KST": 9 * 3600,
    "AEST": 10 * 3600, "AEDT": 11 * 3600,
}


# A date of three numbers with the year last: 01/02/2025 is 1 February in most of the world and
# 2 January in the US. Refused unless only one reading is a date (31/01/2025) or both agree.
_DAY_MONTH_YEAR = re.compile(r"\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*\d{4}\b")
_FORMS = "use a form like 2025-01-31 or 2025-01-31T09:00:00-05:00"


def parse_published(value: str | date | datetime | None) -> datetime | None:
    """A publication date or datetime; naive values are taken as UTC (documented). Anything a
    later step could not use (an offset of a day or more, an instant outside years 1-9999 in UTC,
    a day and month that could be either) is W014 here, where it is read."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    else:
        dt = _parse_text(str(value).strip())
    return _usable(dt if dt.tzinfo else dt.replace(tzinfo=UTC), value)


def _parse_text(text: str) -> datetime:
    try:
        return dateparser.isoparse(text)
    except ValueError:
        pass
    numeric = _DAY_MONTH_YEAR.match(text)
    if numeric and _ambiguous(int(numeric[1]), int(numeric[2])):
        raise BadDate(f"ambiguous date {text!r}: day and month could be either; write it as "
                      "YYYY-MM-DD (ISO 8601), e.g. 2025-01-31")
    dt = None
    # Free forms ("31 January 2025", RFC 2822) only with the year written in full: never guess it
    # from today, nor its century ("0099" read as 1999). A missing day or month is the first,
    # never today's (dateutil fills gaps from its default).
    years = re.findall(r"\b\d{4}\b", text)
    if years:
        try:
            dt = dateparser.parse(text, _FullYears(), tzinfos=_ZONE_NAMES,
                                  default=datetime(2000, 1, 1))
        except (ValueError, OverflowError):
            dt = None
    if dt is None or f"{dt.year:04d}" not in years:
        raise BadDate(f"cannot read the date {text!r}; {_FORMS}")
    return dt


class _FullYears(dateparser.parserinfo):
    """dateutil puts a year under 100 in this century (0099 -> 1999); years here are as written."""

    def convertyear(self, year: int, century_specified: bool = False) -> int:
        return year


def _ambiguous(first: int, second: int) -> bool:
    return first != second and 1 <= first <= 12 and 1 <= second <= 12


def _usable(dt: datetime, value: object) -> datetime:
    """`dt`, if Python can take its offset and UTC can hold its instant (the store keeps UTC)."""
    try:
        offset = dt.utcoffset()
    except ValueError:  # tzoffset(None, 90000): "+25:00" parses, then every use of it raises
        raise BadDate(f"cannot read the date {value!r}: its UTC offset is not under 24 hours; "
                      f"{_FORMS}") from None
    try:
        dt.astimezone(UTC)
    except OverflowError:
        raise BadDate(f"cannot read the date {value!r}: in UTC it falls outside the years "
                      f"1 to 9999 (offset {offset})") from None
    return dt
