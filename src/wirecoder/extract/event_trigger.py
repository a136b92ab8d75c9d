"""The coder's working records: a lexicon entry and a trigger found in the parse."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Lexeme:
    type: str
    mode: str | None
    cameo: str | None
    role: str = "svo"
    needs_frame: bool = False  # nouns only: an event only when a light verb carries it


@dataclass
class Trigger:
    token: Any  # the spaCy token that anchors the event (verb, or the event noun)
    lexeme: Lexeme
    end_token: Any = None  # the second word of a two-word pattern
    frame: Any = None  # the light verb carrying an event noun
    idiom: bool = False  # a prepositional idiom ("on alert"): the trigger runs from the preposition
    demanded_by: Any = None  # who asks: the speech verb of "X said Y must do Z", or the word asking
    # for the act ("called for the army to withdraw", event_requests.py): a REQUEST from X to Y
    bare: bool = False  # an event noun on its own ("the shooting"): an event with no parties named
