"""Quotes: first version. Quote-mark spans (direct), speech-verb clauses (indirect), 'according to'.

Quote marks are paired inside a paragraph; a paragraph whose quote never closes runs to its end
(news style reopens the next paragraph instead of closing). Marks that do not pair are skipped,
never an error. The speaker is the subject of the nearest speech verb outside the quote in the
same or the neighbouring sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from ..lang.en import words
from ..options import option
from ..records import ActorRef, Quote, Span, stable_id
from ..registry import stage
from ..state import AnalysisState
from .common import char_span, span_of

SPEECH_VERBS = words("speech_verbs", quotes="yes")
# Verbs that only report speech when they take a clause ("he said that ..."), not as actions.
_CLAUSE_DEPS = ("ccomp", "xcomp")

_OPEN = "“‘\"'«"
_CLOSE = "”’\"'»"
_PAIR = {"“": "”", "‘": "’", "«": "»", '"': '"', "'": "'"}


def _is_opening(text: str, i: int) -> bool:
    ch = text[i]
    if ch in "“‘«":
        return True
    if ch in "\"'":
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        return (before.isspace() or before in "([—–-:") and not after.isspace()
    return False


def _closing_index(text: str, start: int, end: int, opener: str) -> int | None:
    """Index of the mark closing the quote opened at `start`, within [start, end)."""
    closer = _PAIR[opener]
    closers = {closer, "”"} if opener in "\"“" else {closer, "’"}
    for j in range(start + 1, end):
        ch = text[j]
        if ch in closers:
            after = text[j + 1] if j + 1 < len(text) else " "
            before = text[j - 1]
            if ch in "'’" and before.isalpha() and after.isalpha():
                continue  # an apostrophe inside a word
            if ch in "'’" and before in "s" and after.isspace() and opener in "'‘" and \
                    re.match(r"\s+[a-z]", text[j + 1:j + 3] or "") and not re.search(r"[.,!?]$", text[start:j]):
                # "the cartels' leaders": a possessive s' followed by lower-case text
                continue
            return j
    return None


def quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of quoted stretches, marks included; unclosed ones run to paragraph end."""
    found = []
    for p_start, p_end in paragraphs:
        i = p_start
        while i < p_end:
            if text[i] in _OPEN and _is_opening(text, i):
                j = _closing_index(text, i, p_end, text[i])
                if j is None:
                    found.append((i, p_end, False))
                    break
                found.append((i, j + 1, True))
                i = j + 1
            else:
                i += 1
    return found


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    for m in re.finditer(r"\n\n", text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _speaker_of(verb) -> Any:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def _noun_phrase(token):
    """The speaker token with its compounds, titles and names (not relative clauses)."""
    keep = [t for t in token.subtree if t.dep_ not in ("relcl", "acl", "punct", "cc", "conj", "appos")
            or t == token]
    left = min(t.i for t in keep)
    right = token.i
    for t in keep:
        if t.i > right and t.dep_ in ("compound", "flat", "nmod") or (t.i == right + 1 and t.ent_type_):
            right = max(right, t.i)
    return token.doc[left:right + 1]


class _QuotedRanges:
    """The quoted character ranges of a text (sorted, not overlapping), searched by bisection:
    testing every token against every range was quadratic in a text full of quotes."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.ranges = sorted(ranges)
        self.starts = [a for a, _ in self.ranges]

    def __iter__(self):
        return iter(self.ranges)

    def holds(self, offset: int) -> bool:
        k = bisect_right(self.starts, offset) - 1
        return k >= 0 and offset < self.ranges[k][1]

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect_right(self.starts, end - 1) - 1  # the last range starting before `end`
        return k >= 0 and self.ranges[k][1] > start


def _cue_near(doc, start: int, end: int, text_quote_ranges: _QuotedRanges):
    """A speech verb outside quoted text in the sentence(s) touching [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sents = {span[0].sent, span[-1].sent}
    candidates = []
    for sent in sents:
        for tok in sent:
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in SPEECH_VERBS and \
                    not text_quote_ranges.holds(tok.idx):
                candidates.append(tok)
    if not candidates:
        return None
    return min(candidates, key=lambda t: min(abs(t.idx - start), abs(t.idx - end)))


@dataclass(frozen=True)
class SimpleQuotesOptions:
    min_direct_words: int = option(3, "shorter quoted strings are scare quotes, not speech")


@stage("quotes_simple", requires=("document", "spacy"), assigns=("quotes",), version="1",
       options=SimpleQuotesOptions)
def make_quotes(options: dict[str, Any]):
    """Direct quotes by quote marks, indirect by speech verbs with a clause, 'according to X'."""
    min_words = options["min_direct_words"]

    def run(state: AnalysisState) -> dict[str, Any]:
        document, doc = state.document, state.spacy_doc
        text = document.text
        ranges = _QuotedRanges([(a, b) for a, b, _ in quote_spans(text, _paragraph_bounds(text))])
        quotes: list[Quote] = []
        covered: list[tuple[int, int]] = []
        last_speaker: tuple[ActorRef, str] | None = None
        for a, b in ranges:
            content = char_span(text, a, b)
            if len(content.text.split()) < min_words:
                continue
            cue = _cue_near(doc, a, b, ranges)
            speaker_ref, speaker_name = None, None
            if cue is not None:
                subj = _speaker_of(cue)
                if subj is not None:
                    np = _noun_phrase(subj)
                    speaker_ref = ActorRef(span=span_of(text, np))
                    speaker_name = np.text
                    last_speaker = (speaker_ref, speaker_name)
            elif last_speaker is not None:
                speaker_ref, speaker_name = last_speaker  # a continuation paragraph
            kind = "direct"
            sent = doc.char_span(a, b, alignment_mode="expand")
            if sent is not None and cue is not None:
                outside = [t for t in sent[0].sent if not (a <= t.idx < b) and not t.is_punct]
                if len(outside) > 8 and a > sent[0].sent.start_char + 1:
                    kind = "mixed"
            evidence = [content] + ([speaker_ref.span] if speaker_ref else [])
            cue_span = span_of(text, cue) if cue is not None else None
            quotes.append(Quote(
                id=stable_id("quote", document.id, content.key()), kind=kind, content=[content],
                speaker=speaker_ref, speaker_name=speaker_name, cue=cue_span,
                evidence=evidence + ([cue_span] if cue_span else []),
                confidence=0.7 if speaker_ref else 0.4,
            ))
            covered.append((a, b))
        quotes.extend(_indirect(document.id, text, doc, ranges))
        return {"quotes": quotes}

    return run


def _indirect(doc_id: str, text: str, doc, ranges: _QuotedRanges) -> list[Quote]:
    found = []
    for tok in doc:
        if ranges.holds(tok.idx):
            continue
        clause, speaker = None, None
        if tok.lemma_.lower() in SPEECH_VERBS and tok.pos_ == "VERB":
            clause = next((c for c in tok.children if c.dep_ in _CLAUSE_DEPS and c.pos_ in ("VERB", "AUX")), None)
            speaker = _speaker_of(tok)
            cue = tok
        elif tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is None:
                continue
            speaker, cue = obj, tok
            sent = tok.sent
            # The content is the rest of the sentence, on the side away from "according to".
            left = text[sent.start_char:tok.idx]
            if len(left.split()) >= 3:
                content = char_span(text, sent.start_char, tok.idx)
            else:
                content = char_span(text, _noun_phrase(obj).end_char, sent.end_char)
            clause = content
        if clause is None or speaker is None:
            continue
        if not isinstance(clause, Span):
            sub = list(clause.subtree)
            content = char_span(text, sub[0].idx, sub[-1].idx + len(sub[-1].text))
        if ranges.overlaps(content.start, content.end) or len(content.text.split()) < 3:
            continue
        np = _noun_phrase(speaker)
        speaker_ref = ActorRef(span=span_of(text, np))
        cue_span = Span.of(text, cue.idx, cue.idx + len(cue.text))
        found.append(Quote(
            id=stable_id("quote", doc_id, content.key()), kind="indirect", content=[content],
            speaker=speaker_ref, speaker_name=np.text, cue=cue_span,
            evidence=[content, speaker_ref.span, cue_span], confidence=0.5,
        ))
    return found
