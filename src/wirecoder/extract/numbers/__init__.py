"""Numbers in news text: the quantities, what they measure, and the arithmetic to check them.

    from wirecoder.extract.numbers import find_quantities
    for q in find_quantities(spacy_doc): print(q.value, q.norm, q.change, q.concept)

Modules: `words` (reading numerals and number words), `units` (unit lexicon and
normalisation), `lexicon` (approximation, bounds, change words, what is not a quantity),
`reading` (one number and the unit after it), `filters` (numbers that are no quantity:
dates, years, labels, addresses), `finder` (the character scan), `syntax`, `ellipsis` (units left out), `senses` (a spelling whose unit its sentence gives: "2.2 F" beside a capacitor), `wholes` (fractions of a whole), `concept` (what the parse adds) and `unit_concept` (a concept that only repeats the unit), `reference`
(reference tables for the claims stage).
"""

from __future__ import annotations

from .ellipsis import share_left_out_units
from .finder import Found, scan
from .syntax import (
    TokenIndex,
    attach_ages,
    attach_change,
    attach_concepts,
    attach_counted_nouns,
    attach_rates,
    drop_names,
    merge_ranges,
    share_units,
)
from .wholes import attach_wholes

__all__ = ["Found", "find_quantities", "scan"]


def find_quantities(doc, *, ages: bool = False, time_offsets: bool = False,
                    multiplicative_verbs: bool = True) -> list[Found]:
    """Quantities in a parsed spaCy `Doc`, in text order, with units, changes and concepts."""
    text = doc.text
    found = scan(text, ages=ages, time_offsets=time_offsets,
                 multiplicative_verbs=multiplicative_verbs)
    index = TokenIndex(doc)
    attach_counted_nouns(doc, index, found, text)
    attach_wholes(doc, index, found)
    found = attach_ages(doc, index, found, text, ages)
    found = drop_names(doc, index, found)
    found = merge_ranges(text, found)
    share_units(text, found)
    share_left_out_units(doc, index, found, text)
    attach_change(doc, index, found, text)
    attach_rates(doc, index, found, text)
    attach_concepts(doc, index, found, text)
    return found
