"""ECB+ token XML (Cybulska & Vossen 2014) as plain text with token offsets.

Tokens are joined by one space, except where English prints none: before closing punctuation and
clitics ("n't", "'s"), after opening brackets and currency signs, and around hyphens and slashes. Each sentence of the corpus ends
its own line. The rebuilt text is deterministic, so offsets into it are stable references.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import DataMissing

_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "''", "'", "n't", "'s", "'re",
                    "'ve", "'ll", "'d", "'m", "...", "”", "’"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "“", "#"}
_JOINERS = {"-", "/"}  # "16 - year - old" was "16-year-old" before tokenisation


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


def read_ecbplus(path: str | Path) -> EcbDocument:
    """The document's text and each token's character range in it."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as exc:
        raise DataMissing(f"cannot read the ECB+ file {path}: {exc}") from None
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
