"""Who suffered a bare event noun and who held them: "X died after torture" names the one who
suffered it, "died in a detention center" who held him (read by events.py for bare mentions).
"""

from __future__ import annotations

from .event_roles import SUFFERING_VERBS
from .event_tables import event_words

_CAUSE_PREPS = event_words("cause_prep")


# Places of custody: a death in one is laid at the door of who holds it ("died in prison").
CUSTODY_NOUNS = event_words("custody_noun")
CUSTODY_PREPS = event_words("custody_prep")


def custodian(verb):
    """The place of custody the verb of suffering happened in, if it names one."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in CUSTODY_PREPS:
            for place in prep.children:
                if place.dep_ == "pobj" and (place.lemma_.lower() in CUSTODY_NOUNS or any(
                        c.lemma_.lower() in CUSTODY_NOUNS for c in place.children if c.dep_ == "compound")):
                    return place
    return None


def sufferer(noun):
    """The subject of a verb of suffering that the event noun explains ("X died after torture",
    "died as a result of the torture", "due to continued torture")."""
    head = noun.head
    while head.dep_ in ("pobj", "prep", "pcomp", "amod") and head.head.i != head.i and (
            head.dep_ != "prep" or head.lower_ in _CAUSE_PREPS or head.lower_ == "due"):
        head = head.head
        if head.lemma_.lower() in SUFFERING_VERBS:
            break
    if head.lemma_.lower() not in SUFFERING_VERBS:
        return None
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
