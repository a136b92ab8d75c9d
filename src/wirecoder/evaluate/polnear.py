"""Loader for the PolNeAR attribution corpus (brat standoff).

Layout under the corpus root:

    metadata.tsv                      filename -> publication_date (and more)
    <split>/text/NAME.txt             the article text; annotation offsets index into it
    <split>/attributions/NAME_<annotator>.ann

A few articles were annotated by several annotators. We score against exactly one annotation per
article: the first `.ann` file in sorted filename order (so the lowest annotator id), which keeps
runs reproducible and never mixes annotators within an article.

In the `.ann` files, T lines hold spans (`T7<TAB>Content 226 297;299 310<TAB>text`) and E lines
link them (`E2<TAB>Attribution:T11 Cue:T6 Content:T7 Source:T5`, with `Content2:` etc. for
extra parts). An attribution without content (an annotator's unfinished stub) is skipped.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import DataMissing

Range = tuple[int, int]

DEFAULT_SPLIT = "dev"
_ROLES = ("source", "cue", "content")
_T_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)(?:\t|$)")
_E_LINE = re.compile(r"^(E\d+)\t(.*)$")
_DATE_IN_NAME = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


@dataclass(frozen=True)
class GoldAttribution:
    id: str
    source: list[Range] = field(default_factory=list)
    cue: list[Range] = field(default_factory=list)
    content: list[Range] = field(default_factory=list)


@dataclass(frozen=True)
class GoldArticle:
    name: str
    text: str
    published: str | None
    attributions: list[GoldAttribution]
    annotation_file: str = ""


def text_of(text: str, ranges: list[Range]) -> str:
    """The text of possibly discontinuous ranges, parts joined by a space (as brat does)."""
    return " ".join(text[a:b] for a, b in ranges)


def parse_ranges(spec: str) -> list[Range]:
    """`'3 7;9 12'` -> `[(3, 7), (9, 12)]`."""
    ranges = []
    for part in spec.split(";"):
        start, end = part.split()
        ranges.append((int(start), int(end)))
    return ranges


def parse_ann(ann: str) -> list[GoldAttribution]:
    """Attributions from the text of one `.ann` file, in E-line order.

    Lines that are neither T nor E lines (notes, continuations of span texts that contain a
    newline) are ignored rather than rejected: the span text column is not needed.
    """
    spans: dict[str, list[Range]] = {}
    events: list[tuple[str, list[tuple[str, str]]]] = []
    for line in ann.splitlines():
        if m := _T_LINE.match(line):
            spans[m.group(1)] = parse_ranges(m.group(3))
        elif m := _E_LINE.match(line):
            args = [arg.split(":", 1) for arg in m.group(2).split() if ":" in arg]
            # The first argument is the trigger (Attribution / Attribution-no-source).
            events.append((m.group(1), [(role, ref) for role, ref in args[1:]]))
    return [a for a in (_attribution(eid, args, spans) for eid, args in events) if a.content]


def _attribution(eid: str, args: list[tuple[str, str]], spans: dict[str, list[Range]]
                 ) -> GoldAttribution:
    parts: dict[str, list[Range]] = {role: [] for role in _ROLES}
    for role, ref in args:
        base = role.rstrip("0123456789").lower()  # Content2 -> content
        if base in parts and ref in spans:
            parts[base].extend(spans[ref])
    return GoldAttribution(id=eid, **{role: sorted(r) for role, r in parts.items()})


def resolve_split(path: str | Path, split: str = DEFAULT_SPLIT) -> Path:
    """The split folder: `path` itself if it holds text/ and attributions/, else `path/split`."""
    path = Path(path)
    for candidate in (path, path / split):
        if (candidate / "text").is_dir() and (candidate / "attributions").is_dir():
            return candidate
    raise DataMissing(f"no PolNeAR split at {path} (expected text/ and attributions/ "
                      f"in it or in {path / split})")


def read_dates(metadata: Path) -> dict[str, str]:
    """filename -> publication_date from metadata.tsv; empty when the file is absent."""
    if not metadata.is_file():
        return {}
    with metadata.open(encoding="utf-8", newline="") as fh:
        return {row["filename"]: row["publication_date"]
                for row in csv.DictReader(fh, delimiter="\t")
                if row.get("filename") and row.get("publication_date")}


def annotation_files(split_dir: Path) -> dict[str, Path]:
    """Article name -> its chosen `.ann` file (first in sorted order among its annotators)."""
    chosen: dict[str, Path] = {}
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        name, sep, _annotator = ann.stem.rpartition("_")
        if sep and name not in chosen:
            chosen[name] = ann
    return chosen


def _date_for(name: str, dates: dict[str, str]) -> str | None:
    if name in dates:
        return dates[name]
    m = _DATE_IN_NAME.search(name)  # names look like publisher_YYYY-MM-DD_slug
    return m.group(1) if m else None


def load_polnear(path: str | Path, limit: int | None = None,
                 split: str = DEFAULT_SPLIT) -> list[GoldArticle]:
    """Articles of one split that have both a text and an annotation, sorted by name."""
    split_dir = resolve_split(path, split)
    dates = read_dates(split_dir.parent / "metadata.tsv")
    anns = annotation_files(split_dir)
    articles = []
    for txt in sorted((split_dir / "text").glob("*.txt")):
        if limit is not None and len(articles) >= limit:
            break
        ann = anns.get(txt.stem)
        if ann is None:
            continue  # not annotated: nothing to score against
        articles.append(GoldArticle(name=txt.stem, text=_read(txt), published=_date_for(txt.stem, dates),
                                    attributions=parse_ann(_read(ann)), annotation_file=ann.name))
    return articles


def _read(path: Path) -> str:
    # newline="" keeps \r\n intact so offsets stay those of the file's characters.
    with path.open(encoding="utf-8", newline="") as fh:
        return fh.read()
