"""The relevance pre-filter: can this document report a political or security event?

It runs before the parse and costs a tokenisation and set look-ups: event trigger forms (attack,
sanctions, "open fire") and political actor words (police, minister, rebels, countries and
demonyms) from the shipped lexicons. It is tuned for recall: a document that might report an
event is kept; what it skips is text with no political actor and almost no event vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import POLITICS, Lexicon, load_lexicon, tokens

_NAME_INSIDE = re.compile(r"(?<=[a-z,] )(?!(?:None|True|False|Python|Unicode|I)\b)[A-Z][a-z]+")


@dataclass(frozen=True)
class Relevance:
    keep: bool
    score: float
    triggers: int  # distinct trigger forms found
    actors: int  # distinct actor words found
    words: int
    weak: int = 0  # distinct common trigger forms found
    politics: int = 0  # distinct words of elections and legislatures


@dataclass(frozen=True)
class RelevanceFilter:
    """Short texts (a sentence or a brief) are kept on any signal: a trigger, even a common one
    ("agreed", "will meet"), or a political actor word. Longer texts must hold a distinctive
    trigger and a political actor, or `min_triggers` distinct distinctive triggers, or
    `min_politics` distinct words of elections and legislatures (polls, campaigns, debates), or
    several political actors with several common triggers."""

    short_words: int = 60
    min_triggers: int = 3
    min_politics: int = 3  # distinct words of elections and legislatures: a political story
    # several political actors doing common things ("a news conference with the Vice President
    # in Jerusalem ... Israel might be willing to move") are a political story too
    min_actors_with_common: int = 3
    min_common_triggers: int = 2
    lexicon: Lexicon | None = None

    def judge(self, text: str) -> Relevance:
        lex = self.lexicon or load_lexicon()
        toks = tokens(text)
        triggers: set[str] = set()
        weak: set[str] = set()
        actors: set[str] = set()
        for i, tok in enumerate(toks):
            if tok in lex.triggers:
                triggers.add(tok)
            elif tok in lex.weak:
                weak.add(tok)
            seconds = lex.pairs.get(tok)
            if seconds and any(t in seconds for t in toks[i + 1:i + 4]):
                triggers.add(tok + "+")
            if tok in lex.actors:
                actors.add(tok)
        present = set(toks)
        for phrase in lex.actor_phrases:
            if phrase[0] in present and any(tuple(toks[i:i + len(phrase)]) == phrase
                                            for i, t in enumerate(toks) if t == phrase[0]):
                actors.add(" ".join(phrase))
        politics = present & POLITICS
        if len(toks) <= self.short_words:
            # a common trigger counts in a short text that names someone ("Trump and Putin
            # have agreed"): a capitalised word inside a sentence
            keep = bool(triggers or actors or (weak and _NAME_INSIDE.search(text)))
        else:
            keep = (bool(triggers and actors) or len(triggers) >= self.min_triggers
                    or len(politics) >= self.min_politics
                    or (len(actors) >= self.min_actors_with_common
                        and len(weak) >= self.min_common_triggers))
        return Relevance(keep=keep, score=len(triggers) + 0.5 * len(actors),
                         triggers=len(triggers), actors=len(actors), words=len(toks),
                         weak=len(weak), politics=len(politics))

    def keep(self, text: str) -> bool:
        return self.judge(text).keep
