"""Event mentions: the features of a coded event that cross-document clustering compares.

Each mention keeps what another report of the same happening would share: the PLOVER type, who
did it to whom (actor codes and names), when (the event's own date where the text gives one,
else the publication date), where (the place's coordinates and country), the numbers of its
sentence and the content words of its sentence.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from functools import cache

from ..lang.en import words as lang_words
from ..records import Actor, ActorRef, Analysis, Event
from .records import EventMention, Reality
from .shingles import words

# Types that report one kind of happening in different words: PLOVER's YIELD is CONCEDE+RETREAT.
FAMILIES = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}
# Families that two reports of one happening within a story code either way: "captured"
# (ASSAULT) and "arrested" (COERCE); "sentenced" (SANCTION) and "jailed" (COERCE).
STORY_GROUPS = {"ASSAULT": "FORCE", "COERCE": "FORCE", "SANCTION": "FORCE"}
POTENTIAL_MODALITIES = {"threatened", "planned", "hypothetical"}
STOP_WORDS = frozenset("""a an and are as at be been but by for from had has have he her his i in is it
its of on or our said says she that the their them they this to was we were which who will with
would after also about after before over than then there these those into out up not no new one
two three mr mrs ms""".split())


@cache
def _description_words() -> frozenset[str]:
    """Words that open a description rather than a name: articles, pronouns (possessive,
    demonstrative, indefinite ...) and number words."""
    return frozenset({"a", "an", "the"}) | lang_words("pronouns") | lang_words("number_words")


def _named_part(text: str) -> str:
    """A description that holds a name names a party: "the two New Jersey police officers" is
    compared as "New Jersey police officers", not set aside as "the man" is."""
    parts = text.split()
    first_name = next((k for k, w in enumerate(parts) if k > 0 and w[:1].isupper()), None)
    if first_name is None or not is_description(" ".join(words(text))):
        return text
    return " ".join(parts[first_name:])


def is_description(name: str) -> bool:
    """A lower-cased role filler that describes rather than names: it opens with an article, a
    pronoun or a number ("a man", "the suspect", "his wife", "two workers", "they", "some 40
    protesters"). "police", "greek police" and "yvonne hiller" are names."""
    first = name.split(" ", 1)[0]
    return not first or first.isdigit() or first in _description_words()


def reality_of(event: Event) -> Reality:
    """Actual acts, potential ones (threatened, planned, supposed: THREATEN) and denied ones
    never describe the same happening, so they never share a cluster."""
    if event.modality == "negated":
        return "negated"
    if event.type == "THREATEN" or event.modality in POTENTIAL_MODALITIES:
        return "potential"
    return "actual"


def family_of(event_type: str) -> str:
    return FAMILIES.get(event_type, event_type)


def group_of(family: str) -> str:
    """The families compared within one story (`STORY_GROUPS`), else the family itself."""
    return STORY_GROUPS.get(family, family)


def _granularity(value: str) -> str | None:
    if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:10].replace("-", "").isdigit():
        return "day"
    if len(value) == 7 and value[4] == "-" and value.replace("-", "").isdigit():
        return "month"
    if len(value) == 4 and value.isdigit():
        return "year"
    return None


def _date_of(event: Event, analysis: Analysis) -> tuple[str | None, str | None, bool]:
    times = {t.id: t for t in analysis.times}
    ref = times.get(event.time_id) if event.time_id else None
    if ref is not None and ref.value:
        granularity = _granularity(ref.value)
        if granularity is not None:
            cut = {"day": 10, "month": 7, "year": 4}[granularity]
            return ref.value[:cut], granularity, ref.from_publication_date
    published = analysis.document.published
    if published is not None:
        return published.date().isoformat(), "day", True
    return None, None, True


def _codes(refs: list[ActorRef], actors: dict[str, Actor]) -> tuple[list[str], list[str]]:
    codes: list[str] = []
    names: list[str] = []
    for ref in refs:
        actor = actors.get(ref.actor_id) if ref.actor_id else None
        if actor is None:
            names.append(" ".join(words(_named_part(ref.span.text))))
            continue
        names.append(" ".join(words(_named_part(actor.name))))
        if actor.country or actor.sectors:
            codes.append(f"{actor.country or ''}:{actor.sectors[0] if actor.sectors else ''}")
    return sorted(set(codes)), sorted({n for n in names if n})


def content_words(text: str) -> list[str]:
    return sorted({w for w in words(text) if len(w) > 2 and w not in STOP_WORDS})


def mentions_of(analysis: Analysis) -> Iterator[EventMention]:
    """One mention per coded event of the analysis, in document order."""
    actors = {a.id: a for a in analysis.actors}
    places = {p.id: p for p in analysis.places}
    sentences = {s.id: s for s in analysis.sentences}
    from ..store.export_views import outlet
    from .salience import saliences

    doc = analysis.document
    published_by = outlet(doc) or None
    salience = saliences(analysis)
    for event in analysis.events:
        sentence = sentences.get(event.sentence_id) if event.sentence_id else None
        lo, hi = (sentence.span.start, sentence.span.end) if sentence else (
            event.trigger.start, event.trigger.end)
        numbers = sorted({q.value for q in analysis.quantities
                          if q.value is not None and lo <= q.span.start < hi})
        source_codes, source_names = _codes(event.sources, actors)
        target_codes, target_names = _codes(event.targets, actors)
        when, granularity, from_publication = _date_of(event, analysis)
        place = places.get(event.place_id) if event.place_id else None
        yield EventMention(
            event_id=event.id, document_id=doc.id, type=event.type,
            family=family_of(event.type), reality=reality_of(event), modality=event.modality,
            source_codes=source_codes, target_codes=target_codes, source_names=source_names,
            target_names=target_names, date=when, date_granularity=granularity,
            date_from_publication=from_publication,
            place_name=place.name if place else None,
            place_precision=place.precision if place else None,
            place_country=place.country if place else None,
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            numbers=numbers, context=content_words(doc.text[lo:hi]), published=doc.published,
            trigger=" ".join(words(event.trigger.text)), outlet=published_by,
            confidence=event.confidence, salience=salience[event.id],
        )


def day_of(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return datetime.strptime(value[:10], "%Y-%m-%d").date()
    except ValueError:
        return None
