"""Trigger keys: one key for the inflections of a word, so "captured", "capturing" and
"captures" compare equal across reports (#21), without a parser at clustering time.

    trigger_key("captured") == trigger_key("capturing") == "captur"
    trigger_key("shot") == trigger_key("shooting") == "shoot"
    trigger_key("called it off") == "call off"

Irregular forms are read as their base form first (`lang/en/irregular_verbs.tsv`), then the
inflectional ending is cut: -ies/-ied to -y, -ing, -ed, -es after a sibilant, -s (not -ss), a
doubled final consonant ("stopped"), the noun endings -ion, -ment and -al ("negotiations",
"agreement", "arrival") and final -e's. The key is a stem, not a word: it is only
compared with other keys. Stop words of a multi-word trigger are left out.

`trigger_sense` reads a key's sense from `lang/en/trigger_senses.tsv`: "seized" and "hijacked"
are both *seize*, "opened fire" and "shot" both *shoot* (compared within a story only).
"""

from __future__ import annotations

import re
from functools import cache

from ..lang.en import table
from .features import STOP_WORDS

_WORD = re.compile(r"[a-z]+")
_VOWEL = re.compile(r"[aeiouy]")
_SIBILANT = ("ss", "sh", "ch", "x", "z")
# Nouns made from verbs, cut to the verb's stem (with the least stem length left): a report's
# "the negotiations" is another's "negotiating".
NOMINAL = (("ion", 4), ("ment", 4), ("al", 5))


@cache
def _irregular() -> dict[str, str]:
    return {row["form"]: row["base"] for row in table("irregular_verbs")}


def _stem(word: str) -> str:
    word = _irregular().get(word, word)
    for ending, replace in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", "")):
        base = word[:-len(ending)] + replace
        if word.endswith(ending) and len(base) >= 3 and _VOWEL.search(base[:-1] or base):
            word = base
            if ending in ("ing", "ed") and len(word) > 3 and word[-1] == word[-2] \
                    and word[-1] not in "aeiouslz":
                word = word[:-1]  # "stopped" -> "stop" (but "killed", "passed" keep theirs)
            break
    else:
        if word.endswith("es") and word[:-2].endswith(_SIBILANT) and len(word) > 4:
            word = word[:-2]
        elif word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
            word = word[:-1]
    for ending, least in NOMINAL:  # "negotiation" and "negotiating", "arrival" and "arrived"
        if word.endswith(ending) and len(word) - len(ending) >= least:
            word = word[:-len(ending)]
            break
    if word.endswith("e") and len(word) > 3:  # "agree", "agreed" and "agreement" alike
        word = word.rstrip("e") if len(word.rstrip("e")) >= 3 else word[:-1]
    return word


@cache
def _senses() -> dict[str, str]:
    """trigger key -> sense, the first row of a key winning."""
    out: dict[str, str] = {}
    for row in table("trigger_senses"):
        out.setdefault(trigger_key(row["word"]), row["sense"])
    return out


def trigger_sense(key: str) -> str:
    """The sense of a trigger key (`trigger_key`) in `trigger_senses`, else "" (a multi-word
    key matches a multi-word row only: "set fir" is not "fir")."""
    return _senses().get(key, "") if key else ""


def trigger_key(text: str) -> str:
    """The inflection-free key of a trigger (its words' stems, stop words left out)."""
    found = _WORD.findall(text.lower())
    content = [w for w in found if w not in STOP_WORDS] or found
    return " ".join(_stem(w) for w in content)
