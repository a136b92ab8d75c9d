"""Speakers and addressees: the mention, the actor it resolves to, its name, and anonymity."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ...lang.en import words
from ...records import Actor, ActorRef, Span
from ..actor_index import ActorIndex
from .lexicon import ANONYMOUS_HEADS, EXPLETIVES
from .speaker_syntax import relative_antecedent, speaker_phrase
from .tree import token_end

Token = Any

_ANONYMITY = re.compile(
    r"condition of anonymity|condition that (?:he|she|they) not be (?:named|identified)"
    r"|not authorized to (?:speak|discuss|comment|talk)|(?:declined|asked|requested|wished)"
    r" not to be (?:named|identified)|requested anonymity|speaking anonymously"
    r"|spoke anonymously|(?:declined|refused) to be (?:named|identified)|anonymous(?:ly)?\b"
    r"|on background\b|familiar with",
    re.IGNORECASE,
)
_PRONOUNS = words("pronouns", kind="personal")
_ADDRESSEE_VERBS = words("speech_verbs", addressee="object")
_TO_VERBS = words("speech_verbs", addressee="to")
_MEETING_NOUNS = {"interview", "conversation", "call", "meeting", "exchange", "chat", "discussion",
                  "talk", "sit-down", "appearance", "session", "briefing", "letter", "email",
                  "message", "note", "speech", "address", "remarks", "statement"}


@dataclass
class Speaker:
    ref: ActorRef
    name: str
    anonymous: bool = False


def display_name(actor: Actor) -> str:
    """'Pete Hegseth, Defense Secretary': the canonical name, with the role the text gives."""
    if actor.kind == "person" and actor.title and actor.title.lower() not in actor.name.lower():
        return f"{actor.name}, {actor.title}"
    return actor.name


def _strip_det(text: str) -> str:
    for det in ("the ", "The ", "a ", "A ", "an ", "An "):
        if text.startswith(det):
            return text[len(det):]
    return text


def _appos_person(tok: Token) -> Token | None:
    """'a spokesman, Josh Earnest' -> Earnest."""
    for c in tok.children:
        if c.dep_ == "appos" and c.ent_type_ == "PERSON":
            return c
    return None


def is_anonymous(tok: Token, actor: Actor | None) -> bool:
    """A source the text does not name: 'a senior official', 'people familiar with the talks',
    anyone 'who spoke on condition of anonymity'."""
    doc = tok.doc
    subtree = doc[tok.left_edge.i:tok.right_edge.i + 1]
    if _ANONYMITY.search(subtree.text):
        return True
    if tok.ent_type_ == "PERSON" or _appos_person(tok) is not None:
        return False
    if any(t.ent_type_ == "PERSON" for t in subtree if t.i != tok.i and t.dep_ in ("compound", "flat")):
        return False
    if actor is not None and actor.kind == "person" and len(actor.name.split()) >= 2 \
            and actor.name[0].isupper() and not actor.name.lower().startswith(("a ", "an ", "the ")):
        return False
    if tok.lemma_.lower() in ANONYMOUS_HEADS and tok.pos_ == "NOUN":
        det = next((c for c in tok.children if c.dep_ == "det"), None)
        if det is None or det.lower_ in ("a", "an", "some", "several", "two", "three", "one",
                                         "another", "many", "few", "no"):
            return True
    return False


def anonymity_in_sentence(cue: Token) -> bool:
    """'..., said an official, who spoke on condition of anonymity' hangs off the sentence."""
    sent = cue.sent.text
    return bool(re.search(r"condition of anonymity|requested anonymity|speaking anonymously|"
                          r"not authorized to (?:speak|discuss|comment)", sent, re.IGNORECASE))


def make_speaker(text: str, tok: Token, index: ActorIndex) -> Speaker:
    """The speaker's mention span, its actor and its display name."""
    ante = relative_antecedent(tok)
    if ante is not None:
        # "the union, which endorsed": the mention is "which", the speaker the union
        inner = make_speaker(text, ante, index)
        span = Span.of(text, tok.idx, token_end(tok))
        return Speaker(ActorRef(span=span, actor_id=inner.ref.actor_id), inner.name, inner.anonymous)
    name_tok = _appos_person(tok) if tok.ent_type_ != "PERSON" and tok.pos_ == "NOUN" else None
    a, b = speaker_phrase(tok)
    doc = tok.doc
    if name_tok is not None:
        na, nb = speaker_phrase(name_tok)
        b = max(b, nb)
    start, end = doc[a].idx, token_end(doc[b - 1])
    span = Span.of(text, start, end)
    head = name_tok if name_tok is not None else tok
    actor = index.at(start, end, head.idx)
    if actor is None and name_tok is not None:
        actor = index.at(name_tok.idx, token_end(name_tok), name_tok.idx)
    anonymous = is_anonymous(tok, actor)
    if actor is not None and not anonymous:
        name = display_name(actor)
    elif name_tok is not None:
        na, nb = speaker_phrase(name_tok)
        name = doc[na:nb].text
    else:
        name = _strip_det(span.text) if not anonymous else span.text
    if anonymous:
        sub = doc[tok.left_edge.i:tok.right_edge.i + 1]
        name = sub.text if len(sub) <= 16 else span.text
    return Speaker(ActorRef(span=span, actor_id=actor.id if actor is not None else None),
                   name.strip(), anonymous)


def addressee_of(cue: Token, content_tokens: set[int]) -> Token | None:
    """Whom the cue addresses: 'told Kilmeade', 'asked Hegseth', 'said to reporters',
    'telling reporters', 'speaking with his former colleagues', 'in an interview with X'."""
    lemma = cue.lemma_.lower()

    def ok(t: Token) -> bool:
        return t.i not in content_tokens and t.pos_ in ("PROPN", "NOUN", "PRON") \
            and t.lower_ not in EXPLETIVES

    if lemma in _ADDRESSEE_VERBS:
        for c in cue.children:
            if c.dep_ in ("dobj", "dative", "iobj") and ok(c):
                return c
            if cue.dep_ != "ROOT" and c.dep_ == "nsubjpass" and ok(c):
                pass
        if any(c.dep_ == "nsubjpass" for c in cue.children):
            subj = next(c for c in cue.children if c.dep_ == "nsubjpass")
            if ok(subj):
                return subj  # "Hegseth was asked": the one asked
    for c in cue.children:
        if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with") and (
                lemma in _TO_VERBS or lemma in _ADDRESSEE_VERBS or c.lower_ == "with"
                and lemma in ("speak", "talk", "share")):
            obj = next((g for g in c.children if g.dep_ == "pobj"), None)
            if obj is not None and ok(obj):
                return obj
        if c.dep_ == "prep" and c.lower_ in ("in", "during"):
            noun = next((g for g in c.children if g.dep_ == "pobj"), None)
            if noun is not None and noun.lemma_.lower() in _MEETING_NOUNS:
                for p in noun.children:
                    if p.dep_ == "prep" and p.lower_ in ("with", "to"):
                        obj = next((g for g in p.children if g.dep_ == "pobj"), None)
                        if obj is not None and ok(obj):
                            return obj
    # participles beside the cue: "telling reporters", "speaking with X"
    around = list(cue.children) + ([cue.head] if cue.dep_ in ("advcl", "conj") else [])
    for c in around:
        if c is cue or c.i in content_tokens:
            continue
        cl = c.lemma_.lower()
        if cl in ("tell", "brief", "inform", "assure") and c.pos_ == "VERB":
            obj = next((g for g in c.children if g.dep_ in ("dobj", "dative")), None)
            if obj is not None and ok(obj):
                return obj
        if cl in ("speak", "talk") and c.pos_ == "VERB":
            for p in c.children:
                if p.dep_ == "prep" and p.lower_ in ("with", "to"):
                    obj = next((g for g in p.children if g.dep_ == "pobj"), None)
                    if obj is not None and ok(obj):
                        return obj
    return None


def addressee_ref(text: str, tok: Token, index: ActorIndex) -> ActorRef:
    a, b = speaker_phrase(tok)
    doc = tok.doc
    start, end = doc[a].idx, token_end(doc[b - 1])
    actor = index.at(start, end, tok.idx)
    return ActorRef(span=Span.of(text, start, end), actor_id=actor.id if actor else None)
