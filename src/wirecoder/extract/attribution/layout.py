"""A document's text as the quote finder reads it: offsets, tokens and paragraphs, with quick
lookups cached per sentence, and which paragraphs are body text (not photo captions or headings).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .lexicon import DIRECT_CUES
from .marks import paragraph_bounds
from .tree import token_end

TERMINAL = re.compile(r"[.!?…:][\"'”’»)\]]*$|[\"'”’»]$")


class Layout:
    """Offsets, tokens and paragraphs of one document, with quick lookups."""

    def __init__(self, text: str, doc):
        self.text, self.doc = text, doc
        self.paragraphs = paragraph_bounds(text)
        self.p_starts = [a for a, _ in self.paragraphs]
        self.tok_starts = [t.idx for t in doc]
        self._verbs: dict[int, list] = {}
        self._cue_clauses: dict[int, bool] = {}
        self._colons: dict[int, list[int]] = {}

    def verbs_of(self, sent, owner: list[int]) -> list:
        """Verbs and 'according' of a sentence outside quoted text (cached per sentence)."""
        if sent.start not in self._verbs:
            self._verbs[sent.start] = [
                t for t in sent if owner[t.i] < 0 and (t.pos_ == "VERB" or t.lower_ == "according")]
        return self._verbs[sent.start]

    def colons_of(self, sent, owner: list[int]) -> list[int]:
        """Token indices of the colons of a sentence outside quoted text (cached)."""
        if sent.start not in self._colons:
            self._colons[sent.start] = [t.i for t in sent if t.text == ":" and owner[t.i] < 0]
        return self._colons[sent.start]

    def is_cue_clause(self, sent, owner: list[int]) -> bool:
        if sent.start not in self._cue_clauses:
            self._cue_clauses[sent.start] = cue_clause(sent, owner)
        return self._cue_clauses[sent.start]

    def token_at(self, char: int) -> int:
        return max(0, bisect_right(self.tok_starts, char) - 1)

    def paragraph_of(self, char: int) -> int:
        return max(0, bisect_right(self.p_starts, char) - 1)

    def tokens_in(self, a: int, b: int) -> range:
        if not len(self.doc):
            return range(0)
        first = self.token_at(a)
        if self.doc[first].idx < a and token_end(self.doc[first]) <= a:
            first += 1
        last = self.token_at(max(a, b - 1))
        return range(first, last + 1)

    def is_caption(self, p: int) -> bool:
        """Photo captions and headings: paragraphs that do not end like a sentence."""
        a, b = self.paragraphs[p]
        return not TERMINAL.search(self.text[max(a, b - 8):b])


def cue_clause(sent, owner: list[int]) -> bool:
    """A short sentence that is only a cue clause: 'Weaver said.', 'one person tweeted.'"""
    words = []
    for t in sent:
        if not t.is_punct and not t.is_space and owner[t.i] < 0:
            words.append(t)
            if len(words) > 12:
                return False
    return bool(words) and any(
        t.pos_ == "VERB" and t.lemma_.lower() in DIRECT_CUES for t in words[:6])


def body_before(tx: Layout, p: int, limit: int = 4) -> int | None:
    """The nearest earlier paragraph that is not a caption or heading."""
    q = p - 1
    while q >= 0 and p - q <= limit + 1:
        if not tx.is_caption(q):
            return q
        q -= 1
    return None
