"""A place name that only names a newspaper, a school or a company is no place mention (#25):
"the Auckland Zoo", "Michigan State University", "the Los Angeles Times", "the University of
Iowa", "Peanut Corp. of America".

Both development corpora leave such namesakes unmarked, but TR-News marks some of them (a
school's, a clinic's, a detention centre's), so the places stage reports them unless its option `organisations` is
off; the head word itself ("Centre" of "Trillium Health Centre") is never a place.

A mention names such an organisation when
  - capitalised words follow it up to a head word that ends the name ("Auckland Zoo", "Buffalo
    Public Schools", "the Bucharest Daily News"; not "Edmonton Schools Partnership"), or the name
    goes on with "of" ("Bowman Gray School of Medicine");
  - it follows "of" after such a head ("the University of Calgary"); or
  - the mention is such a head word itself, ending a longer capitalised name ("Trillium Health
    Centre", "Women's College Hospital") or opening one that goes on with "for" or "of" ("the
    Center for Disease Control": no Center, Texas), whatever the option says.
The head words are the rows of lang/en/name_senses.tsv with cue `org_head`, each with an
example. A public body's head is none ("Enfield Council", "the U.S. Department of Justice",
"Queensland Police": the body is the place's), nor a venue where events happen ("Kandahar
airport"). An armed or criminal group's name is never the place's, whatever the option says:
"the Jalisco New Generation Cartel", "the Sinaloa cartel" (rows `group_head`). Nor is a news
outlet's ("the Los Angeles Times", "China Daily", "Agence France-Presse", "the Times of India",
"Television New Zealand": rows `outlet_head`, `outlet_before`): neither corpus marks one, and an
outlet's name says where a report came from, never where anything happened.

It stays a place when the mention itself is placed: it qualifies or is qualified, a possessive
("Brisbane's inner-west"), a dateline. Demonyms are left to the demonym option.
"""

from __future__ import annotations

from ..lang.en import table
from .mention import Mention

ORG_HEADS = frozenset(r["word"] for r in table("name_senses") if r["cue"] == "org_head")
GROUP_HEADS = frozenset(r["word"] for r in table("name_senses") if r["cue"] == "group_head")
OUTLET_HEADS = frozenset(r["word"] for r in table("name_senses") if r["cue"] == "outlet_head")
OUTLET_BEFORE = frozenset(r["word"] for r in table("name_senses") if r["cue"] == "outlet_before")
# group heads that name the group lower-case too, right after the place ("the Sinaloa cartel")
LOWER_GROUP_HEADS = frozenset({"cartel", "cartels"})
_JOINERS = frozenset({"and", "&", "of", "for"})
MAX_GAP = 4  # name words between the place and the head: "Buffalo Science Magnet School"


def _head(tok, heads: frozenset[str] = ORG_HEADS) -> bool:
    return tok.lower_.rstrip(".") in heads or tok.lemma_.lower() in heads


def _capitalised(tok) -> bool:
    return tok.text[:1].isupper() and (tok.is_alpha or "." in tok.text or "-" in tok.text
                                       or tok.text.endswith(("'s", "’s")))


def _ends_name(doc, k: int) -> bool:
    """Token k ends a capitalised name, or the name goes on with "of" ("School of Medicine")."""
    nxt = doc[k + 1] if k + 1 < len(doc) else None
    return nxt is None or not _capitalised(nxt) and nxt.tag_ != "POS" or nxt.lower_ == "of"


def _hyphen(doc, k: int) -> bool:
    """Token k is a hyphen written inside a word ("France-Presse")."""
    return doc[k].text == "-" and not doc[k - 1].whitespace_ and k + 1 < len(doc)


def _head_follows(doc, j: int, heads: frozenset[str] = ORG_HEADS) -> bool:
    """Capitalised words from token j on reach a head word that ends the name."""
    for k in range(j, min(len(doc), j + MAX_GAP + 1)):
        tok = doc[k]
        if _head(tok, heads) and tok.text[:1].isupper() and _ends_name(doc, k):
            return True
        if not (_capitalised(tok) or k > j and tok.lower_ in _JOINERS or _hyphen(doc, k)):
            return False
    return False


def _head_before_of(doc, i: int, heads: frozenset[str] = ORG_HEADS) -> bool:
    """ "the University of Calgary": a capitalised head, then "of", then the name."""
    return i >= 2 and doc[i - 1].lower_ == "of" and _head(doc[i - 2], heads) \
        and doc[i - 2].text[:1].isupper()


def names_outlet(doc, i: int, j: int) -> bool:
    """The name at tokens i..j is inside a news outlet's name: an outlet head ends the name
    ("China Daily", "Agence France-Presse") or comes before "of" ("the Times of India"), or an
    outlet word begins it, up to two capitalised words before ("Television New Zealand", "Radio
    Free Europe")."""
    if j < len(doc) and doc[j].tag_ == "POS":
        return False
    if _head_follows(doc, j, OUTLET_HEADS) or _head_before_of(doc, i, OUTLET_HEADS):
        return True
    for k in range(i - 1, max(-1, i - 3), -1):
        if not _capitalised(doc[k]):
            return False
        if doc[k].lower_ in OUTLET_BEFORE:
            return True
    return False


def _is_head_of_longer_name(doc, i: int, j: int) -> bool:
    """ "Trillium Health Centre": the mention is the head word that ends a longer name."""
    return j - i == 1 and _head(doc[i]) and i > 0 and _capitalised(doc[i - 1]) \
        and doc[i - 1].lower_ not in ("the", "a", "an")


def _head_opens_name(doc, i: int, j: int) -> bool:
    """ "the Center for Disease Control", "the College of Physicians": the mention is a head word
    that opens a name going on with "for" or "of" and a capitalised word."""
    return j - i == 1 and _head(doc[i]) and doc[i].text[:1].isupper() and j + 1 < len(doc) \
        and doc[j].lower_ in ("for", "of") and _capitalised(doc[j + 1])


def org_name_follows(doc, j: int) -> bool:
    """Capitalised words from token j on end in a school's, newspaper's or company's head word
    ("... University", "... Times", "... Zoo"): the name before j begins such a name."""
    return _head_follows(doc, j, ORG_HEADS | OUTLET_HEADS)


def names_group(doc, j: int) -> bool:
    """The name ending before token j begins an armed or criminal group's name ("the Jalisco New
    Generation Cartel", "the Sinaloa cartel"): `group_head` rows of name_senses.tsv."""
    return j < len(doc) and (doc[j].lower_ in LOWER_GROUP_HEADS or _head_follows(doc, j, GROUP_HEADS))


def names_organisation(doc, m: Mention, namesakes: bool = True) -> bool:
    """The mention is only an organisation's head word ("Trillium Health Centre"), or an armed or
    criminal group's or a news outlet's namesake ("the Sinaloa cartel", "the Los Angeles Times",
    whatever `namesakes` says), or, with
    `namesakes`, only the namesake of a newspaper, a school or a company (see the module)."""
    i, j = m.tokens
    if m.demonym or m.qualifier is not None or m.is_qualifier or m.extra.get("dateline"):
        return False
    if _is_head_of_longer_name(doc, i, j) or _head_opens_name(doc, i, j) or names_group(doc, j) \
            or names_outlet(doc, i, j):
        return True
    if not namesakes or j < len(doc) and doc[j].tag_ == "POS":
        return False  # "Brisbane's inner-west"
    return _head_follows(doc, j) or _head_before_of(doc, i)
