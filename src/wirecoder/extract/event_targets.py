"""Targets: choosing who an event is done to among the candidates the parse offers, and the party
hiding inside a thing or a clause ("restrictions imposed on Ghana", "demands of the union")."""

from __future__ import annotations

from ..knowledge import noun_classes
from ..knowledge.plover import types_in
from .actor_index import ActorIndex
from .common import is_infinitive
from .common import lemma as _lemma
from .event_roles import NOT_ACTORS, is_actorish
from .event_tables import event_words
from .event_trigger import Lexeme

_QUANTIFIERS = event_words("quantifier")


def quantified(tok):
    """'a number of websites' -> websites: the quantifier is not the party."""
    if _lemma(tok) in _QUANTIFIERS or tok.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL", "PERCENT"):
        # "tariffs on $120 billion of China's exports": the amount is not the party either
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objs = [p for p in child.children if p.dep_ == "pobj"]
                if objs:
                    return objs[0]
    return tok


def choose_targets(candidates: list, index: ActorIndex, lex: Lexeme, places: list) -> tuple[list, list]:
    """(actor-like candidates, the chosen targets). An actor as direct object wins ("attacked
    the rebels"); else an actor in a target phrase ("returned the artifacts to Peru"); else the
    object itself ("rejected the referendum")."""
    candidates = [quantified(t) for t in candidates]
    usable = [t for t in candidates
              if t.ent_type_ not in NOT_ACTORS and t.pos_ in ("NOUN", "PROPN", "PRON")]
    direct = [t for t in usable if t.dep_ in ("dobj", "dative", "nsubjpass") or
              t.dep_ == "conj" and t.head.dep_ in ("dobj", "dative", "nsubjpass")]
    actors = [t for t in usable if is_actorish(t, index)]
    direct_actors = [t for t in direct if t in actors]
    other_actors = [t for t in actors if t not in direct]
    partners = [t for t in other_actors if t.head.lower_ == "with"]
    if partners and lex.type in types_in("with_partner"):
        return actors, partners  # "discussed Libya with Trump": the partner, not the topic
    if lex.type in types_in("physical") and direct and not direct_actors:
        # "attacked an army camp (in Kabul)", "torched a village": what is hit is the target
        return actors, direct + other_actors
    # "Zelensky and Erdogan met in Ankara": with no object, a reciprocal act's place is where it
    # happened (the venue), not a party; its coordinated subjects are the dyad
    venue = lex.type in types_in("reciprocal") and not direct
    if not actors and places and not venue:
        return places, places  # "a ceasefire in Idlib": the place stands for those who live there
    return actors, direct_actors or other_actors or direct or usable[:1]


# Prepositions inside a thing's phrase that name the party behind or under it: "the demands of
# the truck drivers", "a decision by the WEF", "donations for Sarajevo", "a ban on British beef".
_INNER_PREPS = event_words("inner_prep")
# The ones that name who is behind a thing when the thing is a doer ("an attack by the rebels
# killed", "pressure from Washington forced"): not those naming whom it falls on ("the attack on
# the compound killed four" is not the compound's doing).
DOER_PREPS = event_words("doer_prep")


# Prepositions of a clause that put the act somewhere or on someone: "agreed to set up a company
# in Berlin", "returned the skulls to Peru", "mobilised its men into the area".
_CLAUSE_PREPS = event_words("clause_prep")


DIRECTIONS = event_words("direction")


_PARTY_ENTS = {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"}


# Clauses a party search must not enter: speech, relative clauses and reasons are other events.
_CLOSED_DEPS = {"ccomp", "relcl", "parataxis", "advcl", "csubj", "mark", "acl"}


def _open_clause(tok) -> bool:
    """May a party search go through `tok`? Not into speech, relative clauses or reasons; yes
    into purposes ("to pay for aid in Yemen") and participles ("those affected in Yemen")."""
    if tok.dep_ == "advcl":
        return is_infinitive(tok)
    if tok.dep_ == "acl":
        return tok.tag_ in ("VBN", "VBG")
    return tok.dep_ not in _CLOSED_DEPS


def _receiver(tok, index: ActorIndex) -> bool:
    """What something can be handed to: an actor, or an institution or place ("sent medical
    experts to the hospital"), never a date or an amount."""
    return is_actorish(tok, index) or tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in NOT_ACTORS


def _part_of_a_name(pobj) -> bool:
    """'the Department of Defense': an of-phrase inside a name belongs to that name, it names no
    other party."""
    return pobj.head.lower_ == "of" and pobj.ent_iob_ == "I" and pobj.head.head.ent_type_ == pobj.ent_type_


def _names_party(tok) -> bool:
    """A named party or place, or a phrase a name qualifies: 'Niger's Maradi region', 'the Deraa
    countryside', 'Bosnian Serb territory'."""
    if tok.ent_type_ in NOT_ACTORS:
        return False
    return tok.ent_type_ in _PARTY_ENTS or tok.pos_ == "NOUN" and any(
        c.dep_ in ("compound", "poss", "amod", "nmod") and c.ent_type_ in ("GPE", "LOC", "NORP", "FAC")
        for c in tok.children)


def in_one_name(first, last) -> bool:
    """Do `first` and a later token `last` lie in one name: one named entity, or words all
    capitalised, prepositions too ("Action Against Hunger", "Doctors Without Borders")?"""
    if last.i <= first.i:
        return False
    between = first.doc[first.i + 1:last.i + 1]
    if first.ent_type_ and all(t.ent_iob_ == "I" and t.ent_type_ == first.ent_type_ for t in between):
        return True
    return first.is_title and all(t.is_title for t in between)


def is_party(tok, index: ActorIndex) -> bool:
    """A named party or place, not merely an actor-like noun ("members", "people")."""
    return tok.ent_type_ in _PARTY_ENTS or index.actor_at(tok) is not None and tok.pos_ == "PROPN"


def inner_party(tok, index: ActorIndex, depth: int = 0, allowed: frozenset[str] = _INNER_PREPS):
    """The party a thing belongs to or falls on, through possessives and the prepositions
    `allowed`: 'the Zionist regime's attacks' -> regime, 'the demands of the truck drivers' ->
    drivers."""
    for child in tok.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN") and is_actorish(child, index):
            return child
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in allowed]
    for acl in (c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"):
        # "the protest filed by X", "restrictions imposed on X": the participle's agent or object
        preps += [c for c in acl.children if c.dep_ in ("agent", "prep")
                  and (c.dep_ == "agent" or c.lower_ in allowed)]
    for child in preps:
        for obj in child.children:
            if obj.dep_ != "pobj" or obj.ent_type_ in NOT_ACTORS or obj.pos_ == "PRON":
                continue
            if is_actorish(obj, index) or obj.ent_type_ in _PARTY_ENTS:
                return obj
            if depth < 2:
                inner = inner_party(obj, index, depth + 1, allowed)
                if inner is not None:
                    return inner
    return None


def clause_party(tok, sources: list, index: ActorIndex, preps: frozenset[str] = _CLAUSE_PREPS,
                  any_actor: bool = False, also=None, accept=None):
    """A named party or place the trigger's own clause puts the act on or in, when no target
    names one: the first such object of a preposition, searched breadth-first from the trigger
    through objects, prepositions and governed infinitives, never into another clause. With
    `any_actor`, any receiver counts too ("returned the Bible to its owners"); `also` is a
    second place to start from; `accept(tok)` names what else counts."""
    taken = {t.i for s in sources for t in s.subtree}
    start = [tok]
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "nsubjpass", "pobj"):
        # "will extend the curfew in Bangkok": the noun's verb holds the place
        start.append(tok.head.head if tok.dep_ == "pobj" else tok.head)
    if also is not None and also.i != tok.i:
        start.append(also)  # the verb this event covers: "sent troops in Syria to serve"
    frontier, seen = start, {t.i for t in start}
    for _ in range(8):
        found, nxt = [], []
        for node in frontier:
            for child in node.children:
                if child.i in seen or child.dep_ in ("nsubj", "nsubjpass") or not _open_clause(child):
                    if (child.dep_ == "ccomp" and node.i != tok.i and child.i not in seen
                            and node.dep_ == "xcomp"):
                        # "refused to allow an Ethiopian plane to land": the one allowed
                        found += [c for c in child.children if c.dep_ == "nsubj" and c.i not in taken
                                  and is_actorish(c, index)]
                    continue
                seen.add(child.i)
                nxt.append(child)
                if (child.dep_ == "pobj" and child.head.lower_ in preps and child.i not in taken
                        and not _part_of_a_name(child)
                        and (_names_party(child) or any_actor and _receiver(child, index)
                             or accept is not None and accept(child))):
                    found.append(child)
        if found:
            return found[0]
        frontier = nxt
    return None


def _commonest_class(tok) -> str | None:
    """The commonest WordNet class of a common noun outside a name."""
    classes = noun_classes().get(_lemma(tok)) if tok.pos_ == "NOUN" and not tok.ent_type_ else None
    return classes[0] if classes else None


def _place_noun(tok) -> bool:
    """A common noun whose commonest WordNet class is a location ("areas", "the north region")."""
    return _commonest_class(tok) == "location"


def _a_thing(tok) -> bool:
    """A made or natural thing ("hacked into the committee's computers"), no party."""
    return _commonest_class(tok) in ("artifact", "object")


def clause_target(tok, source_toks: list, index: ActorIndex, also, event_type: str, has_target: bool):
    """The named party or place the trigger's clause puts the act on (`clause_party`); with no
    target at all, any party or place of the clause ("imposed blockades in the worst-damaged
    areas", "set a deadline for the council"), not a thing or an idea ("hacked into the computers"),
    nor the venue of a meeting or a deal.
    `also` is the verb the event covers, a second place to start from."""
    party = clause_party(tok, source_toks, index, also=also)
    if party is None and not has_target:
        # a place stands for those in it, but a meeting's venue is no partner ("met in the city")
        venue_only = event_type in types_in("with_partner")
        party = clause_party(tok, source_toks, index, also=also,
                             accept=lambda t: is_actorish(t, index) and not _a_thing(t)
                             or not venue_only and _place_noun(t))
    if party is not None and event_type in types_in("violence") and party.head.lower_ in DIRECTIONS:
        party = None  # "returned fire into Mexico": where the shots went, not whom they hit
    return party
