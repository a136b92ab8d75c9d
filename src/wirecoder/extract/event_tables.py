"""The event coder's knowledge tables, read once: codings (knowledge/event_codings.tsv), prepositional
idioms (knowledge/event_idioms.tsv) and English word classes (lang/en/event_words.tsv).

    coding("asylum").lexeme()        # Lexeme("AID", "asylum", "075")
    coding("refusal").applies_to     # the refusable types (a group of plover_types.tsv)
    idioms()[("on", "alert")]        # (Lexeme("MOBILIZE", "troops", "150"), needs)
    event_words("light_verb")        # frozenset of the words of one class

The rules that use them stay in code (event_triggers.py, event_typing.py, ...); what they match and
what they code is data, each row with its example.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..errors import KnowledgeError
from ..knowledge import load_tsv
from ..knowledge.plover import plover_types, types_in
from ..lang.en import table
from .event_trigger import Lexeme

# named with its suffix so that the stage fingerprint (fingerprint.py) covers the file
WORDS_FILE = "event_words.tsv"
KEEP_MODE = "="
ACT_MODE = "<act>"


@dataclass(frozen=True)
class Coding:
    """One row of event_codings.tsv."""

    name: str
    applies_to: frozenset[str]
    type: str
    mode: str | None
    cameo: str | None

    def lexeme(self) -> Lexeme:
        return Lexeme(self.type, self.mode, self.cameo)

    def mode_for(self, act_type: str, mode: str | None) -> str | None:
        """The recoded event's mode: kept, the act's type in lower case, or the row's own."""
        if self.mode == KEEP_MODE:
            return mode
        if self.mode == ACT_MODE:
            return act_type.lower()
        return self.mode


def _types_named(cell: str) -> frozenset[str]:
    """Types of an `applies_to` cell: type names, or group names of plover_types.tsv."""
    out: set[str] = set()
    for name in (c.strip() for c in cell.split(",") if c.strip()):
        out |= {name} if name in plover_types() else types_in(name)
    return frozenset(out)


@cache
def codings() -> dict[str, Coding]:
    return {row["name"]: Coding(row["name"], _types_named(row["applies_to"]), row["type"],
                                row["mode"] or None, row["cameo"] or None)
            for row in load_tsv("event_codings.tsv")}


def coding(name: str) -> Coding:
    found = codings().get(name)
    if found is None:
        raise KnowledgeError(f"no coding {name!r} in knowledge/event_codings.tsv")
    return found


@cache
def held_idioms() -> frozenset[tuple[str, str]]:
    """(preposition, noun lemma) of the idioms whose holder undergoes the act: "in custody"."""
    return frozenset((row["prep"], row["noun"]) for row in load_tsv("event_idioms.tsv") if row["held"] == "yes")


@cache
def idioms() -> dict[tuple[str, str], tuple[Lexeme, str | None]]:
    """(preposition, noun lemma) -> (lexeme, the lemma that must precede the noun, if any)."""
    return {(row["prep"], row["noun"]): (Lexeme(row["type"], row["mode"] or None, row["cameo"] or None),
                                         row["needs"] or None)
            for row in load_tsv("event_idioms.tsv")}


@cache
def event_words(word_class: str) -> frozenset[str]:
    """The words of one class of lang/en/event_words.tsv; W023 for a class with no word."""
    rows = table(WORDS_FILE.removesuffix(".tsv"))
    found = frozenset(row["word"] for row in rows if row["class"] == word_class)
    if not found:
        raise KnowledgeError(f"no word of class {word_class!r} in lang/en/event_words.tsv")
    return found
