"""Which events a report is about: each coded event's salience in its document (#21).

    salience = saliences(analysis)      # event id -> 0..1
    main = max(analysis.events, key=lambda e: salience[e.id])

A report tells its event first and again: the lead (the headline and the first sentences)
names it, later sentences repeat it ("the quake ... the quake ... the earthquake"), and the
background (an earlier quake, the suspect's last arrest) comes later and once. `Event.prominence`
says how central an event is to its own sentence only, so a later sentence's well-formed clause
outranks a headline's bare noun by it; the salience weighs, per event:

- where: the rank of its sentence among the sentences holding an event (`LEAD`: 1 for the
  first, the headline or lead, 1/2 for the second, ...);
- how often: the document's events sharing its trigger key or sense (`lemmas`), itself
  included, up to `REPEATS` (`REPEAT`);
- the coder's prominence (`PROMINENCE`).

Weights chosen on the ECB+ tune topics only (document B-cubed F1 of `eval dedup --format
ecbplus --part tune`): a document's main event alone, by prominence 0.2646, by the lead alone
0.2843, by repeats alone 0.2789, by these weights 0.2848; as the votes of the story records
(`story_records`), by prominence alone 0.8165, by the lead alone 0.8135, by these 0.823.
"""

from __future__ import annotations

from collections import Counter

from ..records import Analysis
from .lemmas import trigger_key, trigger_sense

LEAD = 0.5
REPEAT = 0.3
PROMINENCE = 0.2
REPEATS = 3


def saliences(analysis: Analysis) -> dict[str, float]:
    """event id -> its salience in the document, in [0, 1] (see the module docstring)."""
    events = analysis.events
    if not events:
        return {}
    starts = {s.id: s.span.start for s in analysis.sentences}
    where = {e.id: starts.get(e.sentence_id or "", e.trigger.start) for e in events}
    ranks = {start: rank for rank, start in enumerate(sorted(set(where.values())))}
    keys = {e.id: trigger_key(e.trigger.text) for e in events}
    counts = Counter(keys.values())
    senses = Counter(s for s in (trigger_sense(k) for k in keys.values()) if s)
    out = {}
    for e in events:
        key = keys[e.id]
        sense = trigger_sense(key)
        repeats = max(counts[key] if key else 1, senses[sense] if sense else 1)
        out[e.id] = round(LEAD / (1 + ranks[where[e.id]])
                          + REPEAT * min(repeats, REPEATS) / REPEATS
                          + PROMINENCE * e.prominence, 4)
    return out


def main_event_id(analysis: Analysis) -> str | None:
    """The document's most salient event (the earliest of equals), or None without events."""
    found = saliences(analysis)
    if not found:
        return None
    return max(analysis.events, key=lambda e: (found[e.id], -e.trigger.start)).id
