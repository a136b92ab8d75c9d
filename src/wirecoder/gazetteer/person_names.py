"""A person's name is never a place: "the Clinton campaign" is not Clinton, Maryland.

The words of the people an article names (its PERSON entities) are collected once per document;
a place mention made only of such words is dropped unless the text itself puts it somewhere: a
locative preposition before it ("in Clinton") or the parser's own place label. The one-word
surname that stands for the person ("Obama comparisons", "Rubio sign") is the common case.
"""

from __future__ import annotations

from typing import Any

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Prepositions that put a name on the map; "heard back from Bernie", "calls to Bernie" do not.
SITE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout"})


def person_words(doc: Any) -> frozenset[str]:
    """The surnames of the article's full person names ("Hillary Clinton" gives "clinton"): what
    stands for the person later on. A one-word PERSON is left out, since the parser tags many a
    lone place so ("Tamaulipas"), and so are first words ("Wisconsin Gov. Scott Walker")."""
    return frozenset(ent[-1].lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                     and ent[-1].text[:1].isupper())


def placed_here(doc: Any, start_token: int, end_token: int, label: str, locative: str | None,
                qualified: bool = False, area: bool = False) -> bool:
    """Does the text put this mention on the map: a qualifier ("Reston, Virginia"), a preposition
    of place ("a rally in Clinton"), a list of places ("Darfur and Malakal"), or the parser's place
    label on a country's or state's own name ("Wisconsin")?"""
    words = doc[start_token:end_token]
    # "in a Clinton administration", "in Machado's citizenship": the preposition places the noun
    # the name modifies, not the name
    modifier = words[-1].dep_ in ("compound", "poss") or any(t.tag_ == "POS" for t in words[-1].children) \
        or end_token < len(doc) and doc[end_token].tag_ == "POS"
    return (qualified or area and label in PLACE_LABELS or locative in SITE_PREPS and not modifier
            or any(_listed_with_a_place(t) for t in words))


def names_a_person(doc: Any, start_token: int, end_token: int, label: str, people: frozenset[str],
                   placed_elsewhere: bool = False) -> bool:
    """Is a place mention over tokens [start_token, end_token), which the text does not place
    (`placed_here` is false for it), only a person's name? One sense per article: a name the text
    places anywhere (`placed_elsewhere`) is a place everywhere in it."""
    if placed_elsewhere:
        return False
    words = [t for t in doc[start_token:end_token] if t.is_alpha]
    if not words or not all(t.lower_ in people for t in words):
        return False
    # the parser's place label is trusted for a longer name, not for a lone surname ("Clinton")
    return len(words) == 1 or label not in PLACE_LABELS or any(t.ent_type_ == "PERSON" for t in words)


def _listed_with_a_place(tok: Any) -> bool:
    if tok.dep_ == "conj" and tok.head.ent_type_ in PLACE_LABELS:
        return True
    return any(c.dep_ == "conj" and c.ent_type_ in PLACE_LABELS for c in tok.children)
