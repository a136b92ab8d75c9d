"""Rules for quarters, fiscal years, durations, "N units ago", sets, vague references, anaphora.

Business news talks in quarters: "the quarter", "the latest period" and "the year-earlier quarter"
refer back to the quarter mentioned last (`ctx.quarter_ref`); without one, the quarter before the
publication date is meant (results are reported after a quarter ends).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .base import Ctx, Norm, Rule, g, parse_number, pnorm, unknown
from .calendar import Point, duration_value, point, rank, shift, shift_point
from .lexicon import (
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    SET_ADVERBS,
    UNIT_PLURALS,
    UNITS,
    WEEKDAYS,
)
from .patterns import (
    APPROX,
    MONTH_NAME,
    NUM,
    NUM_RANGE,
    POINT_MOD,
    POSSESSIVE,
    SEASON,
    SET_ADVERB,
    UNIT_ANY,
    WEEKDAY_NAME,
    WS,
    YEAR,
    L,
    R,
    alt,
    compile_pattern,
)

POSS = r"(?:['’]s)"
_YEAR_REL = rf"(?:this|last|next){WS}year{POSS}"


def unit_of(word: str) -> str:
    word = word.lower()
    return UNIT_PLURALS.get(word, word)


def quarter_point(year: int, q: int) -> Point:
    return Point("quarter", date(year, 3 * (q - 1) + 1, 1))


def _explicit_year(text: str | None, dct: date | None) -> int | None:
    """A year named in a quarter's modifiers: 1989, fiscal 1990's, this year's, last year's."""
    if not text:
        return None
    m = re.search(r"(1[5-9]\d\d|20\d\d)", text)
    if m:
        return int(m.group(1))
    if dct is None:
        return None
    for word, step in (("this year", 0), ("last year", -1), ("next year", 1), ("the year", 0)):
        if word in text:
            return dct.year + step
    return None


_AGO_WORDS = ("year-ago", "year-earlier", "year ago", "year earlier", "prior-year", "year-before",
              "comparable", "corresponding")

# ---------------------------------------------------------------- quarters and halves

_QPRE = (rf"(?P<pre>(?:(?:fiscal|calendar|{YEAR}{POSS}?|{_YEAR_REL}|year-ago|year-earlier|"
         rf"prior-year|year-before|comparable|same|corresponding|current|latest|most{WS}recent)"
         rf"(?:{WS}|-)){{0,4}})")
QUARTER = compile_pattern(
    rf"{L}(?:(?P<the>the){WS})?{_QPRE}(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)"
    rf"(?:-|{WS})(?:(?:fiscal|calendar|period)(?:-|{WS}))?(?:quarter|qtr\.?)(?!s?\w)"
    rf"(?:{WS}(?:of|in){WS}(?:(?:fiscal|calendar){WS})?(?P<yr2>{YEAR}|this{WS}year|last{WS}year|"
    rf"next{WS}year|the{WS}year|fiscal{WS}{YEAR}))?")
QUARTER_SHORT = compile_pattern(
    rf"{L}(?:Q(?P<q1>[1-4])|(?P<q2>[1-4])Q)(?:{WS}?(?P<yr>{YEAR}|['’]?\d\d))?(?![\w-])")
QUARTER_REL = compile_pattern(
    rf"{L}(?:(?P<the>the){WS})?(?P<pre>(?:(?:fiscal|{YEAR}{POSS}?|{_YEAR_REL}|year-ago|"
    rf"year-earlier|prior-year|year-before|comparable|same|corresponding|just-ended|just{WS}ended|"
    rf"just-completed|latest|current|recent|most{WS}recent|past|last|previous|prior|preceding|"
    rf"next|coming|following|this|fourth-period)(?:{WS}|-)){{0,4}})(?P<what>quarter|period)"
    rf"(?!s\b|-|\w)(?:{WS}(?P<post>a{WS}year{WS}(?:ago|earlier)|last{WS}year|of{WS}{YEAR}|"
    rf"in{WS}{YEAR}))?")


def resolve_quarter(m: re.Match[str], ctx: Ctx) -> Norm | None:
    q = ORDINALS[g(m, "ord")]
    pre = (g(m, "pre") or "") + " " + (g(m, "yr2") or "")
    year = _explicit_year(pre, ctx.dct)
    if year is None:
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-Q{q}", "quarter", confidence=0.5)
        year = ctx.dct.year
        current_q = (ctx.dct.month - 1) // 3 + 1
        if q > current_q and ctx.direction <= 0:
            year -= 1  # "fourth-quarter profit" in January is last year's
    if any(w in pre for w in _AGO_WORDS):
        return pnorm(quarter_point(year - 1, q), confidence=0.8, anchor=False)
    return pnorm(quarter_point(year, q), confidence=0.9)


def resolve_quarter_short(m: re.Match[str], ctx: Ctx) -> Norm | None:
    q = int(m.group("q1") or m.group("q2"))
    yr = m.group("yr")
    if yr:
        digits = int(re.sub(r"\D", "", yr))
        year = digits if digits > 999 else (1900 + digits if digits > 50 else 2000 + digits)
    elif ctx.dct is not None:
        year = ctx.dct.year - (1 if q > (ctx.dct.month - 1) // 3 + 1 else 0)
    else:
        return Norm("DATE", f"XXXX-Q{q}", "quarter", confidence=0.5)
    return pnorm(quarter_point(year, q), confidence=0.8)


def resolve_quarter_rel(m: re.Match[str], ctx: Ctx) -> Norm | None:
    pre, what = (g(m, "pre") or "").replace("-", " "), g(m, "what")
    post = g(m, "post") or ""
    words = set(pre.split())
    if not words and not g(m, "the"):
        return None  # "quarter" alone: a fraction, a neighbourhood ...
    if what == "period" and not (words & {"latest", "year", "ago", "earlier", "comparable",
                                          "same", "corresponding", "ended", "just", "fiscal"}
                                 or re.search(r"\d{4}", pre)):
        return None  # "the period" alone is too vague
    if ctx.dct is None:
        return unknown("quarter")
    explicit = _explicit_year(pre + " " + post, ctx.dct)
    base = ctx.quarter_ref or point(shift(ctx.dct, "quarter", -1), "quarter")
    if words & {"current", "this"}:
        p = point(ctx.dct, "quarter")
    elif words & {"next", "coming", "following"}:
        p = shift_point(base if "following" in words else point(ctx.dct, "quarter"), "quarter", 1)
    elif words & {"previous", "prior", "preceding"} and "year" not in words:
        p = shift_point(base, "quarter", -1) if ctx.quarter_ref else base
    elif words & {"last", "past"} and "year" not in words:
        p = point(shift(ctx.dct, "quarter", -1), "quarter")
    else:
        p = base
    anchor = not (words & {"previous", "prior", "preceding"})
    if explicit is not None and not ("last year" in post or "ago" in post):
        anchor = anchor and explicit == p.d.year
        p = Point("quarter", date(explicit, p.d.month, 1))
    if any(w in pre for w in _AGO_WORDS) or "last year" in post or "ago" in post or \
            "earlier" in post:
        return pnorm(shift_point(p, "year", -1), confidence=0.6, anchor=False)
    return pnorm(p, confidence=0.6, anchor=anchor)


HALF = compile_pattern(
    rf"{L}(?:(?P<the>the){WS})?(?P<pre>(?:(?:fiscal|{YEAR}{POSS}?|{_YEAR_REL}|year-ago|"
    rf"year-earlier)(?:{WS}|-)){{0,4}})(?P<ord>first|second|latter|last|1st|2nd)(?P<hy>-|{WS})half"
    rf"(?:{WS}of{WS}(?:(?:fiscal|calendar){WS})?(?P<yr2>{YEAR}|this{WS}year|last{WS}year|"
    rf"next{WS}year|the{WS}year|the{WS}decade|the{WS}['’]?\d0s|the{WS}\d{{4}}s))?{R}")


def resolve_half(m: re.Match[str], ctx: Ctx) -> Norm | None:
    pre, yr2 = g(m, "pre") or "", g(m, "yr2")
    if m.group("hy") != "-" and not yr2 and not pre.strip():
        return None  # "the second half" of a match, a speech, ...
    if yr2 and ("decade" in yr2 or yr2.endswith("s")):
        digits = re.search(r"(\d+)0s", yr2)
        if digits:
            year = int(digits.group(1)) * 10
            year = year if year > 999 else 1900 + year
            return pnorm(Point("decade", date(year, 1, 1)), confidence=0.6)
        return None
    half = 1 if g(m, "ord") in ("first", "1st") else 2
    year = _explicit_year(pre + " " + (yr2 or ""), ctx.dct)
    if year is None:
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-H{half}", "half", confidence=0.4)
        year = ctx.dct.year
        if half == 2 and ctx.dct.month <= 6 and ctx.direction < 0:
            year -= 1
    if any(w in pre for w in _AGO_WORDS):
        year -= 1
    return pnorm(Point("half", date(year, 1 if half == 1 else 7, 1)), confidence=0.8)


FISCAL = compile_pattern(
    rf"{L}(?:(?P<pmod>{POINT_MOD})(?:{WS}|-))?(?:(?P<the>the){WS})?(?:(?P<rel>current|latest|last|previous|past|next|new|coming|"
    rf"prior|same|full|entire|whole|year-ago|year-earlier|following){WS})?"
    rf"(?P<kind>(?:fiscal|financial|calendar|budget|model|school|academic)(?:-|{WS}))?"
    rf"year(?!-|\w|{WS}(?:ago|earlier|later|before|after|or|\d|two))")


def resolve_fiscal(m: re.Match[str], ctx: Ctx) -> Norm | None:
    rel, kind = g(m, "rel"), g(m, "kind")
    the = g(m, "the") or (g(m, "pmod") or "").endswith("the")
    if rel is None and kind is None:
        if not the:
            return None
        before = ctx.before(25).lower()
        if re.search(r"\b(?:for|during|over|throughout|all|in the course of)\s*$", before):
            return Norm("DURATION", "P1Y", "year", confidence=0.6)
        if ctx.dct is None:
            return unknown("year")
        ref = ctx.ref if ctx.ref is not None and rank(ctx.ref.gran) <= rank("year") else None
        year = ref.d.year if ref is not None else ctx.dct.year
        return pnorm(Point("year", date(year, 1, 1)), confidence=0.5)
    if rel in ("full", "entire", "whole") and kind is None and not the:
        return None
    if rel is None and not the:
        return None  # "fiscal year" without a determiner is generic
    if ctx.dct is None:
        return unknown("year")
    step = {"last": -1, "previous": -1, "past": -1, "prior": -1, "year-ago": -1,
            "year-earlier": -1, "next": 1, "new": 1, "coming": 1, "following": 1}.get(rel or "", 0)
    return pnorm(Point("year", date(ctx.dct.year + step, 1, 1)), confidence=0.6)


# ---------------------------------------------------------------- durations and "ago"

DURATION = compile_pattern(
    rf"{L}(?:(?P<approx>{APPROX}){WS})?(?:(?P<det>the|these|those|{POSSESSIVE}|"
    rf"another|an{WS}additional|the{WS}first){WS})?(?:(?P<rel>past|last|next|coming|first|final|"
    rf"previous|latest|following|remaining|initial|ensuing|preceding|subsequent|full|entire|"
    rf"whole|other|additional|further|succeeding|intervening|closing|opening|early|same|"
    rf"latter|better{WS}part{WS}of{WS}the){WS})?(?P<num>{NUM_RANGE})(?:{WS}(?:more|additional|"
    rf"straight|consecutive|full|long|extra|short|further|successive|or{WS}so))?(?:-|{WS})"
    rf"(?P<unit>{UNIT_ANY})(?P<tail>(?:{WS}or{WS}so)?{WS}(?:ago|earlier|from{WS}now|hence|back)"
    rf"(?![\w-])|{WS}or{WS}so|{WS}and{WS}an?{WS}half|-long|-plus|{WS}running|"
    rf"{WS}in{WS}a{WS}row)?(?![\w-])")


def resolve_duration(m: re.Match[str], ctx: Ctx) -> Norm | None:
    unit = unit_of(m.group("unit"))
    num_text = g(m, "num")
    if re.search(r"\b(?:to|or|and)\b|[-–]\d|\d[-–]", num_text or "") and not \
            re.fullmatch(r"[a-z]+-[a-z]+", num_text or ""):
        amount = None  # "12 to 18 months": a range keeps its unknown digits
    else:
        amount = parse_number(num_text)
    tail = g(m, "tail") or ""
    if "half" in tail and amount is not None:
        amount += 0.5
    after = ctx.after(20).lower()
    if unit == "quarter" and (num_text in ("a", "an", "one") or (
            amount is not None and after.lstrip().startswith("of") and not rel_or_det(m))):
        return None  # "a quarter of", "three quarters of" are fractions
    if unit in ("second", "minute") and num_text in ("a", "an") and re.match(r"\s+[a-z]", after) \
            and not re.match(r"\s+(?:ago|later|earlier|or|and|before|after|to|of)\b", after):
        return None  # "a second term"
    if unit == "second" and num_text in ("the", "one") and re.match(r"\s+[a-z]", after):
        return None
    if re.match(r"[-\s]+old\b", after) and not tail:
        return None  # ages: "a 30-year-old", "two years old"
    direction = re.sub(r"^or so ", "", tail.strip())
    if direction in ("ago", "back", "earlier", "from now", "hence"):
        return _offset(m, ctx, unit, amount, direction)
    return Norm("DURATION", duration_value(amount, unit), unit if unit in UNITS else None,
                confidence=0.85 if amount is not None else 0.7)


def rel_or_det(m: re.Match[str]) -> bool:
    return bool(g(m, "det") or g(m, "rel"))


def _offset(m: re.Match[str], ctx: Ctx, unit: str, amount: float | None,
            direction: str) -> Norm | None:
    """'two days ago', 'a year earlier', 'three weeks from now': a date at the unit's grain."""
    sign = -1 if direction in ("ago", "back", "earlier") else 1
    if amount is None:
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", None, confidence=0.6)
    # A decade ago is a year ten years back: its digits are known, a decade's would be a guess.
    gran = {"second": "minute", "minute": "minute", "hour": "hour", "night": "day",
            "weekend": "week", "fortnight": "week", "decade": "year", "century": "year",
            "millennium": "year"}.get(unit, unit)
    n = amount * {"fortnight": 2, "millennium": 10}.get(unit, 1)
    step_unit = {"fortnight": "week", "millennium": "century", "night": "day"}.get(unit, unit)
    if gran in ("minute", "hour"):
        return Norm("DATE" if gran == "hour" else "TIME", None, gran, confidence=0.3) \
            if ctx.dct is None else pnorm(point(ctx.dct, "day"), "DATE", 0.5)
    if n != int(n):
        n, step_unit = n * {"year": 12, "month": 30, "week": 7, "day": 1}.get(step_unit, 1), \
            {"year": "month", "month": "day", "week": "day"}.get(step_unit, step_unit)
    n = int(n)
    anchor: Point | None = None
    if direction in ("earlier", "later"):
        anchor = ctx.ref
    if unit == "year" and n == 1 and ctx.quarter_ref is not None:
        anchor = ctx.quarter_ref  # "a year earlier" next to a quarter: that quarter a year back
    if anchor is not None and rank(anchor.gran) <= rank(gran):
        return pnorm(shift_point(anchor, step_unit, sign * n), confidence=0.6, anchor=False)
    if ctx.dct is None:
        return unknown(gran)
    d = shift(ctx.dct, step_unit, sign * n)
    return pnorm(point(d, gran), confidence=0.75)


YEAR_AGO = compile_pattern(
    rf"{L}(?:(?P<the>the){WS})?(?:(?:comparable|same|corresponding){WS})?(?P<adj>year|month|"
    rf"week)-(?:ago|earlier|before)(?:{WS}(?P<what>period))?(?![\w-])")


def resolve_year_ago(m: re.Match[str], ctx: Ctx) -> Norm | None:
    unit = g(m, "adj")
    if ctx.dct is None:
        return unknown(unit)
    if unit == "year" and ctx.quarter_ref is not None:
        return pnorm(shift_point(ctx.quarter_ref, "year", -1), confidence=0.6, anchor=False)
    return pnorm(point(shift(ctx.dct, unit, -1), unit), confidence=0.6, anchor=False)


BARE_UNITS = compile_pattern(
    rf"{L}(?:(?P<pre>recent|coming|the{WS}coming|the{WS}past|the{WS}last|the{WS}next|"
    rf"the{WS}following|the{WS}previous|the{WS}early|the{WS}first|the|past)"
    rf"{WS})?(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes|quarters)"
    rf"(?P<post>{WS}(?:ahead|to{WS}come|ago|earlier|later|on{WS}end)|-long)?(?![\w-])")
_BARE_CONTEXT = re.compile(
    r"(?:\b(?:for|in|within|over|after|took|take|takes|taking|lasted|last|lasts|lasting|spent|"
    r"spend|spends|spending|waited|wait|waiting|than|by|about|of|few)\s+)$", re.I)


def resolve_bare_units(m: re.Match[str], ctx: Ctx) -> Norm | None:
    unit = unit_of(m.group("unit"))
    pre, post = g(m, "pre") or "", g(m, "post") or ""
    if not pre and not post and not _BARE_CONTEXT.search(ctx.before(15)):
        return None
    if unit == "quarter" and pre not in ("recent", "coming", "the coming", "the past", "past",
                                         "the last", "the next", "the previous"):
        return None
    if re.match(r"\s*-?\s*old\b", ctx.after(8), re.I):
        return None
    if post in ("ago", "earlier"):
        return Norm("DATE", "PAST_REF", None, confidence=0.5)
    return Norm("DURATION", duration_value(None, unit), unit, confidence=0.6)


# ---------------------------------------------------------------- sets

SET_ADV = compile_pattern(rf"{L}(?P<adv>{SET_ADVERB}){R}")
SET_EVERY = compile_pattern(
    rf"{L}(?P<q>every|each|per)(?:{WS}(?:other|single))?{WS}(?:(?P<num>{NUM}){WS})?"
    rf"(?P<unit>{UNIT_ANY}|{WEEKDAY_NAME}|{MONTH_NAME}|morning|afternoon|evening|night|{SEASON})"
    rf"(?![\w-])")
SET_FREQ = compile_pattern(
    rf"{L}(?:(?P<freq>once|twice|thrice|(?:\d+|{NUM}){WS}times){WS})?(?P<q>a|an|per){WS}"
    rf"(?P<unit>second|minute|hour|day|night|week|month|year|decade)(?![\w-])")
SET_WEEKDAYS = compile_pattern(
    rf"{L}(?P<wd>{alt(WEEKDAYS)})"
    rf"(?:s|{WS}(?P<pod>mornings|afternoons|evenings|nights))(?![\w'’-])")
SET_PER_ANNUM = compile_pattern(rf"{L}per{WS}annum{R}")


def check_set_adverb(m: re.Match[str], parse) -> bool:
    """'quarterly' in 'its quarterly dividend' describes a noun; only the adverb is a set."""
    toks = parse.tokens(m.start(), m.end())
    return not toks or toks[0].dep_ != "amod"


def resolve_set_adverb(m: re.Match[str], ctx: Ctx) -> Norm | None:
    value, gran = SET_ADVERBS[g(m, "adv")]
    return Norm("SET", value, gran, confidence=0.8)


def resolve_set_every(m: re.Match[str], ctx: Ctx) -> Norm | None:
    word = g(m, "unit")
    amount = parse_number(g(m, "num")) if g(m, "num") else 1
    if word in WEEKDAYS:
        return Norm("SET", f"XXXX-WXX-{WEEKDAYS[word] + 1}", "day", confidence=0.8)
    if word in MONTHS:
        return Norm("SET", f"XXXX-{MONTHS[word]:02d}", "month", confidence=0.8)
    if word in SEASONS:
        return Norm("SET", f"XXXX-{SEASONS[word]}", "season", confidence=0.8)
    if word in PARTS_OF_DAY:
        return Norm("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[word]}", "day", confidence=0.8)
    unit = unit_of(word)
    if unit == "quarter" and amount == 1:
        return Norm("SET", "P1Q", "quarter", confidence=0.8)
    return Norm("SET", duration_value(amount, unit), unit, confidence=0.8)


def check_set_freq(m: re.Match[str], doc) -> bool:
    """'a year' is a set only after a rate: '$5 a year', '10 percent a year', 'twice a week'."""
    if m.group("freq"):
        return True
    if m.group("q").lower() == "per":
        return True
    before = m.string[max(0, m.start() - 60):m.start()]
    return bool(re.search(
        r"(?:\d[\d,.]*\s*(?:%|percent|(?:million|billion|trillion|thousand|hundred)\b)?|"
        r"\$\s?\d[\d,.]*(?:\s*(?:million|billion|trillion))?|times)"
        r"(?:\s+[a-z]+){0,2}\s*$", before, re.I))


def resolve_set_freq(m: re.Match[str], ctx: Ctx) -> Norm | None:
    unit = unit_of(g(m, "unit"))
    return Norm("SET", duration_value(1, unit), unit, confidence=0.7)


def resolve_set_weekdays(m: re.Match[str], ctx: Ctx) -> Norm | None:
    if m.group("wd")[0].islower():
        return None
    wd = WEEKDAYS[g(m, "wd")] + 1
    pod = g(m, "pod")
    suffix = f"T{PARTS_OF_DAY[pod.rstrip('s')]}" if pod else ""
    return Norm("SET", f"XXXX-WXX-{wd}{suffix}", "day", confidence=0.7)


# ---------------------------------------------------------------- vague references

REF = compile_pattern(
    rf"{L}(?P<w>(?:right{WS})?now|currently|presently|nowadays|these{WS}days|the{WS}present|"
    rf"recently|lately|the{WS}past|formerly|the{WS}(?:near|short|long){WS}term|"
    rf"(?:the{WS})?(?:near|distant|foreseeable|immediate){WS}future|the{WS}future|"
    rf"(?<=in )future|as{WS}soon{WS}as{WS}possible|current)(?![\w-])")
_REF_VALUES = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "presently": "PRESENT_REF",
               "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
               "the present": "PRESENT_REF", "current": "PRESENT_REF",
               "recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
               "formerly": "PAST_REF", "recent": "PAST_REF", "previously": "PAST_REF",
               "earlier": "PAST_REF", "once": "PAST_REF", "soon": "FUTURE_REF"}


def resolve_ref(m: re.Match[str], ctx: Ctx) -> Norm | None:
    w = g(m, "w")
    value = _REF_VALUES.get(w.split()[-1] if w.endswith("now") else w, "FUTURE_REF")
    return Norm("DATE", value, None, confidence=0.6)


# ---------------------------------------------------------------- anaphora

ANAPHOR = compile_pattern(
    rf"{L}(?:(?P<pmod>earlier|later|early|late)(?:{WS}))?(?P<det>that|the{WS}same|that{WS}same|"
    rf"the{WS}very|the{WS}next|the{WS}following|the{WS}previous|the{WS}prior|the{WS}preceding|"
    rf"the{WS}day{WS}before|the{WS}day{WS}after){WS}"
    rf"(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|quarter|year)(?![\w-])")
DAY_BEFORE = compile_pattern(
    rf"{L}the{WS}(?P<unit>day|night|week|month|year)(?={WS}(?P<dir>before|after|earlier|later)\b)")
_ANAPHOR_STEP = {"the next": 1, "the following": 1, "the previous": -1, "the prior": -1,
                 "the preceding": -1, "the day before": -1, "the day after": 1}


def resolve_anaphor(m: re.Match[str], ctx: Ctx) -> Norm | None:
    det, unit = g(m, "det"), g(m, "unit")
    pod = PARTS_OF_DAY.get(unit)
    gran = "day" if pod or unit == "day" else ("week" if unit == "weekend" else unit)
    ref = ctx.ref_at_least(gran)
    type_ = "TIME" if pod else "DATE"
    if unit == "quarter" and ctx.quarter_ref is not None:
        ref = ctx.quarter_ref
    if ref is None and det in ("the next", "the following") and ctx.dct is not None and \
            gran != "day":
        ref = point(ctx.dct, gran)  # "the next year" with nothing before it: after the DCT
    if ref is None:
        return unknown(gran, type_, ctx.ref)
    step = _ANAPHOR_STEP.get(det, 0)
    if det in ("the day before", "the day after"):
        d = ref.d + timedelta(days=step)
        return pnorm(point(d, "day", part_of_day=pod), type_, 0.5)
    d = shift(ref.d, gran, step)
    return pnorm(point(d, gran, part_of_day=pod, weekend=unit == "weekend"), type_, 0.5)


def resolve_day_before(m: re.Match[str], ctx: Ctx) -> Norm | None:
    unit = g(m, "unit")
    gran = "day" if unit in ("day", "night") else unit
    ref = ctx.ref_at_least(gran)
    if ref is None or ctx.dct is None:
        return unknown(gran, ref=ctx.ref)
    step = -1 if g(m, "dir") in ("before", "earlier") else 1
    return pnorm(point(shift(ref.d, gran, step), gran), confidence=0.4)


YEAR_END = compile_pattern(
    rf"{L}(?:(?:around|about){WS})?(?:(?:the{WS})?(?:end|close){WS}of{WS}(?P<rel>the|this|next|last)"
    rf"{WS}year|(?:the{WS})?year(?:-|{WS})end|year['’]s{WS}end)(?![\w-])")


def resolve_year_end(m: re.Match[str], ctx: Ctx) -> Norm | None:
    if ctx.dct is None:
        return unknown("year")
    step = {"next": 1, "last": -1}.get(g(m, "rel") or "", 0)
    return pnorm(Point("year", date(ctx.dct.year + step, 1, 1)), confidence=0.7)


THE_UNIT = compile_pattern(
    rf"{L}(?:(?P<pmod>{POINT_MOD}){WS})?the{WS}(?P<unit>day|week|month)(?![\w-]|{WS}(?:of|before|"
    rf"after|earlier|later|ago|ahead|or|and)\b)")


def resolve_the_unit(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """'the week', 'the end of the month', and 'the day' in 'later in the day': the unit of the
    reference time, or of the DCT."""
    unit = g(m, "unit")
    if unit == "day" and not re.search(r"\b(?:earlier|later|early|late)\s+(?:in|during)\s+$",
                                       ctx.before(20), re.I):
        return None
    if ctx.dct is None:
        return unknown(unit)
    ref = ctx.ref_at_least(unit) if unit == "day" else None
    return pnorm(point(ref.d if ref else ctx.dct, unit), confidence=0.5)



RULES = [
    Rule("quarter", QUARTER, resolve_quarter),
    Rule("quarter_short", QUARTER_SHORT, resolve_quarter_short),
    Rule("quarter_rel", QUARTER_REL, resolve_quarter_rel),
    Rule("half", HALF, resolve_half),
    Rule("fiscal_year", FISCAL, resolve_fiscal),
    Rule("year_ago", YEAR_AGO, resolve_year_ago),
    Rule("set_adverb", SET_ADV, resolve_set_adverb, check=check_set_adverb),
    Rule("set_every", SET_EVERY, resolve_set_every),
    Rule("set_freq", SET_FREQ, resolve_set_freq, check=check_set_freq),
    Rule("set_weekdays", SET_WEEKDAYS, resolve_set_weekdays),
    Rule("duration", DURATION, resolve_duration),
    Rule("bare_units", BARE_UNITS, resolve_bare_units),
    Rule("per_annum", SET_PER_ANNUM, lambda m, ctx: Norm("SET", "P1Y", "year", confidence=0.8)),
    Rule("year_end", YEAR_END, resolve_year_end),
    Rule("the_unit", THE_UNIT, resolve_the_unit),
    Rule("anaphor", ANAPHOR, resolve_anaphor),
    Rule("day_before", DAY_BEFORE, resolve_day_before),
    Rule("ref", REF, resolve_ref),
]
