"""Acts that are only asked for: "called for the administration to arrest the mayor", "Trump's call
to ban Muslim immigrants", "his call for a ban on Muslims". When the word that asks is no trigger of its own to cover the act
(event_cover.py covers "urged X to block"), the act asked for becomes a REQUEST from whoever asks
to whoever is asked, as a demand in reported speech does (event_triggers.demand_triggers).
The asking words are `asks_for_act` rows of lang/en/event_words.tsv."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..knowledge.plover import types_in
from .common import is_infinitive
from .common import lemma as _lemma
from .event_roles import subjects_of
from .event_tables import coding, event_words
from .event_trigger import Trigger

ASKING_WORDS = event_words("asks_for_act")


def asking_word(tok: Any) -> Any | None:
    """The word asking for the act `tok` names, if any: the verb or noun whose to-infinitive it is,
    or the noun an event noun is asked for by ("his call for a ban on Muslims", "a push for sanctions")."""
    if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "for" and tok.head.head.i != tok.head.i:
        asker = tok.head.head
        return asker if asker.pos_ == "NOUN" and _lemma(asker) in ASKING_WORDS else None
    if not is_infinitive(tok):
        return None
    if tok.dep_ in ("acl", "xcomp", "advcl", "ccomp") and tok.head.i != tok.i and _lemma(tok.head) in ASKING_WORDS:
        return tok.head
    for c in tok.children:  # "Trump's call to ban ...": parsed as the infinitive's subject
        if c.dep_ == "nsubj" and c.pos_ == "NOUN" and _lemma(c) in ASKING_WORDS:
            return c
    return None


def as_requests(triggers: list[Trigger]) -> list[Trigger]:
    """The triggers, with each act asked for by a word that is no asking trigger of its own (whose
    event would cover it) recoded as that request."""
    asks, askable = types_in("asks"), types_in("askable")
    asking_triggers = {t.token.i for t in triggers if t.lexeme.type in asks}
    out = []
    for trig in triggers:
        head = None
        if trig.lexeme.type in askable and trig.demanded_by is None and trig.frame is None:
            head = asking_word(trig.token)
        if head is None or head.i in asking_triggers:
            out.append(trig)
        else:
            out.append(replace(trig, lexeme=coding("demand").lexeme(), demanded_by=head))
    return out


def asking_roles(trig: Trigger) -> tuple[list, list]:
    """(source, target) tokens of a request made of an act: who asks (the asking verb's subject, or
    the asking noun's possessor) and who is asked (the act's own subject)."""
    head, tok = trig.demanded_by, trig.token
    if head.pos_ in ("NOUN", "PROPN"):
        sources = [c for c in head.children if c.dep_ == "poss"
                   or c.dep_ in ("compound", "amod") and c.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")]
    else:
        sources = subjects_of(head)[0]
    # who is asked: the act's own subject ("called for the army to withdraw"), else the asking
    # verb's object ("urged the army to withdraw", "called on the army to withdraw")
    targets = [c for c in tok.children if c.dep_ == "nsubj" and c.i != head.i]
    if not targets and head.pos_ == "VERB":
        targets = [c for c in head.children if c.dep_ == "dobj"] or [
            g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "upon")
            for g in c.children if g.dep_ == "pobj"]
    return sources, targets

