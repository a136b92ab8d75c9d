"""The words by which the claim checks tell what a figure counts: keys of words (plural and
synonyms folded: "killed", "deaths" -> death), and the head phrase of a concept."""

from __future__ import annotations

import re

_FUNCTION = {"the", "a", "an", "of", "in", "on", "at", "for", "to", "from", "by", "with", "and",
             "or", "its", "their", "his", "her", "our", "this", "that", "these", "those", "who",
             "which", "have", "has", "had", "been", "be", "is", "was", "were", "are", "due",
             "real", "number", "total", "figure", "amount", "count", "some", "all"}
# Verbs and nouns of dying collapse to one key, so "killed ... Americans" meets "Americans who
# have perished" and "overdose deaths".
_SYNONYMS = {"kill": "death", "killed": "death", "die": "death", "died": "death",
             "perish": "death", "perished": "death", "dead": "death", "deaths": "death",
             "fatality": "death", "fatalities": "death", "toll": "death",
             "american": "americans", "people": "person", "persons": "person"}


def key(word: str) -> str:
    word = word.lower().strip(".,'’\"")
    word = _SYNONYMS.get(word, word)
    if word.endswith("s") and len(word) > 3 and not word.endswith("ss") and word != "americans":
        word = word[:-1]
    return _SYNONYMS.get(word, word)


def keys(text: str | None) -> set[str]:
    return {key(w) for w in re.findall(r"[A-Za-z][\w'-]*", text or "")
            if w.lower() not in _FUNCTION}


_HEAD_STOPS = ("on", "of", "against", "in", "who", "that", "which", "for")


def head_phrase(concept: str) -> str:
    """The noun phrase that heads a concept: "tariff on Canada" -> "tariff"; "Americans who have
    perished" -> "Americans"."""
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", concept)]
    for stop in _HEAD_STOPS:
        if stop in words:
            words = words[:words.index(stop)] or words
            break
    return " ".join(words)


def concept_head(concept: str) -> str | None:
    content = [w for w in head_phrase(concept).split() if w.lower() not in _FUNCTION]
    return key(content[-1]) if content else None


# A named place that is no country ("Nice", "the Brussels airport") is keyed by its name after this
# mark; a country by its ISO code.
LOCALITY = "@"


def place_key(label: str, text: str) -> str | None:
    """The key of a named place: a country's ISO code ("France", "French" -> FRA), else, for a
    city, region or site, its name ("@brussels"); None for entities that name no place."""
    from .numbers.reference import country_code

    code = country_code(text) if label in ("GPE", "NORP", "LOC") else None
    if code:
        return code
    if label in ("GPE", "LOC", "FAC"):
        return LOCALITY + text.lower().removeprefix("the ").strip()
    return None
