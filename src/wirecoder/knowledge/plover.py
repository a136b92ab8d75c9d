"""The PLOVER event types (`plover_types.tsv`), one row per type: its CAMEO root, penta class,
threat coding, target prepositions and the groups of types the coder treats alike.

The coder, the evaluation and the exports read types here, never from literals of their own:

    types_in("conflict")        # frozenset of the types in a group
    plover_type("ASSAULT").penta  # 4
    find_type("DEMAND").name    # "REQUEST": a former name finds its type (the exports)
    penta_map()                 # {"AGREE": 1, ...}, the evaluation's penta classes

Groups (the `groups` column):
    conflict          annotated exhaustively in the real-news gold; the conflict precision
    material_conflict force: a REQUEST or a speech verb governing it is covered (event_cover.py)
    pressure          announced or weighed rather than done, it is a THREATEN (event_typing.py)
    cooperative       offered or promised, it is an AGREE (event_typing.py)
    refusable         negated, it is a REJECT (event_typing.py)
    asks              asking others to do a material act is the event, the act only asked for
    threat            a threat: its speaker threatens when no source is named, and its target is
                      sought after it in the sentence
    dominant          its verb's event dominates the act it governs ("refused to withdraw")
    reciprocal        coordinated subjects are a dyad when no target is named
    verbal_reaction   its object may be a report or a result ("rejected the results")
    with_partner      a party after "with" is the target ("discussed Libya with Trump")
    clause_target     the subject of the clause it governs is the target ("demanded that X resign")
    recipient_target  whoever it goes "to" is the target ("returned the skulls to Peru")
    awaits_party      the party of an "until" clause is the target ("until Cuba reforms")
    bare_noun         its nouns are events on their own ("the shooting", "the protest")
    physical          done to things as well as to people ("torched a village")
    violence          needs an agent; problems ("fight the epidemic") and directions ("fired into
                      Mexico") are no targets
    moves_forces      its object is the means (the forces moved), not the target
    fatal             the deaths its sentence reports are its fatalities
    asked_against     asking for it against a party rallies opposition (CAMEO 113, an ACCUSE):
                      "called for sanctions against Moscow", "demanded an inquiry into the killings"
    askable           asked of others by a word that is no trigger ("called for the army to
                      withdraw", "a call to ban the group"), it is that REQUEST (event_requests.py)

Adding a type: add its row here, then use it in the lexicons (plover_verbs.tsv, plover_nouns.tsv,
event_idioms.tsv, event_codings.tsv, event_senses.tsv). `check_coded_types` refuses (W023) a type
those tables name without a row here, so no type is scored as neutral by default.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..errors import KnowledgeError
from . import load_tsv

TYPES_FILE = "plover_types.tsv"
# The shipped tables that name the types the coder can emit, and the column that holds the type.
CODED_TYPE_COLUMNS = (("plover_verbs.tsv", "type"), ("plover_nouns.tsv", "type"),
                      ("event_idioms.tsv", "type"), ("event_codings.tsv", "type"),
                      ("event_senses.tsv", "sense"))


@dataclass(frozen=True)
class PloverType:
    name: str
    cameo: str | None
    penta: int
    threat_mode: str | None
    threat_cameo: str | None
    target_preps: frozenset[str]
    groups: frozenset[str]
    former_names: frozenset[str] = frozenset()
    color: str = ""

    @property
    def quad(self) -> int:
        """The PLOVER manual's class of the type (1 verbal cooperation .. 4 material conflict):
        the `penta` column, which follows it."""
        return self.penta


def _cells(value: str) -> frozenset[str]:
    return frozenset(v.strip() for v in value.split(",") if v.strip())


@cache
def plover_types() -> dict[str, PloverType]:
    """Every PLOVER type of the table, in its order."""
    out = {}
    for row in load_tsv(TYPES_FILE):
        if not row["penta"].isdigit() or int(row["penta"]) not in range(5):
            raise KnowledgeError(f"{TYPES_FILE}: type {row['type']} has no penta class 0-4")
        out[row["type"]] = PloverType(row["type"], row["cameo"] or None, int(row["penta"]),
                                      row["threat_mode"] or None, row["threat_cameo"] or None,
                                      _cells(row["target_preps"]), _cells(row["groups"]),
                                      _cells(row.get("former_names", "")), row.get("color", ""))
    clash = sorted(name for t in out.values() for name in t.former_names if name in out)
    if clash:
        raise KnowledgeError(f"{TYPES_FILE}: {', '.join(clash)} is a type and a former name")
    return out


@cache
def _by_any_name() -> dict[str, PloverType]:
    out = {}
    for row in plover_types().values():
        out.update({former: row for former in row.former_names})
    out.update(plover_types())
    return out


def find_type(name: str | None) -> PloverType | None:
    """The row of a type by its name or a former one (DEMAND is REQUEST), any case; None for a
    name that is no type (a plugin's own type): for the exports, which code what the store holds."""
    return _by_any_name().get((name or "").strip().upper())


def plover_type(name: str) -> PloverType:
    """The row of one type; W023 when the table has none."""
    found = plover_types().get(name)
    if found is None:
        raise KnowledgeError(f"event type {name!r} has no row in knowledge/{TYPES_FILE}")
    return found


@cache
def types_in(group: str) -> frozenset[str]:
    """The types of one group (the `groups` column); W023 for a group no type is in (a misspelt
    group would otherwise switch a rule off without a word)."""
    found = frozenset(t.name for t in plover_types().values() if group in t.groups)
    if not found:
        raise KnowledgeError(f"no type of knowledge/{TYPES_FILE} is in the group {group!r}")
    return found


def type_cameo(name: str) -> str | None:
    """The CAMEO root of a type, None for a name that is no type."""
    found = plover_types().get(name)
    return found.cameo if found is not None else None


@cache
def penta_map() -> dict[str, int]:
    """Type -> ConfliBERT's penta class (1-4)."""
    return {t.name: t.penta for t in plover_types().values()}


@cache
def check_coded_types() -> frozenset[str]:
    """The types the shipped (and user) tables can make the coder emit; W023 naming the first
    that has no row in the type table."""
    coded = set()
    for name, column in CODED_TYPE_COLUMNS:
        coded |= {row[column] for row in load_tsv(name) if row[column].isupper()}
    missing = sorted(coded - set(plover_types()))
    if missing:
        raise KnowledgeError(f"event type(s) {', '.join(missing)} have no row in knowledge/{TYPES_FILE}")
    return frozenset(coded)
