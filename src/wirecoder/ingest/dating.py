"""Dates and titles for one-document files (text, HTML) from what lies around the text.

A folder of `.txt` files carries no publication dates of its own. `FileDating` fills in, for
each document a text or HTML file holds, what the file itself leaves open, in this order:

1. what the file says: HTML metadata, or a front-matter block at the top of a text file
   (`---` / `title: ...` / `date: 2016-10-08` / `---`; see `split_front_matter`);
2. its row in a manifest (`--manifest FILE`: CSV, TSV or JSONL naming each file, see `Manifest`);
3. a date in the file's name (`--published-from-name PATTERN`, e.g. `{date:%Y-%m-%d}_*`; by
   default a lone ISO date such as `2016-10-08` anywhere in the name);
4. the dateline of the text ("WASHINGTON, Feb. 3, 2025 (Reuters) -"; a dateline without its year
   only with a `--published` date to take the year from: the last such day on or before it);
5. `--published`.

Titles: a front-matter or HTML title, else the manifest's, else the first line of a text file
(`clean.guess_title`).
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..errors import BadDate, BadIngestOption, BadRecord
from ..lang.en import numbers
from .base import RawDocument, parse_published, read_text_file

DATE_KEYS = ("published", "date", "publication_date", "published_at")
FILE_KEYS = ("file", "path", "filename", "name")
FIELD_KEYS = ("title", "url", "source", "id")

# A front-matter block: "---" alone on the first line, "key: value" lines, "---" (or "...").
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n((?:[^\n]*\n){0,50}?)(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)")
_FRONT_LINE = re.compile(r"^\s*([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(fields, the text after the block) of a text that opens with a front-matter block, else
    ({}, text). Values may be quoted; keys are lower-cased; lines that hold no `key: value` (a
    YAML list, a comment) are skipped. A block without its closing line is text, not metadata."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return {}, text
    fields: dict[str, str] = {}
    for line in m.group(1).splitlines():
        kv = _FRONT_LINE.match(line)
        if kv and kv.group(2):
            value = kv.group(2)
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            fields[kv.group(1).lower()] = value
    return fields, text[m.end():]


def _first(row: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((row[k] for k in keys if row.get(k)), None)


@dataclass
class ManifestRow:
    fields: dict[str, str]
    published: datetime | None


class Manifest:
    """Per-file metadata from a CSV (`.csv`), TSV (`.tsv`, `.tab`) or JSONL file: one row per
    input file, named in a `file`, `path`, `filename` or `name` column by its path (relative to
    the manifest's folder, or absolute), its file name, or its name without the extension; with
    optional `published` (or `date`, `publication_date`, `published_at`), `title`, `url`,
    `source` and `id`. Other columns become the document's metadata (`publisher` names the outlet
    in exports). A bad date is W014 and a row without a file W015, both naming the manifest's line."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        text = read_text_file(self.path)  # W010 when missing, W011-W013 when not text
        self.rows: dict[str, ManifestRow] = {}
        self._by_name: dict[str, list[ManifestRow]] = {}
        for lineno, row in self._read(text):
            where = f"{self.path}:{lineno}"
            key = _first(row, FILE_KEYS)
            if not key:
                raise BadRecord(f"{where}: the manifest row names no file (a column "
                                f"{', '.join(FILE_KEYS)})")
            date = _first(row, DATE_KEYS)
            try:
                entry = ManifestRow(row, parse_published(date) if date else None)
            except BadDate as exc:
                raise BadDate(f"{where}: {exc.message}") from None
            self.rows[str((self.path.parent / key).resolve())] = entry
            for name in {Path(key).name, Path(key).stem}:
                self._by_name.setdefault(name, []).append(entry)

    def _read(self, text: str):
        suffix = self.path.suffix.lower()
        if suffix in (".jsonl", ".ndjson"):
            for lineno, line in enumerate(text.split("\n"), start=1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise BadRecord(f"{self.path}:{lineno}: not a JSON object ({exc.msg})") from None
                if not isinstance(obj, dict):
                    raise BadRecord(f"{self.path}:{lineno}: expected a JSON object")
                yield lineno, {str(k).lower(): str(v) for k, v in obj.items() if v is not None}
            return
        if suffix not in (".csv", ".tsv", ".tab"):
            raise BadIngestOption(f"manifest {self.path}: use a .csv, .tsv or .jsonl file")
        reader = csv.DictReader(io.StringIO(text), delimiter="," if suffix == ".csv" else "\t")
        for row in reader:
            yield reader.line_num, {str(k).strip().lower(): (v or "").strip()
                                    for k, v in row.items() if k is not None}

    def row_for(self, path: Path) -> ManifestRow | None:
        """The row naming `path`: by its path first, else by a file name or stem only one row has."""
        row = self.rows.get(str(path.resolve()))
        if row is not None:
            return row
        for name in (path.name, path.stem):
            rows = self._by_name.get(name, [])
            if len(rows) == 1:
                return rows[0]
        return None


_DIRECTIVES = {"Y": r"\d{4}", "m": r"\d{1,2}", "d": r"\d{1,2}", "y": r"\d{2}", "H": r"\d{2}",
               "M": r"\d{2}", "S": r"\d{2}", "j": r"\d{3}", "b": r"[A-Za-z]{3}", "B": r"[A-Za-z]+",
               "%": "%"}
_ISO_IN_NAME = re.compile(r"(?<!\d)(\d{4}-\d{2}-\d{2})(?!\d)")
AUTO = "auto"
OFF = "off"


class NamePattern:
    """A file-name pattern with one `{date:FORMAT}` (strftime directives %Y %m %d %y %b %B %j %H
    %M %S) and shell wildcards `*` and `?`, matched against the whole file name:
    `{date:%Y-%m-%d}_*` reads 2016-10-08_army.txt, `*_{date:%Y%m%d}.txt` reads cable_20161008.txt.
    `auto` takes a lone ISO date (YYYY-MM-DD) anywhere in the name; `off` reads no name."""

    def __init__(self, pattern: str = AUTO):
        self.pattern = pattern
        self.format = ""
        self.regex: re.Pattern[str] | None = None
        if pattern in (AUTO, OFF):
            return
        m = re.fullmatch(r"(.*)\{date:([^}]+)\}(.*)", pattern)
        if not m or "{date:" in m.group(1) + m.group(3):
            raise BadIngestOption(f"--published-from-name {pattern!r}: the pattern needs exactly "
                                  "one {date:FORMAT}, e.g. '{date:%Y-%m-%d}_*'")
        self.format = m.group(2)
        self.regex = re.compile(_glob(m.group(1)) + "(?P<date>" + self._date_regex() + ")"
                                + _glob(m.group(3)))

    def _date_regex(self) -> str:
        out, i, fmt = [], 0, self.format
        while i < len(fmt):
            if fmt[i] == "%" and i + 1 < len(fmt):
                if fmt[i + 1] not in _DIRECTIVES:
                    raise BadIngestOption(f"--published-from-name: %{fmt[i + 1]} is not a "
                                          f"directive it reads ({' '.join('%' + d for d in _DIRECTIVES)})")
                out.append(_DIRECTIVES[fmt[i + 1]])
                i += 2
            else:
                out.append(re.escape(fmt[i]))
                i += 1
        return "".join(out)

    def date_of(self, name: str) -> datetime | None:
        if self.pattern == OFF:
            return None
        if self.regex is None:
            found = set(_ISO_IN_NAME.findall(name))
            if len(found) != 1:
                return None
            try:
                return parse_published(found.pop())
            except BadDate:
                return None  # 2016-13-45: not a date, so not the file's date
        m = self.regex.fullmatch(name)
        if not m:
            return None
        try:
            return datetime.strptime(m.group("date"), self.format).replace(tzinfo=UTC)
        except ValueError:
            return None


def _glob(part: str) -> str:
    return "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in part)


# Month names and abbreviations ("feb", "sept", "september") -> the month's number.
_MONTHS = numbers("months", "number")
# "WASHINGTON, Feb. 3, 2025 (Reuters) -", "MEXICO CITY, Feb. 8 (UPI) —", "Kabul, 3 February 2025 -"
_DATELINE_DATE = re.compile(
    r"[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})?,? "
    r"(?:(?P<month>[A-Z][a-z]{2,8})\.? (?P<day>\d{1,2})|(?P<day2>\d{1,2}) (?P<month2>[A-Z][a-z]{2,8})\.?)"
    r"(?:,? (?P<year>\d{4}))?(?: \([A-Za-z .]+\))? ?(?:--|–|—|-|:) ")


def dateline_date(text: str, title: str | None, reference: datetime | None) -> datetime | None:
    """The date a dateline gives at the start of the first paragraph after the title: with its
    year, or, without one, the last such day on or before `reference` (none without it)."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip(), maxsplit=2)[:2]]
    if title and paragraphs and paragraphs[0] == title.strip():
        paragraphs = paragraphs[1:]
    m = _DATELINE_DATE.match(paragraphs[0]) if paragraphs else None
    if not m:
        return None
    month = _MONTHS.get((m.group("month") or m.group("month2")).lower())
    day = int(m.group("day") or m.group("day2"))
    if month is None:
        return None
    try:
        if m.group("year"):
            return datetime(int(m.group("year")), month, day, tzinfo=UTC)
        if reference is None:
            return None
        found = datetime(reference.year, month, day, tzinfo=UTC)
        if found.date() > reference.date():
            found = found.replace(year=reference.year - 1)
        return found
    except ValueError:  # 30 February
        return None


@dataclass
class FileDating:
    """What dates and titles the documents of one-document files: see the module's docstring."""

    published: datetime | None = None
    manifest: Manifest | None = None
    names: NamePattern = field(default_factory=NamePattern)

    def fill(self, raw: RawDocument, path: Path | None) -> RawDocument:
        entry = self.manifest.row_for(path) if self.manifest and path is not None else None
        row = entry.fields if entry else {}
        if row:
            if raw.title is None or raw.title_guessed:
                raw.title = row.get("title") or raw.title
                raw.title_guessed = raw.title_guessed and not row.get("title")
            raw.url = raw.url or row.get("url") or None
            raw.source = row.get("source") or raw.source
            raw.doc_id = raw.doc_id or row.get("id") or None
            raw.metadata.update({k: v for k, v in row.items()
                                 if k not in (*FILE_KEYS, *DATE_KEYS, *FIELD_KEYS) and v})
        if raw.published is None and entry:
            raw.published = entry.published
        if raw.published is None and path is not None:
            raw.published = self.names.date_of(path.name)
        if raw.published is None:
            raw.published = dateline_date(raw.text, raw.title, self.published)
        if raw.published is None:
            raw.published = self.published
        return raw
