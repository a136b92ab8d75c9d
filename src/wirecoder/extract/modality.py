"""Modality of an event trigger: asserted, threatened, planned, hypothetical, negated, historical.

Read from the dependency chain above the trigger: negation, modal and future auxiliaries,
conditional clauses ("if ..."), and governing verbs or adjectives of threat, intention and
deliberation ("vowed to", "plans to", "is open to", "discussing"). The chain stops at a clause
that reports speech ("said that ..."): what a speaker says is handled by `reported`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..knowledge import load_tsv
from ..lang.en import words
from .event_tables import event_words

THREAT_GOVERNORS = words("speech_verbs", threatens="yes")
# Commitments: what they govern is planned, not done ("agreed to withdraw", "vowed to retaliate").
COMMIT_GOVERNORS = words("speech_verbs", commits="yes")
PLAN_GOVERNORS = {"plan", "intend", "prepare", "aim", "seek", "want", "propose", "decide",
                  "order", "instruct", "schedule", "set", "expect", "hope", "try", "move", "push",
                  "need", "conspire", "plot", "proposal"}
DELIBERATION_GOVERNORS = {"consider", "discuss", "weigh", "mull", "debate", "contemplate", "explore",
                          "open", "ready", "willing", "able", "permit", "allow", "authorize",
                          "option", "possible", "could", "might", "idea"}
# Orders and authorisations that, once given, put the act in motion.
EXECUTIVE_GOVERNORS = {"order", "instruct", "decide", "authorize", "authorise", "direct", "approve"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "can", "should", "must", "ca"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "should"}
SPEECH_HEADS = words("speech_verbs", reporting="yes")
SET_ASIDE = event_words("set_aside")  # "rather than", "instead of"
LIKELIHOOD = event_words("likelihood")  # "an attack is unlikely": judged, not done
DEFINITE = event_words("definite")
PRESUPPOSING_VERBS = event_words("presupposing_verb")
_CLAUSE_DEPS = {"xcomp", "ccomp", "advcl", "pcomp", "acomp", "prep", "pobj", "dobj", "relcl",
                "acl", "conj", "advmod", "attr", "nsubj"}


@cache
def outside_governors() -> dict[str, str]:
    """Verbs whose subject stands outside the act they govern, and the modality they give it (''
    when none: "condemned the attack") (knowledge/outside_governors.tsv)."""
    return {row["verb"]: row["modality"] for row in load_tsv("outside_governors.tsv")}


@dataclass(frozen=True)
class ModalReading:
    modality: str  # asserted | threatened | planned | hypothetical | negated
    cue: object | None = None  # the token that decided it
    governor: object | None = None  # a threat/plan verb governing the trigger, if any


def _set_aside(tok) -> bool:
    """"negotiated rather than storming", "chose talks instead of an attack": the act is the one
    not taken. The preposition governs the trigger, or joins it to the act chosen as a cc."""
    if tok.dep_ in ("pobj", "pcomp"):
        preps = [tok.head]
    elif tok.dep_ == "conj":
        preps = [c for c in tok.head.children if c.dep_ == "cc" and c.i < tok.i]
    else:
        return False
    return any(f"{a.lower_} {p.lower_}" in SET_ASIDE for p in preps for a in p.children if a.dep_ == "advmod")


def _presupposed(trigger) -> bool:
    """"a motive for the attack", "his handling of the police shooting", "lifting the opposition's
    siege": a definite or possessed event noun in a phrase refers to an act the text takes as done,
    so the clause above that phrase (negated, hoped for, demanded) is not the act's modality. An
    object only of a verb that takes its act as under way ("will not lift the ban"); not a subject
    ("the attack did not happen")."""
    if trigger.dep_ not in ("pobj", "dobj") or not (trigger.pos_ == "NOUN" or trigger.tag_ == "VBG"):
        return False
    if trigger.dep_ == "dobj" and trigger.head.lemma_.lower() not in PRESUPPOSING_VERBS:
        return False  # "will host the meeting", "did not launch the attack": the verb's modality
    # the determiner may sit on a noun before it: "the police shooting"
    words = [*trigger.children, *(g for c in trigger.children if c.dep_ == "compound" for g in c.children)]
    return any(c.dep_ == "poss" or c.dep_ == "det" and c.lower_ in DEFINITE for c in words)


def _concomitant(child) -> bool:
    """"moved in with tanks, killing protesters": a bare participle beside a verb tells what else
    was done; the verb's sense (moving, planning) does not govern it. Its own negation still would."""
    return child.dep_ == "advcl" and child.tag_ == "VBG" and not any(
        c.dep_ in ("mark", "aux") for c in child.children)


def _own_markers(tok) -> str | None:
    for child in tok.children:
        if child.dep_ == "neg":
            return "negated"
        # "No officials were injured": a negated subject negates the event
        if child.dep_ in ("nsubj", "nsubjpass") and any(
                d.dep_ == "det" and d.lower_ == "no" for d in child.children):
            return "negated"
    for child in tok.children:
        low = child.lower_
        if child.dep_ in ("aux", "auxpass"):
            if low in FUTURE_AUX:
                return "planned"
            if low in HYPOTHETICAL_AUX:
                return "hypothetical"
            if low == "going" and any(g.dep_ == "xcomp" for g in tok.children):
                return "planned"
        if child.dep_ == "mark" and low in CONDITIONAL_MARKS:
            return "hypothetical"
    return None


def read_modality(trigger) -> ModalReading:
    """The modality of the event whose trigger token is `trigger`."""
    if _set_aside(trigger):  # the trigger's own phrase only: a clause above it is another act
        return ModalReading("negated", cue=trigger)
    if trigger.dep_ in ("nsubj", "nsubjpass") and any(
            c.dep_ == "acomp" and c.lower_ in LIKELIHOOD for c in trigger.head.children):
        return ModalReading("hypothetical", cue=trigger.head)  # "an attack is unlikely"
    tok = trigger
    came_from = trigger
    depth = 0
    presupposed = _presupposed(trigger)
    while True:
        # a presupposed act's governing verb may undo it ("foiled the attack") but its negation
        # does not ("did not condemn the attack")
        own = None if presupposed and depth > 0 else _own_markers(tok)
        if own == "hypothetical" and _reported_future(tok):
            return ModalReading("planned", cue=tok)
        if own is not None:
            return ModalReading(own, cue=tok)
        if depth == 1 and _completed(trigger):
            break  # "announced that it had seized": a done deed, whatever governs it
        if depth > 0 and not _concomitant(came_from):
            lemma = tok.lemma_.lower()
            if outside_governors().get(lemma) and tok.i < trigger.i:
                # "foiled an attack" (negated), "fear an attack" (hypothetical)
                return ModalReading(outside_governors()[lemma], cue=tok, governor=tok)
            if lemma in THREAT_GOVERNORS:
                return ModalReading("threatened", cue=tok, governor=tok)
            if lemma in EXECUTIVE_GOVERNORS and _completed(tok):
                break  # "ordered attacks", "authorized the release": done by order, asserted
            if lemma in PLAN_GOVERNORS or lemma in COMMIT_GOVERNORS:
                return ModalReading("planned", cue=tok, governor=tok)
            if lemma in DELIBERATION_GOVERNORS and not (lemma == "open" and tok.pos_ == "VERB"):
                return ModalReading("hypothetical", cue=tok, governor=tok)
            if lemma in SPEECH_HEADS:
                break
        # an event noun in apposition is an item of what it stands beside ("implementing a tariff
        # on Mexico, a tariff on Canada"); an apposition higher up is a description of a party
        # ("Grijalva, the Democrat who helped negotiate the deal, will support ...")
        listed = depth == 0 and tok.dep_ == "appos" and tok.pos_ == "NOUN"
        if tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in tok.children):
            break  # "X didn't return, but his handling of the shooting made him ...": its own clause
        if tok.dep_ == "ROOT" or tok.head.i == tok.i or (tok.dep_ not in _CLAUSE_DEPS and not listed) or _time_clause(tok):
            break
        if presupposed and depth > 0:
            break  # the governing word's own sense is read above; what is above it is not the act's
        # "going to be his decision", "the fight which saw them return fire": climb one level.
        came_from, tok = tok, tok.head
        depth += 1
        if depth > 6:
            break
    return ModalReading("asserted")


# Clauses that say when or why something else happened: what they tell took place on its own
# ("vowed to fight after being attacked": the attack is no part of the vow).
TIME_MARKS = {"after", "before", "when", "while", "since", "because", "as", "once"}


def _time_clause(tok) -> bool:
    if tok.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in tok.children)
    return tok.dep_ == "pcomp" and tok.head.lower_ in TIME_MARKS


def _reported_future(tok) -> bool:
    """'They said they would boycott the vote': a future told in the past (sequence of tenses),
    not a hypothesis, when the speech is past and no condition ('if', 'unless') hangs on it."""
    if not any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children):
        return False
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in CONDITIONAL_MARKS
                                     for m in c.children) for c in tok.children):
        return False
    speech = reporting_verb(tok)
    return speech is not None and speech.tag_ in ("VBD", "VBN")


def _completed(tok) -> bool:
    """Simple past or perfect: 'seized', 'had seized', 'has fired'."""
    if tok.tag_ == "VBD":
        return True
    return tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)


def reporting_verb(trigger):
    """The speech verb whose clause contains the trigger ("Leavitt said [the tariff will ...]")."""
    tok = trigger
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        if tok.dep_ in ("ccomp", "xcomp", "parataxis") and tok.head.lemma_.lower() in SPEECH_HEADS:
            return tok.head
        tok = tok.head
    return None
