"""Word lists of the time tagger: month, weekday, unit, number, season and part-of-day words."""

from __future__ import annotations

from ...lang.en import numbers, words

MONTHS = numbers("months", "number", form="name")
# Abbreviations count only with a full stop or before a number ("Jan." / "Jan 5", never "Jan").
MONTH_ABBR = numbers("months", "number", form="abbreviation")
# Month names that are also common English words: they must be capitalised to count, and
# the parse must not read them as a verb or modal ("We may ...", "they march on ...").
AMBIGUOUS_MONTHS = words("months", ambiguous="yes")

WEEKDAYS = numbers("weekdays", "number", form="name")
# Abbreviated weekdays count only with a full stop and before a date ("Wed., Jan. 5"): this is
# why "We" is never Wednesday and "Sun" never Sunday.
WEEKDAY_ABBR = numbers("weekdays", "number", form="abbreviation")

# Possessive determiners ("his", "their"): "over their lifetime" is no approximation, and "its
# march" is a noun.
POSSESSIVES = words("pronouns", kind="possessive")
THIRD_PERSON_POSSESSIVES = words("pronouns", kind="possessive", person="3")

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}


PARTS_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "tonight": "NI", "midday": "MI", "mid-afternoon": "AF", "mid afternoon": "AF",
    "dawn": "MO", "daybreak": "MO", "dusk": "EV", "nightfall": "EV",
}

# Units: the TIMEX3 duration letter and the granularity of a date at that unit.
UNITS = {
    "second": ("S", "second"), "minute": ("M", "minute"), "hour": ("H", "hour"),
    "day": ("D", "day"), "night": ("D", "day"), "week": ("W", "week"),
    "weekend": ("WE", "week"), "fortnight": ("W2", "week"), "month": ("M", "month"),
    "quarter": ("Q", "quarter"), "year": ("Y", "year"), "decade": ("DE", "decade"),
    "century": ("CE", "century"), "millennium": ("ML", "millennium"),
}
UNIT_PLURALS = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "nights": "night",
    "weeks": "week", "weekends": "weekend", "fortnights": "fortnight", "months": "month",
    "quarters": "quarter", "years": "year", "decades": "decade", "centuries": "century",
    "millennia": "millennium",
}

# "one" to "nine"
DIGIT_WORDS = [w for w, v in numbers("number_words", "value", kind="count").items() if 0 < v < 10]
# zero to nineteen and the tens (lang/en/number_words.tsv), with the article and phrase counts
NUMBER_WORDS = {
    **numbers("number_words", "value", spelling="standard"), "a": 1, "an": 1, "hundred": 100,
    "a hundred": 100, "one hundred": 100, "thousand": 1000, "a thousand": 1000, "dozen": 12,
    "a dozen": 12, "half a": 0.5, "a half": 0.5, "half an": 0.5, "couple of": 2, "a couple of": 2,
    "a couple": 2, "couple": 2,
}
# Vague amounts: the TIMEX3 value gets an X ("several years" -> PXY).
VAGUE_NUMBERS = frozenset({
    "several", "few", "a few", "many", "some", "numerous", "countless", "dozens of",
    "hundreds of", "thousands of", "a number of",
})

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3,
    "4th": 4, "final": 4, "last": 4,
}

DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}

# Sets: "daily" -> P1D and friends.
SET_ADVERBS = {
    "hourly": ("PT1H", "hour"), "daily": ("P1D", "day"), "nightly": ("P1D", "day"),
    "weekly": ("P1W", "week"), "biweekly": ("P2W", "week"), "monthly": ("P1M", "month"),
    "quarterly": ("P3M", "quarter"), "annually": ("P1Y", "year"), "yearly": ("P1Y", "year"),
    "biannually": ("P6M", "month"), "semiannually": ("P6M", "month"),
}

# Fixed-date holidays; movable ones are computed in resolve.py.
HOLIDAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "halloween": (10, 31), "veterans day": (11, 11),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26), "bastille day": (7, 14), "may day": (5, 1),
}
