"""One mention, one event: "shot and killed the agent", "exploded, killing two soldiers and
wounding 56" report one attack, not two or three.

Events of the same type whose triggers are joined in one clause (coordinated verbs, a
participle adjunct of the other trigger, or its purpose: "marched to protest") and whose sources
agree (the same words, or one has none) become one event: the first in the text, with the
others' triggers and parties added to its evidence and targets. A user who counts events counts
the attack once.
"""

from __future__ import annotations

from typing import Any

from ..records import Event
from .event_tables import coding


def _joined(a: Any, b: Any) -> bool:
    """Are two trigger tokens one mention: conjuncts, or a participle adjunct of the other?"""
    for x, y in ((a, b), (b, a)):  # spaCy makes a new Token object on each access: compare .i
        if y.head.i == x.i and y.dep_ == "conj":
            return True
        if y.head.i == x.i and y.dep_ in ("advcl", "xcomp") and y.tag_ == "VBG":
            return True
        if y.head.head.i == x.i and y.dep_ == "conj" and y.head.dep_ == "advcl" and y.head.tag_ == "VBG":
            return True  # "exploded, killing two and wounding 56": the second participle
        if y.dep_ == "prep" and y.head.dep_ == "conj" and y.head.head.i == x.i:
            return True  # "were arrested and remained in custody": the idiom on the second verb
        if y.dep_ == "relcl" and x.pos_ == "NOUN" and (y.head.i == x.i or _object_of(y.head, x)) and any(
                c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WDT" for c in y.children):
            return True  # "the attacks, which targeted politicians": the noun's own clause, also
            # when it hangs on the noun's object ("the bombing of a clinic that killed an officer")
    return False


def _object_of(obj: Any, noun: Any) -> bool:
    """Is `obj` the object of a preposition of `noun` ("the bombing of a clinic")?"""
    return obj.dep_ == "pobj" and obj.head.dep_ == "prep" and obj.head.head.i == noun.i


def _purpose(a: Any, b: Any) -> bool:
    """Is one trigger the other's purpose: "marched, burning flags to protest the killings"?"""
    for x, y in ((a, b), (b, a)):
        if y.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in y.children) and (
                y.head.i == x.i or y.head.dep_ == "advcl" and y.head.tag_ == "VBG" and y.head.head.i == x.i):
            return True
    return False


# A threat or a plan and its aim are told apart: "will deploy the navy to impose an embargo" is
# coded by what is threatened, which the purpose names.
_NOT_DONE = frozenset({"threatened", "planned", "hypothetical"})


def _one_mention(a: Event, b: Event, tok_a: Any, tok_b: Any) -> bool:
    if _joined(tok_a, tok_b):
        return True
    return a.type != coding("threat").type and a.modality not in _NOT_DONE and b.modality not in _NOT_DONE \
        and _purpose(tok_a, tok_b)


def _sources_agree(a: Event, b: Event) -> bool:
    if not a.sources or not b.sources:
        return True
    return {r.actor_id or r.span.text for r in a.sources} & {r.actor_id or r.span.text for r in b.sources} != set()


def merge_mentions(events: list[Event], token_of) -> list[Event]:
    """`events` with those of one mention merged; `token_of(event)` gives its trigger token.
    Only events of one sentence and one type are compared, so the work stays linear in the
    document's length."""
    groups: dict[tuple[str | None, str], list[int]] = {}
    for k, ev in enumerate(events):
        groups.setdefault((ev.sentence_id, ev.type), []).append(k)
    merged: dict[int, Event] = {}
    for members in groups.values():
        order = sorted(members, key=lambda k: events[k].trigger.start)
        absorbed: set[int] = set()
        for pos, i in enumerate(order):
            if i in absorbed:
                continue
            head = events[i]
            tok_i = token_of(head)
            for j in order[pos + 1:]:
                other = events[j]
                if j in absorbed or not _one_mention(head, other, tok_i, token_of(other)) \
                        or not _sources_agree(head, other):
                    continue
                absorbed.add(j)
                head = _absorb(head, other)
            merged[i] = head
    return [merged[i] for i in range(len(events)) if i in merged]


def _absorb(head: Event, other: Event) -> Event:
    seen = {(r.span.start, r.span.end) for r in head.targets}
    targets = head.targets + [r for r in other.targets if (r.span.start, r.span.end) not in seen]
    done_to = {(r.span.start, r.span.end) for r in targets}
    # "two officers were shot and wounded": a party one mention is done to does not do it in another
    lent = [r for r in other.sources if (r.span.start, r.span.end) not in done_to]
    return head.model_copy(update={
        "targets": targets,
        "evidence": head.evidence + [s for s in other.evidence if s not in head.evidence],
        "sources": head.sources or lent,
        "confidence": max(head.confidence, other.confidence)})
