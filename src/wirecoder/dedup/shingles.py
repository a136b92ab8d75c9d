"""Word shingles for near-duplicate detection, with numbers and dates written one way.

Syndicated copies differ in house style ("1,000" vs "1000", "Jan. 27" vs "27 January"), so those
are normalised before shingling; everything else is lower-cased words without punctuation.
"""

from __future__ import annotations

import re

from ..lang.en import numbers

_NAMES = {n: name for name, n in numbers("months", "number", form="name").items()}
_MONTHS = {abbr: _NAMES[n] for abbr, n in numbers("months", "number", form="abbreviation").items()}
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
_WORD = re.compile(r"[a-z0-9]+(?:\.[0-9]+)?")
# "Jan. 27" / "January 27" -> "27 january": day first, like the other common form.
_MONTH_DAY = re.compile(
    r"\b(" + "|".join(_NAMES[n] for n in sorted(_NAMES)) + r")\s+(\d{1,2})(?:st|nd|rd|th)?\b")
_DAY_SUFFIX = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")


def normalise(text: str) -> str:
    """Lower-case text with thousands separators, month abbreviations and day order unified."""
    text = _THOUSANDS.sub("", text.lower())
    text = re.sub(r"\b(" + "|".join(_MONTHS) + r")\.?(?=\s)",
                  lambda m: _MONTHS[m.group(1)], text)
    text = _DAY_SUFFIX.sub(r"\1", text)
    return _MONTH_DAY.sub(r"\2 \1", text)


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def shingles(text: str, size: int = 3) -> set[str]:
    """The set of `size`-word shingles of the text (the words themselves for shorter texts)."""
    tokens = words(text)
    if len(tokens) < size:
        return set(tokens)
    return {" ".join(tokens[i:i + size]) for i in range(len(tokens) - size + 1)}
