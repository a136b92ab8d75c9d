"""Are two figures of the same counted noun figures of the same referent? (issue #20, item 1)

Two figures are compared (consistent or contradicted) only when nothing tells their referents
apart. Each cue below is a plain reason two figures are of different things, read from the text
around each figure; `referent_differences` returns the cues that fire, each with its words:

* `actor`: the named person or organisation that is the subject of each figure's clause differs
  ("John McCain got nearly 60 million votes" against "Trump will need at least 60 million votes");
* `companion`: each figure is tied by the same word ("for", "with") to a figure of one unit, and
  those differ ("five passes for 127 yards" against "five passes for 68 yards": two games);
* `set_modifier`: the figures' noun phrases hold different words that mark another set
  (knowledge/claim_referent_words.tsv: "1,237 outstanding delegates" against "1,237 delegates");
* `new_instance`: both figures measure one noun ("The Focus poll of 1,000 people", "The poll of
  1,000 people") and between them the text brings in another instance of it ("In a poll released
  Sunday", the same table);
* `part`: a figure written as a part of a counted whole ("Three of the four cases") is no second
  statement of a set ("the three cases");
* `vague_whole`: a part written as the word of a power of ten before a whole written only as a
  magnitude ("ten of thousands of emails") is a misspelt "tens of thousands", not 10 of them;
  "one of dozens of cases" stays a part.

The cues can be switched off by name (`claims` option `referent_cues`), so that a cue is scored
only on articles it was not written from (scripts/claims_cv.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from ..errors import ConfigError
from ..knowledge import load_tsv
from ..lang.en import words

CUES = ("actor", "companion", "set_modifier", "new_instance", "part", "vague_whole")

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_ACTOR_LABELS = frozenset({"PERSON", "ORG"})
_DESCRIPTION = frozenset({"det", "amod", "acl", "relcl"})
_COMPANION_WORDS = ("for", "with")
# a count in words (lang/en/number_words.tsv) and the words a set's count may follow: "of the four",
# "of its 81", "of all five" (possessives and demonstratives from lang/en/pronouns.tsv)
_NUMBER_WORDS = "|".join(sorted(words("number_words", spelling="standard") | {"hundred", "dozen"}, key=len, reverse=True))
_SET_WORDS = "|".join(sorted(words("pronouns", kind=("possessive", "demonstrative")) | {"the", "all"}, key=len, reverse=True))
# "of the four cases", "of Turkey's 81 provinces"; not a year ("the final four games of the 2007 season")
_PART_OF = re.compile(rf"\s+of\s+(?:{_SET_WORDS}|[A-Z][\w.]*(?:'s|’s))\s+"
                      rf"(?:(?!(?:1[89]|20)\d\d\b)\d|(?:{_NUMBER_WORDS})\b)", re.I)


@cache
def referent_words(role: str) -> tuple[str, ...]:
    """The words of a role in knowledge/claim_referent_words.tsv, longest first."""
    found = {row["words"].lower() for row in load_tsv("claim_referent_words.tsv") if row["role"] == role}
    return tuple(sorted(found, key=lambda w: (-len(w), w)))


def enabled_cues(value: str | None) -> frozenset[str]:
    """The cues named by the `referent_cues` option: "all" (default), "none", or names joined by
    commas."""
    if value is None or value.strip() == "all":
        return frozenset(CUES)
    names = {n.strip() for n in value.split(",") if n.strip() and n.strip() != "none"}
    unknown = names - set(CUES)
    if unknown:
        raise ConfigError(f"unknown referent cue(s) {', '.join(sorted(unknown))}; known: {', '.join(CUES)}")
    return frozenset(names)


def _tokens(v: Any) -> Any:
    if v.sentence is None:
        return None
    span = v.sentence.doc.char_span(v.q.span.start, v.q.span.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def _clause_verb(tok: Any) -> Any:
    for _ in range(6):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            return tok if tok.pos_ in ("VERB", "AUX") else None
        tok = tok.head
    return None


def actor(v: Any) -> tuple[str, str] | None:
    """The entity label and last word of the named person or organisation that is the subject of
    the figure's clause (("PERSON", "mccain") of "John McCain got nearly 60 million votes"); None
    when the subject names nobody, is the figure itself, or is a description around a name ("The
    former USC running back", which the parser may head by "USC": the same man as "Bush"). The
    parser's label is kept but not compared: it often tags a person as an organisation ("Trump")."""
    span = _tokens(v)
    if span is None:
        return None
    verb = _clause_verb(span.root)
    if verb is None:
        return None
    for child in verb.children:
        if child.dep_ in _SUBJECTS and child.ent_type_ in _ACTOR_LABELS and not \
                (span.start <= child.i < span.end) and child.i not in {t.i for t in span.root.subtree} \
                and not any(t.dep_ in _DESCRIPTION for t in child.children):
            return child.ent_type_, child.text.lower()
    return None


def companion(v: Any, views: Sequence[Any], text: str) -> tuple[str, str, float, float] | None:
    """The figure tied to this one by "for" or "with" right after it, in its sentence ("five passes
    for 127 yards": ("for", "yard", 127, 127))."""
    after = text[v.q.span.end:v.q.span.end + 12]
    m = re.match(rf"\s+({'|'.join(_COMPANION_WORDS)})\s+(?:a\s+|an\s+|about\s+|nearly\s+)?", after)
    if m is None:
        return None
    start = v.q.span.end + m.end()
    for other in views:
        if other.q.span.start == start and other.q.normalized_unit:
            return m.group(1), other.q.normalized_unit.lower(), other.low, other.high
    return None


def set_modifiers(v: Any, text: str) -> set[str]:
    """The words of claim_referent_words.tsv (set_modifier) in the figure's own noun phrase: its
    words and the words between it and its counted noun ("1,237 outstanding delegates")."""
    words = set(referent_words("set_modifier"))
    span = _tokens(v)
    found = {w for w in re.findall(r"[a-z]+", v.text.lower()) if w in words}
    if span is not None:
        head = span.root.head if span.root.dep_ in ("nummod", "quantmod") else span.root
        found |= {t.lower_ for t in head.lefts if t.lower_ in words}
    return found


def measured_noun(v: Any) -> tuple[str, int] | None:
    """The noun a figure is 'of' ("poll" of "The poll of 1,000 people") when written with a
    definite article, and where that noun starts."""
    span = _tokens(v)
    if span is None:
        return None
    prep = span.root.head
    if span.root.dep_ != "pobj" or prep.lower_ != "of" or prep.head.pos_ != "NOUN":
        return None
    noun = prep.head
    if not any(t.lower_ in ("the", "this", "that") for t in noun.lefts):
        return None
    return noun.lemma_.lower(), noun.idx


def brings_in_another(text: str, noun: str, start: int, end: int) -> re.Match | None:
    """Words of claim_referent_words.tsv (new_instance) right before the noun ("another poll",
    "a poll released Sunday") in text[start:end]."""
    dets = "|".join(re.escape(w) for w in referent_words("new_instance"))
    return re.search(rf"\b(?:{dets})\s+(?:[a-z]+\s+)?{re.escape(noun)}s?\b", text[start:end], re.I)


def is_a_part(v: Any, text: str) -> bool:
    """ "Three of the four cases", "11 of Turkey's 81 provinces": a part of a counted whole."""
    return bool(_PART_OF.match(text, v.q.span.end))


def referent_differences(a: Any, b: Any, text: str, views: Sequence[Any],
                         cues: frozenset[str] = frozenset(CUES)) -> list[str]:
    """Why two figures (a before b) are of different referents, in plain words; [] when nothing
    tells them apart."""
    out = []
    if "actor" in cues:
        x, y = actor(a), actor(b)
        if x and y and x[1] != y[1]:
            out.append(f"they are of different actors ({x[1]} against {y[1]})")
    if "companion" in cues:
        x, y = companion(a, views, text), companion(b, views, text)
        if x and y and x[:2] == y[:2] and x[2:] != y[2:]:
            out.append(f'they go with different figures ("{x[0]}" {x[2]:g} against {y[2]:g} {x[1]})')
    if "set_modifier" in cues:
        x, y = set_modifiers(a, text), set_modifiers(b, text)
        if x != y:
            out.append(f"they are of different sets ({', '.join(sorted(x)) or 'plain'} against "
                       f"{', '.join(sorted(y)) or 'plain'})")
    if "new_instance" in cues:
        x, y = measured_noun(a), measured_noun(b)
        if x and y and x[0] == y[0]:
            first, second = sorted((x, y), key=lambda n: n[1])
            m = brings_in_another(text, first[0], first[1] + len(first[0]), second[1])
            if m:
                out.append(f'"{m.group(0)}" between them brings in another {first[0]}')
    if "part" in cues:
        parts = [v.text for v in (a, b) if is_a_part(v, text)]
        if len(parts) == 1:
            out.append(f'"{parts[0]}" is a part of a counted whole')
    return out


_VAGUE_WHOLE = re.compile(r"(?:tens\s+of\s+|hundreds\s+of\s+)?(?:dozens|scores|hundreds|thousands|millions|billions)\b", re.I)


def misread_magnitude(part: Any, whole: Any) -> bool:
    """ "ten of thousands of emails": a power of ten written as a word ("ten", "hundred") as the
    part of a whole written only as a magnitude ("thousands of emails")."""
    return part.low in (10.0, 100.0, 1000.0) and part.text.strip().isalpha() and \
        bool(_VAGUE_WHOLE.match(whole.text.strip()))
