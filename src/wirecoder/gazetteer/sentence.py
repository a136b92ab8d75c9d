"""What the sentence around a place name says of it: a list it stands in ("Texas, Utah,
Washington and Wyoming"), a kind noun ("the state of Washington", "Hebei province"), an area it
is said to lie in ("Crawford County located in Pennsylvania", "Dogu Beyazit, a farming town in
eastern Turkey"), and the reading of a qualifier that holds its head ("Atlanta, Georgia")."""

from __future__ import annotations

from collections import defaultdict

from ..lang.en import table
from .mention import (
    COMPASS,
    LIST_WORDS,
    SETTLEMENT_NOUNS,
    STRICT_LOCATIVE,
    Mention,
    preceding_prep,
    prior,
    qualifier_bonus,
)
from .store import Candidate, Entry

LOCATED = frozenset({"located", "situated", "based", "lying"})


def located_in(doc, m: Mention, by_start: dict[int, Mention]) -> Mention | None:
    """'Crawford County located in Pennsylvania', 'Mbanza Congo in northern Angola', 'Austin, in
    Scott County, Indiana': a town or county followed by 'in' and a county, state or country it
    has a namesake in is qualified by it. A place the gazetteer lacks ("the Abu Shok camp in North
    Darfur") is qualified by it outright."""
    unknown = not m.candidates and m.strong
    if not unknown and _primary(m) in ("country", "admin1", "region", None):
        return None
    if not m.strong and preceding_prep(doc, m.tokens[0]) not in STRICT_LOCATIVE | {"of"} and \
            not (m.tokens[1] < len(doc) and doc[m.tokens[1]].text == ","):
        # "wrote to Smith in Ohio": a name not tagged a place needs "in", "at" before it or
        # a comma after it ("Austin, in Scott County")
        return None
    k = m.tokens[1]
    of = doc[k - 1].lower_ in SETTLEMENT_NOUNS  # the name ends with its kind: "Puge county"
    if k < len(doc) and doc[k].is_lower and (doc[k].lower_ in SETTLEMENT_NOUNS
                                             or doc[k].lower_ in ("camp", "camps", "area")):
        k += 1  # "the Abu Shok camp in North Darfur", "Hebei province in China"
        of = True  # "Puge county of Sichuan province"
    if k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ in ("a", "an"):
        # "Dogu Beyazit, a farming town in eastern Turkey"
        noun = next((t.i for t in doc[k + 2:k + 6] if t.is_lower and t.lower_ in SETTLEMENT_NOUNS),
                    None)
        if noun is not None:
            k = noun + 1
    if k < len(doc) and doc[k].text == ",":
        k += 1
    if k < len(doc) and doc[k].lower_ in LOCATED:
        k += 1
    if k >= len(doc) or not (doc[k].lower_ == "in" or of and doc[k].lower_ == "of"):
        return None
    k += 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    if k < len(doc) and doc[k].lower_ in COMPASS and doc[k].is_lower:
        k += 1
    q = by_start.get(k)
    kind = _primary(q) if q is not None else None
    if unknown and q is not None:
        # an unknown place is in the area reading of its qualifier ("Fife": the council area,
        # though a Fife, Washington, has more people)
        areas = [c for c in q.candidates if c.entry.precision in ("country", "admin1", "admin2")]
        kind = max(areas, key=prior).entry.precision if areas else None
    if kind not in ("country", "admin1", "admin2"):
        return None  # "Austin, in Scott County, Indiana": a county may qualify too
    inside = unknown or any(
        qualifier_bonus(c.entry, qc.entry) >= (6.0 if kind == "admin2" else 8.0)
        for c in m.candidates if c.kind == "name" for qc in q.candidates
        if qc.entry.precision == kind)
    return q if inside else None


def _primary(m: Mention) -> str | None:
    """The precision of what the name most plausibly is on its own ("Japan": country,
    "Pennsylvania": admin1, "Washington": the city)."""
    best = max((c for c in m.candidates if c.kind in ("name", "alt")), key=prior, default=None)
    return best.entry.precision if best is not None else None


def _next_mention(doc, j: int, mentions: list[Mention]) -> Mention | None:
    """The mention a list continues with after token j: ', Wisconsin', 'and California',
    ', and the United Kingdom'."""
    k = j
    while k < len(doc) and k <= j + 2 and doc[k].lower_ in LIST_WORDS:
        k += 1
    if k == j:
        return None
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    return next((r for r in mentions if r.tokens[0] == k), None)


def a_list(doc, m: Mention, q: Mention, mentions: list[Mention]) -> bool:
    """'China, Japan, and the United Kingdom', 'Washington, Pennsylvania and California': the
    comma joins list items, not a place and its qualifier. So when the name after the comma is
    followed by another of its own kind, or both are countries (or both states) on their own."""
    kind = _primary(q)
    if kind not in ("country", "admin1"):
        return False
    if _primary(m) == kind:
        return True  # a country does not qualify a country, nor a state a state
    r = _next_mention(doc, q.tokens[1], mentions)
    return r is not None and _primary(r) == kind


# Nouns that say which kind of place the name next to them is: "the state of Washington",
# "Hebei province", "the city of Buenos Aires", "Monroe County".
KIND_NOUNS = {row["word"]: row["kind"] for row in table("place_nouns") if row["kind"]}


KIND_NOUN_BONUS = 4.0


def named_kind(doc, m: Mention) -> str | None:
    """The kind of place a noun right after the name ("Hebei province") or a noun-of right
    before it ("the state of Washington") says it is."""
    i, j = m.tokens
    if j < len(doc) and doc[j].is_lower and doc[j].lower_ in KIND_NOUNS:
        return KIND_NOUNS[doc[j].lower_]
    k = i - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k >= 1 and doc[k].lower_ == "of" and doc[k - 1].is_lower and doc[k - 1].lower_ in KIND_NOUNS:
        return KIND_NOUNS[doc[k - 1].lower_]
    return None


# A qualifier's reading that holds a town of its head's name gains this much: "Atlanta, Georgia"
# is the state, "Tbilisi, Georgia" the country.
HOLDS_HEAD_BONUS = 5.0


def holding_heads(groups: dict[str, list[Mention]],
                   cands: dict[str, dict[int, Candidate]]) -> dict[str, set[int]]:
    """For each name used as a qualifier, its candidates that hold a namesake of a head it
    qualifies; empty when all or none do (then the qualifier says nothing of itself)."""
    out: dict[str, set[int]] = {}
    for g, ms in groups.items():
        ids = {id(m) for m in ms}
        heads = [m for hs in groups.values() for m in hs
                 if m.qualifier is not None and id(m.qualifier) in ids]
        if not heads:
            continue
        head_entries = [c.entry for h in heads for c in h.candidates if c.kind == "name"]
        holding = {qid for qid, qc in cands[g].items()
                   if any(qualifier_bonus(e, qc.entry) >= 8.0 for e in head_entries)}
        if holding and len(holding) < len(cands[g]):
            out[g] = holding
    return out


# A name listed among places of one kind ("Texas, Utah, Virginia, Washington, West Virginia";
# "British Columbia, Alberta, Ontario and New Brunswick"; "China, Japan and the United Kingdom")
# is most likely of that kind too: a candidate of the kind (a state of the same country) gains up
# to this much, in proportion to the share of list mates of that kind.
LIST_BONUS = 4.0


def list_mates(doc, accepted: list[Mention]) -> dict[str, list[str]]:
    """For each name, the names standing with it in comma/'and' lists (qualifier pairs such as
    "Fronton, Texas" are no lists)."""
    runs: list[list[Mention]] = []
    prev = None
    for m in accepted:  # in text order
        between = doc[prev.tokens[1]:m.tokens[0]] if prev is not None else None
        joined = prev is not None and 0 < len(between) <= 3 and \
            all(t.lower_ in LIST_WORDS or t.lower_ == "the" for t in between) and \
            any(t.lower_ in LIST_WORDS for t in between) and \
            m.qualifier is not prev and prev.qualifier is not m and not m.demonym and \
            not prev.demonym
        if joined:
            runs[-1].append(m)
        else:
            runs.append([m])
        prev = m
    mates: dict[str, list[str]] = defaultdict(list)
    for run in runs:
        if len(run) < 2:
            continue
        for m in run:
            mates[m.key].extend(r.key for r in run if r.key != m.key)
    return mates


def list_bonus(e: Entry, mates, chosen: dict[str, Entry | None]) -> float:
    if not mates or e.precision not in ("country", "admin1"):
        return 0.0
    same = sum(1 for k in mates if (o := chosen.get(k)) is not None and o.precision == e.precision
               and (e.precision == "country" or o.cc == e.cc))
    return LIST_BONUS * same / len(mates)
