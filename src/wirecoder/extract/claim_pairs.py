"""When two figures of one document can be one fact stated twice, and how far apart they are:
the conditions a contradiction needs (extract/claims.py), kept apart from the checks themselves."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from ..knowledge import load_tsv
from .numbers.words import format_value


@cache
def claim_vetoes() -> frozenset[str]:
    """Words of change, proposal, comparison or condition (knowledge/claim_vetoes.tsv)."""
    return frozenset(row["word"] for row in load_tsv("claim_vetoes.tsv"))


@cache
def figure_words(role: str) -> tuple[str, ...]:
    """Words that, written right after a figure, give it a role other than an amount
    (knowledge/claim_figure_words.tsv): `threshold` ("45 or older"), `subset` ("with")."""
    return tuple(row["words"].lower() for row in load_tsv("claim_figure_words.tsv") if row["role"] == role)


def veto_word(sentence: Any, start: int, end: int) -> Any:
    """The first word of the figure's sentence that speaks of a change, a proposal, a comparison
    or a condition, or None. The figure's own words ("more than 300") are its bound, not a
    comparison."""
    vetoes = claim_vetoes()
    return next((t for t in sentence if (t.lemma_.lower() in vetoes or t.lower_ in vetoes)
                 and not start <= t.idx < end), None)


@cache
def target_words() -> frozenset[str]:
    """The words of claim_vetoes.tsv that make a figure a value sought rather than held: a
    proposed, planned, demanded, promised or hypothetical value."""
    return frozenset(row["word"] for row in load_tsv("claim_vetoes.tsv")
                     if row["why"].startswith(("a proposed", "a planned", "a demanded", "a promised",
                                               "a hypothetical")))


def is_sought(sentence: Any, start: int, end: int) -> bool:
    """Is the figure the value its sentence proposes, plans, demands or promises to bring something
    to or set something at ("promises to raise the minimum wage to $15")? Not a figure of what a
    plan acts on ("a plan to deport 11 million people")."""
    before = sentence.text[max(0, start - sentence.start_char - 4):start - sentence.start_char]
    if not re.search(r"\b(?:to|at)\s+$", before):
        return False
    words = target_words()
    return any((t.lemma_.lower() in words or t.lower_ in words) and not start <= t.idx < end for t in sentence)


def is_vetoed(sentence: Any, start: int, end: int) -> bool:
    return veto_word(sentence, start, end) is not None


# a person or an organisation is no count; a people ("tens of millions of Americans") is one
_PARTY_LABELS = frozenset({"PERSON", "ORG"})


def part_of_something_else(text: str, start: int, end: int, times: Sequence[Any], doc: Any = None) -> bool:
    """Is the figure part of something that is no count: a date or time the time tagger found
    ("3:45 p.m."), a number written against a slash ("9/11 victims", "24/7"), a threshold that
    bounds a group ("voters 45 or older", knowledge/claim_figure_words.tsv), a value inside
    markup ('<tweet timestamp="1449075600">', "border-radius: 50px;"), or a number in a name
    ("Under 70 Auto Sales", "3 News reporter", the book "13 Hours")?"""
    if any(t.span.start < end and start < t.span.end and t.type in ("DATE", "TIME") for t in times):
        return True
    before, after = text[max(0, start - 1):start], text[end:end + 1]
    if before == "/" or after == "/" or "/" in text[start:end].split(" ")[0]:
        return True
    tail = (text[start:end] + " " + text[end:end + 20]).lower()
    if any(re.search(rf"\b{re.escape(words)}\b", tail) for words in figure_words("threshold")):
        return True
    return _in_markup(text, start, end) or _in_a_name(doc, text, start, end)


def _in_markup(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    head = text[line_start:start]
    if head.rfind("<") > head.rfind(">"):  # inside a tag
        return True
    return bool(re.fullmatch(r"\s*[-\w]+\s*:[^;]*;\s*", line))  # a style declaration


_TITLE_WORD = re.compile(r"\b[A-Z][\w'’-]*|\b[a-z][\w'’-]*")
# a capitalised word after a figure that names a people or a place still says what is counted
_PEOPLE_OR_PLACE = frozenset({"NORP", "GPE", "LOC"})


def _in_a_name(doc: Any, text: str, start: int, end: int) -> bool:
    """The figure runs into a proper noun that names no people or place ("Under 70 Auto Sales",
    "3 News reporter") in a sentence that is otherwise not written in title case (a headline
    capitalises every word)."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None else None
    if span is None or not len(span):
        return False
    numbers = [t.i for t in span if t.like_num]
    after = (numbers[-1] if numbers else span.end - 1) + 1
    if after >= len(doc):
        return False
    nxt = doc[after]
    if not nxt.is_title or nxt.ent_type_ in _PEOPLE_OR_PLACE or nxt.pos_ == "ADJ":
        return False
    sent = span.sent
    words = _TITLE_WORD.findall(text[sent.start_char:sent.end_char])
    capital = sum(w[0].isupper() for w in words)
    return capital <= 0.6 * len(words)


def names_a_party(doc: Any, start: int, end: int) -> bool:
    """Is the concept a figure is about the name of a person or an organisation: "seven" next to
    "Marco Rubio" says nothing of what is counted, so it can be checked against nothing."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span.root.ent_type_ in _PARTY_LABELS


def is_added(text: str, start: int, end: int) -> bool:
    """Does the figure count an addition to a set rather than the set: "six more cases", "each
    additional 10 vehicles", "a further 20,000 people" (knowledge/claim_figure_words.tsv, added)?
    "more than 300" is a bound, not an addition."""
    words = "|".join(re.escape(w) for w in figure_words("added"))
    if re.search(rf"\b(?:{words})\s+$", text[max(0, start - 20):start].lower()):
        return True
    return bool(re.match(rf"\W*[\w.,$%-]+\s+(?:{words})\b(?!\s+than)", text[start:end + 20].lower()))


def agree_as_one_fact(a: Any, b: Any) -> bool:
    """May two equal figures be recorded as one fact stated twice ("consistent")? Not a 0 or a
    1, as often the article "a" or "no" as a count ("one person was arrested", "one person had
    been attacked"); not a part ("one of the cases", "two of the cases"); and the words of what
    one counts all among the other's (not "11% of Democratic claims" and "11% of Republican
    claims", nor "zero military experience" and "zero foreign policy experience"): only those
    words, as the rest of a concept is often another noun of the sentence ("Donald Trump's plan
    to deport 11 million people"); and no addition ("six more cases")."""
    if a.high <= 1 and a.bound is None and a.q.value_high is None and a.dimension in ("count", None):
        return False
    if not (a.phrase <= b.phrase or b.phrase <= a.phrase) or a.added or b.added or a.sought != b.sought:
        return False  # a sought value ("promises a $15 wage") is no second statement of a held one
    return not any(_a_part(v) for v in (a, b))


def _a_part(v: Any) -> bool:
    """ "two of the cases", "one of many agencies": a figure that is a part of a set it names
    after "of" ("four members of the security forces" is a count of members)."""
    if re.match(r"\W*[\w.,-]*[^\Ws] of\b", v.q.span.text, re.I):  # not "dozens of women"
        return True
    if v.sentence is None:
        return False
    # the sentence's own text: Doc.text joins every token of the document anew on each call
    end = v.q.span.end - v.sentence.start_char
    return not v.q.normalized_unit and v.sentence.text[end:end + 4] == " of "


def how_much_larger(ratio: float) -> str:
    """'at least 0.4% larger than', 'at least 17% larger than', 'at least about 3 times',
    'at least about 1,000 times': never a rounding to "1 times" or to 0%."""
    if ratio < 2:
        pct = (ratio - 1) * 100
        said = f"{pct:.1g}" if pct < 1 else str(round(pct))
        return f"at least {said}% larger than"
    return f"at least about {format_value(float(f'{ratio:.2g}'))} times"


def how_they_differ(big_low: float, small_high: float) -> str:
    """The clause of a contradiction that says how far apart two figures are; a zero on the small
    side has no ratio ("at least 3 against 0")."""
    if small_high <= 0:
        return f"the larger is at least {format_value(big_low)} and the smaller {format_value(small_high)}"
    return f"the larger is {how_much_larger(big_low / small_high)} the smaller"
