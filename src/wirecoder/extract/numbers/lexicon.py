"""Words around numbers: approximation, bounds, direction of change, and what marks a number as
a date, a time, an age or an identifier rather than a quantity."""

from __future__ import annotations

import re

from ...lang.en import words

# Written just before a number (longest first when matched). "nearly" and "almost" also say
# the true value is a little *below* the number; "just over" a little above.
APPROXIMATORS = (
    "approximately", "approx.", "approx", "roughly", "around", "about", "nearly", "almost",
    "some", "circa", "ca.", "c.", "an estimated", "estimated", "close to", "as many as",
    "as much as", "in the region of", "on the order of", "of the order of", "the order of",
    "more or less", "give or take", "averaging", "averaged", "~", "≈",
    "getting on for", "upward of", "upwards of", "just shy of", "shy of", "nigh on",
)
BELOW_APPROXIMATORS = {"nearly", "almost", "just shy of", "shy of", "close to", "getting on for",
                       "nigh on"}
LOWER_BOUNDS = (
    "more than", "over", "above", "at least", "in excess of", "exceeding", "greater than",
    "higher than", "no fewer than", "no less than", "not less than", "well over", "just over",
    "well above", "just above", "upwards of", "upward of", "north of", "a minimum of",
    "minimum of", "as high as", "beyond",
)
UPPER_BOUNDS = (
    "less than", "fewer than", "under", "below", "up to", "at most", "no more than",
    "not more than", "lower than", "just under", "well under", "just below", "well below",
    "a maximum of", "maximum of", "as little as", "as few as", "as low as", "sub-", "sub",
    "south of", "within",
)
# After the number: "500 or more", "20-plus", "100+".
TRAILING_LOWER = ("or more", "or above", "or higher", "or over", "-plus", " plus", "+")
TRAILING_UPPER = ("or less", "or fewer", "or below", "or under", "at most")
TRAILING_APPROX = ("or so", "-odd", " odd", "ish", "-ish")

UP_WORDS = {
    "rise", "increase", "gain", "grow", "climb", "jump", "surge", "soar", "add", "advance",
    "rally", "boost", "raise", "lift", "expand", "swell", "spike", "rocket", "skyrocket",
    "balloon", "accelerate", "improve", "widen", "hike", "up", "higher", "top", "exceed",
    "double", "triple", "quadruple", "inch", "edge", "creep", "firm", "strengthen", "rebound",
    "recover", "mount", "escalate", "multiply", "upgrade", "outperform", "leap",
}
DOWN_WORDS = {
    "fall", "drop", "decline", "decrease", "lose", "slip", "slide", "plunge", "tumble", "sink",
    "shed", "dip", "cut", "reduce", "lower", "shrink", "ease", "slump", "plummet", "crash",
    "retreat", "contract", "narrow", "slow", "down", "wipe", "erode", "trim", "halve",
    "weaken", "sag", "dive", "nosedive", "collapse", "diminish", "lessen", "downgrade",
    "underperform", "retrench", "fell", "off",
}
# Change nouns ("a 4.2 percent drop") keep "=" in the CQE annotation; verbs and the particles
# "up"/"down" carry the direction.

MONTHS = words("months")
POSSESSIVES = words("pronouns", kind="possessive")
WEEKDAYS = words("weekdays", form="name")
YEAR_PREPOSITIONS = {
    "in", "since", "by", "from", "until", "till", "to", "of", "before", "after", "during", "for",
    "between", "and", "through", "early", "late", "mid", "circa", "around", "throughout",
    "the", "that", "this", "fiscal", "year", "season", "spring", "summer", "autumn", "fall",
    "winter", "class", "vintage", "model",
}
TIME_SUFFIX = re.compile(
    r"^\s?(?:a\.?m\.?|p\.?m\.?|am|pm|gmt|utc|bst|et|est|edt|pt|pst|cet|hrs\b|o'clock|h\d\d)(?![A-Za-z])",
    re.I)
AGE_AFTER = re.compile(
    r"^(?:-|\s)?(?:years?|yrs?|months?|weeks?|days?)(?:-|\s)old\b|^-year-old|^\s?years? of age",
    re.I)
AGE_BEFORE = re.compile(r"(?:\baged?|\bages)\s+(?:between\s+|of\s+)?$", re.I)
STREET_WORDS = {
    "st", "st.", "street", "road", "rd", "rd.", "ave", "ave.", "avenue", "way", "lane", "ln",
    "blvd", "boulevard", "drive", "dr", "dr.", "place", "pl", "court", "ct", "highway", "hwy",
    "route", "terrace", "square", "parkway",
}
# Nouns that, written before a number, make it a label: "Section 427", "Game 6", "No. 1".
LABEL_NOUNS = {
    "section", "row", "game", "room", "page", "chapter", "article", "clause", "paragraph",
    "number", "no", "no.", "nos", "#", "level", "phase", "stage", "round", "week", "day",
    "episode", "season", "series", "volume", "vol", "vol.", "part", "act", "scene", "gate",
    "platform", "flight", "route", "highway", "interstate", "i-", "district", "ward", "precinct",
    "unit", "apartment", "apt", "suite", "floor", "block", "lot", "grade", "class", "category",
    "tier", "type", "model", "version", "v", "gen", "generation", "mark", "mk", "item",
    "question", "rule", "amendment", "title", "bill", "proposition", "prop", "resolution",
    "figure", "fig", "table", "exhibit", "slide", "step", "lane", "pier", "terminal", "hole",
    "race", "heat", "match", "hurricane", "storm", "covid", "windows", "ios", "android",
    "iphone", "galaxy", "pixel", "playstation", "xbox", "boeing", "airbus", "ligue", "serie",
    "bundesliga", "formula", "top", "fortune", "s&p", "nasdaq", "ftse", "dax", "cac", "nikkei",
    "asx", "tsx", "sp", "iso", "fg", "kospi", "euro", "stoxx", "russell", "dow", "ta", "ibex", "hang", "sensex",
    "nifty", "big", "pac", "ac", "planet", "apollo", "voyager", "chanel", "studio", "channel",
    "radio", "division", "league", "catch", "super", "bowl", "engine",
}

def _starts_with(text: str, phrases: tuple[str, ...]) -> str | None:
    low = text.lower()
    for phrase in sorted(phrases, key=len, reverse=True):
        if low.startswith(phrase) and (len(low) == len(phrase) or not low[len(phrase)].isalnum()
                                       or phrase.endswith("-") or phrase in ("~", "≈")):
            return phrase
    return None


def _ends_with(text: str, phrases: tuple[str, ...]) -> str | None:
    low = text.lower().rstrip()
    for phrase in sorted(phrases, key=len, reverse=True):
        if low.endswith(phrase.strip()) and (
                len(low) == len(phrase.strip()) or not low[-len(phrase.strip()) - 1].isalnum()
                or not phrase.strip()[0].isalnum()):
            return phrase
    return None


def leading_modifier(text_before: str) -> tuple[str, str] | None:
    """The modifier that ends `text_before` (the text just before a number), as (kind, phrase)
    with kind "approx", ">" or "<"; None if there is none."""
    stripped = text_before.rstrip()
    for kind, phrases in ((">", LOWER_BOUNDS), ("<", UPPER_BOUNDS), ("approx", APPROXIMATORS)):
        found = _ends_with(stripped, phrases)
        if found is not None:
            return kind, found
    return None


def bound_of(span_text: str) -> str | None:
    """">" or "<" when a quantity's own text starts (or ends) with a bound: "more than 60%",
    "up to $8 million", "500 or more"; None otherwise."""
    text = span_text.strip()
    lead = _starts_with(text, LOWER_BOUNDS)
    up = _starts_with(text, UPPER_BOUNDS)
    if lead and (not up or len(lead) >= len(up)):
        return ">"
    if up:
        return "<"
    if _ends_with(text, TRAILING_LOWER):
        return ">"
    if _ends_with(text, TRAILING_UPPER):
        return "<"
    return None


def approximator_of(span_text: str) -> str | None:
    """The approximation word a quantity's text starts with ("nearly", "about"), if any."""
    return _starts_with(span_text.strip(), APPROXIMATORS)


def cqe_change(span_text: str, change: str, approximate: bool, is_range: bool) -> str:
    """The change label the CQE annotation gives a quantity: a bound (">" / "<") first, then
    "~" for an approximation, then the direction ("up" / "down") of an amount of change, else
    "=". A from-to pair or a range is labelled by its bound or approximation only."""
    bound = bound_of(span_text)
    if bound:
        return bound
    if approximate:
        return "~"
    if change in ("up", "down") and not is_range:
        return change
    return "="
