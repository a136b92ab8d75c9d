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
from .abstractions import ABSTRACT_CLASSES
from .event_roles import antecedent_of
from .event_sense import counted, noun_classes
from .event_triggers import noun_lexicon

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
            return antecedent_of(tok, noun_lexicon().__contains__)
        return None
    if whom := counted(tok):  # "thousands of workers", "a group of protesters": they are the party
        return stands_for(whom[0])
    if tok.ent_type_ in NOT_PARTY_LABELS or in_dateline(tok):
        return None
    if not tok.ent_type_ and tok.lemma_.lower() in non_party_lemmas() and not _names_its_party(tok):
        return None
    return tok


PARTY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# WordNet classes of things that act: a noun with one of these among its commonest senses may be
# a doer ("the government", "court", "crowd", "sniper").
ACTING_CLASSES = frozenset({"person", "group", "animal"})


def _can_act(tok: Any) -> bool:
    """May this common noun be the one who does something? Not an event noun of the lexicon ("the
    bombing killed": an event does not act), nor an abstraction by its WordNet classes ("DNA tests
    linked"), unless the phrase names whose it is ("a car bombing by the Islamic State group")."""
    if tok.pos_ != "NOUN" or _names_its_party(tok) or _made_by(tok):
        return True  # a name; "a U.S. airstrike killed", "a bombing by the Islamic State": whose is named
    lemma = tok.lemma_.lower()
    if lemma in noun_lexicon():
        return False
    classes = noun_classes().get(lemma)
    if not classes or ACTING_CLASSES & set(classes):
        return True
    # a weapon stays ("a car bomb killed"): PLOVER's coders mark it as the source
    return not set(classes) <= ABSTRACT_CLASSES


def _made_by(tok: Any) -> bool:
    """"a bombing by the Islamic State group", "the missiles fired by the army"."""
    return any(c.dep_ == "prep" and c.lower_ == "by" or c.dep_ == "acl" and any(a.dep_ == "agent" for a in c.children)
               for c in tok.children)


def _names_its_party(tok: Any) -> bool:
    """"an Armenian proposal", "the Kirkuk council decision", "its decision": the phrase names
    whose it is."""
    return any(c.dep_ == "poss" or c.dep_ in ("compound", "amod", "nmod") and
               (c.ent_type_ in PARTY_LABELS or _names_its_party(c)) for c in tok.children)


def parties_only(tokens: list[Any], is_actor, inner, doers: bool = False) -> list[Any]:
    """The tokens that may be parties, each as the word it stands for; `is_actor(tok)` keeps a
    word the actors stage coded even when its lemma is abstract, and an abstract word gives way to
    the party inside its phrase, `inner(tok)` ("condemned Netanyahu's decision": Netanyahu).
    With `doers` (sources), a word that cannot act (`_can_act`) is dropped, without looking inside
    its phrase ("the bombing in Kiev killed" is not Kiev's doing)."""
    out, seen = [], set()
    for tok in tokens:
        kept = tok if is_actor(tok) else stands_for(tok)
        if doers and kept is not None and not is_actor(kept) and not kept.ent_type_ and not _can_act(kept):
            continue  # not the place it happened in either: "the bombing in Kiev killed"
        if kept is None and tok.tag_ not in RELATIVE_TAGS:
            kept = inner(tok)
        if kept is not None and kept.i not in seen:
            seen.add(kept.i)
            out.append(kept)
    return out

