"""Regular-expression building blocks of the time tagger (all compiled case-insensitively).

Spans follow TimeML: a preposition or a signal ("on", "in", "since", "before") stays outside,
determiners and modifiers that are part of the expression stay inside ("the third quarter",
"early next year", "nearly two years ago").
"""

from __future__ import annotations

import re

from .lexicon import (
    DECADE_WORDS,
    DIGIT_WORDS,
    MONTH_ABBR,
    MONTHS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    POSSESSIVES,
    SEASONS,
    SET_ADVERBS,
    UNIT_PLURALS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAY_ABBR,
    WEEKDAYS,
)


def alt(words) -> str:
    """An alternation of literal words, longest first, with spaces matching any whitespace."""
    items = sorted({w for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", WS) for w in items)


# Whitespace inside an expression: at most one line break, never a paragraph break.
WS = r"(?:[ \t\xa0]+\n?[ \t\xa0]*|\n[ \t\xa0]*)"
L = r"(?<![\w$£€#.'’-])"  # left edge: not inside a word, a number or an amount
R = r"(?![\w-])"  # right edge

MONTH_NAME = rf"(?:{alt(MONTHS)})\b"
MONTH_ABBREV = rf"(?:{alt(MONTH_ABBR)})(?:\.|(?={WS}\d))"
MONTH = rf"(?:{MONTH_NAME}|{MONTH_ABBREV})"
WEEKDAY_NAME = rf"(?:{alt(WEEKDAYS)})\b"
WEEKDAY_ABBREV = rf"(?:{alt(WEEKDAY_ABBR)})\."
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\d/%]|[.,:]\d)"
YEAR = r"(?:1[5-9]\d\d|20\d\d)(?![\d%]|[.,]\d|-\d)"
YEAR2 = r"(?:'|’)\d\d(?!\w)"
PART_OF_DAY = r"(?:morning|afternoon|evening|night|overnight)"

_SMALL = [w for w, v in NUMBER_WORDS.items() if isinstance(v, int) and 0 < v < 20
          and " " not in w and w not in ("a", "an", "dozen", "couple")]
_TENS = [w for w, v in NUMBER_WORDS.items() if v in (20, 30, 40, 50, 60, 70, 80, 90)]
_DIGITS = DIGIT_WORDS
NUM_WORD = (rf"(?:(?:{alt(_TENS)})(?:[- ](?:{alt(_DIGITS)}))?|{alt(_SMALL)}|a{WS}hundred|"
            rf"one{WS}hundred|hundred|a{WS}thousand|a{WS}dozen|dozen|a{WS}couple{WS}of|"
            rf"couple{WS}of|a{WS}couple|half{WS}an?|an?)")
# Never from inside a number's thousands groups: every start after a comma of
# "1,111,111,..." read to its end (quadratic; 20,000 characters took 35 s).
NUM_DIGIT = rf"(?:(?<!\d,)\d{{1,3}}(?:,\d{{3}})*(?:\.\d+)?(?:{WS}1/2|\s?½)?)"
NUM_VAGUE = rf"(?:{alt(VAGUE_NUMBERS)})"
NUM = rf"(?:{NUM_DIGIT}|{NUM_WORD}|{NUM_VAGUE})"
# "12 to 18 months", "two or three years", "five-to-seven-year"
NUM_RANGE = rf"(?:{NUM}(?:{WS}(?:to|or|and){WS}|-|–){NUM}|{NUM})"

UNIT_SING = rf"(?:{alt(UNITS)})"
UNIT_ANY = rf"(?:{alt(list(UNITS) + list(UNIT_PLURALS))})"
UNIT_CAL = r"(?:week|weekend|month|year|quarter|decade|century|spring|summer|fall|autumn|winter)"
SEASON = rf"(?:{alt(SEASONS)})"

# "over" and "under" only before a number: "over an hour", never "over the past year".
POSSESSIVE = rf"(?:{alt(POSSESSIVES)})"
_PREP_LIKE = rf"(?:over|under)(?![ \t\n]+(?:the|{POSSESSIVE}|these|those)\b)"
APPROX = (rf"(?:about|around|approximately|roughly|nearly|almost|some|more{WS}than|"
          rf"less{WS}than|fewer{WS}than|no{WS}more{WS}than|no{WS}less{WS}than|"
          rf"not{WS}more{WS}than|at{WS}least|at{WS}most|up{WS}to|{_PREP_LIKE}|"
          rf"just{WS}over|just{WS}under|well{WS}over|close{WS}to|upwards{WS}of|exactly|"
          rf"barely|only|just|the{WS}better{WS}part{WS}of)")
# Modifiers that stay inside a point expression ("late November", "the end of 1990").
POINT_MOD = (rf"(?:(?:the{WS})?(?:very{WS})?(?:end|beginning|start|middle|close|turn|"
             rf"first{WS}half|second{WS}half|latter{WS}part|early{WS}part|rest|remainder)"
             rf"{WS}of(?:{WS}the)?|early|late|mid|around|about)")
REL_MOD = rf"(?:{POINT_MOD}|earlier|later|sometime)"

ORDINAL = rf"(?:{alt(ORDINALS)})"
DECADE_WORD = rf"(?:{alt(DECADE_WORDS)})"
SPELLED_YEAR = (rf"(?:nineteen(?:[- ]|{WS})(?:{alt(_TENS)})(?:[- ](?:{alt(_DIGITS)}))?|"
                rf"nineteen(?:[- ]|{WS})(?:oh(?:[- ]|{WS}))?(?:{alt(_SMALL)})|"
                rf"two{WS}thousand(?:{WS}and)?(?:{WS}(?:{alt(_SMALL)}|{alt(_TENS)}))?)")
SET_ADVERB = rf"(?:{alt(SET_ADVERBS)})"
POD_WORDS = rf"(?:{alt(PARTS_OF_DAY)})"
TIMEZONE = (r"(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST|ET|PT|local\s+time|Eastern(?:\s+time)?|"
            r"Pacific(?:\s+time)?|Moscow\s+time)")
AMPM = r"(?:a\.m\.?|p\.m\.?|a\.\s?m\.|p\.\s?m\.|am|pm)(?![\w])"


def compile_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)
