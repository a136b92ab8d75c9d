"""Small readings of the dependency tree shared by the quote finders: token ends and subtree
ranges, a verb's subject and agent, whether it is passive."""

from __future__ import annotations

from typing import Any

Token = Any  # a spaCy Token


Range = tuple[int, int]


def token_end(tok: Token) -> int:
    return tok.idx + len(tok.text)


def subtree_range(tok: Token, cut: set[int] | None = None) -> Range | None:
    """Characters of `tok`'s subtree, trimmed of edge punctuation, stopping short of `cut` tokens
    (the cue and speaker when a bad parse put them inside the content)."""
    tokens = [t for t in tok.subtree]
    if cut:
        # keep the contiguous stretch around tok that avoids the cut tokens
        left = tok.i
        while left - 1 >= tokens[0].i and left - 1 not in cut:
            left -= 1
        right = tok.i
        while right + 1 <= tokens[-1].i and right + 1 not in cut:
            right += 1
        tokens = [t for t in tokens if left <= t.i <= right]
    return trimmed_range(tokens)


def children_of(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def subject_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "csubj"):
            return c
    return None


def agent_of(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


EDGE_PUNCT = set(",;:—–-()[]")


def trimmed_range(tokens: list[Token]) -> Range | None:
    """The character range of `tokens` without punctuation or blanks at either end."""
    while tokens and (tokens[0].text in EDGE_PUNCT or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].text in EDGE_PUNCT or tokens[-1].is_space):
        tokens = tokens[:-1]
    return (tokens[0].idx, token_end(tokens[-1])) if tokens else None


def merge_ranges(ranges: list[Range]) -> list[Range]:
    """Overlapping or touching ranges joined, in order."""
    out: list[Range] = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def runs_to_ranges(tokens: list[Token]) -> list[Range]:
    """Character ranges of the runs of consecutive tokens, trimmed of punctuation and blanks at
    both ends; runs of fewer than two words are left out."""
    ranges: list[Range] = []
    piece: list[Token] = []
    for t in [*tokens, None]:
        if t is not None and (not piece or t.i == piece[-1].i + 1):
            piece.append(t)
            continue
        while piece and (piece[0].is_punct or piece[0].is_space):
            piece = piece[1:]
        while piece and (piece[-1].is_punct or piece[-1].is_space):
            piece = piece[:-1]
        if len([p for p in piece if p.is_alpha]) >= 2:
            ranges.append((piece[0].idx, token_end(piece[-1])))
        piece = [t] if t is not None else []
    return ranges
