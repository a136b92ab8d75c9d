"""Toponym recognition and resolution over a spaCy parse, with the gazetteer.

Recognition. Candidates come from
  1. spaCy entities tagged GPE, LOC or FAC (trusted: kept even when the gazetteer lacks them);
  2. entities with another label whose text is a gazetteer name: "Michoacan" (NORP),
     "Tamaulipas" (PERSON), "Edmonton" (ORG); and demonyms ("Mexican" -> Mexico);
  3. place names inside longer names ("Texas A&M University", "U.S.-led");
  4. capitalised words no entity covers ("Rio Grande").
Mentions of kinds 2-4 must earn their place (see `_accept`): a country, first-level subdivision or
named region always does; a town needs a locative preposition before it ("in Pandi"), a qualifier
after it ("Pandi, Bulacan"), a large population, or a trusted mention of the same name elsewhere
in the article. A name that reads as a person ("Jordan said", "Mr. Chad") is not a place.
A second-level subdivision counts as a town of ADMIN2_AS_POPULATION ("holiday in Dorset"). A
mention that fails these may still earn its place from the article (`_accept_more`): it stands in
a list with an accepted place ("Tacloban and Babatngon", "Moonbi, Parkes, Berry and Wyong"), a
settlement noun names it ("the village of Ciocile", "Heze city"), or the same name was placed by
a preposition or qualifier elsewhere in the article ("at Randwick ... Randwick has been locked
down"); never a date ("March 5"), an acronym, a word of a person's name, or "the Church".

Resolution. Every mention of one name in an article gets the same referent (one sense per
discourse). The referent maximises a score of
  - a prior by kind: countries > first-level subdivisions and named regions > towns, towns by
    population (log scale), capitals up; alternate names and abbreviations down;
  - the qualifier: "Fronton, Texas", "Edmonton, Ky.", "London, Ontario" (a place inside the
    qualifying subdivision or country gains a lot, one outside loses as much);
  - the sentence: a name listed among places of one kind is of that kind ("Texas, Utah,
    Washington and Wyoming": the state), and a list is no qualifier ("China, Japan and the
    United Kingdom"); a kind noun names the kind ("the state of Washington", "Hebei province");
    "Crawford County located in Pennsylvania" qualifies like a comma; a qualifier is the reading
    that holds its head ("Atlanta, Georgia": the state, "Tbilisi, Georgia": the country), and a
    town the gazetteer knows only outside its qualifier is placed at the qualifier, coarser
    ("Holliday, Missouri" with no Holliday in Missouri known is Missouri, not Holliday, Texas);
  - the article: the countries and subdivisions of the other places (their share of mentions),
    and nearness to the other towns resolved. The context is recomputed twice from the current
    resolutions, so a clear "Metcalfe County, Ky." pulls an unqualified "Edmonton" to Kentucky.
A place the gazetteer lacks but the text places ("Dunnock Close, Edmonton", "the Abu Shok camp in
North Darfur") or an article about one country or one state surrounds is reported at that area's
precision under its own name (never at an invented point, never with the area's GeoNames id).
Partial names: a compass word before a known area names that area, coarser ("East Java" -> Java);
touching mentions that together spell a name are merged ("Guinea-Bissau", "French Guiana"); a
part of a longer name ("Midlands" of "West Midlands", "St. Peter" of "St. Peter's Square") that
resolves to a subdivision or town of a country no other place of the article is in keeps no point.

Modules: `mention` (the Mention record, word lists, prior and qualifier scores), `spans` (where a
name starts and ends), `sentence` (lists, kind nouns, "located in"), `areas` (places known only
to their area); this one runs recognition, acceptance and the resolution rounds.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from .areas import place_at_areas
from .mention import (
    CALENDAR,
    COMPASS,
    GENERIC,
    LIST_WORDS,
    LOCATIVE,
    PATHOGEN_WORDS,
    PLACE_LABELS,
    SETTLEMENT_NOUNS,
    SKIP_LABELS,
    SPEECH,
    STRICT_LOCATIVE,
    TITLES,
    Mention,
    _preceding_prep,
    _prior,
    _qualifier_bonus,
)
from .names import key, strip_admin_suffix
from .sentence import (
    HOLDS_HEAD_BONUS,
    KIND_NOUN_BONUS,
    _a_list,
    _holding_heads,
    _list_bonus,
    _list_mates,
    _located_in,
    _named_kind,
)
from .spans import (
    ORG_HEADS,
    ORG_WORDS,
    datelines,
    described,
    grow,
    head_place,
    hyphen_prefix,
    named_settlements,
    split_and,
)
from .store import Candidate, Entry, Gazetteer

# ---------------------------------------------------------------- recognition


def _trim(doc, i: int, j: int) -> tuple[int, int]:
    while i < j and (doc[i].lower_ in ("the", "a", "an") or doc[i].is_punct or doc[i].is_space):
        i += 1
    while j > i and (doc[j - 1].lower_ in ("'s", "’s", "'", "’") or doc[j - 1].is_punct
                     and doc[j - 1].text != "." or doc[j - 1].is_space):
        j -= 1
    return i, j


def _text(doc, i: int, j: int) -> tuple[int, int, str]:
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    return start, end, doc[i:j].text


def _lookup(gaz: Gazetteer, k: str, cased: bool = True) -> tuple[Candidate, ...]:
    found = gaz.lookup(k)
    if not found:
        bare = strip_admin_suffix(k)
        if bare:
            found = tuple(c for c in gaz.lookup(bare)
                          if c.entry.precision in ("admin1", "admin2", "region"))
    if not found:
        # "East Java", "South West England": an unknown part of a known area stands for the area
        # (coarser, never elsewhere); only areas, not towns that happen to share the last word
        words = k.split()
        n = 0
        while n < len(words) - 1 and words[n] in GENERIC:
            n += 1
        if n and cased:
            found = tuple(c for c in _lookup(gaz, " ".join(words[n:]))
                          if c.entry.precision in ("country", "admin1", "region"))
    return found


def _person_like(doc, i: int, j: int) -> bool:
    prev = doc[i - 1] if i > 0 else None
    if prev is not None and prev.lower_.rstrip(".") in TITLES:
        return True
    nxt = doc[j] if j < len(doc) else None
    if nxt is not None and nxt.lemma_.lower() in SPEECH and doc[j - 1].dep_ == "nsubj":
        return True
    return False


def _name_like(tok) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or t.isupper()) and tok.is_alpha or \
        (t[:1].isupper() and "." in t) or (t[:1].isupper() and "-" in t)


def find_mentions(doc, gaz: Gazetteer, *, inner: bool = True) -> list[Mention]:
    """Candidate place mentions of a spaCy Doc, in text order, qualifiers linked."""
    mentions: list[Mention] = []
    claimed = [False] * len(doc)

    def add(i: int, j: int, label: str) -> Mention | None:
        i, j = _trim(doc, i, j)
        if i >= j or any(claimed[i:j]):
            return None
        start, end, text = _text(doc, i, j)
        k = key(text)
        if not k:
            return None
        m = Mention(start, end, text, label, (i, j), k, _lookup(gaz, k, text[:1].isupper()))
        mentions.append(m)
        for t in range(i, j):
            claimed[t] = True
        return m

    def add_named(i: int, j: int) -> None:
        """A place the gazetteer lacks that the words around it name ("the village of
        Cellardyke", "Dogu Beyazit, a farming town"): it may be placed at its area."""
        m = add(i, j, "UNKNOWN")
        if m is not None:
            m.extra["named"] = True

    def add_prefix(t: int, n: int, label: str) -> Mention | None:
        """A mention of the first n characters of token t ("U.S." of "U.S.-led")."""
        if claimed[t]:
            return None
        text = doc[t].text[:n]
        k = key(text)
        cands = _lookup(gaz, k) if k else ()
        if not any(c.kind == "demonym" or c.entry.precision in ("country", "admin1")
                   for c in cands):
            return None
        m = Mention(doc[t].idx, doc[t].idx + n, text, label, (t, t + 1), k, cands)
        mentions.append(m)
        claimed[t] = True
        return m

    for i, j in datelines(doc):
        # "BANTAM —", "WASHINGTON (RNS)": a dateline names a town, never a state
        k = key(doc[i:j].text)
        towns = tuple(c for c in _lookup(gaz, k) if c.entry.precision == "locality"
                      and c.kind in ("name", "alt"))
        if towns and not any(claimed[i:j]):
            m = add(i, j, "GPE")
            if m is not None:
                m.candidates = towns
                m.extra["dateline"] = True
                if j + 1 < len(doc) and doc[j].text == "," and hyphen_prefix(doc[j + 1]):
                    add_prefix(j + 1, hyphen_prefix(doc[j + 1]), "QUAL")  # "KY--(Marketwire"

    for ent in doc.ents:
        if ent.label_ in SKIP_LABELS:
            continue
        if ent.label_ in PLACE_LABELS:
            # "Fronton, Texas" may come as one entity: split it at commas
            parts, i = [], ent.start
            for t in range(ent.start, ent.end):
                if doc[t].text == ",":
                    parts.append((i, t))
                    i = t + 1
            parts.append((i, ent.end))
            if len(parts) > 1 and gaz.lookup(key(ent.text)):
                parts = [(ent.start, ent.end)]  # "Washington, D.C." is a name of its own
            if len(parts) == 1 and inner and not gaz.lookup(key(ent.text)):
                parts = split_and(doc, gaz, *_trim(doc, ent.start, ent.end)) or parts
            for a, b in parts:
                if gaz.lookup(key(_text(doc, *_trim(doc, a, b))[2])) or not inner:
                    add(a, b, ent.label_)
                    continue
                # unknown as a whole: "Turkish Embassy", "Far North Queensland", "Air Berlin"
                before = len(mentions)
                _scan(doc, gaz, a, b, claimed, add, "INNER")
                found = mentions[before:]
                if not any(_area_or_big(m) for m in found):
                    for m in found:
                        for t in range(*m.tokens):
                            claimed[t] = False
                    del mentions[before:]
                    head = head_place(doc, gaz, a, b)
                    if head is not None and add(*head, ent.label_) is not None:
                        # "Enfield Borough", "Orange County Sanitation District": the place
                        # that begins it; the rest names no place
                        _claim_rest(doc, gaz, a, b, claimed, add, mentions)
                    else:
                        add(a, b, ent.label_)
            continue
        i, j = _trim(doc, ent.start, ent.end)
        if i >= j:
            continue
        whole = _lookup(gaz, key(_text(doc, i, j)[2]))
        head = None if whole or not inner else head_place(doc, gaz, i, j)
        if whole:
            add(i, j, ent.label_)
        elif head is not None and (m := add(*head, "INNER")) is not None:
            # "Red Deer Skating Association", "Randwick Racecourse": the place that begins
            # an institution's name
            m.extra["head"] = True
            _claim_rest(doc, gaz, i, j, claimed, add, mentions)
        elif inner and (parts := split_and(doc, gaz, i, j)) is not None:
            # "south to Ingham or Townsville" taken for one organisation: two names, each to
            # earn its place (a preposition, a list mate)
            for a, b in parts:
                add(a, b, "LIST")
        elif ent.label_ in ("PERSON", "NORP") and _preceding_prep(doc, i) in STRICT_LOCATIVE \
                and all(t.pos_ == "PROPN" for t in doc[i:j]):
            add(i, j, "UNKNOWN")  # "near Guadalupe Guerra": a place the gazetteer lacks
        elif ent.label_ in ("PERSON", "ORG") and inner and j - i <= 3 and described(doc, i, j) \
                and all(t.pos_ == "PROPN" and t.is_alpha for t in doc[i:j]):
            add_named(i, j)  # "Dogu Beyazit, a farming town", "Warab state": tagged a person
        elif ent.label_ == "PERSON":
            # "Paul Everitt", "Sen. Marco Rubio": the words of a person's name are no places;
            # what stands before a title or an acronym describes the person ("Calgary MLA
            # Sandra Jansen")
            n = max((t + 1 for t in range(i, j) if doc[t].is_upper and doc[t].is_alpha
                     or doc[t].lower_.rstrip(".") in TITLES), default=i)
            if j - n > 1 and all(_name_like(t) and t.lower_ not in SETTLEMENT_NOUNS
                                 for t in doc[n:j]):
                for t in range(n, j):
                    claimed[t] = True
        elif inner:
            before = len(mentions)
            _scan(doc, gaz, i, j, claimed, add, "INNER")
            if ent.label_ == "NORP":
                for m in mentions[before:]:
                    m.extra["norp"] = True  # "German" of "German-Iraqi"
    for t in range(len(doc)):
        n = hyphen_prefix(doc[t])
        if n and not claimed[t]:
            add_prefix(t, n, "INNER")  # "U.S.-led", "U.S.-based"
    _scan(doc, gaz, 0, len(doc), claimed, add, "SCAN")
    areas = {m.tokens[0] for m in mentions if any(
        c.entry.precision in ("country", "admin1", "admin2") for c in m.candidates)}
    for a, b in named_settlements(doc, lambda t: not claimed[t], areas.__contains__):
        if doc[a].lower_.rstrip(".") not in TITLES and doc[a].lower_ not in CALENDAR:
            add_named(a, b)
    mentions.sort(key=lambda m: m.start)
    mentions[:] = _grow_all(doc, gaz, mentions, claimed)
    mentions[:] = _merge_adjacent(doc, gaz, mentions)
    _link_qualifiers(doc, gaz, mentions, claimed, add)
    mentions.sort(key=lambda m: m.start)
    for m in mentions:
        m.locative = _preceding_prep(doc, m.tokens[0])
        m.person_like = m.label in ("PERSON", "SCAN", "ORG") and _person_like(doc, *m.tokens)
    return mentions


def _claim_rest(doc, gaz: Gazetteer, i: int, j: int, claimed: list[bool], add,
                mentions: list[Mention]) -> None:
    """After the place that begins an institution's name: the rest names no place ("Superior
    Court", "Police Department", "Franklin and Kennedy Elementary Schools") unless it names a
    country, a state or a big city ("Middlesex-London EMS")."""
    for t in range(i, j):
        if doc[t].lower_ in ORG_WORDS or doc[t].lower_ in ORG_HEADS or not _name_like(doc[t]):
            claimed[t] = True
    before = len(mentions)
    _scan(doc, gaz, i, j, claimed, add, "INNER")
    mentions[before:] = [m for m in mentions[before:] if _area_or_big(m)]
    for t in range(i, j):
        claimed[t] = True


def _grow_all(doc, gaz: Gazetteer, mentions: list[Mention], claimed: list[bool]) -> list[Mention]:
    """Each mention grown into the longer gazetteer name it spells with its neighbours ("Rio
    Grande" + "do Sul", "Goz" + "Beida"); the mentions the growth covers are dropped."""
    owner: dict[int, Mention] = {}
    for m in mentions:
        for t in range(*m.tokens):
            owner[t] = m
    out = list(mentions)
    dropped: set[int] = set()  # ids of mentions a growth covered
    for m in mentions:
        if id(m) in dropped or m.demonym or m.start != doc[m.tokens[0]].idx:
            continue
        i, j = m.tokens

        def free(t: int, i: int = i, j: int = j) -> bool:
            o = owner.get(t)
            return not claimed[t] or o is not None and (i <= t < j or
                                                         o.start == doc[o.tokens[0]].idx)

        span = grow(doc, gaz, i, j, free)
        if span is None:
            continue
        a, c = span
        covered = {id(owner[t]) for t in range(a, c) if t in owner}
        if any(o.tokens[0] < a or o.tokens[1] > c for o in out if id(o) in covered):
            continue  # it would cut another mention in two
        start, end, text = _text(doc, a, c)
        k = key(text)
        grown = Mention(start, end, text, m.label, (a, c), k, _lookup(gaz, k))
        grown.extra.update(m.extra)
        dropped |= covered
        out = [o for o in out if id(o) not in covered]
        out.append(grown)
        for t in range(a, c):
            claimed[t] = True
            owner[t] = grown
    out.sort(key=lambda m: m.start)
    return out


def _merge_adjacent(doc, gaz: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """Two mentions that touch ("French" + "Guiana", "Guinea" + "-" + "Bissau") and together
    spell a gazetteer name are that one place, not two."""
    out: list[Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and not prev.demonym:
            gap = doc[prev.tokens[1]:m.tokens[0]]
            joined = m.tokens[0] == prev.tokens[1] or len(gap) == 1 and gap[0].text == "-" and \
                not doc[prev.tokens[1] - 1].whitespace_ and not gap[0].whitespace_
            if joined:
                start, end, text = _text(doc, prev.tokens[0], m.tokens[1])
                k = key(text)
                cands = _lookup(gaz, k) if k else ()
                if cands:
                    label = prev.label if prev.label in PLACE_LABELS else m.label
                    out[-1] = Mention(start, end, text, label, (prev.tokens[0], m.tokens[1]), k,
                                      cands)
                    continue
        out.append(m)
    return out


def _all_generic(k: str) -> bool:
    """'south west', 'north eastern', 'central': words that only qualify a name."""
    words = k.split()
    if len(words) == 1:
        return k in GENERIC
    return bool(words) and all(w in COMPASS for w in words)


def _area_or_big(m: Mention) -> bool:
    return any(c.kind == "demonym" or c.entry.precision in ("country", "admin1", "region")
               or c.entry.precision == "locality" and c.kind == "name"
               and c.entry.population >= 100_000 for c in m.candidates)


def _scan(doc, gaz, lo: int, hi: int, claimed: list[bool], add, label: str) -> None:
    """Longest gazetteer names among capitalised tokens in [lo, hi) that nothing claimed yet."""
    t = lo
    while t < hi:
        if claimed[t] or not _name_like(doc[t]) or doc[t].is_stop and not doc[t].is_upper:
            t += 1
            continue
        found = False
        for n in range(min(5, hi - t), 0, -1):
            toks = doc[t:t + n]
            if any(claimed[x] for x in range(t, t + n)) or not _name_like(toks[-1]):
                continue
            if any(tok.is_punct and tok.text not in ("-", ".", "'", "’") for tok in toks):
                continue
            k = key(toks.text)
            if _all_generic(k):
                continue
            if k and (gaz.lookup(k) or n > 1 and k.split()[0] in COMPASS and _lookup(gaz, k)):
                if add(t, t + n, label) is not None:
                    t += n
                    found = True
                    break
        if not found:
            t += 1


def _modifies_next(doc, j: int) -> bool:
    """The name ending before token j modifies the common noun at j ("Russia, U.S. officials
    said"): it heads a new phrase and qualifies no name before the comma."""
    return j < len(doc) and doc[j].is_lower and doc[j].is_alpha and doc[j].pos_ == "NOUN"


def _link_qualifiers(doc, gaz, mentions: list[Mention], claimed, add) -> None:
    """'A, B' where B is a subdivision, country or abbreviation: B qualifies A."""
    by_start = {m.tokens[0]: m for m in mentions}
    for m in list(mentions):
        j = m.tokens[1]
        q = _located_in(doc, m, by_start)
        if q is not None:
            m.qualifier = q
            q.is_qualifier = True
            continue
        if j + 1 >= len(doc) or doc[j].text != ",":
            continue
        q = by_start.get(j + 1)
        if q is None:
            # an abbreviation no entity covers: "Edmonton, Ky." / "Paris, TX"
            for n in (3, 2, 1):
                if j + 1 + n > len(doc) or any(claimed[j + 1:j + 1 + n]):
                    continue
                span = doc[j + 1:j + 1 + n]
                if not span[0].text[:1].isupper():
                    break
                after = doc[j + 1 + n] if j + 1 + n < len(doc) else None
                span_key = key(span.text)
                if _all_generic(span_key) or after is not None and _name_like(after):
                    continue  # "Sukoharjo, Central Java": "Central" is part of a longer name
                cands = _lookup(gaz, span_key)
                if any(c.entry.precision in ("admin1", "country") for c in cands) or \
                        _all_generic(key(span[0].text)) and cands:
                    q = add(j + 1, j + 1 + n, "QUAL")
                    break
        if q is None or _modifies_next(doc, q.tokens[1]) or _a_list(doc, m, q, mentions):
            continue
        if any(c.entry.precision in ("admin1", "admin2", "country") for c in q.candidates) or \
                m.key == "washington" or q.candidates and not gaz.lookup(q.key) or \
                not m.candidates and m.strong and any(
                    c.kind == "name" and c.entry.precision == "locality" for c in q.candidates):
            # the last: a place the gazetteer lacks in a town it knows ("Balintawak, Quezon
            # City", "Dunnock Close, Edmonton")
            m.qualifier = q
            q.is_qualifier = True


# ---------------------------------------------------------------- acceptance


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


INSTITUTIONS = frozenset({
    "police", "hospital", "court", "university", "college", "school", "schools", "department",
    "council", "fire", "sheriff", "sheriffs", "county", "city", "public", "district", "board",
    "airport", "station", "library", "museum", "zoo", "church", "cathedral", "club", "community",
    "regional", "general", "memorial", "medical", "high", "times", "post", "herald", "journal",
    "star", "press", "tribune", "news", "daily", "chamber", "transit", "parks", "health",
})


def _institution_after(doc, m: Mention) -> bool:
    """'Danbury Hospital', 'Torrington Police Department': a town naming a local institution."""
    j = m.tokens[1]
    return j < len(doc) and doc[j].lower_ in INSTITUTIONS


# Nouns after a name that make it a landmark: "Champs-Elysees boulevard", "Heathrow airport".
LANDMARK_NOUNS = frozenset({
    "airport", "boulevard", "avenue", "street", "square", "stadium", "palace", "tower", "bridge",
    "terminal", "gate", "building", "residence", "compound", "lawn",
})


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
    return _preceding_prep(doc, i) in LOCATIVE and m.tokens[1] - i > 1


def _accept(doc, m: Mention, strong_keys: set[str], demonyms: bool,
            person_words: frozenset[str] = frozenset()) -> bool:
    cands = m.candidates
    tok = doc[m.tokens[0]]
    demonym_only = cands and all(c.kind == "demonym" for c in cands)
    if any(c.kind == "demonym" for c in cands) and (
            m.label == "NORP" or m.extra.get("norp") or
            demonym_only and (tok.pos_ in ("ADJ", "PROPN") or m.label == "INNER")):
        if not demonyms:
            return False
        m.demonym = True
        m.candidates = tuple(c for c in cands if c.kind == "demonym")
        return True
    m.candidates = tuple(c for c in cands if _usable(m, c))
    if any(c.entry.precision in ("country", "admin1", "region") and c.kind in ("name", "alt")
           for c in m.candidates):
        # an exact country or state name beats towns that merely have it as an alias
        # ("Mexico" is not Mexico City)
        m.candidates = tuple(c for c in m.candidates
                             if c.entry.precision not in ("locality", "point") or c.kind == "name")
    elif m.label == "FAC":
        # a facility is not a town's alias ("White House"), but may be a facility's short name
        # ("Heathrow" for Heathrow Airport)
        m.candidates = tuple(c for c in m.candidates
                             if c.entry.precision != "locality" or c.kind == "name"
                             or c.entry.population >= FAC_ALT_CITY)  # "Mbanza Congo" (FAC)
    landmarks = tuple(c for c in m.candidates if c.entry.precision == "point")
    if landmarks and _at_landmark(doc, m):
        # "at the White House", "the Stade de France", "Champs-Elysees boulevard": the
        # landmark, not a town of that name (White House, Tennessee)
        m.candidates = landmarks
        return True
    if m.strong:
        return True
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


def _settlement_noun(doc, m: Mention) -> bool:
    """'the village of Ciocile', 'the towns of Haris and Varzaqan', 'Heze city', 'Warab state'."""
    i, j = m.tokens
    if j < len(doc) and doc[j].lower_ in SETTLEMENT_NOUNS and doc[j].is_lower:
        return True
    k = i - 1
    # back over a list of names: "the villages of Kampungu, Makonono, Kaluamba and Mombo"
    if k >= 0 and doc[k].lower_ in LIST_WORDS:
        while k >= 1 and (doc[k].lower_ in LIST_WORDS or _name_like(doc[k])):
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
    if i > 0 and _name_like(doc[i - 1]) or j < len(doc) and _name_like(doc[j]):
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
        while k > 0 and (_name_like(doc[k - 1]) or doc[k - 1].text in ("'s", "’s")):
            k -= 1
        return k

    def run_right(k: int) -> int:
        while k < len(doc) and (_name_like(doc[k]) or doc[k].text in ("'s", "’s")):
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


def _among_non_places(doc, gaz: Gazetteer, m: Mention) -> bool:
    members = _list_members(doc, *m.tokens)
    if len(members) < BRAND_LIST_MIN:
        return False
    known = sum(1 for a, b in members if gaz.lookup(key(doc[a:b].text)))
    return known * 2 < len(members)


def _accept_more(doc, mentions: list[Mention], accepted: list[Mention],
                 person_words: frozenset[str]) -> list[Mention]:
    """Mentions that failed `_accept` but earn their place from the article: the same name is a
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
            settled = _settlement_noun(doc, m) or _age_of(doc, m)
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


# ---------------------------------------------------------------- resolution


@dataclass
class _Context:
    cc_weight: Counter
    total: float
    admin1: set
    points: list  # (lat, lon, key)
    neighbours: list  # every town any other name could be
    named: set  # countries the article names (not by demonym)


# A town that lies within NEIGHBOUR_KM of a town another name of the article could be (its
# candidates, not only its current choice) gains NEIGHBOUR_BONUS: "London" and "St. Thomas" in
# one story are London and St. Thomas, Ontario, 25 km apart, though each alone would be the
# bigger namesake (London, England; the parish of Barbados).
NEIGHBOUR_KM = 30.0
NEIGHBOUR_BONUS = 1.5


def _neighbours(cands: dict[str, dict[int, Candidate]]) -> list:
    """Where each name that can only be a town could be (a name that can be a country or a
    state, "Canada", does not lend its namesake hamlets)."""
    return [(c.entry.lat, c.entry.lon, g) for g, cs in cands.items() if not g.startswith("d:")
            and not any(c.entry.precision in ("country", "admin1", "region") for c in cs.values())
            for c in cs.values() if c.kind == "name" and c.entry.lat is not None
            and c.entry.precision == "locality" and c.entry.population >= 1000]


def _context(groups: dict[str, list[Mention]], chosen: dict[str, Entry | None],
             neighbours: list) -> _Context:
    cc: Counter = Counter()
    admin1: set = set()
    named: set = set()
    points = []
    for k, ms in groups.items():
        e = chosen.get(k)
        if e is None:
            continue
        w = float(len(ms)) ** 0.5
        if e.cc:
            cc[e.cc] += w
            if e.precision == "country" and not k.startswith("d:"):
                named.add(e.cc)
        if e.precision == "admin1" and e.cc:
            admin1.add((e.cc, key(e.name)))
        elif e.admin1 and e.cc:
            admin1.add((e.cc, key(e.admin1)))
        if e.precision in ("locality", "admin2", "point") and e.lat is not None:
            points.append((e.lat, e.lon, k))
    return _Context(cc, sum(cc.values()), admin1, points, neighbours, named)


# A town in a country the article names (by its name, not a demonym) gains this much over a
# namesake elsewhere ("London" in a story that names Canada), when no country, subdivision or
# region competes for the name (then "Ontario" stays the province in an American story), and only
# a town of at least this share of its biggest namesake's population (London, Ontario, is 5% of
# London; Paris, Texas, 1% of Paris: "U.S. officials met in Paris" stays in France).
NAMED_COUNTRY_BONUS = 3.0
NAMED_COUNTRY_MIN_SHARE = 0.02


def _context_bonus(e: Entry, k: str, ctx: _Context, own: Counter, towns_only: bool = False) -> float:
    s = 0.0
    if e.cc:
        w = ctx.cc_weight.get(e.cc, 0.0) - own.get(e.cc, 0.0)
        total = ctx.total - sum(own.values())
        if w > 0:
            s += 1.0 + 3.0 * (w / total if total > 0 else 0)
            if e.precision == "admin1" or e.fcode == "PPLC":
                # "Georgia" in an American story is the state; "Washington" its capital
                s *= 2.5
    if e.precision in ("locality", "admin2", "point"):
        if towns_only and e.cc in ctx.named:
            s += NAMED_COUNTRY_BONUS
        if e.admin1 and e.cc and (e.cc, key(e.admin1)) in ctx.admin1:
            s += 2.0
        if e.lat is not None:
            near = min((e.distance_km(lat, lon) for lat, lon, kk in ctx.points if kk != k),
                       default=None)
            if near is not None:
                s += 2.0 if near < 50 else 1.0 if near < 200 else 0.0
            if (near is None or near >= 50) and e.population >= 1000 and any(
                    kk != k and abs(lat - e.lat) < 0.5 and e.distance_km(lat, lon) < NEIGHBOUR_KM
                    for lat, lon, kk in ctx.neighbours):
                s += NEIGHBOUR_BONUS
    return s


# A town known by the name only as an old or other name of a different one ("Waterloo" was
# Austin, Texas) loses this much more when towns of that very name exist, at least this share of
# its size (Waterloo, Ontario; Waterloo, Iowa); a variant of the same name ("Beijing" of "Beijing
# Shi", "Mount Royal" of "Mont-Royal") does not.
RENAMED_PENALTY = 1.5
RENAMED_MIN_SHARE = 0.05


def _renamed(c: Candidate, k: str) -> bool:
    if c.kind != "alt" or c.entry.precision != "locality":
        return False
    primary = key(c.entry.name)
    if primary.startswith(k) or k.startswith(primary):
        return False
    return SequenceMatcher(None, primary, k).ratio() < 0.5


def resolve(doc, gaz: Gazetteer, *, demonyms: bool = True, inner: bool = True) -> list[Mention]:
    """Accepted place mentions of a Doc, each with its chosen gazetteer entry (or None)."""
    mentions = [m for m in find_mentions(doc, gaz, inner=inner) if not _not_a_place(doc, m)]
    strong_keys = {m.key for m in mentions if m.strong and m.candidates}
    person_words = frozenset(t.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                             for t in ent)
    accepted = [m for m in mentions if _accept(doc, m, strong_keys, demonyms, person_words)]
    accepted += _accept_more(doc, mentions, accepted, person_words)
    accepted = [m for m in accepted if m.strong or m.demonym or not _among_non_places(doc, gaz, m)]
    accepted.sort(key=lambda m: m.start)
    # a qualifier whose head was rejected stays a place of its own; a rejected qualifier unlinks
    ids = {id(m) for m in accepted}
    for m in accepted:
        if m.qualifier is not None and id(m.qualifier) not in ids:
            m.qualifier = None

    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in accepted:
        groups[("d:" if m.demonym else "") + m.key].append(m)

    def group_cands(ms: list[Mention]) -> dict[int, Candidate]:
        out: dict[int, Candidate] = {}
        for m in ms:
            for c in m.candidates:
                old = out.get(c.entry.id)
                if old is None or _prior(c) > _prior(old):
                    out[c.entry.id] = c
        return out

    cands = {g: group_cands(ms) for g, ms in groups.items()}
    mates = _list_mates(doc, accepted)
    kinds = {g: Counter(_named_kind(doc, m) for m in ms) for g, ms in groups.items()}
    holds_head = _holding_heads(groups, cands)
    neighbours = _neighbours(cands)
    chosen: dict[str, Entry | None] = {}
    scores: dict[str, tuple[float, float]] = {}

    def qualifier_entry(ms: list[Mention]) -> Entry | None:
        for m in ms:
            if m.qualifier is not None:
                qk = ("d:" if m.qualifier.demonym else "") + m.qualifier.key
                if chosen.get(qk) is not None:
                    return chosen[qk]
        return None

    order = sorted(groups, key=lambda g: not any(m.is_qualifier for m in groups[g]))
    fixed = {g: _fixed_scores(g, cs, groups[g], kinds[g], holds_head.get(g, ()))
             for g, cs in cands.items()}
    town_like = {g: _named_country_towns(cs) for g, cs in cands.items()}
    for rnd in range(3):
        ctx = _context(groups, chosen, neighbours) if rnd else None
        for g in order:
            cs = cands[g]
            if not cs:
                chosen[g] = None
                continue
            q = qualifier_entry(groups[g])
            own = Counter()
            if ctx is not None and chosen.get(g) is not None and chosen[g].cc:
                own[chosen[g].cc] = float(len(groups[g])) ** 0.5
            ranked = []
            for c in cs.values():
                s = fixed[g][c.entry.id] + _qualifier_bonus(c.entry, q)
                if ctx is not None:
                    s += _context_bonus(c.entry, g, ctx, own, c.entry.id in town_like[g])
                    s += _list_bonus(c.entry, mates.get(g, ()), chosen)
                ranked.append((s, -c.entry.id if c.entry.id < 0 else c.entry.id, c.entry))
            ranked.sort(key=lambda r: (r[0], r[2].population, -abs(r[1])), reverse=True)
            best = ranked[0]
            second = ranked[1][0] if len(ranked) > 1 else best[0] - 10
            chosen[g] = _city_of_its_province(best[2], cs)
            scores[g] = (best[0], best[0] - second)
    place_at_areas(gaz, groups, chosen, {g: qualifier_entry(ms) for g, ms in groups.items()},
                   {g for g, cs in cands.items() if not cs})
    ctx = _context(groups, chosen, neighbours)
    for g, ms in groups.items():
        e = chosen.get(g)
        if e is not None and e.cc and e.precision not in ("country", "region") and \
                qualifier_entry(ms) is None and all(_partial(doc, gaz, m) for m in ms):
            own = float(len(ms)) ** 0.5
            if ctx.cc_weight.get(e.cc, 0.0) - own <= 1e-9:
                # "Midlands" of "West Midlands" taken for Zimbabwe's, "St. Peter" of "St. Peter's
                # Square" for Antigua's parish, in an article that never mentions the country:
                # a place without a point beats one on another continent
                chosen[g] = None
    for g, ms in groups.items():
        for m in ms:
            m.entry = chosen.get(g)
            m.score, m.margin = scores.get(g, (0.0, 0.0))
    return accepted


def _fixed_scores(g: str, cs: dict[int, Candidate], ms: list[Mention], kinds: Counter,
                  holding: set[int] | tuple) -> dict[int, float]:
    """The parts of each reading's score no resolution round changes: its prior, the renamed-
    town penalty, the kind nouns around the name and whether it holds a head it qualifies."""
    named_town = max((c.entry.population for c in cs.values() if c.kind == "name"
                      and c.entry.precision == "locality"), default=-1)
    out = {}
    for c in cs.values():
        s = _prior(c)
        if _renamed(c, g) and named_town >= RENAMED_MIN_SHARE * c.entry.population:
            s -= RENAMED_PENALTY
        s += KIND_NOUN_BONUS * kinds[c.entry.precision] / len(ms)
        if c.entry.id in holding:
            s += HOLDS_HEAD_BONUS
        out[c.entry.id] = s
    return out


def _named_country_towns(cs: dict[int, Candidate]) -> set[int]:
    """The readings that may gain from a country the article names: towns (and counties) of a
    name no country, state or region has, a town at least NAMED_COUNTRY_MIN_SHARE of its
    biggest namesake."""
    if not cs or any(c.entry.precision in ("country", "admin1", "region") for c in cs.values()):
        return set()
    biggest = max(c.entry.population for c in cs.values())
    return {c.entry.id for c in cs.values() if c.entry.precision == "admin2"  # no population
            or c.entry.population >= NAMED_COUNTRY_MIN_SHARE * biggest}


def _city_of_its_province(e: Entry, cs: dict[int, Candidate]) -> Entry:
    """'Beijing' is the exact name of the city and only a short name of its province ("Beijing
    Shi"): the city, which its province holds, whatever the context says."""
    if e.precision != "admin1" or cs.get(e.id) is None or cs[e.id].kind != "alt":
        return e
    for c in cs.values():
        if c.kind == "name" and c.entry.precision == "locality" and c.entry.cc == e.cc and \
                c.entry.admin1 and key(c.entry.admin1) == key(e.name):
            return c.entry
    return e


def _not_a_place(doc, m: Mention) -> bool:
    """A pathogen named after a place ("West Nile virus"), a title before a person's name ("Sen.
    Marco Rubio") or a month or weekday no place label vouches for ("in August")."""
    j = m.tokens[1]
    if j < len(doc) and doc[j].lower_ in PATHOGEN_WORDS:
        return True
    if m.label not in PLACE_LABELS and m.key in TITLES and j < len(doc) and \
            _name_like(doc[j]) and (m.text.endswith(".") or
                                    not any(c.kind == "name" for c in m.candidates)):
        return True  # a title before a name: "Sen. Marco Rubio", "Gov. Abbott"
    return m.key in CALENDAR and m.label not in PLACE_LABELS


def _partial(doc, gaz: Gazetteer, m: Mention) -> bool:
    """A mention that is only part of a longer name: after a compass word ("West Midlands"), the
    possessor in a longer name ("St. Peter's Square"), or known only by its last words."""
    if not gaz.lookup(m.key):
        return True
    i, j = m.tokens
    before = doc[i - 1] if i > 0 else None
    after = doc[j] if j < len(doc) else None
    if m.label == "INNER" and after is not None and after.text in ("'s", "’s") and \
            j + 1 < len(doc) and _name_like(doc[j + 1]):
        return True  # a possessor inside a longer name: "St. Michael's Hospital"
    return before is not None and before.lower_ in COMPASS and _name_like(before)
