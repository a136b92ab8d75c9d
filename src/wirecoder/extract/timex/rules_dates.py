"""Rules for calendar points: explicit dates, months, weekdays, years, decades, clock times.

Each rule is a pattern and a resolver; a resolver turns a match into a `Norm` using the DCT and
the tense of the clause (`ctx.direction`): "on Monday" in a past-tense clause is the Monday on or
before the publication date, in a future clause ("will ... on Monday") the one on or after it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ...lang.en import numbers
from .base import (
    Ctx,
    Norm,
    Rule,
    day_number,
    g,
    month_number,
    pnorm,
    two_digit_year,
    unknown,
)
from .calendar import (
    Point,
    day_year,
    easter,
    month_year,
    nearest_season,
    nth_weekday,
    point,
    season_of,
    season_point,
    shift,
    weekday_date,
)
from .lexicon import (
    DECADE_WORDS,
    HOLIDAYS,
    NUMBER_WORDS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    WEEKDAY_ABBR,
    WEEKDAYS,
)
from .patterns import (
    AMPM,
    DAY,
    DECADE_WORD,
    MONTH,
    MONTH_ABBREV,
    MONTH_NAME,
    ORDINAL,
    PART_OF_DAY,
    POD_WORDS,
    POINT_MOD,
    REL_MOD,
    SEASON,
    SPELLED_YEAR,
    TIMEZONE,
    WEEKDAY_ABBREV,
    WEEKDAY_NAME,
    WS,
    YEAR,
    YEAR2,
    L,
    R,
    alt,
    compile_pattern,
)

POSS = r"(?:'s|’s)"


def weekday_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return WEEKDAYS[word] if word in WEEKDAYS else WEEKDAY_ABBR[word]


def year_of(text: str | None, dct: date | None) -> int | None:
    if not text:
        return None
    text = text.strip()
    if text[0] in "'’":
        return two_digit_year(int(text[1:]), dct)
    if text.isdigit():
        return int(text)
    return spelled_year(text)


def spelled_year(text: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and one' -> 2001."""
    words = text.lower().replace("-", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + sum(NUMBER_WORDS.get(w, 0) for w in rest)
    if words and words[0] == "nineteen":
        rest = [w for w in words[1:] if w != "oh"]
        return 1900 + sum(NUMBER_WORDS.get(w, 0) for w in rest)
    return None


def explicit_day(year: int | None, month: int, day: int, ctx: Ctx) -> Norm | None:
    """A month-day with or without a year; the year comes from the DCT and the tense."""
    if year is None:
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-{month:02d}-{day:02d}", "day", confidence=0.5)
        year = day_year(ctx.dct, month, day, ctx.direction)
        if year is None:
            return None
        confidence = 0.85
    else:
        confidence = 0.95
    try:
        d = date(year, month, day)
    except ValueError:
        return None
    return pnorm(point(d, "day"), confidence=confidence)


def part_of_day(word: str | None) -> str | None:
    if not word:
        return None
    return PARTS_OF_DAY.get(word.lower().replace("-", " ").split()[-1])


# ---------------------------------------------------------------- explicit dates

ISO = compile_pattern(rf"{L}(?P<year>1[5-9]\d\d|20\d\d)-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01]){R}")
SLASH = compile_pattern(
    rf"{L}(?P<month>0?[1-9]|1[0-2])/(?P<day>0?[1-9]|[12]\d|3[01])/(?P<year>(?:19|20)\d\d|\d\d)(?![\w/-])")


def resolve_numeric(m: re.Match[str], ctx: Ctx) -> Norm | None:
    year = int(m.group("year"))
    if year < 100:
        year = two_digit_year(year, ctx.dct)
    return explicit_day(year, int(m.group("month")), int(m.group("day")), ctx)


_WD_PREFIX = rf"(?:(?P<wd>{WEEKDAY_NAME}|{WEEKDAY_ABBREV}),?{WS})?"
_WEEK_OF = rf"(?:(?P<weekof>(?:the{WS})?week{WS}of){WS})?"
_POINT_PREFIX = rf"(?:(?P<pmod>{POINT_MOD})(?:-|{WS}))?"
SECOND_DAY = compile_pattern(
    rf"(?<=\d)(?:{WS}(?:and|or|to|through){WS}|-|–)(?P<day>{DAY})(?:,?{WS}(?P<year>{YEAR}))?"
    rf"(?![\w%]|{WS}?percent\b)")
MDY = compile_pattern(
    rf"{L}{_WEEK_OF}{_WD_PREFIX}{_POINT_PREFIX}(?P<month>{MONTH}){WS}?(?P<day>{DAY})"
    rf"(?:,?{WS}(?P<year>{YEAR}|{YEAR2})|,(?P<year_tight>{YEAR}))?(?!{WS}?(?:%|percent\b))")
DMY = compile_pattern(
    rf"{L}{_WEEK_OF}{_WD_PREFIX}(?:the{WS})?(?P<day>{DAY})(?:{WS}of)?{WS}(?P<month>{MONTH})"
    rf"(?:,?{WS}(?P<year>{YEAR}))?{R}")


def resolve_mdy(m: re.Match[str], ctx: Ctx) -> Norm | None:
    year = year_of(m.group("year") or m.groupdict().get("year_tight"), ctx.dct)
    norm = explicit_day(year, month_number(m.group("month")), day_number(m.group("day")), ctx)
    if norm is None:
        return None
    if g(m, "weekof") and norm.point is not None:
        p = point(norm.point.d, "week")
        return pnorm(p, confidence=norm.confidence)
    return norm


# ---------------------------------------------------------------- months and years

MONTH_YEAR = compile_pattern(
    rf"{L}(?:(?:(?P<the>the){WS})?(?P<rel>last|next|this|coming|past|previous|following)"
    rf"{WS})?{_POINT_PREFIX}(?P<month>{MONTH_NAME}|{MONTH_ABBREV})"
    rf"(?:,?{WS}(?:of{WS})?(?P<year>{YEAR}|{YEAR2}|{SPELLED_YEAR})|"
    rf"{WS}(?P<rely>this|last|next){WS}year|(?!{WS}?\d))(?![\w-])")


def resolve_month(m: re.Match[str], ctx: Ctx) -> Norm | None:
    month = month_number(m.group("month"))
    year = year_of(m.group("year"), ctx.dct)
    rel, rely = g(m, "rel"), g(m, "rely")
    if year is None and ctx.dct is None:
        return Norm("DATE", f"XXXX-{month:02d}", "month", confidence=0.5)
    confidence = 0.95
    if year is None and rely:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[rely]
    elif year is None and rel in ("last", "past", "previous"):
        if g(m, "the") and rel == "previous" and ctx.ref is not None:
            base = ctx.ref.d
        else:
            base = ctx.dct
        year = base.year if month < base.month else base.year - 1
    elif year is None and rel in ("next", "coming", "following"):
        year = ctx.dct.year if month > ctx.dct.month else ctx.dct.year + 1
    elif year is None and rel == "this":
        year = ctx.dct.year
    elif year is None:
        year = month_year(ctx.dct, month, ctx.direction)
        confidence = 0.8
    return pnorm(Point("month", date(year, month, 1)), confidence=confidence)


YEAR_RULE = compile_pattern(
    rf"{L}(?:(?P<pre>(?:the{WS})?(?:calendar{WS})?year|{POINT_MOD}|fiscal|FY|calendar)"
    rf"(?:-|{WS}))?(?P<year>{YEAR})(?P<post>{WS}or{WS}(?:later|earlier|before|after|so))?{R}")
SPELLED = compile_pattern(rf"{L}(?:(?:the{WS})?year{WS})?(?P<year>{SPELLED_YEAR}){R}")


def resolve_year(m: re.Match[str], ctx: Ctx) -> Norm | None:
    year = year_of(m.group("year"), ctx.dct)
    if year is None:
        return None
    return pnorm(Point("year", date(year, 1, 1)), confidence=0.9)


DECADE = compile_pattern(
    rf"{L}(?:the{WS})?(?:(?P<pmod>{POINT_MOD})(?:-|{WS}))?"
    rf"(?P<dec>(?:1[5-9]|20)\d0|['’]\d0)['’]?s(?![\w-])")
DECADE_WORDS_RULE = compile_pattern(
    rf"{L}the{WS}(?:(?:early|mid|late)(?:-|{WS}))?(?:nineteen(?:-|{WS}))?(?P<decw>{DECADE_WORD}){R}")


def resolve_decade(m: re.Match[str], ctx: Ctx) -> Norm | None:
    dec = m.groupdict().get("dec")
    if dec:
        if dec[0] in "'’":
            year = two_digit_year(int(dec[1:]), ctx.dct)
            if ctx.dct is not None and year > ctx.dct.year:
                year -= 100
        else:
            year = int(dec)
    else:
        year = 1900 + 10 * DECADE_WORDS[m.group("decw").lower()]
    return pnorm(Point("decade", date(year, 1, 1)), confidence=0.9)


CENTURY = compile_pattern(
    rf"{L}(?:the{WS})?(?:(?P<pmod>{POINT_MOD})(?:-|{WS}))?"
    rf"(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL}|twenty(?:-|{WS})first)(?:-|{WS})century{R}")


def resolve_century(m: re.Match[str], ctx: Ctx) -> Norm | None:
    word = " ".join(m.group("ord").lower().replace("-", " ").split())
    n = 21 if word == "twenty first" else (ORDINALS.get(word) or int(re.sub(r"\D", "", word)))
    if word in ("last", "final"):
        return None
    return pnorm(Point("century", date(max(n - 1, 0) * 100 or 1, 1, 1)), confidence=0.9)


# ---------------------------------------------------------------- weekdays and days

WEEKDAY = compile_pattern(
    rf"{L}(?:(?P<the>the){WS})?(?:(?P<rel>last|next|this(?:{WS}(?:past|coming))?|coming|past|"
    rf"previous|following|same){WS})?(?:(?P<pmod>{REL_MOD})(?:-|{WS}))?(?P<wd>{WEEKDAY_NAME})"
    rf"(?:{WS}(?P<pod>{PART_OF_DAY}))?(?!-)")


def resolve_weekday(m: re.Match[str], ctx: Ctx) -> Norm | None:
    wd = weekday_number(m.group("wd"))
    pod = part_of_day(g(m, "pod"))
    type_ = "TIME" if pod else "DATE"
    if ctx.dct is None:
        return Norm(type_, f"XXXX-WXX-{wd + 1}" + (f"T{pod}" if pod else ""), "day",
                    confidence=0.4)
    rel = g(m, "rel")
    rel = {"this past": "last", "this coming": "next"}.get(rel or "", rel)
    confidence = 0.85
    if rel in ("last", "past"):
        d = weekday_date(ctx.dct, wd, -1, include_today=False)
    elif rel in ("next", "coming"):
        d = weekday_date(ctx.dct, wd, +1, include_today=False)
    elif rel == "this":
        d = ctx.dct - timedelta(days=ctx.dct.weekday()) + timedelta(days=wd)
    elif rel in ("previous", "following", "same") and ctx.ref_at_least("week") is not None:
        base = ctx.ref.d
        d = weekday_date(base, wd, {"previous": -1, "following": 1, "same": 0}[rel],
                         include_today=rel == "same")
    else:
        direction = ctx.direction
        d = weekday_date(ctx.dct, wd, direction)
        confidence = 0.85 if direction else 0.6
    return pnorm(point(d, "day", part_of_day=pod), type_, confidence)


RELDAY = compile_pattern(
    rf"{L}(?:(?P<pmod>{REL_MOD})(?:-|{WS}))?(?P<rd>today|tomorrow|yesterday|tonight|"
    rf"the{WS}day{WS}before{WS}yesterday|the{WS}day{WS}after{WS}tomorrow)"
    rf"(?:{WS}(?P<pod>{PART_OF_DAY}))?{R}(?!{POSS}?{WS}?(?:show|program|newspaper))")
POD_RULE = compile_pattern(
    rf"{L}(?:(?P<pmod>{REL_MOD})(?:-|{WS}))?(?:(?P<rel>this|last|yesterday|tomorrow|the{WS}same|"
    rf"that|early|late|mid|the{WS}next|the{WS}following|the{WS}previous)(?:-|{WS}))?"
    rf"(?P<pod>{POD_WORDS})(?:{WS}(?P<day>yesterday|today|tomorrow|{WEEKDAY_NAME}))?{R}")
_RELDAY_OFFSET = {"today": 0, "tonight": 0, "tomorrow": 1, "yesterday": -1,
                  "the day before yesterday": -2, "the day after tomorrow": 2}


def resolve_relday(m: re.Match[str], ctx: Ctx) -> Norm | None:
    rd = g(m, "rd")
    pod = part_of_day(g(m, "pod")) or ("NI" if rd == "tonight" else None)
    type_ = "TIME" if pod else "DATE"
    if ctx.dct is None:
        return unknown("day", type_)
    d = ctx.dct + timedelta(days=_RELDAY_OFFSET[rd])
    return pnorm(point(d, "day", part_of_day=pod), type_, 0.9)


def resolve_pod(m: re.Match[str], ctx: Ctx) -> Norm | None:
    pod_word = g(m, "pod")
    pod = part_of_day(pod_word)
    rel, day = g(m, "rel"), g(m, "day")
    bare = rel is None and day is None and g(m, "pmod") is None
    if bare and pod_word not in ("tonight", "overnight", "midday"):
        return None  # "morning" alone is not anchored
    if ctx.dct is None:
        return unknown("day", "TIME")
    if day in _RELDAY_OFFSET:
        d = ctx.dct + timedelta(days=_RELDAY_OFFSET[day])
    elif day:
        d = weekday_date(ctx.dct, weekday_number(day), ctx.direction)
    elif rel in ("last",) and pod_word in ("night", "evening"):
        d = ctx.dct - timedelta(days=1)
    elif rel in ("yesterday", "tomorrow"):
        d = ctx.dct + timedelta(days=_RELDAY_OFFSET[rel])
    elif rel in ("that", "the same") or rel in ("the next", "the following", "the previous"):
        ref = ctx.ref_at_least("day")
        if ref is None:
            return unknown("day", "TIME")
        d = ref.d + timedelta(days={"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0))
    elif rel == "last":
        return None  # "last morning" is not an expression
    else:
        d = ctx.dct
    value_pod = "NI" if pod_word == "overnight" else pod
    if pod_word == "midday":
        return pnorm(point(d, "day", clock=(12, 0)), "TIME", 0.8)
    return pnorm(point(d, "day", part_of_day=value_pod), "TIME", 0.8)


# ---------------------------------------------------------------- clock times

# "one" to "twelve" -> the hour
_HOUR_WORDS = {w: v for w, v in numbers("number_words", "value", kind="count").items() if 1 <= v <= 12}
CLOCK = compile_pattern(
    rf"{L}(?:(?P<approx>about|around|approximately|roughly|shortly{WS}(?:before|after)|just"
    rf"{WS}(?:before|after)){WS})?(?:"
    rf"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?{WS}?(?P<ampm>{AMPM})"
    rf"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![\d:])"
    rf"|(?P<noon>noon|midnight)"
    rf"|(?P<hoc>\d{{1,2}}|{alt(_HOUR_WORDS)}){WS}o['’]clock"
    rf"|(?P<hmo>\d{{1,2}}|{alt(_HOUR_WORDS)}){WS}in{WS}the{WS}(?P<podm>morning|afternoon|evening|night))"
    rf"(?:{WS}(?P<tz>{TIMEZONE}))?(?:{WS}in{WS}the{WS}(?P<pod2>morning|afternoon|evening|night))?"
    rf"(?:,?{WS}(?P<dayx>today|tomorrow|yesterday|tonight|{WEEKDAY_NAME}|"
    rf"{MONTH}{WS}?(?P<dd>{DAY})(?:,?{WS}(?P<dy>{YEAR}))?))?(?!\w)")


def resolve_clock(m: re.Match[str], ctx: Ctx) -> Norm | None:
    gd = m.groupdict()
    minute: int | None = None
    if gd.get("h"):
        hour = int(gd["h"])
        minute = int(gd["mi"]) if gd.get("mi") else None
        pm = gd["ampm"].lower().startswith("p")
        if hour > 12 or hour == 0:
            return None
        hour = hour % 12 + (12 if pm else 0)
    elif gd.get("h24"):
        hour, minute = int(gd["h24"]), int(gd["mi24"])
        if not gd.get("tz") and not re.search(
                r"\b(?:at|by|until|till|from|after|before|around|about|since|to)\s*$",
                ctx.before(12), re.I):
            return None  # 2:30 alone may be a ratio or a score
    elif gd.get("noon"):
        if re.search(r"\bhigh\s*$", ctx.before(6), re.I):
            return None  # "High Noon"
        hour, minute = (12, 0) if gd["noon"].lower() == "noon" else (24, 0)
    else:
        word = (gd.get("hoc") or gd.get("hmo") or "").lower()
        hour = int(word) if word.isdigit() else _HOUR_WORDS[word]
        if hour > 12:
            return None
        pod = (gd.get("podm") or gd.get("pod2") or "").lower()
        if pod in ("afternoon", "evening") or (pod == "night" and hour >= 6):
            hour = hour % 12 + 12
    day = _clock_day(m, ctx)
    if day is None:
        if ctx.dct is None:
            return Norm("TIME", f"XXXX-XX-XXT{hour:02d}:{minute or 0:02d}",
                        "minute" if minute is not None else "hour", confidence=0.5)
        return None
    return pnorm(point(day, "day", clock=(hour, minute)), "TIME", 0.85)


def _clock_day(m: re.Match[str], ctx: Ctx) -> date | None:
    dayx = g(m, "dayx")
    if ctx.dct is None:
        return None
    if not dayx:
        return ctx.dct
    if dayx in _RELDAY_OFFSET:
        return ctx.dct + timedelta(days=_RELDAY_OFFSET[dayx])
    if dayx in WEEKDAYS:
        return weekday_date(ctx.dct, WEEKDAYS[dayx], ctx.direction)
    month_word = dayx.split()[0]
    year = year_of(m.group("dy"), ctx.dct)
    norm = explicit_day(year, month_number(month_word), day_number(m.group("dd")), ctx)
    return norm.point.d if norm and norm.point else None


# ---------------------------------------------------------------- relative units

REL_UNIT = compile_pattern(
    rf"{L}(?:(?P<pmod>{REL_MOD})(?:-|{WS}))?(?:(?P<the>the){WS})?(?P<rel>last|next|"
    rf"this(?:{WS}(?:past|coming))?|coming|past|previous|current|following|upcoming|present|same|"
    rf"prior|preceding|latest)"
    rf"(?:{WS}(?P<kind>fiscal|calendar|school|academic|financial))?{WS}"
    rf"(?P<unit>week|weekend|month|year|decade|century|{SEASON})(?![\w-]|{WS}(?:or|and){WS}(?:two|so))")
_REL_STEP = {"last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1, "latest": -1,
             "next": 1, "coming": 1, "upcoming": 1, "following": 1,
             "this": 0, "current": 0, "present": 0, "same": 0}


def resolve_rel_unit(m: re.Match[str], ctx: Ctx) -> Norm | None:
    rel, unit = g(m, "rel"), g(m, "unit")
    rel = {"this past": "last", "this coming": "next"}.get(rel, rel)
    step = _REL_STEP[rel]
    anaphoric = rel in ("following", "same") or (g(m, "the") and rel in ("previous", "prior",
                                                                         "preceding"))
    if unit in SEASONS:
        return _rel_season(SEASONS[unit], step, anaphoric, ctx)
    gran = "week" if unit == "weekend" else unit
    base = ctx.dct
    if anaphoric:
        ref = ctx.ref_at_least(gran)
        if ref is None and (ctx.dct is None or rel == "same"):
            return unknown(gran)
        base = ref.d if ref is not None else ctx.dct
    if base is None:
        return unknown(gran)
    d = shift(base, gran, step)
    return pnorm(point(d, gran, weekend=unit == "weekend"), confidence=0.85)


def _rel_season(code: str, step: int, anaphoric: bool, ctx: Ctx) -> Norm | None:
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{code}", "season", confidence=0.4)
    base = ctx.ref.d if anaphoric and ctx.ref is not None else ctx.dct
    if step == 0:
        current = season_of(base)
        p = current if current.season == code else season_point(base.year, code)
    else:
        p = nearest_season(base, code, step, strict=True)
    return pnorm(p, confidence=0.8)


SEASON_RULE = compile_pattern(
    rf"{L}(?:(?P<the>the){WS})?(?:(?P<pmod>early|late|mid)(?:-|{WS}))?(?P<season>{SEASON})"
    rf"(?:{WS}(?:of{WS})?(?P<year>{YEAR}|{SPELLED_YEAR}))?{R}")


def resolve_season(m: re.Match[str], ctx: Ctx) -> Norm | None:
    season = g(m, "season")
    code = SEASONS[season]
    year = year_of(m.group("year"), ctx.dct)
    if year is None and season in ("fall", "spring") and not (g(m, "the") or g(m, "pmod")):
        return None  # "fall" and "spring" are verbs and nouns too
    if year is not None:
        return pnorm(season_point(year, code), confidence=0.9)
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{code}", "season", confidence=0.4)
    return pnorm(nearest_season(ctx.dct, code, ctx.direction), confidence=0.7)


WEEKEND = compile_pattern(rf"{L}the{WS}weekend(?![\w-])")


def resolve_weekend(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """'over the weekend': the weekend before the DCT in a past clause, the next one in a future
    clause, the nearest one otherwise (the current one on a Saturday or a Sunday)."""
    if ctx.dct is None:
        return Norm("DATE", "XXXX-WXX-WE", "week", confidence=0.4)
    saturday = weekday_date(ctx.dct, 5, ctx.direction)
    if ctx.dct.weekday() == 6:
        saturday = ctx.dct - timedelta(days=1)
    return pnorm(point(saturday, "week", weekend=True), confidence=0.7)


# ---------------------------------------------------------------- holidays

_HOLIDAY_WORDS = [*HOLIDAYS, "easter", "easter sunday", "easter monday", "good friday",
                  "thanksgiving", "thanksgiving day", "labor day", "memorial day",
                  "election day", "mother's day", "father's day", "martin luther king day"]
HOLIDAY = compile_pattern(
    rf"{L}(?:(?P<rel>last|next|this){WS})?(?P<h>{alt(_HOLIDAY_WORDS)})"
    rf"(?:{WS}(?P<year>{YEAR}))?{R}")


def holiday_date(name: str, year: int) -> date:
    name = name.replace("’", "'")
    if name in HOLIDAYS:
        month, day = HOLIDAYS[name]
        return date(year, month, day)
    if name.startswith("easter") or name == "good friday":
        offset = {"easter monday": 1, "good friday": -2}.get(name, 0)
        return easter(year) + timedelta(days=offset)
    if name.startswith("thanksgiving"):
        return nth_weekday(year, 11, 3, 4)
    if name == "labor day":
        return nth_weekday(year, 9, 0, 1)
    if name == "memorial day":
        return nth_weekday(year, 5, 0, -1)
    if name == "election day":
        return nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    if name == "mother's day":
        return nth_weekday(year, 5, 6, 2)
    if name == "father's day":
        return nth_weekday(year, 6, 6, 3)
    return nth_weekday(year, 1, 0, 3)  # Martin Luther King Day


def resolve_holiday(m: re.Match[str], ctx: Ctx) -> Norm | None:
    name = " ".join(m.group("h").lower().replace("’", "'").split())
    year = year_of(m.group("year"), ctx.dct)
    if year is None:
        if ctx.dct is None:
            if name in HOLIDAYS:
                month, day = HOLIDAYS[name]
                return Norm("DATE", f"XXXX-{month:02d}-{day:02d}", "day", confidence=0.5)
            return unknown("day")
        rel = g(m, "rel")
        step = {"last": -1, "next": 1}.get(rel or "", ctx.direction)
        year = ctx.dct.year
        d = holiday_date(name, year)
        if step < 0 and d >= ctx.dct:
            year -= 1
        elif step > 0 and d < ctx.dct:
            year += 1
    return pnorm(point(holiday_date(name, year), "day"), confidence=0.8)


RULES = [
    Rule("clock", CLOCK, resolve_clock),
    Rule("iso", ISO, resolve_numeric),
    Rule("slash", SLASH, resolve_numeric),
    Rule("mdy", MDY, resolve_mdy),
    Rule("dmy", DMY, resolve_mdy),
    Rule("month", MONTH_YEAR, resolve_month),
    Rule("weekday", WEEKDAY, resolve_weekday),
    Rule("relday", RELDAY, resolve_relday),
    Rule("part_of_day", POD_RULE, resolve_pod),
    Rule("rel_unit", REL_UNIT, resolve_rel_unit),
    Rule("season", SEASON_RULE, resolve_season),
    Rule("weekend", WEEKEND, resolve_weekend),
    Rule("holiday", HOLIDAY, resolve_holiday),
    Rule("year", YEAR_RULE, resolve_year),
    Rule("spelled_year", SPELLED, resolve_year),
    Rule("decade", DECADE, resolve_decade),
    Rule("decade_words", DECADE_WORDS_RULE, resolve_decade),
    Rule("century", CENTURY, resolve_century),
]
