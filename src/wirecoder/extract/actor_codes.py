"""Code a noun phrase as country (ISO 3166 alpha-3) + sectors, from its own words first.

"Defense Secretary Pete Hegseth" -> (None, [GOV, MIL]); "U.S. Border Patrol" -> (USA, [COP]);
"Mexico's government" -> (MEX, [GOV]); "suspected cartel members" -> (None, [CRM]).
The tables are the shipped knowledge files (countries.tsv, sectors.tsv), extendable by users.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from ..knowledge import load_tsv
from ..lang.en import words as word_list

_MAX_TERM_WORDS = 4
# Heads that take their sector from a modifier: "cartel members", "terrorist organizations".
GENERIC_HEADS = {"member", "organization", "organisation", "group", "unit", "cell", "faction",
                 "network", "wing", "leader", "leadership", "boss", "operative", "man", "fighter",
                 "figure", "branch", "ring"}
# "former", "retired": before a title, the office is a past one and the person an elite (ELI)
PAST_OFFICE = word_list("titles", past="yes")
# titles of office ("minister", "secretary"): the office's sector comes first in "defense minister"
OFFICES = word_list("titles", office="yes")


@dataclass
class Coding:
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    # (start, end) character ranges of the words the codes were read from
    evidence: list[tuple[int, int]] = field(default_factory=list)
    _seen: set[tuple[int, int]] = field(default_factory=set, init=False, repr=False, compare=False)
    _seen_len: int = field(default=-1, init=False, repr=False, compare=False)

    def merge(self, other: Coding) -> None:
        if self.country is None and other.country:
            self.country = other.country
        for sector in other.sectors:
            if sector not in self.sectors:
                self.sectors.append(sector)
        # Membership through a set kept beside the list: `e not in self.evidence` on the list
        # made a group of many mentions quadratic. Rebuilt if the list changed behind our back.
        if self._seen_len != len(self.evidence):
            self._seen, self._seen_len = set(self.evidence), len(self.evidence)
        for e in other.evidence:
            if e not in self._seen:
                self.evidence.append(e)
                self._seen.add(e)
        self._seen_len = len(self.evidence)


@cache
def country_table() -> dict[str, str]:
    """Country names and demonyms -> ISO3. A name with a possessive ("people's republic of
    china") is also keyed without it, as phrase_words reads it ("people republic of china")."""
    rows = load_tsv("countries.tsv") + load_tsv("country_names.tsv")
    table = {row["name"].lower(): row["iso3"] for row in rows}
    return table | {re.sub(r"['’]s\b", "", k): v for k, v in table.items() if "'s" in k or "’s" in k}


@cache
def seats() -> frozenset[str]:
    """Capitals and seats of government ("ankara", "kremlin"): countries.tsv rows marked seat."""
    return frozenset(row["name"].lower() for row in load_tsv("countries.tsv") if row.get("seat") == "yes")


@cache
def sector_table() -> dict[str, tuple[str, str | None]]:
    return {row["term"].lower(): (row["sector"], row.get("country") or None)
            for row in load_tsv("sectors.tsv")}


@cache
def agent_table() -> dict[str, list[str]]:
    """Common nouns of agents (agent_nouns.tsv: PLOVER's agents file and written rows): they code a
    phrase sectors.tsv leaves uncoded ("vandals" -> CRM), and make it no party to an event."""
    return {row["term"].lower(): [s for s in row["sectors"].split("|") if s]
            for row in load_tsv("agent_nouns.tsv")}


# A place name stands for one country when its best-known place there is a city of this many
# people or a first-level subdivision by its own name, and no place elsewhere is a tenth as big.
_PLACE_POPULATION = 100_000
_SUBDIVISION = 10 ** 7


@cache
def place_country(name: str) -> str | None:
    """The country of a city or province named before or after an actor ("Minsk police", "a
    Madras court", "Rakhine rebels"), from the offline gazetteer; None when the name is unknown,
    small or shared by places of several countries ("Amherst")."""
    from ..gazetteer import key, load_gazetteer

    gaz = load_gazetteer()
    best: dict[str, int] = {}
    for cand in gaz.lookup(key(name)):
        e = cand.entry
        weight = e.population if e.precision == "locality" else \
            _SUBDIVISION if e.precision == "admin1" and cand.kind == "name" else 0
        if e.cc:
            best[e.cc] = max(best.get(e.cc, 0), weight)
    if not best:
        return None
    cc = max(best, key=best.get)
    rivals = [w for c, w in best.items() if c != cc]
    if best[cc] < _PLACE_POPULATION or rivals and max(rivals) * 10 > best[cc]:
        return None
    return gaz.iso3(cc)


def country_of(name: str) -> str | None:
    key = name.lower().strip()
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"['’]s$", "", key)
    return country_table().get(key)


def code_words(words: list[tuple[str, int, int]], agents: bool = False) -> Coding:
    """Code a sequence of (lower-cased word, start, end): longest table matches first. With
    `agents`, the agent nouns code what sectors.tsv does not ("four Saudi men", "vandals"), when
    they end the phrase."""
    coding = Coding()
    countries, sectors = country_table(), sector_table()
    nouns = agent_table() if agents else {}
    # an agent noun codes as the phrase's head, or as the modifier of a generic head
    # ("a congressional group")
    last = words[-1][0] if words else ""
    generic = last in GENERIC_HEADS or last.endswith("s") and last[:-1] in GENERIC_HEADS
    ends = {len(words), len(words) - 1} if generic else {len(words)}
    i = 0
    while i < len(words):
        # "former CIA official": a past office, when a title follows ("former members" names none,
        # nor "former Fox News colleagues": an office, or a sector word ending the phrase)
        after = [w for w, _, _ in words[i + 1:]]
        if words[i][0] in PAST_OFFICE and any(w in sectors for w in after) and (
                after[-1] in sectors or any(w in OFFICES for w in after)):
            coding.merge(Coding(sectors=["ELI"], evidence=[(words[i][1], words[i][2])]))
            i += 1
            continue
        matched = False
        for n in range(min(_MAX_TERM_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(w for w, _, _ in words[i:i + n])
            start, end = words[i][1], words[i + n - 1][2]
            if phrase in sectors:
                sector, country = sectors[phrase]
                last = words[i + n - 1]
                if n > 1 and last[0] in sectors and last[0] in OFFICES:
                    # "defense minister": a minister (GOV) of defence (MIL), the office first
                    coding.merge(Coding(sectors=[sectors[last[0]][0]], evidence=[(last[1], last[2])]))
                coding.merge(Coding(country=country, sectors=[sector], evidence=[(start, end)]))
                # "defense secretary" is MIL and, through "secretary", GOV as well; an
                # international body's name is that body alone ("European Union": no union, LAB)
                if n > 1 and sector != "IGO":
                    for w, s, e in words[i:i + n]:
                        if w in sectors:
                            coding.merge(Coding(sectors=[sectors[w][0]], evidence=[(s, e)]))
                matched = True
            elif phrase in countries:
                coding.merge(Coding(country=countries[phrase], evidence=[(start, end)]))
                matched = True
            elif phrase in nouns and i + n in ends:
                # only a noun that ends the phrase, its head: "Taiwan's deputy foreign minister"
                # is no sheriff's deputy (COP)
                coding.merge(Coding(sectors=list(nouns[phrase]), evidence=[(start, end)]))
                matched = True
            if matched:
                i += n
                break
        if not matched:
            i += 1
    return coding


def phrase_words(span, agents: bool = False) -> list[tuple[str, int, int]]:
    """Lower-cased words of a spaCy span (possessive 's dropped), with character offsets.

    Upper-case "US" is rewritten to "u.s." so that it codes as the USA while "us" does not.
    """
    words = []
    for tok in span:
        if tok.is_punct or tok.tag_ == "POS":
            continue
        text = tok.text
        word = "u.s." if text in ("US", "U.S") else text.lower()
        words.append((word, tok.idx, tok.idx + len(text)))
        lemma = tok.lemma_.lower()
        # with the agents table, a plural the tables do not hold is read as its singular
        # ("Muslim leaders" -> "muslim leader")
        if lemma != word and tok.pos_ == "NOUN" and (lemma in sector_table() or agents and (
                word not in agent_table() and word not in sector_table())):
            words[-1] = (lemma, tok.idx, tok.idx + len(text))
    return words


def code_span(span, agents: bool = False) -> Coding:
    return code_words(phrase_words(span, agents), agents)
