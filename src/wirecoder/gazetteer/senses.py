"""People and organisations are not places (#25): the sense a name has in one article.

`not_people` keeps the place mentions that are not a person's or an organisation's name.

A name the article holds as a person, one sense per discourse favouring the person:
  - a person's name the article gives in full (a PERSON entity or, when the actor stage ran, a
    person actor, of two to four name words after any title: "Hillary Clinton") or after a
    title ("Mr. Zhvania", "Sen. Tim Scott"): the whole name and its surname ("Clinton"), and its
    given names ("Dar" of "Dar Miller") where nothing at the mention says place and the parser
    tags some bare mention of the name a person, unless the mention names a country, a state, a
    capital or a city of GIVEN_NAME_CITY people ("Austin", "Georgia");
  - a name one of whose mentions has a relative as the possessed noun or in apposition
    ("Georgia's father", "his daughters, Malia and Sasha"), a title just before it, or
    "herself" after it.
  Such a mention stays a place only where the mention itself is placed: a qualifier ("Clinton,
  Maryland"), a settlement or kind noun ("the town of Clinton"), or, on a name the parser tags a
  place, a preposition of place or a list of places ("a rally in Clinton"). A country or state the
  parser tags a place also stays ("Virginia" beside "Virginia Foxx") when nothing at the mention
  says person. Two such names are no town and its qualifier ("support from Anger, Stirling and
  the District Attorney's office", after "Lowell Anger" and "Phillip Stirling").

A news outlet's, agency's or platform's short name ("Xinhua reported", "told the Post":
lang/en/media_names.tsv, an example per row), or an institution's that is also a town's ("in
Congress", "at Harvard": lang/en/institution_names.tsv), is no place unless the text places it
itself ("Post, Texas", "Harvard, Illinois").

Cues that count against a place at one mention (lang/en/name_senses.tsv, an example per row): a
head such as "campaign", "administration", "spokesman" ("the Clinton campaign", "Clinton's
aides"), "according to", a law case's "v.", being the subject of a verb of saying ("Oudshoorn
said"), a possessive. They decide only for a weak mention: one the parser tags a person or leaves
untagged, whose name the gazetteer lacks, or read as a town smaller than WEAK_TOWN ("Cisco said";
"Beijing spokesman" stays Beijing). Such a mention, and every weak mention of the same name, is
no place unless the text places that name somewhere. (The parser's organisation label alone
decides nothing: it tags many small towns so, "the Pirbright laboratory", "of Edmonton".)

Organisations: an acronym ("NATO", "E.U.", "UN") is no town whose name merely has the same
letters (Nato, Eu, Un), and a three-letter country code the parser does not tag a place is an
organisation's ("MAC", "ATF"), unless a preposition of place makes it a place ("in the EU"). A place inside an organisation's name takes none of that name's
cues ("Environment Canada warns").

The words of a person's name are never place words ("Galliard Road", "Village Malakal"), and a
name the gazetteer knows whole is a place's ("Milton Keynes"), whatever the parser's label.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..lang.en import table, words
from .mention import GENERIC, GEO_NOUNS, PLACE_LABELS, SETTLEMENT_NOUNS, SPEECH, TITLES, Mention

_ROWS = table("name_senses")
HEADS = frozenset(r["word"] for r in _ROWS if r["cue"] == "head")
KIN = frozenset(r["word"] for r in _ROWS if r["cue"] == "kin")
RELATIVE = frozenset(r["word"] for r in _ROWS if r["cue"] == "relative")
BEFORE = tuple(tuple(r["word"].split()) for r in _ROWS if r["cue"] == "before")
CASE = frozenset(r["word"] for r in _ROWS if r["cue"] == "case")
# short names of outlets and of institutions that are also towns' names ("Xinhua", "Congress")
MEDIA = {r["name"]: r["the"] for t in ("media_names", "institution_names") for r in table(t)}
REFLEXIVE = words("pronouns", kind="reflexive", refers="person", person="3")
# nouns for a person that make a name in apposition a person's ("Tim Whitley, a city official")
PERSON_NOUNS = words("titles", office="yes") | KIN
_ACRONYM = re.compile(r"(?:[A-Z]\.?){2,5}")
_AREAS = ("country", "admin1", "region")

STRONG, WEAK = "strong", "weak"
# Prepositions that put a name on the map; "heard back from Bernie", "calls to Bernie" do not.
SITE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "around", "across", "throughout"})
TERRITORY_PREPS = frozenset({"in", "across", "throughout"})
SPATIAL_PREPS = frozenset({"near", "outside", "inside", "around", "across", "throughout"})


@dataclass(frozen=True)
class People:
    """What an article holds as people: each full name (name words after any title), surname
    and given name of the people it names in full or with a title, with the character spans that
    name them. Keys: the full name's words, ("", surname), ("~", a name word before the surname)."""

    names: dict[tuple[str, ...], tuple[tuple[int, int], ...]]

    def given(self, doc, m: Mention) -> bool:
        """A one-word mention that is a given name of a person some other stretch of the article
        names in full ("Chela" after "Chela Ortiz", "Donald" after "Donald Trump")."""
        ws = tuple(_name_words(doc[m.tokens[0]:m.tokens[1]]))
        spans = self.names.get(("~", *ws), ()) if len(ws) == 1 else ()
        return any(e <= m.start or s >= m.end for s, e in spans)

    def hold(self, doc, m: Mention) -> str | None:
        """"other" when some other stretch of the article names a person so (one sense per
        discourse), "self" when only this mention's own PERSON entity does, else None."""
        ws = tuple(_name_words(doc[m.tokens[0]:m.tokens[1]]))
        spans = self.names.get(ws, ()) if len(ws) > 1 else self.names.get(("", *ws), ())
        if not spans:
            return None
        return "other" if any(e <= m.start or s >= m.end for s, e in spans) else "self"

    @property
    def surnames(self) -> frozenset[str]:
        return frozenset(k[1] for k in self.names if k[0] == "")

    @property
    def full_names(self) -> frozenset[tuple[str, ...]]:
        return frozenset(k for k in self.names if k[0] != "")


def _is_title(tok) -> bool:
    return tok.lower_.rstrip(".") in TITLES and tok.text[:1].isupper()


def _name_words(tokens: Iterable[Any]) -> list[str]:
    return [t.lower_ for t in tokens if t.is_alpha and t.text[:1].isupper()]


# nouns of places ("Galliard Road", "Giza's Haram district"); with institutions', words no
# person's name holds ("Village Malakal", "Kinder Kitchen" aside)
PLACE_NOUNS = (frozenset(r["word"] for r in _ROWS if r["cue"] == "place_word") | GEO_NOUNS | SETTLEMENT_NOUNS
               | words("place_nouns", landmark="yes"))
PLACE_WORDS = PLACE_NOUNS | GENERIC | words("name_words", org_head="yes")
_INITIAL = re.compile(r"[A-Z]\.")


def _person_name(words_: Sequence[str], gaz) -> tuple[str, ...]:
    """The name words of a person's name after its last title ("Wisconsin Gov. Scott Walker":
    scott, walker), lowercased; empty unless two to four words remain, each a capitalised word
    or an initial, none a place word ("Galliard Road", "Village Malakal"), and the whole no
    place the gazetteer knows by that name or another ("Milton Keynes", "Al Jazirah")."""
    from .names import key

    last = max((k for k, w in enumerate(words_) if w.lower().rstrip(".") in TITLES), default=-1)
    ws = [w for w in words_[last + 1:] if not _INITIAL.fullmatch(w) and w not in ("Jr.", "Sr.")]
    if not 2 <= len(ws) <= 4 or not all(w.replace("-", "").isalpha() and w[:1].isupper() for w in ws) \
            or any(w.lower() in PLACE_WORDS for w in ws):
        return ()
    if gaz is not None and any(c.kind in ("name", "alt") for c in gaz.lookup(key(" ".join(ws)))):
        return ()
    return tuple(w.lower() for w in ws)


def article_people(doc, actors: Sequence[Any] = (), gaz=None) -> People:
    """The people of an article by name: its PERSON entities and the actor stage's people that
    read as a person's full name (`_person_name`), and the name after a title ("Mr. Zhvania",
    "President Barack Obama")."""
    names: dict[tuple[str, ...], list[tuple[int, int]]] = {}

    def add(ws: tuple[str, ...], spans: Iterable[tuple[int, int]]) -> None:
        given = [("~", w) for w in ws[:-1]]  # "Guadalupe" of "Guadalupe Guerra", "Park" of "Park Geun-hye"
        for k in ((ws, ("", ws[-1]), *given) if len(ws) > 1 else (("", *ws),)):
            names.setdefault(k, []).extend(spans)

    for ent in doc.ents:
        if ent.label_ == "PERSON" and (ws := _person_name([t.text for t in ent if not t.is_space], gaz)):
            add(ws, [(ent.start_char, ent.end_char)])
    for actor in actors:
        if getattr(actor, "kind", None) == "person" and (ws := _person_name(actor.name.split(), gaz)):
            add(ws, [(s.start, s.end) for s in actor.mentions])
    for tok in doc:
        if tok.lower_.rstrip(".") not in TITLES:
            continue
        k = tok.i + 1
        while k < len(doc) and k <= tok.i + 3 and doc[k].pos_ == "PROPN" and doc[k].is_alpha \
                and doc[k].text[:1].isupper() and doc[k].lower_ not in PLACE_WORDS \
                and doc[k].lower_.rstrip(".") not in TITLES:
            k += 1
        # "Mr. Zhvania", "President Barack Obama"; a lowercase title only before a full name
        # ("hospital spokeswoman Kerry Hamilton"), as "general" or "chief" start other phrases
        if k > tok.i + 1 and (tok.text[:1].isupper() or k > tok.i + 2):
            add((doc[k - 1].lower_,), [(tok.idx, doc[k - 1].idx + len(doc[k - 1]))])
    return People({k: tuple(v) for k, v in names.items()})


def _among(tok, nouns: frozenset[str]) -> bool:
    return tok.lower_ in nouns or tok.lemma_.lower() in nouns


def _head(tok) -> Any | None:
    """The common noun a name's last word modifies, as a compound ("the Clinton campaign") or a
    possessive ("Clinton's aides"); not further up ("a Miami police spokesman"), and none when the
    name is part of a longer proper name ("St. Michael's Hospital", "Drug Administration")."""
    if tok.dep_ in ("compound", "poss", "nmod") and tok.head.i != tok.i and tok.head.is_lower:
        return tok.head
    return None


def person_cue(doc, m: Mention) -> str | None:
    """What at this mention says person or organisation: STRONG (a relative as the possessed
    noun or in apposition, a title before it, "herself" after it, a clause on it opened by
    "who") or WEAK (a head such as
    "campaign", "according to", a case's "v.", a verb of saying, a possessive), else None.
    A place inside a longer name takes no cue of that name ("Environment Canada warns")."""
    i, j = m.tokens
    if m.label == "INNER":
        return None
    last, root = doc[j - 1], doc[i:j].root
    head = _head(last)
    possessive = (j < len(doc) and doc[j].tag_ == "POS" or last.dep_ == "poss") and not (
        head is not None and head.lower_ in PLACE_NOUNS)  # "Giza's Haram district"
    if possessive and head is not None and _among(head, KIN) \
            or j < len(doc) and doc[j].lower_ in REFLEXIVE or i > 0 and _is_title(doc[i - 1]):
        return STRONG
    if root.dep_ != "pobj" and any(
            c.dep_ == "relcl" and any(w.lower_ in RELATIVE and w.i < c.i for w in c.children)
            for c in root.children):
        # "Harden, who attended 4th grade": no town is a "who"; after a preposition the clause
        # is on someone placed there ("a man in Kashmir, who", "the people of Gaza, who")
        return STRONG
    first, kin = root, False
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head  # "his daughters, Malia and Sasha"
        kin = kin or first.is_lower and _among(first, KIN)  # "and wife, Nina" as a conjunct
    if i >= 2 and doc[i - 1].text == "," and doc[i - 2].is_lower and _among(doc[i - 2], KIN):
        return STRONG  # "and wife, Tonya", whatever the parse attaches her to
    if kin or first.dep_ == "appos" and first.head.is_lower and _among(first.head, PERSON_NOUNS) \
            or any(c.dep_ == "appos" and c.is_lower and _among(c, PERSON_NOUNS)
                   for c in first.children):
        return STRONG  # "his daughters, Malia", "Tim Whitley, a city official"
    if head is not None and _among(head, HEADS):
        return WEAK
    if any(i >= len(p) and tuple(t.lower_ for t in doc[i - len(p):i]) == p for p in BEFORE):
        return WEAK
    if i > 0 and doc[i - 1].lower_ in CASE or j < len(doc) and doc[j].lower_ in CASE:
        return WEAK
    if root.dep_ == "nsubj" and root.head.lemma_.lower() in SPEECH:
        return WEAK
    if possessive and (head is not None or j < len(doc) and doc[j].tag_ == "POS"
                       and (j + 1 >= len(doc) or not doc[j + 1].text[:1].isupper())):
        return WEAK
    return None


def place_cue(doc, m: Mention) -> str | None:
    """What at this mention says place: STRONG (a qualifier, a settlement or kind noun: "Clinton,
    Maryland", "the town of Clinton"), WEAK (a list with a name the parser tags a place, a
    preposition of place on the name itself, not on a noun it modifies: "in Clinton", not "in
    the Clinton campaign"), else None."""
    from .accept import settlement_noun
    from .sentence import named_kind

    i, j = m.tokens
    if m.qualifier is not None and not _subject(doc, m.qualifier) or m.is_qualifier \
            or settlement_noun(doc, m) or named_kind(doc, m):
        return STRONG
    if _after_preposition(doc, m) or any(listed_with_a_place(t) for t in doc[i:j]):
        return WEAK
    return None


def _after_preposition(doc, m: Mention) -> bool:
    """A preposition of place on the name itself, not on a noun it modifies: "in Clinton", not
    "in the Clinton campaign" or "in Clinton's view"."""
    j = m.tokens[1]
    last = doc[j - 1]
    modifier = last.dep_ in ("compound", "poss") or any(t.tag_ == "POS" for t in last.children) \
        or j < len(doc) and doc[j].tag_ == "POS"
    return m.locative in SITE_PREPS and not modifier


def listed_with_a_place(tok) -> bool:
    """A conjunct of a name the parser tags a place: "Darfur and Malakal"."""
    if tok.dep_ == "conj" and tok.head.ent_type_ in PLACE_LABELS:
        return True
    return any(c.dep_ == "conj" and c.ent_type_ in PLACE_LABELS for c in tok.children)


def _territory(doc, m: Mention) -> bool:
    """An acronym used as a territory: "the ninth country in the EU" (with the article, as "the
    US", "the UK"; not "countries in NATO"), not "at UGA" or "in the EU parliament"."""
    i, j = m.tokens
    nxt = doc[j] if j < len(doc) else None
    return m.locative in TERRITORY_PREPS and i > 0 and doc[i - 1].lower_ == "the" \
        and _after_preposition(doc, m) \
        and (nxt is None or nxt.lower_ not in ("and", "or") and nxt.pos_ not in ("NOUN", "PROPN"))


def _subject(doc, q: Mention) -> bool:
    """A "qualifier" that is the subject of the next clause: "According to Bruschke, China is
    cooperating" qualifies no Bruschke."""
    return doc[q.tokens[0]:q.tokens[1]].root.dep_ in ("nsubj", "nsubjpass")


def _area(m: Mention) -> bool:
    """A country, state or region the parser tags a place, read from the gazetteer's own entry."""
    return m.entry is not None and m.entry.precision in _AREAS and m.label in PLACE_LABELS \
        and not m.extra.get("area_only")


# A town this small, whatever the parser's label, is weak: that its name says, reports or
# advises is the mark of a firm or a person ("Cisco said", "Cisco issued a report").
WEAK_TOWN = 20_000


def _weak(m: Mention) -> bool:
    """A name the gazetteer lacks (placed only at its area, if at all), the parser tags a person
    or leaves untagged, or a small town (WEAK_TOWN) that is no capital."""
    return m.label in ("PERSON", "SCAN") or m.entry is None or bool(m.extra.get("area_only")) \
        or m.label != "INNER" and _small_town(m)


def organisation_acronym(m: Mention) -> bool:
    """'NATO' is no Nato, 'E.U.' no Eu, 'MAC' (untagged) no Macao: an acronym (dotted, or of two
    or three capitals, or longer and not tagged a place: "ROME —" is a dateline) read as a town
    that merely has the same letters, or as a three-letter country code the parser does not tag
    a place."""
    if not _ACRONYM.fullmatch(m.text) or m.entry is None or m.qualifier is not None or m.is_qualifier:
        return False
    letters = m.text.replace(".", "")
    if "." not in m.text and len(letters) > 3 and m.label in PLACE_LABELS:
        return False
    e = m.entry
    kinds = {c.kind for c in m.candidates if c.entry.id == e.id}
    if e.precision in ("locality", "point") and kinds == {"name"} and not e.name.isupper():
        return True
    return e.precision == "country" and len(letters) == 3 and m.label not in PLACE_LABELS \
        and kinds == {"abbr"}


def not_people(doc, mentions: list[Mention], actors: Sequence[Any] = (), gaz=None) -> list[Mention]:
    """The mentions that are places, not people's or organisations' names (see the module)."""
    people = article_people(doc, actors, gaz)
    cues = {id(m): (person_cue(doc, m), place_cue(doc, m)) for m in mentions if not m.demonym}
    for a, b in _people_pairs(doc, mentions, people):
        # "support from Anger, Stirling and the District Attorney's office": two people the
        # article names in full, no town qualified by another
        cues[id(a)], cues[id(b)] = (cues[id(a)][0], None), (cues[id(b)][0], None)
    strong_person = {m.key for m in mentions if cues.get(id(m), (None,))[0] == STRONG}
    weak_person = {m.key for m in mentions if cues.get(id(m), (None,))[0] == WEAK and _weak(m)}
    placed = {m.key for m in mentions if id(m) in cues and cues[id(m)][1] and not cues[id(m)][0]}
    # a given name alone is the person where nothing at it says place ("in", a list of places)
    # and the parser tags some bare mention of it a person ("Dar was lesbian ... Dar didn't smoke")
    tagged_person = {m.key for m in mentions if m.label == "PERSON"}
    given = {id(m) for m in mentions if id(m) in cues and cues[id(m)][1] is None
             and m.key in tagged_person and people.given(doc, m) and not _big(m)}
    return [m for m in mentions if m.demonym or _is_place(doc, m, *cues[id(m)], people,
                                                          strong_person, weak_person, placed, given)]


def _small_town(m: Mention) -> bool:
    e = m.entry
    return e is not None and e.precision == "locality" and e.population < WEAK_TOWN \
        and e.fcode not in ("PPLC", "PPLA", "PPLG") and not m.extra.get("area_only")


def _is_place(doc, m: Mention, person: str | None, place: str | None, people: People,
              strong_person: set[str], weak_person: set[str], placed: set[str],
              given: set[int] = frozenset()) -> bool:
    if organisation_acronym(m):
        return _territory(doc, m)
    if media_name(doc, m):
        return place == STRONG  # "Xinhua reported", "told the Post"; not "Post, Texas"
    if place == STRONG:
        return True
    if person == STRONG or m.key in strong_person:
        return place == WEAK and m.label in PLACE_LABELS and person is None
    held = people.hold(doc, m) or id(m) in given and "other"
    if held:
        # a name only its own PERSON label makes a person's: a spatial preposition places it
        # ("near Guadalupe Guerra"), not "in" ("the next great sprinter in Andre De Grasse")
        return person is None and (place == WEAK and m.label in PLACE_LABELS or _area(m)
                                   or held == "self" and m.locative in SPATIAL_PREPS)
    if m.key in weak_person and _weak(m):
        # one sense per article: a name some cue makes a person's, unless the text places it,
        # but never where it heads a person's entourage ("in Clinton, Iowa ... the Clinton
        # campaign")
        return place is not None or m.key in placed and not _used_as_person(doc, m)
    if place is None and _town(m) and _used_as_person(doc, m):
        # "the Lincoln administration", "Lincoln's aides", even tagged a place or an organisation:
        # a town has no campaign or aides; a capital may stand for its government
        return False
    return True


def _named_person(doc, m: Mention, people: People) -> bool:
    return people.hold(doc, m) == "other"


def _people_pairs(doc, mentions: list[Mention], people: People) -> list[tuple[Mention, Mention]]:
    """A name and its "qualifier" that both name people of the article ("Anger, Stirling")."""
    by_start = {m.start: m for m in mentions if not m.demonym}
    return [(m, by_start[q.start]) for m in mentions
            if (q := m.qualifier) is not None and by_start.get(q.start) not in (None, m)
            and _named_person(doc, m, people) and _named_person(doc, q, people)]


# A town a person's given name also names stays a place when it is a capital or at least this
# big ("Austin", "Sydney", "Calgary" of "Calgary MLA Sandra Jansen"); smaller namesakes are the
# person ("Chela", "Dar").
GIVEN_NAME_CITY = 100_000


def _big(m: Mention) -> bool:
    e = m.entry
    return e is not None and (e.precision in _AREAS or e.population >= GIVEN_NAME_CITY
                              or e.fcode in ("PPLC", "PPLA"))


def media_name(doc, m: Mention) -> bool:
    """ "Xinhua reported", "told the Post", "in Congress": a news outlet's, agency's, platform's
    or institution's short name (lang/en/media_names.tsv, institution_names.tsv; some only after
    "the")."""
    i = m.tokens[0]
    the = MEDIA.get(m.text, MEDIA.get(m.text.title()) if m.text.isupper() else None)
    return the is not None and (the != "yes" or i > 0 and doc[i - 1].lower_ == "the")


def _town(m: Mention) -> bool:
    """A town (no capital) read from the gazetteer's own entry, whatever the parser's label, but
    not inside a longer name ("the Lincoln Center campaign")."""
    return m.label != "INNER" and m.entry is not None and m.entry.precision == "locality" \
        and m.entry.fcode not in ("PPLC", "PPLG") and not m.extra.get("area_only")


def _used_as_person(doc, m: Mention) -> bool:
    """The mention modifies a person's entourage or office ("the Clinton campaign", "Clinton's
    aides": a `head` row of name_senses.tsv). Not the subject of a verb of saying: a town's
    council speaks as the town ("Toronto said it would close three parks")."""
    head = _head(doc[m.tokens[1] - 1])
    return head is not None and _among(head, HEADS)
