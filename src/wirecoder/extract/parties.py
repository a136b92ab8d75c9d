"""Parties must be parties: which words may stand as an event's source or target.

A relative or interrogative pronoun ("which", "who") stands for its noun or for no one; a wire
dateline ("MEXICO CITY, Feb 3 (Reuters) -") is no party; a date,
an amount or a count is no party; an abstract noun from `non_parties.tsv` ("a new chord", "times",
"the coming days") is no party unless the text makes it an actor (a named entity, or a word the
actors stage coded). Events keep the parties that remain.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from ..datelines import in_dateline
from ..knowledge import load_tsv

# Entity labels of times and amounts: never the one who acts or is acted upon. (Works of art are
# not here: the parser often tags a quoted name so, '"The Islamic Resistance will not release"'.)
NOT_PARTY_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


@cache
def non_party_lemmas() -> frozenset[str]:
    return frozenset(row["lemma"].lower() for row in load_tsv("non_parties.tsv"))


def stands_for(tok: Any) -> Any | None:
    """The word a party token stands for, or None when it names no party."""
    if tok.tag_ in RELATIVE_TAGS:
        # "the man who fired": the noun the relative clause hangs on; a bare "Which" is no one
        if tok.head.dep_ == "relcl" and tok.head.head.i != tok.head.i:
            return tok.head.head
        return None
    if tok.ent_type_ in NOT_PARTY_LABELS or in_dateline(tok):
        return None
    if not tok.ent_type_ and tok.lemma_.lower() in non_party_lemmas() and not _names_its_party(tok):
        return None
    return tok


PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _names_its_party(tok: Any) -> bool:
    """"an Armenian proposal", "the Kirkuk council decision", "its decision": the phrase names
    whose it is."""
    return any(c.dep_ == "poss" or c.dep_ in ("compound", "amod", "nmod") and
               (c.ent_type_ in PARTY_LABELS or _names_its_party(c)) for c in tok.children)


def parties_only(tokens: list[Any], is_actor, inner) -> list[Any]:
    """The tokens that may be parties, each as the word it stands for; `is_actor(tok)` keeps a
    word the actors stage coded even when its lemma is abstract, and an abstract word gives way to
    the party inside its phrase, `inner(tok)` ("condemned Netanyahu's decision": Netanyahu)."""
    out, seen = [], set()
    for tok in tokens:
        kept = tok if is_actor(tok) else stands_for(tok)
        if kept is None and tok.tag_ not in RELATIVE_TAGS:
            kept = inner(tok)
        if kept is not None and kept.i not in seen:
            seen.add(kept.i)
            out.append(kept)
    return out

