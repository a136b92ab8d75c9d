"""A constructed collection for scoring deduplication: real articles and near copies of them.

Built in code at evaluation time from articles in the shared gold data (never copied into the
repository). Each source article gives an original and `copies` other "outlets'" versions:

- a rewritten lead (a time phrase moved to the front, "X, police said." turned into "Police said X"),
- number and date formats paraphrased ("1,000" <-> "1000", "27 January" <-> "Jan. 27",
  "10 percent" <-> "10%", small numbers in words <-> digits),
- sentence reordering (adjacent body paragraphs swapped) and a shortened version (later
  paragraphs cut),
- sentences cut (about one in seven, never the lead) and house words swapped ("officials" <->
  "authorities", "more than" <-> "over"; never an event trigger),
- a publication date a day later for some copies.

The source articles are, per corpus, those published closest together (PolNeAR dev: 20-22
September 2016; TR-News: 17 December 2016), so different events with the same people, days and
places are there to be wrongly merged.

Every copy is assembled from units (sentences) whose source sentence is known, so an event coded
in any version maps back to (article, source sentence, trigger word, occurrence): that key is the
gold identity of the event. Documents of one article form the gold near-duplicate cluster.
"""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from ..errors import DataMissing
from ..ingest.base import RawDocument, parse_published
from ..lang.en import numbers

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
_WEEKDAY = "(?:" + "|".join(d.title() for d, _ in sorted(numbers("weekdays", "number", form="name").items(),
                                                       key=lambda kv: kv[1])) + "|yesterday|today)"
# "(?<!\s)": a match starts at the first blank of a run, so a long run is scanned once
_LEAD_TIME = re.compile(rf"(?<!\s)\s+on\s+({_WEEKDAY})\b")
_TRAILING_SAID = re.compile(r"^(?P<body>.+?),\s+(?P<who>(?:[A-Z][\w.'’-]*\s?){1,4}|police|officials|"
                            r"authorities|the \w+ said|[a-z]+ officials)\s+said\.$")
_MONTHS = [m.title() for m, _ in sorted(numbers("months", "number", form="name").items(), key=lambda kv: kv[1])]
_ABBREV = {m: (m[:3] + "." if len(m) > 5 else m) for m in _MONTHS}
_ABBREV["September"] = "Sept."
# Another outlet's house words: none is an event trigger, so the coded events stay comparable.
_HOUSE_WORDS = [("officials", "authorities"), ("government", "administration"),
                ("told reporters", "told journalists"), ("according to", "citing"),
                ("however", "but"), ("people", "persons"), ("also", "additionally"),
                ("about", "around"), ("more than", "over"), ("because", "as"),
                ("spokesman", "spokesperson"), ("capital", "capital city"),
                ("statement", "written statement"), ("residents", "locals"),
                ("country", "nation"), ("president", "President")]
_NUMBER_WORDS = {w: str(v) for w, v in numbers("number_words", "value", kind="count").items() if 2 <= v <= 9}


@dataclass(frozen=True)
class SourceArticle:
    key: str
    paragraphs: list[list[str]]  # sentences per paragraph
    published: datetime | None


@dataclass
class Version:
    """One document of the collection with the source sentence of each of its characters."""

    doc_id: str
    article: str
    text: str
    published: datetime | None
    unit_starts: list[int] = field(default_factory=list)
    unit_sources: list[int] = field(default_factory=list)

    def source_sentence(self, offset: int) -> int:
        i = bisect_right(self.unit_starts, offset) - 1
        return self.unit_sources[max(i, 0)]

    def raw(self) -> RawDocument:
        return RawDocument(text=self.text, published=self.published, doc_id=self.doc_id,
                           source=f"collection:{self.article}")


def split_article(text: str, max_chars: int) -> list[list[str]]:
    """Paragraphs of sentences, cut at the paragraph that passes `max_chars`."""
    paragraphs: list[list[str]] = []
    used = 0
    for block in re.split(r"\n\s*\n|\n", text.strip()):
        block = " ".join(block.split())
        if not block:
            continue
        sentences = [s for s in _SENTENCE_END.split(block) if s.strip()]
        paragraphs.append(sentences)
        used += len(block)
        if used >= max_chars:
            break
    return paragraphs


def _closest_in_time(articles: list[SourceArticle], n: int) -> list[SourceArticle]:
    """The `n` dated articles published closest together: same days, often the same people, so
    different events with alike features are there to be wrongly merged."""
    dated = sorted((a for a in articles if a.published is not None),
                   key=lambda a: (a.published, a.key))
    if len(dated) <= n:
        return dated
    start = min(range(len(dated) - n + 1),
                key=lambda i: (dated[i + n - 1].published - dated[i].published, i))
    return dated[start:start + n]


def read_sources(data: Path, per_corpus: int, max_chars: int) -> list[SourceArticle]:
    """From PolNeAR dev and from TR-News, the `per_corpus` articles published closest together."""
    out: list[SourceArticle] = []
    polnear = data / "quotes" / "polnear"
    tr_news = data / "geo" / "TR-News.xml"
    if not (polnear / "dev" / "text").is_dir() or not tr_news.is_file():
        raise DataMissing(f"the dedup collection needs {polnear}/dev/text and {tr_news}")
    from ..evaluate.polnear import read_dates

    dates = read_dates(polnear / "metadata.tsv")
    polnear_articles = []
    for path in sorted((polnear / "dev" / "text").glob("*.txt")):
        date = dates.get(path.stem)
        polnear_articles.append(SourceArticle(f"polnear:{path.stem}", split_article(
            path.read_text("utf-8"), max_chars), parse_published(date) if date else None))
    tr_articles = [SourceArticle(f"trnews:{art.get('docid')}", split_article(
        art.findtext("text") or "", max_chars), _loose_date(art.findtext("dltime")))
        for art in ET.parse(tr_news).getroot().iter("article")]
    for group in (polnear_articles, tr_articles):
        usable = [a for a in group if sum(len(p) for p in a.paragraphs) >= 3]
        out.extend(_closest_in_time(usable, per_corpus))
    return out


def _loose_date(value: str | None) -> datetime | None:
    """TR-News dates come as 2016-12-19 or as 'Wed Nov 23, 2016 | 4:55pm EST': the day is enough."""
    from dateutil import parser

    try:
        return parse_published(parser.parse((value or "").split("|")[0].strip(), ignoretz=True).date().isoformat())
    except (ValueError, OverflowError):
        return None


# -- paraphrases -------------------------------------------------------------------------------

def paraphrase_formats(sentence: str, rng: random.Random) -> str:
    """Numbers and dates written another way, as another outlet's style guide would."""
    s = sentence
    months = "|".join(_MONTHS)
    if rng.random() < 0.5:  # "27 January" -> "Jan. 27"
        s = re.sub(rf"\b(\d{{1,2}}) ({months})\b", lambda m: f"{_ABBREV[m.group(2)]} {m.group(1)}", s)
    else:  # "January 27" -> "27 January"
        s = re.sub(rf"\b({months}) (\d{{1,2}})\b(?!,? \d{{4}})", lambda m: f"{m.group(2)} {m.group(1)}", s)
    s = re.sub(r"\b(\d{1,3}),(\d{3})\b", r"\1\2", s)  # 1,000 -> 1000
    s = re.sub(r"\b(\d+(?:\.\d+)?) percent\b", r"\1%", s)
    s = re.sub(r"\b(" + "|".join(_NUMBER_WORDS) + r") (people|soldiers|police|officers|"
               r"civilians|men|women|children|members|others|times|years|days)\b",
               lambda m: f"{_NUMBER_WORDS[m.group(1)]} {m.group(2)}", s)
    return s


def _lower_article(text: str) -> str:
    return text[0].lower() + text[1:] if text.split()[0] in ("A", "An", "The") else text


def house_style(sentence: str, rng: random.Random) -> str:
    """Some words swapped for another outlet's choice, in one direction or the other."""
    for a, b in _HOUSE_WORDS:
        if rng.random() < 0.5:
            a, b = b, a
        sentence = re.sub(rf"\b{re.escape(a)}\b", b, sentence)
    return sentence


def rewrite_lead(sentence: str) -> str:
    """Another outlet's lead: the attribution moved to the front, or the day moved to the front."""
    said = _TRAILING_SAID.match(sentence)
    if said and len(said.group("body")) > 20:
        who = said.group("who").strip()
        body = said.group("body").rstrip(",")
        return f"{who[0].upper()}{who[1:]} said {_lower_article(body)}."
    when = _LEAD_TIME.search(sentence)
    if when and when.start() > 10:
        rest = sentence[:when.start()] + sentence[when.end():]
        return f"On {when.group(1)}, {_lower_article(rest)}"
    return sentence


def make_version(article: SourceArticle, index: int, rng: random.Random) -> Version:
    """Version 0 is the original; the others are near copies made with `rng`."""
    units: list[tuple[int, str]] = []
    paragraphs: list[list[tuple[int, str]]] = []
    n = 0
    for para in article.paragraphs:
        paragraphs.append([(n + i, s) for i, s in enumerate(para)])
        n += len(para)
    published = article.published
    if index > 0:
        if len(paragraphs) > 3:  # reorder: swap adjacent body paragraphs
            body = paragraphs[1:]
            for i in range(0, len(body) - 1, 2):
                if rng.random() < 0.6:
                    body[i], body[i + 1] = body[i + 1], body[i]
            paragraphs = [paragraphs[0], *body]
        if index % 2 == 0 and len(paragraphs) > 4:  # a shortened version
            paragraphs = paragraphs[: max(3, int(len(paragraphs) * 0.7))]
        first_n, first = paragraphs[0][0]
        paragraphs[0] = [(first_n, rewrite_lead(first)), *paragraphs[0][1:]]
        # an outlet cuts sentences of its own choosing (never the lead) and edits the rest
        paragraphs = [kept for kept in ([(i, s) for i, s in p if i == 0 or rng.random() > 0.15]
                                        for p in paragraphs) if kept]
        paragraphs = [[(i, house_style(paraphrase_formats(s, rng), rng)) for i, s in p]
                      for p in paragraphs]
        if published is not None and rng.random() < 0.5:
            published = published + timedelta(days=1)
    text_parts: list[str] = []
    starts: list[int] = []
    sources: list[int] = []
    pos = 0
    for p, para in enumerate(paragraphs):
        if p:
            text_parts.append("\n\n")
            pos += 2
        for j, (i, sentence) in enumerate(para):
            if j:
                text_parts.append(" ")
                pos += 1
            starts.append(pos)
            sources.append(i)
            text_parts.append(sentence)
            pos += len(sentence)
            units.append((i, sentence))
    return Version(doc_id=f"{article.key}#v{index}", article=article.key, text="".join(text_parts),
                   published=published, unit_starts=starts, unit_sources=sources)


def build_collection(data: str | Path, *, per_corpus: int = 12, copies: int = 3,
                     max_chars: int = 1500, seed: int = 13) -> list[Version]:
    """The originals and their copies, in a shuffled arrival order (copies may come first)."""
    versions: list[Version] = []
    for article in read_sources(Path(data), per_corpus, max_chars):
        rng = random.Random(f"{seed}:{article.key}")
        versions.extend(make_version(article, i, rng) for i in range(copies + 1))
    random.Random(seed).shuffle(versions)
    return versions
