"""Frames inside frames: a reported clause the parse hung inside another frame's content is one
attribution with it ("Rubio said that he knows voters are angry"), unless a second cue of saying
starts a statement of its own there ("said ... and warned ...", "..., saying that ...").
"""

from __future__ import annotations

from typing import Any

from .lexicon import SPEECH
from .syntax import Frame

Token = Any


def top_level(fr: list[Frame]) -> list[Frame]:
    """Frames not inside another frame's content: in "Rubio said that he knows voters are
    angry" Rubio's statement holds the knowing; it is one attribution, as in PolNeAR. (A frame's
    content lies in its cue's sentence, so only frames of one sentence are compared.)"""
    by_sentence: dict[int, list[Frame]] = {}
    for f in fr:
        by_sentence.setdefault(f.cue.sent.start, []).append(f)
    for group in by_sentence.values():
        for f in group:
            for g in group:
                if g is not f:
                    _split_off(g, f)
    keep = []
    for f in fr:
        at = f.cue.idx
        if any(g is not f and any(a <= at < b for a, b in g.content)
               and not any(a <= g.cue.idx < b for a, b in f.content)
               for g in by_sentence[f.cue.sent.start]):
            continue
        keep.append(f)
    return keep


def _split_off(outer: Frame, inner: Frame) -> None:
    """End `outer`'s content where a second cue of saying begins that the parse hung inside it:
    "said it was opposed to the test and warned North Korea to refrain", "told the audience
    that she believes ..., saying that ...", "said X, and when pressed, the mother replied".
    A coordinated verb or a comma-led participle is a statement of its own, not part of what
    the first cue reports."""
    cue = inner.cue
    if cue.lemma_.lower() not in SPEECH:
        return
    participle = cue.dep_ == "advcl" and cue.tag_ == "VBG" and _after_comma(cue)
    if not (cue.dep_ == "conj" or participle):
        return
    if not any(a <= cue.idx < b for a, b in outer.content) or outer.cue.i >= cue.i:
        return
    left = cue.left_edge
    # the coordinator or comma before the second statement goes with neither
    while left.i > outer.cue.i + 1 and cue.doc[left.i - 1].dep_ in ("cc", "punct"):
        left = cue.doc[left.i - 1]
    cut = left.idx
    content = [(a, min(b, cut)) for a, b in outer.content if a < cut]
    content = [(a, b) for a, b in content if b > a]
    if content:
        outer.content = [(a, b) for a, b in (_trimmed_end(outer.cue.doc.text, a, b)
                                             for a, b in content) if b > a]
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
            # split off as coordinated with the outer cue (or a participle of it), it shares
            # the outer cue's subject
            inner.speaker = outer.speaker


def _after_comma(tok: Token) -> bool:
    """Whether a comma comes right before `tok`, quote marks aside ('party," claiming')."""
    i = tok.i - 1
    while i >= 0 and tok.doc[i].text in ('"', "”", "'", "’", "''"):
        i -= 1
    if i < 0:
        return False
    # after quote marks the comma may be glued to the quoted word's token
    return tok.doc[i].text == "," or i < tok.i - 1 and tok.doc[i].text.endswith(",")


def _trimmed_end(text: str, a: int, b: int) -> tuple[int, int]:
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–-"):
        b -= 1
    return a, b
