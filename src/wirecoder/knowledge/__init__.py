"""Shipped knowledge written by the project: PLOVER lexicons, countries, actor descriptors.

Files are TSV so users can read and extend them; `load_tsv` parses them once per process.
Users add their own rows with `WIRECODER_KNOWLEDGE=/path/to/dir` holding files of the same names
(the English word lists of `lang/en` too). A user's row is checked against the shipped table: a
row that cannot be read is one W024 line naming file and line, and is skipped (`user_rows`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import BadKnowledgeRow

log = logging.getLogger(__name__)
# The user tables whose column names an event type (upper case; a lower-case sense is no type):
# a user's row naming a type that plover_types.tsv (shipped or the user's) lacks is refused.
TYPE_COLUMNS = {"plover_verbs.tsv": "type", "plover_nouns.tsv": "type", "event_idioms.tsv": "type",
                "event_codings.tsv": "type", "event_senses.tsv": "sense"}
# Columns the code dispatches on: a user's value must be one the shipped table uses (a misspelt
# `when` would otherwise be a veto that never fires).
CLOSED_COLUMNS = {"event_senses.tsv": ("when",), "plover_verbs.tsv": ("role",),
                  "plover_nouns.tsv": ("needs",), "event_idioms.tsv": ("held",), "event_words.tsv": ("class",)}
EXAMPLE = "example"


def _numbered(text: str) -> list[tuple[int, list[str]]]:
    """(line number, cells) of the lines that are neither '#' comments nor blank."""
    return [(n, line.split("\t")) for n, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.startswith("#")]


def parse_tsv(text: str) -> Iterator[dict[str, str]]:
    """The rows of one TSV text: header line first, '#' lines and blank lines skipped, missing
    cells empty. The one reader of the project's tables (knowledge here, words in `lang/en`)."""
    lines = _numbered(text)
    header = lines[0][1]
    for _, cells in lines[1:]:
        yield {key: (cells[i].strip() if i < len(cells) else "") for i, key in enumerate(header)}


class _RowCheck:
    """What a user's row of one table must hold: its first cell (the key), its event type, its
    example where the table has examples (a rule with no example cannot be checked), a value
    the shipped rows use in each closed column, and a type the type table knows."""

    def __init__(self, name: str, shipped: list[dict[str, str]]):
        columns = list(shipped[0]) if shipped else []
        self.type_column = TYPE_COLUMNS.get(name)
        self.required = [c for c in [*columns[:1], self.type_column, EXAMPLE] if c in columns]
        self.closed = {c: {r[c] for r in shipped} for c in CLOSED_COLUMNS.get(name, ())}

    def problem(self, row: dict[str, str]) -> str | None:
        empty = [c for c in self.required if not row.get(c)]
        if empty:
            return f"empty {', '.join(empty)}"
        for column, known in self.closed.items():
            if row.get(column, "") not in known:
                return f"{column} {row.get(column)!r} is none of {', '.join(sorted(repr(v) for v in known))}"
        kind = row.get(self.type_column or "", "")
        if kind.isupper() and kind not in {r["type"] for r in load_tsv("plover_types.tsv")}:
            return f"event type {kind} has no row in plover_types.tsv"
        return None


def user_rows(path: Path, shipped_text: str) -> Iterator[dict[str, str]]:
    """The rows of a user's table at `path`, in the shipped table's columns (a column it leaves out
    is empty). A row that cannot be read is one W024 warning naming file and line, and is skipped;
    a header naming a column the shipped table lacks refuses the whole file."""
    shipped = list(parse_tsv(shipped_text))
    columns = list(shipped[0]) if shipped else []
    check = _RowCheck(path.name, shipped)
    try:
        lines = _numbered(path.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("%s", BadKnowledgeRow(f"{path}: cannot be read: {exc}"))
        return
    if not lines:
        return
    first, header = lines[0][0], [c.strip() for c in lines[0][1]]
    unknown = [c for c in header if c not in columns]
    if unknown:
        log.warning("%s", BadKnowledgeRow(f"{path}:{first}: unknown column(s) {', '.join(unknown)} "
                                          f"(columns: {', '.join(columns)}); file skipped"))
        return
    for number, cells in lines[1:]:
        if len(cells) > len(header):
            problem = f"{len(cells)} cells for {len(header)} columns"
        else:
            row = {c: "" for c in columns} | {c: cells[i].strip() if i < len(cells) else "" for i, c in enumerate(header)}
            problem = check.problem(row)
        if problem:
            log.warning("%s", BadKnowledgeRow(f"{path}:{number}: {problem}; row skipped"))
            continue
        yield row


def user_file(name: str) -> Path | None:
    """The user's table of that name in WIRECODER_KNOWLEDGE, if there is one."""
    extra_dir = os.environ.get("WIRECODER_KNOWLEDGE")
    path = Path(extra_dir) / name if extra_dir else None
    return path if path is not None and path.is_file() else None


def iter_tsv(name: str) -> Iterator[dict[str, str]]:
    """Rows of a shipped TSV, then the user's rows of the same name, read anew each call: for a big
    table its user keeps in a shape of its own (noun_classes.tsv), not cached twice."""
    text = resources.files(__package__).joinpath(name).read_text("utf-8")
    yield from parse_tsv(text)
    user = user_file(name)
    if user is not None:
        yield from user_rows(user, text)


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a shipped TSV (header line first, '#' comments), plus the user's rows of the same name."""
    return tuple(iter_tsv(name))


@cache
def noun_classes() -> dict[str, tuple[str, ...]]:
    """WordNet's classes of each English noun's commonest senses (noun_classes.tsv), read once
    for the event coder, the parties and the gazetteer alike."""
    return {row["noun"]: tuple(row["classes"].split(",")) for row in iter_tsv("noun_classes.tsv")}
