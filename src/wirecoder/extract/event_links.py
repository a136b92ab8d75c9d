"""Within one report, the mentions of one incident share its date and place.

"Just on Monday some cartel members opened fire on Border Patrol. The agents returned fire into
Mexico ... Monday's firefight between the criminals and Border Patrol agents ... The gunfight
broke out in Fronton, Texas": four mentions of one incident, of which only some carry the day
and only one the place. Mentions are linked, conservatively, when
  - a response ("returned fire", "fired back", "retaliated") follows an act of the same type in
    the same or the next sentence;
  - an event noun with a definite determiner or a possessive ("the gunfight", "Monday's
    firefight") follows an act of the same type within ANAPHOR_WINDOW sentences;
  - two acts of the same type are dated by the text to the same day (an undated act by a day its
    own sentence names and no event of the document takes).
Only acts that happened (asserted or reported) link, so a threat never lends its day to an
attack. An incident then gives its one day from the text to the mentions dated only by the
publication date, and its one place to the mentions without a place (the finest, when its
mentions' places nest: "at the Texas-Mexico border" then "in Fronton, Texas"); when its mentions
disagree (two days, two places) nothing is shared. The shared ids point at the real time and place
records, so the evidence stays in the text. The mentions of one incident share an `incident_id`
(the id of its first mention's incident), which exports read to give an incident one row.
"""

from __future__ import annotations

from bisect import bisect_right

from ..records import Event, Place, TimeRef, stable_id
from .common import token_at
from .event_tables import event_words

RESPONSE_LEMMAS = event_words("response_verb")
DONE = {"asserted", "reported"}
ANAPHOR_WINDOW = 3  # sentences back to the act a definite event noun takes up


class _Incidents:
    """Union-find over event indexes."""

    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        self.parent[self.find(a)] = self.find(b)


def _is_response(tok) -> bool:
    return tok.lemma_.lower() in RESPONSE_LEMMAS or any(
        c.dep_ == "prt" and c.lower_ == "back" for c in tok.children)


def _is_anaphor(tok) -> bool:
    """An event noun taken up from before: 'the gunfight', "Monday's firefight"."""
    return tok.pos_ == "NOUN" and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
        for c in tok.children)


def link_incidents(events: list[Event], doc, times: list[TimeRef],
                   places: list[Place]) -> list[Event]:
    """`events` with the dates and places their incident's other mentions give them."""
    by_time = {t.id: t for t in times}
    place_ids = {p.id for p in places}
    by_id = {p.id: p for p in places}
    starts = [s.start_char for s in doc.sents]

    def sentence(e: Event) -> int:
        return bisect_right(starts, e.trigger.start) - 1

    def day_of(t: TimeRef | None) -> str | None:
        if t is None or t.from_publication_date or t.type != "DATE" or not t.value:
            return None
        return t.value if len(t.value) == 10 else None  # a day: YYYY-MM-DD

    def text_day(e: Event) -> str | None:
        return day_of(by_time.get(e.time_id or ""))

    # A day named in a sentence that dates none of the document's events ("were fired upon ... in
    # an effort to smuggle migrants into Texas on Monday": the parse hangs the day on "smuggle")
    # dates, for linking only, an undated act of that sentence.
    claimed = {e.time_id for e in events if e.time_id}
    free_days: dict[int, set[str]] = {}
    for t in times:
        day = day_of(t)
        if day is not None and t.id not in claimed:
            free_days.setdefault(bisect_right(starts, t.span.start) - 1, set()).add(day)

    def link_day(e: Event) -> str | None:
        own = text_day(e)
        if own is not None:
            return own
        found = free_days.get(sentence(e), set())
        return next(iter(found)) if len(found) == 1 else None

    done = [i for i, e in enumerate(events) if e.modality in DONE]
    incidents = _Incidents(len(events))
    for k, i in enumerate(done):
        e = events[i]
        tok = token_at(doc, e.trigger.start)
        if tok is None:
            continue
        earlier = [j for j in reversed(done[:k]) if events[j].type == e.type]
        if _is_response(tok):
            near = [j for j in earlier if sentence(e) - sentence(events[j]) <= 1]
            if near:
                incidents.join(i, near[0])
        elif _is_anaphor(tok):
            near = [j for j in earlier if sentence(e) - sentence(events[j]) <= ANAPHOR_WINDOW]
            if near:
                incidents.join(i, near[0])
        day = link_day(e)
        if day is not None:
            for j in earlier:
                if link_day(events[j]) == day:
                    incidents.join(i, j)
                    break

    members: dict[int, list[int]] = {}
    for i in done:
        members.setdefault(incidents.find(i), []).append(i)
    out = list(events)
    for group in members.values():
        if len(group) < 2:
            continue
        days = {text_day(events[i]): events[i].time_id for i in group if text_day(events[i])}
        where = _finest({events[i].place_id for i in group if events[i].place_id in place_ids},
                        by_id)
        incident = stable_id("incident", events[min(group)].id)
        for i in group:
            e = out[i]
            update: dict = {"incident_id": incident}
            if len(days) == 1 and text_day(e) is None:
                update["time_id"] = next(iter(days.values()))
            if len(where) == 1 and e.place_id is None:
                update["place_id"] = next(iter(where))
            out[i] = e.model_copy(update=update)
    return out


_FINENESS = {"point": 4, "locality": 4, "admin2": 3, "region": 2, "admin1": 2, "country": 1}


def _holds(coarse: Place, fine: Place) -> bool:
    """`coarse` is a coarser place of the same country and, if it has one, the same first-level
    subdivision: "the Texas-Mexico border" (Texas) holds "Fronton, Texas"."""
    return coarse.country is not None and coarse.country == fine.country and \
        _FINENESS.get(coarse.precision, 0) < _FINENESS.get(fine.precision, 0) and \
        (coarse.admin1 is None and coarse.precision != "region" or coarse.admin1 == fine.admin1)


def _finest(ids: set[str], by_id: dict[str, Place]) -> set[str]:
    """The incident's one place when its mentions' places nest ("at the Texas-Mexico border" ...
    "in Fronton, Texas"): the finest; else the places as they are (they disagree)."""
    if len(ids) < 2:
        return ids
    finest = [i for i in ids if all(j == i or _holds(by_id[j], by_id[i]) for j in ids)]
    return {finest[0]} if len(finest) == 1 else ids
