"""ECB+ token XML (Cybulska & Vossen 2014) as plain text with token offsets.

Tokens are joined by one space, except where English prints none: before closing punctuation and
clitics ("n't", "'s"), after opening brackets and currency signs, and around hyphens and slashes. Each sentence of the corpus ends
its own line. The rebuilt text is deterministic, so offsets into it are stable references.

Only topics 1-35 (the usual train and development topics) are ever read: topics 36-45 are the
corpus's test topics, held back, and a file of one of them is refused (W031) before it is opened.
A file's topic is the number before the first `_` of its name (`36_1ecb.xml`), else its folder's.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataMissing, HeldOutData

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "'", "n't", "'s", "'re",
                    "'ve", "'ll", "'d", "'m", "...", "”", "’"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“", "#"}
_JOINERS = {"-", "/"}  # "16 - year - old" was "16-year-old" before tokenisation

LAST_OPEN_TOPIC = 35  # topics 36-45 are the held-back test topics
# ECB+ topics whose documents are the usual development split (Cybulska & Vossen 2014).
DEV_TOPICS = frozenset({2, 5, 12, 18, 21, 23, 34, 35})
_TOPIC_IN_NAME = re.compile(r"^(\d+)_")


@dataclass(frozen=True)
class EcbToken:
    t_id: int
    sentence: int
    start: int
    end: int


@dataclass(frozen=True)
class EcbDocument:
    text: str
    tokens: tuple[EcbToken, ...]


def check_topic(topic: int) -> int:
    """The topic, when it may be read; HeldOutData (W031) for the test topics 36-45 (and above)."""
    if topic > LAST_OPEN_TOPIC:
        raise HeldOutData(f"ECB+ topic {topic} is held-back test data (topics 36-45): "
                          f"wirecoder reads only topics 1-{LAST_OPEN_TOPIC}")
    return topic


def topic_of(path: str | Path) -> int | None:
    """The ECB+ topic a file belongs to, from its name (`3_4ecb.xml`) or its folder (`3/`)."""
    p = Path(path)
    if m := _TOPIC_IN_NAME.match(p.name):
        return int(m.group(1))
    return int(p.parent.name) if p.parent.name.isdigit() else None


def parse_ecbplus(path: str | Path) -> ET.Element:
    """The file's XML root, refusing held-back topics by name before the file is opened and by
    the `doc_name` it declares after."""
    topic = topic_of(path)
    if topic is not None:
        check_topic(topic)
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise DataMissing(f"cannot read the ECB+ file {path}: {exc}") from None
    if m := _TOPIC_IN_NAME.match(root.get("doc_name") or ""):
        check_topic(int(m.group(1)))
    return root


def read_ecbplus(path: str | Path) -> EcbDocument:
    """The document's text and each token's character range in it."""
    return join_tokens(parse_ecbplus(path))


def join_tokens(root: ET.Element) -> EcbDocument:
    """The text rebuilt from a parsed file's tokens (see the module docstring)."""
    parts: list[str] = []
    tokens: list[EcbToken] = []
    length = 0
    previous: tuple[int, str] | None = None  # (sentence, text) of the last token
    for tok in root.iter("token"):
        word = (tok.text or "").strip()
        if not word:
            continue
        sentence = int(tok.get("sentence") or 0)
        if previous is not None:
            if sentence != previous[0]:
                sep = "\n"
            elif word in _NO_SPACE_BEFORE or word.lower() in _NO_SPACE_BEFORE or previous[1] in _NO_SPACE_AFTER \
                    or word in _JOINERS or previous[1] in _JOINERS:
                sep = ""
            else:
                sep = " "
            parts.append(sep)
            length += len(sep)
        tokens.append(EcbToken(int(tok.get("t_id") or 0), sentence, length, length + len(word)))
        parts.append(word)
        length += len(word)
        previous = (sentence, word)
    return EcbDocument("".join(parts) + "\n", tuple(tokens))
