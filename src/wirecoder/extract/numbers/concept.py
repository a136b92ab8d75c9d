"""The concept a quantity measures, as one contiguous span of the text.

Rules, in order (the first that applies wins):
  1. "X of Y" with a proportion, an amount of stuff or a vague count: Y ("60 per cent of its
     revenue" -> "revenue"; "18 kilos of fentanyl" -> "fentanyl"). Likewise an amount of money
     or a share written right before "for" and a noun: that noun ("a penalty of $52,000 for
     CN" -> "CN"; not a time: "up 19 per cent for the year").
  2. The quantity modifies a noun: that noun with its modifiers and its "on"/"of"/"against"
     phrase ("a 25 percent tariff on Canada" -> "tariff on Canada").
  3. The quantity hangs off a noun through a preposition ("sales of 5835 units" -> "sales";
     "a grounding for more than three months" -> "grounding").
  4. The quantity belongs to a verb (object, "by"/"to"/"at" phrase, attribute): the verb's
     subject, found through relative clauses ("which operates 23 states" -> the antecedent),
     shared subjects of coordinated or subordinate verbs, and "the number of X" (-> X, or the
     counted noun when the quantity names one: "the number ... rose from 31,000 overdose
     deaths" -> "overdose deaths"). Expletive and personal-pronoun subjects give no concept.
     An amount an object is brought to or from, or changed by, is the object's ("boost its output
     to 1.2m tons" -> "output"), and so is the level a verb of lang/en/level_verbs.tsv sets or
     judges it at ("kept its key rate at 4.5%" -> "key rate"); an amount moved onto or off a thing is the thing's ("wiped $2
     billion off its market value" -> "market value", verbs in lang/en/amount_verbs.tsv); "worth" gives the noun it values ("a grant worth $8 million");
     a duration "for" which something lasts is the subject's, one "in"/"after"/"within" dates.
     A figure listed after another of the same unit with no verb between takes its concept
     (syntax.attach_concepts: "49.55 Hz on 9 May, 49.52 Hz on 20 June").
  5. Otherwise no concept.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from typing import NamedTuple

from ...lang.en import table, words
from .finder import Found
from .units import is_currency

_PRONOUNS = words("pronouns", kind=("personal", "demonstrative", "relative", "interrogative", "indefinite",
                                    "expletive")) | words("pronouns", kind="possessive", refers="thing")
_RELATIVE = words("pronouns", kind="relative")
_AMOUNT_VERBS = {row["verb"]: frozenset(row["preps"].split(",")) for row in table("amount_verbs")}
_LEVEL_VERBS = {row["verb"]: frozenset(row["preps"].split(",")) for row in table("level_verbs")}
_LEVEL_PREPS_ANY_VERB = frozenset({"to", "from", "by"})
_THIRD_PERSON_SUBJECTS = words("pronouns", kind="personal", person="3", case=("subject", "both"))
_PARTITIVES = words("pronouns", partitive="yes") | {"half"}
_OF_UNITS_DIMENSIONS = {"percentage", "mass", "volume", "fraction", "ratio"}
_PURE_COUNT_NOUNS = {"number", "total", "count", "tally", "toll", "sum", "amount", "figure"}
_TIME_NOUNS = {"quarter", "year", "month", "week", "day", "period", "season", "half", "decade"}
_PERIOD_WORDS = {"past", "last", "next", "previous", "coming", "first"}
_PORTION_NOUNS = {"chunk", "lot", "part", "portion", "bit", "piece", "majority", "minority",
                  "average", "range", "maximum", "minimum", "level", "sighting"}
_LEFT_DEPS = {"compound", "amod", "poss", "nmod", "npadvmod", "nummod", "quantmod", "case",
              "advmod"}
_RIGHT_PREPS = {"of", "on", "against", "in", "for"}
_LEVEL_PREPS = {"to", "at", "from", "by", "of", "in", "for", "with", "around", "about", "over",
                "under", "above", "below", "between", "near", "than", "into", "during",
                "within", "toward", "towards", "up", "down", "per", "as", "after", "before",
                "since", "until", "like", "across"}


@dataclass
class _Site:
    """What every rule looks at: the quantity, its own tokens and the tokens it may not take."""

    q: Found
    toks: list
    own_ids: set[int]
    blocked: set[int]
    by_token: dict[int, int]
    own: int
    found: list
    sent: object

    def phrase(self, noun, *, with_pp: bool, after: int | None = None):
        return _phrase(noun, self.blocked, self.by_token, self.own, with_pp=with_pp, after=after)


class _Climb(NamedTuple):
    """Where the walk up from the quantity stopped: at a verb (with the dependent it came
    through), or at an answer (`decided`, whose concept may be None)."""

    decided: bool
    concept: tuple[int, int] | None
    verb: object
    adjunct: object
    cur: object


def concept_span(doc, index, q: Found, spans, by_token, own: int, found) -> tuple[int, int] | None:
    toks = index.within(q.num_start, q.first_end or q.end)
    if not toks:
        return None
    own_ids = {t.i for t in index.within(q.start, q.end)} | {t.i for t in toks}
    root = _root(toks)
    if root is None:
        return None
    # The tokens by_token gives to this quantity are among its own tokens: looking only there,
    # not through every quantity's tokens, keeps a text full of numbers linear.
    blocked = {t.i for t in index.within(q.num_start, max(q.end, q.num_end))
               if by_token.get(t.i) == own} | own_ids
    site = _Site(q, toks, own_ids, blocked, by_token, own, found, root.sent)
    if _measures_nothing(q, index.text):  # Doc.text joins all tokens on every call: read once
        return None

    # climb out of the quantity's own tokens ("HK $3.7 billion": "HK" is the currency)
    cur = root
    while cur.head.i in own_ids and cur.head.i != cur.i:
        cur = cur.head
    # 1. "X of Y" for proportions and amounts of stuff, unless the amount is the level an object
    # is brought to ("boost its output to 1.2m tons of ilmenite": the output's, rule 4)
    span = None if _level_of_object(cur) else _of_phrase(site) or _paid_for(site, index)
    if span:
        return span
    # 2. modifier of a noun
    span = _modified_noun(site, cur)
    if span:
        return span

    # 3./4. through prepositions, conjunctions and modifiers up to a noun or a verb
    climb = _climb(site, cur)
    if climb.decided:
        return climb.concept
    if climb.verb is None:
        return _preceding_chunk(root, blocked, index)
    return _verb_concept(site, root, index, climb)


def _measures_nothing(q: Found, text: str) -> bool:
    # "two years later", "six months ago": a time offset dates something, it measures nothing
    if q.dimension == "time" and re.match(r"\s*(?:later|earlier|ago|before|after|on)\b",
                                          text[q.end:q.end + 10]):
        return True
    # "one of the best screens": a membership, whose noun is the unit, not a concept
    return q.value == 1 and q.kind == "number" and bool(re.match(r"(?i)one\s+of\b",
                                                                 text[q.num_start:q.end]))


def _of_phrase(site: _Site) -> tuple[int, int] | None:
    """Rule 1: "60 per cent of its revenue" -> "revenue"."""
    of_child = _of_child(site.toks, site.q)
    if of_child is not None:
        pobj = next((c for c in of_child.children if c.dep_ == "pobj"), None)
        if pobj is not None and pobj.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "VERB") and \
                pobj.i not in site.own_ids:
            if pobj.lower_ not in _PRONOUNS or pobj.lower_ in ("those",):
                return site.phrase(pobj, with_pp=True)
    return None


def _paid_for(site: _Site, index):
    """ "a penalty of $52,000 for CN", "one per cent for men", "paying $100 million for work":
    an amount of money or a share written right before "for" and a noun is that noun's (not a
    time: "up 19 per cent for the year"; not a pronoun's: "for his career"; not an occasion counted
    by an ordinal: "topped $2 trillion for the first time")."""
    if not (is_currency(site.q.dimension) or site.q.dimension in ("percentage", "percentage point")):
        return None
    m = re.match(r"[\s,]*for\s", index.text[site.q.end:site.q.end + 8])
    prep = index.at(site.q.end + m.end() - 4) if m else None
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
    if pobj is None or pobj.pos_ not in ("NOUN", "PROPN") or pobj.i in site.by_token or \
            pobj.ent_type_ in ("DATE", "TIME") or pobj.lemma_.lower() in _TIME_NOUNS | _PURE_COUNT_NOUNS or \
            any(c.dep_ == "poss" or c.ent_type_ == "ORDINAL" for c in pobj.children):
        return None  # "for his career"; "for the first time", "for a third session": an occasion
    return site.phrase(pobj, with_pp=True)


def _modified_noun(site: _Site, cur) -> tuple[int, int] | None:
    """Rule 2: "a 25 percent tariff on Canada" -> "tariff on Canada"."""
    head = cur.head
    while head.dep_ == "compound" and head.head.pos_ in ("NOUN", "PROPN") and \
            head.head.i > head.i:
        head = head.head  # "a 352 μm pixel pitch": the compound's head
    if cur.dep_ in ("nummod", "compound", "amod", "quantmod", "nmod", "npadvmod", "appos",
                    "dep") and head.pos_ in ("NOUN", "PROPN") and head.i not in site.own_ids and \
            (head.i not in site.by_token or _measured_thing(site, head)) and \
            head.sent == site.sent and (site.q.dimension != "count" or head.i > cur.i) and \
            not _a_reference(head):
        return site.phrase(head, with_pp=True, after=cur.i if head.i > cur.i else None)
    return None


def _climb(site: _Site, cur) -> _Climb:
    """Rule 3 on the way up: a noun the quantity hangs off through a preposition, or another
    quantity's concept shared; else the verb the walk reaches (None at a root that is none)."""
    by_token, own, found = site.by_token, site.own, site.found
    verb = None
    adjunct = None
    for _ in range(8):
        if cur.head.i == cur.i:
            verb = cur if cur.pos_ in ("VERB", "AUX") else None
            break
        h = cur.head
        if cur.dep_ in ("pobj", "pcomp") and h.pos_ == "ADP":
            host = h.head
            k = by_token.get(host.i)
            if k is not None and k != own:
                # "32 goals in 36 league games": the host is another quantity
                if k < own:
                    return _Climb(True, found[k].concept, None, None, cur)
            elif host.pos_ in ("NOUN", "PROPN") and host.i not in site.own_ids and \
                    h.lower_ not in ("than", "as", "like") and host.sent == site.sent and \
                    host.i != h.i and host.ent_type_ not in ("DATE", "TIME") and \
                    host.lemma_.lower() not in _TIME_NOUNS and \
                    host.lemma_.lower() not in _PURE_COUNT_NOUNS | _PORTION_NOUNS and \
                    not _a_period(site.q, cur):
                span = site.phrase(host, with_pp=False)
                if span:
                    return _Climb(True, span, None, None, cur)
            adjunct = cur
            cur = host if host.i != h.i else h
            if cur.pos_ in ("VERB", "AUX"):
                verb = cur
                break
            continue
        if cur.dep_ in ("conj", "appos") and h.i not in site.own_ids:
            k = by_token.get(h.i)
            if k is not None and k != own and k < own:
                return _Climb(True, found[k].concept, None, None, cur)
        valued = _valued(h, site)
        if valued is not None:
            return _Climb(True, site.phrase(valued, with_pp=False), None, None, cur)
        if h.pos_ in ("VERB", "AUX"):
            if cur.dep_ in ("nsubj", "nsubjpass", "csubj"):
                return _Climb(True, None, None, None, cur)  # the quantity is the subject
            verb = h
            adjunct = cur
            break
        cur = h
    return _Climb(False, None, verb, adjunct, cur)


def _a_period(q: Found, noun) -> bool:
    """ "beset by controversy over the past two years": a duration counted back or forward from
    now is the period of a clause, not a measure of the noun it follows."""
    return q.dimension == "time" and any(c.lower_ in _PERIOD_WORDS for c in noun.children)


def _measured_thing(site: _Site, noun) -> bool:
    """ "eight million 250ml bottles": a measure written before the noun another figure counts
    is a measure of that noun (each bottle holds 250ml)."""
    other = site.found[site.by_token[noun.i]]
    return other is not site.q and other.dimension == "count" and site.q.dimension not in (
        None, "count") and other.unit_span is not None and \
        other.unit_span[0] <= noun.idx < other.unit_span[1]


def _a_reference(noun) -> bool:
    """ "2.1 last year": a time noun named by "last", "this", "next" dates the figure."""
    return noun.lemma_.lower() in _TIME_NOUNS and any(
        c.lower_ in _PERIOD_WORDS | {"this", "same"} for c in noun.children if c.i < noun.i)


def _valued(worth, site: _Site):
    """ "a grant worth up to $8 million", "the grant worth $8 million": the noun that "worth" says
    the amount of (its subject, or the noun it modifies); None for "was worth", left to the verb."""
    if worth.lower_ != "worth":
        return None
    subj = next((c for c in worth.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
    if subj is None and worth.dep_ == "amod" and worth.head.pos_ in ("NOUN", "PROPN"):
        subj = worth.head
    return subj if subj is not None and subj.i not in site.blocked and subj.i not in site.by_token else None


def _verb_concept(site: _Site, root, index, climb: _Climb) -> tuple[int, int] | None:
    """Rule 4: the quantity belongs to a verb."""
    verb, adjunct, blocked = climb.verb, climb.adjunct, site.blocked
    moved = _moved_onto(site, verb, adjunct)
    if moved is not None:
        return moved
    if _pronoun_subject(verb) or _changes_an_object(adjunct, verb):
        # "boost the driving range by about 35 miles": the object changes by the amount
        obj = next((c for c in verb.children if c.dep_ in ("dobj",) and c.i not in blocked
                    and c.i not in site.by_token and c.pos_ in ("NOUN", "PROPN")), None)
        if obj is not None:
            span = site.phrase(obj, with_pp=True)
            if span:
                return span
    if site.q.dimension == "time" and adjunct is not None and _temporal_adjunct(adjunct, verb):
        return None  # "in the last three months", "two years later": when, not what
    found_concept = _subject_concept(verb, site.q, blocked, site.by_token, site.own, site.toks)
    if found_concept is _NO_SUBJECT:
        return _preceding_chunk(root, _Either(blocked, site.by_token), index, before=verb.i)
    return found_concept


def _moved_onto(site: _Site, verb, adjunct):
    """ "wiped $2 billion off the group's market value", "added $3 billion to its value": the
    amount a verb of lang/en/amount_verbs.tsv moves onto or off a thing measures that thing
    (never another figure: "added 15 sen to RM2.70")."""
    if adjunct is None or adjunct.dep_ != "dobj":
        return None
    preps = _AMOUNT_VERBS.get(verb.lemma_.lower())
    if not preps:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in preps and prep.i > adjunct.i:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.pos_ in ("NOUN", "PROPN") and pobj.i not in site.by_token \
                    and pobj.i not in site.blocked:
                return site.phrase(pobj, with_pp=True)
    return None


def _level_of_object(tok) -> bool:
    """ "boost its output to 1.2m tons": a "to"/"from" amount of a verb that has an object."""
    verb = tok.head.head
    return _changes_an_object(tok, verb) and any(
        c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)


def _changes_an_object(adjunct, verb) -> bool:
    """ "boost its output to 1.2m tons", "downgrading its guidance from $160 million", "cut its
    workforce by 10%", "kept its key rate at 4.5%": the amount an object is brought to, from or
    by is the object's, and so is the level a verb of lang/en/level_verbs.tsv sets it at."""
    if adjunct is None or adjunct.dep_ != "pobj" or adjunct.head.head != verb:
        return False
    prep = adjunct.head.lower_
    return prep in _LEVEL_PREPS_ANY_VERB or prep in _LEVEL_VERBS.get(verb.lemma_.lower(), ())


def _temporal_adjunct(tok, verb) -> bool:
    """A duration that dates the event rather than measuring it."""
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "after", "within", "since", "before") and \
            tok.head.head == verb:
        return True
    return tok.dep_ in ("npadvmod",) and any(c.lower_ in ("later", "earlier", "ago", "before",
                                                           "after") for c in tok.children)


def _pronoun_subject(verb) -> bool:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (subj.pos_ == "PRON" or subj.lower_ in _PRONOUNS)


def _root(toks):
    from .syntax import root_of

    return root_of(toks)


class _Either:
    """Membership in any of some sets, without building their union (once per quantity, the
    union of all quantities' tokens made a text full of numbers quadratic)."""

    def __init__(self, *sets):
        self.sets = sets

    def __contains__(self, item) -> bool:
        return any(item in s for s in self.sets)


def _antecedent(pron, blocked):
    """ "sent the shares surging and they were up 5pc": the nearest earlier noun of the same
    number in the sentence."""
    plural = pron.lower_ == "they"
    person = pron.lower_ in ("he", "she")
    for tok in reversed(list(pron.sent)[:pron.i - pron.sent.start]):
        if person:
            if tok.ent_type_ == "PERSON" and tok.ent_iob_ in ("B", "I") and \
                    (tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I"):
                start = tok.i
                while start > 0 and tok.doc[start].ent_iob_ == "I":
                    start -= 1
                first = tok.doc[start]
                return first.idx, tok.idx + len(tok.text)
            continue
        if tok.pos_ in ("NOUN", "PROPN") and tok.i not in blocked and \
                tok.dep_ not in ("compound", "poss") and \
                tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT") and \
                (tok.tag_ in ("NNS", "NNPS")) == plural:
            return _phrase(tok, blocked, {}, -1, with_pp=False)
    return None


def _has_subject(verb) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


_NO_SUBJECT = ("no subject",)


def _preceding_chunk(tok, blocked, index, before: int | None = None, no_subject: bool = False):
    """No verb, or a verb without a subject: the first noun phrase of the sentence before the
    quantity ("floor area ≈ 32m2"; "Before the crisis global debt ... was about $113 trillion")."""
    if no_subject:
        return None
    sent = tok.sent
    doc = tok.doc
    start = sent.start
    steps = 0  # at most 3 sentences back: a text without full stops walked to its start
    while start > 0 and doc[start - 1].text not in (".", "!", "?") and \
            "\n" not in doc[start - 1].text_with_ws and steps < 3:
        start = doc[start - 1].sent.start  # a sentence split without a full stop
        steps += 1
    limit = before if before is not None else tok.i
    # The document's noun chunks, read once (Span.noun_chunks walks the whole Doc on each call)
    chunks, chunk_starts = index.noun_chunks()
    for k in range(bisect_left(chunk_starts, start), len(chunks)):
        chunk = chunks[k]
        if chunk.end > limit:
            break
        root = chunk.root
        if root.i in blocked or root.ent_type_ in ("DATE", "TIME", "CARDINAL", "MONEY",
                                                   "PERCENT", "QUANTITY"):
            continue
        if root.lower_ in _PRONOUNS or root.pos_ == "PRON":
            continue
        start = chunk.start
        while start < chunk.end and (chunk.doc[start].pos_ in ("DET", "PRON", "PUNCT")
                                     or chunk.doc[start].tag_ == "PRP$"):
            start += 1
        if start >= chunk.end or any(i in blocked for i in range(start, chunk.end)) or \
                any(t.like_num for t in chunk):
            continue
        first, last = chunk.doc[start], chunk.doc[chunk.end - 1]
        return first.idx, last.idx + len(last.text)
    return None


def _of_child(toks, q: Found):
    """The "of" after a proportion or an amount measured in a unit ("60 per cent of its
    revenue", "18 kilos of fentanyl"); a count's "of" names its unit, not its concept."""
    if q.kind != "fraction" and (q.dimension is None or q.dimension == "count" or
                                 q.dimension.startswith(("currency", "time", "count/"))):
        return None
    for t in toks:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                return c
    last = toks[-1]
    nxt = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    if nxt is not None and nxt.lower_ == "of":
        return nxt
    return None


def _subject_concept(verb, q: Found, blocked, by_token, own, toks):
    seen = 0
    cur = verb
    while seen < 6:
        seen += 1
        subj = _subject_of(cur)
        if subj is None and any(c.dep_ == "expl" for c in cur.children):
            return None  # "there is one particular demand": existence, no concept
        if subj is not None:
            low = subj.lower_
            if low in _RELATIVE and cur.dep_ == "relcl":
                return _phrase(cur.head, blocked, by_token, own, with_pp=True)
            if low in _PARTITIVES:
                of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"),
                          None)
                pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
                if pobj is not None:
                    return _phrase(pobj, blocked, by_token, own, with_pp=False)
            if low in _THIRD_PERSON_SUBJECTS and subj.pos_ == "PRON":
                return _antecedent(subj, blocked)
            if low in _PRONOUNS or subj.pos_ == "PRON":
                return None
            if subj.i in blocked:
                return None
            if subj.lemma_.lower() in _PURE_COUNT_NOUNS:
                # "the number of Americans who have died ... rose from 31,000 overdose deaths"
                if q.dimension == "count" and q.unit_span:
                    return q.unit_span
                of = next((c for c in subj.children if c.dep_ == "prep" and c.lower_ == "of"),
                          None)
                pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
                if pobj is not None:
                    return _phrase(pobj, blocked, by_token, own, with_pp=True, with_rel=True)
            return _phrase(subj, blocked, by_token, own, with_pp=True)
        stray = _stray_subject(cur, blocked, by_token) if cur.dep_ == "conj" else None
        if stray is not None:
            return _phrase(stray, blocked, by_token, own, with_pp=True)
        if cur.dep_ in ("xcomp", "advcl", "conj", "ccomp", "pcomp", "acl", "relcl", "prep") and \
                cur.head.i != cur.i:
            if cur.dep_ in ("acl",) and cur.head.pos_ in ("NOUN", "PROPN") and \
                    cur.head.lemma_.lower() in _TIME_NOUNS:
                # "the first quarter ended December to $84 billion": go on to the main verb
                cur = cur.head
                while cur.head.i != cur.i and cur.pos_ not in ("VERB", "AUX"):
                    cur = cur.head
                continue
            if cur.dep_ in ("acl",) and cur.head.pos_ in ("NOUN", "PROPN"):
                return _phrase(cur.head, blocked, by_token, own, with_pp=False)
            if cur.dep_ == "relcl" and cur.head.pos_ in ("NOUN", "PROPN"):
                return _phrase(cur.head, blocked, by_token, own, with_pp=True)
            cur = cur.head
            while cur.pos_ == "ADP" and cur.head.i != cur.i:
                cur = cur.head  # "before inching back up to 4.8 percent"
            if cur.pos_ not in ("VERB", "AUX"):
                return _NO_SUBJECT
            continue
        return _NO_SUBJECT
    return _NO_SUBJECT


def _whole_word_end(doc, end: int, blocked) -> int:
    """ "S&P 500 e-minis", which the tokenizer cut at its hyphen: a span never ends inside a
    hyphened word (and `_phrase` never starts one inside either)."""
    while end + 2 < len(doc) and not doc[end].whitespace_ and doc[end + 1].text == "-" and \
            not doc[end + 1].whitespace_ and doc[end + 2].is_alpha and end + 2 not in blocked:
        end += 2
    return end


def _stray_subject(verb, blocked, by_token):
    """ "The charge was 2.5 F and the voltage across it was 5 volts": a second verb whose own
    subject the parse hung elsewhere; the noun between the "and" and the verb is its subject."""
    doc = verb.doc
    cc = next((t for t in reversed(doc[verb.head.i + 1:verb.i]) if t.dep_ == "cc" or t.text == ","), None)
    if cc is None or verb.i - cc.i > 8:
        return None
    between = doc[cc.i + 1:verb.i]
    if any(t.pos_ in ("VERB", "AUX") for t in between):
        return None
    return next((t for t in between if t.pos_ in ("NOUN", "PROPN") and t.i not in blocked and
                 t.i not in by_token and t.dep_ not in ("compound", "poss", "pobj")), None)


def _subject_of(verb):
    """The verb's subject; of two, the parse's mistake for a fronted phrase ("A groundball
    machine with ..., Hosmer entered"), the one after the comma."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) > 1 and subjects[-1].i < verb.i:
        start = subjects[-1].left_edge.i
        if start > 0 and verb.doc[start - 1].text == ",":
            return subjects[-1]
    return subjects[0] if subjects else None


def _phrase(noun, blocked, by_token, own, *, with_pp: bool, after: int | None = None,
            with_rel: bool = False) -> tuple[int, int] | None:
    """A contiguous span for a noun: its left modifiers (no determiners, no other quantity)
    and, `with_pp`, its "of"/"on"/"against" phrase."""
    doc = noun.doc
    start = noun.i
    for child in sorted(noun.lefts, key=lambda c: c.i, reverse=True):
        if child.dep_ in ("det", "punct", "predet", "cc", "preconj") or child.pos_ == "DET":
            break
        sub = list(child.subtree)
        if any(t.i in blocked or (t.i in by_token and by_token[t.i] != own) for t in sub):
            break
        if child.dep_ not in _LEFT_DEPS and child.dep_ not in ("poss", "case"):
            break
        start = min(t.i for t in sub)
    if after is not None:
        start = max(start, after + 1)
        while start < noun.i and (doc[start].is_punct or doc[start].i in blocked):
            start += 1
    end = noun.i
    if with_pp:
        for child in sorted(noun.rights, key=lambda c: c.i):
            if child.dep_ == "prep" and child.lower_ in _RIGHT_PREPS and child.i == end + 1:
                sub = list(child.subtree)
                if any(t.i in blocked or (t.i in by_token and by_token[t.i] != own) for t in sub):
                    break
                if len(sub) > 8:
                    break
                end = max(t.i for t in sub)
            elif child.dep_ in ("advmod",) and child.i == end + 1 and child.lower_ in (
                    "nationwide", "worldwide", "globally", "annually"):
                end = child.i
            elif with_rel and child.dep_ in ("relcl", "acl") and child.i <= end + 2:
                sub = list(child.subtree)
                if any(t.i in blocked or (t.i in by_token and by_token[t.i] != own) for t in sub):
                    break
                end = max(t.i for t in sub)
            else:
                break
    if with_pp and end == noun.i and end + 2 < len(doc) and doc[end + 1].lower_ in (
            "on", "against") and doc[end + 2].ent_type_ in ("GPE", "NORP", "LOC") and \
            doc[end + 2].i not in blocked:
        # "a 25 percent tariff on Canada" where the parse hung "on Canada" on the verb
        end = doc[end + 2].i
        while end + 1 < len(doc) and doc[end + 1].ent_iob_ == "I":
            end += 1
    while end > start and (doc[end].is_punct or doc[end].lower_ in ("the", "a", "an")):
        end -= 1
    while start < end and (doc[start].is_punct or doc[start].tag_ == "POS"):
        start += 1
    if start > end:
        return None
    end = _whole_word_end(doc, end, blocked)
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and \
            not doc[start - 2].whitespace_ and doc[start - 2].is_alpha and start - 2 not in blocked:
        start -= 2  # nor starts inside one
    first, last = doc[start], doc[end]
    if first.lower_ in _PRONOUNS and start == end:
        return None
    return first.idx, last.idx + len(last.text)


noun_phrase = _phrase  # the span rule, for the checks that run after the concept (unit_concept.py)
