"""Assemble Quote records from quote marks, cue frames and the actors stage.

1. Quote marks give quoted stretches (`marks.quote_runs`); a stretch left open at a paragraph's
   end that the next paragraph reopens is one quote across both.
2. Cue frames from the parse (`syntax.frames`) give cue, content and source of every reported
   clause, infinitive, object or 'according to' phrase outside quoted text.
3. A quoted stretch inside a frame's content takes that frame's cue: it is *direct* when the
   frame's content is the quote, *mixed* when the quote is a fragment of a reported clause
   ("vowed 'to wage war on the cartels'") or the frame says more than the quote ("said the
   moves were 'lackadaisical'"). A stretch no frame holds takes the nearest cue verb with a
   subject in its sentence, in the next sentence when the quote ends in a comma or that sentence
   is a bare cue clause ("'...?' Sanders replied."), or in a previous sentence ending in a colon;
   a quoted fragment only takes a verb that governs it.
4. Stretches that share a cue are one quote with several content spans ("'A,' he said. 'B.'").
   A stretch with no cue joins the quote before it in its paragraph; else its source is the one
   named before a colon ("David Wasserman: '...'", a paragraph ending "as the website notes:"),
   else it continues the latest attribution of its paragraph or, opening a paragraph, of the
   nearest body paragraph before it (photo captions and headings skipped). Quoted text with no
   source in sight (titles, slogans, scare quotes) is left out unless `keep_unattributed`.
5. Frames with no quoted text are indirect quotes (mixed if their content holds quoted text).
Speakers resolve through the actors stage (pronouns, "the secretary") to the canonical actor;
the speaker span stays the mention in the sentence ("she", "who", "the secretary").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass
from typing import Any

from ...records import Actor, ActorRef, Quote, Span, stable_id
from ..actor_index import ActorIndex
from .lexicon import DIRECT_CUES, SPEECH
from .marks import QuoteRun, paragraph_bounds, quote_runs
from .speaker_syntax import good_speaker, speaker_of
from .speakers import Speaker, addressee_of, addressee_ref, anonymity_in_sentence, make_speaker
from .syntax import Frame, frames
from .tree import token_end

Token = Any

_TERMINAL = re.compile(r"[.!?…:][\"'”’»)\]]*$|[\"'”’»]$")
_GLUE = {"that", "and", "but", "if", "whether", "to", "as", "so", "then", "also", "because"}
_SMALL = {"a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "with", "by", "or", "is",
          "de", "la", "from", "vs", "vs."}
_CONFIDENCE = {"speech": 0.6, "according": 0.6, "thought": 0.45, "evidence": 0.45,
               "stance": 0.45, "noun": 0.4, "raising": 0.35}


@dataclass
class _Draft:
    kind: str
    content: list[tuple[int, int]]
    cue: Token | None = None
    cue_range: tuple[int, int] | None = None
    speaker_tok: Token | None = None
    speaker: Speaker | None = None
    addressee: Token | None = None
    paragraph: int = 0
    category: str = "speech"
    pattern: str = ""
    continuation: bool = False
    source: _Draft | None = None  # the quote whose speaker a continuation takes
    sourceless: bool = False


class _Text:
    """Offsets, tokens and paragraphs of one document, with quick lookups."""

    def __init__(self, text: str, doc):
        self.text, self.doc = text, doc
        self.paragraphs = paragraph_bounds(text)
        self.p_starts = [a for a, _ in self.paragraphs]
        self.tok_starts = [t.idx for t in doc]
        self._verbs: dict[int, list] = {}
        self._cue_clauses: dict[int, bool] = {}
        self._colons: dict[int, list[int]] = {}

    def verbs_of(self, sent, owner: list[int]) -> list:
        """Verbs and 'according' of a sentence outside quoted text (cached per sentence)."""
        if sent.start not in self._verbs:
            self._verbs[sent.start] = [
                t for t in sent if owner[t.i] < 0 and (t.pos_ == "VERB" or t.lower_ == "according")]
        return self._verbs[sent.start]

    def colons_of(self, sent, owner: list[int]) -> list[int]:
        """Token indices of the colons of a sentence outside quoted text (cached)."""
        if sent.start not in self._colons:
            self._colons[sent.start] = [t.i for t in sent if t.text == ":" and owner[t.i] < 0]
        return self._colons[sent.start]

    def is_cue_clause(self, sent, owner: list[int]) -> bool:
        if sent.start not in self._cue_clauses:
            self._cue_clauses[sent.start] = _cue_clause(sent, owner)
        return self._cue_clauses[sent.start]

    def token_at(self, char: int) -> int:
        return max(0, bisect_right(self.tok_starts, char) - 1)

    def paragraph_of(self, char: int) -> int:
        return max(0, bisect_right(self.p_starts, char) - 1)

    def tokens_in(self, a: int, b: int) -> range:
        if not len(self.doc):
            return range(0)
        first = self.token_at(a)
        if self.doc[first].idx < a and token_end(self.doc[first]) <= a:
            first += 1
        last = self.token_at(max(a, b - 1))
        return range(first, last + 1)

    def is_caption(self, p: int) -> bool:
        """Photo captions and headings: paragraphs that do not end like a sentence."""
        a, b = self.paragraphs[p]
        return not _TERMINAL.search(self.text[max(a, b - 8):b])


def _is_fragment(text: str, run: QuoteRun) -> bool:
    """A quoted phrase woven into the narrator's sentence rather than a quoted sentence."""
    inner = text[run.inner_start:run.inner_end].lstrip(" .…")
    i = run.start - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    before = text[i] if i >= 0 else "\n"
    embedded = before.isalnum() or before in ")%$"
    if not embedded:
        return False
    starts_upper = inner[:1].isupper() and not inner.startswith("I ")
    ends_sentence = bool(re.search(r"[.!?][\"'”’]*\s*$", text[run.inner_start:run.inner_end]))
    return not (starts_upper and ends_sentence and len(inner.split()) > 3)


def _is_title(text: str, run: QuoteRun) -> bool:
    """'“Meet the Press”', "''Eye of the Tiger''": a short title-cased name, not a quote."""
    inner = text[run.inner_start:run.inner_end].strip(" ,.")
    words = [w for w in re.findall(r"[\w'’-]+", inner)]
    if not words or len(words) > 8:
        return False
    big = [w for w in words if w.lower() not in _SMALL]
    if not big:
        return False
    caps = sum(1 for w in big if w[:1].isupper() or w[:1].isdigit())
    if caps < len(big):
        return False
    i = run.start - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    # a capitalised quote that opens a sentence is a quoted sentence, not a title
    return not (i < 0 or text[i] in "\n.!?:" or len(words) >= 6)


def _chains(runs: list[QuoteRun], tx: _Text) -> list[list[int]]:
    """Runs grouped into units: a run that continues into the next paragraph's opening run."""
    units: list[list[int]] = []
    for k, run in enumerate(runs):
        if units and runs[units[-1][-1]].continues:
            prev = runs[units[-1][-1]]
            p = prev.paragraph + 1
            if run.paragraph == p and run.start == tx.paragraphs[p][0]:
                units[-1].append(k)
                continue
        units.append([k])
    return units


def _run_tokens(tx: _Text, runs: list[QuoteRun]) -> list[int]:
    owner = [-1] * len(tx.doc)
    for k, run in enumerate(runs):
        for i in tx.tokens_in(run.start, run.end):
            owner[i] = k
    return owner


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _assign_frames(runs: list[QuoteRun], fr: list[Frame]) -> dict[int, int]:
    """Run index -> index of the most specific frame whose content holds it."""
    starts = [run.inner_start for run in runs]  # runs are in text order and do not overlap
    best: dict[int, tuple[int, int]] = {}
    for f_i, frame in enumerate(fr):
        size = sum(b - a for a, b in frame.content)
        for a, b in frame.content:
            k = max(0, bisect_right(starts, a) - 1)
            while k < len(runs) and runs[k].inner_start < b:
                if _overlap((runs[k].inner_start, runs[k].inner_end), (a, b)) and (
                        k not in best or size < best[k][0]):
                    best[k] = (size, f_i)
                k += 1
    return {k: v[1] for k, v in best.items()}


_TRAILING_GAP = re.compile(r"[\s,:;—–-]*(?:(?:as|for|by|with|and|but|saying|calling|adding)\b)?"
                          r"[\s,:;—–-]*")


def _attach_trailing(tx: _Text, runs: list[QuoteRun], fr: list[Frame], run_frame: dict[int, int],
                     owner: list[int]) -> None:
    """A quote right after a frame's content that the parse hung elsewhere belongs to the
    frame: 'dismissed the kerfuffle as "absurd."', 'said a deal might be possible: "In
    business, ..."' -- unless the quote has a cue of its own."""
    ends = sorted((f.end, f_i) for f_i, f in enumerate(fr))
    end_keys = [e for e, _ in ends]
    for k, run in enumerate(runs):
        if k in run_frame:
            continue
        j = bisect_right(end_keys, run.start) - 1
        if j < 0:
            continue
        f_i = ends[j][1]
        frame = fr[f_i]
        gap = tx.text[frame.end:run.start]
        if len(gap) > 14 or "\n" in gap or not _TRAILING_GAP.fullmatch(gap) \
                or tx.paragraph_of(frame.end) != run.paragraph:
            continue
        own = _fallback_cue(tx, [k], runs, owner)
        if own is None or own.i == frame.cue.i:
            run_frame[k] = f_i


def _outside_words(tx: _Text, frame: Frame, runs: list[QuoteRun], owner: list[int]) -> int:
    n = 0
    for a, b in frame.content:
        for i in tx.tokens_in(a, b):
            tok = tx.doc[i]
            if owner[i] < 0 and tok.is_alpha and tok.lower_ not in _GLUE:
                n += 1
    return n


_CLOSING_MARKS = "\"'”’»"


def _ends_with(text: str, run: QuoteRun, chars: str) -> bool:
    """Whether the quoted text ends in one of `chars` (inside the closing marks)."""
    inner = text[run.inner_start:run.inner_end].rstrip().rstrip(_CLOSING_MARKS).rstrip()
    return inner[-1:] in chars if inner else False


def _cue_clause(sent, owner: list[int]) -> bool:
    """A short sentence that is only a cue clause: 'Weaver said.', 'one person tweeted.'"""
    words = []
    for t in sent:
        if not t.is_punct and not t.is_space and owner[t.i] < 0:
            words.append(t)
            if len(words) > 12:
                return False
    return bool(words) and any(
        t.pos_ == "VERB" and t.lemma_.lower() in DIRECT_CUES for t in words[:6])


def _fallback_cue(tx: _Text, unit: list[int], runs: list[QuoteRun], owner: list[int]
                  ) -> Token | None:
    """The nearest cue verb for a quoted stretch no frame holds: in its sentences, in the next
    sentence when that is a bare cue clause ("'...?' Sanders replied."), in a previous
    sentence ending in a colon."""
    doc = tx.doc
    first, last = runs[unit[0]], runs[unit[-1]]
    sents = []
    for run in (first, last):
        toks = tx.tokens_in(run.start, run.end)
        if len(toks):
            sents.append(doc[toks[0]].sent)
            sents.append(doc[toks[-1]].sent)
    if not sents:
        return None
    extra = []
    last_sent = sents[-1]
    if last_sent.end < len(doc):
        nxt = doc[last_sent.end].sent
        if tx.paragraph_of(nxt.start_char) == last.paragraph and (
                _ends_with(tx.text, last, ",—–-") or tx.is_cue_clause(nxt, owner)
                and nxt.start_char - last.end < 3):
            extra.append(nxt)
    first_sent = sents[0]
    if first_sent.start > 0:
        prev = doc[first_sent.start - 1].sent
        if prev.text.rstrip().endswith(":") and tx.paragraph_of(prev.start_char) == first.paragraph:
            extra.append(prev)
    candidates: list[tuple[float, Token]] = []
    seen = set()
    for sent in sents + extra:
        if sent.start in seen:
            continue
        seen.add(sent.start)
        for tok in tx.verbs_of(sent, owner):
            according = tok.lower_ == "according" and tok.i + 1 < len(doc) \
                and doc[tok.i + 1].lower_ == "to"
            # any verb right after the quote will do: '"Go back to Univision," Trump barked'
            right_after = tok.pos_ == "VERB" and 0 <= tok.idx - last.end <= 25 \
                and _ends_with(tx.text, last, ",!?—–-")
            if not according and not right_after and not (
                    tok.pos_ == "VERB" and tok.lemma_.lower() in DIRECT_CUES):
                continue
            if tok.idx >= last.end:
                dist = tok.idx - last.end
            elif tok.idx < first.start:
                dist = first.start - tok.idx + 0.5
            else:
                dist = 40 + abs(tok.idx - first.start) / 10  # between parts of a split quote
            if not according and speaker_of(tok, lambda i: owner[i] >= 0) is None:
                continue
            candidates.append((dist, tok))
    if not candidates:
        return None
    return min(candidates, key=lambda c: (c[0], c[1].i))[1]


def _governs(tx: _Text, cue: Token, run: QuoteRun) -> bool:
    """Whether the cue verb is an ancestor (within four steps) of the quoted phrase."""
    for i in tx.tokens_in(run.inner_start, run.inner_end):
        tok = tx.doc[i]
        for _ in range(4):
            if tok.head is tok:
                break
            tok = tok.head
            if tok.i == cue.i:
                return True
    return False


def _colon_speaker(tx: _Text, run: QuoteRun, owner: list[int]) -> Token | None:
    """'David Wasserman: "..."', 'Kelli Ward: Impeach AG Lynch, 'Stop DC ...'', 'the cleric
    is shown lecturing: "..."': the source of a quote after a colon is the subject of the last
    verb before the colon, else the last name before it."""
    doc = tx.doc
    first = tx.token_at(run.start)
    sent = doc[first].sent
    colon = next((i for i in reversed(tx.colons_of(sent, owner)) if i < first), None)
    if colon is None and sent.start > 0 and doc[sent.start - 1].text == ":" \
            and tx.paragraph_of(doc[sent.start - 1].idx) == run.paragraph:
        colon = sent.start - 1  # the parser ended the sentence at the colon
    if colon is None:
        return None
    return _colon_speaker_at(tx, colon, owner)


def _body_before(tx: _Text, p: int, limit: int = 4) -> int | None:
    """The nearest earlier paragraph that is not a caption or heading."""
    q = p - 1
    while q >= 0 and p - q <= limit + 1:
        if not tx.is_caption(q):
            return q
        q -= 1
    return None


def find_quotes(doc_id: str, text: str, doc, actors: list[Actor] | None,
                options: dict[str, Any] | None = None) -> list[Quote]:
    options = options or {}
    keep_orphans = bool(options.get("keep_unattributed", False))
    tx = _Text(text, doc)
    runs = quote_runs(text, tx.paragraphs)
    owner = _run_tokens(tx, runs)
    fr = _top_level(frames(doc, lambda i: owner[i] >= 0))
    index = ActorIndex(actors)
    run_frame = _assign_frames(runs, fr)
    _attach_trailing(tx, runs, fr, run_frame, owner)
    holding = set(run_frame.values())
    frame_is_mixed = {f_i: _outside_words(tx, fr[f_i], runs, owner) > 0 for f_i in holding}

    # Reported speech, thought and stance with no quoted text of its own.
    reported: list[_Draft] = []
    for f_i, frame in enumerate(fr):
        if f_i in holding:
            continue
        kind = "mixed" if any(_overlap(r, run.range) for r in frame.content for run in runs) \
            else "indirect"
        reported.append(_Draft(kind, list(frame.content), frame.cue, frame.cue_range,
                               frame.speaker, paragraph=tx.paragraph_of(frame.start),
                               category=frame.category, sourceless=frame.sourceless,
                               pattern=frame.pattern))

    quoted: list[_Draft] = []
    by_cue: dict[int, _Draft] = {}
    timeline = _Timeline(reported)
    for unit in _chains(runs, tx):
        first = runs[unit[0]]
        parts = [runs[k].range for k in unit]
        f_i = next((run_frame[k] for k in unit if k in run_frame), None)
        frame = fr[f_i] if f_i is not None else None
        if frame is not None and frame_is_mixed[f_i]:
            d = by_cue.get(frame.cue.i)
            if d is None:
                d = _Draft("mixed", list(frame.content), frame.cue, frame.cue_range,
                           frame.speaker, paragraph=tx.paragraph_of(frame.start),
                           category=frame.category, sourceless=frame.sourceless,
                           pattern=frame.pattern)
                by_cue[frame.cue.i] = d
                quoted.append(d)
                timeline.add(d)
            d.content = _union(d.content, parts)
            continue
        if frame is not None and frame.category in ("stance", "noun", "raising") and \
                len(unit) == 1 and _is_title(text, first):
            continue  # 'appeared on "Meet the Press"': a name, not a quote
        fragment = any(_is_fragment(text, runs[k]) for k in unit)
        cue = frame.cue if frame is not None else _fallback_cue(tx, unit, runs, owner)
        if cue is not None and frame is None and fragment and not _governs(tx, cue, first):
            cue = None  # a quoted phrase the verb does not govern: a scare quote or a name
        if cue is not None and cue.i in by_cue:
            d = by_cue[cue.i]
            d.content = _union(d.content, parts)
            if fragment:
                d.kind = "mixed"
            continue
        if cue is None:
            prev = quoted[-1] if quoted else None
            if prev is not None and prev.paragraph == first.paragraph and not (
                    first.start == tx.paragraphs[first.paragraph][0]):
                prev.content = _union(prev.content, parts)
                continue  # the second half of a quote split around its cue
            if _is_title(text, first) or (fragment and not keep_orphans):
                continue
            d = _Draft("mixed" if fragment else "direct", parts, paragraph=first.paragraph)
            colon = _colon_speaker(tx, first, owner)
            if colon is None and first.start == tx.paragraphs[first.paragraph][0]:
                q = _body_before(tx, first.paragraph)
                if q is not None and text[tx.paragraphs[q][1] - 1] == ":":
                    colon = _colon_speaker_at(tx, tx.token_at(tx.paragraphs[q][1] - 1), owner)
            if colon is not None:
                d.speaker_tok = colon
            else:
                source = _continued_from(tx, timeline, first)
                if source is not None:
                    # point at the quote that names the speaker, not along a chain of
                    # continuations
                    d.source, d.continuation = source.source or source, True
                elif not keep_orphans:
                    continue  # quoted text nobody in sight says: an epigraph, a slogan, a title
            quoted.append(d)
            timeline.add(d)
            continue
        if frame is not None:
            speaker, category, cue_range = frame.speaker, frame.category, frame.cue_range
            sourceless, pattern = frame.sourceless, frame.pattern
        else:
            according = cue.lower_ == "according"
            speaker = next((g for g in cue.doc[cue.i + 1].children if g.dep_ == "pobj"), None) \
                if according else speaker_of(cue, lambda i: owner[i] >= 0)
            category, sourceless, pattern = "speech", False, "near"
            cue_range = (cue.idx, token_end(cue.doc[cue.i + 1] if according else cue))
        d = _Draft("mixed" if fragment else "direct", parts, cue, cue_range,
                   speaker if good_speaker(speaker) else None, paragraph=first.paragraph,
                   category=category, sourceless=sourceless, pattern=pattern)
        by_cue[cue.i] = d
        quoted.append(d)
        timeline.add(d)

    drafts = sorted(quoted + reported, key=lambda d: d.content[0][0])
    return [_to_quote(doc_id, tx, d, index) for d in _resolve(tx, drafts, index)]


def _colon_speaker_at(tx: _Text, colon: int, owner: list[int]) -> Token | None:
    """The source named before a colon: the subject of the last verb, else of the colon's
    head word, else the last name."""
    doc = tx.doc
    sent = doc[colon].sent
    lo = max(sent.start, colon - 40)
    verbs = [t for t in doc[lo:colon] if t.pos_ == "VERB" and owner[t.i] < 0]
    for verb in reversed(verbs):
        spk = speaker_of(verb, lambda i: owner[i] >= 0)
        if good_speaker(spk):
            return spk
    head = doc[colon].head
    subj = next((c for c in head.children if c.dep_ == "nsubj" and c.i < colon), None)
    if subj is not None and owner[subj.i] < 0 and good_speaker(subj):
        return subj
    names = [t for t in doc[lo:colon] if t.ent_type_ in ("PERSON", "ORG") and owner[t.i] < 0
             and (t.i + 1 >= len(doc) or doc[t.i + 1].ent_iob_ != "I")]
    return names[-1] if names else None


def _top_level(fr: list[Frame]) -> list[Frame]:
    """Frames not inside another frame's content: in "Rubio said that he knows voters are
    angry" Rubio's statement holds the knowing; it is one attribution, as in PolNeAR. (A frame's
    content lies in its cue's sentence, so only frames of one sentence are compared.)"""
    by_sentence: dict[int, list[Frame]] = {}
    for f in fr:
        by_sentence.setdefault(f.cue.sent.start, []).append(f)
    for group in by_sentence.values():
        for f in group:
            for g in group:
                if g is not f:
                    _split_off(g, f)
    keep = []
    for f in fr:
        at = f.cue.idx
        if any(g is not f and any(a <= at < b for a, b in g.content)
               and not any(a <= g.cue.idx < b for a, b in f.content)
               for g in by_sentence[f.cue.sent.start]):
            continue
        keep.append(f)
    return keep


def _split_off(outer: Frame, inner: Frame) -> None:
    """End `outer`'s content where a second cue of saying begins that the parse hung inside it:
    "said it was opposed to the test and warned North Korea to refrain", "told the audience
    that she believes ..., saying that ...", "said X, and when pressed, the mother replied".
    A coordinated verb or a comma-led participle is a statement of its own, not part of what
    the first cue reports."""
    cue = inner.cue
    if cue.lemma_.lower() not in SPEECH:
        return
    participle = cue.dep_ == "advcl" and cue.tag_ == "VBG" and _after_comma(cue)
    if not (cue.dep_ == "conj" or participle):
        return
    if not any(a <= cue.idx < b for a, b in outer.content) or outer.cue.i >= cue.i:
        return
    left = cue.left_edge
    # the coordinator or comma before the second statement goes with neither
    while left.i > outer.cue.i + 1 and cue.doc[left.i - 1].dep_ in ("cc", "punct"):
        left = cue.doc[left.i - 1]
    cut = left.idx
    content = [(a, min(b, cut)) for a, b in outer.content if a < cut]
    content = [(a, b) for a, b in content if b > a]
    if content:
        outer.content = [(a, b) for a, b in (_trimmed_end(outer.cue.doc.text, a, b)
                                             for a, b in content) if b > a]
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
            # split off as coordinated with the outer cue (or a participle of it), it shares
            # the outer cue's subject
            inner.speaker = outer.speaker


def _after_comma(tok: Token) -> bool:
    """Whether a comma comes right before `tok`, quote marks aside ('party," claiming')."""
    i = tok.i - 1
    while i >= 0 and tok.doc[i].text in ('"', "”", "'", "’", "''"):
        i -= 1
    if i < 0:
        return False
    # after quote marks the comma may be glued to the quoted word's token
    return tok.doc[i].text == "," or i < tok.i - 1 and tok.doc[i].text.endswith(",")


def _trimmed_end(text: str, a: int, b: int) -> tuple[int, int]:
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:—–-"):
        b -= 1
    return a, b


class _Timeline:
    """Drafts in text order, for finding the attribution a cue-less quote continues."""

    def __init__(self, drafts: list[_Draft]):
        self.items: list[tuple[int, int, _Draft]] = []
        for d in drafts:
            self.add(d)

    def add(self, d: _Draft) -> None:
        insort(self.items, (d.content[0][0], len(self.items), d), key=lambda item: item[:2])

    def before(self, pos: int) -> int:
        return bisect_left(self.items, pos, key=lambda item: item[0])


def _continued_from(tx: _Text, timeline: _Timeline, run: QuoteRun) -> _Draft | None:
    """The attribution a cue-less quote continues: the latest one with a source earlier in its
    paragraph, else (for a quote opening its paragraph) the last one of the nearest body
    paragraph before it, photo captions skipped."""
    items = timeline.items
    i = timeline.before(run.start) - 1
    while i >= 0 and items[i][2].paragraph == run.paragraph:
        if _has_source(items[i][2]):
            return items[i][2]
        i -= 1
    if run.start != tx.paragraphs[run.paragraph][0]:
        return None
    q = _body_before(tx, run.paragraph)
    if q is None:
        return None
    while i >= 0 and items[i][2].paragraph > q:
        i -= 1
    while i >= 0 and items[i][2].paragraph >= q - 3:
        d = items[i][2]
        if (d.paragraph == q or any(tx.paragraph_of(a) == q for a, _ in d.content)) \
                and _has_source(d):
            return d
        i -= 1
    return None


def _has_source(d: _Draft) -> bool:
    return d.speaker_tok is not None or d.speaker is not None or d.source is not None


def _union(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(a + b):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _resolve(tx: _Text, drafts: list[_Draft], index: ActorIndex) -> list[_Draft]:
    """Speakers and addressees for every draft, in text order (continuations copy theirs)."""
    for d in drafts:
        if d.speaker is None and d.speaker_tok is not None:
            d.speaker = make_speaker(tx.text, d.speaker_tok, index)
    for d in drafts:
        if d.speaker is None and d.source is not None:
            d.speaker = d.source.speaker
        if d.cue is not None:
            toks: set[int] = set()
            for a, b in d.content:
                toks.update(tx.tokens_in(a, b))
            d.addressee = addressee_of(d.cue, toks)
    return drafts


def _to_quote(doc_id: str, tx: _Text, d: _Draft, index: ActorIndex) -> Quote:
    text = tx.text
    content = [_trimmed(text, a, b) for a, b in d.content]
    content = [c for c in content if c.end > c.start] or [Span.of(text, d.content[0][0], d.content[0][1])]
    cue = Span.of(text, *d.cue_range) if d.cue_range is not None else None
    speaker_ref: ActorRef | None = d.speaker.ref if d.speaker is not None else None
    addressee = addressee_ref(text, d.addressee, index) if d.addressee is not None else None
    # Anonymity is a matter of sourcing: of someone saying something, not of a stance taken.
    speaks = d.kind != "indirect" or d.category in ("speech", "according")
    anonymous = speaks and d.speaker is not None and (
        d.speaker.anonymous or d.cue is not None and anonymity_in_sentence(d.cue)
        and d.speaker.ref.actor_id is None)
    evidence = list(content)
    for extra in (speaker_ref.span if speaker_ref else None, cue,
                  addressee.span if addressee else None):
        if extra is not None:
            evidence.append(extra)
    if d.kind == "indirect":
        confidence = _CONFIDENCE.get(d.category, 0.4)
    else:
        confidence = 0.8 if d.speaker is not None else 0.45
        if d.continuation:
            confidence = 0.65
    if d.speaker is None and not d.sourceless:
        confidence = min(confidence, 0.4)
    return Quote(
        id=stable_id("quote", doc_id, d.kind, "|".join(c.key() for c in content)),
        kind=d.kind, content=content, speaker=speaker_ref,
        speaker_name=d.speaker.name if d.speaker is not None else None, anonymous=anonymous,
        cue=cue, addressee=addressee, time_id=None, evidence=evidence, confidence=confidence,
    )


def _trimmed(text: str, a: int, b: int) -> Span:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return Span.of(text, a, b)
