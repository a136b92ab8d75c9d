"""Shipped knowledge written by the project: PLOVER lexicons, countries, actor descriptors.

Files are TSV so users can read and extend them; `load_tsv` parses them once per process.
Users add their own rows with `WIRECODER_KNOWLEDGE=/path/to/dir` holding files of the same names.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path


def parse_tsv(text: str) -> Iterator[dict[str, str]]:
    """The rows of one TSV text: header line first, '#' lines and blank lines skipped, missing
    cells empty. The one reader of the project's tables (knowledge here, words in `lang/en`)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    header = lines[0].split("\t")
    for line in lines[1:]:
        cells = line.split("\t")
        yield {key: (cells[i].strip() if i < len(cells) else "") for i, key in enumerate(header)}


def iter_tsv(name: str) -> Iterator[dict[str, str]]:
    """Rows of a shipped TSV, then the user's rows of the same name, read anew each call: for a big
    table its user keeps in a shape of its own (noun_classes.tsv), not cached twice."""
    yield from parse_tsv(resources.files(__package__).joinpath(name).read_text("utf-8"))
    extra_dir = os.environ.get("WIRECODER_KNOWLEDGE")
    if extra_dir and (Path(extra_dir) / name).exists():
        yield from parse_tsv((Path(extra_dir) / name).read_text("utf-8"))


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a shipped TSV (header line first, '#' comments), plus the user's rows of the same name."""
    return tuple(iter_tsv(name))


@cache
def noun_classes() -> dict[str, tuple[str, ...]]:
    """WordNet's classes of each English noun's commonest senses (noun_classes.tsv), read once
    for the event coder, the parties and the gazetteer alike."""
    return {row["noun"]: tuple(row["classes"].split(",")) for row in iter_tsv("noun_classes.tsv")}
