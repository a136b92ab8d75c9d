"""Shipped knowledge written by the project: PLOVER lexicons, countries, actor descriptors.

Files are TSV so users can read and extend them; `load_tsv` parses them once per process.
Users add their own rows with `WIRECODER_KNOWLEDGE=/path/to/dir` holding files of the same names.
"""

from __future__ import annotations

import os
from functools import cache
from importlib import resources
from pathlib import Path


@cache
def load_tsv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a shipped TSV (header line first, '#' comments), plus the user's rows of the same name."""
    texts = [resources.files(__package__).joinpath(name).read_text("utf-8")]
    extra_dir = os.environ.get("WIRECODER_KNOWLEDGE")
    if extra_dir and (Path(extra_dir) / name).exists():
        texts.append((Path(extra_dir) / name).read_text("utf-8"))
    rows: list[dict[str, str]] = []
    for text in texts:
        lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
        header = lines[0].split("\t")
        for line in lines[1:]:
            cells = line.split("\t")
            rows.append({key: (cells[i].strip() if i < len(cells) else "") for i, key in enumerate(header)})
    return tuple(rows)
