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
from dataclasses import dataclass
from typing import Any

from ..options import option
from ..records import Claim, Span, stable_id
from ..registry import stage
from ..state import AnalysisState
from .claim_keys import keys as _keys
from .claim_model import (
    one_place,
    setting_differences,
    unverifiable_differences,
    unverifiable_explanation,
)
from .claim_pairs import (
    agree_as_one_fact,
    figure_words,
    how_they_differ,
)
from .claim_referents import enabled_cues, misread_magnitude, referent_differences
from .claim_views import View, read_views
from .numbers.lexicon import BELOW_APPROXIMATORS
from .numbers.reference import (
    ReferenceRow,
    country_code,
    division_fact,
    load_reference_table,
)
from .numbers.units import dimension_of
from .numbers.words import format_value

__all__ = ["load_reference_table", "make_claims"]

# "23 of Mexico's 32 states": the longest gap read between a part and its whole.
_MAX_OF_GAP = 80
# A mention is checked against at most this many earlier mentions of the same counted thing.
_MAX_COMPARED = 50


@dataclass(frozen=True)
class ClaimsOptions:
    reference_csv: str | None = option(None, "a CSV of reference figures to check claims against")
    tolerance: float = option(0.05, "relative difference still counted as agreeing")
    builtin_facts: bool = option(True, "the shipped reference figures")
    referent_cues: str = option("all", "the cues that tell two figures' referents apart "
                                "(claim_referents.py): all, none, or names joined by commas")


@stage("claims", requires=("document", "spacy", "quantities"), optional=("quotes", "times"), assigns=("claims",),
       version="1", options=ClaimsOptions)
def make_claims(options: dict[str, Any]):
    """Arithmetic, contradiction and reference checks of the quantities, with explanations."""
    path = options.get("reference_csv")
    table = load_reference_table(path) if path else []
    tolerance = float(options.get("tolerance", 0.05))
    builtin = bool(options.get("builtin_facts", True))
    cues = enabled_cues(options.get("referent_cues", "all"))

    def run(state: AnalysisState) -> dict[str, Any]:
        doc = state.spacy_doc
        views = read_views(state.document.text, doc, state.get("quantities", []),
                       state.get("quotes", []), state.get("times", []))
        claims: list[Claim] = []
        claims += _arithmetic(state, views, cues)
        claims += _contradictions(state, views, cues)
        claims += _references(state, views, table, tolerance, builtin)
        unique: dict[str, Claim] = {}
        for claim in claims:
            unique.setdefault(claim.id, claim)
        return {"claims": list(unique.values())}

    return run



# ---------------------------------------------------------------- helpers for claims


def _claim(state: AnalysisState, kind: str, verdict: str, explanation: str,
           views: list[View], confidence: float, salt: str = "", more: Sequence[Span] = ()) -> Claim:
    doc_id = state.document.id
    ids = [v.q.id for v in views]
    evidence: list[Span] = []
    for v in views:
        evidence.append(v.q.span)
        if v.q.concept is not None:
            evidence.append(v.q.concept)
    evidence += [s for s in more if s not in evidence]  # what shows a condition is failed
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


def _arithmetic(state: AnalysisState, views: list[View], cues: frozenset[str] = frozenset()) -> list[Claim]:
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
            if whole is not None and not ("vague_whole" in cues and misread_magnitude(part, whole)):
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


def _same_measure(a: View, b: View) -> bool:
    """Two figures of the same counted thing and dimension in different sentences, neither a
    factor, an age nor a change: the pairs the claim model reads further (claim_model.py)."""
    if a.sentence is not None and b.sentence is not None and a.sentence.start == b.sentence.start:
        return False
    for v in (a, b):
        if v.dimension in ("factor", "fraction", "age") or \
                (v.q.value_high is not None and v.q.change in ("up", "down")):
            return False
    dims = {a.dimension or "count", b.dimension or "count"}
    return len(dims) == 1 and a.counted is not None and a.counted == b.counted


def _bounds(v: View) -> tuple[float, float]:
    low, high = v.low, v.high
    if v.bound == ">":
        return low, float("inf")
    if v.bound == "<":
        return 0.0, high
    if v.q.approximate and v.q.value_high is None:
        return low * 0.8, high * 1.2
    return low, high


def _contradictions(state: AnalysisState, views: list[View], cues: frozenset[str] = frozenset()) -> list[Claim]:
    """Each pair of mentions of the same counted thing that disagree and are of one thing
    (claim_model.py): contradicted when they fail no condition of one fact, unverifiable, with the
    failed conditions of setting or form, when they do; consistent when equal in the same setting
    and agreeing as one fact. Figures whose referents the text tells apart (another actor, another
    accompanying figure, another set, another instance of what they measure: claim_referents.py)
    are compared in neither way: no verdict."""
    claims = []
    text = state.document.text
    for i, j in _candidate_pairs(views):
        a, b = views[i], views[j]
        if cues and referent_differences(a, b, text, views, cues):
            continue
        (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
        what = _what(a, b)
        setting = setting_differences(a, b, text)
        differences = unverifiable_differences(a, b, text) if ahi < blo or bhi < alo else None
        if differences is not None:
            if differences:
                explanation = unverifiable_explanation(_say(a), _say(b), what, _amount(a), _amount(b),
                                                       differences)
                claims.append(_claim(state, "contradiction", "unverifiable", explanation, [a, b], 0.6,
                                     more=[s for d in differences for s in d.spans]))
                continue
            shared = sorted((a.keys & b.keys) - {a.counted or ""})
            about = f" (context of both: {', '.join(shared)})" if shared else ""
            big, small = (a, b) if alo > bhi else (b, a)
            explanation = (f"{_say(a)} puts {what} at {_range_text(a)}; {_say(b)} puts it at "
                           f"{_range_text(b)}{about}. The ranges do not overlap: "
                           f"{how_they_differ(_bounds(big)[0], _bounds(small)[1])}, so they cannot both hold.")
            claims.append(_claim(state, "contradiction", "contradicted", explanation, [a, b],
                                 0.8))
        elif not setting and not one_place(a, b) and a.low == b.low and a.high == b.high and \
                agree_as_one_fact(a, b):
            explanation = (f"{_say(a)} and {_say(b)} give {what} the same value, "
                           f"{_amount(a)}: consistent.")
            claims.append(_claim(state, "contradiction", "consistent", explanation, [a, b],
                                 0.7))
    return claims


def _candidate_pairs(views: list[View]) -> list[tuple[int, int]]:
    """The pairs (i < j) `_same_measure` accepts, in order: only mentions of the same counted
    thing, each against at most the _MAX_COMPARED mentions of it before it, and of those only
    the nearest one with each value: a repeated figure is checked once against each other
    figure, not once per repetition. Comparing every pair was quadratic in time and in output
    ("9 people." 800 times gave 319,600 claims)."""
    same: dict[str, list[int]] = defaultdict(list)
    pairs = []
    for j, b in enumerate(views):
        if b.counted is None:
            continue  # _same_measure needs a counted key on both sides
        earlier = same[b.counted]
        seen_values: set[tuple] = set()
        for i in reversed(earlier[-_MAX_COMPARED:]):
            a = views[i]
            value = (a.low, a.high, a.bound, a.q.approximate, a.rate, tuple(sorted(a.places)))
            if value in seen_values or not _same_measure(a, b):
                continue
            seen_values.add(value)
            pairs.append((i, j))
        earlier.append(j)
    pairs.sort()
    return pairs


def _amount(v: View) -> str:
    """The figure's value with its unit as a reader writes it: "$15", "25%", "12 km", "3"."""
    value = _range_text(v)
    if v.dimension == "count" or not v.q.unit:
        return value
    unit = v.q.unit.strip()
    if unit == "%":
        return value + unit
    if (v.dimension or "").startswith("currency") and not unit[-1:].isalpha():  # "$", "US$", "£"
        return unit + value
    return f"{value} {unit}"


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
