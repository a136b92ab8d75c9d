"""Readers that turn a reference (see the package docstring) into the article's exact text."""

from __future__ import annotations

import hashlib
import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import DataMissing
from .ecbplus import DEV_TOPICS as ECBPLUS_DEV_TOPICS
from .ecbplus import LAST_OPEN_TOPIC, read_ecbplus

_DATE_IN_NAME = re.compile(r"_(\d{4}-\d{2}-\d{2})_")


@dataclass(frozen=True)
class Article:
    ref: str
    text: str
    published: str | None = None  # ISO date when the corpus gives one


def article_sha1(text: str) -> str:
    """A fingerprint that tells when a corpus file no longer holds the text annotated."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _read_exact(path: Path) -> str:
    with path.open(encoding="utf-8", newline="") as fh:  # keep \r\n: offsets are the file's
        return fh.read()


def _iso_date(value: str) -> str | None:
    """TR-News writes its download times freely ('Wed Nov 23, 2016 | 3:02pm EST'): keep the day."""
    from dateutil import parser as dateparser

    try:
        return dateparser.parse(value.replace("|", " "), fuzzy=True, ignoretz=True).date().isoformat()
    except (ValueError, OverflowError):
        return None


@cache
def _gritta(path: Path) -> dict[str, tuple[str, str | None]]:
    """GeoVirus / TR-News: key -> (text, date). TR-News keys are docids, GeoVirus keys positions."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise DataMissing(f"cannot read {path}: {exc}") from None
    out: dict[str, tuple[str, str | None]] = {}
    for index, art in enumerate(root.iter("article")):
        key = art.get("docid") or str(index)
        stamp = (art.findtext("dltime") or "").strip()
        date = _iso_date(stamp) if stamp else None
        out[key] = (art.findtext("text") or "", date)
    return out


@cache
def _wikievents(path: Path) -> dict[str, str]:
    try:
        with path.open(encoding="utf-8") as fh:
            return {d["doc_id"]: d["text"] for d in map(json.loads, fh) if d.get("doc_id")}
    except (OSError, ValueError) as exc:
        raise DataMissing(f"cannot read {path}: {exc}") from None


@cache
def _polnear_dates(metadata: Path) -> dict[str, str]:
    from ..evaluate.polnear import read_dates

    return read_dates(metadata)


def load_article(data_root: str | Path, ref: str) -> Article:
    """The article a reference names; DataMissing when its corpus is not under `data_root`."""
    root = Path(data_root)
    rel, _, key = ref.partition("#")
    path = root / rel
    if not path.exists():
        raise DataMissing(f"corpus file not found: {path}")
    if rel.endswith(".xml") and rel.startswith("geo/"):
        found = _gritta(path).get(key)
        if found is None:
            raise DataMissing(f"no article {key!r} in {path}")
        return Article(ref, found[0], found[1])
    if rel.endswith(".jsonl"):
        text = _wikievents(path).get(key)
        if text is None:
            raise DataMissing(f"no document {key!r} in {path}")
        return Article(ref, text)
    if rel.startswith("dedup/ecbplus/"):
        return Article(ref, read_ecbplus(path).text)
    if rel.startswith("quotes/polnear/"):
        name = path.stem
        date = _polnear_dates(root / "quotes/polnear/metadata.tsv").get(name)
        if date is None and (m := _DATE_IN_NAME.search(name)):
            date = m.group(1)
        return Article(ref, _read_exact(path), date)
    return Article(ref, _read_exact(path))


def list_refs(data_root: str | Path, corpus: str) -> list[str]:
    """Every article reference of one corpus: polnear-train, polnear-dev, geovirus, trnews,
    wikievents-dev, ecbplus-train (topics outside the usual development split)."""
    root = Path(data_root)
    if corpus in ("polnear-train", "polnear-dev"):
        split = corpus.split("-")[1]
        return sorted(f"quotes/polnear/{split}/text/{p.name}"
                      for p in (root / f"quotes/polnear/{split}/text").glob("*.txt"))
    if corpus in ("geovirus", "trnews"):
        rel = "geo/GeoVirus.xml" if corpus == "geovirus" else "geo/TR-News.xml"
        return [f"{rel}#{key}" for key in _gritta(root / rel)]
    if corpus == "wikievents-dev":
        return [f"events/wikievents_dev.jsonl#{key}"
                for key in _wikievents(root / "events/wikievents_dev.jsonl")]
    if corpus == "ecbplus-train":
        base = root / "dedup/ecbplus"
        return sorted(f"dedup/ecbplus/{p.parent.name}/{p.name}" for p in base.glob("*/*.xml")
                      if p.parent.name.isdigit() and int(p.parent.name) not in ECBPLUS_DEV_TOPICS
                      and int(p.parent.name) <= LAST_OPEN_TOPIC)
    raise DataMissing(f"unknown corpus {corpus!r}")
