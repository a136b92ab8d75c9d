"""One actor on both sides of an event is a resolution mistake, not a fact.

"walking around Ambassador Karlov as he lay motionless and shooting him": when both "he" and
"him" resolve to Karlov, the event reads Karlov -> Karlov. An actor acting on itself is written
with a reflexive ("shot himself"), and a reflexive target is kept. Otherwise the pronoun side is
the likelier mistake and is dropped (the source when both are pronouns). With no pronoun on
either side nothing is dropped: one actor for two titles is the actor stage's doing. One phrase
read into both roles stays on one side: the doer's if it is a "by" agent, else the target's.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..lang.en import words

_PRONOUNS = words("pronouns")
_REFLEXIVES = words("pronouns", kind="reflexive")


def without_self_dyads(sources: list, targets: list, actor_of: Callable[[Any], str | None]) -> tuple[list, list]:
    """(source tokens, target tokens) with no actor on both sides, unless the target is a
    reflexive; `actor_of(token)` is the actor a token resolves to."""
    shared = {t.i for t in sources} & {t.i for t in targets}
    if shared:
        # one phrase read into both roles: a "by" agent does it ("users hacked by criminals"),
        # anything else undergoes it
        agents = {t.i for t in sources if t.i in shared and t.head.lower_ == "by"}
        sources = [t for t in sources if t.i not in shared or t.i in agents]
        targets = [t for t in targets if t.i not in agents]
    src = {t.i: actor_of(t) for t in sources}
    tgt = {t.i: actor_of(t) for t in targets}
    both = {a for a in src.values() if a} & {a for a in tgt.values() if a}
    for actor in both - {tgt[t.i] for t in targets if t.lower_ in _REFLEXIVES}:
        pronoun_target = any(tgt[t.i] == actor and _pronoun(t) for t in targets)
        pronoun_source = any(src[t.i] == actor and _pronoun(t) for t in sources)
        if pronoun_target and not pronoun_source:
            targets = [t for t in targets if tgt[t.i] != actor]
        elif pronoun_source:
            sources = [t for t in sources if src[t.i] != actor]
        # two names or titles on one actor ("the British Prime Minister" and "the Irish premier"
        # share a title) are the actor stage's merge to doubt, not this event's parties
    return sources, targets


def _pronoun(tok: Any) -> bool:
    return tok.tag_ == "PRP" or tok.lower_ in _PRONOUNS
