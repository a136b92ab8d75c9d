"""What a place mention is, the words that describe one, and the two scores every reading of
it gets before the article is consulted: a prior by kind and size (`prior`) and the fit to its
qualifier (`qualifier_bonus`). Shared by recognition (`resolve`), the sentence cues
(`sentence`) and the area fallback (`areas`)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ..lang.en import words
from .names import key
from .store import Candidate, Entry

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SKIP_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})
LOCATIVE = frozenset({
    "in", "at", "near", "from", "to", "into", "outside", "inside", "within", "across", "around",
    "throughout", "toward", "towards", "through", "along", "between", "via", "onto", "off",
    "nearby", "beyond", "over", "under",
})
STRICT_LOCATIVE = frozenset({"in", "near", "outside", "at"})
# "the outskirts of Kabul", "the governor of Kandahar": "of" says where, as "in" does.
GEO_NOUNS = words("place_nouns", of_where="yes")
TITLES = words("titles", before_name="yes")


# Words that name no place on their own (they only qualify one: "West Java", "New South Wales").
GENERIC = words("name_words", generic="yes")


# Of those, the ones that only say which part ("South West", "North Eastern").
COMPASS = words("name_words", compass="yes")


# Nouns that say the name next to them is a settlement or an area: "the village of Ciocile",
# "Heze city", "the Etoumbi and Mbomo districts".
SETTLEMENT_NOUNS = words("place_nouns", settlement="yes")
LIST_WORDS = frozenset({",", "and", "or", "&"})


# After a name these make it a pathogen's, not a place's: "West Nile virus", "Marburg fever",
# "Reston ebolavirus", "Lyme disease", "Swine Flu", "Marburg hemorrhagic fever".
PATHOGEN_WORDS = frozenset({"virus", "viruses", "fever", "ebolavirus", "disease", "virus's",
                            "flu", "influenza", "hemorrhagic", "haemorrhagic"})


# Capitalised words that are dates far more often than towns ("in August", "March 5").
CALENDAR = words("months", form="name") | words("weekdays", form="name")
# a verb whose subject the name is: "Clinton said", "Lyons believes" (a person, not a place)
SPEECH = words("speech_verbs", personal="yes") | words("thought_verbs", personal="yes")


@dataclass
class Mention:
    """A stretch of text that may name a place."""

    start: int  # character offsets in the document text
    end: int
    text: str
    label: str  # the spaCy label, "INNER" inside a longer name, "SCAN" for uncovered words
    tokens: tuple[int, int]  # token range [i, j)
    key: str
    candidates: tuple[Candidate, ...] = ()
    demonym: bool = False
    qualifier: Mention | None = None
    is_qualifier: bool = False
    locative: str | None = None  # the preposition before it
    person_like: bool = False
    entry: Entry | None = None
    score: float = 0.0
    margin: float = 0.0
    extra: dict = field(default_factory=dict)

    @property
    def strong(self) -> bool:
        return self.label in PLACE_LABELS or self.label == "UNKNOWN"


def preceding_prep(doc, i: int) -> str | None:
    k = i - 1
    while k >= 0 and (doc[k].lower_ in ("the", "a", "an") or doc[k].pos_ in ("ADJ", "DET")
                      and k >= i - 2):
        k -= 1
    if k < 0:
        return None
    word = doc[k].lower_
    if word in LOCATIVE:
        return word
    if word == "of" and k > 0 and doc[k - 1].lower_ in LOCATIVE:
        return doc[k - 1].lower_  # "outside of Waterloo", "off of Route 9"
    if word == "of" and k > 0 and doc[k - 1].lower_ in GEO_NOUNS:
        return "of"
    return None


# GeoNames' towns of 1,000 people or more also list seats of districts with population 0
# (unknown): such a town counts as this many people, not as an empty place.
UNKNOWN_TOWN_POPULATION = 1000
# An ISO 3166-2 second-level subdivision (pycountry's: an English county or London borough, a
# French department, an Italian or Spanish province) lists no population but typically holds a
# quarter of a million people or more: it counts as a town of this many, so "Police in Kent" is
# the county, not Kent, Washington (126,952), while a bigger city of the name still wins on its
# own (Toledo, Ohio over the Spanish province) and the article's context decides between them.
ISO_ADMIN2_POPULATION = 250_000


def _town_prior(population: int) -> float:
    return 1.0 + 1.1 * math.log10(max(population, UNKNOWN_TOWN_POPULATION) + 10)


def prior(c: Candidate) -> float:
    e = c.entry
    p = e.precision
    if p == "country":
        s = 14.0
    elif p == "admin1":
        s = 7.0
    elif p == "admin2":
        s = _town_prior(ISO_ADMIN2_POPULATION) if e.source == "pycountry" else 4.5
    elif p == "region":
        s = 8.0 if e.fcode == "CONT" else 7.0
    elif p == "locality":
        s = _town_prior(e.population)
        if e.fcode == "PPLC":
            s += 1.0
    else:
        s = 4.0
    if c.kind == "alt":
        s -= 0.5 if p != "locality" or e.population >= 100_000 else 1.5
    elif c.kind == "abbr":
        s -= 1.0
    return s


def qualifier_bonus(e: Entry, q: Entry | None) -> float:
    if q is None:
        return 0.0
    if q.precision == "country":
        return 8.0 if e.cc == q.cc else -8.0
    if q.precision == "admin1":
        if e.cc == q.cc and e.admin1 and key(e.admin1) == key(q.name):
            return 10.0
        return 1.0 if e.cc == q.cc else -8.0
    if q.precision == "admin2":
        if e.cc == q.cc and e.admin1 == q.admin1:
            return 6.0
        return -4.0
    if q.id == e.id:
        return 10.0
    d = e.distance_km(q.lat, q.lon) if q.lat is not None else None
    return 8.0 if d is not None and d < 40 else 0.0
