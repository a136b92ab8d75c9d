"""Triggers: where an event is named in the parse. Verbs from knowledge/plover_verbs.tsv (two-word
patterns first), event nouns from knowledge/plover_nouns.tsv when a light verb carries them or they
stand on their own, prepositional idioms ("on alert") and demands in reported speech ("said X must")."""

from __future__ import annotations

import re
from functools import cache

from ..knowledge import load_tsv
from ..knowledge.plover import types_in
from .common import lemma as _lemma
from .event_roles import subjects_of
from .event_tables import coding, event_words, idioms
from .event_targets import quantified
from .event_trigger import Lexeme, Trigger
from .modality import reporting_verb

TRANSFER_VERBS = event_words("transfer_verb")


AID_GOODS = event_words("aid_goods")


# Verbs that hand something over: the one it goes "to" is the target, not the thing handed.
HANDING_VERBS = TRANSFER_VERBS | event_words("handing_verb")


SHELTERING_VERBS = event_words("sheltering_verb")


DISPLACED = event_words("displaced")


# Where peacekeepers arrive, serve or take part, that is aid (CAMEO 074), not mobilisation.
PEACEKEEPING_VERBS = event_words("peacekeeping_verb")


LIGHT_VERBS = event_words("light_verb")


# Nouns that count repetitions of an event: the light verb governs them, the event is "of" them.
ROUND_NOUNS = event_words("round_noun")


# What one "fights" or "attacks" without violence: problems, not parties.
PROBLEMS = event_words("problem")


OUTBREAK_VERBS = event_words("outbreak_verb")
FREE_VERBS = event_words("free_verb")  # "let free activists"


@cache
def verb_lexicon() -> tuple[dict[str, Lexeme], dict[str, Lexeme]]:
    single, double = {}, {}
    for row in load_tsv("plover_verbs.tsv"):
        lex = Lexeme(row["type"], row.get("mode") or None, row.get("cameo") or None,
                     row.get("role") or "svo")
        (double if " " in row["pattern"] else single)[row["pattern"]] = lex
    return single, double


@cache
def noun_lexicon() -> dict[str, Lexeme]:
    return {row["noun"]: Lexeme(row["type"], row.get("mode") or None, row.get("cameo") or None,
                                needs_frame=row.get("needs") == "frame")
            for row in load_tsv("plover_nouns.tsv")}


def _misparsed_object(verb, oprd) -> bool:
    """'called Sudanese President Omar al-Bashir on Saturday': a named party the parser took for
    an object predicate, with no object to predicate it of; it is whom the verb reaches."""
    return oprd.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") and not any(
        c.dep_ == "dobj" for c in verb.children)


_WEB_ADDRESS = re.compile(r"://|www\.|\.(?:com|org|net|gov|edu|html?|php|aspx?)\b|/[^/\s]*/")


def in_web_address(tok) -> bool:
    """Is the word part of a web address or a path ("news/2013/09/09/thieves-in-smash-and-grab-raid"),
    a link's words and not the article's?"""
    text = tok.doc.text
    start = max(text.rfind(" ", 0, tok.idx), text.rfind("\n", 0, tok.idx)) + 1
    end = len(text)
    for space in (" ", "\n"):
        k = text.find(space, tok.idx)
        end = min(end, k) if k >= 0 else end
    return bool(_WEB_ADDRESS.search(text, start, end))


def find_triggers(doc, bare_nouns: bool = False) -> list[Trigger]:
    """Verb triggers first (a two-word pattern consumes its second word), then event nouns."""
    single, double = verb_lexicon()
    nouns = noun_lexicon()
    found: list[Trigger] = []
    consumed: set[int] = set()
    for tok in doc:
        if tok.pos_ != "VERB" or tok.dep_ == "amod":
            continue
        match = _verb_trigger(tok, single, double, nouns, consumed)
        if match is not None:
            found.append(match)
    for tok in doc:
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in consumed:
            continue
        match = _noun_trigger(tok, nouns, consumed, bare_nouns)
        if match is not None:
            found.append(match)
    return found


def _verb_trigger(tok, single: dict[str, Lexeme], double: dict[str, Lexeme],
                  nouns: dict[str, Lexeme], consumed: set[int]) -> Trigger | None:
    lemma = _lemma(tok)
    match = _two_word_trigger(tok, lemma, double, consumed)
    if match is None and lemma in PEACEKEEPING_VERBS and any(
            t.lemma_.lower().startswith("peacekeep") for t in tok.sent):
        match = Trigger(tok, coding("peacekeeping").lexeme())  # CAMEO 074
    if match is None and lemma in single:
        match = Trigger(tok, single[lemma])
    if match is not None and match.end_token is None and lemma in LIGHT_VERBS and any(
            c.dep_ in ("dobj", "nsubjpass") and _lemma(c) in nouns for c in tok.children):
        match = None  # "ordered an investigation": the noun carries the event
    if match is None and lemma in FREE_VERBS and any(
            c.dep_ == "dobj" and any(a.dep_ == "amod" and a.lower_ == "free" and a.i == tok.i + 1
                                     for a in c.children) for c in tok.children):
        # "let free activists": the parser hangs "free" on the object
        match = Trigger(tok, double.get("set free") or coding("set_free").lexeme())
    handover = coding("aid_handover")
    if match is not None and match.lexeme.type in handover.applies_to and lemma in HANDING_VERBS and any(
            c.dep_ == "dobj" and _lemma(quantified(c)) in AID_GOODS for c in tok.children):
        # "handed over medical supplies to the ministry": handing over relief is aid (CAMEO 07)
        match = Trigger(tok, handover.lexeme(), end_token=match.end_token)
    return match


def _two_word_trigger(tok, lemma: str, double: dict[str, Lexeme], consumed: set[int]) -> Trigger | None:
    """The verb with one of its dependents: a two-word pattern ("open fire"), a role after "as",
    name-calling, sheltering the displaced, delivering relief."""
    for child in tok.children:
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in child.children):
            continue  # "called on Monday": a time, not the pattern "call on"
        small_clause = child.dep_ == "ccomp" and child.pos_ == "ADJ"  # "found [him guilty]"
        if child.dep_ in ("dobj", "prt", "nsubjpass", "prep", "attr", "advmod", "oprd", "acomp") or small_clause:
            key = f"{lemma} {_lemma(child)}"
            if key not in double and child.dep_ == "dobj":
                # "ended mediation efforts": the object's compound names what was ended
                key = next((f"{lemma} {_lemma(c)}" for c in child.children if c.dep_ == "compound"
                            and f"{lemma} {_lemma(c)}" in double), key)
            end = child
            if key not in double and child.dep_ == "dobj":
                # "withdrew the batch of 200 peacekeepers": the counted thing, not the count
                end = quantified(child)
                key = f"{lemma} {_lemma(end)}"
            if key in double:
                consumed.add(end.i)
                # the small clause's subject, inside the phrase, is whom it is said of
                return Trigger(tok, double[key], end_token=None if small_clause else end)
        if child.dep_ == "prep" and child.lower_ == "as":
            # "used civilians as human shields": the role named after "as" completes the verb
            key = next((f"{lemma} {_lemma(p)}" for p in child.children if p.dep_ == "pobj"
                        and f"{lemma} {_lemma(p)}" in double), None)
            if key is not None:
                return Trigger(tok, double[key], end_token=None)
        if child.dep_ == "oprd" and f"{lemma} <oprd>" in double and not _misparsed_object(tok, child):
            # "called the envoy a stupid guy", "called the move illegal": name-calling
            return Trigger(tok, double[f"{lemma} <oprd>"], end_token=None)
        if child.dep_ == "dobj" and lemma in SHELTERING_VERBS and _lemma(child) in DISPLACED:
            # "accepted 1,141 Iraqi refugees": asylum (CAMEO 075); the refugees stay the target
            return Trigger(tok, coding("asylum").lexeme())
        if child.dep_ == "dobj" and lemma in TRANSFER_VERBS and _lemma(quantified(child)) in AID_GOODS:
            # "flew 13 tons of medicine into Afghanistan": delivering aid, however measured
            return Trigger(tok, coding("aid_delivery").lexeme())
    return None


def _noun_trigger(tok, nouns: dict[str, Lexeme], consumed: set[int], bare_nouns: bool) -> Trigger | None:
    """An event noun a light verb carries, that breaks out, that names its parties, or (with
    `bare_nouns`) that stands on its own."""
    lemma = _lemma(tok)
    # two-word nouns: "phone call" (a compound) and "state of emergency" (an of-phrase)
    pairs = [f"{_lemma(c)} {lemma}" for c in tok.children if c.dep_ == "compound"]
    pairs += [f"{lemma} of {_lemma(p)}" for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
              for p in c.children if p.dep_ == "pobj"]
    compound = next((k for k in pairs if k in nouns), None)
    lexeme = nouns.get(compound or lemma)
    if lexeme is None:
        return None
    if compound is not None and " of " in compound:
        # "state of siege": the of-word is part of this trigger, not an event of its own
        consumed.update(p.i for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj")
    head = tok.head
    frame = None
    if tok.dep_ == "pobj" and head.lower_ == "of" and _lemma(head.head) in ROUND_NOUNS:
        tok_for_frame = head.head  # "began a new round of talks", "launched a wave of attacks"
    else:
        tok_for_frame = tok
    head = tok_for_frame.head
    if tok_for_frame.dep_ in ("dobj", "nsubjpass") and _lemma(head) in LIGHT_VERBS:
        frame = head
    elif tok.dep_ == "nsubj" and _lemma(head) in OUTBREAK_VERBS:
        frame = head
    elif lexeme.needs_frame:
        return None
    elif not any(c.dep_ in ("prep", "poss") for c in tok.children):
        if bare_nouns and lexeme.type in types_in("bare_noun") and bare_event_noun(tok):
            return Trigger(tok, lexeme, bare=True)
        return None
    return Trigger(tok, lexeme, frame=frame)


# Verbs whose object has not happened: "to avert an offensive".
_PREVENTING_VERBS = event_words("preventing_verb")


# Words before an event noun that make it no event here: "no attack", "a possible attack".
_NOT_AN_EVENT_HERE = event_words("not_an_event_here")


def bare_event_noun(tok) -> bool:
    """An event noun standing alone is an event mention when it names one occurrence ("the
    shooting", "Saturday's bombing", "a suicide attack"), not a kind ("attack ads", "no attack")."""
    if tok.dep_ == "compound" or tok.tag_ in ("NNS", "NNPS") and not any(c.dep_ in ("det", "nummod") for c in tok.children):
        return False  # "attack helicopters", "attacks are rising": a kind; "two drone strikes" are occurrences
    return not denied_or_prevented(tok)


def denied_or_prevented(tok) -> bool:
    """"to avert an offensive", "there was no attack": the noun names nothing that happened."""
    if tok.dep_ in ("dobj", "nsubjpass") and tok.head.lemma_.lower() in _PREVENTING_VERBS:
        return True
    return any(c.lower_ in _NOT_AN_EVENT_HERE for c in tok.children)


ABSTRACT_SUBJECTS = event_words("abstract_subject")


def idiom_triggers(doc) -> list[Trigger]:
    """Prepositional idioms (knowledge/event_idioms.tsv: "placed troops on alert", "taken into
    custody"); their governing verb is the frame. An idiom that needs a word counts only with it
    before the noun in its clause: options are what is "on the table"."""
    found = []
    table = idioms()
    for tok in doc:
        prep = tok.head
        if tok.dep_ != "pobj" or prep.i == tok.i:
            continue
        entry = table.get((prep.lower_, _lemma(tok)))
        if entry is None:
            continue
        lexeme, needs = entry
        clause = prep.head
        if needs is not None and not any(
                _lemma(t) == needs for t in tok.sent if clause.left_edge.i - 3 <= t.i < tok.i):
            continue
        found.append(Trigger(tok, lexeme, frame=clause, idiom=True))
    return found


OBLIGATION_AUX = event_words("obligation_aux")


def demand_triggers(doc) -> list[Trigger]:
    """'The U.S. said North Korea must disarm': the speaker demands something of the subject."""
    found = []
    for tok in doc:
        if tok.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX
                                         for c in tok.children):
            continue
        speech = reporting_verb(tok)
        if speech is not None and subjects_of(tok)[0] and subjects_of(speech)[0]:
            found.append(Trigger(tok, coding("demand").lexeme(), demanded_by=speech))
    return found
