"""Which words name abstractions, things no one can hit or seize: common nouns whose commonest
WordNet classes (knowledge/noun_classes.tsv) are all abstract, and names of laws and languages.
Read by the sense rules (event_sense.py), the parties check and the confidence model.
"""

from __future__ import annotations

from typing import Any

from ..knowledge import noun_classes
from .common import lemma as _lemma

# A noun counts as abstract when its commonest senses are all of abstract classes: "record" is
# also an artifact (a disc), "market" also a group, so they may be physical targets.
ABSTRACT_SENSES = 2
# WordNet's classes of things one cannot hit: the values of the object_abstract rows, and the
# confidence model's patient_abstract feature.
ABSTRACT_CLASSES = frozenset({"act", "attribute", "cognition", "communication", "event", "feeling", "motive",
                              "phenomenon", "possession", "process", "quantity", "relation", "state", "time"})

ABSTRACT_NAME_LABELS = frozenset({"LAW", "LANGUAGE"})


def only_laws(words: list[Any]) -> bool:
    """Are the words, all of them, names of laws or languages ("the Second Amendment")?"""
    return bool(words) and all(w.ent_type_ in ABSTRACT_NAME_LABELS for w in words)


def abstractions(words: list[Any], abstract: frozenset[str]) -> bool:
    """Are the words abstractions: common nouns only, each of whose commonest WordNet classes is
    abstract? Names and pronouns are parties, never abstractions."""
    classes = noun_classes()
    nouns = [w for w in words if w.pos_ == "NOUN" and not w.ent_type_]
    # the name of a law is the name of an abstraction: "attacked the Affordable Care Act"
    laws = [w for w in words if w.ent_type_ in ABSTRACT_NAME_LABELS]
    if not nouns and not laws:
        return False
    for w in nouns:
        found = classes.get(_lemma(w)) or classes.get(w.lower_)
        if not found or not set(found[:ABSTRACT_SENSES]) <= abstract:
            return False
    return True
