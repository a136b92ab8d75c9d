"""Finding quantities in text: numbers with their units, ranges, changes and modifiers.

The scan runs over characters (numbers glue to units and currencies in ways no tokenizer
agrees on: "US$58.24", "5.5kWh", "PS6m", "25k"); the spaCy parse is consulted afterwards for
what only syntax can tell: the noun a bare number counts, the direction of a change verb, and the
concept measured (see `concept`).

Reading one number and its unit is `reading`'s; telling what is no quantity, `filters`'.
Not quantities: years ("in 2023"), dates ("Jan. 24", "9 May"), clock times ("11:30", "2 p.m."),
ordinals ("10th"), labels and names ("Section 427", "Game 6", "S&P 500", "COVID-19"), street
addresses and match scores ("ended 2-2"). Ages ("a 50-year-old", "aged 18 to 45") and durations
used as time offsets ("six minutes later") are skipped unless the options ask for them.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from . import lexicon as lx
from . import units as un
from . import words as nw
from .filters import is_address, is_date_context, is_label, is_time, is_year
from .reading import WORD, Numeral, read_number, read_per, read_scale, read_unit, read_words
from .senses import sense_of

_RANGE_SEP = re.compile(r"\s*(?:-|–|—|to|through|and|or)\s*|-?to-?", re.I)
_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_MAX_RANGE_NESTING = 2  # see Scanner._second_number
_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century",
               "millisecond"}


@dataclass
class Found:
    """One quantity as the scan finds it; `finder.to_records` turns it into a Quantity."""

    start: int
    end: int
    value: float | None
    num_start: int
    num_end: int
    value_high: float | None = None
    unit: str | None = None  # as written
    norm: str | None = None  # normalised
    dimension: str | None = None
    unit_span: tuple[int, int] | None = None
    approximate: bool = False
    approximator: str | None = None
    bound: str | None = None
    change: str = "="
    kind: str = "number"  # number | range | change | factor | fraction | vague | part
    scaled: bool = False  # a scale word or abbreviation multiplied the numeral
    rate: str | None = None  # "year" for "annually", "a year", "per year"
    whole: Found | None = field(default=None, repr=False)  # "23 of 32 states": the 32
    concept: tuple[int, int] | None = None
    first_end: int | None = None  # ranges and changes: where the first number's phrase ends

    @property
    def is_range(self) -> bool:
        return self.value_high is not None


# ---------------------------------------------------------------- the scan


# month names and abbreviations, longest first ("january" before "jan")
_MONTH_RE = "(?:" + "|".join(sorted(lx.MONTHS, key=lambda w: (-len(w), w))) + ")"
# Stretches that hold numbers but no quantity: ISO dates and times, clock times, numeric dates,
# date ranges after a month, seasons ("2014-15"), match scores ("2-2", "won 3-1"), phone numbers.
_MASKS = [
    re.compile(r"\b\d{4}-\d{2}-\d{2}(?:T[\d:.]+Z?)?"),
    re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:\s?[ap]\.?m\.?)?", re.I),
    re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b"),
    re.compile(r"\b" + _MONTH_RE + r"\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{1,2}\b)?"
               r"(?:,?\s+\d{4})?", re.I),
    re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH_RE + r"\b\.?(?:,?\s+\d{4})?",
               re.I),
    re.compile(r"\b(?:1[89]|20)\d\d\s*[-–/]\s*\d{2}\b(?![-–/.]\d)"),
    re.compile(r"(?<![\d.,])\d{1,2}-\d{1,2}(?![\d.,%])"),
    re.compile(r"\(?\b\d{3}\)?[ -]\d{3}-\d{4}\b"),
    re.compile(r"\b\d{1,2}(?:\.\d\d)?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)", re.I),
    re.compile(r"\bage[sd]?\s+(?:between\s+|of\s+)?\d+(?:\s*(?:-|–|to|and)\s*\d+)?", re.I),
]


def _masked_spans(text: str) -> list[list[tuple[int, int]]]:
    """Per mask pattern, in _MASKS order, its spans (ordered, not overlapping)."""
    by_pattern = []
    for rx in _MASKS:
        spans = []
        by_pattern.append(spans)
        for m in rx.finditer(text):
            if rx is _MASKS[6]:
                a, b = (int(x) for x in m.group().split("-"))
                if a < b and re.match(r"\s*(?:%|percent|per cent|[a-z]+s\b)",
                                      text[m.end():m.end() + 12], re.I):
                    continue  # "1-2 years", "3-5 days": a range
                if a < b and not re.search(r"\b(?:won|beat|lost|drew|lead|score|scored|"
                                           r"victory|defeat|win|aggregate|ended)\b",
                                           text[max(0, m.start() - 40):m.end() + 20], re.I):
                    continue  # "15-17": a range
            spans.append((m.start(), m.end()))
    return by_pattern


class Scanner:
    def __init__(self, text: str, *, ages: bool = False, time_offsets: bool = False,
                 multiplicative_verbs: bool = True):
        self.text = text
        self.ages = ages
        self.time_offsets = time_offsets
        self.multiplicative_verbs = multiplicative_verbs
        self._range_nesting = 0
        # Per mask pattern, its spans' starts and ends: a lookup is a bisection per pattern, not
        # a pass over every span (which made texts full of dates and numbers quadratic).
        self._mask_index = [([a for a, _ in spans], [b for _, b in spans])
                            for spans in _masked_spans(text)]

    def _is_masked(self, i: int) -> int | None:
        """The end of the mask span holding position i (the first pattern's, in _MASKS order)."""
        for starts, ends in self._mask_index:
            k = bisect_right(starts, i) - 1
            if k >= 0 and i < ends[k]:
                return ends[k]
        return None

    def scan(self) -> list[Found]:
        text = self.text
        found: list[Found] = []
        i = 0
        n = len(text)
        while i < n:
            ch = text[i]
            if ch.isdigit() or (ch == "." and i + 1 < n and text[i + 1].isdigit()
                                and (i == 0 or not text[i - 1].isalnum())):
                masked = self._is_masked(i)
                if masked is not None:
                    i = masked
                    continue
                got = self._at_number(i)
                if got:
                    found.extend(got)
                    i = max(q.end for q in got)
                    continue
                m = re.compile(r"(?:[\d,.]*\d)(?:[-–/.]\d+)*").match(text, i)
                i = m.end() if m else i + 1
                continue
            if ch.isalpha() and (i == 0 or not text[i - 1].isalnum()):
                got = self._at_word(i)
                if got:
                    found.extend(got)
                    i = max(q.end for q in got)
                    continue
                m = WORD.match(text, i)
                i = m.end() if m else i + 1
                continue
            i += 1
        return found

    # -------------------------------------------------- numbers in digits

    def _at_number(self, i: int, allow_range: bool = True) -> list[Found]:
        text = self.text
        prefix = un.match_currency_prefix(text, i)
        num = read_number(text, i)
        if num is None:
            return []
        if prefix:
            num.start, num.currency = prefix[0], prefix[1]
            if not num.scaled:
                read_scale(text, num)
        elif i > 0 and text[i - 1].isalpha():
            return []  # "S23", "cac40", "V10"
        if self._skip_number(num):
            return []
        fold = None if prefix or num.scaled else re.compile(r"-?fold\b", re.I).match(text, num.end)
        if fold:  # "a 3-fold rise", "grew 10fold": a factor, like "threefold"
            return [self._factor(num.start, fold.end(), num.value, text[num.start:fold.end()])]
        label = num.currency is None and is_label(text, num.digit_start, num.end)
        got = self._complete(num, allow_range=allow_range)
        if label and got and got[0].norm is None and not num.scaled:
            return []
        return got

    def _skip_number(self, num: Numeral) -> bool:
        text = self.text
        d0, end = num.digit_start, num.end
        after = text[end:end + 6]
        if _ORDINAL_SUFFIX.match(after) or re.match(r"'?s\b", after):
            return True  # "10th", "1990s", "80's"
        if re.match(r"[-–/]\d{2}\b", after) and re.fullmatch(r"\d{4}", text[d0:end]):
            return True  # "2014-15", "2019/20"
        if is_time(text, d0, end) or is_date_context(text, d0, end):
            return True
        if num.currency is None and is_address(text, end):
            return True
        if re.match(r"\d{3}-\d{4}", text[d0:d0 + 8]) or re.match(r"-\d{3}-\d{4}", after + "    "):
            return True  # phone numbers
        return False

    def _complete(self, num: Numeral, *, allow_range: bool = True) -> list[Found]:
        """Unit, modifiers, range and part-of-whole around a number already read."""
        text = self.text
        q = Found(start=num.start, end=num.end, value=num.value, num_start=num.digit_start,
                  num_end=num.end, scaled=num.scaled, kind=num.kind)
        if num.vague_high is not None:
            q.value_high = num.vague_high
            q.approximate = True
        if num.currency:
            q.unit, q.norm, q.dimension = (text[num.start:num.digit_start].strip(),
                                           num.currency.name, num.currency.dimension)
            q.unit_span = (num.start, num.digit_start)
            # "$500 US", "$31.20 US"
            m = re.match(r" (?:US\b(?!\$)|U\.S\.(?= ))", text[q.end:q.end + 6])
            if m and q.norm == "dollar":
                q.end += m.end()
        else:
            hit = read_unit(text, num.end, scaled=num.scaled)
            if hit and num.kind in ("fraction",) and not (
                    text[num.digit_start].isdigit() and hit.unit.dimension != "count"):
                hit = None  # "1/4 mile", "3/4 inch" keep their unit; "two-thirds" has none
            if num.kind == "fraction":
                # "1/16 of a US pint", "half a mile": a fraction of a unit is in that unit
                fm = re.match(r"\s+(?:of\s+)?(?:an?|one)\s+(?:(?:US|U\.S\.|imperial|metric)\s+)?",
                              text[num.end:num.end + 24], re.I)
                if fm:
                    hit = read_unit(text, num.end + fm.end() - 1)
                    if hit and hit.unit.dimension in ("time", "count"):
                        hit = hit if hit.unit.dimension == "time" else None
            hit = sense_of(text, num.end, hit) if num.kind != "fraction" else hit
            if hit and hit.unit.name == "penny" and hit.surface == "p" and num.scaled:
                hit = None
            if hit:
                q.unit, q.norm, q.dimension = hit.surface, hit.unit.name, hit.unit.dimension
                q.unit_span = (hit.start, hit.end)
                q.end = hit.end
                # "16 billion b": after a scale word, single letters stay units
                # currency after: "$ US", "euros"
        if q.norm:
            per = read_per(text, q.end)
            if per:
                q.end, denominator = per
                q.norm = f"{q.norm} per {denominator}"
                q.unit = text[q.unit_span[0]:q.end] if q.unit_span and q.unit_span[0] > q.num_end \
                    else (q.unit or "") + " per " + denominator
                q.dimension = f"{q.dimension}/{denominator}"
                q.rate = denominator if denominator in _TIME_UNITS else None
        if self._skip_completed(q, num):
            return []
        self._modifiers(q)
        results = [q]
        if allow_range:
            results = self._range(q, num) or results
        return results

    def _skip_completed(self, q: Found, num: Numeral) -> bool:
        text = self.text
        if q.norm is None and not num.currency and is_year(text, num, False):
            return True
        if q.dimension == "age" and not self.ages:
            return True  # "at 3 years of age" (lang/en/unit_forms.tsv), an age like "a 3-year-old"
        if q.dimension == "time":
            before = text[max(0, q.start - 40):q.start]
            after = text[q.end:q.end + 16]
            # "a 50-year-old", "15 year-old students", "65 years old"
            age = re.match(r"(?:-|\s)?old\b", after)
            if age:
                if not self.ages:
                    return True
                q.norm = f"{q.norm} of age"
                q.dimension = "age"
                q.end += age.end()
                return False
            if re.match(r"-", text[q.num_end:q.num_end + 1]) and q.kind == "number":
                # "a five-year $700000 award", "a two-month contract": a duration adjective
                return True
            if not self.time_offsets and re.match(
                    r"\s*(?:later|earlier|ago|after|before|since|from now|prior)\b", after):
                return True
            if re.search(r"\b(?:the|this|last|next|past|previous|coming|recent|first|final)\s+$",
                         before, re.I) and not self.time_offsets:
                # "in the past two years", "the last three months": time references
                return True
        if q.norm is None and lx.AGE_BEFORE.search(text[max(0, q.start - 12):q.start]):
            return True  # "aged 18 to 45" qualifies a population
        if q.norm is None and re.compile(r"\s*(?:-|–|to)\s*\d+\s*(?:years?\s*old)").match(text, q.end):
            return not self.ages
        if q.norm is None and re.search(r"\b(?:several|a few|few|many)\s+$",
                                        text[max(0, q.start - 12):q.start], re.I):
            return True  # "several hundred": too vague to read
        return False

    def _modifiers(self, q: Found) -> None:
        text = self.text
        before = text[max(0, q.start - 30):q.start]
        mod = lx.leading_modifier(before)
        if mod:
            kind, phrase = mod
            stripped = before.rstrip()
            idx = stripped.lower().rfind(phrase.strip())
            if kind == "approx":
                q.approximate = True
                q.approximator = phrase
            else:
                q.bound = kind
            q.start = max(0, q.start - len(before) + idx)
        elif re.search(r"\bsub-$", before, re.I):
            q.bound = "<"
            q.start -= 4
        after = text[q.end:q.end + 12]
        for phrases, kind in ((lx.TRAILING_LOWER, ">"), (lx.TRAILING_UPPER, "<"),
                              (lx.TRAILING_APPROX, "~")):
            for phrase in phrases:
                p = phrase if phrase[0] in "-+ " else " " + phrase
                if after.lower().startswith(p) and (len(after) == len(p) or
                                                    not after[len(p)].isalnum()):
                    if kind == "~":
                        q.approximate = True
                    elif q.bound is None:
                        q.bound = kind
                    q.end += len(p)
                    break
        if re.search(r"\bminus[- ]$", before, re.I) and q.value is not None:
            q.value = -q.value
            q.start = max(0, q.start - len(re.search(r"minus[- ]$", before, re.I).group()))

    def _range(self, q: Found, num: Numeral) -> list[Found] | None:
        """ "15 to 22 mph", "between $62 and $68", "from 31,000 to 87,000", "4.8 to 4.7 percent",
        "23 of Mexico's 32 states"; None when nothing follows."""
        text = self.text
        m = _RANGE_SEP.match(text, q.end if q.norm else num.end)
        if not m:
            return self._part_of(q, num)
        sep = m.group().strip().lower().strip("-")
        j = m.end()
        second = self._second_number(j)
        if second is None:
            return self._part_of(q, num)
        before = text[max(0, q.start - 12):q.start].lower()
        between = re.search(r"\bbetween\s*$", before)
        frm = re.search(r"\bfrom\s*$", before)
        if sep == "and" and not between:
            return None
        if sep == "or":
            return None
        if sep in ("-", "–", "—") and m.group().strip() not in ("-", "–", "—"):
            return None
        q2 = second[0]
        if q2.value is None or q.value is None:
            return None
        # units: shared in either direction ("15 to 22 mph", "from 208 pounds to 193"), a rate
        # on one side only ("between $62 and $68 per share"); other units make two quantities
        norm = q.norm or q2.norm
        if q.norm and q2.norm and q.norm != q2.norm:
            if q2.norm.startswith(q.norm + " per "):
                norm = q2.norm
            elif not q.norm.startswith(q2.norm + " per "):
                return None
        if sep in ("to", "through") and not frm and not between and q.norm and not q2.norm:
            return None  # "fell 0.4 per cent to 13176": an amount, then a level
        if sep in ("-", "–", "—") and not frm and q2.value <= q.value and not between:
            return None  # "9-2", "2-2": scores, not ranges
        if q.value == q2.value:
            return None
        # a shared scale: "from $10 to $15 billion", "four to five thousand"
        low = q.value
        scale = _scale_of(text, q2) if q2.scaled and not q.scaled else None
        if scale and q.value < q2.value / scale:
            low = q.value * scale
        r = replace(q)
        r.value, r.value_high = low, q2.value
        r.end = q2.end
        r.kind = "change" if frm and sep in ("to", "-", "–", "—") else "range"
        if frm:
            r.start = max(0, q.start - len(before) + frm.start())
            r.change = "up" if q2.value > low else "down"
        elif between:
            r.start = max(0, q.start - len(before) + between.start())
        if not r.norm and q2.norm:
            r.unit, r.norm, r.dimension, r.unit_span = q2.unit, q2.norm, q2.dimension, q2.unit_span
            r.rate = q2.rate
        elif norm != r.norm:
            r.unit, r.norm, r.dimension, r.rate = q2.unit, q2.norm, q2.dimension, q2.rate
        r.num_end = q2.num_end
        r.first_end = q.end
        r.approximate = q.approximate or q2.approximate
        r.bound = q.bound or q2.bound
        return [r]

    def _second_number(self, j: int) -> tuple[Found] | None:
        text = self.text
        prefix_end = j
        pm = re.compile(r"(?:US|HK|AU|NZ|A|S|C)?\s?[$€£¥]|PS(?=\d)|RM(?=\d)|Y=").match(text, j)
        if pm:
            prefix_end = pm.end()
        if prefix_end < len(text) and text[prefix_end].isdigit():
            if self._is_masked(prefix_end) is not None:
                return None
            # The second number may be a range itself ("from 24.2 to 33-35 billion euros"), but
            # only _MAX_RANGE_NESTING deep: "1 - 1 - 1 - ..." recursed once per number
            # (RecursionError past a thousand) and made such chains quadratic.
            self._range_nesting += 1
            try:
                got = self._at_number(prefix_end,
                                      allow_range=self._range_nesting <= _MAX_RANGE_NESTING)
            finally:
                self._range_nesting -= 1
            if got and len(got) >= 1 and got[0].num_start == prefix_end:
                return (got[0],)
            return None
        got = self._at_word(j, allow_range=False)
        return (got[0],) if got else None

    def _part_of(self, q: Found, num: Numeral) -> list[Found] | None:
        """ "23 of Mexico's 32 states", "8 of the 10 teams": the part counts what the whole does."""
        if q.norm or q.kind != "number":
            return None
        text = self.text
        m = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|"
                       r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*(?:'s|’s|')\s+)?"
                       r"(?:(?:nation|country|state|world|region)'s\s+)?").match(text, num.end)
        if not m:
            return None
        j = m.end()
        second = self._second_number(j) if j < len(text) else None
        if not second:
            return None
        whole = second[0]
        if whole.value is None or q.value is None or whole.norm or whole.kind != "number":
            return None
        q.kind = "part"
        q.whole = whole
        return [q, whole]

    # -------------------------------------------------- numbers in words

    def _at_word(self, i: int, allow_range: bool = True) -> list[Found]:
        text = self.text
        w = WORD.match(text, i)
        if not w:
            return []
        word = w.group().lower()
        if self.multiplicative_verbs and word in nw.MULTIPLICATIVE_VERB_FORMS:
            return [self._factor(i, w.end(), nw.MULTIPLICATIVES[word], word)]
        fold = nw.fold_value(word)
        if fold is not None:
            return [self._factor(i, w.end(), fold, word)]
        if word in ("no", "any", "every", "some", "each") and re.compile(r"\s+one\b").match(
                text, w.end()):
            return []
        if word == "one" and (re.compile(r"\s+another\b|-(?:on-one|off|time|way|stop|size|"
                                          r"liner|man|sided|two)\b", re.I).match(text, w.end())
                              or re.search(r"\b(?:no|any|every|some|each|the)\s+$",
                                           text[max(0, i - 8):i], re.I)):
            return []
        num = read_words(text, i)
        if num is None:
            return []
        if re.compile(r"-(?:thirds?|quarters?|halves|half)\b").match(text, num.end):
            return []
        # "three-quarters" handled above; "first" is an ordinal and never parsed
        hy = re.compile(r"-(year|month|week|day|hour|minute)s?-old\b", re.I).match(text, num.end)
        if hy and not self.ages:
            return []
        return self._complete(num, allow_range=allow_range)

    def _factor(self, start: int, end: int, value: float, word: str) -> Found:
        q = Found(start=start, end=end, value=value, num_start=start, num_end=end,
                  unit=word, norm="factor", dimension="factor", unit_span=(start, end),
                  kind="factor", change="down" if value < 1 else "up")
        self._modifiers(q)
        return q


def _scale_of(text: str, q: Found) -> float | None:
    seg = text[q.num_start:q.num_end]
    m = re.search(r"(hundred|thousand|million|billion|trillion)s?\b", seg, re.I)
    if m:
        return nw.SCALES[m.group(1).lower()]
    m = re.search(r"(bn|mn|mln|mil|bln|trn|tn|k|K|m|M|b|B)\s*$", seg)
    if m:
        return nw.SCALE_ABBREVIATIONS[m.group(1)]
    return None


def scan(text: str, **options) -> list[Found]:
    """Quantities in `text`, in order, before the parse has been consulted."""
    found = Scanner(text, **options).scan()
    # A numeral past the float range ("9" * 400, "1e300 trillion trillion") reads as infinity:
    # not a value anyone wrote, and not one JSON can carry.
    found = [q for q in found if finite(q.value) and finite(q.value_high)]
    found.sort(key=lambda q: (q.start, q.end))
    return found


def finite(value: float | None) -> bool:
    return value is None or math.isfinite(value)
