"""The relevance lexicon: word forms that signal a political or security event, read from the
shipped knowledge (PLOVER trigger lexicons, countries and demonyms, actor descriptors).

Forms are generated with a small English inflector (attack -> attacks, attacked, attacking;
seize -> seized; ally -> allied) plus irregular past forms, so no lemmatiser (and no spaCy) is
needed at filter time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..knowledge import load_tsv

_IRREGULAR = {
    "fight": ["fought"], "shoot": ["shot"], "strike": ["struck", "stricken"],
    "seize": ["seized"], "hold": ["held"], "meet": ["met"], "take": ["took", "taken"],
    "give": ["gave", "given"], "send": ["sent"], "lead": ["led"], "beat": ["beaten"],
    "blow": ["blew", "blown"], "break": ["broke", "broken"], "flee": ["fled"],
    "withdraw": ["withdrew", "withdrawn"], "overthrow": ["overthrew", "overthrown"],
    "forbid": ["forbade", "forbidden"], "bring": ["brought"], "seek": ["sought"],
    "sell": ["sold"], "drive": ["drove", "driven"], "throw": ["threw", "thrown"],
    "tell": ["told"], "win": ["won"], "lose": ["lost"], "put": ["put"], "set": ["set"],
    "cut": ["cut"], "hit": ["hit"], "quit": ["quit"], "spend": ["spent"], "steal": ["stole", "stolen"],
    "swear": ["swore", "sworn"], "undertake": ["undertook", "undertaken"], "bid": ["bid"],
    "shut": ["shut"], "sit": ["sat"], "stand": ["stood"], "speak": ["spoke", "spoken"],
    "fall": ["fell", "fallen"], "rise": ["rose", "risen"], "run": ["ran"], "keep": ["kept"],
    "bear": ["bore", "borne"], "grant": ["granted"], "slay": ["slew", "slain"],
}
_VOWELS = set("aeiou")
_WORD = re.compile(r"[a-z]+(?:[.'’][a-z]+)*\.?")


def inflections(lemma: str) -> set[str]:
    """Common English forms of a verb or noun lemma (over-generating is harmless here)."""
    w = lemma.lower()
    forms = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        forms |= {w[:-1] + "ing", w + "d"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        forms |= {w[:-1] + "ies", w[:-1] + "ied"}
    if (len(w) >= 3 and w[-1] not in _VOWELS and w[-1] not in "wxy" and w[-2] in _VOWELS
            and w[-3] not in _VOWELS):
        forms |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    forms.update(_IRREGULAR.get(w, []))
    return forms


def plurals(noun: str) -> set[str]:
    w = noun.lower()
    forms = {w, w + "s", w + "es"}
    if w.endswith("y") and len(w) > 2 and w[-2] not in _VOWELS:
        forms.add(w[:-1] + "ies")
    return forms


def tokens(text: str) -> list[str]:
    return [t.rstrip(".") if t.count(".") == 1 and t.endswith(".") else t
            for t in _WORD.findall(text.lower().replace("’", "'"))]


@dataclass(frozen=True)
class Lexicon:
    triggers: frozenset[str]  # single word forms of event triggers
    weak: frozenset[str]  # forms of triggers too common to count alone
    pairs: dict[str, frozenset[str]]  # first word form -> second words ("open" -> {"fire"})
    actors: frozenset[str]  # single word forms of actors (sectors, demonyms, one-word countries)
    actor_phrases: frozenset[tuple[str, ...]]  # multi-word countries ("united", "states")


# Single-word patterns too common in everyday writing to count alone; they still count in the
# verb + object pairs of the lexicon ("call off", "open fire").
WEAK = frozenset("""call open say tell take give make go come hold meet visit back host receive
deal move put set keep run stand share sign cut hit ask want need help join leave lead win lose
play pay work release order charge return end close free fine support praise thank welcome
agree reject deny discuss talk express plan state note criticize urge invite offer promise
vote elect appoint honor block limit ban trade exchange object provide allow supply import
yield decline accept fail reduce approve question search seek fund loan assist admit send
investigate investigation aid action conference meeting agreement target warning emergency
drop raise cancel suspend operation execute terminate audit recognize reverse normalize request
shell suit capture examine consult hack quit export designate fault pound torch pressure pressurize
pressurise""".split())
# Words of the political process (elections, legislatures) that report no PLOVER event alone but
# mark a political story: a poll, a campaign, a debate between candidates. Written for wirecoder.
POLITICS = frozenset("""election elections electoral campaign campaigns campaigning candidate
candidates nominee nominees voter voters vote votes voting poll polls pollster polling debate
debates ballot ballots primaries referendum senate senator senators congress congressional
parliament parliamentary legislature lawmakers democrat democrats democratic republican
republicans gop presidential governor mayor constituency coalition opposition""".split())

# Actor words that are as often something else ("the general case", "in force", "a third party").
AMBIGUOUS_ACTORS = frozenset("general generals force forces party parties guard guards".split())
# Sectors of political and security actors; business, civilians and media are everyone's news.
POLITICAL_SECTORS = frozenset("GOV MIL COP CRM REB LEG IGO PTY JUD REF SPY INS OPP".split())


@cache
def load_lexicon() -> Lexicon:
    triggers: set[str] = set()
    weak: set[str] = set()
    pairs: dict[str, set[str]] = {}
    for row in load_tsv("plover_verbs.tsv") + load_tsv("plover_nouns.tsv"):
        noun = "noun" in row
        pattern = (row.get("pattern") or row.get("noun") or "").strip().lower()
        words = [w for w in pattern.split() if not w.startswith("<")]
        if not words:
            continue
        if len(words) == 1:
            forms = plurals(words[0]) if noun else inflections(words[0])
            if words[0] in WEAK or row.get("needs") == "frame":
                weak |= forms
            else:
                triggers |= forms
            continue
        for first in inflections(words[0]):
            pairs.setdefault(first, set()).update(inflections(words[-1]))
    actors: set[str] = set()
    phrases: set[tuple[str, ...]] = set()
    for row in load_tsv("sectors.tsv"):
        if row["sector"] not in POLITICAL_SECTORS:
            continue
        term = row["term"].lower().split()
        if len(term) == 1 and term[0] not in AMBIGUOUS_ACTORS:
            actors |= plurals(term[0])
        else:
            phrases.add(tuple(term))
    for row in load_tsv("countries.tsv"):
        name = tokens(row["name"])
        if len(name) == 1:
            actors.add(name[0])
        elif name:
            phrases.add(tuple(name))
    return Lexicon(frozenset(triggers - weak), frozenset(weak), {k: frozenset(v) for k, v in pairs.items()},
                   frozenset(actors), frozenset(phrases))
