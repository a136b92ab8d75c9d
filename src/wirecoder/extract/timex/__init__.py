"""A rule-based TimeML tagger: find time expressions and resolve them against the DCT.

    tag(text, doc, dct) -> list[Timex]

1. Detection: every rule's pattern runs over the text; parse-based vetoes drop calendar words used
   as something else ("We", "may" the modal, "march" the verb, "Sunday" in "The Sunday Times") and
   numbers that are not years. Overlaps go to the longest match (then to the earlier rule).
2. Resolution, in document order: a rule turns its match into a TimeML type and a TIMEX3 value
   using the DCT, the tense of the clause and the expressions before it ("that day", "the
   quarter", "a year earlier" refer back).
3. Intervals: "since 2019" opens an interval at 2019, "until March" closes one, "from ... to"
   and "between ... and" give both ends to both expressions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date, datetime

from .base import Ctx, Norm, Rule
from .calendar import Point
from .lexicon import AMBIGUOUS_MONTHS, THIRD_PERSON_POSSESSIVES
from .rules_dates import RULES as DATE_RULES
from .rules_dates import SECOND_DAY
from .rules_spans import RULES as SPAN_RULES
from .syntax import Parse

RULES: list[Rule] = [*DATE_RULES, *SPAN_RULES]
_PRIORITY = {rule.name: i for i, rule in enumerate(RULES)}


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str | None
    granularity: str | None
    confidence: float
    rule: str
    interval_start: str | None = None
    interval_end: str | None = None
    evidence: tuple[int, int] | None = None  # the phrase an interval was read from


@dataclass
class _Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def tag(text: str, doc=None, dct: date | datetime | None = None) -> list[Timex]:
    """Time expressions of `text` (with its spaCy `doc`, if any) resolved against `dct`."""
    if isinstance(dct, datetime):
        dct = dct.date()
    parse = Parse(doc)
    chosen = _select(text, parse, dct)
    found = _second_days(text, _resolve(text, parse, dct, chosen))
    return _intervals(text, found)


# ---------------------------------------------------------------- detection


def _select(text: str, parse: Parse, dct: date | None) -> list[_Candidate]:
    candidates = []
    for rule in RULES:
        for m in rule.regex.finditer(text):
            start, end = _trim(text, m.start(), m.end())
            start = _drop_article(text, start, end)
            if end <= start:
                continue
            if rule.check is not None and not rule.check(m, parse):
                continue
            if not _plausible(rule, m, text, parse, start, end):
                continue
            candidates.append(_Candidate(start, end, rule, m))
    candidates.sort(key=lambda c: (-(c.end - c.start), _PRIORITY[c.rule.name], c.start))
    taken: list[_Candidate] = []
    starts: list[int] = []  # sorted starts of the taken spans, which never overlap
    ends: list[int] = []
    for c in candidates:
        i = bisect_left(starts, c.end)  # taken spans starting before c ends
        if i > 0 and ends[i - 1] > c.start:
            continue
        # A dry run: a rule may still refuse its match (an impossible date, a bare "morning").
        dry = Ctx(text, c.start, c.end, dct, ref=Point("day", dct) if dct else None)
        if _safe_resolve(c, dry) is None:
            continue
        taken.append(c)
        j = bisect_left(starts, c.start)
        starts.insert(j, c.start)
        ends.insert(j, c.end)
    return sorted(taken, key=lambda c: c.start)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


_ADJECTIVAL = re.compile(r"the\s+(?:[\w']+\s+)*[\w']+-(?:quarter|year|month|week|day|hour|"
                         r"minute|period)$", re.I)


def _drop_article(text: str, start: int, end: int) -> int:
    """'the third-quarter results', 'the two-week trip': the article belongs to the noun the
    hyphenated expression describes, not to the expression."""
    if _ADJECTIVAL.match(text, start, end) and re.match(r"\s+[A-Za-z]", text[end:end + 2]):
        return start + 3 + len(text[start + 3:end]) - len(text[start + 3:end].lstrip())
    return start


_WORD = re.compile(r"[A-Za-z]+")
_NOUN_MARCH_BEFORE = re.compile(
    r"\b(?:the|a|an|annual|this|that|" + "|".join(sorted(THIRD_PERSON_POSSESSIVES)) + r")\s+$", re.I)
_NOUN_MARCH_AFTER = re.compile(r"\s+(?:for|on|to|against|through|from|into|across|of)\b", re.I)
_NOT_YEAR_BEFORE = re.compile(
    r"(?:\b(?:no|nos|number|flight|route|room|model|chapter|section|article|page|pp|highway|"
    r"interstate|resolution|windows|version|suite|box|item|bill|hr|s|code|rule|paragraph|"
    r"exit|unit|apartment|lot|channel|game|ticket|batch|serial|case|dow|nasdaq|s&p)\.?|[#$£€])\s*$",
    re.I)
_COUNTED = frozenset({
    "people", "persons", "troops", "soldiers", "workers", "employees", "jobs", "votes", "voters",
    "points", "shares", "barrels", "tons", "tonnes", "feet", "meters", "metres", "miles",
    "kilometers", "acres", "cars", "homes", "houses", "members", "students", "cases", "deaths",
    "refugees", "prisoners", "police", "officers", "delegates", "pages", "units", "copies",
})
_YEAR_PREP = re.compile(
    r"\b(?:in|since|by|until|till|from|to|through|during|of|before|after|between|and|or|early|"
    r"late|mid|around|circa|fiscal|year|than|for)\s*$|,\s*$", re.I)


def _plausible(rule: Rule, m: re.Match[str], text: str, parse: Parse, start: int,
               end: int) -> bool:
    span = text[start:end]
    for w in _WORD.finditer(span):
        word = w.group().lower()
        if word in AMBIGUOUS_MONTHS and rule.name in ("mdy", "dmy", "month", "clock"):
            ws, we = start + w.start(), start + w.end()
            if not w.group()[0].isupper():
                return False
            followed_by_number = re.match(r"\.?\s*\d", text[we:we + 4]) is not None
            if not followed_by_number and (parse.is_verbal(ws, we) or parse.in_name(ws, we)):
                return False
            if not followed_by_number and word == "may" and rule.name == "month" and \
                    span.lower() == "may" and _sentence_initial(text, ws):
                return False
            if not followed_by_number and _NOUN_MARCH_BEFORE.search(text[max(0, ws - 20):ws]) \
                    and _NOUN_MARCH_AFTER.match(text[we:we + 12]):
                return False  # "the annual March for Life", "a march on the capital"
    if not any(ch.isdigit() for ch in span) and parse.in_name(start, end):
        return False  # "The Sunday Times", "Good Friday Agreement", "Christmas Island"
    if rule.name == "year" and m.group("pre") is None:
        return _plausible_year(m, text, parse, start, end)
    return True


def _sentence_initial(text: str, i: int) -> bool:
    before = text[max(0, i - 3):i]
    return i == 0 or bool(re.search(r"(?:[.!?]['\"’”]?\s+|\n\s*)$", before))


def _plausible_year(m: re.Match[str], text: str, parse: Parse, start: int, end: int) -> bool:
    year = int(m.group("year"))
    before = text[max(0, start - 25):start]
    if _NOT_YEAR_BEFORE.search(before):
        return False
    after = text[end:end + 20]
    if re.match(r"\s*(?:%|percent|per\b|-(?:\d|year|day|hour|member|page|point|foot|acre)|"
                r"(?:\.\d)|:\d|,\d{3})", after, re.I):
        return False
    toks = parse.tokens(start, end)
    if toks:
        tok = toks[0]
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ in _COUNTED:
            return False  # "2000 troops"
        if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") and \
                not _YEAR_PREP.search(before):
            return False
    if year < 1900 and not _YEAR_PREP.search(before):
        return False
    return True


# ---------------------------------------------------------------- resolution


def _safe_resolve(c: _Candidate, ctx: Ctx) -> Norm | None:
    """A rule's reading of its match; arithmetic beyond the calendar ("10,000 years ago")
    drops the expression instead of failing the document."""
    try:
        return c.rule.resolve(c.match, ctx)
    except (ValueError, OverflowError):
        return None


def _resolve(text: str, parse: Parse, dct: date | None,
             chosen: list[_Candidate]) -> list[Timex]:
    found: list[Timex] = []
    ref: Point | None = None
    quarter: tuple[Point, int] | None = None
    for c in chosen:
        sent = parse.sentence_index(c.start)
        quarter_ref = quarter[0] if quarter is not None and sent - quarter[1] <= 6 else None
        ctx = Ctx(text, c.start, c.end, dct,
                  direction_fn=lambda c=c: _direction(text, parse, c),
                  ref=ref, quarter_ref=quarter_ref)
        norm = _safe_resolve(c, ctx)
        if norm is None:
            continue
        if norm.point is not None and norm.anchor:
            ref = norm.point
            if norm.point.gran in ("quarter", "half"):
                quarter = (norm.point, sent)
        found.append(Timex(c.start, c.end, text[c.start:c.end], norm.type, norm.value,
                           norm.granularity, norm.confidence, c.rule.name))
    return found


_ONWARD = re.compile(r"\b(?:until|till|through|by|starting|beginning|effective|as\s+of|"
                     r"from|next|ahead\s+of|before)\s+$", re.I)
_DEADLINE = re.compile(r"\b(?:until|till|through|effective|expires?|expiring)\s+$", re.I)


def _direction(text: str, parse: Parse, c: _Candidate) -> int:
    """The tense of the clause. In the present tense, 'until', 'by', 'starting' point ahead; in
    the past tense, a date after 'until', 'through' or 'effective' may still be ahead ("the
    offer was extended through January"), so it is taken as the nearest one."""
    found = parse.direction(c.start, c.end)
    before = text[max(0, c.start - 15):c.start]
    if found == 0 and _ONWARD.search(before):
        return 1
    if found < 0 and c.rule.name in ("month", "mdy", "dmy") and _DEADLINE.search(before):
        return 0
    return found


def _second_days(text: str, found: list[Timex]) -> list[Timex]:
    """'April 24 and 25', 'March 3-5': the second day is a date of its own."""
    out = list(found)
    for i, t in enumerate(found):
        if t.rule not in ("mdy", "dmy") or not t.value or len(t.value) != 10:
            continue
        m = SECOND_DAY.match(text, t.end)
        if m is None:
            continue
        start, end = m.start("day"), m.end("day")
        nxt = found[i + 1] if i + 1 < len(found) else None
        if nxt is not None and nxt.start < m.end():
            continue
        day = int(re.sub(r"\D", "", m.group("day")))
        try:
            value = date(int(t.value[:4]), int(t.value[5:7]), day).isoformat()
        except ValueError:
            continue
        out.append(Timex(start, end, text[start:end], "DATE", value, "day", t.confidence,
                         t.rule))
    return sorted(out, key=lambda t: t.start)


# ---------------------------------------------------------------- intervals

_SIGNAL = re.compile(
    r"\b(?P<s>since|from|between|starting(?:\s+(?:in|on|from))?|beginning(?:\s+(?:in|on))?|"
    r"until|till|through|thru|up\s+to|after|before)\s+$", re.I)
_CONNECT = re.compile(r"\s*(?:-|–|—|to|until|till|through|thru|and)\s*", re.I)
_OPENS = ("since", "from", "starting", "beginning", "after")
_CLOSES = ("until", "till", "through", "thru", "up to", "before")


def _intervals(text: str, found: list[Timex]) -> list[Timex]:
    out = list(found)
    for i, t in enumerate(found):
        if t.type not in ("DATE", "TIME") or not t.value:
            continue
        sig = _SIGNAL.search(text[max(0, t.start - 30):t.start])
        if sig is None:
            continue
        word = " ".join(sig.group("s").lower().split())
        sig_start = t.start - (len(text[max(0, t.start - 30):t.start]) - sig.start())
        nxt = found[i + 1] if i + 1 < len(found) else None
        if word in ("from", "between") and nxt is not None and nxt.type in ("DATE", "TIME") and \
                _CONNECT.fullmatch(text[t.end:nxt.start]) and \
                (word == "from" or "and" in text[t.end:nxt.start].lower()):
            both = {"interval_start": t.value, "interval_end": nxt.value,
                    "evidence": (sig_start, nxt.end)}
            out[i] = replace(out[i], **both)
            out[i + 1] = replace(out[i + 1], **both)
        elif word.split()[0] in _OPENS and word != "between":
            out[i] = replace(out[i], interval_start=t.value, evidence=(sig_start, t.end))
        elif word in _CLOSES:
            out[i] = replace(out[i], interval_end=t.value, evidence=(sig_start, t.end))
    return out


__all__ = ["Timex", "tag", "RULES"]
