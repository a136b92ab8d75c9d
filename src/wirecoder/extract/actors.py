"""Actors: named and described participants, coded from the text, with mentions resolved.

Mentions are named entities (people, organisations, states, nationalities used as nouns), noun
phrases whose words name a sector ("suspected cartel members", "Mexico's government") and
third-person pronouns. They are grouped into actors:
- people by surname ("Hegseth" joins "Defense Secretary Pete Hegseth");
- states by country code ("U.S.", "America", "United States" are one actor);
- a definite description joins the latest earlier actor it fits: "the secretary" a person titled
  secretary, "the agents" the latest actor of the same sector, "the cartels" the latest cartels;
- he/she/him/her the latest person, they/them the latest group.
Codes come from the words of every mention (titles, descriptors, possessors), so a later mention
can tell the country of an earlier one; what the text leaves open, the actor dictionary fills in
for the document's date (extract/actor_dictionary.py: "Zelensky" in 2025 is UKR GOV), with the
name as evidence. A wire dateline names no actor, nor does a name read in a title-case line (a
headline) that the document says nowhere else (headlines.py); a capital is its government only where it acts
("Ankara said"), a place after a preposition ("met in Ankara").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..datelines import in_dateline
from ..headlines import doc_title_case_spans, has_body, inside, said_elsewhere
from ..lang.en import words
from ..options import NoOptions
from ..records import DESCRIBED, Actor, Span, stable_id
from ..registry import stage
from ..state import AnalysisState
from .actor_codes import (
    GENERIC_HEADS,
    PAST_OFFICE,
    Coding,
    code_span,
    country_of,
    seats,
    sector_table,
)
from .actor_dictionary import dictionary, lookup
from .actor_phrases import (
    described_coding,
    fragment_heads,
    nominal_heads,
    refined_chunk,
    refined_entity,
)
from .actor_phrases import strip_det as _strip_det
from .event_tables import event_words

_PERSON_PRONOUNS = words("pronouns", kind="personal", refers="person", person="3")
_GROUP_PRONOUNS = words("pronouns", kind="personal", refers="group", person="3")
# Sector words that describe a person by office: "the secretary", "the Republican".
_PERSON_TITLES = words("titles", office="yes")
# Offices that stand before a name ("Prime Minister May"); not party words ("the Republican").
_NAMED_OFFICES = words("titles", office="yes", before_name="yes")
_DEFINITE = {"the"} | words("pronouns", kind="demonstrative")
_LOOKBACK_SENTENCES = 6


@dataclass
class _Mention:
    start: int
    end: int
    head: Any  # spaCy token
    kind: str
    coding: Coding
    name: str
    sentence: int
    title: str | None = None
    definite: bool = False
    pronoun: bool = False
    # found only through a common noun of the agents table or a nationality ("vandals", "four
    # Saudi men"): coded, but kept apart from the actors that events and quotes may name
    described: bool = False
    actor: _Group | None = None


@dataclass
class _Group:
    key: str
    kind: str
    name: str
    coding: Coding = field(default_factory=Coding)
    title: str | None = None
    mentions: list[_Mention] = field(default_factory=list)
    title_words: set[str] = field(default_factory=set)
    described: bool = False


def _person_title(ent) -> tuple[str | None, Any]:
    """Title words before a person's name, inside or just outside the entity: 'Defense Secretary',
    'French Foreign Minister', 'former President'."""
    doc = ent.doc
    i = ent.start
    while i > 0 and _title_word(doc[i - 1]):
        i -= 1
    if i == ent.start:
        return None, None
    return doc[i:ent.start].text, doc[i:ent.end]


_PORTFOLIOS = words("portfolios")


def _part_of_larger_mention(ent) -> bool:
    """"Mexican" in "Mexican drug cartels"; a portfolio word before an office title ("Defense" in
    "Defense Secretary Pete Hegseth"), which is part of the title."""
    if ent.label_ == "NORP":
        return ent.root.dep_ in ("amod", "compound", "nmod")
    return (len(ent) == 1 and ent.text.lower() in _PORTFOLIOS and ent.root.dep_ == "compound"
            and ent.root.head.lemma_.lower() in _PERSON_TITLES)


def _common_nouns(ent) -> bool:
    """An organisation the tagger named in common nouns a sector word codes ("Cartels have been
    hostile", first in its sentence): a description, left to the noun phrases, which join it to
    the cartels named before."""
    return ent.label_ == "ORG" and all(t.pos_ == "NOUN" for t in ent) and _all_sector_words(ent)


def _title_word(tok) -> bool:
    if tok.ent_type_ == "PERSON":
        return False
    if (tok.is_title or tok.text in ("U.S.", "US")) and tok.pos_ in ("PROPN", "NOUN"):
        return True
    # a nationality ("French"), or a word that makes the office a past one ("former")
    return tok.pos_ in ("ADJ", "PROPN") and tok.is_title and country_of(tok.text) is not None \
        or tok.lower_ in PAST_OFFICE


def _appositive_span(head):
    """', the Mexican secretary of the economy' after a name."""
    for child in head.children:
        if child.dep_ == "appos":
            return head.doc[child.left_edge.i:child.right_edge.i + 1]
    return None


def _as_place(tok) -> bool:
    """A name the sentence uses as a place: the object of a preposition ("in Ankara"), itself or as
    a member of a list or an apposition that is ("states in the U.S., Washington, D.C."), or a
    modifier ("a Moscow court")."""
    while tok.dep_ in ("conj", "appos", "npadvmod") and tok.head.pos_ in ("PROPN", "NOUN") \
            and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("pobj", "compound") or tok.head.pos_ == "ADP"


def _all_sector_words(ent) -> bool:
    table = sector_table()
    return ent.text.lower() in table or all(t.lower_ in table or t.lemma_.lower() in table for t in ent)


def _person_mention(ent, sentence: int) -> _Mention:
    """A person named, coded from the title before the name and an appositive after it."""
    title, titled = _person_title(ent)
    coding = code_span(titled) if titled is not None else Coding()
    appos = _appositive_span(ent.root)
    if appos is not None:
        coding.merge(code_span(appos))
    name = ent.text.removesuffix("'s").removesuffix("’s")
    return _Mention(ent.start_char, ent.end_char, ent.root, "person", coding, name, sentence, title=title)


def _unsure_headline_name(ent) -> bool:
    """A name read in a title-case line (a headline, where every word has a capital) of a
    document with a body, that the document says nowhere else and that names no known actor or
    country (headlines.py)."""
    spans = doc_title_case_spans(ent.doc)
    if not spans or not inside(ent.start_char, spans) or not has_body(ent.doc.text, spans):
        return False  # a text of title-case lines alone (a name, a list) has nothing to check by
    name = _strip_det(ent.text.removesuffix("'s").removesuffix("’s"))
    parts = name.split()
    # a person's surname said elsewhere vouches for the full name ("Hillary Clinton" in the
    # headline, "Clinton" in the text)
    surname = parts[-1] if ent.label_ == "PERSON" and 2 <= len(parts) <= 3 else None
    if ent.label_ == "PERSON" and len(parts) == 1:
        return False  # one word is no run of a headline's words ("Hillary")
    return not (said_elsewhere(name, ent.doc.text, spans) or country_of(name)
                or lookup(name) is not None
                or surname is not None and said_elsewhere(surname, ent.doc.text, spans))


def collect_mentions(doc) -> list[_Mention]:
    sent_index = {s.start: i for i, s in enumerate(doc.sents)}

    def sent_of(tok) -> int:
        return sent_index[tok.sent.start]

    taken: set[int] = set()
    mentions = _entity_mentions(doc, sent_of, taken)
    mentions += _chunk_mentions(doc, sent_of, taken)
    mentions += [_Mention(span.start_char, span.end_char, span.root, "group", code_span(span, agents=True),
                          _strip_det(span.text), sent_of(span.root), described=True)
                 for span in fragment_heads(doc, taken) + nominal_heads(doc, taken)]
    mentions += _pronoun_mentions(doc, sent_of)
    mentions.sort(key=lambda m: m.start)
    return mentions


def _entity_mentions(doc, sent_of, taken: set[int]) -> list[_Mention]:
    """Mentions of the named entities; the tokens of each entity read (or set aside as a place)
    are added to `taken`, so that no noun phrase reads them again."""
    mentions: list[_Mention] = []
    for ent in doc.ents:
        if in_dateline(ent[0]) or _unsure_headline_name(ent):
            continue  # "MEXICO CITY, Feb 3 (Reuters) -"; a headline's "Obama Rules Face Test"
        # "Border Patrol" tagged PERSON is an organisation: every word of it names a sector;
        # "Kyiv" tagged PERSON is a seat of government, its government or a place as below.
        if ent.label_ == "PERSON" and not _all_sector_words(ent) \
                and ent.text.lower() not in seats():
            mentions.append(_person_mention(ent, sent_of(ent.root)))
        elif ent.label_ in ("ORG", "GPE", "NORP", "PERSON"):
            if _part_of_larger_mention(ent) or _common_nouns(ent):
                continue
            if ent.text.lower() in _PERSON_TITLES and ent.start > 0 and doc[ent.start - 1].lower_ == "the":
                # "The Republican also classified ...": a person named by party or office
                mentions.append(_Mention(doc[ent.start - 1].idx, ent.end_char, ent.root, "person",
                                         code_span(ent), ent.text, sent_of(ent.root),
                                         title=ent.text, definite=True))
                taken.update(range(ent.start - 1, ent.end))
                continue
            name = _strip_det(ent.text.removesuffix("'s").removesuffix("’s"))
            coding = refined_entity(ent, name, code_span(ent))
            country = country_of(name)
            # cities and states are places (the places stage), not actors here, nor is a seat of
            # government after a preposition ("met in Ankara"); no noun phrase reads a named
            # place again ("its capital, Mexico City" is no group of city people), while a common
            # noun the tagger took for one may still be an agent ("netizen")
            if ent.label_ == "GPE" and country is None or name.lower() in seats() and _as_place(ent.root):
                if ent.root.pos_ == "PROPN":
                    taken.update(range(ent.start, ent.end))
                continue
            if name.lower() in seats():
                coding.merge(Coding(sectors=["GOV"], evidence=[(ent.start_char, ent.end_char)]))
            kind = "country" if country and ent.label_ == "GPE" else (
                "group" if ent.label_ == "NORP" else "organization")
            if country and ent.label_ == "NORP":
                coding.merge(Coding(sectors=["CVL"]))
            mentions.append(_Mention(ent.start_char, ent.end_char, ent.root, kind, coding, name,
                                     sent_of(ent.root)))
        else:
            continue
        taken.update(range(ent.start, ent.end))
    return mentions


def _chunk_mentions(doc, sent_of, taken: set[int]) -> list[_Mention]:
    """Mentions of the noun phrases no entity took: those a sector word codes, the described
    ones only the agents table or a nationality codes, and names the tagger missed that the
    actor dictionary knows ("Aleksandr Lukashenko")."""
    mentions: list[_Mention] = []
    sectors = sector_table()
    for chunk in doc.noun_chunks:
        head = chunk.root
        if head.i in taken or head.pos_ == "PRON" or "\n" in chunk.text or in_dateline(chunk[0]):
            continue
        if _place_phrase(chunk) or chunk[0].lower_ == "no":
            # "its capital": a place, not those who govern it; "No U.S. officials were hurt": no one
            continue
        coding = code_span(chunk)
        pair = f"{head.doc[head.i - 1].lower_} {head.lower_}" if head.i > 0 else ""
        generic = head.lemma_.lower() in GENERIC_HEADS  # "cartel members", "terrorist organizations"
        if not coding.sectors or not generic and not (
                {head.lemma_.lower(), head.lower_, pair} & sectors.keys()):
            found = _known_name(chunk, sent_of) or _described(chunk, pair, sent_of)
            if found is not None:
                mentions.append(found)
                taken.update(range(chunk.start, chunk.end))
            continue
        coding = refined_chunk(chunk)
        definite = chunk[0].lower_ in _DEFINITE
        is_title = head.lemma_.lower() in _PERSON_TITLES and head.tag_ in ("NN", "NNP")
        if is_title and chunk[0].lower_ in ("a", "an") and head.dep_ not in ("nsubj", "ROOT"):
            # "as a secretary of defense", "time a special prosecutor be appointed": a role, not a
            # person mentioned; "a former CIA official said" (a subject, or a phrase alone) names one
            continue
        # "Jalisco New Generation Cartel" (a name the tagger missed) is one organisation, not
        # part of "the cartels" in general
        kind = "person" if is_title else ("organization" if head.pos_ == "PROPN" else "group")
        mentions.append(_Mention(chunk.start_char, chunk.end_char, head, kind, coding,
                                 _strip_det(chunk.text), sent_of(head), definite=definite,
                                 title=head.text if is_title else None))
        taken.update(range(chunk.start, chunk.end))
    return mentions


def _described(chunk, pair: str, sent_of) -> _Mention | None:
    described = described_coding(chunk, pair)
    if described is None:
        return None
    return _Mention(chunk.start_char, chunk.end_char, chunk.root, "group", described,
                    _strip_det(chunk.text), sent_of(chunk.root), described=True)


def _known_name(chunk, sent_of) -> _Mention | None:
    """A run of proper nouns the tagger left unnamed (or named in part: "Aleksandr" a place)
    that the actor dictionary knows: a person or an organisation, coded by code_known."""
    words = [t for t in chunk if t.pos_ != "DET"]
    if not words or any(t.pos_ != "PROPN" for t in words):
        return None
    name = chunk.doc[words[0].i:words[-1].i + 1].text
    kinds = dictionary().kinds(name)
    if not kinds:
        return None
    kind = "person" if kinds == {"person"} else "organization"
    return _Mention(chunk.start_char, chunk.end_char, chunk.root, kind, Coding(), name, sent_of(chunk.root))


_GOVERNED_PLACES = words("place_nouns", governed="yes")
_SAYING = words("speech_verbs", quotes="yes")
# prepositions that say where something is or goes: "in Michoacan state", "into 11 states"
_WHERE_PREPS = event_words("place_prep") | {"into", "throughout"}


def _place_phrase(chunk) -> bool:
    """A place noun owned by a possessive pronoun names the place, not its government ("23 states
    and its capital"): no actor, unless it is the subject of a saying verb ("its capital said");
    nor does one where something is ("in Michoacan state", "into 11 states")."""
    head = chunk.root
    if not {head.lower_, head.lemma_.lower()} & _GOVERNED_PLACES:
        return False
    if head.dep_ == "pobj" and head.head.lower_ in _WHERE_PREPS:
        return True
    if not any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in head.children):
        return False
    return not (head.dep_ == "nsubj" and head.head.lemma_.lower() in _SAYING)


def _pronoun_mentions(doc, sent_of) -> list[_Mention]:
    return [_Mention(tok.idx, tok.idx + len(tok.text), tok,
                     "person" if tok.lower_ in _PERSON_PRONOUNS else "group", Coding(), tok.text,
                     sent_of(tok), pronoun=True)
            for tok in doc if tok.tag_ == "PRP" and (tok.lower_ in _PERSON_PRONOUNS
                                                      or tok.lower_ in _GROUP_PRONOUNS)]


def _surname(name: str) -> str:
    return name.split()[-1].lower() if name.split() else name.lower()


def group_mentions(mentions: list[_Mention]) -> list[_Group]:
    groups: dict[str, _Group] = {}
    # Full names first, so that a surname alone ("Trump", even mis-tagged ORG) finds its person.
    people = {}
    for m in mentions:
        if m.kind == "person" and not m.pronoun and not m.definite and len(m.name.split()) >= 2 \
                and (m.title is None or m.head.ent_type_ == "PERSON"):
            people.setdefault(_surname(m.name), m.name)
    recent: list[_Mention] = []  # resolved mentions in order, for definite descriptions and pronouns
    for m in mentions:
        group = None
        if m.described:
            # kept apart: no description nor pronoun joins it, nor it another actor
            key = f"{DESCRIBED}:{m.coding.country}:{'/'.join(m.coding.sectors)}:{m.head.lemma_.lower()}"
            group = groups.setdefault(key, _Group(key=key, kind="group", name=m.name, described=True))
            m.actor = group
            group.mentions.append(m)
            group.coding.merge(m.coding)
            continue
        if m.pronoun:
            group = _resolve_pronoun(m, recent)
        elif m.definite:
            group = _resolve_description(m, recent)
        if group is None and not m.pronoun:
            group = _group_for(m, groups, people)
        if group is None:
            continue
        m.actor = group
        group.mentions.append(m)
        group.coding.merge(m.coding)
        if m.title and not m.definite and group.title is None:
            group.title = m.title
        if m.title:
            group.title_words.update(w.lower() for w in m.title.split())
        # People and organisations are named by their fullest name; a group keeps its first
        # description ("Mexican drug cartels"), which later, vaguer ones join.
        if len(m.name) > len(group.name) and not m.pronoun and not m.definite \
                and group.kind in ("person", "organization"):
            group.name = m.name
        recent.append(m)
    return list(groups.values())


def _group_for(m: _Mention, groups: dict[str, _Group], people: dict[str, str]) -> _Group:
    surname = _surname(m.name)
    if m.kind == "person" and len(m.name.split()) == 1 and surname not in people:
        # "Brian, I don't want to ...": a first name alone is the one full name that starts so
        firsts = [full for full in people.values() if full.split()[0].lower() == surname]
        if len(firsts) == 1:
            surname = _surname(firsts[0])
    if m.kind == "person" and m.head.ent_type_ == "PERSON" or (surname in people and m.kind != "group"
                                                               and len(m.name.split()) <= 2
                                                               and m.head.ent_type_ in ("PERSON", "ORG")):
        key = "person:" + surname
        name = people.get(surname, m.name)
        kind = "person"
    elif m.kind == "country":
        key, name, kind = "country:" + (m.coding.country or m.name.lower()), m.name, "country"
    elif m.kind in ("organization",):
        key, name, kind = "org:" + _org_key(m), m.name, "organization"
    else:
        head = m.head.lemma_.lower()
        sectors = '/'.join(sorted(m.coding.sectors))
        key = f"group:{m.coding.country}:{sectors}:{head}"
        if m.coding.country is None:
            # "drug cartels" after "Mexican drug cartels": the same group, its country known
            key = next((k for k in groups if k.startswith("group:") and k.endswith(f":{sectors}:{head}")), key)
        name, kind = m.name, "person" if m.kind == "person" else "group"
    if key not in groups:
        groups[key] = _Group(key=key, kind=kind, name=name)
    return groups[key]


def _org_key(m: _Mention) -> str:
    """One key for the names of one organisation: the actor dictionary's name for an alias it
    knows ("CJNG", "Jalisco New Generation Cartel"); else the name without the words naming its
    country, with the country coded ("U.S. Border Patrol", "American Border Patrol" and "Border
    Patrol", coded USA by sectors.tsv, are one; "Navy", of no country said, is not "U.S. Navy")."""
    known = dictionary().canonical(m.name)
    if known is not None:
        return "known:" + known
    words = m.name.split()
    while len(words) > 1 and country_of(words[0]) is not None:
        words = words[1:]
    return f"{m.coding.country}:{' '.join(words).lower()}"


def _window(m: _Mention, recent: list[_Mention], sentences: int = _LOOKBACK_SENTENCES) -> list[_Mention]:
    return [r for r in reversed(recent) if m.sentence - r.sentence <= sentences and r.start < m.start]


def _resolve_pronoun(m: _Mention, recent: list[_Mention]) -> _Group | None:
    for r in _window(m, recent):
        if r.actor is None:
            continue
        if m.kind == "person" and r.actor.kind == "person":
            return r.actor
        if m.kind == "group" and r.actor.kind in ("group", "organization") and \
                r.head.tag_ in ("NNS", "NNPS"):
            return r.actor
    return None


def _resolve_description(m: _Mention, recent: list[_Mention]) -> _Group | None:
    head = m.head.lemma_.lower()
    window = _window(m, recent)
    # A title is distinctive: "the president" is the latest person so titled, however far back.
    for r in reversed(recent):
        group = r.actor
        if group is not None and m.kind == "person" and group.kind == "person" \
                and head in group.title_words and r.start < m.start \
                and m.coding.country in (None, group.coding.country):
            return group
    if m.kind != "person":
        # "the cartels": the latest group with that very head, else the latest of the same sector
        plural = m.head.tag_ in ("NNS", "NNPS")

        def fits(r: _Mention) -> bool:
            # "the cartels" is not one cartel (nor "the Jalisco Cartel"); a named body of another
            # name takes either number ("the agents" of "Border Patrol")
            agrees = (r.head.tag_ in ("NNS", "NNPS")) == plural or (
                r.head.pos_ == "PROPN" and r.head.lemma_.lower() != head)
            return (r.actor is not None and r.actor.kind not in ("person", "country") and agrees
                    and bool(set(m.coding.sectors) & set(r.actor.coding.sectors))
                    and m.coding.country in (None, r.actor.coding.country))

        # the same head word anywhere before ("the cartels" ... "Mexican drug cartels"), else the
        # latest actor of the same sector nearby ("the agents" after "Border Patrol")
        same_head = [r for r in reversed(recent) if r.start < m.start and fits(r)
                     and r.head.lemma_.lower() == head]
        best = same_head or [r for r in window if fits(r)]
        if best:
            return best[0].actor
    if m.kind == "person":  # "the Republican": the latest person named as a subject
        for r in _window(m, recent, sentences=_LOOKBACK_SENTENCES * 2):
            if r.actor is not None and r.actor.kind == "person" and r.head.dep_.startswith("nsubj") \
                    and _may_be(m, r.actor, head) and not _same_clause(m, r):
                return r.actor
    return None


def _may_be(m: _Mention, group: _Group, head: str) -> bool:
    """May a description with no title match stand for this person? Not one of another country
    ("the Irish premier" after "the British Prime Minister"), nor one titled otherwise ("the
    Prime Minister" after "Imam Suliman Gani"); an untitled name may take any title."""
    if m.coding.country and group.coding.country and m.coding.country != group.coding.country:
        return False
    return not group.title_words or head not in _NAMED_OFFICES


def _clause_of(tok) -> Any:
    """The verb whose clause holds `tok`."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _same_clause(m: _Mention, r: _Mention) -> bool:
    """Is `m` in the clause `r` is the subject of? A description there is someone else: "Gani
    demanded an apology from the Prime Minister" is no apology from Gani."""
    return r.head.doc is m.head.doc and _clause_of(m.head).i == r.head.head.i


_STATE_SECTORS = {"GOV", "MIL", "COP", "LEG", "JUD"}


def code_known(groups: list[_Group], day) -> None:
    """Codes from the actor dictionary for the named actors, on the document's day: the text's
    own codes come first, the dictionary fills in the country and adds its sectors; the name is
    the evidence."""
    for g in groups:
        if g.kind == "country":
            continue
        named = [m for m in g.mentions if not m.pronoun and not m.definite
                 and (m.head.ent_type_ in ("PERSON", "ORG", "NORP") or m.head.pos_ == "PROPN")]
        role = next((r for r in (lookup(n, day) for n in dict.fromkeys(
            [g.name] + [m.name for m in named])) if r is not None), None) if named else None
        if role is None:
            continue
        g.coding.merge(Coding(country=role.country or None, sectors=list(role.sectors),
                              evidence=[(named[0].start, named[0].end)]))
        if "IGO" in role.sectors and not g.coding.country:
            # an international body is IGO first, as a state is its country: "World Bank" is
            # IGO BUS, not a business ("bank") that is also an IGO
            g.coding.sectors = ["IGO"] + [s for s in g.coding.sectors if s != "IGO"]
        if role.kind == "person" and g.kind == "organization":
            g.kind = "person"  # "Trump" alone, tagged an organisation


def _home_country(groups: list[_Group]) -> str | None:
    """The country of most of the document's state actors, when one clearly dominates: an
    official whose country the text never states most likely serves it ("Defense Secretary Pete
    Hegseth" in a report on US policy). Such codes get a lower confidence."""
    counts: dict[str, int] = {}
    for g in groups:
        if g.coding.country and set(g.coding.sectors) & _STATE_SECTORS and not g.described:
            counts[g.coding.country] = counts.get(g.coding.country, 0) + len(g.mentions)
    if not counts:
        return None
    best = max(counts, key=counts.get)
    return best if counts[best] >= 0.6 * sum(counts.values()) else None


@stage("actors", requires=("document", "spacy"), assigns=("actors",), version="3", options=NoOptions)
def make_actors(options: dict[str, Any]):
    """Actors from names, descriptions and pronouns, coded country + sectors from the text."""

    def run(state: AnalysisState) -> dict[str, Any]:
        doc_id, text = state.document.id, state.document.text
        groups = group_mentions(collect_mentions(state.spacy_doc))
        code_known(groups, state.document.published)
        home = _home_country(groups)
        actors = []
        for g in groups:
            inferred = g.kind == "person" and g.coding.country is None and home is not None \
                and bool(set(g.coding.sectors) & _STATE_SECTORS)
            if inferred:
                g.coding.country = home
            named = [m for m in g.mentions if not m.pronoun and not m.definite]
            confidence = round((0.8 if named else 0.5) - (0.2 if inferred else 0.0), 2)
            evidence = [Span.of(text, s, e) for s, e in g.coding.evidence]
            actors.append(Actor(
                id=stable_id(DESCRIBED if g.described else "actor", doc_id, g.key), name=g.name, kind=g.kind,
                country=g.coding.country, sectors=list(g.coding.sectors), title=g.title,
                mentions=[Span.of(text, m.start, m.end) for m in g.mentions],
                evidence=evidence or [Span.of(text, g.mentions[0].start, g.mentions[0].end)],
                confidence=confidence,
            ))
        return {"actors": actors}

    return run
