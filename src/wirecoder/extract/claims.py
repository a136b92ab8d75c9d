"""Claims: checking the numbers of a document, with an explanation a reader can follow.

Three kinds of check, each a `Claim` with a verdict (consistent | contradicted | unverifiable):

* **arithmetic**, within one sentence: a stated factor or percentage change against a stated
  "from X to Y" ("rising from 31,000 to 87,000" is x2.81; "nearly tripled" allows 2.55 to 3);
  a part against its whole ("23 of 32 states").
* **contradiction**, between two mentions of the same thing in one document: the same counted
  noun or concept head ("Americans", "tariff"), the same places when either names one, the same
  dimension, neither a per-period rate unless both are. Each mention is read as an interval
  (an approximation widens it, a vague "tens of millions" is 10^7 .. 10^8, "more than" is open);
  disjoint intervals contradict each other, equal values are recorded as consistent.
* **reference**: against a user's CSV (`options={"claims": {"reference_csv": PATH}}`, see
  `numbers.reference`) matched by series, place and period with a relative `tolerance`
  (default 0.05, doubled for approximate figures), and against the facts wirecoder ships because
  they are not in doubt: the number of first-level divisions of a country ("Mexico's 32 states"),
  from ISO 3166-2 through pycountry.

`asserted_by` is the speaker of the quote that holds the (first) quantity when a quotes stage ran
before (`speaker_name`), else "narrator".
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ..options import option
from ..records import Claim, Quantity, Span, stable_id
from ..registry import stage
from ..state import AnalysisState
from .claim_keys import concept_head as _concept_head
from .claim_keys import head_phrase as _head_phrase
from .claim_keys import key as _key
from .claim_keys import keys as _keys
from .claim_pairs import (
    agree_as_one_fact,
    figure_words,
    how_much_larger,
    is_added,
    is_vetoed,
    names_a_party,
    one_fact,
    part_of_something_else,
)
from .numbers.lexicon import BELOW_APPROXIMATORS, approximator_of, bound_of
from .numbers.reference import (
    ReferenceRow,
    country_code,
    division_fact,
    load_reference_table,
)
from .numbers.units import dimension_of
from .numbers.words import format_value

__all__ = ["load_reference_table", "make_claims"]

_RATE = re.compile(r"\b(?:annually|yearly|a year|per year|each year|every year|a month|"
                   r"per month|monthly|a week|per week|weekly|a day|per day|daily)\b", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# "23 of Mexico's 32 states": the longest gap read between a part and its whole.
_MAX_OF_GAP = 80
# A mention is checked against at most this many earlier mentions of the same counted thing.
_MAX_COMPARED = 50


@dataclass
class View:
    """A quantity with what the checks need to know about it."""

    q: Quantity
    index: int
    sentence: Any  # spaCy Span
    low: float
    high: float
    bound: str | None
    approximator: str | None
    dimension: str | None
    counted: str | None  # the key of what is counted or measured
    keys: set[str] = field(default_factory=set)
    phrase: set[str] = field(default_factory=set)
    added: bool = False  # "six more cases": an addition to a set (claim_figure_words.tsv)  # the keys of the counted noun's own phrase ("home runs")
    places: set[str] = field(default_factory=set)
    rate: bool = False
    speaker: str | None = None
    quoted: bool = False
    years: list[str] = field(default_factory=list)
    periods: set[str] = field(default_factory=set)  # TIMEX3 values of the sentence's durations ("in 10 hours": PT10H)
    vetoed: bool = False  # its sentence speaks of a change, a proposal, a comparison (claim_vetoes.tsv)

    @property
    def text(self) -> str:
        return self.q.span.text


@dataclass(frozen=True)
class ClaimsOptions:
    reference_csv: str | None = option(None, "a CSV of reference figures to check claims against")
    tolerance: float = option(0.05, "relative difference still counted as agreeing")
    builtin_facts: bool = option(True, "the shipped reference figures")


@stage("claims", requires=("document", "spacy", "quantities"), optional=("quotes", "times"), assigns=("claims",),
       version="1", options=ClaimsOptions)
def make_claims(options: dict[str, Any]):
    """Arithmetic, contradiction and reference checks of the quantities, with explanations."""
    path = options.get("reference_csv")
    table = load_reference_table(path) if path else []
    tolerance = float(options.get("tolerance", 0.05))
    builtin = bool(options.get("builtin_facts", True))

    def run(state: AnalysisState) -> dict[str, Any]:
        doc = state.spacy_doc
        views = _views(state.document.text, doc, state.get("quantities", []),
                       state.get("quotes", []), state.get("times", []))
        claims: list[Claim] = []
        claims += _arithmetic(state, views)
        claims += _contradictions(state, views)
        claims += _references(state, views, table, tolerance, builtin)
        unique: dict[str, Claim] = {}
        for claim in claims:
            unique.setdefault(claim.id, claim)
        return {"claims": list(unique.values())}

    return run


# ---------------------------------------------------------------- reading the quantities


def _views(text: str, doc, quantities: list[Quantity], quotes: list, times: Sequence[Any] = ()) -> list[View]:
    views = []
    quote_marks = _quoted_ranges(text)
    countries = _country_mentions(doc)
    for i, q in enumerate(quantities):
        if q.value is None or part_of_something_else(text, q.span.start, q.span.end, times, doc):
            continue
        span = doc.char_span(q.span.start, q.span.end, alignment_mode="expand")
        sent = span.sent if span is not None and len(span) else None
        low, high = _interval(q)
        unit = (q.normalized_unit or "").lower() or None
        dimension = dimension_of(unit) if unit else None
        if unit and dimension is None and unit not in ("factor", "fraction"):
            dimension = "count"
        if unit == "factor":
            dimension = "factor"
        concept = q.concept.text if q.concept else ""
        # a concept that names a person or an organisation ("Sanders", "Gray") says who, not what
        # is counted: it ties no two figures ("13 delegates at stake", "trails by 300 delegates")
        party = q.concept is not None and names_a_party(doc, q.concept.start, q.concept.end)
        keys = (set() if party else _keys(concept)) | (_keys(unit) if dimension == "count" else set())
        counted = None
        if dimension == "count" and unit:
            counted = _key(unit.split()[-1])
        elif q.concept is not None and not party:
            counted = _concept_head(concept)
        if sent is not None:
            keys |= {_key(t.lemma_.lower()) for t in sent if t.pos_ == "VERB"
                     and _key(t.lemma_.lower()) == "death"}
        v = View(q=q, index=i, sentence=sent, low=low, high=high,
                 bound=bound_of(q.span.text), approximator=approximator_of(q.span.text),
                 dimension=dimension, counted=counted, keys=keys)
        # what is counted: a count's own noun phrase ("home runs"), else the concept's head phrase
        v.phrase = _keys(unit) if dimension == "count" else _keys(_head_phrase(concept))
        v.places = _places(text, doc, q, sent, countries)
        v.added = is_added(text, q.span.start, q.span.end)
        clause = text[sent.start_char:sent.end_char] if sent is not None else q.span.text
        v.rate = bool(_RATE.search(clause)) or bool(unit and " per " in unit)
        v.years = _YEAR.findall(clause)
        if sent is not None:
            v.periods = {t.value for t in times if t.type == "DURATION" and t.value
                         and sent.start_char <= t.span.start < sent.end_char}
        v.speaker, v.quoted = _speaker(q, quotes, quote_marks)
        # words of the figure itself ("more than 300") are its bound, not a comparison
        v.vetoed = sent is not None and is_vetoed(sent, q.span.start, q.span.end)
        views.append(v)
    return views


def _interval(q: Quantity) -> tuple[float, float]:
    low = q.value if q.value is not None else 0.0
    high = q.value_high if q.value_high is not None else low
    if q.value_high is not None and high < low:
        low, high = high, low
    return low, high


def _country_mentions(doc) -> tuple[list[int], list[tuple[int, str]]]:
    """Start offsets, and (end, ISO code), of the GPE/NORP/LOC entities naming a country, in
    order: read once per document, not once per quantity (quadratic on long texts)."""
    starts, rest = [], []
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC"):
            code = country_code(ent.text)
            if code:
                starts.append(ent.start_char)
                rest.append((ent.end_char, code))
    return starts, rest


def _places(text: str, doc, q: Quantity, sent, countries) -> set[str]:
    """Countries named in the concept, else in the quantity's own clause."""
    starts, rest = countries

    def codes(start: int, end: int) -> set[str]:
        out = set()
        for k in range(bisect_left(starts, start), len(starts)):
            if starts[k] >= end:
                break
            if rest[k][0] <= end:
                out.add(rest[k][1])
        return out

    if q.concept is not None:
        found = codes(q.concept.start, q.concept.end)
        if found:
            return found
    span = doc.char_span(q.span.start, q.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    # the clause: the governing verb's subtree, without other quantities' noun phrases
    tok = span.root
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    sub = list(tok.subtree)
    found = codes(min(t.idx for t in sub), max(t.idx + len(t.text) for t in sub))
    around = codes(max(0, q.span.start - 24), q.span.start) | codes(q.span.end, q.span.end + 24)
    return found if len(found) <= 1 or not around else around


def _quoted_ranges(text: str) -> list[tuple[int, int]]:
    ranges = []
    for m in re.finditer(r"[‘“\"]([^‘’“”\"\n]{3,}?)[’”\"](?!\w)", text):
        ranges.append((m.start(), m.end()))
    return ranges


def _speaker(q: Quantity, quotes: list, marks: list[tuple[int, int]]) -> tuple[str | None, bool]:
    for quote in quotes or []:
        for part in getattr(quote, "content", []):
            if part.start <= q.span.start and q.span.end <= part.end:
                return getattr(quote, "speaker_name", None), True
    return None, any(a <= q.span.start < b for a, b in marks)


# ---------------------------------------------------------------- helpers for claims


def _claim(state: AnalysisState, kind: str, verdict: str, explanation: str,
           views: list[View], confidence: float, salt: str = "") -> Claim:
    doc_id = state.document.id
    ids = [v.q.id for v in views]
    evidence: list[Span] = []
    for v in views:
        evidence.append(v.q.span)
        if v.q.concept is not None:
            evidence.append(v.q.concept)
    first = next((v for v in views if v.speaker), None)
    return Claim(id=stable_id("claim", doc_id, kind, salt, *ids), kind=kind, verdict=verdict,
                 explanation=explanation, quantity_ids=ids,
                 asserted_by=first.speaker if first else "narrator",
                 evidence=evidence, confidence=confidence)


def _say(v: View) -> str:
    who = f"{v.speaker}, quoted" if v.speaker else ("in a quote" if v.quoted else "the narrator")
    return f'"{v.text}" ({who})'


def _range_text(v: View) -> str:
    if v.low == v.high:
        return format_value(v.low)
    return f"{format_value(v.low)} to {format_value(v.high)}"


# ---------------------------------------------------------------- arithmetic


def _arithmetic(state: AnalysisState, views: list[View]) -> list[Claim]:
    claims = []
    by_sentence: dict[int, list[View]] = {}
    for v in views:
        if v.sentence is not None:
            by_sentence.setdefault(v.sentence.start, []).append(v)
    text = state.document.text
    for group in by_sentence.values():
        changes = [v for v in group if v.q.value_high is not None and v.q.change in ("up", "down")
                   and v.low > 0]
        for factor in (v for v in group if v.dimension == "factor"):
            for change in changes:
                claims.append(_check_factor(state, factor, change))
        for pct in (v for v in group if v.dimension == "percentage" and v.q.change != "="
                    and v.q.value_high is None):
            for change in changes:
                if change.dimension != "percentage":
                    claims.append(_check_percent_change(state, pct, change))
        for part in group:
            whole = _whole_of(text, part, group)
            if whole is not None:
                ok = part.high <= whole.low
                explanation = (f'"{part.text}" of "{whole.text}": the part ({_range_text(part)}) '
                               f"is {'not more than' if ok else 'more than'} the whole "
                               f"({format_value(whole.low)}){'' if ok else ', which cannot be'}"
                               f": {'consistent' if ok else 'contradicted'}.")
                claims.append(_claim(state, "arithmetic", "consistent" if ok else "contradicted",
                                     explanation, [part, whole], 0.9))
    return claims


def _check_factor(state, factor: View, change: View) -> Claim:
    old, new = change.q.value, change.q.value_high
    ratio = new / old
    f = factor.q.value
    word = factor.approximator
    if factor.bound == ">":
        lo, hi, how = f, float("inf"), f"more than {format_value(f)}"
    elif factor.bound == "<":
        lo, hi, how = 0.0, f, f"less than {format_value(f)}"
    elif word in BELOW_APPROXIMATORS:
        lo, hi, how = f * 0.85, f * 1.0, f"a factor a little under {format_value(f)}"
    elif factor.q.approximate:
        lo, hi, how = f * 0.85, f * 1.15, f"a factor of about {format_value(f)}"
    else:
        lo, hi, how = f * 0.95, f * 1.05, f"a factor of {format_value(f)}"
    ok = lo <= ratio <= hi
    rng = (f"{lo:.2f} to {hi:.2f}" if hi != float("inf") else f"above {lo:.2f}")
    explanation = (f"{format_value(old)} -> {format_value(new)} is x{ratio:.2f} "
                   f"({format_value(new)} / {format_value(old)}); \"{factor.text}\" means {how} "
                   f"({rng}): {'consistent' if ok else 'not consistent'}.")
    return _claim(state, "arithmetic", "consistent" if ok else "contradicted", explanation,
                  [factor, change], 0.85 if ok else 0.75)


def _check_percent_change(state, pct: View, change: View) -> Claim:
    old, new = change.q.value, change.q.value_high
    actual = (new - old) / old * 100
    stated = pct.q.value if pct.q.change == "up" else -pct.q.value
    slack = max(1.0, abs(stated) * (0.15 if pct.q.approximate else 0.05))
    ok = abs(actual - stated) <= slack
    explanation = (f"{format_value(old)} -> {format_value(new)} is a change of {actual:+.1f}%; "
                   f"the text says \"{pct.text}\" ({stated:+g}%, allowing {slack:.1f} points): "
                   f"{'consistent' if ok else 'not consistent'}.")
    return _claim(state, "arithmetic", "consistent" if ok else "contradicted", explanation,
                  [pct, change], 0.8)


def _whole_of(text: str, part: View, group: list[View]) -> View | None:
    """ "23 of Mexico's 32 states": the quantity written right after "<part> of ..."."""
    for other in group:
        if other is part or other.q.span.start <= part.q.span.end or \
                other.q.span.start - part.q.span.end > _MAX_OF_GAP:
            continue
        gap = text[part.q.span.end:other.q.span.start]
        if re.fullmatch(r"\s+of\s+(?:the\s+|its\s+|their\s+|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*"
                        r"(?:'s|’s|')\s+)?", gap) and part.q.value_high is None and \
                other.dimension == "count" and part.dimension in ("count", None) and \
                part.low >= 1 and float(part.low).is_integer() and \
                not text[other.q.span.end:other.q.span.end + 5].startswith(" each"):
            # a fraction ("more than half of the 288 candidates") counts no part; "two groups of
            # 60 patients each" are no part of 60
            return other
    return None


# ---------------------------------------------------------------- contradictions


def _comparable(a: View, b: View) -> bool:
    if a.sentence is not None and b.sentence is not None and a.sentence.start == b.sentence.start:
        return False
    for v in (a, b):
        if v.dimension in ("factor", "fraction", "age") or \
                (v.q.value_high is not None and v.q.change in ("up", "down")):
            return False
    if a.rate != b.rate:
        return False
    dims = {a.dimension or "count", b.dimension or "count"}
    if len(dims) != 1:
        return False
    if a.counted is None or a.counted != b.counted:
        return False
    if (a.places or b.places) and not (a.places & b.places):
        return False
    if a.periods and b.periods and not a.periods & b.periods:
        return False  # "a million tweets in 10 hours", "a million tweets within 24 hours"
    return not (a.years and b.years and not set(a.years) & set(b.years))


def _bounds(v: View) -> tuple[float, float]:
    low, high = v.low, v.high
    if v.bound == ">":
        return low, float("inf")
    if v.bound == "<":
        return 0.0, high
    if v.q.approximate and v.q.value_high is None:
        return low * 0.8, high * 1.2
    return low, high


def _contradictions(state: AnalysisState, views: list[View]) -> list[Claim]:
    claims = []
    for i, j in _candidate_pairs(views):
        a, b = views[i], views[j]
        if not _comparable(a, b):
            continue
        (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
        what = _what(a, b)
        shared = sorted((a.keys & b.keys) - {a.counted or ""})
        about = f" (context of both: {', '.join(shared)})" if shared else ""
        if (ahi < blo or bhi < alo) and one_fact(a, b):
            big, small = (a, b) if alo > bhi else (b, a)
            ratio = _bounds(big)[0] / max(_bounds(small)[1], 1e-9)
            explanation = (f"{_say(a)} puts {what} at {_range_text(a)}; {_say(b)} puts it at "
                           f"{_range_text(b)}{about}. The ranges do not overlap: the larger "
                           f"is {how_much_larger(ratio)} the smaller, so they cannot both hold.")
            claims.append(_claim(state, "contradiction", "contradicted", explanation, [a, b],
                                 0.8))
        elif a.low == b.low and a.high == b.high and agree_as_one_fact(a, b):
            explanation = (f"{_say(a)} and {_say(b)} give {what} the same value, "
                           f"{_range_text(a)}{_unit_suffix(a)}: consistent.")
            claims.append(_claim(state, "contradiction", "consistent", explanation, [a, b],
                                 0.7))
    return claims


def _candidate_pairs(views: list[View]) -> list[tuple[int, int]]:
    """The pairs (i < j) `_comparable` may accept, in order: only mentions of the same counted
    thing, each against at most the _MAX_COMPARED mentions of it before it, and of those only
    the nearest one with each value: a repeated figure is checked once against each other
    figure, not once per repetition. Comparing every pair was quadratic in time and in output
    ("9 people." 800 times gave 319,600 claims)."""
    same: dict[str, list[int]] = defaultdict(list)
    pairs = []
    for j, b in enumerate(views):
        if b.counted is None:
            continue  # _comparable needs a counted key on both sides
        earlier = same[b.counted]
        seen_values: set[tuple] = set()
        for i in reversed(earlier[-_MAX_COMPARED:]):
            a = views[i]
            value = (a.low, a.high, a.bound, a.q.approximate, a.rate, tuple(sorted(a.places)))
            if value in seen_values or not _comparable(a, b):
                continue
            seen_values.add(value)
            pairs.append((i, j))
        earlier.append(j)
    pairs.sort()
    return pairs


def _unit_suffix(v: View) -> str:
    if v.dimension == "count" or not v.q.unit:
        return ""
    unit = v.q.unit.strip()
    return unit if unit in ("%",) else f" {unit}"


def _what(a: View, b: View) -> str:
    """What two mentions are about, in the text's words: the more specific concept, or the
    counted noun ("the number of Americans")."""
    if a.dimension == "count" or b.dimension == "count":
        unit = next((v.q.unit for v in (a, b) if v.dimension == "count" and v.q.unit), None)
        noun = unit.split(" of ")[-1] if unit else a.counted
        return f"the number of {noun}"
    concepts = [v.q.concept.text for v in (a, b) if v.q.concept is not None]
    return max(concepts, key=len) if concepts else (a.counted or "the quantity")


# ---------------------------------------------------------------- references


def _references(state: AnalysisState, views: list[View], table: list[ReferenceRow],
                tolerance: float, builtin: bool) -> list[Claim]:
    claims = []
    text = state.document.text
    if builtin:
        by_end = sorted(range(len(views)), key=lambda k: views[k].q.span.end)
        ends = ([views[k].q.span.end for k in by_end], by_end)
        for v in views:
            claim = _division_check(state, text, v, views, ends)
            if claim is not None:
                claims.append(claim)
    for v in views:
        for row in table:
            claim = _row_check(state, v, row, tolerance)
            if claim is not None:
                claims.append(claim)
    return claims


_POSSESSIVE = re.compile(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)(?:'s|’s|')\s+(?:all\s+)?$")
_OF_PLACE = re.compile(r"^\s+(?:of|in)\s+(?:the\s+)?([A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)")


def _division_check(state, text: str, v: View, views: list[View],
                    ends: tuple[list[int], list[int]]) -> Claim | None:
    """ "Mexico's 32 states", "the 50 states of the US": a country's number of divisions."""
    if v.dimension != "count" or v.q.value_high is not None or not v.q.normalized_unit:
        return None
    noun = v.q.normalized_unit.split()[-1]
    before = text[max(0, v.q.span.start - 40):v.q.span.start]
    after = text[v.q.span.end:v.q.span.end + 40]
    m = _POSSESSIVE.search(before)
    place = m.group(1) if m else None
    rest = after
    if place is None and re.search(r"\b(?:the|all)\s+$", before, re.I):
        m2 = _OF_PLACE.match(after)
        place = m2.group(1) if m2 else None
        rest = after[m2.end():] if m2 else after
    # "the sixteen states in the United States with reported cases": a subset, not all of them
    if (rest.split() or [""])[0].strip(",").lower() in figure_words("subset"):
        return None
    code = country_code(place) if place else None
    if code is None:
        return None
    fact = division_fact(code, noun)
    if fact is None:
        return None
    n = v.q.value
    ok = n in (fact.of_type, fact.first_level) and not v.bound
    involved = [v]
    part_text = ""
    # only quantities ending at most _MAX_OF_GAP before this one (all of them was quadratic)
    end_offsets, by_end = ends
    near = sorted(by_end[bisect_left(end_offsets, v.q.span.start - _MAX_OF_GAP):
                         bisect_right(end_offsets, v.q.span.start)])
    for other in (views[k] for k in near):
        gap = text[other.q.span.end:v.q.span.start] if other.q.span.end <= v.q.span.start else ""
        if other is not v and re.fullmatch(r"\s+of\s+(?:the\s+)?[\w.’' ]*", gap or "x") and \
                other.q.value_high is None:
            part_ok = other.high <= n
            ok = ok and part_ok
            involved.insert(0, other)
            part_text = (f"; {other.text} of them is {'within' if part_ok else 'more than'} "
                         f"that total")
    source = (f"ISO 3166-2 via pycountry: {fact.country} has {fact.first_level} first-level "
              f"divisions ({fact.breakdown})")
    explanation = (f'The text says "{v.text}" of {place}. {source}, so {format_value(n)} '
                   f"{noun}s is {'right' if n in (fact.of_type, fact.first_level) else 'wrong'}"
                   f"{part_text}: {'consistent' if ok else 'contradicted'}.")
    return _claim(state, "reference", "consistent" if ok else "contradicted", explanation,
                  involved, 0.9)


def _row_check(state, v: View, row: ReferenceRow, tolerance: float) -> Claim | None:
    series = _keys(row.series)
    if not series or not series <= (v.keys | _keys(v.q.unit) | {v.counted or ""}):
        return None
    if row.place and v.places and row.place not in v.places:
        return None
    if row.place and not v.places:
        return None
    unit_dim = None
    if row.unit:
        unit_dim = dimension_of(_unit_name(row.unit)) or "count"
    if unit_dim and (v.dimension or "count") != unit_dim:
        return None
    # which value of the quantity the period refers to
    value = v.q.value
    if row.period:
        if row.period not in v.years:
            return None
        if v.q.value_high is not None and len(v.years) >= 2:
            value = v.q.value if row.period == v.years[0] else v.q.value_high
        elif v.q.value_high is not None:
            value = v.q.value_high
    slack = tolerance * (2 if v.q.approximate else 1)
    ok = abs(value - row.value) <= slack * abs(row.value)
    where = f" in {row.place}" if row.place else ""
    when = f" for {row.period}" if row.period else ""
    src = f" ({row.source_url})" if row.source_url else ""
    explanation = (f'The text gives {row.series}{where}{when} as {format_value(value)} '
                   f'("{v.text}"); the reference table says {format_value(row.value)}{src}, '
                   f"line {row.line}. Allowing {slack:.0%}: "
                   f"{'consistent' if ok else 'contradicted'}.")
    return _claim(state, "reference", "consistent" if ok else "contradicted", explanation, [v],
                  0.85, salt=f"row{row.line}")


def _unit_name(unit: str) -> str | None:
    from .numbers.units import INSENSITIVE, SENSITIVE

    hit = SENSITIVE.get(unit) or INSENSITIVE.get(unit.lower())
    return hit.name if hit else None
