"""Codes of actor phrases beyond their own words: the country of a possessor, of an
'of/in/from' place or of the place a name opens with ("Minsk police station"), an international
body's offices, the agents table's refinements, and the described phrases that only the agents
table or a nationality codes ("vandals", "four Saudi men"), which license no event."""

from __future__ import annotations

from typing import Any

from ..headlines import doc_title_case_spans, has_body, inside
from ..knowledge import noun_classes
from .actor_codes import (
    GENERIC_HEADS,
    Coding,
    agent_table,
    code_span,
    country_of,
    place_country,
    sector_table,
)
from .actor_dictionary import lookup
from .event_triggers import noun_lexicon


def strip_det(text: str) -> str:
    for det in ("the ", "The ", "a ", "A ", "an ", "An ", "some ", "Some "):
        if text.startswith(det):
            return text[len(det):]
    return text


_OF_PLACE = {"of", "in", "from"}


def owner_country(head, outside=None) -> str | None:
    """The country a phrase belongs to by a possessor or an 'of/in/from' phrase on its head:
    "Mexico's government", "Britain's Defense Ministry", "the Prime Minister of Estonia", "Muslim
    leaders in France". With `outside` (an entity), only words outside it count."""
    for child in head.children:
        if outside is not None and outside.start <= child.i < outside.end:
            continue
        if child.dep_ == "poss" and _place_of(child):
            return _place_of(child)
        if child.dep_ == "prep" and child.lower_ in _OF_PLACE:
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ == "PROPN" and _place_of(obj):
                    return _place_of(obj)
    return None


def igo_owner(head) -> bool:
    """Does the phrase belong to an international body: "president of the European Council",
    "NATO's secretary general" (sectors.tsv or the actor dictionary code it IGO)?"""
    for child in head.children:
        objs = [child] if child.dep_ == "poss" else [o for o in child.children if o.dep_ == "pobj"] \
            if child.dep_ == "prep" and child.lower_ == "of" else []
        for obj in objs:
            name = strip_det(head.doc[obj.left_edge.i:obj.i + 1].text.removesuffix("'s"))
            role = lookup(name)
            if sector_table().get(name.lower(), ("",))[0] == "IGO" or role is not None \
                    and "IGO" in role.sectors and not role.country:
                return True
    return False


def _place_of(tok) -> str | None:
    """The country a name (its words up to `tok`) names, or the country of the city or
    province it names when the tagger calls it a place."""
    name = tok.doc[tok.left_edge.i:tok.i + 1].text
    return country_of(name) or (place_country(strip_det(name)) if tok.ent_type_ == "GPE" else None)


def modifier_country(span, head) -> str | None:
    """The country of the place a phrase opens with: "Minsk police station", "Madras High
    Court", "Rakhine rebels", "New York police" (the run of names before the head, else its
    first word)."""
    run = []
    tables = sector_table().keys() | agent_table().keys()
    for tok in span:
        # a name, or a capitalised word the tagger took for an adjective ("Rakhine rebels")
        named = tok.pos_ == "PROPN" or tok.is_title and tok.pos_ in ("ADJ", "NOUN")
        if tok.i >= head.i or not named or tok.lower_ in tables:
            if run or tok.pos_ != "DET":
                break
            continue
        run.append(tok)
    if not run:
        return None
    names = [" ".join(t.text for t in run)] + ([run[0].text] if len(run) > 1 else [])
    return next((c for c in map(place_country, names) if c), None)


# WordNet classes of a head noun that names people: "four Saudi men", "a Ugandan attorney".
_PEOPLE_CLASSES = {"person", "group"}


def described_coding(chunk, pair: str) -> Coding | None:
    """The codes of a noun phrase coded only through the agents table ("vandals", "a US
    destroyer") or a nationality before a noun of people ("four Saudi men"): a described mention,
    which codes but licenses no event. None for anything else."""
    head = chunk.root
    spans = doc_title_case_spans(chunk.doc)
    if spans and inside(chunk.start_char, spans) and has_body(chunk.doc.text, spans):
        return None  # a headline's run of capitalised words: "Cartel Gunmen Storm Police Station"
    if head.pos_ not in ("NOUN", "PROPN") or head.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT",
                                                               "QUANTITY", "CARDINAL", "ORDINAL"):
        return None
    coding = code_span(chunk, agents=True)
    coding.country = coding.country or owner_country(head) or organization_country(chunk) \
        or modifier_country(chunk, head)
    agent_head = bool({head.lemma_.lower(), head.lower_, pair} & agent_table().keys())
    classes = (noun_classes().get(head.lower_) or noun_classes().get(head.lemma_.lower()) or ())[:1]
    # an event noun is no group of people, whatever WordNet's first class ("her news conference")
    people = bool(set(classes) & _PEOPLE_CLASSES) and head.lemma_.lower() not in noun_lexicon() \
        or head.lemma_.lower() in GENERIC_HEADS
    if not (agent_head and coding.sectors or people and (coding.sectors or coding.country)):
        return None
    return coding


def refined_entity(ent, name: str, coding: Coding) -> Coding:
    """An organisation's codes, refined where the text already codes it: the agents table
    ("Saudi National Guard": MIL, not a guard, COP), the possessor ("Britain's Defense
    Ministry": GBR), a place the name opens with unless the actor dictionary knows the name
    ("Madras High Court"; the "Quds Force" is Iran's, not Jerusalem's). An uncoded party stays
    uncoded, so that the events' confidence reads no new codes."""
    if not coding.sectors:
        return coding
    coding = code_span(ent, agents=True)
    coding.country = coding.country or owner_country(ent.root, outside=ent) \
        or (modifier_country(ent, ent.root) if lookup(name) is None else None)
    return coding


def refined_chunk(chunk) -> Coding:
    """A described group's codes, now that sectors.tsv has made it an actor: the agents table
    may name it closer ("agricultural workers" AGR, not LAB); its possessor's, 'of/in/from'
    place's or opening place's country; an office of an international body is IGO first."""
    head = chunk.root
    coding = code_span(chunk, agents=True)
    coding.country = coding.country or owner_country(head) or organization_country(chunk) or (
        modifier_country(chunk, head) if lookup(strip_det(chunk.text)) is None else None)
    if not coding.country and "IGO" not in coding.sectors and igo_owner(head):
        coding.sectors.insert(0, "IGO")
    return coding


def organization_country(chunk) -> str | None:
    """The country of a named organisation that modifies a description of people, from the
    actor dictionary: "a former CIA official" (USA), "a Hamas commander"."""
    for ent in chunk.ents:
        if ent.label_ == "ORG" and ent.end <= chunk.root.i:
            role = lookup(strip_det(ent.text))
            if role is not None and role.country:
                return role.country
    return None


def fragment_heads(doc, taken: set[int]) -> list[Any]:
    """A verbless line whose head the tagger read as an adjective ("paramedic", "mujahideen"
    alone: a caption, a list item) is a noun of agents when the table knows it: its spans."""
    spans = []
    for sent in doc.sents:
        root = sent.root
        if root.i not in taken and root.pos_ == "ADJ" and root.lower_ in agent_table() and \
                not any(t.pos_ in ("VERB", "AUX") for t in sent):
            spans.append(doc[root.left_edge.i:root.right_edge.i + 1])
    return spans


def nominal_heads(doc, taken: set[int]) -> list[Any]:
    """A participle or adjective of the agents table used as a noun, which a determiner or a
    possessor shows ("aid reached the displaced", "Burkina Faso's displaced"; the parser may
    hang the possessor as a subject, its 's still on it): the spans from the owner to it."""
    spans = []
    for tok in doc:
        if tok.i in taken or tok.pos_ not in ("VERB", "ADJ") or tok.lower_ not in agent_table():
            continue
        owners = [c for c in tok.children if c.i < tok.i and (c.dep_ in ("det", "poss") or any(
            g.tag_ == "POS" for g in c.children))]
        if owners:
            spans.append(doc[owners[0].left_edge.i:tok.i + 1])
    return spans
