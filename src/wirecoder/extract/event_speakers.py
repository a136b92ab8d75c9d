"""Who asserts an event: the narrator, the speaker of the quote it stands in, or the subject of
the "said that ..." clause that reports it; and whether the statement is dated before the
publication year (then the event is historical)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..lang.en import words
from ..records import Span
from .actor_index import ActorIndex
from .event_roles import SPEECH_VERBS, role_phrase, subjects_of
from .event_trigger import Trigger
from .modality import reporting_verb

# a cue of speech ("said"), not of an order ("ordered"): what it frames is spoken, not done
SPOKEN = SPEECH_VERBS - words("speech_verbs", directive="yes")
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def dated_before(tok, year: int | None) -> bool:
    """A DATE phrase attached to `tok` naming a year before `year` ("pledged in 2023")."""
    if year is None:
        return False
    for child in tok.subtree if tok.dep_ != "ROOT" else tok.children:
        if child.ent_type_ == "DATE":
            m = _YEAR.search(child.text)
            if m and int(m.group(1)) < year:
                return True
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "during"):
            for p in child.subtree:
                m = _YEAR.search(p.text) if p.ent_type_ == "DATE" else None
                if m and int(m.group(1)) < year or p.lower_ == "campaign":
                    return True
    return False


@dataclass
class QuoteContext:
    """One stretch of quoted content, with who says it and the verb that frames it."""

    start: int
    end: int
    speaker_actor: str | None
    speaker_name: str | None
    cue_token: Any
    quote_id: str
    speaker_span: Span | None = None
    direct: bool = True  # verbatim (direct or mixed) rather than reported speech
    verbatim: bool = True  # wholly verbatim (direct): its cue verb only frames the quote
    spoken: bool = True  # its cue is a verb of speech ("said"), not of thought or order ("ordered")


def quote_contexts(quotes, doc, index: ActorIndex) -> list[QuoteContext]:
    contexts = []
    for q in quotes:
        speaker_actor = None
        if q.speaker is not None:
            span = doc.char_span(q.speaker.span.start, q.speaker.span.end, alignment_mode="expand")
            if span is not None:
                speaker_actor = index.actor_at(span.root)
        cue_tok = None
        if q.cue is not None:
            cue_span = doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
            cue_tok = cue_span.root if cue_span is not None else None
        for part in q.content:
            contexts.append(QuoteContext(part.start, part.end, speaker_actor, q.speaker_name,
                                         cue_tok, q.id, q.speaker.span if q.speaker else None,
                                         direct=q.kind != "indirect", verbatim=q.kind == "direct",
                                         spoken=cue_tok is None or cue_tok.lemma_.lower() in SPOKEN))
    return contexts


@dataclass(frozen=True)
class Assertion:
    """Who asserts an event, the quote it stands in (if any) and the token of the statement."""

    asserted_by: str
    quote_id: str | None
    statement_anchor: Any
    inside: QuoteContext | None


def who_asserts(trig: Trigger, anchor, quotes: list[QuoteContext], index: ActorIndex) -> Assertion:
    """The narrator, a quoted speaker, or the subject of "said that ..."."""
    tok = trig.token
    asserted_by, quote_id, statement_anchor = "narrator", None, None
    # Reported speech makes the speaker the one who asserts; "ordered attacks" is no speech.
    inside = next((q for q in quotes if q.start <= tok.idx < q.end
                   and (q.direct or trig.demanded_by is None and q.spoken)), None)
    if inside is not None:
        asserted_by = inside.speaker_actor or inside.speaker_name or "unknown speaker"
        quote_id = inside.quote_id
        statement_anchor = inside.cue_token
    elif trig.demanded_by is None:  # a demand is the speaking itself, which the narrator reports
        speech = reporting_verb(anchor)
        if speech is not None:
            speakers, _ = subjects_of(speech)
            if speakers:
                asserted_by = index.actor_at(speakers[0]) or role_phrase(speakers[0]).text
                statement_anchor = speech
    return Assertion(asserted_by, quote_id, statement_anchor, inside)
