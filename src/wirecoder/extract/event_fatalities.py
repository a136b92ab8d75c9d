"""Fatalities: how many people a report says died in an event, with the words that say so.

    "M23 rebels attacked the army in Goma on Monday, killing 12 soldiers."  -> 12
    "Police fired on protesters in Nairobi; no one was killed."             -> 0
    "An air strike hit a market in Idlib, leaving 30 dead."                 -> 30
    "Soldiers clashed with militants, and the death toll rose to 40."       -> 40
    "Gunmen killed villagers in Borno."                                    -> None (no number)

A death word (lang/en/death_words.tsv: kill, die, death, dead, toll ...) names its dead in a
known place: a verb's object or passive subject, an intransitive verb's subject, the word itself
("12 deaths"), the number a toll is said to be. The number is the value the quantities stage gave
the words that name the dead ("Dozens of civilians" -> 12, the low end of a range, as ACLED codes
the most conservative figure); "no one", "nobody", "no civilians" or a negated death verb give 0;
one person ("a soldier", a name, a person the actors stage found: "the mayor of X") gives 1. Conjoined victims add up ("a soldier and three
civilians" -> 4), the parts with a number giving a lower bound ("12 soldiers and civilians" ->
12). A death word that no number reaches still marks the event as deadly: its fatalities stay
unknown (None) with the evidence kept.

The death words belong to the event of their clause: the trigger itself, the act its clause hangs
on ("attacked ..., killing"), or the act hanging on it ("fired ...; no one was killed"), the
nearest by the parse, through clausal links only (never a relative clause of a plain noun: "the
man who killed 3" is not the arrest). Only acts that happened and can cost lives (ASSAULT,
PROTEST, COERCE) take them; a nearer act of another type or modality keeps them ("threatened to
kill"), and an act the confidence model finds unlikely (below OWNER_MIN_CONFIDENCE) is passed over. A modal death word ("could kill") says nothing. Without the quantities stage no number is
read: counts stay unknown unless none or one.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..knowledge.plover import types_in
from ..lang.en import table, words
from ..records import Actor, Event, Quantity, Span
from .actor_index import parties
from .common import TokenFinder, lemma
from .event_tables import event_words

HAPPENED = {"asserted", "reported", "historical"}
CLAUSAL = {"advcl", "xcomp", "conj", "parataxis", "ccomp"}
COMPLEMENT = {"advcl", "oprd", "xcomp", "acomp", "ccomp"}
NONE_WORDS = event_words("no_one")
MODALS = event_words("modal")
MAX_STEPS = 6


@cache
def death_words() -> dict[str, str]:
    """lemma -> where its dead are named (object, subject, self, toll)."""
    return {row["word"]: row["victims"] for row in table("death_words")}

# The least confidence of an act that can own death words: low enough to keep a real but thinly
# evidenced attack ("An air strike hit a market in Idlib, leaving 30 dead": 0.25 on its own),
# high enough to pass over a misread ("leaving" as a retreat: 0.12). Not the display threshold
# (DEFAULT_MIN_CONFIDENCE): what a user is shown and what a death belongs to are two questions.
OWNER_MIN_CONFIDENCE = 0.2


@dataclass(frozen=True)
class Deaths:
    """One statement of deaths: the death word, the count (None: not given) and its words."""

    token_i: int
    count: int | None
    start: int
    end: int


class _Numbers:
    """The quantities of a document, found by the tokens they cover, and the mentions of single
    persons ("the mayor of Tepalcatepec": one person)."""

    def __init__(self, quantities: list[Quantity] | None, persons: list[Span]):
        self.quantities: list[Quantity] | None = quantities
        self.persons = persons

    def person(self, tok) -> bool:
        return any(p.start <= tok.idx < p.end for p in self.persons)

    def covering(self, start: int, end: int) -> Quantity | None:
        return next((q for q in self.quantities or () if q.span.start < end and start < q.span.end),
                    None)

    def of_concept(self, tok) -> Quantity | None:
        """The quantity whose concept (what it counts) is the token: 'the death toll ... 40'."""
        return next((q for q in self.quantities or () if q.concept is not None
                     and q.concept.start <= tok.idx < q.concept.end), None)


def _passive(verb) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _victims(word, kind: str) -> list:
    """The tokens that name the dead of a death word."""
    if kind == "object":
        deps = ("nsubjpass",) if _passive(word) else ("dobj",)
    elif kind == "subject":
        deps = ("nsubj",)
    elif kind == "self" and word.dep_ in COMPLEMENT and word.head.pos_ in ("VERB", "AUX"):
        verb = word.head  # "shot two men dead", "were shot dead"
        deps = ("nsubjpass",) if _passive(verb) else ("dobj",)
        return [c for c in verb.children if c.dep_ in deps]
    else:
        return [word]
    found = [c for c in word.children if c.dep_ in deps]
    if found and found[0].tag_ in ("WP", "WDT") and word.dep_ == "relcl":
        return [word.head]  # "soldiers who were killed"
    return found


def _count(tok, numbers: _Numbers, self_word: bool) -> int | None:
    """How many people one victim phrase names (None: it gives no number)."""
    if tok.lower_ in NONE_WORDS or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children):
        return 0
    parts = [tok] + [c for c in tok.children if c.dep_ in ("nummod", "quantmod")]
    if numbers.quantities is not None:
        for part in parts:
            q = numbers.covering(part.idx, part.idx + len(part.text))
            if q is not None and q.value is not None and q.value >= 0:
                return int(q.value)
    if self_word:  # "the deaths of 12 people"
        of = [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
        return _count(of[0], numbers, False) if of else None
    singular = tok.tag_ in ("NN", "NNP") and (numbers.person(tok) or any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "one") for c in tok.children))
    one_person = words("pronouns", kind="personal", refers="person", person="3")  # he, him ...
    if tok.tag_ == "NNP" or tok.lower_ in one_person or singular:
        return 1
    return None


def _phrase_count(victims: list, numbers: _Numbers, self_word: bool) -> int | None:
    """The victims' counts added up; the parts with a number give a lower bound when others have
    none ("12 soldiers and civilians" -> 12); None when no part has one."""
    counts = [_count(part, numbers, self_word) for victim in victims
              for part in [victim, *victim.conjuncts]]
    known = [n for n in counts if n is not None]
    return sum(known) if known else None


def statements(doc, quantities: list[Quantity] | None, persons: list[Span] = ()) -> list[Deaths]:
    """Every statement of deaths in the document (`quantities` None: no numbers are read)."""
    kinds = death_words()
    numbers = _Numbers(quantities, list(persons))
    found = []
    for tok in doc:
        kind = kinds.get(lemma(tok))
        if kind is None or (kind in ("object", "subject") and tok.pos_ != "VERB"):
            continue
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children):
            continue
        spans = [(tok.idx, tok.idx + len(tok.text))]
        if kind == "toll":
            q = numbers.of_concept(tok) if quantities is not None else None
            if q is None or q.value is None:
                continue
            count: int | None = int(q.value)
            spans.append((q.span.start, q.span.end))
        else:
            victims = _victims(tok, kind)
            if kind != "self" and not victims:
                continue
            negated = any(c.dep_ == "neg" for c in tok.children)
            count = 0 if negated else _phrase_count(victims, numbers, kind == "self")
            for v in victims:
                spans.append((v.left_edge.idx, v.right_edge.idx + len(v.right_edge.text)))
        found.append(Deaths(tok.i, count, min(s for s, _ in spans), max(e for _, e in spans)))
    return found


def _clause_head(tok):
    """The verb (or event noun) whose clause a death word stands in."""
    steps = 0
    while tok.pos_ not in ("VERB", "AUX") and tok.dep_ not in CLAUSAL | {"ROOT", "relcl"} \
            and steps < MAX_STEPS:
        tok, steps = tok.head, steps + 1
    return tok


def _up(tok, triggers: dict[int, int]) -> list:
    """The clause heads above a token through clausal links (a relative clause only into an
    event noun), nearest first, the token itself included."""
    chain = [tok]
    while len(chain) <= MAX_STEPS:
        cur = chain[-1]
        linked = cur.dep_ in CLAUSAL or (cur.dep_ == "relcl" and cur.head.i in triggers)
        if not linked or cur.head.i == cur.i:
            break
        chain.append(cur.head)
    return chain


def _owner(death: Deaths, doc, events: list[Event], triggers: dict[int, int]) -> int | None:
    """The index of the event a statement of deaths belongs to, or None."""
    word = doc[death.token_i]
    start = word if word.i in triggers else _clause_head(word)
    up = _up(start, triggers)
    best: tuple[int, int] | None = None  # (distance, event index)
    for distance, tok in enumerate(up):
        if tok.i in triggers:
            best = (distance, triggers[tok.i])
            break
    sent = word.sent
    for tok_i, k in triggers.items():  # acts hanging on the death word's clause
        if not sent.start <= tok_i < sent.end or tok_i == start.i:
            continue
        chain = _up(doc[tok_i], triggers)
        if start in chain[1:]:
            distance = chain.index(start)
            if best is None or distance < best[0]:
                best = (distance, k)
    if best is None:
        return None
    event = events[best[1]]
    return best[1] if event.type in types_in("fatal") and event.modality in HAPPENED else None


def attach_fatalities(events: list[Event], doc, text: str, quantities: list[Quantity] | None,
                      actors: list[Actor] = (), token_at: TokenFinder | None = None) -> list[Event]:
    """`events` with `fatalities` and `fatalities_evidence` where their clause reports deaths."""
    if not events:
        return events
    persons = [m for a in parties(actors) if a.kind == "person" for m in a.mentions]
    found = statements(doc, quantities, persons)
    if not found:
        return events
    token_at = token_at or TokenFinder(doc)
    # an act the coder itself finds unlikely (a misread "leaving 30 dead" as a retreat) holds none
    triggers = {token_at(e.trigger.start).i: k for k, e in enumerate(events)
                if e.confidence >= OWNER_MIN_CONFIDENCE}
    owned: dict[int, list[Deaths]] = {}
    for death in found:
        k = _owner(death, doc, events, triggers)
        if k is not None:
            owned.setdefault(k, []).append(death)
    out = list(events)
    for k, deaths in owned.items():
        known = [d.count for d in deaths if d.count is not None]
        total = sum(known) if known else None
        start, end = min(d.start for d in deaths), max(d.end for d in deaths)
        out[k] = out[k].model_copy(update={"fatalities": total,
                                           "fatalities_evidence": Span.of(text, start, end)})
    return out
