"""The confidence model's pronoun features (extract/event_confidence._bare_pronoun): a party that
is only a pronoun counts against an event, but not the first person of a quote resolved to its
speaker ("'I will deploy ...,' Trump pledged")."""

from __future__ import annotations

from wirecoder.extract.event_confidence import _bare_pronoun
from wirecoder.records import ActorRef, Span


def _ref(text: str, actor_id: str | None) -> ActorRef:
    return ActorRef(span=Span(start=0, end=len(text), text=text), actor_id=actor_id)


def test_a_resolved_first_person_is_no_bare_pronoun():
    assert not _bare_pronoun(_ref("I", "actor_trump"))
    assert not _bare_pronoun(_ref("We", "actor_party"))


def test_other_pronouns_stay_bare():
    assert _bare_pronoun(_ref("I", None))
    assert _bare_pronoun(_ref("they", "actor_rebels"))  # a third person is resolved by a guess
    assert not _bare_pronoun(_ref("the rebels", "actor_rebels"))
