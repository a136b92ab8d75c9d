"""Toponym recognition and resolution over a spaCy parse, with the gazetteer.

Recognition. Candidates come from
  1. spaCy entities tagged GPE, LOC or FAC (trusted: kept even when the gazetteer lacks them);
  2. entities with another label whose text is a gazetteer name: "Michoacan" (NORP),
     "Tamaulipas" (PERSON), "Edmonton" (ORG); and demonyms ("Mexican" -> Mexico);
  3. place names inside longer names ("Texas A&M University", "U.S.-led");
  4. capitalised words no entity covers ("Rio Grande").
Mentions of kinds 2-4 must earn their place (see `accept`): a country, first-level subdivision or
named region always does; a town needs a locative preposition before it ("in Pandi"), a qualifier
after it ("Pandi, Bulacan"), a large population, or a trusted mention of the same name elsewhere
in the article. A name that reads as a person ("Jordan said", "Mr. Chad") is not a place.
A second-level subdivision counts as a town of ADMIN2_AS_POPULATION ("holiday in Dorset"). A
mention that fails these may still earn its place from the article (`accept_more`): it stands in
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
A small town met only as the first words of a longer name ("George Washington University", "the
Carlton Hotel in Cannes") outside every country and subdivision of the article's other places
and far from its towns is no place mention at all (`_stray_name_heads`).

Modules: `mention` (the Mention record, word lists, prior and qualifier scores), `spans` (where a
name starts and ends), `sentence` (lists, kind nouns, "located in"), `areas` (places known only
to their area), `recognise` (the candidate mentions), `accept` (which of them earn their place);
this one runs them and the resolution rounds.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..lang.en import table, words
from .accept import accept, accept_more, among_non_places
from .areas import place_at_areas
from .lines import fold_same_place, place_lines
from .mention import (
    CALENDAR,
    COMPASS,
    PATHOGEN_WORDS,
    PLACE_LABELS,
    TITLES,
    Mention,
    prior,
    qualifier_bonus,
)
from .names import key
from .recognise import find_mentions, name_like
from .sentence import (
    HOLDS_HEAD_BONUS,
    KIND_NOUN_BONUS,
    holding_heads,
    list_bonus,
    list_mates,
    named_kind,
)
from .store import Candidate, Entry, Gazetteer
from .wording import (
    FEATURE_WORDS,
    an_instance,
    inner_common_nouns,
    names_a_people,
    used_otherwise,
    vouched_unknown,
)

# ---------------------------------------------------------------- recognition


# ---------------------------------------------------------------- acceptance


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


def resolve(doc, gaz: Gazetteer, *, demonyms: bool = True, inner: bool = True,
            borders: bool = False) -> list[Mention]:
    """Accepted place mentions of a Doc, each with its chosen gazetteer entry (or None)."""
    accepted = _accepted(doc, gaz, demonyms, inner, borders)
    groups: dict[str, list[Mention]] = defaultdict(list)
    for m in accepted:
        groups[("d:" if m.demonym else "") + m.key].append(m)
    cands = {g: _group_cands(ms) for g, ms in groups.items()}
    neighbours = _neighbours(cands)
    chosen, scores = _choose(doc, groups, cands, accepted, neighbours)
    place_at_areas(doc, gaz, groups, chosen, {g: _qualifier_entry(ms, chosen) for g, ms in groups.items()},
                   {g for g, cs in cands.items() if not cs}, list_mates(doc, accepted))
    _drop_unplaced_parts(doc, gaz, groups, chosen, neighbours)
    stray = _stray_name_heads(doc, groups, chosen, neighbours)
    for g, ms in groups.items():
        for m in ms:
            m.entry = chosen.get(g)
            m.score, m.margin = scores.get(g, (0.0, 0.0))
    # a name the gazetteer lacks and nothing in the text places ("a wild Mute Swan", "a drip of
    # Narcan", "internet stars like King Bach") is no place mention, not even an unknown one
    unplaced = {id(m) for g, ms in groups.items() if g in stray or not cands[g] and chosen.get(g) is None
                and not vouched_unknown(doc, ms) for m in ms}
    out = fold_same_place(doc, [m for m in accepted if id(m) not in unplaced])
    place_lines(out)
    return out


def _accepted(doc, gaz: Gazetteer, demonyms: bool, inner: bool, borders: bool = False) -> list[Mention]:
    """The mentions that earn their place, in text order, qualifiers of rejected heads unlinked."""
    found = find_mentions(doc, gaz, inner=inner, borders=borders)
    pathogens = {m.key for m in found if _pathogen(doc, m)}
    mentions = [m for m in found if not _not_a_place(doc, m) and not _pathogen(doc, m) and not (
        m.key in pathogens and m.qualifier is None and not m.is_qualifier)]
    strong_keys = {m.key for m in mentions if m.strong and m.candidates}
    person_words = frozenset(t.lower_ for ent in doc.ents if ent.label_ == "PERSON" and len(ent) > 1
                             for t in ent)
    accepted = [m for m in mentions if accept(doc, m, strong_keys, demonyms, person_words)]
    accepted += accept_more(doc, mentions, accepted, person_words)
    accepted = [m for m in accepted if m.demonym or not (among_non_places(doc, gaz, m)
                                                          or names_a_people(doc, gaz, m))]
    common = inner_common_nouns(doc, accepted)
    accepted = [m for m in accepted if id(m) not in common and not an_instance(doc, m)]
    accepted.sort(key=lambda m: m.start)
    # a qualifier whose head was rejected stays a place of its own; a rejected qualifier unlinks
    ids = {id(m) for m in accepted}
    for m in accepted:
        if m.qualifier is not None and id(m.qualifier) not in ids:
            m.qualifier = None
    return accepted


def _group_cands(ms: list[Mention]) -> dict[int, Candidate]:
    """The readings of a group of mentions of one name, each at its best prior."""
    out: dict[int, Candidate] = {}
    for m in ms:
        for c in m.candidates:
            old = out.get(c.entry.id)
            if old is None or prior(c) > prior(old):
                out[c.entry.id] = c
    return out


def _qualifier_entry(ms: list[Mention], chosen: dict[str, Entry | None]) -> Entry | None:
    """The entry chosen for the first qualifier of the group's mentions that has one."""
    for m in ms:
        if m.qualifier is not None:
            qk = ("d:" if m.qualifier.demonym else "") + m.qualifier.key
            if chosen.get(qk) is not None:
                return chosen[qk]
    return None


def _choose(doc, groups: dict[str, list[Mention]], cands: dict[str, dict[int, Candidate]],
            accepted: list[Mention], neighbours: list
            ) -> tuple[dict[str, Entry | None], dict[str, tuple[float, float]]]:
    """Three rounds of choosing each group's reading (qualifiers first): the first on fixed
    scores and qualifiers, the next two also on the places the others chose. Returns the
    choices and each group's (score, margin over the runner-up)."""
    mates = list_mates(doc, accepted)
    kinds = {g: Counter(named_kind(doc, m) for m in ms) for g, ms in groups.items()}
    holds_head = holding_heads(groups, cands)
    chosen: dict[str, Entry | None] = {}
    scores: dict[str, tuple[float, float]] = {}
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
            q = _qualifier_entry(groups[g], chosen)
            own = Counter()
            if ctx is not None and chosen.get(g) is not None and chosen[g].cc:
                own[chosen[g].cc] = float(len(groups[g])) ** 0.5
            ranked = []
            for c in cs.values():
                s = fixed[g][c.entry.id] + qualifier_bonus(c.entry, q)
                if ctx is not None:
                    s += _context_bonus(c.entry, g, ctx, own, c.entry.id in town_like[g])
                    s += list_bonus(c.entry, mates.get(g, ()), chosen)
                ranked.append((s, -c.entry.id if c.entry.id < 0 else c.entry.id, c.entry))
            ranked.sort(key=lambda r: (r[0], r[2].population, -abs(r[1])), reverse=True)
            best = ranked[0]
            second = ranked[1][0] if len(ranked) > 1 else best[0] - 10
            chosen[g] = _city_of_its_province(best[2], cs)
            scores[g] = (best[0], best[0] - second)
    return chosen, scores


def _drop_unplaced_parts(doc, gaz: Gazetteer, groups: dict[str, list[Mention]],
                         chosen: dict[str, Entry | None], neighbours: list) -> None:
    """A part of a longer name resolved to a subdivision or town of a country no other place of
    the article is in keeps no point."""
    ctx = _context(groups, chosen, neighbours)
    for g, ms in groups.items():
        e = chosen.get(g)
        if e is not None and e.cc and e.precision not in ("country", "region") and \
                _qualifier_entry(ms, chosen) is None and all(_partial(doc, gaz, m) for m in ms):
            own = float(len(ms)) ** 0.5
            if ctx.cc_weight.get(e.cc, 0.0) - own <= 1e-9:
                # "Midlands" of "West Midlands" taken for Zimbabwe's, "St. Peter" of "St. Peter's
                # Square" for Antigua's parish, in an article that never mentions the country:
                # a place without a point beats one on another continent
                chosen[g] = None


# A town that begins a longer name stays a place when it is a capital or this big ("New York
# Times"), or, in a country other places of the article are in, this big ("New Orleans Saints"):
# the namesakes of small towns are mostly people's and firms' ("George Washington University").
STRAY_HEAD_CITY = 500_000
STRAY_HEAD_TOWN = 100_000
STRAY_HEAD_KM = 200.0


def _stray_name_heads(doc, groups: dict[str, list[Mention]], chosen: dict[str, Entry | None],
                      neighbours: list) -> set[str]:
    """Names met only as the first words of a longer name, resolved to a town or a county of a
    country no other place of the article is in ("George Washington University" in an American
    story, "the Carlton Hotel in Cannes", "Westminster House" in a Canadian one), or to a small town outside the first-level subdivisions of the
    article's other places and far from its towns, when the longer name is no school's,
    newspaper's or company's (those are the `organisations` option's: "Kutztown University")
    or the text places it right after somewhere else ("Liberty University in Virginia"):
    "Superior Court" in a Los Angeles story, "Crowley Petroleum" in Alaska. The longer name is a
    person's or an organisation's that only shares the town's name, not a place (#25)."""
    from .namesakes import org_name_follows

    ctx = _context(groups, chosen, neighbours)
    at = {m.tokens[0]: chosen.get(g) for g, ms in groups.items() for m in ms}
    out = set()
    for g, ms in groups.items():
        e = chosen.get(g)
        own = len(ms) ** 0.5
        if e is None or e.precision not in ("locality", "admin2") or e.fcode in ("PPLC", "PPLA") \
                or e.population >= STRAY_HEAD_CITY or ctx.total - own <= 1e-9:
            continue  # an article with no other place gives nothing to compare with
        if not all(m.label in ("INNER", "SCAN") and m.qualifier is None and not m.is_qualifier
                   and m.tokens[1] < len(doc) and name_like(doc[m.tokens[1]])
                   and not _feature_follows(doc, m.tokens[1]) for m in ms):
            continue
        if ctx.cc_weight.get(e.cc, 0.0) - own > 1e-9:
            if any((e.population >= STRAY_HEAD_TOWN or org_name_follows(doc, m.tokens[1]))
                   and not _located_elsewhere(doc, m, e, at) for m in ms):
                continue
            others = [o for k, o in chosen.items() if k != g and o is not None and o.cc == e.cc]
            if any(_same_admin1(e, o) for o in others) or any(
                    e.distance_km(lat, lon) < STRAY_HEAD_KM for lat, lon, k in ctx.points if k != g):
                continue
        out.add(g)
    return out


def _located_elsewhere(doc, m: Mention, e: Entry, at: dict[int, Entry | None]) -> bool:
    """The longer name m begins is placed, right after it, somewhere that does not hold e:
    "Liberty University in Virginia" (Liberty, Missouri), "Eugene Field Elementary School in Park
    Ridge, Illinois" (Eugene, Oregon): the name is a person's, not the town's."""
    k = m.tokens[1]
    while k < len(doc) and k < m.tokens[1] + 6 and (name_like(doc[k]) or doc[k].lower_ in ("of", "&")):
        k += 1
    if k + 1 >= len(doc) or doc[k].lower_ not in ("in", "at", ","):
        return False
    o = at.get(k + 1)
    if o is None or o.id == e.id:
        return False
    if o.precision == "country":
        return o.cc != e.cc
    if o.precision == "admin1":
        return o.cc != e.cc or not _same_admin1(e, o)
    return o.lat is not None and e.lat is not None and e.distance_km(o.lat, o.lon) > STRAY_HEAD_KM


def _feature_follows(doc, j: int) -> bool:
    """The capitalised words from token j on name a place's feature: "Islington Bay", "Mahim
    Creek", "Colton Way" (wording.FEATURE_WORDS)."""
    k = j
    while k < len(doc) and k < j + 4 and name_like(doc[k]):
        if doc[k].lower_ in FEATURE_WORDS:
            return True
        k += 1
    return False


def _same_admin1(e: Entry, o: Entry) -> bool:
    """o is e's first-level subdivision or a place in it."""
    if not e.admin1:
        return False
    return key(o.name) == key(e.admin1) if o.precision == "admin1" else o.admin1 == e.admin1


def _fixed_scores(g: str, cs: dict[int, Candidate], ms: list[Mention], kinds: Counter,
                  holding: set[int] | tuple) -> dict[int, float]:
    """The parts of each reading's score no resolution round changes: its prior, the renamed-
    town penalty, the kind nouns around the name and whether it holds a head it qualifies."""
    named_town = max((c.entry.population for c in cs.values() if c.kind == "name"
                      and c.entry.precision == "locality"), default=-1)
    out = {}
    for c in cs.values():
        s = prior(c)
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


# A virus's name: an influenza subtype ("H5N1"), a virus or its family ("Ebolavirus",
# "Filoviridae"), an inflammation ("Poliomyelitis").
HOLIDAYS = words("holidays")
DISEASE_BEFORE = tuple(tuple(r["word"].split()) for r in table("name_senses") if r["cue"] == "disease_before")
_PATHOGEN_NAME = re.compile(r"(?:^H\d{1,2}N\d{1,2}$|virus$|viridae$|myelitis$)", re.I)


def _pathogen(doc, m: Mention) -> bool:
    """A name used for a pathogen: a pathogen word after it ("West Nile virus"), words before it
    that only a disease follows ("died from Ebola", "cases of Lassa": `disease_before` rows of
    lang/en/name_senses.tsv) or a virus's name; every mention of that name in the article is the pathogen's (one sense per discourse:
    "cases of West Nile" after "West Nile virus") unless a qualifier places it."""
    i, j = m.tokens
    if _PATHOGEN_NAME.search(m.text):
        return True
    if any(i >= len(ws) and tuple(t.lower_ for t in doc[i - len(ws):i]) == ws for ws in DISEASE_BEFORE):
        return True  # "died from Ebola", "cases of Lassa"
    # "the United States flu season" stays the country
    area = any(c.entry.precision in ("country", "admin1") and c.kind == "name" for c in m.candidates)
    return j < len(doc) and doc[j].lower_ in PATHOGEN_WORDS and not (
        area and doc[j].lower_ in ("flu", "influenza"))


# Endings of adjectives ("Olympic", "Jewish", "Historical"), which no "Punjab" or "Bulacan" has.
_ADJECTIVAL = re.compile(r"(?:ic|ish|ical|ous|ive|ful|less)$")


def _not_a_place(doc, m: Mention) -> bool:
    """A title before a person's name ("Sen.
    Marco Rubio"), a month or weekday no place label vouches for ("in August"), a holiday ("over
    Easter"), a town named like an adjective used as one ("Olympic record") or a degree after a
    person ("M.D.")."""
    i, j = m.tokens
    if j - i == 1 and doc[i].pos_ == "ADJ" and doc[i].dep_ == "amod" and _ADJECTIVAL.search(m.text) and \
            m.label not in PLACE_LABELS and not any(c.kind == "demonym" for c in m.candidates):
        return True  # a town named like an adjective: "the Olympic champion", "Jewish law"
    if i >= 2 and doc[i - 1].text == "," and doc[i - 2].ent_type_ == "PERSON" and \
            "." in m.text and m.qualifier is None:
        return True  # a degree after a person's name: "Maury Rosenstein, M.D."
    if m.label not in PLACE_LABELS and m.key in TITLES and j < len(doc) and \
            name_like(doc[j]) and (m.text.endswith(".") or
                                    not any(c.kind == "name" for c in m.candidates)):
        return True  # a title before a name: "Sen. Marco Rubio", "Gov. Abbott"
    if m.key in HOLIDAYS and m.qualifier is None and not m.is_qualifier:
        return True  # "over Easter", "during Ramadan": a date (lang/en/holidays.tsv)
    return m.key in CALENDAR and m.label not in PLACE_LABELS or used_otherwise(doc, m)


def _partial(doc, gaz: Gazetteer, m: Mention) -> bool:
    """A mention that is only part of a longer name: after a compass word ("West Midlands"), the
    possessor in a longer name ("St. Peter's Square"), or known only by its last words."""
    if not gaz.lookup(m.key):
        return True
    i, j = m.tokens
    before = doc[i - 1] if i > 0 else None
    after = doc[j] if j < len(doc) else None
    if m.label == "INNER" and after is not None and after.text in ("'s", "’s") and \
            j + 1 < len(doc) and name_like(doc[j + 1]):
        return True  # a possessor inside a longer name: "St. Michael's Hospital"
    return before is not None and before.lower_ in COMPASS and name_like(before)
