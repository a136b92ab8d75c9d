"""What the time tagger reads from the spaCy parse: tense of a clause, verbs, names, sentences.

Tense decides which way a relative expression points: "opened fire on Monday" is the Monday
before the publication date, "will be levied on Monday" the one after it. The clause is found by
walking from the expression up the dependency tree to the first verb.
"""

from __future__ import annotations

from bisect import bisect_right

FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})
FUTURE_MODALS = frozenset({"may", "can", "should", "must", "ca"})
# "is expected to vote on Monday", "plans to", "is scheduled to", "is set to", "is due to".
FUTURE_GOVERNORS = frozenset({
    "plan", "expect", "schedule", "intend", "set", "due", "go", "slate", "poise", "hope",
    "aim", "prepare", "propose", "want", "seek", "threaten", "promise", "vow", "pledge",
})
# "an agreement to acquire it in January": the infinitive after these nouns is still ahead.
PROSPECTIVE_NOUNS = frozenset({
    "agreement", "plan", "deal", "proposal", "offer", "bid", "decision", "promise", "threat",
    "intention", "pledge", "commitment", "order", "vote", "pact", "accord", "contract", "option",
    "right", "obligation", "motion", "request", "demand", "call", "move",
})
PAST_AUX = frozenset({"was", "were", "had", "did", "'d"})
PERFECT_AUX = frozenset({"has", "have", "'ve", "’ve"})
NAME_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "LOC", "NORP",
                         "LAW"})


class Parse:
    """Character-offset access to a spaCy Doc (or to nothing: every answer is then neutral)."""

    def __init__(self, doc=None):
        self.doc = doc
        self._starts = [t.idx for t in doc] if doc is not None else []
        self._sent_starts = [s.start_char for s in doc.sents] if doc is not None else []

    def tokens(self, start: int, end: int) -> list:
        if self.doc is None:
            return []
        i = max(bisect_right(self._starts, start) - 1, 0)
        out = []
        while i < len(self.doc) and self.doc[i].idx < end:
            tok = self.doc[i]
            if tok.idx + len(tok.text) > start and not tok.is_space:
                out.append(tok)
            i += 1
        return out

    def sentence_index(self, char: int) -> int:
        return bisect_right(self._sent_starts, char) - 1 if self._sent_starts else 0

    def in_name(self, start: int, end: int) -> bool:
        """Whether every token of the range lies inside a name (a person, an organisation ...)."""
        toks = self.tokens(start, end)
        return bool(toks) and all(t.ent_type_ in NAME_LABELS for t in toks)

    def is_verbal(self, start: int, end: int) -> bool:
        """Whether the word at the range is a verb or a modal in the parse."""
        toks = self.tokens(start, end)
        return bool(toks) and toks[0].tag_ in ("MD", "VB", "VBP", "VBZ", "VBD", "VBN", "VBG")

    def direction(self, start: int, end: int) -> int:
        """-1 past, +1 future, 0 present or unknown, for the clause holding the range."""
        toks = self.tokens(start, end)
        if not toks:
            return 0
        inside = {t.i for t in toks}
        root = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])
        possessive = any(c.dep_ == "case" for c in root.children) or root.dep_ == "poss"
        verb = _clause_verb(root)
        if verb is None:
            return -1 if possessive else 0
        found = _verb_direction(verb, depth=0)
        if possessive and found == 0:
            return -1  # "Monday's firefight": an event already named is mostly a past one
        return found


def _clause_verb(tok):
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound"):
            return tok
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _verb_direction(verb, depth: int) -> int:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in aux}
    if verb.lower_ in FUTURE_AUX or words & FUTURE_AUX:
        return 1
    if "going" in words and "to" in words:
        return 1
    if words & FUTURE_MODALS:
        return 1
    if words & {"would", "could", "might"}:
        return 0
    if verb.tag_ == "VBD" or words & PAST_AUX or any(a.tag_ == "VBD" for a in aux):
        if verb.dep_ == "xcomp" or verb.lemma_ in FUTURE_GOVERNORS:
            return 0
        return -1
    if verb.tag_ == "VBN" and words & PERFECT_AUX:
        return -1
    if verb.lemma_ in FUTURE_GOVERNORS and words & {"is", "are", "am", "'s", "'re", "be"}:
        return 1  # "is scheduled for Wednesday", "are expected on Monday"
    if verb.tag_ == "VBN" and not aux and verb.dep_ in ("acl", "relcl", "advcl", "ROOT"):
        return -1  # reduced passive: "a truck discovered by authorities in December"
    if verb.tag_ == "VBG" and words & {"is", "are", "am", "'s", "'re"}:
        return 0  # "is meeting on Monday" or "is investigating Monday's shooting"
    if verb.tag_ in ("VB", "VBG", "VBN") and depth < 3:
        # Infinitives and participles take the tense of the clause that governs them.
        governor = _clause_verb(verb.head) if verb.head.i != verb.i else None
        if governor is None or governor.i == verb.i:
            return 0
        governed = _verb_direction(governor, depth + 1)
        if verb.tag_ == "VB" and governor.lemma_ in FUTURE_GOVERNORS:
            return 0 if governed < 0 else 1  # "had been scheduled to expire Friday"
        prospective = verb.dep_ == "xcomp" or (verb.dep_ == "acl" and
                                               verb.head.lemma_ in PROSPECTIVE_NOUNS)
        if verb.tag_ == "VB" and prospective and "to" in words and governed < 0:
            return 0  # "agreed to acquire it in January": after the agreeing, maybe still ahead
        return governed
    return 0
