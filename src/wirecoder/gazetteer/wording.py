"""Words that read as a place name but are used as something else in their sentence (#25, places
precision): a common noun capitalised inside a name ("Hit Entertainment", "King Nut", "the
Earth"), a compass word describing a noun ("Western powers", "West and Central African
countries"), a person's initials after a title ("the Reverend W.V. Awdry"), half of a person's
double name ("Donna Kennedy-Glans"), a month's abbreviation in a date ("since Mar. 2005"), a
country's code in a currency ("$US 1.5 billion", "NZ$ 40"), a people's name ("in Filipinos",
"the Qiang people"), a name after "a" or "an" that heads its noun phrase, an instance of a kind
("a wild Mute Swan", "Meat in a Box"), and, for a name the gazetteer lacks, the evidence that it
is a place at all before it is reported ("a drip of Narcan", "20 grams of meth" are no places;
"flocked to Mahim Creek", "on Colton Way" are)."""

from __future__ import annotations

import re

from ..knowledge import noun_classes
from ..lang.en import words
from .mention import COMPASS, GEO_NOUNS, LIST_WORDS, PLACE_LABELS, SETTLEMENT_NOUNS, TITLES, Mention

MONTH_ABBREVIATIONS = words("months", form="abbreviation")
CURRENCY_SIGNS = frozenset({"$", "€", "£", "¥"})
_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$")

# Last words of a name that say it names a place or a feature: "Mithi River", "Weir Road",
# "Restlawn Garden Cemetery", "Interstate 40" (first word).
FEATURE_WORDS = SETTLEMENT_NOUNS | GEO_NOUNS | frozenset({
    "river", "creek", "beach", "lake", "bay", "sea", "gulf", "strait", "mountain", "mountains",
    "mount", "hill", "hills", "valley", "canyon", "falls", "forest", "desert", "delta", "dam",
    "harbour", "harbor", "peninsula", "road", "highway", "street", "avenue", "boulevard", "lane",
    "drive", "square", "plaza", "bridge", "airport", "station", "cemetery", "park", "garden",
    "gardens", "hall", "camp", "interstate", "route", "canal", "reservoir", "marsh", "swamp",
    "hospital", "market", "stadium", "mall", "farm", "ranch", "base", "prison", "mine",
    "rd", "ave", "hwy", "blvd", "pkwy", "ln", "way", "close", "crescent", "terrace", "slum",
    "union", "republic", "kingdom", "empire", "federation", "emirate",
})


def common_noun(word: str) -> bool:
    """An English common noun whose commonest sense is no place or person's name ("hit", "box",
    "earth", "metro"; not "buffalo", "phoenix", "paris", whose senses include a location)."""
    classes = noun_classes().get(word.lower())
    return bool(classes) and "location" not in classes and classes[0] != "person"


def used_otherwise(doc, m: Mention) -> bool:
    """The mention's words are used as something other than a place name in its sentence."""
    i, j = m.tokens
    tok = doc[i]
    if not any(t.text[:1].isupper() for t in doc[i:j]):
        return True  # English writes place names capitalised: "20 grams of meth", "bee colonies"
    if j - i != 1:
        return False
    if _double_name(doc, i, j) and m.label not in PLACE_LABELS:
        return True  # "Donna Kennedy-Glans", "John-Paul Langbroek": half of a person's name
    if _currency(doc, i, j):
        return True  # "$US 1.5 billion", "NZ$ 40 million": a currency, not the country
    if m.key in COMPASS and tok.dep_ in ("amod", "compound") and tok.head.pos_ == "NOUN":
        return True  # "Western powers"; "West and Central African countries"
    if m.key in COMPASS and j < len(doc) and doc[j].lower_ in ("and", "or") and \
            _describes_noun(doc, j + 1):
        return True
    if _INITIALS.match(tok.text) and i >= 1 and doc[i - 1].lower_.rstrip(".") in TITLES and \
            j < len(doc) and doc[j].text[:1].isupper():
        return True  # "the Reverend W.V. Awdry": a person's initials, not West Virginia
    if m.label in PLACE_LABELS:
        return _the_common_noun(doc, m)
    if m.key in MONTH_ABBREVIATIONS and (tok.text.endswith(".") or j < len(doc) and doc[j].like_num):
        return True  # "since Mar. 2005", "(Mar. 1)": a date, not Morocco
    return False


def _double_name(doc, i: int, j: int) -> bool:
    """The word is joined by a hyphen, without spaces, to a capitalised word, inside a name the
    parser tags a person's ("Donna Kennedy-Glans", "Education Minister John-Paul Langbroek")."""
    def joined(a: int, b: int) -> bool:  # tokens a, "-", b written as one word
        return 0 <= a and b < len(doc) and doc[a + 1].text == "-" and not doc[a].whitespace_ \
            and not doc[a + 1].whitespace_ and doc[b].text[:1].isupper()

    return doc[i].ent_type_ == "PERSON" and (joined(i, i + 2) or joined(i - 2, i))


def _currency(doc, i: int, j: int) -> bool:
    """A country's code joined to a currency sign, before an amount: "$US 15", "NZ$ 40"."""
    def sign(k: int) -> bool:
        return 0 <= k < len(doc) and doc[k].text in CURRENCY_SIGNS

    def amount(k: int) -> bool:
        return k < len(doc) and doc[k].like_num

    return doc[i].is_upper and (sign(i - 1) and not doc[i - 1].whitespace_ and amount(j)
                                or sign(j) and not doc[i].whitespace_ and amount(j + 1))


def _describes_noun(doc, k: int) -> bool:
    """Capitalised words from k on, then a common noun they describe ("Central African
    countries" after "West and")."""
    start = k
    while k < len(doc) and k - start < 3 and doc[k].text[:1].isupper():
        k += 1
    return start < k < len(doc) and doc[k].is_lower and doc[k].pos_ == "NOUN"


def _the_common_noun(doc, m: Mention) -> bool:
    """'the Earth': a common noun after 'the' that only small towns are named (Earth, Texas)."""
    i = m.tokens[0]
    return i >= 1 and doc[i - 1].lower_ == "the" and common_noun(doc[i].text) and \
        bool(m.candidates) and all(c.entry.precision in ("locality", "point") and
                                   c.entry.fcode in ("PPL", "PPLL", "PPLX", None)
                                   for c in m.candidates)


def inner_common_nouns(doc, accepted: list[Mention]) -> set[int]:
    """ids of one-word mentions inside longer names ("Hit Entertainment", "King Nut", "Near Earth
    Object Program") or capitalised on their own, whose word is a common noun, when no mention of
    that name in the article is placed (a place label, a locative preposition, a qualifier)."""
    placed = {m.key for m in accepted
              if m.label in PLACE_LABELS or m.locative in ("in", "at", "near", "outside")
              or m.qualifier is not None or m.is_qualifier or m.extra.get("named")}
    return {id(m) for m in accepted
            if m.label in ("INNER", "SCAN") and m.tokens[1] - m.tokens[0] == 1 and not m.demonym
            and m.key not in placed and common_noun(doc[m.tokens[0]].text)
            and all(c.entry.precision in ("locality", "point") for c in m.candidates)}


PEOPLE_HEADS = words("name_senses", cue="people_head")


def names_a_people(doc, gaz, m: Mention) -> bool:
    """A name the gazetteer lacks that names a people, not a place, whatever preposition governs
    it: the plural of a people's word the gazetteer holds ("cases were in Filipinos", "Angolans
    fled"), or a name before a people's noun ("the Qiang people", "the Marehan clan": rows
    `people_head` of lang/en/name_senses.tsv). Neither development corpus marks either."""
    from .names import key

    i, j = m.tokens
    if m.candidates or m.demonym:
        return False
    if j < len(doc) and doc[j].lower_ in PEOPLE_HEADS:
        return True
    word = m.text
    if " " in word or not word.endswith("s") or len(word) < 5:
        return False
    return any(c.kind == "demonym" for c in gaz.lookup(key(word[:-1])))


INDEFINITE = frozenset({"a", "an"})
# What a town may be read as after "a"/"an" and still be a place: an area ("a divided Germany",
# "a nuclear Iran", "a free Kashmir" tagged a place) is a place with a quality, not an instance.
_AREAS = frozenset({"country", "region"})


def _next_word(doc, j: int):
    while j < len(doc) and doc[j].is_space:
        j += 1
    return doc[j] if j < len(doc) else None


def an_instance(doc, m: Mention) -> bool:
    """A name after "a" or "an" (lower-case adjectives or other name words between) that heads
    its noun phrase names one thing of a kind, not a place: "the remains of a wild Mute Swan", "the
    'Meat in a Box' shipment". Not when the name describes a noun ("a Montreal jail", "a Texas
    man"), is qualified or qualifies ("a Dallas, Texas police officer"), ends in a feature word
    ("an Archibald Street"), or some reading is a country or region, or a state the parser tags a
    place ("a divided Germany", "a nuclear Iran")."""
    i, j = m.tokens
    if m.demonym or m.qualifier is not None or m.is_qualifier:
        return False
    k = i - 1
    while k >= 0 and (doc[k].is_lower and doc[k].pos_ in ("ADJ", "NUM")
                      or doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper()):
        k -= 1
    if k < 0 or doc[k].lower_ not in INDEFINITE:
        return False
    nxt = _next_word(doc, j)
    if nxt is not None and (nxt.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or nxt.text in ("-", ",")
                            or nxt.tag_ == "POS"):
        return False
    if doc[j - 1].lower_ in FEATURE_WORDS:
        return False
    return not any(c.entry.precision in _AREAS
                   or c.entry.precision == "admin1" and m.label in PLACE_LABELS
                   for c in m.candidates)


def vouched_unknown(doc, ms: list[Mention]) -> bool:
    """A name the gazetteer lacks is a place when written as a name (capitalised) and either
    tagged a facility by the parser, earned from the article (a settlement noun, a list), governed by a preposition of place at
    one of its mentions ("in", "at", "to", "the village of"; not "from": "died from Ebola"), or
    named with a feature word ("Mithi River", "Weir Road", "Colton Way")."""
    for m in ms:
        i, j = m.tokens
        words_ = [t for t in doc[i:j] if t.is_alpha]
        if not words_ or not any(t.text[:1].isupper() for t in words_):
            continue
        if m.label == "FAC" or m.extra.get("named") or m.locative is not None and m.locative != "from":
            return True
        if _listed_after_settlement_noun(doc, i) or i >= 1 and doc[i - 1].is_lower and \
                doc[i - 1].lower_ in FEATURE_WORDS:
            return True  # "four villages: Kampungu, Kaluamba and Mombo"; "Nairobi slum Kibera"
        if i >= 1 and doc[i - 1].like_num or doc[j - 1].like_num:
            return True  # an address or a numbered road: "at 1405 Monterey Highway", "Route 9"
        if words_[-1].lower_ in FEATURE_WORDS or words_[0].lower_ in FEATURE_WORDS or \
                j < len(doc) and doc[j].is_lower and doc[j].lower_ in FEATURE_WORDS:
            return True
    return False


def _listed_after_settlement_noun(doc, i: int) -> bool:
    """The name is an item of a list of names that a settlement noun introduces ("four villages:
    Kampungu, Makonono, Kaluamba and Mombo", "the villages of A and B")."""
    k = i - 1
    while k >= 0 and i - k < 20 and (doc[k].text in LIST_WORDS or doc[k].text[:1].isupper()):
        k -= 1
    if k >= 1 and doc[k].text in (":", "of", "including"):
        k -= 1
    return k >= 0 and doc[k].is_lower and doc[k].lower_ in SETTLEMENT_NOUNS
