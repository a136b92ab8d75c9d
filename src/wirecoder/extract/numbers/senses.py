"""Units a spelling names only in some contexts (lang/en/unit_senses.tsv): "2.2 F" is a farad
beside a capacitor and a Fahrenheit elsewhere, "12c" a Celsius in a forecast and a cent in a
price, "20 million pounds" sterling when it is paid and a weight when it is not.

A row gives a spelling, the unit it names and the cue words of that sense; the first row whose
spelling follows the number (glued, or after one space) and whose cue is in the number's sentence
gives the unit, unless a word the row names comes right after the spelling ("12 pounds of
potatoes"). Without a cue the reading of units.py stands.
"""

from __future__ import annotations

import re
from functools import cache

from ...lang.en import table
from .reading import UnitHit
from .units import Unit

_SENTENCE_END = re.compile(r"[.!?](?:\s|$)|\n")
_WORD = re.compile(r"[a-z]+")


@cache
def _senses() -> tuple[tuple[tuple[str, ...], Unit, frozenset[str], tuple[str, ...], re.Pattern | None], ...]:
    rows = []
    for row in table("unit_senses"):
        cues = [c for c in row["cues"].split(",") if c]
        blocked = [re.escape(w) for w in row["not_before"].split(",") if w]
        rows.append((tuple(row["written"].split(",")), Unit(row["unit"], row["dimension"]),
                     frozenset(c for c in cues if not c.endswith("*")),
                     tuple(c[:-1] for c in cues if c.endswith("*")),
                     re.compile(rf"\s+(?:{'|'.join(blocked)})\b", re.I) if blocked else None))
    return tuple(rows)


def _sentence_words(text: str, pos: int) -> list[str]:
    starts = [m.end() for m in _SENTENCE_END.finditer(text, max(0, pos - 400), pos)]
    start = starts[-1] if starts else max(0, pos - 400)
    m = _SENTENCE_END.search(text, pos, pos + 400)
    return _WORD.findall(text[start:m.start() if m else pos + 400].lower())


def sense_of(text: str, pos: int, hit: UnitHit | None) -> UnitHit | None:
    """The unit written at text[pos:] (right after a number) in the sense its sentence gives,
    else `hit` (the context-free reading)."""
    words: list[str] | None = None
    for written, unit, cue_words, cue_stems, not_before in _senses():
        for form in written:
            j = pos + 1 if text[pos:pos + 1] == " " else pos
            end = j + len(form)
            if text[j:end] != form or (end < len(text) and text[end].isalnum()) or \
                    (hit is not None and (hit.start, hit.surface) != (j, form)) or \
                    (not_before is not None and not_before.match(text, end)):
                continue
            if words is None:
                words = _sentence_words(text, pos)
            if any(w in cue_words or w.startswith(cue_stems) for w in words):
                return UnitHit(j, end, form, unit)
    return hit
