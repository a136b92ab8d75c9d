"""Reading one number at a position of the text: digits or words, with their scale ("200 million",
"$1.2bn", "tens of millions", "two-thirds"), and the unit and denominator written after it
("5.5kWh", "per barrel"). The scan (`finder`) decides where to read and what the reading is."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import units as un
from . import words as nw
from .lexicon import POSSESSIVES

# "one" to "nine", the counts of a fraction ("three quarters of")
_DIGIT_WORDS = "|".join(w for w, v in nw.UNITS_WORDS.items() if 0 < v < 10)
_DIGITS = re.compile(r"(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?|\.\d+")
WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_SCALE_WORD = re.compile(
    r"[ \u00a0-]?(hundred|thousand|million|billion|trillion|lakh|crore)s?\b", re.I)
_SCALE_ABBR = re.compile(r" ?(bn|mn|mln|mil|mill|bln|trn|tn|MM|k|K|m|M|b|B|T)(?![A-Za-z])")
_GLUED_SCALE_ABBR = re.compile(r"(bn|mn|mln|mil|bln|trn|tn|k|K|m|M|B)(?![A-Za-z])")
# "per barrel", "a month", "/cm2", and hyphenated before a noun: "a $70-a-share offer"
_PER = re.compile(r"\s*(?:(?:per|an|a|each|every)\s+|/\s*)|-(?:per|an|a)-(?=[A-Za-z])", re.I)


@dataclass
class Numeral:
    """One number as read, before its unit: where it starts and ends, its value and scale."""

    start: int  # where the number (or its currency) starts
    end: int  # where the numeral and its scale end
    value: float
    digit_start: int
    scaled: bool = False
    currency: un.Unit | None = None
    vague_high: float | None = None
    kind: str = "number"


def read_number(text: str, i: int) -> Numeral | None:
    """A number starting at text[i] (digits, possibly behind a currency), with its scale."""
    m = _DIGITS.match(text, i)
    if m and (i == 0 or not text[i - 1].isdigit()):
        value = nw.parse_numeral(m.group())
        if value is None:
            return None
        end = m.end()
        # "1/16", "1⁄32": a fraction (dates were masked before)
        fr = re.match(r"[/⁄](\d{1,3})\b", text[end:end + 5])
        if fr and value == int(value) and 0 < value < int(fr.group(1)) and \
                int(fr.group(1)) in (2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100, 128):
            return Numeral(start=i, end=end + fr.end(), value=value / int(fr.group(1)),
                        digit_start=i, kind="fraction")
        # "2.998×10−8", "6.02e23"
        sci = re.match(r"\s?[×x]\s?10\s?\^?([-−–]?)\s?(\d{1,3})\b|[eE]([-+]?\d{1,3})\b",
                       text[end:end + 12])
        if sci:
            exp = int(sci.group(3)) if sci.group(3) else int(sci.group(2)) * (
                -1 if sci.group(1) else 1)
            try:
                value = value * 10 ** exp
            except OverflowError:  # "1e309" is past the largest float: no reading
                return None
            return Numeral(start=i, end=end + sci.end(), value=value, digit_start=i, scaled=True)
        # "2 1/2", "3½"
        frac = re.match(r"(?: (\d)/(\d{1,2})|([½⅓⅔¼¾⅛⅜⅝⅞]))", text[end:end + 6])
        if frac:
            if frac.group(3):
                value += nw.UNICODE_FRACTIONS[frac.group(3)]
                end += 1
            elif 0 < int(frac.group(1)) < int(frac.group(2)):
                value += int(frac.group(1)) / int(frac.group(2))
                end += frac.end()
        num = Numeral(start=i, end=end, value=value, digit_start=i)
        read_scale(text, num)
        return num
    return None


def read_scale(text: str, num: Numeral) -> None:
    """Multiply by scale words ("200 million", "4 hundred million") or an abbreviation ("25k",
    "$1.2bn", "12.3m tonnes"); "m" and "b" are left to the unit reader when they are units."""
    while True:
        m = _SCALE_WORD.match(text, num.end)
        if not m:
            break
        num.value *= nw.SCALES[m.group(1).lower()]
        num.end = m.end()
        num.scaled = True
    if num.scaled:
        return
    glued = _GLUED_SCALE_ABBR.match(text, num.end)
    spaced = _SCALE_ABBR.match(text, num.end)
    m = glued or spaced
    if not m:
        return
    abbr = m.group(1)
    if abbr in nw.AMBIGUOUS_SCALES and not _scale_reading(text, num, m.end(), abbr,
                                                          glued=bool(glued)):
        return
    if not glued and abbr in ("k", "K", "m", "M", "b", "B", "T"):
        # "25 k" is rare; a spaced single letter is more often something else
        if not num.currency:
            return
    num.value *= nw.SCALE_ABBREVIATIONS[abbr]
    num.end = m.end()
    num.scaled = True


def _scale_reading(text: str, num: Numeral, after: int, abbr: str, glued: bool) -> bool:
    """Whether an ambiguous "m"/"b"/"M"/"B"/"T" after a number is a scale (million, billion)
    rather than a unit (metre, byte, ...)."""
    before = text[max(0, num.start - 8):num.start]
    currency = num.currency is not None or bool(re.search(r"[$€£¥]\s*$|\b(?:PS|RM|Y=)$", before))
    rest = text[after:after + 30]
    if currency:
        return True
    if abbr in ("b", "T"):
        return False
    if re.match(r"\s*(?:\(|-long|-high|-tall|-wide|-deep|\s*(?:long|high|tall|wide|deep|"
                r"away|above|below|from|in length|in height|in diameter|of water)\b|[.,;:)]|$)",
                rest):
        return False
    if abbr in ("M", "B"):
        return True
    # "12.3m tonnes", "35m of its devices", "2.7m combined sales": a word follows
    return bool(re.match(r"\s+(?:of\b|[a-z])", rest))


def read_words(text: str, i: int) -> Numeral | None:
    """A number written in words at text[i]: "twenty-eight thousand six hundred forty-two",
    "half a million", "a third", "two-thirds", "tens of millions", "dozens"."""
    m = WORD.match(text, i)
    if not m or (i > 0 and (text[i - 1].isalnum() or text[i - 1] in "'’")):
        return None
    first = m.group().lower()
    joined = _joined_to_unit(text, i, first) if "-" in first and not nw.is_number_word(first) else None
    if joined is not None:
        return joined
    # vague magnitudes: "tens of millions", "hundreds of thousands", "millions of"
    if first in nw.VAGUE_PLURALS:
        return _read_vague(text, i, m)
    words: list[tuple[str, int, int]] = []
    j = i
    while True:
        w = WORD.match(text, j)
        if not w:
            break
        word = w.group().lower()
        ok = nw.is_number_word(word) or (word in ("a", "an") and not words) or (
            word == "and" and words and _next_is_number_word(text, w.end()))
        if not ok:
            break
        words.append((word, w.start(), w.end()))
        nxt = re.compile(r"[ \u00a0-]+").match(text, w.end())
        if not nxt:
            j = w.end()
            break
        j = nxt.end()
    while words and words[-1][0] in ("and", "a", "an"):
        words.pop()
    # "half a million", "a third", "two-thirds", "one fourth"
    frac = _read_fraction(text, i, words)
    if frac is not None:
        return frac
    if not words:
        return None
    if words[0][0] in ("a", "an") and (len(words) == 1 or words[1][0] not in nw.SCALES):
        return None
    value = nw.parse_number_words([w for w, _, _ in words])
    if value is None:
        return None
    num = Numeral(start=i, end=words[-1][2], value=value, digit_start=i,
               scaled=any(w in nw.SCALES and w != "hundred" for w, _, _ in words))
    return num


def _joined_to_unit(text: str, i: int, word: str) -> Numeral | None:
    """A number word hyphened to its unit: "a six-cylinder engine", "a two-mile walk" (the
    hyphened word as a whole is no number word); "one-off", "two-thirds" are no unit."""
    head = word.partition("-")[0]
    if head in ("a", "an") or not nw.is_number_word(head) or head in nw.SCALES:
        return None
    value = nw.parse_number_words([head])
    if value is None or read_unit(text, i + len(head)) is None:
        return None
    return Numeral(start=i, end=i + len(head), value=value, digit_start=i, scaled=False)


def _next_is_number_word(text: str, pos: int) -> bool:
    w = WORD.match(text, pos + 1) if pos < len(text) else None
    return bool(w) and nw.is_number_word(w.group().lower())


def _read_fraction(text: str, i: int, words: list[tuple[str, int, int]]) -> Numeral | None:
    # "half a million" / "half a dozen" / "half of" / "half the"
    m = re.compile(r"(half|a half|one half)(?:\s+(?:a|an)\s+(million|billion|trillion|"
                   r"thousand|hundred|dozen))?\b", re.I).match(text, i)
    if m and (i == 0 or not text[i - 1].isalnum()):
        if m.group(2):
            scale = 12 if m.group(2).lower() == "dozen" else nw.SCALES[m.group(2).lower()]
            return Numeral(start=i, end=m.end(), value=0.5 * scale, digit_start=i,
                        scaled=scale >= 1000)
        after = text[m.end():m.end() + 12]
        if re.match(r"\s+(?:of|the|" + "|".join(sorted(POSSESSIVES)) + r"|all)\b", after, re.I) and \
                not re.match(r"-", after):
            return Numeral(start=i, end=m.end(), value=0.5, digit_start=i, kind="fraction")
        return None
    # "a third of", "two-thirds of", "one fourth of", "three quarters of"
    m = re.compile(r"(a|an|" + _DIGIT_WORDS + r")[ -]"
                   r"(halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|"
                   r"ninths?|tenths?)\b(?=\s+(?:of|the)\b)", re.I).match(text, i)
    if m:
        n = 1 if m.group(1).lower() in ("a", "an") else nw.UNITS_WORDS[m.group(1).lower()]
        d = nw.FRACTION_DENOMINATORS[m.group(2).lower()]
        return Numeral(start=i, end=m.end(), value=n / d, digit_start=i, kind="fraction")
    return None


def _read_vague(text: str, i: int, m: re.Match) -> Numeral | None:
    """ "tens of millions" -> 10^7 .. 10^8; "hundreds of thousands" -> 10^5 .. 10^6;
    "millions of" -> 10^6 .. 10^7; "dozens of" -> 12 (a dozen, as CQE reads it)."""
    first = m.group().lower()
    base = nw.VAGUE_PLURALS[first]
    end = m.end()
    nxt = re.compile(r"\s+of\s+(thousands|millions|billions|trillions)\b", re.I).match(text, end)
    if nxt:
        base *= nw.VAGUE_PLURALS[nxt.group(1).lower()]
        end = nxt.end()
    if not re.compile(r"\s+of\b").match(text, end):
        # "in the hundreds of thousands" has "of" inside; a bare "millions" at a clause end
        # ("ranges in the hundreds of thousands") is still a magnitude
        if not nxt:
            return None
    if first == "dozens" and not nxt:
        return Numeral(start=i, end=end, value=12, digit_start=i, kind="vague")
    return Numeral(start=i, end=end, value=base, digit_start=i, vague_high=base * 10, kind="vague",
                scaled=base >= 1000)


# ---------------------------------------------------------------- units after a number


@dataclass
class UnitHit:
    """A unit written after a number: where, as written, and the unit it names."""

    start: int
    end: int
    surface: str
    unit: un.Unit


def read_unit(text: str, pos: int, scaled: bool = False) -> UnitHit | None:
    """The unit written at `pos`, after a number's digits. A currency name that is also an English
    word ("won", "rand") is read apart from the digits only after a scale word: "1.2 trillion
    won", never "the team 3 won"."""
    # a letter, a percent or degree sign, or any currency sign ("100₾") touching the digits
    glued = pos < len(text) and (text[pos].isalpha() or text[pos] in "%°º"
                                 or unicodedata.category(text[pos]) == "Sc")
    j = pos
    if not glued:
        sp = re.match(r"[ \u00a0]?-?", text[pos:pos + 2])
        j = pos + (sp.end() if sp else 0)
        if j == pos:
            return None
    before_slash = re.match(r"[A-Za-z]{1,3}(?:/| per )", text[j:j + 8]) is not None
    hit = un.match_unit(text, j, glued=glued or text[pos:j] == "-" or before_slash)
    if hit is None and scaled and not glued:
        hit = un.match_unit(text, j, glued=True)
        if hit is not None and not (un.is_currency(hit[1].dimension) and len(hit[2]) > 1):
            hit = None
    if hit is None:
        return None
    end, unit, surface = hit
    return UnitHit(j, end, surface, unit)


_NOT_A_RATE = re.compile(r"\s+(?:earlier|ago|before|later|prior)\b", re.I)
_TIME_DENOMINATORS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}


def read_per(text: str, pos: int, allow_article: bool = True) -> tuple[int, str] | None:
    """A denominator after a unit: "per barrel", "a month", "/cm2", "an ounce"; never a time
    reference ("$1.17 billion a year earlier" is no rate)."""
    m = _PER.match(text, pos)
    if not m:
        return None
    sep = m.group().strip().strip("-").lower()
    if sep in ("a", "an", "each", "every") and not allow_article:
        return None
    j = m.end()
    w = re.compile(r"(?:square\s+|sq\s+)?[A-Za-z²0-9]+(?:\s+(?:foot|metre|hour))?").match(text, j)
    if not w:
        return None
    word = w.group().lower()
    candidates = [word, word.rstrip("s"), word.split()[0], word.split()[0].rstrip("s")]
    for cand in candidates:
        if cand in un.PER_DENOMINATORS:
            if sep in ("a", "an", "each", "every") and cand not in un.ARTICLE_DENOMINATORS:
                return None
            used = w.group() if cand in (word, word.rstrip("s")) else w.group().split()[0]
            if sep in ("a", "an") and un.PER_DENOMINATORS[cand] in _TIME_DENOMINATORS and \
                    _NOT_A_RATE.match(text, j + len(used)):
                return None  # "a year earlier", "a week ago", "a day before": when, not a rate
            return j + len(used), un.PER_DENOMINATORS[cand]
    return None
