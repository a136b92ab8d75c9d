"""Agentless passives, and the later items of a list of event nouns, borrow their source from a
nearby event of the same kind.

"A 25 percent tariff will be levied on Mexico" names no one who levies it; when two sentences later
"the President will be implementing a 25 percent tariff on Mexico", the President is the source.
The borrowed ActorRef keeps the donor's real mention span, so the evidence points at the text that
names the actor; the event's confidence drops because the link is an inference.

Violence is different: "shots were fired at agents" leaves the shooter unknown on purpose, so an
ASSAULT or COERCE borrows only from its own or the previous sentence.
"""

from __future__ import annotations

from bisect import bisect_right

from ..records import Event
from .common import token_at

WINDOW_SENTENCES = 5  # how far apart (in sentences) a donor may be: a caption or two may intervene
# Attackers are not guessed from afar: only the same or the previous sentence may name them.
UNKNOWN_ON_PURPOSE = {"ASSAULT", "COERCE"}
CLOSE_WINDOW = 1
# Acts that happened and acts that are only announced or weighed do not lend to each other.
MODALITY_GROUPS = {"asserted": "done", "reported": "done", "historical": "done",
                   "planned": "open", "threatened": "open", "hypothetical": "open",
                   "negated": "negated"}
CONFIDENCE_PENALTY = 0.15


def _agentless_passive(tok) -> bool:
    """A passive verb with no 'by' agent; for an event noun, the passive verb it is subject of
    ('a tariff will be levied')."""
    verb = tok
    if tok.pos_ in ("NOUN", "PROPN"):
        if tok.dep_ != "nsubjpass":
            return False
        verb = tok.head
    children = list(verb.children)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
    return passive and not any(c.dep_ == "agent" for c in children)


def _listed(tok) -> bool:
    """An event noun that is an item of a list ("implementing a tariff on Mexico, a tariff on
    Canada, a tariff on China"): the list's first item names the doer of them all."""
    return tok.pos_ == "NOUN" and tok.dep_ in ("appos", "conj")


def lend_passive_sources(events: list[Event], doc) -> list[Event]:
    """Events whose agentless-passive trigger gets the sources of the nearest same-type event."""
    sentence_starts = [s.start_char for s in doc.sents]

    def sentence_of(event: Event) -> int:
        return bisect_right(sentence_starts, event.trigger.start) - 1

    donors = [e for e in events if e.sources]
    out: list[Event] = []
    for event in events:
        tok = token_at(doc, event.trigger.start) if not event.sources else None
        passive = tok is not None and _agentless_passive(tok)
        listed = tok is not None and not passive and _listed(tok)
        if not (passive or listed):
            out.append(event)
            continue
        here = sentence_of(event)
        window = CLOSE_WINDOW if event.type in UNKNOWN_ON_PURPOSE else WINDOW_SENTENCES
        group = MODALITY_GROUPS.get(event.modality)
        targets = {r.actor_id for r in event.targets if r.actor_id}
        usable = [d for d in donors
                  if d.type == event.type and MODALITY_GROUPS.get(d.modality) == group
                  and abs(sentence_of(d) - here) <= window
                  and not ({r.actor_id for r in d.sources} & targets)
                  # a list item borrows only from an earlier item of its own sentence with its word
                  # ("imposing a tariff on Argentina, a tariff on Chile")
                  and (not listed or sentence_of(d) == here and d.trigger.start < event.trigger.start
                       and event.trigger.text.lower() in d.trigger.text.lower().split())]
        # nearest first; at equal distance the earlier one (what the reader has already seen)
        start = event.trigger.start
        ranked = sorted(usable, key=lambda d: (abs(sentence_of(d) - here), d.trigger.start > start,
                                               abs(d.trigger.start - start)))
        if not ranked:
            out.append(event)
            continue
        donor = ranked[0]
        confidence = round(max(0.05, min(event.confidence + 0.1, donor.confidence) - CONFIDENCE_PENALTY), 2)
        out.append(event.model_copy(update={
            "sources": list(donor.sources),
            "evidence": list(event.evidence) + [r.span for r in donor.sources],
            "confidence": confidence,
        }))
    return out
