"""Lines written in title case: headlines, and the titles of related stories a page lists
("Obama Power Plant Rules Face Key Test In U.S. Court.").

A title-case line capitalises every word, so capitals there say nothing of where a name starts
or ends: the tagger reads "Obama Power Plant Rules Face Key Test" as one organisation. A name
read there names an actor only when the document says it elsewhere too ("Obama" is "President
Barack Obama" of the lead) or the actor dictionary or the countries know it (extract/actors.py).
Plain regular expressions over the text, so that importing this needs no spaCy.

    title_case_spans(text)          # [(start, end)] of each title-case line
    has_body(text, spans)           # any words outside them?
    said_elsewhere(name, text, spans)
"""

from __future__ import annotations

import re

# The words a title-case headline leaves in lower case (articles, short prepositions and
# conjunctions, forms of "to be"): they count neither way.
_SMALL = frozenset(
    "a an the and or but nor for of in on at to by with from as up via vs vs. per into onto over "
    "off out than so yet if is are was were be am nor".split())
_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
MIN_WORDS = 4  # fewer capitalised words are a name alone ("Barack Obama") or a byline


def is_title_case(line: str) -> bool:
    """Every word of the line but the small ones starts with a capital, and there are at least
    MIN_WORDS of them: "Obama Power Plant Rules Face Key Test In U.S. Court." is; "President
    Barack Obama met Prime Minister Justin Trudeau" is not ("met")."""
    words = [w for w in _WORD.findall(line) if w.lower() not in _SMALL]
    return len(words) >= MIN_WORDS and all(w[0].isupper() for w in words)


def title_case_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` written in title case."""
    spans, start = [], 0
    for line in text.split("\n"):
        if is_title_case(line):
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def inside(start: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in spans)


def has_body(text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether `text` has words outside its title-case lines `spans`: a body to check a
    headline's names by (a text of one title-case line, "Minister Of Foreign Affairs Of Saudi
    Arabia", has none)."""
    start = 0
    for a, b in spans:
        if _WORD.search(text, start, a):
            return True
        start = b
    return _WORD.search(text, start) is not None


def said_elsewhere(name: str, text: str, spans: list[tuple[int, int]]) -> bool:
    """Whether `name` stands as a whole in `text` outside the title-case lines `spans`."""
    pattern = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
    return any(not inside(m.start(), spans) for m in pattern.finditer(text))


def doc_title_case_spans(doc) -> list[tuple[int, int]]:
    """The title-case lines of a spaCy doc, worked out once per doc."""
    spans = doc.user_data.get("wirecoder_title_case")
    if spans is None:
        spans = doc.user_data["wirecoder_title_case"] = title_case_spans(doc.text)
    return spans
