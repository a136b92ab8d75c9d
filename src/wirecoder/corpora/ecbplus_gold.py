"""ECB+ gold mentions and coreference chains, in offsets of the text `ecbplus.read_ecbplus` rebuilds.

    docs = read_topics(data_root, select_topics(data_root, part="tune"))
    for doc in docs:
        doc.text, doc.subtopic, [m for m in doc.mentions if m.is_event]
    chains(docs)    # chain id -> the (document, m_id) of its mentions

A mention is a markable with token anchors (ACTION_OCCURRENCE, HUMAN_PART_PER, ...); event
mentions are the ACTION_* and NEG_ACTION_* ones. Its chain is the `note` (instance id) of the
CROSS_DOC_COREF relation it is a source of, which is shared across the documents of a topic; else
the INTRA_DOC_COREF relation it is a source of (`<doc>:intra:<target m_id>`); else the mention
stands alone (`<doc>:<m_id>`). A document's `subtopic` is its topic and half: `3ecb` (the
documents of the original ECB) or `3ecbplus` (those ECB+ added); each half reports one seminal
event, so the subtopic is the document's gold story.

The split (`select_topics`): topics 1-35 are readable, 36-45 never (W031, `ecbplus.check_topic`).
`tune` is the train topics (1-35 without the development ones), `validation` the usual
development topics (2, 5, 12, 18, 21, 23, 34, 35: `ecbplus.DEV_TOPICS`), `all` both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataMissing, HeldOutData
from .ecbplus import DEV_TOPICS, LAST_OPEN_TOPIC, check_topic, join_tokens, parse_ecbplus

PARTS = ("tune", "validation", "all")
_NAME = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")


@dataclass(frozen=True)
class GoldMention:
    m_id: str
    tag: str  # ACTION_OCCURRENCE, NEG_ACTION_STATE, HUMAN_PART_PER, ...
    start: int  # from the first token's start to the last token's end
    end: int
    text: str
    chain: str
    ranges: tuple[tuple[int, int], ...]  # each token's range (a mention may skip words)

    @property
    def is_event(self) -> bool:
        return self.tag.startswith(("ACTION_", "NEG_ACTION_"))


@dataclass(frozen=True)
class GoldDocument:
    name: str  # "3_4ecb"
    topic: int
    subtopic: str  # "3ecb" or "3ecbplus"
    text: str
    mentions: tuple[GoldMention, ...]

    @property
    def events(self) -> list[GoldMention]:
        return [m for m in self.mentions if m.is_event]


def ecbplus_root(data: str | Path) -> Path:
    """The ECB+ folder under a data root (`DATA/dedup/ecbplus`), or the folder itself."""
    path = Path(data)
    for candidate in (path / "dedup" / "ecbplus", path):
        if candidate.is_dir() and any(p.is_dir() and p.name.isdigit() for p in candidate.iterdir()):
            return candidate
    raise DataMissing(f"no ECB+ topic folders under {path} (expected {path / 'dedup' / 'ecbplus'})")


def select_topics(data: str | Path, part: str = "all", topics: list[int] | None = None) -> list[int]:
    """The topics of a part present under `data`; with `topics`, those, each checked to be
    readable (W031 for 36-45) and within the part (W031 for a validation topic while tuning)."""
    if part not in PARTS:
        raise DataMissing(f"unknown ECB+ part {part!r}; choose one of {', '.join(PARTS)}")
    root = ecbplus_root(data)

    def in_part(t: int) -> bool:
        return part == "all" or (t in DEV_TOPICS) == (part == "validation")

    if topics is None:
        present = (int(p.name) for p in root.iterdir() if p.is_dir() and p.name.isdigit())
        return sorted(t for t in present if t <= LAST_OPEN_TOPIC and in_part(t))
    for t in topics:
        check_topic(t)
        if not in_part(t):
            raise HeldOutData(f"ECB+ topic {t} is not in the {part} part")
        if not (root / str(t)).is_dir():
            raise DataMissing(f"no ECB+ topic {t} under {root}")
    return sorted(set(topics))


def read_gold_document(path: str | Path) -> GoldDocument:
    """One ECB+ file: its rebuilt text and every mention with its offsets and chain."""
    path = Path(path)
    found = _NAME.match(path.name)
    if found is None:
        raise DataMissing(f"not an ECB+ document name (TOPIC_NUMBERecb[plus].xml): {path}")
    root = parse_ecbplus(path)
    doc = join_tokens(root)
    span_of = {t.t_id: (t.start, t.end) for t in doc.tokens}
    name = path.stem
    chain_of: dict[str, str] = {}
    for rel in root.iter("INTRA_DOC_COREF"):
        target = rel.find("target")
        for source in rel.iter("source"):
            chain_of[source.get("m_id", "")] = f"{name}:intra:{target.get('m_id') if target is not None else ''}"
    for rel in root.iter("CROSS_DOC_COREF"):
        for source in rel.iter("source"):
            chain_of[source.get("m_id", "")] = rel.get("note") or f"{name}:cross:{rel.get('r_id')}"
    mentions = []
    markables = root.find("Markables")
    for markable in markables if markables is not None else []:
        anchors = [span_of[int(a.get("t_id", 0))] for a in markable.iter("token_anchor")
                   if int(a.get("t_id", 0)) in span_of]
        if not anchors:  # an instance (the chain's description), not a mention in the text
            continue
        m_id = markable.get("m_id", "")
        ranges = tuple(sorted(anchors))
        start, end = ranges[0][0], ranges[-1][1]
        mentions.append(GoldMention(m_id, markable.tag, start, end, doc.text[start:end],
                                    chain_of.get(m_id, f"{name}:{m_id}"), ranges))
    mentions.sort(key=lambda m: (m.start, m.end, m.m_id))
    topic = int(found.group(1))
    return GoldDocument(name, topic, f"{topic}{found.group(3)}", doc.text, tuple(mentions))


def _order(path: Path) -> tuple[int, int, int]:
    found = _NAME.match(path.name)
    assert found is not None
    return int(found.group(1)), found.group(3) == "ecbplus", int(found.group(2))


def read_topics(data: str | Path, topics: list[int]) -> list[GoldDocument]:
    """The documents of these topics, topic by topic, the ECB half first, by document number."""
    root = ecbplus_root(data)
    paths = []
    for t in topics:
        check_topic(t)
        paths += [p for p in (root / str(t)).glob("*.xml") if _NAME.match(p.name)]
    return [read_gold_document(p) for p in sorted(paths, key=_order)]


def chains(docs: list[GoldDocument], events_only: bool = True) -> dict[str, list[tuple[str, str]]]:
    """Chain id -> its mentions as (document name, m_id), in document order."""
    out: dict[str, list[tuple[str, str]]] = {}
    for doc in docs:
        for m in doc.mentions:
            if m.is_event or not events_only:
                out.setdefault(m.chain, []).append((doc.name, m.m_id))
    return out
