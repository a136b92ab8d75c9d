"""Reading numbers: numerals ("1,234.5", "25k", "1/16"), number words ("twenty-eight thousand"),
scale words ("half a million"), vague magnitudes ("tens of millions") and multiplicatives
("tripled", "sixfold").

Everything here works on plain strings; `finder` decides where a number starts and ends.
"""

from __future__ import annotations

import re

from ...lang.en import numbers

UNITS_WORDS = numbers("number_words", "value", kind="count")
TENS_WORDS = numbers("number_words", "value", kind="tens")  # "fourty" too
# Scale words that multiply what precedes them.
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "lakh": 1e5, "crore": 1e7,
}
# Abbreviated scales written after a numeral: "25k", "$1.2bn", "4.3M", "S$1mil".
SCALE_ABBREVIATIONS = {
    "k": 1e3, "K": 1e3, "thou": 1e3,
    "m": 1e6, "M": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "mill": 1e6, "MM": 1e6,
    "bn": 1e9, "b": 1e9, "B": 1e9, "bln": 1e9, "billion": 1e9,
    "tn": 1e12, "trn": 1e12, "tr": 1e12, "T": 1e12,
}
# Abbreviations that may also be units ("37m" is 37 metres, "16 billion b" bits); the finder
# decides these from context.
AMBIGUOUS_SCALES = {"m", "M", "b", "B", "T"}

# Vague plurals: "tens of millions" is 10^7 .. 10^8, "hundreds of thousands" 10^5 .. 10^6.
VAGUE_PLURALS = {
    "tens": 1e1, "dozens": 12, "scores": 20, "hundreds": 1e2, "thousands": 1e3,
    "millions": 1e6, "billions": 1e9, "trillions": 1e12,
}

ORDINAL_WORDS = {
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "twentieth", "hundredth", "thousandth",
}
# Fraction words after a count: "two-thirds", "one fourth", "a quarter".
FRACTION_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10, "hundredth": 100, "hundredths": 100,
}
UNICODE_FRACTIONS = {
    "½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
    "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875,
}

# Multiplicative verbs and adjectives: "nearly tripled", "doubling", "a fourfold rise".
MULTIPLICATIVES = {
    "double": 2, "doubled": 2, "doubles": 2, "doubling": 2,
    "triple": 3, "tripled": 3, "triples": 3, "tripling": 3, "treble": 3, "trebled": 3,
    "quadruple": 4, "quadrupled": 4, "quadruples": 4, "quadrupling": 4,
    "quintuple": 5, "quintupled": 5,
    "halve": 0.5, "halved": 0.5, "halves": 0.5, "halving": 0.5,
}
# Of these, the ones that describe a change when used as verbs (not "a double room").
MULTIPLICATIVE_VERB_FORMS = {
    w for w in MULTIPLICATIVES if w.endswith(("ed", "ing")) or w in {"halves", "doubles",
                                                                   "triples", "quadruples"}
}
FOLD = re.compile(r"^(?P<n>[a-z]+|\d+(?:\.\d+)?)-?fold$", re.I)

_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$")


def parse_numeral(text: str) -> float | None:
    """ "1,234.5" -> 1234.5, ".500" -> 0.5; None for anything else."""
    text = text.strip()
    if not _DIGITS.match(text):
        return None
    return float(text.replace(",", ""))


def is_number_word(word: str) -> bool:
    w = word.lower()
    return w in UNITS_WORDS or w in TENS_WORDS or w in SCALES or _hyphen_number(w) is not None


def _hyphen_number(word: str) -> float | None:
    """ "twenty-eight" -> 28."""
    if "-" not in word:
        return None
    head, _, tail = word.partition("-")
    if head in TENS_WORDS and tail in UNITS_WORDS and 0 < UNITS_WORDS[tail] < 10:
        return TENS_WORDS[head] + UNITS_WORDS[tail]
    return None


def word_value(word: str) -> float | None:
    w = word.lower()
    if w in UNITS_WORDS:
        return UNITS_WORDS[w]
    if w in TENS_WORDS:
        return TENS_WORDS[w]
    return _hyphen_number(w)


def parse_number_words(words: list[str]) -> float | None:
    """The value of a run of number words: ["twenty-eight", "thousand", "six", "hundred",
    "forty-two"] -> 28642; "a" counts as one before a scale ("a million")."""
    total = 0.0
    current = 0.0
    seen = False
    for raw in words:
        w = raw.lower()
        if w == "and":
            continue
        if w in ("a", "an"):
            if seen:
                return None
            current, seen = 1.0, True
            continue
        small = word_value(w)
        if small is not None:
            current += small
            seen = True
            continue
        if w in SCALES:
            scale = SCALES[w]
            if not seen:
                return None  # a bare "billion" is no number
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0.0
            seen = True
            continue
        return None
    return total + current if seen else None


def fold_value(word: str) -> float | None:
    """ "sixfold" / "6-fold" -> 6."""
    m = FOLD.match(word)
    if not m:
        return None
    n = m.group("n")
    if n[0].isdigit():
        return float(n)
    return word_value(n)


def format_value(value: float) -> str:
    """A readable numeral: 87000 -> "87,000", 2.8064 -> "2.81", 1e7 -> "10,000,000"."""
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    if abs(value) >= 100:
        return f"{value:,.1f}"
    return f"{value:.3g}" if abs(value) < 1 else f"{value:,.2f}".rstrip("0").rstrip(".")
