"""Where a place name starts and ends inside the spans spaCy gives (helpers of `resolve`).

  - the place that begins a name the gazetteer does not know: "Metcalfe County Sheriff's
    Office", "Red Deer Skating Association", "Randwick Racecourse", "County of Brant" (`head_place`);
  - a mention grown into the longer gazetteer name its neighbours spell with it: "Rio Grande" +
    "do Sul", "Mashonaland" + "West", "Goz" + "Beida" (`grow`);
  - one entity that joins two places: "Cattai and Wilberforce" (`split_and`);
  - a dateline: "BANTAM —", "LOUISVILLE, KY--(Marketwire" (`datelines`);
  - a place before a hyphen inside one token: "U.S.-led", "KY--(Marketwire" (`hyphen_prefix`);
  - a place the gazetteer does not know but the words around it name as one: "the village of
    Cellardyke", "a town called Låsby", "Warab state", "Dogu Beyazit, a farming town",
    "Lujhu is a rural township", and the names listed with such a one (`named_settlements`).
Each helper works on token ranges and asks the gazetteer only for exact names.
"""

from __future__ import annotations

import re

from ..lang.en import words
from .names import key

# Last words that make a name an institution, a service or an event, not a place: the place that
# begins it is the place ("Metcalfe County Sheriff's Office" -> Metcalfe County).
ORG_HEADS = words("name_words", org_head="yes")
# Words of an institution's name that are no places of their own, however a town may be called
# ("Superior Court", "General Hospital", "Central Station").
ORG_WORDS = words("name_words", org_word="yes")
# Titles that begin institutions named after a person ("King Juan Carlos University").
TITLE_WORDS = words("titles", names_institutions="yes")
# Words that name no place on their own ("North Powderly High School" is not in "North").
GENERIC_WORDS = words("name_words", org_generic="yes")
# Nouns of "the County of Brant", "the University of Michigan": the name after "of" is the place.
OF_HEADS = words("place_nouns", of_name="yes")
# Lower-case words that may stand inside a place name: "Rio Grande do Sul", "Stratford-upon-Avon".
PARTICLES = frozenset({
    "do", "da", "dos", "das", "de", "del", "della", "dei", "des", "di", "du", "la", "le", "les",
    "el", "al", "of", "upon", "on", "y", "sur", "en", "am", "an", "im", "bei", "and", "van",
    "von", "der", "den", "ter", "the",
})
# A dash that closes a dateline: "BANTAM —", "BEIJING --", "INNISFAIL -".
DATELINE_DASHES = frozenset({"—", "–", "--", "-", "―"})
MAX_NAME_TOKENS = 5


def _name_kind(gaz, k: str) -> bool:
    """Whether k is a gazetteer name proper (not only an alternate name or an abbreviation)."""
    return any(c.kind == "name" for c in gaz.lookup(k))


def _cap(tok) -> bool:
    t = tok.text
    return bool(t) and t[0].isupper() and (tok.is_alpha or "." in t or "-" in t or "'" in t)


def head_place(doc, gaz, a: int, b: int) -> tuple[int, int] | None:
    """The place that begins the unknown name doc[a:b] when the rest of it reads as an
    institution: "Orange County Sanitation District", "Enfield Borough", "Randwick Racecourse",
    "Venice International Film Festival"; or the place after "of" in "County of Brant",
    "University of Michigan Center for Computer Security"."""
    while a < b and doc[a].lower_ in ("the", "a", "an"):
        a += 1
    while b > a and (doc[b - 1].is_punct or doc[b - 1].lower_ in ("'s", "’s")):
        b -= 1
    if b - a < 2:
        return None
    if doc[a].lower_ in OF_HEADS and doc[a + 1].lower_ == "of" and b - a >= 3:
        # "County of Brant": the longest name after "of" whose last word is no institution
        # ("University of Michigan Center": Michigan, not the town of Michigan Center)
        for n in range(min(MAX_NAME_TOKENS, b - a - 2), 0, -1):
            toks = doc[a + 2:a + 2 + n]
            if not all(_cap(t) for t in toks) or toks[-1].lower_ in ORG_HEADS:
                continue
            if toks[0].lower_ in ORG_WORDS or toks[0].is_stop:
                break
            if _name_kind(gaz, key(toks.text)):
                return a + 2, a + 2 + n
        return None
    last = doc[b - 1].lower_.rstrip(".")
    if last not in ORG_HEADS:
        return None
    for n in range(min(MAX_NAME_TOKENS, b - a - 1), 0, -1):
        toks = doc[a:a + n]
        if not all(_cap(t) for t in toks) or toks[-1].lower_ in ORG_HEADS:
            continue
        if n == 1 and toks[0].is_upper and len(toks[0]) <= 3:
            return None  # an acronym: "UN Security Council"
        if toks[0].lower_ in ORG_WORDS or toks[0].lower_.rstrip(".") in TITLE_WORDS or \
                toks[0].is_stop or all(
                t.lower_ in GENERIC_WORDS for t in toks):
            return None
        if doc[a + n].text == "-" and not doc[a + n - 1].whitespace_:
            return None  # the name goes on: "Middlesex-London EMS"
        if not all(_cap(t) or t.lower_ in ("'s", "’s", "of", "and", "&", "for", "-")
                   for t in doc[a + n:b]):
            return None
        if _name_kind(gaz, key(toks.text)):
            return a, a + n
    return None


def split_and(doc, gaz, a: int, b: int) -> list[tuple[int, int]] | None:
    """'Cattai and Wilberforce', 'Ingham or Townsville' as one entity: two places when both
    sides are gazetteer names."""
    for t in range(a + 1, b - 1):
        if doc[t].lower_ in ("and", "&", "or"):
            left, right = doc[a:t], doc[t + 1:b]
            if all(_cap(x) for x in left) and all(_cap(x) for x in right) and \
                    _name_kind(gaz, key(left.text)) and _name_kind(gaz, key(right.text)):
                return [(a, t), (t + 1, b)]
    return None


def grow(doc, gaz, i: int, j: int, free) -> tuple[int, int] | None:
    """The longest gazetteer name (kind "name") that doc[i:j] spells with the tokens touching it:
    "Rio Grande" + "do Sul", "Mashonaland" + "West", "Fort St." + "John", "Goz" + "Beida".
    free(t) says whether token t may be taken; particles ("do", "de", "upon") may stand inside,
    capitalised words at the ends."""
    best = None
    for left in range(0, 3):
        a = i - left
        if a < 0 or any(not free(t) or not _cap(doc[t]) for t in range(a, i)):
            break
        if left and (doc[a].is_stop or doc[a].lower_ in ORG_WORDS):
            break  # "The Philippines" is the Philippines
        for right in range(0, 4):
            c = j + right
            if c > len(doc) or any(not free(t) for t in range(j, c)):
                break
            if right and not _cap(doc[c - 1]):
                continue
            if any(not (_cap(doc[t]) or doc[t].lower_ in PARTICLES or doc[t].text == "-")
                   for t in range(j, c)):
                break
            if not left and not right or c - a > MAX_NAME_TOKENS:
                continue
            if any(doc[t].whitespace_ == "" and doc[t + 1].is_punct and doc[t + 1].text != "-"
                   for t in range(a, c - 1)):
                continue
            if _name_kind(gaz, key(doc[a:c].text)):
                if best is None or c - a > best[1] - best[0]:
                    best = (a, c)
    return best


def _line_start(doc, i: int) -> bool:
    """Token i opens the document, a line, or follows a headline's closing full stop."""
    if i == 0:
        return True
    prev = doc[i - 1]
    if prev.is_space and "\n" in prev.text or "\n" in prev.whitespace_:
        return True
    k = i - 1
    while k >= 0 and doc[k].is_space:
        k -= 1
    return k >= 0 and doc[k].text in (".", "!", "?") and doc[i].is_sent_start


def datelines(doc) -> list[tuple[int, int]]:
    """All-capital names at the start of the document or a line, closed by a dash or a
    qualifier: "BANTAM —", "BEIJING --", "LOUISVILLE, KY--(Marketwire"; at the very start of
    the document a name of at least four letters stands alone ("WASHINGTON Barack Obama ...")."""
    out = []
    for i in range(len(doc)):
        tok = doc[i]
        if not (tok.is_upper and tok.is_alpha and len(tok) >= 3) or not _line_start(doc, i):
            continue
        j = i + 1
        while j < len(doc) and j - i < 3 and doc[j].is_upper and doc[j].is_alpha:
            j += 1
        nxt = doc[j] if j < len(doc) else None
        if nxt is None:
            continue
        if nxt.text in DATELINE_DASHES or nxt.text.startswith("--") or nxt.text == "(" or \
                nxt.text == "," and j + 1 < len(doc) and doc[j + 1].text[:1].isupper() or \
                i == 0 and j - i == 1 and len(tok) >= 4 and nxt.text[:1].isupper() \
                and not nxt.is_upper:
            out.append((i, j))
    return out


_PREFIX = re.compile(r"^([A-Z][\w.]*?)(?:--|-)(?=[a-z(]|\()")


def hyphen_prefix(tok) -> int | None:
    """Length of the name before a hyphen inside one token: "U.S.-led" -> 4, "KY--(Marketwire"
    -> 2; None when the rest is another name ("Guinea-Bissau")."""
    m = _PREFIX.match(tok.text)
    if m is None or len(m.group(1)) < 2:
        return None
    return len(m.group(1))


# Nouns that say the name beside them is a settlement or an area: "the village of X", "X state",
# "X, a farming town", "X is a rural township".
SETTLEMENT_WORDS = words("place_nouns", describes="yes")
CALLED = frozenset({"called", "named"})
MAX_UNKNOWN_TOKENS = 3


def _unknown_run(doc, i: int, free) -> int:
    """End of the run of capitalised proper nouns starting at i (0 when none)."""
    j = i
    while j < len(doc) and j - i < MAX_UNKNOWN_TOKENS and free(j) and \
            doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper() and doc[j].is_alpha:
        j += 1
    return j if j > i else 0


def _described_after(doc, j: int) -> bool:
    """'X state', 'X, a farming town in ...', 'X is a rural township'."""
    if j >= len(doc):
        return False
    if doc[j].is_lower and doc[j].lower_ in SETTLEMENT_WORDS:
        return True
    k = j + 1 if doc[j].text == "," else j + 2 if doc[j].lemma_ == "be" else None
    if k is None or k >= len(doc) or doc[k].lower_ not in ("a", "an"):
        return False
    for t in doc[k + 1:k + 5]:
        if t.is_punct or t.pos_ == "VERB":
            return False
        if t.is_lower and t.lower_ in SETTLEMENT_WORDS:
            return True
    return False


def _described_before(doc, i: int) -> bool:
    """'the village of X', 'a town called X'."""
    if i >= 2 and doc[i - 1].lower_ in CALLED:
        # "a town called Låsby", "a small village named X"; not "a company called LifeCell"
        return any(t.is_lower and t.lower_ in SETTLEMENT_WORDS for t in doc[max(0, i - 4):i - 1])
    return i >= 2 and doc[i - 1].lower_ == "of" and doc[i - 2].is_lower and \
        doc[i - 2].lower_ in SETTLEMENT_WORDS


def described(doc, i: int, j: int) -> bool:
    """The words around doc[i:j] name it a settlement or an area."""
    return _described_before(doc, i) or _described_after(doc, j)


def _placed_in_area(doc, i: int, j: int, area_at) -> bool:
    """'the homestead in Kogelo in Nyanza province': after a preposition of place, and itself in a
    known area (area_at(k) says a country, state or county name starts at token k)."""
    if area_at is None or i < 1 or doc[i - 1].lower_ not in ("in", "at", "near"):
        # not "to" or "from": "wrote to Smith in Ohio"
        return False
    if j >= len(doc) or doc[j].lower_ != "in":
        return False
    k = j + 1
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    return area_at(k)


def named_settlements(doc, free, area_at=None) -> list[tuple[int, int]]:
    """Token ranges of places the words around them name, with the names listed beside them
    ("the villages of Kampungu, Makonono and Mombo"); free(t) says whether token t is unclaimed.
    Dates, titles and acronyms are left out."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(doc):
        j = _unknown_run(doc, i, free)
        if not j:
            i += 1
            continue
        if doc[i].is_sent_start and not _described_before(doc, i) and \
                not _described_after(doc, j):  # a capitalised first word says nothing
            i = j
            continue
        if _described_before(doc, i) or _described_after(doc, j) or \
                _placed_in_area(doc, i, j, area_at):
            out.append((i, j))
            # the names listed after it: ", Makonono, Kaluamba and Mombo"
            k = j
            while k + 1 < len(doc) and doc[k].lower_ in (",", "and", "or"):
                k2 = k + 1
                if doc[k].text == "," and doc[k2].lower_ in ("and", "or"):
                    k2 += 1
                e = _unknown_run(doc, k2, free)
                if not e:
                    break
                out.append((k2, e))
                k = e
            i = k if k > j else j
            continue
        i = j
    return out
