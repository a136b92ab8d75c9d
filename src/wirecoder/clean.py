"""Cleaning before NLP: character normalisation and removal of repeated title/caption/paragraph copies.

Every character of the cleaned text remembers the original character it came from, so each
evidence span can be mapped back to the scraped original (`Document.to_original`). Removed text
is never lost: it is reported as `DroppedSpan`s, in original offsets, with a reason.

Quote marks keep their direction (curly opening vs closing helps quote extraction); only
apostrophes inside words are folded to "'" so that "Mexico’s" and "Mexico's" read alike.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .records import DroppedSpan, OffsetSegment

_SPACES = {"\u00a0", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004", "\u2005", "\u2006",
           "\u2007", "\u2008", "\u2009", "\u200a", "\u202f", "\u205f", "\u3000", "\t", "\x0b", "\x0c"}
_INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}
_APOSTROPHES = {"\u2019", "\u2018", "\u02bc", "\u00b4", "`", "\u2032"}
_LINE_BREAKS = {"\u2028", "\u2029", "\x85"}

# Paragraphs shorter than this (in words) are never treated as duplicates: short lines such as
# "Watch:" legitimately repeat.
MIN_DUPLICATE_WORDS = 4
# Near-exact duplicates: at least this similar on their folded keys, and the same numbers.
NEAR_DUPLICATE_RATIO = 0.95
# How many kept paragraphs (with the same numbers) a paragraph is compared with at most: the
# first ones and the latest ones (see _near_candidates).
NEAR_FIRST = 20
NEAR_RECENT = 50


@dataclass
class CleanResult:
    text: str
    offset_map: list[OffsetSegment]
    dropped: list[DroppedSpan]
    title: str | None = None


@dataclass
class _Tracked:
    """Text under construction, with the original index of every character."""

    chars: list[str] = field(default_factory=list)
    origin: list[int] = field(default_factory=list)

    def add(self, ch: str, orig: int) -> None:
        self.chars.append(ch)
        self.origin.append(orig)

    @property
    def text(self) -> str:
        return "".join(self.chars)


def normalise_characters(original: str) -> _Tracked:
    """Fold spaces, line breaks, invisible characters, ligatures and in-word apostrophes."""
    out = _Tracked()
    n = len(original)
    i = 0
    while i < n:
        ch = original[i]
        if ch == "\r":
            out.add("\n", i)
            if i + 1 < n and original[i + 1] == "\n":
                i += 1
        elif ch in _LINE_BREAKS:
            out.add("\n", i)
        elif ch in _INVISIBLE:
            pass
        elif ch in _SPACES or (ch.isspace() and ch != "\n"):
            # every other whitespace too (U+001C..U+001F, U+1680): the extractors' patterns
            # ("\s*,?\s*") backtrack quadratically on long runs, which _collapse_whitespace
            # only shortens when they are spaces
            out.add(" ", i)
        elif ch in _APOSTROPHES and 0 < i < n - 1 and original[i - 1].isalnum() and original[i + 1].isalpha():
            out.add("'", i)
        elif "\ufb00" <= ch <= "\ufb06" or "\uff01" <= ch <= "\uff5e":
            # Ligatures and full-width forms: NFKC gives the plain letters.
            for part in unicodedata.normalize("NFKC", ch):
                out.add(part, i)
        else:
            out.add(ch, i)
        i += 1
    return _collapse_whitespace(out)


def _collapse_whitespace(src: _Tracked) -> _Tracked:
    """Runs of spaces become one; lines lose trailing spaces; 3+ line breaks become a blank line."""
    out = _Tracked()
    chars, origin = src.chars, src.origin
    n = len(chars)
    i = 0
    while i < n:
        ch = chars[i]
        if ch == " " or ch == "\n":
            j = i
            while j < n and chars[j] in " \n":
                j += 1
            newlines = sum(1 for k in range(i, j) if chars[k] == "\n")
            at_edge = not out.chars or j == n
            if not at_edge:
                if newlines == 0:
                    out.add(" ", origin[i])
                else:
                    first_nl = next(k for k in range(i, j) if chars[k] == "\n")
                    out.add("\n", origin[first_nl])
                    if newlines > 1:
                        second_nl = next(k for k in range(first_nl + 1, j) if chars[k] == "\n")
                        out.add("\n", origin[second_nl])
            i = j
            continue
        out.add(ch, origin[i])
        i += 1
    return out


def duplicate_key(paragraph: str) -> str:
    """Fold case, accents, quote styles and punctuation: what stays is the words and numbers."""
    folded = unicodedata.normalize("NFKD", paragraph).casefold()
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = re.sub(r"['’‘`´]", "", folded)
    return " ".join(re.findall(r"[^\W_]+", folded))


def _numbers(key: str) -> list[str]:
    return re.findall(r"\d+", key)


def _paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """Paragraphs are separated by blank lines; a text without any blank line is split by lines."""
    sep = r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n"
    bounds = []
    start = 0
    for m in re.finditer(sep, text):
        if m.start() > start:
            bounds.append((start, m.start()))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def _near_candidates(kept: list) -> list:
    """The kept paragraphs a new one is compared with for near duplicates: all of them in any
    article of ordinary length, else the first NEAR_FIRST (title, lead captions) and the last
    NEAR_RECENT, so that a text of many thousand paragraphs is cleaned in linear time."""
    if len(kept) <= NEAR_FIRST + NEAR_RECENT:
        return kept
    return kept[:NEAR_FIRST] + kept[-NEAR_RECENT:]


def _is_near_duplicate(a: str, b: str) -> bool:
    if _numbers(a) != _numbers(b):
        return False  # same caption with another date or count is another fact
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return (
        matcher.real_quick_ratio() >= NEAR_DUPLICATE_RATIO
        and matcher.quick_ratio() >= NEAR_DUPLICATE_RATIO
        and matcher.ratio() >= NEAR_DUPLICATE_RATIO
    )


def _ends_like_prose(paragraph: str) -> bool:
    return bool(re.search(r"[.!?…][\"'”’)\]]*$", paragraph.rstrip()))


# The longest first line taken as a title. Headlines run to about 20 words (PolNeAR's 924
# titles: at most 22, 99% at most 18); a one-sentence lead runs longer.
TITLE_MAX_WORDS = 30
# A first line that opens with a wire dateline ("CARACAS (Reuters) -") is the lead, not a title.
_LEAD_DATELINE = re.compile(r"^(?:[A-Z][A-Z.'’]{2,}(?: [A-Z][A-Z.'’]+)*(?:, [A-Z][A-Za-z. ]{1,40})?"
                            r"(?: \([A-Za-z .]+\))? ?(?:--|–|—|-) |[A-Z][A-Za-z.'’ ]{1,40}"
                            r"(?:, [A-Z][A-Za-z. ]{1,40})? \((?:AP|Reuters|AFP|UPI|dpa|Xinhua)\) ?"
                            r"(?:--|–|—|-) )")


def guess_title(text: str) -> str | None:
    """The title of a text: its first line, when a blank line sets it apart, it is short (3 to
    300 characters, at most TITLE_MAX_WORDS words) and it is no lead cut short: whatever its last
    character ("Trump: 'I'm the Worst Thing.'" is a headline), but not ending in ",", ";" or ":",
    which go on in the next line, and not opening with a wire dateline."""
    m = re.match(r"([^\n]{3,300})\n\s*\n", text)
    if not m:
        return None
    line = m.group(1).strip()
    if (len(line.split()) > TITLE_MAX_WORDS or line.endswith((",", ";", ":"))
            or _LEAD_DATELINE.match(line)):
        return None
    return line


def clean(original: str, title: str | None = None) -> CleanResult:
    """Normalise `original` and drop repeated copies of the title, captions and paragraphs."""
    tracked = normalise_characters(original)
    text = tracked.text
    title = title if title is not None else guess_title(text)

    bounds = _paragraph_bounds(text)
    # Kept paragraphs by key, and by the numbers in them (a near duplicate has the same numbers).
    # Comparing every paragraph with every kept one was quadratic: 800 paragraphs took 5 s.
    exact: dict[str, tuple[int, int]] = {}
    by_numbers: dict[tuple[str, ...], list[tuple[str, tuple[int, int]]]] = {}
    drop: list[tuple[int, int, str, tuple[int, int]]] = []
    title_key = duplicate_key(title) if title else None
    for start, end in bounds:
        para = text[start:end]
        key = duplicate_key(para)
        if len(key.split()) < MIN_DUPLICATE_WORDS:
            continue
        match = exact.get(key)
        same = by_numbers.setdefault(tuple(_numbers(key)), [])
        if match is None:
            match = next((kb for kk, kb in _near_candidates(same)
                          if _is_near_duplicate(kk, key)), None)
        if match is None:
            exact[key] = (start, end)
            same.append((key, (start, end)))
            continue
        if title_key and (key == title_key or _is_near_duplicate(title_key, key)):
            reason = "duplicate_title"
        elif _ends_like_prose(para):
            reason = "duplicate_paragraph"
        else:
            reason = "duplicate_caption"
        drop.append((start, end, reason, match))

    return _remove(tracked, drop, original, title)


def _remove(tracked: _Tracked, drop: list[tuple[int, int, str, tuple[int, int]]],
            original: str, title: str | None) -> CleanResult:
    text = tracked.text
    origin = tracked.origin
    removed = [False] * len(text)
    dropped: list[DroppedSpan] = []
    for start, end, reason, (kept_start, kept_end) in drop:
        # Take the paragraph and the blank line after it (or before it, at the end of the text).
        cut_end = end
        while cut_end < len(text) and text[cut_end] == "\n":
            cut_end += 1
        cut_start = start
        if cut_end == len(text):
            while cut_start > 0 and text[cut_start - 1] == "\n":
                cut_start -= 1
        for k in range(cut_start, cut_end):
            removed[k] = True
        o_start, o_end = origin[start], origin[end - 1] + 1
        dropped.append(DroppedSpan(
            start=o_start, end=o_end, text=original[o_start:o_end], reason=reason,
            duplicate_of=(origin[kept_start], origin[kept_end - 1] + 1),
        ))

    runs: list[list[int]] = []  # [clean_start, orig_start, length]
    chars: list[str] = []
    for k, ch in enumerate(text):
        if removed[k]:
            continue
        clean_pos, orig = len(chars), origin[k]
        chars.append(ch)
        last = runs[-1] if runs else None
        if last and last[0] + last[2] == clean_pos and last[1] + last[2] == orig:
            last[2] += 1
        else:
            runs.append([clean_pos, orig, 1])
    segments = [OffsetSegment(clean_start=c, orig_start=o, length=n) for c, o, n in runs]
    return CleanResult(text="".join(chars), offset_map=segments, dropped=dropped, title=title)
