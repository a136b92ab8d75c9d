"""Which recognised mentions earn their place: a country or a first-level subdivision always, a town
by a preposition, a qualifier, its population or a trusted mention elsewhere (`accept`), and by the
article (`accept_more`: lists, settlement nouns, the same name placed elsewhere). See resolve.py."""

from __future__ import annotations

from ..lang.en import words
from .mention import (
    LIST_WORDS,
    LOCATIVE,
    SETTLEMENT_NOUNS,
    STRICT_LOCATIVE,
    Mention,
    preceding_prep,
)
from .names import key
from .recognise import name_like
from .store import Candidate, Gazetteer


def _usable(m: Mention, c: Candidate) -> bool:
    if c.kind == "demonym":
        return m.demonym
    if c.kind == "abbr":
        t = m.text
        # "Calif.", "W.V.", "USA" stand alone; a two-letter code ("Co.", "Ky.", "IN") only
        # qualifies ("Paris, TX") or is tagged a place: "Co." is mostly a company
        dotted = "." in t and (len(m.key.replace(" ", "")) >= 3 or t.count(".") >= 2)
        return m.is_qualifier or m.label in ("GPE", "LOC") or \
            (m.label != "PERSON" and (dotted or t.isupper() and len(t) >= 3))
    return True


# after a town's name, a local institution: "Danbury Hospital", "Torrington Police Department"
INSTITUTIONS = words("name_words", institution="yes")


def _institution_after(doc, m: Mention) -> bool:
    """'Danbury Hospital', 'Torrington Police Department': a town naming a local institution."""
    j = m.tokens[1]
    return j < len(doc) and doc[j].lower_ in INSTITUTIONS


# Nouns after a name that make it a landmark: "Champs-Elysees boulevard", "Heathrow airport".
LANDMARK_NOUNS = words("place_nouns", landmark="yes")


def _at_landmark(doc, m: Mention) -> bool:
    """The mention names a landmark where something happens: a facility label, a locative
    preposition ("at the White House"), "the" before a facility or a landmark noun after it."""
    i, j = m.tokens
    if m.person_like:
        return False  # "Downing Street said"
    if m.label == "FAC" or m.locative and m.locative != "of" and doc[i - 1].lower_ == "the":
        return True
    if doc[j - 1].lower_ in LANDMARK_NOUNS or j < len(doc) and doc[j].lower_ in LANDMARK_NOUNS:
        return True
    return preceding_prep(doc, i) in LOCATIVE and m.tokens[1] - i > 1


def _area_adjective(doc, m: Mention) -> bool:
    """The parser tags a nationality or group (NORP) whose one word modifies a noun ("Chechen
    militants") and whose readings are all subdivisions or regions by another of their names
    ("Chechen" of Chechnya): a people's word, which implies its area as a demonym does."""
    i, j = m.tokens
    tok = doc[i]
    return m.label == "NORP" and j - i == 1 and bool(m.candidates) and \
        tok.dep_ in ("amod", "compound") and tok.head.pos_ in ("NOUN", "PROPN") and \
        all(c.entry.precision in ("admin1", "region") and c.kind == "alt" for c in m.candidates)


def _world_region_over_towns(m: Mention) -> tuple[Candidate, ...]:
    """An ocean, a sea, a continent or a world region ("the Pacific", "the Middle East") lies in
    no country, so the article's countries lend it nothing: the small towns of that name
    (Pacific, Missouri; Middle East, Maryland) would win on them alone. Unless a qualifier
    places the town, only cities of WORLD_REGION_TOWN people stay readings."""
    if m.qualifier is not None or m.is_qualifier or not any(
            c.entry.precision == "region" and not c.entry.cc for c in m.candidates):
        return m.candidates
    return tuple(c for c in m.candidates
                 if c.entry.precision != "locality" or c.entry.population >= WORLD_REGION_TOWN)


def _landmark(doc, m: Mention) -> bool | None:
    """Whether a name some landmark holds is a place, None when no landmark has it. "at the
    White House", "the Stade de France", "Champs-Elysees boulevard": the landmark, not a town of
    that name (White House, Tennessee). A landmark's own name where nothing places the landmark
    is its occupant ("White House Press Secretary", "the Kremlin said"), no town whose name or
    other name it is (Casablanca), unless a qualifier places the town ("White House, Tennessee")."""
    landmarks = tuple(c for c in m.candidates if c.entry.precision == "point")
    if landmarks and _at_landmark(doc, m):
        m.candidates = landmarks
        return True
    if not any(c.kind == "name" for c in landmarks):
        return None
    placed = m.qualifier is not None or m.is_qualifier
    m.candidates = tuple(c for c in m.candidates if placed and c.kind == "name"
                         and c.entry.precision != "point")
    return bool(m.candidates)


def accept(doc, m: Mention, strong_keys: set[str], demonyms: bool,
            person_words: frozenset[str] = frozenset()) -> bool:
    cands = m.candidates
    tok = doc[m.tokens[0]]
    demonym_only = cands and all(c.kind == "demonym" for c in cands)
    # "Chechen militants" implies Chechnya as "Mexican cartels" does Mexico: a demonym too
    area_word = _area_adjective(doc, m)
    if area_word or any(c.kind == "demonym" for c in cands) and (
            m.label == "NORP" or m.extra.get("norp") or
            demonym_only and (tok.pos_ in ("ADJ", "PROPN") or m.label == "INNER")):
        if not demonyms:
            return False
        m.demonym = True
        m.candidates = cands if area_word else tuple(c for c in cands if c.kind == "demonym")
        return True
    m.candidates = tuple(c for c in cands if _usable(m, c))
    if any(c.entry.precision in ("country", "admin1", "region") and c.kind in ("name", "alt")
           for c in m.candidates):
        # an exact country or state name beats towns that merely have it as an alias
        # ("Mexico" is not Mexico City)
        m.candidates = tuple(c for c in m.candidates
                             if c.entry.precision not in ("locality", "point") or c.kind == "name")
        m.candidates = _world_region_over_towns(m)
    elif m.label == "FAC":
        # a facility is not a town's alias ("White House"), but may be a facility's short name
        # ("Heathrow" for Heathrow Airport)
        m.candidates = tuple(c for c in m.candidates
                             if c.entry.precision != "locality" or c.kind == "name"
                             or c.entry.population >= FAC_ALT_CITY)  # "Mbanza Congo" (FAC)
    landmark = _landmark(doc, m)
    if landmark is not None:
        return landmark
    if m.strong:
        return True
    if not any(doc[i].text[:1].isupper() for i in range(*m.tokens)):
        return False  # English writes place names capitalised: "Clinton's van" is no town Van
    if not m.candidates:
        return False
    if m.person_like:
        return False
    if m.is_qualifier or m.qualifier is not None or m.key in strong_keys:
        return True
    if m.label == "SCAN" and m.tokens[1] - m.tokens[0] == 1 and tok.pos_ not in ("PROPN",) \
            and not tok.is_upper:
        return False  # a capitalised common word: "Reading", "March", "Bath"
    best_area = any(c.entry.precision in ("country", "admin1") and c.kind in ("name", "alt", "abbr")
                    or c.entry.precision == "region" and c.kind in ("name", "alt")
                    for c in m.candidates)
    if best_area:
        if m.label == "PERSON" and m.tokens[1] - m.tokens[0] == 1 and not m.locative:
            # a one-word PERSON that is also a country, state or region ("Java", "Chad"):
            # a place unless the word is part of a person's name elsewhere ("Chad Smith")
            return tok.lower_ not in person_words and tok.dep_ != "compound"
        return True
    pop = _population(m)
    if m.extra.get("head") and pop >= HEAD_PLACE_POPULATION:
        return True  # "Red Deer Skating Association", "Enfield Borough"
    if m.locative and m.locative != "of" and pop >= 1000:
        return True
    if m.locative and _alt_population(m) >= ALT_NAME_CITY:
        return True  # "officials in Kiev": a big city under its other (English, older) name
    if m.locative == "of" and pop >= 10000:
        return True
    if m.label in ("ORG", "NORP", "LANGUAGE", "PRODUCT", "EVENT", "WORK_OF_ART") and \
            pop >= 100_000:
        return True
    if m.label in ("INNER", "ORG", "SCAN") and (
            m.label == "INNER" and pop >= 300_000 or pop >= 5_000 and _institution_after(doc, m)):
        return True
    if m.label == "SCAN" and pop >= 300_000 and tok.pos_ == "PROPN":
        return True
    return False


# Nouns a town's name modifies in local news ("a Longview woman", "Dadaab camps", "a Dugway
# spokesperson", "the Pirbright laboratory"): with a town of a country the article names.
LOCAL_NOUNS = INSTITUTIONS | frozenset({
    "woman", "man", "resident", "residents", "native", "family", "spokesperson", "official",
    "officials", "authorities", "camp", "camps", "mine", "laboratory", "lab", "mayor",
    "vice-mayor", "farm", "farms", "plant", "facility", "base", "area", "market", "prison",
})


# A town that begins the name of an institution the gazetteer does not know ("Red Deer Skating
# Association") is the place when it is at least this big (a person's name begins many more).
HEAD_PLACE_POPULATION = 5000


# A town that a facility-tagged name spells only by another of its names is still that town
# when it is this big ("Mbanza Congo", Mbanza Kongo); smaller ones are too often a building's
# namesake ("White House").
FAC_ALT_CITY = 100_000


# A town of a world region's name ("Pacific", "Middle East") that unqualified mentions may still
# mean: only a city this big.
WORLD_REGION_TOWN = 100_000


# A second-level subdivision (a county, a province) has no population in the index; it counts
# as a town of this size when a mention must earn its place ("holiday in Dorset").
ADMIN2_AS_POPULATION = 20_000


# A town named by another of its names ("Kiev", "Bombay", "Peking") earns its place after a
# locative preposition only when it is a city this big: small towns' other names are too often
# ordinary words.
ALT_NAME_CITY = 500_000


def _population(m: Mention) -> int:
    return max((c.entry.population if c.entry.precision == "locality" else ADMIN2_AS_POPULATION
                for c in m.candidates
                if c.entry.precision in ("locality", "admin2") and c.kind == "name"), default=0)


def _alt_population(m: Mention) -> int:
    """Population of the biggest town the mention names by one of its other names."""
    return max((c.entry.population for c in m.candidates
                if c.entry.precision == "locality" and c.kind == "alt"), default=0)


def settlement_noun(doc, m: Mention) -> bool:
    """'the village of Ciocile', 'the towns of Haris and Varzaqan', 'Heze city', 'Warab state'."""
    i, j = m.tokens
    if j < len(doc) and doc[j].lower_ in SETTLEMENT_NOUNS and doc[j].is_lower:
        return True
    k = i - 1
    # back over a list of names: "the villages of Kampungu, Makonono, Kaluamba and Mombo"
    if k >= 0 and doc[k].lower_ in LIST_WORDS:
        while k >= 1 and (doc[k].lower_ in LIST_WORDS or name_like(doc[k])):
            k -= 1
    return k >= 1 and doc[k].lower_ == "of" and doc[k - 1].lower_ in SETTLEMENT_NOUNS


def _age_of(doc, m: Mention) -> bool:
    """'Paul Block Jr., 49, of Waterloo': a person's age, then where the person is from."""
    i = m.tokens[0]
    return i >= 3 and doc[i - 1].lower_ == "of" and doc[i - 2].text == "," and \
        doc[i - 3].like_num


def _listed_with(doc, m: Mention, placed: dict[int, Mention]) -> bool:
    """m stands in a list ("Tacloban and Babatngon", "Moonbi, Parkes, Berry and Wyong") next to
    an accepted place: only commas, 'and', 'or' between them."""
    i, j = m.tokens
    if i > 0 and name_like(doc[i - 1]) or j < len(doc) and name_like(doc[j]):
        return False  # part of a longer name: "South Sudan, Eugene Owusu"
    k = i - 1
    while k >= 0 and doc[k].lower_ in LIST_WORDS and k >= i - 2:
        k -= 1
    if k < i - 1 and k >= 0 and k in placed and placed[k].tokens[1] == k + 1:
        return True
    k = j
    while k < len(doc) and doc[k].lower_ in LIST_WORDS and k <= j + 1:
        k += 1
    return k > j and k < len(doc) and k in placed and placed[k].tokens[0] == k


def _list_members(doc, i: int, j: int) -> list[tuple[int, int]]:
    """The names of the comma list m stands in: runs of name-like tokens (a possessive allowed)
    joined by ',', 'and', 'or'."""
    def run_left(k: int) -> int:
        while k > 0 and (name_like(doc[k - 1]) or doc[k - 1].text in ("'s", "’s")):
            k -= 1
        return k

    def run_right(k: int) -> int:
        while k < len(doc) and (name_like(doc[k]) or doc[k].text in ("'s", "’s")):
            k += 1
        return k

    out = [(i, j)]
    a = i
    while a >= 2 and doc[a - 1].lower_ in LIST_WORDS:
        b = a - 1
        if b >= 1 and doc[b - 1].text == "," and doc[b].lower_ in ("and", "or"):
            b -= 1
        a2 = run_left(b)
        if a2 == b:
            break
        out.append((a2, b))
        a = a2
    b = j
    while b + 1 < len(doc) and doc[b].lower_ in LIST_WORDS:
        c = b + 1
        if doc[b].text == "," and doc[c].lower_ in ("and", "or"):
            c += 1
        b2 = run_right(c)
        if b2 == c:
            break
        out.append((c, b2))
        b = b2
    return out


# A name in a comma list of at least this many names most of which are no places ("the labels
# Lucerne, Albertson, Mountain Dairy, Ralph's, Boomsma's, Sunshine") is a brand, not a town.
BRAND_LIST_MIN = 5


def among_non_places(doc, gaz: Gazetteer, m: Mention) -> bool:
    """The mention stands in a list of BRAND_LIST_MIN names or more, most of which the gazetteer
    lacks ("sold under the labels Lucerne, Albertson, Mountain Dairy, Ralph's, ..., Bayview and
    Sun Valley"): a list of brands, teams or people, whatever the parser tags its members, unless
    the mention names a country or a state, or the list is placed by a preposition before it or a
    settlement noun earlier in its sentence ("in Kobuta, Manekwa, ...", "the villages of
    Kampungu, Makonono, ...")."""
    members = _list_members(doc, *m.tokens)
    if len(members) < BRAND_LIST_MIN or any(
            c.kind == "name" and c.entry.precision in ("country", "admin1") for c in m.candidates):
        return False  # "Rhode Island Gov. Gina Raimondo and New Hampshire Gov. Maggie Hassan"
    first = min(a for a, _ in members)
    if first >= 1 and doc[first - 1].lower_ in LOCATIVE or any(
            t.lower_ in SETTLEMENT_NOUNS and t.is_lower for t in doc[doc[first].sent.start:first]):
        return False  # "in Kobuta, ...", "the affected villages were Gabardin, Tonban, ..."
    known = sum(1 for a, b in members if gaz.lookup(key(doc[a:b].text)))
    return known * 2 < len(members)


def accept_more(doc, mentions: list[Mention], accepted: list[Mention],
                 person_words: frozenset[str]) -> list[Mention]:
    """Mentions that failed `accept` but earn their place from the article: the same name is a
    place elsewhere in it (one sense per discourse), they stand in a list with a place, or a
    settlement noun names them ("the village of Ciocile")."""
    ids = {id(m) for m in accepted}
    # names placed by a preposition or a qualifier, not by size alone
    keys = {m.key for m in accepted if not m.demonym and m.candidates and (
        m.label != "SCAN" and m.locative in STRICT_LOCATIVE or m.qualifier is not None
        or m.is_qualifier)}
    # countries the article names outright (a country, a state, a demonym)
    countries = {c.entry.cc for m in accepted for c in m.candidates
                 if m.strong and c.entry.precision in ("country", "admin1") or m.demonym}
    more: list[Mention] = []
    changed = True
    while changed:
        changed = False
        placed = {}
        for m in accepted + more:
            if not m.demonym:
                placed[m.tokens[0]] = m
                placed[m.tokens[1] - 1] = m
        for m in mentions:
            if id(m) in ids or m.demonym or m.person_like or not m.candidates:
                continue
            if any(c.kind == "demonym" for c in m.candidates):
                continue
            i, j = m.tokens
            tok = doc[i]
            if tok.lower_ in person_words or tok.is_upper and len(tok) <= 3:
                continue  # a person's name, an acronym ("EMS", "UN")
            if j < len(doc) and doc[j].like_num:
                continue  # a date ("August 15")
            settled = settlement_noun(doc, m) or _age_of(doc, m)
            if m.label == "INNER" and not settled:
                continue  # part of a longer name ("King Nut Companies", "Business and Law")
            if m.label == "SCAN" and j - i == 1 and tok.pos_ != "PROPN" and not settled:
                continue  # a capitalised common word
            if not any(c.kind == "name" and c.entry.precision != "point" or settled
                       and c.kind == "alt" and c.entry.precision != "point"
                       for c in m.candidates):
                continue
            same = m.key in keys and not (
                i > 0 and doc[i - 1].lower_ in ("the", '"', "“")
                or j < len(doc) and doc[j].text in ("'s", "’s"))  # "The Church", "McDonald's"
            local = j < len(doc) and doc[j].lower_ in LOCAL_NOUNS and any(
                c.kind == "name" and c.entry.cc in countries for c in m.candidates)
            if same or local or settled or _listed_with(doc, m, placed):
                more.append(m)
                ids.add(id(m))
                changed = True
    return more
