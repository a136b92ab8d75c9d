"""Is this trigger, here, a real event of its type? Sense checks read from knowledge tables.

A dictionary coder's classic false events are senses its lexicon does not tell apart: "beat the
bushes", "shares closed at $46", "a quake struck", "the two teams will clash", "in March". Two
tables hold that knowledge, each row with an example:
  - `domain_cues.tsv`: the words that place a sentence in a world where conflict verbs mean
    something else (sport, markets, polls and elections, fiction, disasters, accidents), and the
    words of armed violence that take that world's sense away again ("police shot a football fan");
  - `event_senses.tsv`: per trigger lemma (or `*`), for some event types, the evidence that the
    word is used in another sense: its object, particle, subject, modifiers, the entity it sits
    in, or the world of its sentence.
`other_sense(...)` returns the sense label of the first row that fits, or None.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..knowledge import load_tsv

ARMED = "armed"
# How much of an article must be about one world for a single cue word to place a sentence there:
# a share of its sentences, and a number of them (a one-line text is no article about anything).
DOC_SHARE = 0.2
DOC_SENTENCES = 3
# Cue words are names of things and qualities: "cast" the verb is no cast of actors.
CUE_POS = frozenset({"NOUN", "PROPN", "ADJ", "ADV"})


@dataclass(frozen=True)
class SenseRule:
    trigger: str  # a lemma, or * for any trigger
    types: frozenset[str]  # the event types it applies to; empty for any
    when: str  # which evidence: object, particle, subject, modifier, compound, entity, domain, ...
    values: frozenset[str]
    sense: str  # what the word means here instead: metaphor, sport, market, ...


@cache
def domain_cues() -> dict[str, frozenset[str]]:
    cues: dict[str, set[str]] = {}
    for row in load_tsv("domain_cues.tsv"):
        cues.setdefault(row["domain"], set()).add(row["cue"].lower())
    return {domain: frozenset(words) for domain, words in cues.items()}


@cache
def sense_rules() -> dict[str, tuple[SenseRule, ...]]:
    by_trigger: dict[str, list[SenseRule]] = {}
    for row in load_tsv("event_senses.tsv"):
        types = frozenset() if row["types"] in ("", "*") else frozenset(row["types"].split(","))
        rule = SenseRule(row["trigger"].lower(), types, row["when"],
                         frozenset(v.strip().lower() for v in row["values"].split("|") if v.strip()),
                         row["sense"])
        by_trigger.setdefault(rule.trigger, []).append(rule)
    return {k: tuple(v) for k, v in by_trigger.items()}


def _lemma(tok: Any) -> str:
    return tok.lemma_.lower()


class Worlds:
    """Which worlds (domains) each sentence of a document is in, from its cue words."""

    def __init__(self, doc: Any):
        cues = domain_cues()
        self._by_sentence: dict[int, Counter[str]] = {}
        share: Counter[str] = Counter()
        sentences = list(doc.sents)
        for sent in sentences:
            found: Counter[str] = Counter()
            for tok in sent:
                if tok.pos_ not in CUE_POS:
                    continue
                lemma = _lemma(tok)
                for domain, words in cues.items():
                    if lemma in words or tok.lower_ in words:
                        found[domain] += 1
            self._by_sentence[sent.start] = found
            share.update(set(found))
        n = max(len(sentences), 1)
        self._doc_share = {domain: count / n for domain, count in share.items() if count >= DOC_SENTENCES}

    def of(self, tok: Any) -> set[str]:
        """The worlds of the token's sentence: two cue words, or one in an article much about it.
        Armed violence in the sentence cancels every world but disasters."""
        found = self._by_sentence.get(tok.sent.start, Counter())
        worlds = {d for d, k in found.items()
                  if d != ARMED and (k >= 2 or self._doc_share.get(d, 0.0) >= DOC_SHARE)}
        if found.get(ARMED):
            worlds &= {"disaster"}
        return worlds


def _objects(tok: Any) -> list[Any]:
    objs = [c for c in tok.children if c.dep_ in ("dobj", "attr", "oprd")]
    if tok.pos_ in ("NOUN", "PROPN"):
        objs += [c for p in tok.children if p.dep_ == "prep" and p.lower_ in ("on", "of", "against")
                 for c in p.children if c.dep_ == "pobj"]
    # "beat the bushes": the object; "struck a new chord": the object's head noun, not "new"
    return objs


def _subjects(tok: Any) -> list[Any]:
    subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and tok.dep_ in ("xcomp", "conj", "advcl") and tok.head is not tok:
        subj = [c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj and tok.dep_ in ("relcl", "acl") and tok.head is not tok:
        subj = [tok.head]
    agents = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return subj + agents


def _fits(rule: SenseRule, tok: Any, end_tok: Any, worlds: Worlds) -> bool:
    values = rule.values
    if rule.when == "object":
        return any(_lemma(o) in values or o.lower_ in values for o in _objects(tok) + (
            _objects(end_tok) if end_tok is not None and end_tok is not tok else []))
    if rule.when == "object_not":  # the sense needs one of these objects: "recalled its ambassador"
        objs = _objects(tok)
        return not any(_lemma(o) in values for o in objs)
    if rule.when == "particle":
        return any(c.dep_ == "prt" and c.lower_ in values for c in tok.children)
    if rule.when == "subject":
        return any(_lemma(s) in values or s.lower_ in values for s in _subjects(tok))
    if rule.when == "modifier":  # a modifier of the trigger, or of its governing verb
        mods = list(tok.children) + ([] if tok.head is tok else [tok.head])
        return any(_lemma(m) in values or m.lower_ in values for m in mods)
    if rule.when == "compound":
        return any(c.dep_ in ("compound", "amod", "nmod", "poss") and (_lemma(c) in values or c.lower_ in values)
                   for c in tok.children)
    if rule.when == "compound_not":  # a noun that is an event only with one of these modifiers
        return not any(_lemma(c) in values or c.lower_ in values for c in tok.children
                       if c.dep_ in ("compound", "amod", "nmod"))
    if rule.when == "entity":
        return tok.ent_type_.lower() in values
    if rule.when == "domain":
        return bool(worlds.of(tok) & values)
    if rule.when == "sentence":
        return any(_lemma(t) in values for t in tok.sent)
    if rule.when == "pos":
        return tok.pos_.lower() in values
    return False


def other_sense(tok: Any, end_tok: Any, types: set[str], worlds: Worlds) -> str | None:
    """The sense label of the first rule that fits the trigger in its sentence, or None."""
    rules = sense_rules()
    for rule in rules.get(_lemma(tok), ()) + rules.get("*", ()):
        if rule.types and not (rule.types & types):
            continue
        if _fits(rule, tok, end_tok, worlds):
            return rule.sense
    return None
