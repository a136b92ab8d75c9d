"""English word lists, each a TSV file beside this module with one loader (`words`, `table`).

    words("pronouns", kind="personal")          # frozenset of the first column's words
    words("speech_verbs", quotes="yes")          # verbs that introduce quotes
    numbers("months", "number")                  # {"january": 1, ...}

Every extractor takes its English words from here, so a list is written once: the files say
what each word is (a column per property), and each user selects what it needs by those columns.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from ...knowledge import parse_tsv, user_file, user_rows


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """The rows of `<name>.tsv` (header line first; '#' lines are comments), then the user's rows
    of a file of that name in WIRECODER_KNOWLEDGE (checked as the knowledge tables' are)."""
    text = resources.files(__package__).joinpath(f"{name}.tsv").read_text("utf-8")
    user = user_file(f"{name}.tsv")
    return tuple(parse_tsv(text)) + (tuple(user_rows(user, text)) if user is not None else ())


def _selected(row: dict[str, str], where: dict[str, str | tuple[str, ...]]) -> bool:
    for column, wanted in where.items():
        allowed = (wanted,) if isinstance(wanted, str) else wanted
        if not set(row[column].split(",")) & set(allowed):
            return False
    return True


def words(name: str, **where: str | tuple[str, ...]) -> frozenset[str]:
    """The first column's words of the rows whose columns hold the given values (a cell may
    hold several, comma-separated; a tuple of values means any of them)."""
    rows = table(name)
    first = next(iter(rows[0])) if rows else ""
    return frozenset(row[first] for row in rows if _selected(row, where))


def numbers(name: str, column: str, **where: str | tuple[str, ...]) -> dict[str, int]:
    """The first column's words mapped to the integer in `column`."""
    rows = table(name)
    first = next(iter(rows[0])) if rows else ""
    return {row[first]: int(row[column]) for row in rows if _selected(row, where)}
