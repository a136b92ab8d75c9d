"""Readings of an event's surroundings for the coder: a verbal attack ("a scathing attack on"), an
order carried out ("ordered the leaders jailed"), the party awaited ("until X"), armed defence of
ground, the main clause of a sentence, the venue, the speaker's span and a threat's target."""

from __future__ import annotations

from typing import Any

from ..records import ActorRef, Span
from .actor_index import ActorIndex
from .common import lemma as _lemma
from .event_roles import is_actorish, role_phrase
from .event_tables import event_words
from .places import event_place

# Words that make an "attack" one of words: "a scathing attack on the government".
VERBAL_ATTACK_MODIFIERS = event_words("verbal_attack_modifier")


# Targets only words can attack: "the attacks on the impeachment proceedings".
VERBAL_TARGETS = event_words("verbal_target")


# Prepositions of what an attack is aimed at: "the attack on the mosque", "violence against civilians".
AIMED_PREPS = frozenset({"on", "against"})


def verbal_attack(noun) -> bool:
    # the parser makes "ad hominem" or "campaign" a compound as often as an adjective
    if any(c.dep_ in ("amod", "compound") and c.lower_ in VERBAL_ATTACK_MODIFIERS for c in noun.children):
        return True
    targets = [p for c in noun.children if c.dep_ == "prep" and c.lower_ in AIMED_PREPS
               for p in c.children if p.dep_ == "pobj"]
    return bool(targets) and all(_lemma(t) in VERBAL_TARGETS for t in targets)


# An act asked for "against" someone, or an inquiry "into" something, is taken against them; "on"
# is too often the measure's scope ("called for a ban on Muslims entering", a policy demanded).
AGAINST_PREPS = frozenset({"against", "into"})


def asks_for_act_against(verb, act_type) -> bool:
    """'called for sanctions against Moscow', 'demanded an inquiry into the killings': what the
    verb asks for (its object, or the object of its "for") is an act `act_type` (lemma -> whether
    the event noun is one) takes against someone, and the noun names whom or what it is against."""
    asked = [c for c in verb.children if c.dep_ == "dobj"]
    asked += [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"
              for p in c.children if p.dep_ == "pobj"]
    return any(act_type(_lemma(noun)) and any(c.dep_ == "prep" and c.lower_ in AGAINST_PREPS
                                              for c in noun.children) for noun in asked)


ORDERING_VERBS = event_words("ordering_verb")
AWAITED_MARKS = event_words("awaited_mark")  # "until X reforms"


def ordered_done(tok):
    """(who undergoes it, the ordering verb) for a bare participle an order governs: 'ordered the
    leaders jailed', 'wanted him arrested'; None otherwise. The parser hangs the participle on the
    verb (with the leaders as its subject) or on the object noun."""
    if tok.tag_ != "VBN" or any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return None
    if tok.dep_ in ("ccomp", "xcomp", "oprd") and _lemma(tok.head) in ORDERING_VERBS:
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        return (subjects[0], tok.head) if subjects else None
    if tok.dep_ == "acl" and tok.head.dep_ == "dobj" and _lemma(tok.head.head) in ORDERING_VERBS:
        return tok.head, tok.head.head
    return None


# Nouns that name what someone asked for: accepting, meeting or rejecting one answers its maker.
DEMAND_NOUNS = event_words("demand_noun")


def demand_maker(tok, end_tok=None):
    """Who made the demand the trigger answers: "accepted the demands by protesters", "conceded to
    the demands of the truck drivers", "approved a request from the ministry", "met the
    strikers' demands". None when no demand, or no maker, is named."""
    nouns = [end_tok] if end_tok is not None and _lemma(end_tok) in DEMAND_NOUNS else []
    nouns += [c for c in tok.children if c.dep_ == "dobj" and _lemma(c) in DEMAND_NOUNS]
    nouns += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"
              for p in c.children if p.dep_ == "pobj" and _lemma(p) in DEMAND_NOUNS]
    for noun in nouns:
        for child in noun.children:
            if child.dep_ == "poss" and child.pos_ in ("NOUN", "PROPN"):
                return child
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                found = next((p for p in child.children if p.dep_ == "pobj"), None)
                if found is not None:
                    return found
    return None


def awaited_party(verb, index: ActorIndex):
    """The subject (or passive agent) of an 'until'/'unless'/'before' clause on `verb`."""
    for clause in verb.children:
        if clause.dep_ != "advcl" or not any(m.dep_ == "mark" and m.lower_ in AWAITED_MARKS
                                             for m in clause.children):
            continue
        agents = [p for c in clause.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        subjects = [c for c in clause.children if c.dep_ == "nsubj"]
        for cand in agents + subjects:
            if is_actorish(cand, index):
                return cand
    return None


# What armies defend (CAMEO 052 "defend verbally" is about decisions, policies and people).
DEFENDED_GROUND = event_words("defended_ground")
MILITARY_ADVERBS = event_words("military_adverb")
AGGRESSION_NOUNS = event_words("aggression_noun")  # "defended the town against an attack"


ARMED_SECTORS = {"MIL", "COP", "REB", "CRM"}


def armed_defence(tok, source_toks: list, target_toks: list, index: ActorIndex) -> bool:
    """Is this 'defend' military (ground held by arms) rather than verbal (CAMEO 052)?"""
    if any(_lemma(c) in MILITARY_ADVERBS for c in tok.children if c.dep_ == "advmod"):
        return True
    armed = any(index.sectors.get(index.actor_at(t), set()) & ARMED_SECTORS for t in source_toks)
    ground = any(_lemma(t) in DEFENDED_GROUND for t in target_toks)
    against = any(c.dep_ == "prep" and c.lower_ == "against" and any(
        _lemma(p) in AGGRESSION_NOUNS
        or index.sectors.get(index.actor_at(p), set()) & ARMED_SECTORS
        for p in c.children if p.dep_ == "pobj") for c in tok.children)
    # "troops defended Bakhmut" (a place held by arms); not "the defence minister defended
    # Russia's efforts" (words for a policy)
    held_place = any(t.ent_type_ in ("GPE", "LOC", "FAC") and not any(c.dep_ == "case" for c in t.children)
                     and t.dep_ != "poss" for t in target_toks)
    return ground or against or (armed and held_place)


def main_clause(tok) -> bool:
    """Is `tok` the verb the sentence is about: its root, or a verb coordinated with the root?"""
    if tok.dep_ == "conj" and tok.head.dep_ == "ROOT":
        tok = tok.head
    return tok.dep_ == "ROOT"


def venue_of(places: list, tok, targets: list[ActorRef]):
    """Where the event happened: a site phrase of its clause, never the event's first target
    ("fired into Mexico", "a tariff on Canada"); a place named after an actor target stays the
    site ("force against drug cartels in Mexico": the cartels are hit, in Mexico)."""
    found = event_place(places, tok, include_targets=False) if places else None
    if found is None or any(r.span.start <= found.place.span.start < r.span.end
                            for r in targets[:1]):
        return None
    return found.place


def quote_speaker_span(inside: Any) -> Span:
    if inside.speaker_span is not None:
        return inside.speaker_span
    return Span(start=inside.start, end=inside.start, text="")


def threat_target(tok, text: str, index: ActorIndex, sources: list[ActorRef],
                   inside: Any | None, means: frozenset[int] = frozenset()) -> list[ActorRef]:
    """A threat's target when the parse gives none: the next actor named after it in the sentence
    (inside the same quote), preferring armed groups, never one of the threateners nor a token of
    `means` (the forces a threatened deployment would move: "deploy all assets, including the U.S.
    Navy, to ... on the cartels")."""
    taken = {r.actor_id for r in sources if r.actor_id}
    if inside is not None and inside.speaker_actor:
        taken.add(inside.speaker_actor)

    def usable(t) -> bool:
        actor = index.actor_at(t)
        return (t.i > tok.i and t.i not in means and t.pos_ in ("NOUN", "PROPN") and actor is not None
                and actor not in taken and t.dep_ in ("pobj", "dobj", "nsubj", "conj", "attr")
                and (inside is None or inside.start <= t.idx < inside.end))

    later = [t for t in tok.sent if usable(t)]
    armed = [t for t in later if index.sectors.get(index.actor_at(t), set()) & {"CRM", "REB", "MIL"}]
    candidates = armed + later
    if not candidates:
        return []
    phrase = role_phrase(candidates[0])
    return [ActorRef(span=Span.of(text, phrase.start_char, phrase.end_char),
                     actor_id=index.actor_at(candidates[0]))]
