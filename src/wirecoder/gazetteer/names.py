"""Name normalisation shared by the index builders and the lookups.

A key is the name case-folded, stripped of accents, dots, apostrophes and hyphens, with runs of
white space collapsed: "Michoacán" -> "michoacan", "St. John's" -> "saint johns",
"Champs-Élysées" -> "champs elysees", "U.S." -> "us". Lookups and the index use the same key.
"""

from __future__ import annotations

import re
import unicodedata

_DROP = str.maketrans({".": "", "'": "", "’": "", "‘": "", "`": "", "´": ""})
_SPACE = re.compile(r"[\s\-‐‑‒–—_/]+")
_NON_WORD = re.compile(r"[^\w ]+")


def fold(text: str) -> str:
    """Accents off: NFKD, then the combining marks dropped (ø, ł, ß, æ spelled out)."""
    text = (text.replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
            .replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE").replace("ı", "i"))
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def key(name: str) -> str:
    """The lookup key of a place name (see the module docstring)."""
    text = fold(name).casefold().translate(_DROP)
    text = _SPACE.sub(" ", text)
    text = _NON_WORD.sub("", text).strip()
    if text.startswith("the "):
        text = text[4:]
    if text.startswith("st "):
        text = "saint " + text[3:]
    elif text.startswith("ste "):
        text = "sainte " + text[4:]
    elif text.startswith("ft "):
        text = "fort " + text[3:]
    elif text.startswith("mt "):
        text = "mount " + text[3:]
    return text


def is_latin(name: str) -> bool:
    """Whether a name is written in Latin script (alternate names in other scripts are skipped)."""
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) or ch in "’‘" for ch in name)


# Designations that may follow an administrative name: "Nyanza Province", "Akita Prefecture".
ADMIN_SUFFIXES = (
    "province", "state", "region", "county", "prefecture", "governorate", "district", "oblast",
    "department", "municipality", "parish", "territory", "emirate", "krai", "canton", "division",
)


def strip_admin_suffix(k: str) -> str | None:
    """'nyanza province' -> 'nyanza'; None when the key has no designation to strip."""
    head, _, last = k.rpartition(" ")
    if head and last in ADMIN_SUFFIXES:
        return head
    if k.startswith(("province of ", "state of ", "region of ", "county of ")):
        return k.split(" of ", 1)[1]
    return None
