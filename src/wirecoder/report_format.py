"""How the terminal report says numbers, changes and places for people, not for parsers.

    people_number(1e7)                 # "10 million"   (not "1e+07")
    people_range(1e7, 1e8)             # "10–100 million"
    quantity_phrase(q, quantities, claims)  # "80 percent of overdose deaths",
                                            # "Americans: nearly tripled (×2.81)"
    place_groups(places)               # one row per place, with its mentions as written
"""

from __future__ import annotations

from collections.abc import Sequence

from .extract.numbers.words import format_value
from .records import Claim, Place, Quantity

# Round values this large are said with their word: 10,000,000 -> "10 million".
SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
# Units said otherwise than normalised: the normalised "percentage" reads "80 percentage".
UNIT_WORDS = {"percentage": "percent"}


def _scaled(value: float) -> tuple[str, str] | None:
    """(number, scale word) when the value is a round number of millions, billions, ..."""
    for size, word in SCALES:
        if abs(value) >= size:
            scaled = value / size
            if abs(scaled - round(scaled, 2)) <= 1e-9 * abs(scaled):
                return format_value(round(scaled, 2)), word
            return None
    return None


def people_number(value: float) -> str:
    """87000 -> '87,000'; 1e7 -> '10 million'; 2.5e9 -> '2.5 billion'; 1234567 -> '1,234,567'."""
    scaled = _scaled(value)
    return f"{scaled[0]} {scaled[1]}" if scaled else format_value(value)


def people_range(low: float, high: float, joiner: str = "–") -> str:
    """'10–100 million' when both ends share a scale word, else '100,000–1 million'."""
    a, b = _scaled(low), _scaled(high)
    if a and b and a[1] == b[1]:
        return f"{a[0]}{joiner}{b[0]} {a[1]}"
    return f"{people_number(low)}{joiner}{people_number(high)}"


def measured_factor(q: Quantity, quantities: dict[str, Quantity], claims: Sequence[Claim]) -> float | None:
    """The factor an arithmetic check measured for a stated change ("nearly tripled"): the
    ratio of the from-to figures checked with it (31,000 -> 87,000: 2.81)."""
    for claim in claims:
        if claim.kind != "arithmetic" or q.id not in claim.quantity_ids:
            continue
        for other_id in claim.quantity_ids:
            other = quantities.get(other_id)
            if other is not None and other is not q and other.change in ("up", "down") \
                    and other.value and other.value_high is not None:
                return other.value_high / other.value
    return None


def quantity_phrase(q: Quantity, quantities: dict[str, Quantity], claims: Sequence[Claim]) -> str:
    """A quantity as a reader would say it, with what it counts or measures."""
    concept = q.concept.text if q.concept else ""
    if q.normalized_unit == "factor":  # a change stated as a factor: as written, and as measured
        factor = measured_factor(q, quantities, claims)
        shown = format_value(round(factor, 2)) if factor else people_number(q.value or 0)
        phrase = f"{' '.join(q.span.text.split())} (×{shown})"
        return f"{concept}: {phrase}" if concept else phrase
    if (q.normalized_unit or "").startswith("% ") and q.value is not None and q.value_high is None:
        # a fraction of a whole ("% condo"): as written, with its percentage
        phrase = f"{' '.join(q.span.text.split())} ({format_value(round(100 * q.value, 1))}%)"
        return f"{phrase} of {concept}" if concept else phrase
    if q.value is None:
        amount = "?"
    elif q.value_high is None:
        amount = people_number(q.value)
    else:  # a change goes from one figure to the other; a range spans both
        amount = people_range(q.value, q.value_high, " → " if q.change in ("up", "down") else "–")
    unit = UNIT_WORDS.get(q.normalized_unit or "", q.unit or q.normalized_unit or "")
    said = f"{amount} {unit}".strip()
    if concept and concept.lower() not in said.lower():
        said += f" of {concept}"
    return said


def place_groups(places: Sequence[Place]) -> list[tuple[Place, list[str]]]:
    """Each resolved place once, in order of its first mention, with its mentions as written
    ('Mexico' x11 and 'Mexican' x4 are one place, Mexico)."""
    groups: dict[tuple, tuple[Place, list[str]]] = {}
    for p in places:
        key = (p.geonames_id, p.name, p.precision, p.country, p.admin1, p.latitude, p.longitude)
        groups.setdefault(key, (p, []))[1].append(" ".join(p.span.text.split()))
    return list(groups.values())


def mentions_label(first: Place, written: list[str]) -> str:
    """'15 mentions: Mexico ×11, Mexican ×4' (the forms only when one differs from the name)."""
    count = f"{len(written)} mention{'s' if len(written) != 1 else ''}"
    forms = list(dict.fromkeys(written))
    if forms == [first.name]:
        return count
    return count + ": " + ", ".join(f"{f} ×{written.count(f)}" if written.count(f) > 1 else f
                                    for f in forms)
