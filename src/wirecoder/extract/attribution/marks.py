"""Quote marks: the quoted stretches of a text, found without ever failing on odd marks.

Marks are read like Markdown emphasis: a mark can open when it leans on the word after it and
close when it leans on the word before it. Curly marks keep their direction unless misused.
Supported: straight and curly double and single marks, guillemets, the NYT's doubled straight
apostrophes ('' ... ''), nested quotes ('"He said, 'no'"'), apostrophes that look like marks
(don't, '80s, 'em, the voters' rights), and unbalanced marks. A quote that is still open at the
end of its paragraph runs to that end; when the next paragraph opens with the same mark (the
news convention for a multi-paragraph quote) the two are one quote (`QuoteRun.continues`).
A single mark left open (and not reopened) is taken for an apostrophe, not a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN_D = "“„«"
_CLOSE_D = "”»"
_OPEN_S = "‘‚‹"
_CLOSE_S = "’›"
_ALL_MARKS = "\"'“”„«»‘’‚‹›`"
_OPENERS_BEFORE = "([{—–-/:"  # a mark after these may open
_CLOSERS_AFTER = ".,;:!?)]}—–-/…"  # a mark before these may close
_DECADE = re.compile(r"\d\ds\b|\d\d\b(?![.,]?\d|%)")
_ELISION = re.compile(r"(?:(?:em|til|cause|tis|twas|bout)\b|n['’](?=\s))", re.IGNORECASE)


@dataclass(frozen=True)
class Mark:
    pos: int
    length: int
    kind: str  # "D" double, "S" single
    can_open: bool
    can_close: bool
    weak: bool = False  # a closing single mark that may be a plural possessive (voters')


@dataclass
class QuoteRun:
    """A quoted stretch [start, end): the marks included when closed; open ones end at the
    paragraph's end. `inner` excludes the marks."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool
    paragraph: int
    kind: str
    continues: bool = False  # still open at paragraph end, and the next paragraph reopens it

    @property
    def range(self) -> tuple[int, int]:
        return self.start, self.end


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """[start, end) of each paragraph (blank-line separated), whitespace trimmed."""
    bounds = []
    start = 0
    for m in re.finditer(r"\n[ \t]*\n\s*", text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    out = []
    for a, b in bounds:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _flanks(text: str, i: int, j: int, p_start: int, p_end: int) -> tuple[bool, bool]:
    before = text[i - 1] if i > p_start else " "
    after = text[j] if j < p_end else " "
    can_open = not after.isspace() and (before.isspace() or before in _OPENERS_BEFORE
                                        or before in _ALL_MARKS)
    can_close = not before.isspace() and (after.isspace() or after in _CLOSERS_AFTER
                                          or after in _ALL_MARKS)
    return can_open, can_close


def _single_is_apostrophe(text: str, i: int, p_start: int, p_end: int) -> bool:
    before = text[i - 1] if i > p_start else " "
    after = text[i + 1] if i + 1 < p_end else " "
    if before.isalnum() and after.isalnum():
        return True  # don't, O'Malley
    if not before.isalnum():
        rest = text[i + 1:min(p_end, i + 8)]
        if _DECADE.match(rest) or _ELISION.match(rest):
            return True  # '80s, in '16, 'em, 'til, rock 'n' roll
    return False


def find_marks(text: str, p_start: int, p_end: int) -> list[Mark]:
    marks: list[Mark] = []
    i = p_start
    while i < p_end:
        ch = text[i]
        if ch not in _ALL_MARKS:
            i += 1
            continue
        if ch == "'" and i + 1 < p_end and text[i + 1] == "'":
            # NYT doubles: '' is one double mark; ''' is a double and a single mark.
            triple = i + 2 < p_end and text[i + 2] == "'"
            if triple:
                can_open, _ = _flanks(text, i, i + 3, p_start, p_end)
                if can_open:
                    marks.append(Mark(i, 2, "D", True, False))
                    marks.append(Mark(i + 2, 1, "S", True, False))
                else:
                    marks.append(Mark(i, 1, "S", False, True))
                    marks.append(Mark(i + 1, 2, "D", False, True))
                i += 3
                continue
            can_open, can_close = _flanks(text, i, i + 2, p_start, p_end)
            marks.append(Mark(i, 2, "D", can_open, can_close))
            i += 2
            continue
        if ch == "`" and i + 1 < p_end and text[i + 1] == "`":
            marks.append(Mark(i, 2, "D", True, False))  # ``PTB style''
            i += 2
            continue
        can_open, can_close = _flanks(text, i, i + 1, p_start, p_end)
        if ch in _OPEN_D:
            marks.append(Mark(i, 1, "D", True, can_close and not can_open))
        elif ch in _CLOSE_D:
            marks.append(Mark(i, 1, "D", can_open and not can_close, True))
        elif ch == '"':
            if can_open or can_close:
                marks.append(Mark(i, 1, "D", can_open, can_close))
        elif ch in "'’‘`":
            if not _single_is_apostrophe(text, i, p_start, p_end):
                before = text[i - 1] if i > p_start else " "
                weak = before in "sSzZ" and can_close
                if ch in _OPEN_S or ch == "`":
                    marks.append(Mark(i, 1, "S", True, can_close and not can_open, weak))
                elif ch in _CLOSE_S:
                    marks.append(Mark(i, 1, "S", can_open and not can_close, True, weak))
                elif can_open or can_close:
                    marks.append(Mark(i, 1, "S", can_open, can_close, weak))
        elif ch in _OPEN_S:
            marks.append(Mark(i, 1, "S", True, can_close and not can_open))
        elif ch in _CLOSE_S:
            marks.append(Mark(i, 1, "S", can_open and not can_close, True))
        i += 1
    return marks


def _strong_closer_ahead(marks: list[Mark]) -> list[bool]:
    """For each mark: whether a single mark after it, before the enclosing double quote ends,
    can close a single quote more surely than a possessive s' can (one pass from the end)."""
    ahead = [False] * len(marks)
    found = False
    for k in range(len(marks) - 1, -1, -1):
        ahead[k] = found
        m = marks[k]
        if m.kind == "D" and m.can_close and not m.can_open:
            found = False  # the enclosing double quote ends first
        elif m.kind == "S" and m.can_close and not m.weak:
            found = True
    return ahead


def scan_paragraph(text: str, p_start: int, p_end: int, paragraph: int) -> list[QuoteRun]:
    """Top-level quoted stretches of one paragraph (nested quotes stay inside their parent)."""
    marks = find_marks(text, p_start, p_end)
    strong_ahead = _strong_closer_ahead(marks)
    runs: list[QuoteRun] = []
    stack: list[Mark] = []

    def close_top_level(opener: Mark, end: int, inner_end: int, closed: bool) -> None:
        runs.append(QuoteRun(opener.pos, end, opener.pos + opener.length, inner_end, closed,
                             paragraph, opener.kind))

    for k, m in enumerate(marks):
        top = stack[-1] if stack else None
        if top is not None and m.can_close and m.kind == top.kind and (
                not m.can_open or m.pos > top.pos + top.length):
            if m.weak and m.kind == "S" and strong_ahead[k]:
                continue  # "the voters' rights" inside a single-quoted quote
            stack.pop()
            if not stack:
                close_top_level(top, m.pos + m.length, m.pos, True)
            continue
        if m.can_close and not m.can_open and any(s.kind == m.kind for s in stack):
            # An inner quote was never closed: close back to the matching opener.
            while stack and stack[-1].kind != m.kind:
                stack.pop()
            opener = stack.pop()
            if not stack:
                close_top_level(opener, m.pos + m.length, m.pos, True)
            continue
        if m.can_open:
            if len(stack) == 1 and stack[0].kind == m.kind and not m.can_close:
                # A second opening of the same kind at top level: the first never closed.
                opener = stack.pop()
                end = m.pos
                while end > opener.pos + 1 and text[end - 1].isspace():
                    end -= 1
                if opener.kind == "D":
                    close_top_level(opener, end, end, False)
            stack.append(m)
    if stack:
        opener = stack[0]
        runs.append(QuoteRun(opener.pos, p_end, opener.pos + opener.length, p_end, False,
                             paragraph, opener.kind))
    return runs


def _opens_with(text: str, start: int, end: int, kind: str) -> bool:
    marks = find_marks(text, start, min(end, start + 3))
    return bool(marks) and marks[0].pos == start and marks[0].kind == kind and marks[0].can_open


def quote_runs(text: str, paragraphs: list[tuple[int, int]] | None = None) -> list[QuoteRun]:
    """All top-level quoted stretches of `text`, in order; never raises on unbalanced marks."""
    paragraphs = paragraphs if paragraphs is not None else paragraph_bounds(text)
    runs: list[QuoteRun] = []
    for n, (a, b) in enumerate(paragraphs):
        for run in scan_paragraph(text, a, b, n):
            if not run.closed and run.end == b:
                nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
                run.continues = nxt is not None and _opens_with(text, nxt[0], nxt[1], run.kind)
                if run.kind == "S" and not run.continues:
                    continue  # a lone single mark: an apostrophe, not a quote
            if run.inner_end - run.inner_start < 1 or not text[run.inner_start:run.inner_end].strip():
                continue
            runs.append(run)
    return runs
