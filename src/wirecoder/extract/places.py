"""Places: toponyms found, resolved against the offline gazetteer, and the place of an event.

Two stages assign `places`:
  - `places_ner` (v1): spaCy's GPE / LOC / FAC entities, unresolved;
  - `places` (v2): recognition beyond spaCy's labels and resolution with the gazetteer
    (see `wirecoder.gazetteer.resolve` for the method), without the names the article holds as a
    person's or an organisation's (`wirecoder.gazetteer.senses`; it reads the actor stage's people
    when that stage ran). Options: `demonyms` (default true: "Mexican" is reported, under
    `demonyms` rather than `places`, as the country it implies with feature "demonym"), `inner` (default
    true: "Texas" inside "Texas A&M University").

Precision is never faked. A country is `country`, a state `admin1`, a town `locality`; a place
the gazetteer knows only by its subdivision (a US county has no coordinates in the bundled data)
is reported at its subdivision's point with precision `admin1`; a place tagged by spaCy that the
gazetteer lacks has precision `unknown` and no coordinates.

`event_place(places, trigger)` picks the place where an event happened: the place governed by a
locative preposition ("in", "at", "near", ...) attached to the trigger or to its clause, not
every place of the sentence; a destination ("fired into Mexico", "deployed to Texas") is
returned with `target=True`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..options import NoOptions, option
from ..records import Place, Span, stable_id
from ..registry import stage
from ..state import AnalysisState
from .actor_index import parties
from .common import span_of


@stage("places_ner", requires=("document", "spacy"), assigns=("places",), version="1", options=NoOptions)
def make_places(options: dict[str, Any]):
    """Place names as spaCy tags them (GPE, LOC, FAC), unresolved."""

    def run(state: AnalysisState) -> dict[str, Any]:
        doc_id, text = state.document.id, state.document.text
        places = []
        for ent in state.spacy_doc.ents:
            if ent.label_ in ("GPE", "LOC", "FAC"):
                span = span_of(text, ent)
                places.append(Place(id=stable_id("place", doc_id, span.key()), span=span,
                                    name=ent.text, evidence=[span], confidence=0.4))
        return {"places": places}

    return run


# ---------------------------------------------------------------- the gazetteer stage


def _confidence(mention) -> float:
    base = 0.9 if mention.strong or mention.qualifier is not None else 0.7
    if mention.label == "INNER" or mention.demonym:
        base = 0.6
    if mention.entry is None:
        return 0.3
    sure = 0.5 + 0.5 * (1 - 2.718281828 ** (-max(mention.margin, 0.0) / 3))
    return round(min(1.0, base * sure + 0.05), 3)


def place_of_mention(mention, gaz, doc_id: str, text: str) -> Place:
    """The Place record of one resolved (or unresolved) mention."""
    span = Span.of(text, mention.start, mention.end)
    evidence = [span]
    if mention.qualifier is not None:
        evidence.append(Span.of(text, mention.qualifier.start, mention.qualifier.end))
    pid = stable_id("place", doc_id, span.key())
    e = mention.entry
    if e is None:
        return Place(id=pid, span=span, name=mention.text, precision="unknown",
                     evidence=evidence, confidence=_confidence(mention))
    precision, lat, lon, admin1 = e.precision, e.lat, e.lon, e.admin1
    if "point" in mention.extra:
        lat, lon = mention.extra["point"]  # a river's or a border's point near the article's towns
    if e.precision == "admin1":
        admin1 = e.name
    elif e.precision == "country":
        admin1 = None
    if lat is None or lon is None:
        # known only by the subdivision (or country) that holds it: report that, honestly
        holder = gaz.admin1(e.cc, e.admin1) if e.admin1 and e.cc else None
        if holder is not None:
            precision, lat, lon, admin1 = "admin1", holder.lat, holder.lon, holder.name
        else:
            holder = gaz.country_entry(e.cc)
            if holder is not None and holder.lat is not None:
                precision, lat, lon = "country", holder.lat, holder.lon
            else:
                precision, lat, lon = "unknown", None, None
    area_only = mention.extra.get("area_only", False)
    return Place(
        # a place the gazetteer lacks keeps its own name, with the area it is known to lie in
        id=pid, span=span, name=mention.text if area_only else e.name, precision=precision,
        country=gaz.iso3(e.cc), admin1=admin1,
        latitude=round(lat, 5) if lat is not None else None,
        longitude=round(lon, 5) if lon is not None else None,
        geonames_id=e.id if e.id > 0 and not area_only else None,
        feature=None if area_only else "demonym" if mention.demonym else e.fcode,
        evidence=evidence, confidence=0.3 if area_only else _confidence(mention))



@dataclass(frozen=True)
class PlacesOptions:
    demonyms: bool = option(True, "\"Mexican cartels\" reports Mexico under `demonyms` (no place)")
    inner: bool = option(True, "places inside organisation names (\"Texas Department of Safety\")")
    organisations: bool = option(True, "report a place name that only names a school, a company "
                                       "or a facility (\"Auckland Zoo\", \"Michigan State "
                                       "University\") as a place (a news outlet's never is)")
    borders: bool = option(False, "a border the gazetteer lists is one place (\"the Texas-Mexico "
                                  "border\", feature BDR) rather than its two sides")


@stage("places", requires=("document", "spacy"), optional=("actors",), assigns=("places", "demonyms"),
       version="8", options=PlacesOptions)
def make_gazetteer_places(options: dict[str, Any]):
    """Toponyms recognised and resolved with the offline gazetteer (GeoNames from PyPI packages)."""
    from ..gazetteer import load_gazetteer
    from ..gazetteer.namesakes import names_organisation
    from ..gazetteer.resolve import resolve
    from ..gazetteer.senses import not_people

    gaz = load_gazetteer()
    demonyms = bool(options.get("demonyms", True))
    inner = bool(options.get("inner", True))
    organisations = bool(options.get("organisations", True))
    borders = bool(options.get("borders", False))

    def run(state: AnalysisState) -> dict[str, Any]:
        doc_id, text = state.document.id, state.document.text
        doc = state.spacy_doc
        mentions = resolve(doc, gaz, demonyms=demonyms, inner=inner, borders=borders)
        mentions = not_people(doc, mentions, parties(state.get("actors")), gaz)
        mentions = [m for m in mentions if not names_organisation(doc, m, not organisations)]
        records = [place_of_mention(m, gaz, doc_id, text) for m in mentions]
        # a demonym names no place: its country goes to a field of its own
        return {"places": [p for p in records if p.feature != "demonym"],
                "demonyms": [p for p in records if p.feature == "demonym"]}

    return run


# ---------------------------------------------------------------- the place of an event

LOCATIVE_PREPS = frozenset({
    "in", "at", "near", "outside", "inside", "within", "across", "along", "around", "throughout",
    "off", "on", "over", "between", "among", "by", "beside", "nearby", "upon", "amid", "amidst",
})
TARGET_PREPS = frozenset({"into", "onto", "toward", "towards", "to", "against"})
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "xcomp", "csubj", "acl", "pcomp",
                         "parataxis"})


@dataclass(frozen=True)
class EventPlace:
    """Where an event happened, as read from the parse."""

    place: Place
    relation: str  # the preposition ("in", "near", "into", ...) or "compound" ("Texas firefight")
    target: bool  # True for a destination or target ("fired into Mexico"), not the event's site
    direct: bool  # the preposition hangs on the trigger itself rather than elsewhere in its clause


def _clause_root(tok):
    seen = 0
    while tok.dep_ not in CLAUSE_DEPS and tok.head.i != tok.i and seen < 50:
        tok = tok.head
        seen += 1
    return tok


def _place_token(doc, place: Place):
    span = doc.char_span(place.span.start, place.span.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def event_place(places: Sequence[Place], trigger, *, include_targets: bool = True,
                include_demonyms: bool = False) -> EventPlace | None:
    """The place where the event of `trigger` (a spaCy Token or Span of the analysed doc) happened.

    Candidates are the places of the trigger's sentence governed by a preposition: a locative one
    (in, at, near, outside, on, ...) gives the site, a directional one (into, onto, toward, to,
    against) a target (`target=True`, returned only when no site is found and `include_targets`).
    The preposition must hang on the trigger, on a word the trigger governs, or on the verb of the
    trigger's clause; a place of another clause ("..., officials in Mexico said") does not count.
    A place compounded with the trigger ("the Texas firefight") counts as its site. Places of a
    coordination ("in Mexico and Canada") give the first. Demonyms are skipped unless asked for.
    """
    tok = trigger.root if hasattr(trigger, "root") else trigger
    doc = tok.doc
    sent = tok.sent
    trig_clause = _clause_root(tok)
    trig_tokens = {t.i for t in tok.subtree}
    sites: list[tuple[int, EventPlace]] = []
    for place in places:
        if not (sent.start_char <= place.span.start < sent.end_char):
            continue
        if place.feature == "demonym" and not include_demonyms:
            continue
        head = _place_token(doc, place)
        if head is None:
            continue
        # climb through coordination ("Mexico and Canada") and appositions to the governing word
        node = head
        while node.dep_ in ("conj", "appos") and node.head.i != node.i:
            node = node.head
        if node.dep_ in ("compound", "amod", "nmod") and node.head.i == tok.i:
            sites.append((0, EventPlace(place, "compound", False, True)))
            continue
        if node.dep_ != "pobj" or node.head.pos_ != "ADP":
            continue
        prep = node.head
        word = prep.lower_
        attach = prep.head
        # a multiword preposition: "close to", "next to", "outside of"
        if attach.pos_ in ("ADV", "ADJ") and attach.head.i != attach.i and word in ("to", "of"):
            word = f"{attach.lower_} {word}"
            attach = attach.head
        if attach.i == tok.i:
            direct = True
        elif attach.i in trig_tokens or _clause_root(attach).i == trig_clause.i:
            direct = False
        else:
            continue
        if word in TARGET_PREPS:
            if include_targets:
                sites.append((3 if direct else 4, EventPlace(place, word, True, direct)))
            continue
        base = word.split()[0]
        if base in LOCATIVE_PREPS or word in ("close to", "next to", "outside of"):
            rank = 1 if direct else 2
            sites.append((rank, EventPlace(place, word, False, direct)))
    if not sites:
        return None
    sites.sort(key=lambda s: (s[0], abs(s[1].place.span.start - tok.idx)))
    return sites[0][1]
