"""What is not a quantity although it holds a number: dates, years, clock times, labels and names
("Section 427", "COVID-19"), street addresses. The scan (`finder`) asks before it reads on."""

from __future__ import annotations

import re

from . import lexicon as lx
from .reading import Numeral


def is_date_context(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 12):start].lower()
    after = text[end:end + 12].lower()
    wb = re.search(r"([a-z]+)\.?,?\s*$", before)
    wa = re.match(r",?\s*([a-z]+)", after)
    if wb and wb.group(1) in lx.MONTHS and re.search(r"[a-z]\.?\s+$", before):
        return True
    if wa and wa.group(1) in lx.MONTHS and re.match(r"\s", after):
        return True
    if re.match(r"\s*(?:[-/.]\d|:\d)", after) and re.match(r"\d{1,2}$", text[start:end]) and \
            re.match(r"[-/.:]\d{1,2}[-/.:]", after.strip()[:4] + ":"):
        return True
    return False


def is_year(text: str, num: Numeral, has_unit: bool) -> bool:
    s = text[num.digit_start:num.end]
    if has_unit or num.currency or num.scaled or not re.fullmatch(r"\d{4}", s):
        return False
    value = int(s)
    if not 1000 <= value <= 2200:
        return False
    after = text[num.end:num.end + 24]
    before = text[max(0, num.start - 12):num.start].lower()
    if re.match(r"\s+[a-z]+s\b", after) and not re.search(r"\b(?:in|since|by|of|from|until|"
                                                          r"before|after|during|the)\s+$", before):
        return False  # "2000 people"
    return True


def is_time(text: str, start: int, end: int) -> bool:
    if re.match(r"[:]\d\d", text[end:end + 3]) or (start > 0 and text[start - 1] == ":" and
                                                    start > 1 and text[start - 2].isdigit()):
        return True
    if lx.TIME_SUFFIX.match(text[end:end + 8]):
        return True
    return bool(re.match(r"\.\d\d\s?(?:am|pm|a\.m|p\.m)", text[end:end + 8], re.I))


_NOT_LABEL_WORDS = {
    "about", "nearly", "almost", "some", "just", "only", "over", "around", "up", "down", "the",
    "a", "an", "in", "by", "to", "at", "for", "with", "from", "and", "or", "but", "of", "on",
    "than", "after", "before", "since", "until", "between", "more", "less", "fewer", "roughly",
    "approximately", "estimated", "exactly", "another", "all", "those", "these", "its", "their",
    "his", "her", "our", "total", "under", "above", "below", "least", "most",
    "average", "additional", "extra", "first", "last", "next", "top", "bottom", "rank", "ranked",
    "there", "here", "we", "they", "he", "she", "it", "i", "you", "when", "while", "if", "as",
    "is", "was", "are", "were", "be", "has", "have", "had", "still", "also",
    "plus", "minus", "per", "each", "every", "both", "then", "now", "today", "currently", "so",
    "that", "which", "who", "what", "where", "how", "why", "yes", "no", "not", "like", "near",
}


def is_label(text: str, start: int, end: int) -> bool:
    """ "Section 427", "Game 6", "S&P 500", "COVID-19", "TA-25", "ID.3", "Apple Watch 5"."""
    if start > 0 and text[start - 1].isalpha():
        return True
    if start > 1 and text[start - 1] == "." and text[start - 2].isalpha() and \
            (start < 3 or text[start - 3] != " " or text[start - 2].isupper()):
        return True  # "ID.3"
    m = re.search(r"([A-Za-z&#.]+)(\s?-)?\s*$", text[max(0, start - 20):start])
    if not m:
        return False
    word = m.group(1)
    low = word.lower().rstrip(".")
    if m.group(2):
        # "COVID-19", "TA-25", "last-32": a number hyphenated to a word is a label, except
        # "minus-130", "sub-500", "to-260,000", "mid-2000"
        return low not in ("minus", "sub", "to", "from", "and", "or", "mid", "than", "by",
                           "about", "around", "some", "of")
    if low in lx.LABEL_NOUNS and low not in ("top", "euro", "super", "day", "week", "model",
                                             "type", "class", "level", "tier", "item"):
        return any(c.isupper() for c in word) or low in ("no", "#", "section", "row", "page",
                                                          "room", "chapter", "article", "game",
                                                          "grade", "sp")
    # a capitalised name just before: "Apple Watch 5", "Lang 20", "Big 12", "ISO 3888"
    if (word[0].isupper() or (word[0].islower() and any(c.isupper() for c in word[1:]))) and \
            low not in _NOT_LABEL_WORDS and low not in lx.MONTHS and \
            low not in lx.WEEKDAYS and not re.search(r"(?:^|[.!?:;]\s+|\n\s*)$",
                                                     text[max(0, start - 40):start - len(
                                                         m.group(0))]):
        return True
    return False


def is_address(text: str, end: int) -> bool:
    """ "49 Zorro Ranch Road", "9 E 71st St", "22 Ave Foch"."""
    words = re.findall(r"\s+([A-Z0-9][\w.]*)", text[end:end + 50])[:4]
    seq = re.match(r"(?:\s+[A-Z0-9][\w.]*)+", text[end:end + 50])
    if not seq:
        return False
    words = re.findall(r"[A-Z0-9][\w.]*", seq.group())[:4]
    return any(w.lower() in lx.STREET_WORDS for w in words)
