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
from bisect import bisect_right
from typing import Any

from ...records import Actor, Quote
from ..actor_index import ActorIndex
from . import drafts
from .drafts import Draft, Timeline, continued_from, resolve, union
from .layout import Layout, body_before
from .lexicon import DIRECT_CUES
from .marks import QuoteRun, quote_runs
from .nesting import top_level
from .speaker_syntax import good_speaker, speaker_of
from .syntax import Frame, frames
from .tree import token_end

Token = Any

_GLUE = {"that", "and", "but", "if", "whether", "to", "as", "so", "then", "also", "because"}
_SMALL = {"a", "an", "the", "of", "and", "in", "on", "at", "to", "for", "with", "by", "or", "is",
          "de", "la", "from", "vs", "vs."}


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


def _chains(runs: list[QuoteRun], tx: Layout) -> list[list[int]]:
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


def _run_tokens(tx: Layout, runs: list[QuoteRun]) -> list[int]:
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


def _attach_trailing(tx: Layout, runs: list[QuoteRun], fr: list[Frame], run_frame: dict[int, int],
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


def _outside_words(tx: Layout, frame: Frame, runs: list[QuoteRun], owner: list[int]) -> int:
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


def _fallback_cue(tx: Layout, unit: list[int], runs: list[QuoteRun], owner: list[int]
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


def _governs(tx: Layout, cue: Token, run: QuoteRun) -> bool:
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


def _colon_speaker(tx: Layout, run: QuoteRun, owner: list[int]) -> Token | None:
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


def find_quotes(doc_id: str, text: str, doc, actors: list[Actor] | None,
                options: dict[str, Any] | None = None) -> list[Quote]:
    options = options or {}
    keep_orphans = bool(options.get("keep_unattributed", False))
    tx = Layout(text, doc)
    runs = quote_runs(text, tx.paragraphs)
    owner = _run_tokens(tx, runs)
    fr = top_level(frames(doc, lambda i: owner[i] >= 0))
    index = ActorIndex(actors)
    run_frame = _assign_frames(runs, fr)
    _attach_trailing(tx, runs, fr, run_frame, owner)
    holding = set(run_frame.values())
    reported = _reported(tx, fr, holding, runs)
    quoted = _Quoted(tx, runs, owner, fr, run_frame, holding, reported, keep_orphans)
    for unit in _chains(runs, tx):
        quoted.add(unit)
    found = sorted(quoted.drafts + reported, key=lambda d: d.content[0][0])
    return [drafts.to_quote(doc_id, tx, d, index) for d in resolve(tx, found, index)]


def _frame_draft(kind: str, frame: Frame, tx: Layout) -> Draft:
    return Draft(kind, list(frame.content), frame.cue, frame.cue_range, frame.speaker,
                 paragraph=tx.paragraph_of(frame.start), category=frame.category,
                 sourceless=frame.sourceless, pattern=frame.pattern)


def _reported(tx: Layout, fr: list[Frame], holding: set[int], runs: list[QuoteRun]) -> list[Draft]:
    """Reported speech, thought and stance with no quoted text of its own."""
    reported: list[Draft] = []
    for f_i, frame in enumerate(fr):
        if f_i in holding:
            continue
        kind = "mixed" if any(_overlap(r, run.range) for r in frame.content for run in runs) \
            else "indirect"
        reported.append(_frame_draft(kind, frame, tx))
    return reported


class _Quoted:
    """The attributions of quoted text, built unit by unit (a unit: the quoted stretches of one
    quote across paragraphs), each joining a frame, a cue or the attribution it continues."""

    def __init__(self, tx: Layout, runs: list[QuoteRun], owner: list[int], fr: list[Frame],
                 run_frame: dict[int, int], holding: set[int], reported: list[Draft],
                 keep_orphans: bool):
        self.tx, self.runs, self.owner, self.fr, self.run_frame = tx, runs, owner, fr, run_frame
        self.keep_orphans = keep_orphans
        self.frame_is_mixed = {f_i: _outside_words(tx, fr[f_i], runs, owner) > 0
                               for f_i in holding}
        self.drafts: list[Draft] = []
        self.by_cue: dict[int, Draft] = {}
        self.timeline = Timeline(reported)

    def _keep(self, d: Draft, cue: Token | None = None) -> None:
        if cue is not None:
            self.by_cue[cue.i] = d
        self.drafts.append(d)
        self.timeline.add(d)

    def add(self, unit: list[int]) -> None:
        tx, runs, text = self.tx, self.runs, self.tx.text
        first = runs[unit[0]]
        parts = [runs[k].range for k in unit]
        f_i = next((self.run_frame[k] for k in unit if k in self.run_frame), None)
        frame = self.fr[f_i] if f_i is not None else None
        if frame is not None and self.frame_is_mixed[f_i]:
            d = self.by_cue.get(frame.cue.i)
            if d is None:
                d = _frame_draft("mixed", frame, tx)
                self._keep(d, frame.cue)
            d.content = union(d.content, parts)
            return
        if frame is not None and frame.category in ("stance", "noun", "raising") and \
                len(unit) == 1 and _is_title(text, first):
            return  # 'appeared on "Meet the Press"': a name, not a quote
        fragment = any(_is_fragment(text, runs[k]) for k in unit)
        cue = frame.cue if frame is not None else _fallback_cue(tx, unit, runs, self.owner)
        if cue is not None and frame is None and fragment and not _governs(tx, cue, first):
            cue = None  # a quoted phrase the verb does not govern: a scare quote or a name
        if cue is not None and cue.i in self.by_cue:
            d = self.by_cue[cue.i]
            d.content = union(d.content, parts)
            if fragment:
                d.kind = "mixed"
        elif cue is None:
            self._without_cue(first, parts, fragment)
        else:
            self._with_cue(frame, cue, first, parts, fragment)

    def _without_cue(self, first: QuoteRun, parts: list[tuple[int, int]], fragment: bool) -> None:
        tx, text = self.tx, self.tx.text
        prev = self.drafts[-1] if self.drafts else None
        if prev is not None and prev.paragraph == first.paragraph and not (
                first.start == tx.paragraphs[first.paragraph][0]):
            prev.content = union(prev.content, parts)
            return  # the second half of a quote split around its cue
        if _is_title(text, first) or (fragment and not self.keep_orphans):
            return
        d = Draft("mixed" if fragment else "direct", parts, paragraph=first.paragraph)
        colon = _colon_speaker(tx, first, self.owner)
        if colon is None and first.start == tx.paragraphs[first.paragraph][0]:
            q = body_before(tx, first.paragraph)
            if q is not None and text[tx.paragraphs[q][1] - 1] == ":":
                colon = _colon_speaker_at(tx, tx.token_at(tx.paragraphs[q][1] - 1), self.owner)
        if colon is not None:
            d.speaker_tok = colon
        else:
            source = continued_from(tx, self.timeline, first)
            if source is not None:
                # point at the quote that names the speaker, not along a chain of continuations
                d.source, d.continuation = source.source or source, True
            elif not self.keep_orphans:
                return  # quoted text nobody in sight says: an epigraph, a slogan, a title
        self._keep(d)

    def _with_cue(self, frame: Frame | None, cue: Token, first: QuoteRun,
                  parts: list[tuple[int, int]], fragment: bool) -> None:
        owner = self.owner
        if frame is not None:
            speaker, category, cue_range = frame.speaker, frame.category, frame.cue_range
            sourceless, pattern = frame.sourceless, frame.pattern
        else:
            according = cue.lower_ == "according"
            speaker = next((g for g in cue.doc[cue.i + 1].children if g.dep_ == "pobj"), None) \
                if according else speaker_of(cue, lambda i: owner[i] >= 0)
            category, sourceless, pattern = "speech", False, "near"
            cue_range = (cue.idx, token_end(cue.doc[cue.i + 1] if according else cue))
        d = Draft("mixed" if fragment else "direct", parts, cue, cue_range,
                  speaker if good_speaker(speaker) else None, paragraph=first.paragraph,
                  category=category, sourceless=sourceless, pattern=pattern)
        self._keep(d, cue)


def _colon_speaker_at(tx: Layout, colon: int, owner: list[int]) -> Token | None:
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


