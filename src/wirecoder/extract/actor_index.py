"""One index of the actors stage's mentions by character offset, for the extractors that look up
who a token or a stretch of text is (quotes' speakers, events' parties)."""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from ..lang.en import words
from ..records import Actor, Span


def parties(actors) -> list[Actor]:
    """The actors that may fill an event's or a quote's role, or be a person to the places
    stage: not the described ones (Actor.described: "vandals", "four Saudi men")."""
    return [a for a in actors or () if not a.described]


# Mentions that are pronouns or relatives: an actor's name is looked for among its other mentions.
_NOT_NAMES = words("pronouns", kind=("personal", "relative", "possessive"))


class ActorIndex:
    """Actor mentions by character offset."""

    def __init__(self, actors: list[Actor] | None):
        actors = parties(actors)
        self.by_id = {a.id: a for a in actors}
        self.sectors = {a.id: set(a.sectors) for a in actors}
        self.mentions = {a.id: list(a.mentions) for a in actors}
        self.by_char: dict[int, str] = {}
        spans = []
        for actor in actors:
            for m in actor.mentions:
                spans.append((m.start, m.end, actor))
                for i in range(m.start, m.end):
                    self.by_char.setdefault(i, actor.id)
        spans.sort(key=lambda s: (s[0], s[1]))
        self.spans = spans
        self.starts = [s[0] for s in spans]

    def at(self, start: int, end: int, head: int | None = None) -> Actor | None:
        """The actor with a mention holding `head`, else one overlapping [start, end)."""
        i = bisect_right(self.starts, end)
        best = None
        for s, e, actor in self.spans[max(0, i - 40):i]:
            if head is not None and s <= head < e:
                return actor
            if s < end and start < e and best is None:
                best = actor
        return best

    def actor_at(self, tok: Any) -> str | None:
        """The id of the actor with a mention at the token's first character."""
        return self.by_char.get(tok.idx)

    def named_mention(self, actor_id: str, start: int, end: int) -> Span | None:
        """The actor's last mention inside [start, end) that is a name or description, not a
        pronoun."""
        found = [m for m in self.mentions.get(actor_id, ()) if start <= m.start and m.end <= end
                 and m.text.lower() not in _NOT_NAMES]
        return found[-1] if found else None
