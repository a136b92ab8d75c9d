"""Drafts of quotes: what the finder gathers for each attribution (content, cue, speaker) in text
order, the attribution a cue-less quote continues, and the Quote record each becomes.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass
from typing import Any

from ...records import ActorRef, Quote, Span, stable_id
from ..actor_index import ActorIndex
from .layout import Layout, body_before
from .marks import QuoteRun
from .speakers import Speaker, addressee_of, addressee_ref, anonymity_in_sentence, make_speaker

Token = Any

_CONFIDENCE = {"speech": 0.6, "according": 0.6, "thought": 0.45, "evidence": 0.45,
               "stance": 0.45, "noun": 0.4, "raising": 0.35}


@dataclass
class Draft:
    kind: str
    content: list[tuple[int, int]]
    cue: Token | None = None
    cue_range: tuple[int, int] | None = None
    speaker_tok: Token | None = None
    speaker: Speaker | None = None
    addressee: Token | None = None
    paragraph: int = 0
    category: str = "speech"
    pattern: str = ""
    continuation: bool = False
    source: Draft | None = None  # the quote whose speaker a continuation takes
    sourceless: bool = False


class Timeline:
    """Drafts in text order, for finding the attribution a cue-less quote continues."""

    def __init__(self, drafts: list[Draft]):
        self.items: list[tuple[int, int, Draft]] = []
        for d in drafts:
            self.add(d)

    def add(self, d: Draft) -> None:
        insort(self.items, (d.content[0][0], len(self.items), d), key=lambda item: item[:2])

    def before(self, pos: int) -> int:
        return bisect_left(self.items, pos, key=lambda item: item[0])


def continued_from(tx: Layout, timeline: Timeline, run: QuoteRun) -> Draft | None:
    """The attribution a cue-less quote continues: the latest one with a source earlier in its
    paragraph, else (for a quote opening its paragraph) the last one of the nearest body
    paragraph before it, photo captions skipped."""
    items = timeline.items
    i = timeline.before(run.start) - 1
    while i >= 0 and items[i][2].paragraph == run.paragraph:
        if _has_source(items[i][2]):
            return items[i][2]
        i -= 1
    if run.start != tx.paragraphs[run.paragraph][0]:
        return None
    q = body_before(tx, run.paragraph)
    if q is None:
        return None
    while i >= 0 and items[i][2].paragraph > q:
        i -= 1
    while i >= 0 and items[i][2].paragraph >= q - 3:
        d = items[i][2]
        if (d.paragraph == q or any(tx.paragraph_of(a) == q for a, _ in d.content)) \
                and _has_source(d):
            return d
        i -= 1
    return None


def _has_source(d: Draft) -> bool:
    return d.speaker_tok is not None or d.speaker is not None or d.source is not None


def union(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(a + b):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def resolve(tx: Layout, drafts: list[Draft], index: ActorIndex) -> list[Draft]:
    """Speakers and addressees for every draft, in text order (continuations copy theirs)."""
    for d in drafts:
        if d.speaker is None and d.speaker_tok is not None:
            d.speaker = make_speaker(tx.text, d.speaker_tok, index)
    for d in drafts:
        if d.speaker is None and d.source is not None:
            d.speaker = d.source.speaker
        if d.cue is not None:
            toks: set[int] = set()
            for a, b in d.content:
                toks.update(tx.tokens_in(a, b))
            d.addressee = addressee_of(d.cue, toks)
    return drafts


def to_quote(doc_id: str, tx: Layout, d: Draft, index: ActorIndex) -> Quote:
    text = tx.text
    content = [_trimmed(text, a, b) for a, b in d.content]
    content = [c for c in content if c.end > c.start] or [Span.of(text, d.content[0][0], d.content[0][1])]
    cue = Span.of(text, *d.cue_range) if d.cue_range is not None else None
    speaker_ref: ActorRef | None = d.speaker.ref if d.speaker is not None else None
    addressee = addressee_ref(text, d.addressee, index) if d.addressee is not None else None
    # Anonymity is a matter of sourcing: of someone saying something, not of a stance taken.
    speaks = d.kind != "indirect" or d.category in ("speech", "according")
    anonymous = speaks and d.speaker is not None and (
        d.speaker.anonymous or d.cue is not None and anonymity_in_sentence(d.cue)
        and d.speaker.ref.actor_id is None)
    evidence = list(content)
    for extra in (speaker_ref.span if speaker_ref else None, cue,
                  addressee.span if addressee else None):
        if extra is not None:
            evidence.append(extra)
    if d.kind == "indirect":
        confidence = _CONFIDENCE.get(d.category, 0.4)
    else:
        confidence = 0.8 if d.speaker is not None else 0.45
        if d.continuation:
            confidence = 0.65
    if d.speaker is None and not d.sourceless:
        confidence = min(confidence, 0.4)
    return Quote(
        id=stable_id("quote", doc_id, d.kind, "|".join(c.key() for c in content)),
        kind=d.kind, content=content, speaker=speaker_ref,
        speaker_name=d.speaker.name if d.speaker is not None else None, anonymous=anonymous,
        cue=cue, addressee=addressee, time_id=None, evidence=evidence, confidence=confidence,
    )


def _trimmed(text: str, a: int, b: int) -> Span:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Span.of(text, a, b)
