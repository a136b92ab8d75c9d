"""The relevance pre-filter measured on the gold corpora.

`wirecoder eval relevance --data ../shared/data` reports:

- recall: the share of gold-event documents the filter keeps — the PLOVER gold sentences (PLV
  file), ConfliBERT's sentences of classes 1-4, the WikiEvents documents, and the political
  news articles of PolNeAR dev — overall (`recall`) and per set;
- keep rates of the geo corpora's articles (TR-News, GeoVirus): world news without event gold,
  much of it not political (bird flu in swans, obituaries, school gardens);
- skip rate on a mixed feed: PolNeAR and the geo corpora's articles plus TimeBank's news (mostly
  Wall Street Journal business stories, some politics) and non-political English prose shipped with Python itself
  (the language reference topics of `pydoc_data` and the docstrings of the standard library,
  read with `ast`); per source (`skip_rate_*`, with `feed_*` counts) and overall (`skip_rate`).

Why Python's own text: no package we may install ships non-political *news*, and the wheels
that bundle English prose are jokes or word lists; the standard library is always there, is
plainly non-political and is real running prose. It is an easy negative: the per-source rates are
reported so the overall rate can be recomputed for any mixture.
"""

from __future__ import annotations

import csv
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import DataMissing
from . import scorer

_TAG = re.compile(r"<[^>]+>")


def gold_event_documents(data: Path) -> dict[str, list[str]]:
    """Texts that report at least one gold event, by set."""
    sets: dict[str, list[str]] = {}
    plv = data / "events" / "PLV_train_minus_gsr.tsv"
    if plv.is_file():
        with plv.open(encoding="utf-8", newline="") as fh:
            sets["plv_sentences"] = [r["sentence"] for r in csv.DictReader(fh, delimiter="\t")
                                     if r.get("sentence")]
    penta = data / "events" / "cameo_class_train.tsv"
    if penta.is_file():
        with penta.open(encoding="utf-8", newline="") as fh:
            sets["penta_event_sentences"] = [row[0] for row in csv.reader(fh, delimiter="\t")
                                             if len(row) > 1 and row[1].strip() in "1234"
                                             and row[1].strip()]
    wiki = data / "events" / "wikievents_dev.jsonl"
    if wiki.is_file():
        docs = [json.loads(line) for line in wiki.read_text("utf-8").splitlines() if line.strip()]
        sets["wikievents_documents"] = [d["text"] for d in docs if d.get("event_mentions")]
    if not sets:
        raise DataMissing(f"no gold event documents under {data}/events")
    return sets


def _articles(path: Path) -> list[str]:
    if not path.is_file():
        return []
    return [art.findtext("text") or "" for art in ET.parse(path).getroot().iter("article")]


def _timebank(folder: Path) -> Iterator[str]:
    for tml in sorted(folder.glob("*.tml")):
        raw = tml.read_text("utf-8", errors="replace")
        body = raw.split("<TEXT>", 1)[-1].split("</TEXT>", 1)[0]
        yield _TAG.sub("", body)


def python_reference_topics() -> list[str]:
    """The Python language reference as shipped with the interpreter (pydoc_data.topics)."""
    try:
        from pydoc_data.topics import topics
    except ImportError:
        return []
    return [text for _, text in sorted(topics.items()) if len(text) > 400]


def python_docstrings(min_words: int = 40, limit: int = 600) -> list[str]:
    """Docstrings of the standard library's pure-Python modules, read with `ast` (nothing is
    imported): English prose about software, with no political content."""
    import ast
    import sysconfig

    lib = Path(sysconfig.get_paths()["stdlib"])
    found: list[str] = []
    for path in sorted(lib.glob("*.py")):
        try:
            tree = ast.parse(path.read_text("utf-8"))
        except (SyntaxError, UnicodeDecodeError, OSError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                doc = ast.get_docstring(node)
                if doc and len(doc.split()) >= min_words:
                    found.append(doc)
                    if len(found) >= limit:
                        return found
    return found


def political_news(data: Path) -> dict[str, list[str]]:
    """Whole news articles of the gold corpora: political (PolNeAR) and world news (geo)."""
    polnear = data / "quotes" / "polnear" / "dev" / "text"
    news = {
        "polnear": [p.read_text("utf-8") for p in sorted(polnear.glob("*.txt"))],
        "tr_news": _articles(data / "geo" / "TR-News.xml"),
        "geovirus": _articles(data / "geo" / "GeoVirus.xml"),
    }
    return {k: v for k, v in news.items() if v}


def non_political(data: Path) -> dict[str, list[str]]:
    texts = {
        "timebank": list(_timebank(data / "time" / "TBAQ-cleaned" / "TimeBank")),
        "python_reference": python_reference_topics(),
        "python_docstrings": python_docstrings(),
    }
    return {k: v for k, v in texts.items() if v}


@scorer("relevance", "gold", default=True)
def score_relevance(path: Path, pipeline: Any = None, limit: int | None = None,
                    **_options: Any) -> dict[str, Any]:
    from ..relevance import RelevanceFilter

    keep = RelevanceFilter().keep
    out: dict[str, Any] = {}
    kept = total = 0
    news = political_news(path)
    for name, texts in {**gold_event_documents(path), "polnear": news["polnear"]}.items():
        texts = texts[:limit] if limit else texts
        k = sum(1 for t in texts if keep(t))
        out[f"recall_{name}"] = round(k / len(texts), 4)
        kept, total = kept + k, total + len(texts)
    out["recall"] = round(kept / total, 4)
    for name in ("tr_news", "geovirus"):
        if news.get(name):
            out[f"keep_rate_{name}"] = round(sum(map(keep, news[name])) / len(news[name]), 4)
    # held out: the filter's word lists were written looking at PolNeAR dev, never at train
    train = sorted((path / "quotes" / "polnear" / "train" / "text").glob("*.txt"))
    if train:
        texts = [p.read_text("utf-8") for p in train[:limit] if p.is_file()]
        out["keep_rate_polnear_train"] = round(sum(map(keep, texts)) / len(texts), 4)
    out["n"] = total
    skipped = fed = 0
    for name, texts in {**news, **non_political(path)}.items():
        texts = texts[:limit] if limit else texts
        s = sum(1 for t in texts if not keep(t))
        out[f"skip_rate_{name}"] = round(s / len(texts), 4)
        out[f"feed_{name}"] = len(texts)
        skipped, fed = skipped + s, fed + len(texts)
    out["skip_rate"] = round(skipped / fed, 4)
    news_names = ("polnear", "tr_news", "geovirus", "timebank")
    news_fed = sum(out.get(f"feed_{k}", 0) for k in news_names)
    if news_fed:  # the same feed without Python's text: news only
        out["skip_rate_news_only"] = round(sum(
            out[f"skip_rate_{k}"] * out[f"feed_{k}"] for k in news_names if f"feed_{k}" in out)
            / news_fed, 4)
    out["feed"] = fed
    return out
