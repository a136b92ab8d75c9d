"""What the parse adds to the scan: the noun a bare number counts, "from X to Y" across a
counted noun, units shared in "eight or nine euros", the direction of change, and the concept.

All functions take the spaCy `Doc` of the whole text and the scan's `Found` list (character
offsets into the same text) and change the `Found` objects in place.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from ...lang.en import words
from . import lexicon as lx
from .concept import concept_span
from .finder import Found
from .reading import read_per
from .unit_concept import of_the_unit, only_the_unit

_COUNT_SKIP_LEMMAS = {
    "time", "year", "month", "day", "week", "hour", "minute", "second", "%", "percent",
    "order", "way", "thing", "bit", "kind", "sort", "type", "part", "half", "quarter",
    "one", "other", "another", "more", "less", "each", "all", "both", "most", "many", "few",
}

# Words that make a following singular time noun a reference to a period ("last year").
PERIOD_REFERENCES = {"last", "this", "next", "past", "previous", "coming", "same"}


class TokenIndex:
    """Character offset -> token index for one Doc."""

    def __init__(self, doc):
        self.doc = doc
        self.text = doc.text
        self.starts = [t.idx for t in doc]
        self._chunks: tuple[list, list[int]] | None = None

    def noun_chunks(self) -> tuple[list, list[int]]:
        """The Doc's noun chunks (in order, not overlapping) and their start tokens, once."""
        if self._chunks is None:
            chunks = list(self.doc.noun_chunks)
            self._chunks = (chunks, [c.start for c in chunks])
        return self._chunks

    def at(self, char: int):
        i = bisect_right(self.starts, char) - 1
        if i < 0:
            return None
        tok = self.doc[i]
        return tok if tok.idx <= char < tok.idx + max(len(tok.text), 1) else None

    def within(self, start: int, end: int) -> list:
        i = max(bisect_right(self.starts, start) - 1, 0)
        out = []
        for tok in self.doc[i:]:
            if tok.idx >= end:
                break
            if tok.idx + len(tok.text) > start and not tok.is_space:
                out.append(tok)
        return out


def quantity_tokens(index: TokenIndex, q: Found) -> list:
    return index.within(q.num_start, max(q.end, q.num_end))


def root_of(tokens: list):
    """The token of a group whose head lies outside the group (the first such, by depth)."""
    ids = {t.i for t in tokens}
    outside = [t for t in tokens if t.head.i not in ids or t.head.i == t.i]
    if not outside:
        return tokens[-1] if tokens else None
    return min(outside, key=lambda t: (_depth(t), -t.i))


def _depth(tok) -> int:
    d = 0
    while tok.head.i != tok.i and d < 50:
        tok = tok.head
        d += 1
    return d


# ---------------------------------------------------------------- counted nouns


def attach_counted_nouns(doc, index: TokenIndex, found: list[Found], text: str) -> None:
    """ "22 goals", "seven European countries", "millions of Americans", "23 of Mexico's 32
    states": a number without a unit counts the noun it modifies (or, after "of", the noun that
    follows); its unit is that noun, normalised to its lemma(s), and its dimension is "count"."""
    owner: dict[int, int] = {}
    for k, q in enumerate(found):
        for t in index.within(q.num_start, q.end):
            owner.setdefault(t.i, k)
    for k, q in enumerate(found):
        if q.norm is not None or q.kind in ("fraction", "factor") or q.value is None:
            continue
        last = index.at(q.num_end - 1)
        if last is None:
            continue
        noun = _counted_noun(last, text, q)
        if noun is None:
            continue
        toks = [t for t in doc[last.i + 1:noun.i + 1] if owner.get(t.i, k) == k]
        if not toks or any(t.i in owner and owner[t.i] != k for t in [noun]):
            continue
        first = toks[0]
        if any(t.i in owner and owner[t.i] != k for t in doc[last.i + 1:noun.i]):
            first = noun  # "eight million 250ml bottles": the other quantity stays out
            while first.i > last.i + 1 and doc[first.i - 1].dep_ == "compound" and \
                    doc[first.i - 1].i not in owner:
                first = doc[first.i - 1]
            toks = list(doc[first.i:noun.i + 1])
        pre = []
        j = index.at(q.num_start)
        if j is not None and last.head.i == noun.i:
            k2 = j.i - 1
            while k2 >= 0 and doc[k2].head.i == noun.i and doc[k2].pos_ in ("ADJ", "NOUN") and \
                    doc[k2].tag_ not in ("VBN", "VBD", "PRP$") and k2 not in owner:
                pre.insert(0, doc[k2])
                k2 -= 1
        while first.i < noun.i and (first.pos_ in ("ADP", "DET") or first.tag_ == "PRP$"):
            first = doc[first.i + 1]  # "millions of Americans": the unit is "Americans"
        lexical = time_unit_of(noun)
        if lexical is not None and noun.tag_ == "NN" and q.value != 1 and any(
                t.lower_ in PERIOD_REFERENCES for t in doc[last.i + 1:noun.i]):
            continue  # "2.1 last year", "12 this month": a time reference follows, no unit
        q.unit = text[first.idx:noun.idx + len(noun.text)]
        if lexical is not None:  # "the 50 previous years"
            q.norm, q.dimension = lexical.name, lexical.dimension
        else:
            q.norm = count_name(pre + toks, noun)
            q.dimension = "count"
        q.unit_span = (first.idx, noun.idx + len(noun.text))
        q.end = max(q.end, q.unit_span[1])
        per = read_per(text, q.end)
        if per:
            q.end, denominator = per
            q.norm = f"{q.norm} per {denominator}"
            q.unit = text[q.unit_span[0]:q.end]
            q.dimension = f"count/{denominator}"
            if denominator in ("year", "month", "week", "day", "hour"):
                q.rate = denominator
    for q in found:
        if q.kind == "part" and q.whole is not None and q.norm is None and q.whole.norm:
            q.unit, q.norm, q.dimension = q.whole.unit, q.whole.norm, q.whole.dimension


def attach_ages(doc, index: TokenIndex, found: list[Found], text: str, ages: bool) -> list[Found]:
    """ "Maddon, 66, has ...", "Nick Hague 44 has spent": a bare number in apposition to a
    person's name is an age: dropped, or (with `ages`) given the unit "year of age"."""
    out = []
    for q in found:
        if q.norm is None and q.kind == "number" and q.value is not None and \
                0 < q.value < 120 and q.value == int(q.value):
            tok = index.at(q.num_start)
            prev = doc[tok.i - 1] if tok is not None and tok.i > 0 else None
            if prev is not None and prev.text == "," and tok.i > 1:
                prev = doc[tok.i - 2]
            nxt = doc[tok.i + 1] if tok is not None and tok.i + 1 < len(doc) else None
            comma_before = tok is not None and tok.i > 0 and doc[tok.i - 1].text == ","
            if prev is not None and (prev.ent_type_ == "PERSON" or (
                    comma_before and prev.pos_ == "PROPN" and nxt is not None and
                    nxt.text == ",")) and (
                    nxt is None or nxt.text == "," or nxt.pos_ in ("AUX", "VERB")):
                if not ages:
                    continue
                q.unit, q.norm, q.dimension = None, "year of age", "age"
        out.append(q)
    return out


def _counted_noun(last, text: str, q: Found):
    doc = last.doc
    nxt = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if nxt is None:
        return None
    # "millions of Americans", "one of the students", "35m of its Echo devices"
    if q.kind == "part":
        return None  # "23 of Mexico's 32 states": the part takes the whole's unit
    if nxt.lower_ == "of" and (q.kind == "vague" or q.scaled or
                               last.lower_ in ("one", "two", "three", "four", "five")):
        pobj = next((c for c in nxt.children if c.dep_ == "pobj"), None)
        if pobj is None and nxt.i + 1 < len(doc):
            pobj = _noun_run_end(doc, nxt.i + 1)
        if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and _countable(pobj):
            return pobj
        return None
    head = last.head
    if last.dep_ in ("nummod", "compound", "quantmod", "amod", "nmod", "appos") and \
            head.pos_ in ("NOUN", "PROPN") and 0 < head.i - last.i <= 8 and \
            (_countable(head) or time_unit_of(head)):
        if all(t.pos_ in ("ADJ", "NOUN", "PROPN", "VERB", "ADV", "CCONJ", "NUM", "X", "SYM")
               or t.text == "-" for t in doc[last.i + 1:head.i]):
            return _noun_run_end(doc, head.i)
    # "4.3M digital and physical sales" (the parse may attach the number elsewhere)
    j = last.i + 1
    while j < len(doc) and j - last.i <= 5 and (
            doc[j].pos_ in ("ADJ", "CCONJ", "ADV") or doc[j].tag_ in ("VBN", "NN", "NNP")
            or doc[j].text == "-"):
        j += 1
    if j < len(doc) and j > last.i + 1 and doc[j].tag_ in ("NNS", "NNPS") and _countable(doc[j]):
        return _noun_run_end(doc, j)
    if nxt.pos_ in ("NOUN", "PROPN") and nxt.tag_ in ("NNS", "NNPS") and _countable(nxt) and \
            nxt.ent_type_ not in ("DATE", "TIME"):
        return _noun_run_end(doc, nxt.i)
    if nxt.pos_ in ("ADJ", "VERB") and nxt.i + 1 < len(doc) and \
            doc[nxt.i + 1].tag_ in ("NNS", "NNPS") and _countable(doc[nxt.i + 1]):
        return _noun_run_end(doc, nxt.i + 1)
    return None


def _noun_run_end(doc, i: int):
    """The last noun of a compound run: "member trade agreement", "course meal"."""
    j = i
    while j + 1 < len(doc) and doc[j + 1].pos_ in ("NOUN", "PROPN") and doc[j + 1].tag_ != "POS" \
            and doc[j].tag_ not in ("NNS", "NNPS") and doc[j].dep_ in ("compound", "nmod", "amod",
                                                                        "nummod", "nsubj", "dobj",
                                                                        "pobj", "ROOT", "attr",
                                                                        "appos", "conj"):
        if doc[j].dep_ not in ("compound",) and doc[j].head.i != j + 1:
            break
        j += 1
    tok = doc[j]
    return tok if tok.pos_ in ("NOUN", "PROPN") else None


def time_unit_of(tok):
    """The time unit a noun names ("years" -> year), else None."""
    from .units import INSENSITIVE

    unit = INSENSITIVE.get(tok.lower_)
    return unit if unit is not None and unit.dimension == "time" else None


def _countable(tok) -> bool:
    if tok.lemma_.lower() in _COUNT_SKIP_LEMMAS or tok.lower_ in lx.MONTHS or \
            tok.lower_ in lx.WEEKDAYS:
        return False
    if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT"):
        return False
    return (tok.is_alpha and len(tok.text) > 1) or ("-" in tok.text and len(tok.text) > 2)


_IRREGULAR_SUPERLATIVES = {"best": "good", "worst": "bad", "most": "", "least": "",
                           "biggest": "big", "hottest": "hot", "fattest": "fat",
                           "furthest": "far", "farthest": "far"}


def _adjective_base(tok) -> str:
    low = tok.lower_
    if tok.lemma_.lower() != low and tok.lemma_.isalpha():
        return tok.lemma_.lower()
    if tok.tag_ == "JJS" or low.endswith("est"):
        if low in _IRREGULAR_SUPERLATIVES:
            return _IRREGULAR_SUPERLATIVES[low]
        base = low[:-3]
        if base.endswith("i"):
            return base[:-1] + "y"
        if len(base) > 2 and base[-1] == base[-2]:
            return base[:-1]
        return base
    return tok.lemma_.lower()


def count_name(toks: list, noun) -> str:
    parts: list[str] = []
    glue = False
    for t in toks:
        if t.text == "-" and parts and not t.doc[t.i - 1].whitespace_:
            glue = True  # "gas-only", "coal-fired": keep the hyphenated word whole
            parts[-1] += "-"
            continue
        if t.i != noun.i and (
                t.pos_ in ("DET", "PRON", "PART", "PUNCT", "NUM", "ADP", "CCONJ", "ADV", "SYM")
                or t.tag_ in ("POS", "VBN", "VBD") and not glue
                or any(c.isdigit() for c in t.text)
                or t.lower_ in ("more", "most", "less", "additional", "extra")):
            continue
        if t.i == noun.i:
            word = _noun_base(t)
        elif t.pos_ == "ADJ":
            word = _adjective_base(t)
        else:
            word = t.text.lower()
        if glue and parts:
            parts[-1] += word
        elif word:
            parts.append(word)
        glue = False
    base = _noun_base(noun)
    if not parts or not parts[-1].endswith(base):
        parts.append(base)
    return " ".join(parts)


def _noun_base(tok) -> str:
    if tok.pos_ == "NOUN":
        return tok.lemma_.lower()
    if tok.tag_ == "NNPS" and tok.ent_type_ != "NORP" and tok.lower_.endswith("s") and not tok.lower_.endswith("ss"):
        return tok.lower_[:-1]
    return tok.lower_


# ---------------------------------------------------------------- ranges across nouns


_TO = re.compile(r"^\s*(?:to|-|–|—)\s*$")
# "from 20 miles per gallon in 2008 to 29 mpg", "from 21 mpg combined to 23"
_FROM_GAP = re.compile(r"^(?:\s*,?\s*(?:in|on|at|by|during)\s+[\w.]+|\s+[a-z]+){0,2}\s*,?\s*"
                       r"(?:to|-|–|—)\s*$")
_TO_FROM_GAP = re.compile(r"^\s*,?\s*from\s*$")


def merge_ranges(text: str, found: list[Found]) -> list[Found]:
    """ "from 31,000 overdose deaths to 87,000": a change whose first number took a counted
    noun (which the character scan could not know); "from 20 mpg in 2008 to 29 mpg in 2020";
    "narrowed to 138,285 lots from 212,577 lots" (the same change, told backwards);
    "between 2 and 5 people"."""
    out: list[Found] = []
    k = 0
    while k < len(found):
        q = found[k]
        if k + 1 < len(found) and q.value_high is None:
            q2 = found[k + 1]
            gap = text[q.end:q2.start]
            before = text[max(0, q.start - 10):q.start].lower()
            frm = re.search(r"\bfrom\s*(?:about\s+|around\s+|roughly\s+)?$", before)
            between = re.search(r"\bbetween\s*$", before)
            to_from = bool(_TO_FROM_GAP.match(gap)) and re.search(r"\bto\s*$", before)
            ok = (frm and (_TO.match(gap) or _FROM_GAP.match(gap))) or \
                (between and re.match(r"^\s*and\s*$", gap)) or to_from
            if ok and q2.value_high is None and q.value is not None and q2.value is not None and \
                    (q2.norm is None or q.norm is None or q2.norm == q.norm or
                     q2.norm.split(" per ")[0] == q.norm.split(" per ")[0]) and \
                    q.kind in ("number", "vague") and q2.kind in ("number", "vague"):
                m = q
                if to_from:
                    # "to 138,285 lots from 212,577 lots": from q2 to q
                    m.start = q.start - len(before) + re.search(r"\bto\s*$", before).start()
                    m.value, m.value_high = q2.value, q.value
                    m.kind = "change"
                    m.change = "up" if q.value > q2.value else "down"
                else:
                    m.start = q.start - len(before) + (frm or between).start()
                    m.value_high = q2.value
                    m.kind = "change" if frm else "range"
                    if frm:
                        m.change = "up" if q2.value > q.value else "down"
                m.first_end = q.end
                m.end = q2.end
                m.num_end = q2.num_end
                if m.norm is None:
                    m.unit, m.norm, m.dimension, m.unit_span = (q2.unit, q2.norm,
                                                                q2.dimension, q2.unit_span)
                m.approximate = q.approximate or q2.approximate
                out.append(m)
                k += 2
                continue
        out.append(q)
        k += 1
    return out


def drop_names(doc, index: TokenIndex, found: list[Found]) -> list[Found]:
    """A bare number before a singular proper name is part of a name: "787 Dreamliner"."""
    out = []
    for q in found:
        if q.kind == "number" and q.value is not None and q.dimension in (None, "count"):
            last = index.at(q.num_end - 1)
            nxt = last.doc[last.i + 1] if last is not None and last.i + 1 < len(last.doc) else None
            if nxt is not None and nxt.tag_ == "NNP" and nxt.text[:1].isupper() and \
                    nxt.ent_type_ != "NORP" and q.norm in (None, nxt.lower_):
                continue
        out.append(q)
    return out


def share_units(text: str, found: list[Found]) -> None:
    """ "eight or nine euros", "4 and 2 ppb": a bare number before "or"/"and" and a number with a
    unit takes that unit; "rose 64.06 points to 4,577.10": an index level reached after a move
    in points is in points."""
    for q1, q2 in zip(found, found[1:], strict=False):
        if q2.norm is None and q2.kind == "number" and q1.norm == "point" and \
                re.fullmatch(r"\s+(?:to|at)\s+", text[q1.end:q2.start]) and \
                re.search(r"\b(?:up|down|rose|fell|gained|lost|added|shed|climbed|dropped|jumped|"
                          r"slipped|rallied|declined|advanced|slid|tumbled|rise|fall)\s+(?:by\s+)?$",
                          text[max(0, q1.start - 12):q1.start], re.I):
            q2.unit, q2.norm, q2.dimension = q1.unit, q1.norm, q1.dimension
    # from the last back, so a list takes the unit its last figure has: "four-, five- and
    # six-cylinder engines"
    for q1, q2 in reversed(list(zip(found, found[1:], strict=False))):
        if q1.norm is None and q2.norm and q1.kind == "number" and q2.kind in ("number", "range") \
                and re.fullmatch(r"-\s*,\s*|-?\s*(?:or|and|, or|, and|to)\s*", text[q1.end:q2.start]) and \
                q2.unit_span and q2.unit_span[0] > q2.num_start:
            q1.unit, q1.norm, q1.dimension, q1.unit_span = q2.unit, q2.norm, q2.dimension, q2.unit_span


# ---------------------------------------------------------------- direction of change


def attach_change(doc, index: TokenIndex, found: list[Found], text: str) -> None:
    """Direction of an amount of change: "up 19 cents", "fell 0.9%", "grew by 125,600
    positions", "lost 190 points, or 0.6%". Levels reached ("to $2.3 billion", "at 164p") and
    change nouns ("a 4.2 percent drop") keep "="; a from-to pair has its direction already."""
    by_token: dict[int, Found] = {}
    for q in found:
        for t in quantity_tokens(index, q):
            by_token.setdefault(t.i, q)
    for q in found:
        if q.kind in ("change", "factor") or q.value is None:
            continue
        before = text[max(0, q.start - 20):q.start]
        m = re.search(r"\b(up|down|higher|lower|plus)\s+(?:by\s+)?$", before, re.I)
        if m and not re.search(r"\bup\s+to\s*$", before, re.I):
            word = m.group(1).lower()
            q.change = "up" if word in ("up", "higher", "plus") else "down"
            continue
        toks = quantity_tokens(index, q)
        root = root_of(toks)
        if root is None:
            continue
        verb, rel = _governor(root)
        if verb is None:
            continue
        lemma = verb.lemma_.lower()
        if rel in ("dobj", "npadvmod", "advmod", "attr", "nmod", "oprd", "acomp", "by",
                   "quantmod", "dep", "obj"):
            direction = _direction_of(verb, lemma)
            if direction:
                q.change = direction
    # "lost 190 points, or 0.6%": an apposition shares the direction of its head
    for q in found:
        if q.change != "=" or q.kind in ("change", "factor"):
            continue
        root = root_of(quantity_tokens(index, q))
        if root is not None and root.dep_ in ("appos", "conj", "npadvmod") and \
                root.head.i in by_token and by_token[root.head.i] is not q:
            other = by_token[root.head.i]
            if other.change in ("up", "down") and re.fullmatch(
                    r"\s*,?\s*(?:or|and)?\s*", text[other.end:q.start]):
                q.change = other.change


def _governor(tok):
    """The verb a quantity depends on and how: ("rose", "dobj") for "rose 6.5%", ("rise",
    "by") for "rise by 10.1 percent"; levels ("to", "at", "from") give (verb, "level")."""
    rel = tok.dep_
    cur = tok
    if rel == "pobj":
        prep = cur.head
        p = prep.lower_
        if p == "by" and prep.head.pos_ in ("VERB", "AUX"):
            return prep.head, "by"
        return None, None
    head = cur.head
    if head.pos_ in ("VERB", "AUX") or head.lower_ in ("up", "down"):
        return head, rel
    return None, None


def _direction_of(verb, lemma: str) -> str | None:
    if lemma in lx.UP_WORDS:
        # "edge up", "inch down": the particle decides
        prt = next((c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")
                    and c.lower_ in ("up", "down", "higher", "lower", "upward", "downward")), None)
        if prt in ("down", "lower", "downward"):
            return "down"
        return "up"
    if lemma in lx.DOWN_WORDS:
        return "down"
    prt = next((c.lower_ for c in verb.children if c.dep_ in ("prt", "advmod")
                and c.lower_ in ("up", "down", "upward", "downward", "higher", "lower")), None)
    if prt in ("up", "upward", "higher"):
        return "up"
    if prt in ("down", "downward", "lower"):
        return "down"
    return None


# ---------------------------------------------------------------- rates


_RATE_AFTER = re.compile(r"^\s*(?:,\s*)?(?:a|per|each|every)\s+(year|month|week|day|hour)\b|"
                         r"^\s*(annually|yearly|monthly|weekly|daily|hourly|a year)\b", re.I)


def attach_rates(doc, index: TokenIndex, found: list[Found], text: str) -> None:
    """ "286 gigatonnes annually", "the number who have died annually": a per-period figure."""
    for q in found:
        if q.rate:
            continue
        m = _RATE_AFTER.match(text[q.end:q.end + 20])
        if m:
            word = (m.group(1) or m.group(2)).lower()
            q.rate = {"annually": "year", "yearly": "year", "a year": "year", "monthly": "month",
                      "weekly": "week", "daily": "day", "hourly": "hour"}.get(word, word)
            continue
        root = root_of(quantity_tokens(index, q))
        if root is None:
            continue
        sent = root.sent
        clause = _clause_tokens(root)
        for t in clause:
            if t.lower_ in ("annually", "yearly") and t.sent == sent:
                q.rate = "year"
                break


def _clause_tokens(tok) -> list:
    """Tokens of the clause around `tok`: its governing verb's subtree and its subject's."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            break
        cur = cur.head
    return list(cur.subtree)


# ---------------------------------------------------------------- concepts


def attach_concepts(doc, index: TokenIndex, found: list[Found], text: str) -> None:
    spans = [(q.start, q.end) for q in found]
    by_token: dict[int, int] = {}
    for k, q in enumerate(found):
        for t in quantity_tokens(index, q):
            by_token.setdefault(t.i, k)
    for k, q in enumerate(found):
        q.concept = concept_span(doc, index, q, spans, by_token, k, found)
        if q.concept and q.unit_span and q.unit_span[1] <= q.num_start and \
                q.unit_span[0] <= q.concept[0] and q.concept[1] <= q.unit_span[1]:
            q.concept = None  # "an apple or two": the noun counted before is the unit, no concept
        elif only_the_unit(doc, index, q):  # "4.3M digital and physical sales of The Greatest Showman"
            q.concept = of_the_unit(doc, index, q, by_token, k)
    # conversions, appositions and linked changes: "87 mph (140 km/h)", "1.356 billion ($1.762bn)",
    # "lost 190 points, or 0.6%", "revenue of $5 billion, up 10%"
    for k in range(1, len(found)):
        q, prev = found[k], found[k - 1]
        gap = text[prev.end:q.start]
        if (re.fullmatch(r"\s*(?:\(|/|,\s*or|or)\s*", gap) or _LINKED_FIGURE.fullmatch(gap)) and \
                prev.concept is not None and not _own_whole(q, text):
            q.concept = prev.concept
        elif _listed_after(index, prev, q, gap):
            q.concept = prev.concept
    from .gapping import gapped_concept  # gapping reads this module's TokenIndex

    for k, q in enumerate(found):  # "Apple rose 2%, Microsoft 1.5%": the gapped clause's name
        q.concept = gapped_concept(doc, index, found, k) or q.concept


_LINKS = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in words("figure_links")), key=len, reverse=True))
# "$5 billion, up 10%", "466,000 vehicles in the second quarter, up 83%" (lang/en/figure_links.tsv)
_LINKED_FIGURE = re.compile(rf"(?:\s+(?:in|on|at|for|during)\s+[^,;()]{{1,40}}?)?\s*,\s*(?:{_LINKS})(?:\s+by)?\s*", re.I)


def _own_whole(q: Found, text: str) -> bool:
    """ "cut 4,000 jobs, or about 10% of its workforce": a figure followed by its own "of" whole,
    which is its concept, restates the one before as a share of something else."""
    return q.concept is not None and q.concept[0] >= q.end and \
        re.match(r"\s+of\s", text[q.end:q.end + 5]) is not None


def _listed_after(index: TokenIndex, prev: Found, q: Found, gap: str) -> bool:
    """ "fell to 49.55 Hz on 9 May, 49.52 Hz on 20 June and 49.58 Hz on 11 July": a figure of the
    same unit listed after another, with no verb between them, measures what the first does."""
    if prev.concept is None or q.norm is None or q.norm != prev.norm or q.dimension != prev.dimension:
        return False
    if prev.concept[1] > prev.start:  # "a 25 percent tariff on Mexico, a 25 percent tariff on Canada"
        return False
    if not re.search(r",|\band\b|\bor\b", gap) or len(gap) > 60:
        return False
    between = index.within(prev.end, q.start)
    return not any(t.pos_ in ("VERB", "AUX") for t in between)
