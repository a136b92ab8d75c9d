"""Reads of the actor registry: the listing behind `wirecoder actors` and `GET /api/actors`, and
the lookups the dashboard's network joins parties with.

    registry_actors(store, q="trump", country="USA")   # (total, [row, ...]), most events first
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from . import filters as check
from .actor_registry import is_name, name_key
from .errors import BadFilter
from .schema import T_ARGS, T_REGISTRY, T_REGISTRY_LINKS
from .sql import chunks

CODE_FROM = ("dictionary", "text", "none")
KINDS = ("person", "organization", "country", "group")


def registry_actors(store: Any, *, q: str | None = None, country: str | None = None,
                    sector: str | None = None, kind: str | None = None,
                    code_from: str | None = None, min_documents: int = 1,
                    offset: int = 0, limit: int | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Registry actors passing the filters, most events first: (how many pass, one page).

    `q`: a substring of the name or of any name the documents gave it; `country`: ISO 3166
    alpha-3 code(s), comma-separated; `sector`: sector code(s) (GOV, MIL ...); `kind`; `code_from`:
    dictionary, text (learned from a stored span) or none; `min_documents`: named in at least N."""
    R = T_REGISTRY
    conds = []
    if country:
        conds.append(R.c.country.in_(check.countries(country, store.held_countries)))
    if sector:
        codes = [s.strip().upper() for s in sector.split(",") if s.strip()]
        if any(len(c) != 3 or not c.isalpha() for c in codes):
            raise BadFilter(f"sector {sector!r}: three-letter sector codes (GOV, MIL, CRM ...)")
        conds.append(R.c.sector.in_(codes))
    if kind:
        conds.append(R.c.kind.in_(check.choices("actor kind", kind, KINDS)))
    if code_from:
        conds.append(R.c.code_from.in_(check.choices("code source", code_from, CODE_FROM)))
    if min_documents > 1:
        conds.append(R.c.documents >= min_documents)
    rows_limit = check.limit(limit)
    with store.engine.connect() as conn:
        entries = [dict(r._mapping) for r in conn.execute(select(R).where(*conds))]
        aliases = _aliases(conn, [e["id"] for e in entries])
        if q:
            needle = q.lower()
            entries = [e for e in entries if needle in e["name"].lower()
                       or any(needle in a.lower() for a in aliases.get(e["id"], ()))]
        events = _event_counts(conn, [e["id"] for e in entries])
    for e in entries:
        e["aliases"] = sorted(aliases.get(e["id"], ()) - {e["name"]})
        e["events"] = events.get(e["id"], 0)
    entries.sort(key=lambda e: (-e["events"], -e["documents"], e["name"], e["id"]))
    page = entries[offset:] if rows_limit is None else entries[offset:offset + rows_limit]
    return len(entries), [_out(e) for e in page]


def _out(e: dict[str, Any]) -> dict[str, Any]:
    evidence = None
    if e["evidence_text"]:
        evidence = {"document_id": e["evidence_document_id"], "start": e["evidence_start"],
                    "end": e["evidence_end"], "text": e["evidence_text"]}
    return {"id": e["id"], "name": e["name"], "kind": e["kind"], "country": e["country"] or "",
            "sector": e["sector"] or "", "sectors": list(e["sectors"] or []),
            "code_from": e["code_from"], "role": e["role"], "evidence": evidence,
            "conflicts": list(e["conflicts"] or []), "aliases": e["aliases"],
            "documents": e["documents"], "mentions": e["mentions"], "events": e["events"]}


def _aliases(conn: Connection, ids: Sequence[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for part in chunks(list(ids)):
        for rid, name in conn.execute(select(T_REGISTRY_LINKS.c.registry_id, T_REGISTRY_LINKS.c.name)
                                      .distinct().where(T_REGISTRY_LINKS.c.registry_id.in_(part))):
            out[rid].add(name)
    return out


def _event_counts(conn: Connection, ids: Sequence[str]) -> Counter[str]:
    """Events in which a registry actor is a source or a target."""
    out: Counter[str] = Counter()
    L = T_REGISTRY_LINKS
    for part in chunks(list(ids)):
        q = (select(L.c.registry_id, func.count(T_ARGS.c.event_id.distinct()))
             .select_from(L.join(T_ARGS, T_ARGS.c.actor_id == L.c.actor_id))
             .where(L.c.registry_id.in_(part)).group_by(L.c.registry_id))
        out.update({rid: n for rid, n in conn.execute(q)})
    return out


@dataclass(frozen=True)
class Node:
    """A registry actor as a network node."""

    id: str
    name: str
    code: str  # 'USA GOV', 'MEX', '' when uncoded
    country: str = ""  # its parts: 'USA', 'GOV' ('GOV' alone is a sector, not a country)
    sector: str = ""
    sectors: tuple[str, ...] = ()


@dataclass
class RegistryIndex:
    """Document actors to registry nodes, and names to nodes for parties no actor holds."""

    by_actor: dict[str, Node] = field(default_factory=dict)
    by_key: dict[str, Node] = field(default_factory=dict)
    by_surname: dict[str, list[Node]] = field(default_factory=lambda: defaultdict(list))

    def for_text(self, text: str) -> Node | None:
        """The registry actor a party's words name ("Rubio" -> Marco Rubio), if it is a name
        and names exactly one; None for descriptions and pronouns ("Which", "Critics' claims")."""
        if not is_name(text):
            return None
        key = name_key(text)
        if key in self.by_key:
            return self.by_key[key]
        people = self.by_surname.get(key, []) if " " not in key else []
        return people[0] if len(people) == 1 else None


def registry_index(conn: Connection, actor_ids: Sequence[str]) -> RegistryIndex:
    """The nodes of `actor_ids` and the name index of the whole registry."""
    index, nodes = registry_nodes(conn)
    link_actors(conn, index, nodes, actor_ids)
    return index


def registry_nodes(conn: Connection) -> tuple[RegistryIndex, dict[str, Node]]:
    """The name index of the whole registry (no document actor linked yet), and its nodes by id."""
    index = RegistryIndex()
    nodes: dict[str, Node] = {}
    for r in conn.execute(select(T_REGISTRY.c.id, T_REGISTRY.c.key, T_REGISTRY.c.name,
                                 T_REGISTRY.c.kind, T_REGISTRY.c.country, T_REGISTRY.c.sector,
                                 T_REGISTRY.c.sectors)):
        node = Node(r.id, r.name, " ".join(p for p in (r.country, r.sector) if p),
                    r.country or "", r.sector or "", tuple(r.sectors or ()))
        nodes[r.id] = node
        if r.kind == "country":
            continue  # "Mexico" as a party is already the country actor of its document
        index.by_key.setdefault(name_key(r.name), node)
        if r.kind == "person" and len(name_key(r.name).split()) > 1:
            index.by_surname[name_key(r.name).split()[-1]].append(node)
    return index, nodes


def link_actors(conn: Connection, index: RegistryIndex, nodes: dict[str, Node],
                actor_ids: Sequence[str]) -> None:
    """Add the registry node of each document actor of `actor_ids` to `index.by_actor`."""
    L = T_REGISTRY_LINKS
    for part in chunks(list(actor_ids)):
        for actor_id, rid in conn.execute(select(L.c.actor_id, L.c.registry_id)
                                          .where(L.c.actor_id.in_(part))):
            if rid in nodes:
                index.by_actor[actor_id] = nodes[rid]
