"""Toponym recognition: the candidate mentions of a parse (entities, gazetteer names inside other
entities, demonyms, names inside longer names, capitalised words), grown, merged and linked to
their qualifiers ("Fronton, Texas"). See resolve.py for the whole account."""

from __future__ import annotations

from .mention import (
    CALENDAR,
    COMPASS,
    GENERIC,
    PLACE_LABELS,
    SETTLEMENT_NOUNS,
    SKIP_LABELS,
    SPEECH,
    STRICT_LOCATIVE,
    TITLES,
    Mention,
    preceding_prep,
)
from .names import key, strip_admin_suffix
from .sentence import (
    a_list,
    located_in,
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
from .store import Candidate, Gazetteer


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


def name_like(tok) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or t.isupper()) and tok.is_alpha or \
        (t[:1].isupper() and "." in t) or (t[:1].isupper() and "-" in t)


class _Collector:
    """The mentions found so far in a Doc and the tokens they claim: a token belongs to one
    mention at most."""

    def __init__(self, doc, gaz: Gazetteer):
        self.doc, self.gaz = doc, gaz
        self.mentions: list[Mention] = []
        self.claimed = [False] * len(doc)

    def add(self, i: int, j: int, label: str) -> Mention | None:
        doc = self.doc
        i, j = _trim(doc, i, j)
        if i >= j or any(self.claimed[i:j]):
            return None
        start, end, text = _text(doc, i, j)
        k = key(text)
        if not k:
            return None
        m = Mention(start, end, text, label, (i, j), k, _lookup(self.gaz, k, text[:1].isupper()))
        self.mentions.append(m)
        for t in range(i, j):
            self.claimed[t] = True
        return m

    def add_named(self, i: int, j: int) -> None:
        """A place the gazetteer lacks that the words around it name ("the village of
        Cellardyke", "Dogu Beyazit, a farming town"): it may be placed at its area."""
        m = self.add(i, j, "UNKNOWN")
        if m is not None:
            m.extra["named"] = True

    def add_prefix(self, t: int, n: int, label: str) -> Mention | None:
        """A mention of the first n characters of token t ("U.S." of "U.S.-led")."""
        doc = self.doc
        if self.claimed[t]:
            return None
        text = doc[t].text[:n]
        k = key(text)
        cands = _lookup(self.gaz, k) if k else ()
        if not any(c.kind == "demonym" or c.entry.precision in ("country", "admin1")
                   for c in cands):
            return None
        m = Mention(doc[t].idx, doc[t].idx + n, text, label, (t, t + 1), k, cands)
        self.mentions.append(m)
        self.claimed[t] = True
        return m

    def scan(self, lo: int, hi: int, label: str) -> None:
        _scan(self.doc, self.gaz, lo, hi, self.claimed, self.add, label)

    def claim_rest(self, i: int, j: int) -> None:
        _claim_rest(self.doc, self.gaz, i, j, self.claimed, self.add, self.mentions)


def find_mentions(doc, gaz: Gazetteer, *, inner: bool = True, borders: bool = False) -> list[Mention]:
    """Candidate place mentions of a spaCy Doc, in text order, qualifiers linked."""
    found = _Collector(doc, gaz)
    mentions, claimed = found.mentions, found.claimed
    _add_datelines(found)
    if borders:
        _add_borders(found)
    for ent in doc.ents:
        if ent.label_ in SKIP_LABELS:
            continue
        if ent.label_ in PLACE_LABELS:
            _add_place_entity(found, ent, inner)
        else:
            _add_other_entity(found, ent, inner)
    for t in range(len(doc)):
        n = hyphen_prefix(doc[t])
        if n and not claimed[t]:
            found.add_prefix(t, n, "INNER")  # "U.S.-led", "U.S.-based"
    found.scan(0, len(doc), "SCAN")
    areas = {m.tokens[0] for m in mentions if any(
        c.entry.precision in ("country", "admin1", "admin2") for c in m.candidates)}
    for a, b in named_settlements(doc, lambda t: not claimed[t], areas.__contains__):
        if doc[a].lower_.rstrip(".") not in TITLES and doc[a].lower_ not in CALENDAR:
            found.add_named(a, b)
    mentions.sort(key=lambda m: m.start)
    mentions[:] = _grow_all(doc, gaz, mentions, claimed)
    mentions[:] = _merge_adjacent(doc, gaz, mentions)
    mentions[:] = _streets(doc, mentions)
    _link_qualifiers(doc, gaz, mentions, claimed, found.add)
    mentions.sort(key=lambda m: m.start)
    for m in mentions:
        m.locative = preceding_prep(doc, m.tokens[0])
        m.person_like = m.label in ("PERSON", "SCAN", "ORG") and _person_like(doc, *m.tokens)
    return mentions


# The capitalised last word of a street's name: "Oxford Street", "London Road", "Paris Avenue".
STREET_WORDS = frozenset({"street", "road", "rd.", "avenue", "ave.", "boulevard", "blvd.", "lane",
                          "drive", "highway", "parkway", "terrace"})  # not "Crescent": "the Red Crescent"


def _streets(doc, mentions: list[Mention]) -> list[Mention]:
    """A place name that begins a street's name names the street, not the town ("the Oxford
    Street bus station" in Belfast is not in Oxford; "Paris Avenue" in New Orleans not in
    France): the mention becomes the whole street, a place the gazetteer lacks (label FAC, no
    readings), and the street word's own mention ("Street", a village in Somerset) goes."""
    by_start = {m.tokens[0]: m for m in mentions}
    gone: set[int] = set()
    for m in mentions:
        j = m.tokens[1]
        if m.demonym or j >= len(doc) or doc[j].lower_ not in STREET_WORDS \
                or not doc[j].text[:1].isupper() or m.label == "FAC" and not m.candidates:
            continue
        if (word := by_start.get(j)) is not None:
            gone.add(id(word))
        m.tokens, m.end = (m.tokens[0], j + 1), doc[j].idx + len(doc[j].text)
        m.text = doc.text[m.start:m.end]
        m.key, m.label, m.candidates = key(m.text), "FAC", ()
    return [m for m in mentions if id(m) not in gone]


def _add_datelines(found: _Collector) -> None:
    doc, claimed = found.doc, found.claimed
    for i, j in datelines(doc):
        # "BANTAM —", "WASHINGTON (RNS)": a dateline names a town, never a state
        k = key(doc[i:j].text)
        towns = tuple(c for c in _lookup(found.gaz, k) if c.entry.precision == "locality"
                      and c.kind in ("name", "alt"))
        if towns and not any(claimed[i:j]):
            m = found.add(i, j, "GPE")
            if m is not None:
                m.candidates = towns
                m.extra["dateline"] = True
                if j + 1 < len(doc) and doc[j].text == "," and hyphen_prefix(doc[j + 1]):
                    found.add_prefix(j + 1, hyphen_prefix(doc[j + 1]), "QUAL")  # "KY--(Marketwire"


BORDER_WORDS = frozenset({"border", "frontier", "boundary"})
_DASHES = frozenset({"-", "–", "—", "‐"})


def _add_borders(found: _Collector) -> None:
    """A border the gazetteer lists, whole: "the Texas-Mexico border", "the Syria-Turkey border"
    (knowledge/places_supplement.tsv, feature code BDR), its sides joined by a dash, before they
    become places of their own ("Texas-Mexico" would read as a town Texas qualified by Mexico).
    Sides a slash or "and" joins stay places of their own ("the U.S. / Mexico border")."""
    doc = found.doc
    for b, tok in enumerate(doc):
        if tok.lower_ not in BORDER_WORDS:
            continue
        for i in range(max(0, b - 6), b):
            if not name_like(doc[i]) or any(found.claimed[i:b + 1]) or not all(
                    name_like(t) or t.text in _DASHES for t in doc[i:b]):
                continue  # "the U.S. / Mexico border" names each side, a place of its own
            if any(c.entry.fcode == "BDR" for c in found.gaz.lookup(key(doc[i:b + 1].text))):
                m = found.add(i, b + 1, "LOC")
                if m is not None:
                    m.candidates = tuple(c for c in m.candidates if c.entry.fcode == "BDR")
                break


def _add_place_entity(found: _Collector, ent, inner: bool) -> None:
    """A GPE/LOC/FAC entity: itself, its comma-separated parts, or the places inside it."""
    doc, gaz, mentions, claimed = found.doc, found.gaz, found.mentions, found.claimed
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
            found.add(a, b, ent.label_)
            continue
        # unknown as a whole: "Turkish Embassy", "Far North Queensland", "Air Berlin"
        before = len(mentions)
        found.scan(a, b, "INNER")
        inside = mentions[before:]
        if not any(_area_or_big(m) for m in inside):
            for m in inside:
                for t in range(*m.tokens):
                    claimed[t] = False
            del mentions[before:]
            head = head_place(doc, gaz, a, b)
            if head is not None and found.add(*head, ent.label_) is not None:
                # "Enfield Borough", "Orange County Sanitation District": the place
                # that begins it; the rest names no place
                found.claim_rest(a, b)
            else:
                found.add(a, b, ent.label_)


def _add_other_entity(found: _Collector, ent, inner: bool) -> None:
    """An entity of another label: a place it is (or begins with, or lists), a place the
    gazetteer lacks that the words around name, a person's name (claimed: no places), or the
    places inside it."""
    doc, gaz, mentions, claimed = found.doc, found.gaz, found.mentions, found.claimed
    i, j = _trim(doc, ent.start, ent.end)
    if i >= j:
        return
    whole = _lookup(gaz, key(_text(doc, i, j)[2]))
    head = None if whole or not inner else head_place(doc, gaz, i, j)
    if whole:
        found.add(i, j, ent.label_)
    elif head is not None and (m := found.add(*head, "INNER")) is not None:
        # "Red Deer Skating Association", "Randwick Racecourse": the place that begins
        # an institution's name
        m.extra["head"] = True
        found.claim_rest(i, j)
    elif inner and (parts := split_and(doc, gaz, i, j)) is not None:
        # "south to Ingham or Townsville" taken for one organisation: two names, each to
        # earn its place (a preposition, a list mate)
        for a, b in parts:
            found.add(a, b, "LIST")
    elif ent.label_ in ("PERSON", "NORP") and preceding_prep(doc, i) in STRICT_LOCATIVE \
            and all(t.pos_ == "PROPN" for t in doc[i:j]):
        found.add(i, j, "UNKNOWN")  # "near Guadalupe Guerra": a place the gazetteer lacks
    elif ent.label_ in ("PERSON", "ORG") and inner and j - i <= 3 and described(doc, i, j) \
            and all(t.pos_ == "PROPN" and t.is_alpha for t in doc[i:j]):
        found.add_named(i, j)  # "Dogu Beyazit, a farming town", "Warab state": tagged a person
    elif ent.label_ == "PERSON":
        # "Paul Everitt", "Sen. Marco Rubio": the words of a person's name are no places;
        # what stands before a title or an acronym describes the person ("Calgary MLA
        # Sandra Jansen")
        n = max((t + 1 for t in range(i, j) if doc[t].is_upper and doc[t].is_alpha
                 or doc[t].lower_.rstrip(".") in TITLES), default=i)
        if j - n > 1 and all(name_like(t) and t.lower_ not in SETTLEMENT_NOUNS
                             for t in doc[n:j]):
            for t in range(n, j):
                claimed[t] = True
    elif inner:
        before = len(mentions)
        found.scan(i, j, "INNER")
        if ent.label_ == "NORP":
            for m in mentions[before:]:
                m.extra["norp"] = True  # "German" of "German-Iraqi"


def _claim_rest(doc, gaz: Gazetteer, i: int, j: int, claimed: list[bool], add,
                mentions: list[Mention]) -> None:
    """After the place that begins an institution's name: the rest names no place ("Superior
    Court", "Police Department", "Franklin and Kennedy Elementary Schools") unless it names a
    country, a state or a big city ("Middlesex-London EMS")."""
    for t in range(i, j):
        if doc[t].lower_ in ORG_WORDS or doc[t].lower_ in ORG_HEADS or not name_like(doc[t]):
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
        if claimed[t] or not name_like(doc[t]) or doc[t].is_stop and not doc[t].is_upper:
            t += 1
            continue
        found = False
        for n in range(min(5, hi - t), 0, -1):
            toks = doc[t:t + n]
            if any(claimed[x] for x in range(t, t + n)) or not name_like(toks[-1]):
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
        q = located_in(doc, m, by_start)
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
                if _all_generic(span_key) or after is not None and name_like(after):
                    continue  # "Sukoharjo, Central Java": "Central" is part of a longer name
                cands = _lookup(gaz, span_key)
                if any(c.entry.precision in ("admin1", "country") for c in cands) or \
                        _all_generic(key(span[0].text)) and cands:
                    q = add(j + 1, j + 1 + n, "QUAL")
                    break
        if q is None or _modifies_next(doc, q.tokens[1]) or a_list(doc, m, q, mentions):
            continue
        if any(c.entry.precision in ("admin1", "admin2", "country") for c in q.candidates) or \
                m.key == "washington" or q.candidates and not gaz.lookup(q.key) or \
                not m.candidates and m.strong and any(
                    c.kind == "name" and c.entry.precision == "locality" for c in q.candidates):
            # the last: a place the gazetteer lacks in a town it knows ("Balintawak, Quezon
            # City", "Dunnock Close, Edmonton")
            m.qualifier = q
            q.is_qualifier = True
