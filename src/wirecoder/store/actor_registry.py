"""The actor registry: one actor, one code, across every stored document.

Each document's actors are coded from that document (and the actor dictionary for its date).
When documents are saved, `register` joins each named actor to one registry actor, in the same
transaction:
- a name the actor dictionary knows joins that entry ("Trump", "President Trump" and "Donald
  Trump" are 'dict:donald trump');
- a country joins its code ('country:MEX' for "Mexico" and "Mexican");
- a lone surname joins the one stored person of that surname ("Sheinbaum" joins "Claudia
  Sheinbaum"), and a full name joins a person stored by surname alone, who takes the full name;
- any other name joins the stored actor of the same normalised name.
Descriptions ("suspected cartel members", "Mexico's government") are not registered: they are
coded actors, not named ones.

The registry actor's code (`refresh`): the dictionary's role on the latest day a document
mentions it, with the role as evidence; else the code its documents' own text gave it most often
(ties: the latest), with the span it was read from as evidence and the other codes kept as
conflicts. Documents that left the actor uncoded get that code (`code_from`: learned from the
evidence document).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, insert, select, text, update

from ..lang.en import words
from ..records import Analysis
from .convert import utcnow
from .schema import T_DOCS, T_REGISTRY, T_REGISTRY_LINKS
from .sql import chunks

# Words a name never opens with: articles, quantifiers and every pronoun ("Which", "At least
# none", "An investment pitch", "Some supporters").
_NOT_OPENING = words("pronouns") | {"a", "an", "the", "no", "at", "every", "another", "such",
                                    "more", "less", "nearly", "about", "only", "just", "over"}
# Small words a name may hold in lower case: "Ministry of Defense", "Osama bin Laden".
_NAME_PARTICLES = {"of", "the", "for", "and", "de", "del", "da", "di", "la", "le", "al", "el",
                   "bin", "ibn", "van", "von", "der", "y", "on", "in", "du", "des", "&"}
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_POSSESSIVE = re.compile(r"['’]s?\s+\S", re.UNICODE)


def is_name(text: str) -> bool:
    """Whether a stretch of text is a name ("Donald Trump", "Ministry of Defense", "U.S.") and
    not a description, pronoun or quantity ("Which", "At least none", "An investment pitch",
    "Clinton's advantage")."""
    found = _WORD.findall(text.strip())
    if not found or not text.strip()[:1].isupper():
        return False
    if found[0].lower() in _NOT_OPENING or _POSSESSIVE.search(text):
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in found)


def name_key(name: str) -> str:
    from ..extract.actor_dictionary import name_key as key

    return key(name)


def surname_of(key: str) -> str | None:
    """The last word of a registry key's name ('dict:donald trump' -> 'trump')."""
    words_ = key.split(":", 1)[-1].split()
    return words_[-1] if words_ else None


def registry_id(key: str) -> str:
    return "reg_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class _Candidate:
    """A document's actor to register."""

    actor_id: str
    document_id: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    day: str
    evidence: tuple[int, int, str] | None


def _candidates(analyses: Sequence[Analysis]) -> list[_Candidate]:
    out = []
    for analysis in analyses:
        published = analysis.document.published
        day = published.date().isoformat() if published else ""
        for actor in analysis.actors:
            if actor.described:
                continue  # "four Saudi men": a description, no registry actor
            if actor.kind == "country" and actor.country:
                pass
            elif actor.kind in ("person", "organization", "group") and is_name(actor.name):
                pass
            else:
                continue
            ev = actor.evidence[0] if actor.evidence else None
            out.append(_Candidate(
                actor.id, analysis.document.id, actor.name, actor.kind, actor.country,
                actor.sectors[0] if actor.sectors else None, day,
                (ev.start, ev.end, ev.text) if ev else None))
    return out


@dataclass
class _Entry:
    id: str
    key: str
    name: str
    kind: str


class _Resolver:
    """Keys to registry actors: the stored ones (read as needed) and those this batch adds."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.by_key: dict[str, _Entry | None] = {}
        self.new: dict[str, _Entry] = {}
        self.renamed: dict[str, _Entry] = {}
        # registry actors joined into another: stored ones (their links move), and ones this
        # batch added (never inserted)
        self.merged: dict[str, str] = {}
        self.merged_new: dict[str, str] = {}

    @property
    def stale(self) -> set[str]:
        """Stored actors this batch merged away (their rows still read until it writes)."""
        return set(self.merged)

    def prefetch(self, keys: Iterable[str]) -> None:
        """Read the stored actors of `keys` at once (a missing one is remembered as missing)."""
        R = T_REGISTRY
        todo = sorted({k for k in keys if k not in self.by_key})
        for part in chunks(todo):
            self.by_key.update(dict.fromkeys(part))
            for row in self.conn.execute(select(R.c.id, R.c.key, R.c.name, R.c.kind)
                                         .where(R.c.key.in_(part))):
                self.by_key[row.key] = _Entry(row.id, row.key, row.name, row.kind)

    def get(self, key: str) -> _Entry | None:
        if key not in self.by_key:
            row = self.conn.execute(select(T_REGISTRY.c.id, T_REGISTRY.c.key, T_REGISTRY.c.name,
                                           T_REGISTRY.c.kind)
                                    .where(T_REGISTRY.c.key == key)).first()
            self.by_key[key] = _Entry(row.id, row.key, row.name, row.kind) if row else None
        return self.by_key[key]

    def people_named(self, surname: str) -> list[_Entry]:
        """Stored and new people whose name ends in `surname` (a name key)."""
        found = {e.id: e for e in self.new.values()
                 if e.kind == "person" and surname_of(e.key) == surname}
        R = T_REGISTRY
        for row in self.conn.execute(select(R.c.id, R.c.key, R.c.name, R.c.kind)
                                     .where(R.c.surname == surname, R.c.kind == "person")):
            if row.id not in self.stale:
                found.setdefault(row.id, _Entry(row.id, row.key, row.name, row.kind))
        for e in self.renamed.values():
            if surname_of(e.key) == surname:
                found[e.id] = e
        return list(found.values())

    def add(self, key: str, name: str, kind: str) -> _Entry:
        rid, n = registry_id(key), 0
        taken = {e.id for e in self.new.values()}
        while rid in taken or self.conn.execute(
                select(T_REGISTRY.c.id).where(T_REGISTRY.c.id == rid)).first() is not None:
            n += 1  # a key renamed away keeps its id; a new actor under that key needs another
            rid = registry_id(f"{key}#{n}")
        entry = _Entry(rid, key, name, kind)
        self.by_key[key] = self.new[key] = entry
        return entry

    def resolve(self, c: _Candidate) -> _Entry:
        from ..extract.actor_dictionary import lookup

        if c.kind == "country":
            key = f"country:{c.country}"
            return self.get(key) or self.add(key, _country_name(c.country, c.name), "country")
        role = lookup(c.name, c.day or None)
        if role is not None:
            return self.dictionary_entry(role)
        own = name_key(c.name)
        key = "name:" + own
        if (found := self.get(key)) is not None:
            return found
        parts = own.split()
        if len(parts) == 1 and c.kind in ("person", "organization"):
            people = self.people_named(parts[0])
            if len(people) == 1:
                # "Sheinbaum" is the one Sheinbaum stored (also when the parser took the lone
                # surname for an organisation: "Treviño asked the federal government")
                return people[0]
        if c.kind == "person" and len(parts) > 1:
            if (found := self.known_variant(parts, c.day)) is not None:
                return found
            alone = self.surname_alone(parts[-1])
            if alone is not None:
                # the person stored by surname alone takes the full name, keeping its id
                full = _Entry(alone.id, key, c.name, "person")
                if self.new.pop(alone.key, None) is not None:
                    self.new[key] = full  # added by this batch: inserted under the full name
                else:
                    self.renamed[alone.id] = full
                self.by_key[key], self.by_key[alone.key] = full, None
                return full
        return self.add(key, c.name, c.kind)

    def dictionary_entry(self, role: Any) -> _Entry:
        """The registry actor of a dictionary name; a person stored by surname alone before
        ("Castro", then "Fidel Castro") is merged into it."""
        key = "dict:" + name_key(role.name)
        entry = self.get(key) or self.add(key, role.name, role.kind)
        parts = key.split(":", 1)[1].split()
        if role.kind == "person" and len(parts) > 1:
            alone = self.surname_alone(parts[-1], besides=entry.id)
            if alone is not None:
                if self.new.pop(alone.key, None) is None:
                    self.merged[alone.id] = entry.id
                else:
                    self.merged_new[alone.id] = entry.id
                self.by_key[alone.key] = entry
        return entry

    def surname_alone(self, surname: str, besides: str | None = None) -> _Entry | None:
        """The person stored under `surname` alone, when no other person of that surname is
        stored (but `besides`)."""
        alone = self.get("name:" + surname)
        if alone is None or alone.key != "name:" + surname or alone.kind != "person" \
                or alone.id == besides:
            return None  # none, or already joined to a full name
        others = [p for p in self.people_named(surname) if p.id not in (alone.id, besides)]
        return None if others else alone

    def known_variant(self, parts: list[str], day: str) -> _Entry | None:
        """The actor a fuller or noisier form of a known name is: "Paul D. Ryan" is "Paul Ryan"
        (one middle initial), "Claim That Donald Trump" and "Moderator Hugh Hewitt" (a
        headline's or a title's words before a known name of two words or more)."""
        from ..extract.actor_dictionary import lookup

        variants = []
        if len(parts) == 3 and len(parts[1]) == 1:
            variants.append(parts[:1] + parts[2:])
        variants += [parts[i:] for i in range(1, len(parts) - 1)]
        own = " ".join(parts)
        longer = [p for p in self.people_named(parts[-1])
                  if p.key.split(":", 1)[-1].endswith(" " + own)]
        if len(longer) == 1:  # "Hugh Hewitt" after "Moderator Hugh Hewitt"
            return longer[0]
        if len(parts) == 2:  # "Paul Ryan" after "Paul D. Ryan"
            keyed = [(p, p.key.split(":", 1)[1].split()) for p in self.people_named(parts[1])]
            initialled = [p for p, w in keyed if len(w) == 3 and len(w[1]) == 1 and w[::2] == parts]
            if len(initialled) == 1:
                return initialled[0]
        for words_ in variants:
            name = " ".join(words_)
            role = lookup(name, day or None)
            if role is not None and role.kind == "person":
                return self.dictionary_entry(role)
            found = self.get("name:" + name)
            if found is not None and found.kind == "person":
                return found
        return None


def _likely_keys(c: _Candidate) -> list[str]:
    """The keys `_Resolver.resolve` reads first for a candidate."""
    from ..extract.actor_dictionary import lookup

    if c.kind == "country":
        return [f"country:{c.country}"]
    role = lookup(c.name, c.day or None)
    own = name_key(c.name)
    return ["dict:" + name_key(role.name) if role else "name:" + own,
            "name:" + own.split()[-1] if own else "name:"]


def _country_name(code: str | None, fallback: str) -> str:
    import pycountry

    found = pycountry.countries.get(alpha_3=(code or "").upper())
    return getattr(found, "common_name", None) or getattr(found, "name", None) or fallback


def register(conn: Connection, analyses: Sequence[Analysis], replaced: Iterable[str] = ()) -> None:
    """Link the named actors of `analyses` (just inserted) to the registry and bring the codes
    of every registry actor they touch up to date; `replaced`: the registry ids the documents'
    earlier links held (their rows are gone), refreshed or removed too.

    Concurrent writers take turns here (on PostgreSQL an advisory lock held to the commit; a
    SQLite store has one writer), so each sees the actors the other added. Which actor a lone
    surname joins depends on what is stored when it comes: the registry of an ingest in
    parallel workers can differ from a sequential one's; `rebuild` makes it anew in date order."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(730500118)"))
    resolver = _Resolver(conn)
    candidates = _candidates(analyses)
    resolver.prefetch(k for c in candidates for k in _likely_keys(c))
    links = []
    for c in candidates:
        entry = resolver.resolve(c)
        coded = c.country is not None or c.sector is not None
        links.append({
            "actor_id": c.actor_id, "document_id": c.document_id, "registry_id": entry.id,
            "name": c.name, "country": c.country, "sector": c.sector,
            "how": "text" if coded else "none", "day": c.day or None,
            "evidence_start": c.evidence[0] if c.evidence and coded else None,
            "evidence_end": c.evidence[1] if c.evidence and coded else None,
            "evidence_text": c.evidence[2] if c.evidence and coded else None})
    moved = {**resolver.merged, **resolver.merged_new}
    for link in links:
        while link["registry_id"] in moved:
            link["registry_id"] = moved[link["registry_id"]]
    now = utcnow()
    for old, into in resolver.merged.items():
        conn.execute(update(T_REGISTRY_LINKS).where(T_REGISTRY_LINKS.c.registry_id == old)
                     .values(registry_id=into))
        conn.execute(delete(T_REGISTRY).where(T_REGISTRY.c.id == old))
    if resolver.new:
        conn.execute(insert(T_REGISTRY), [
            {"id": e.id, "key": e.key, "name": e.name, "kind": e.kind,
             "surname": surname_of(e.key) if e.kind == "person" else None, "country": None,
             "sector": None, "sectors": [], "code_from": "none", "role": None,
             "evidence_document_id": None, "evidence_start": None, "evidence_end": None,
             "evidence_text": None, "conflicts": [], "documents": 0, "mentions": 0,
             "updated_at": now} for e in resolver.new.values()])
    for rid, e in resolver.renamed.items():
        conn.execute(update(T_REGISTRY).where(T_REGISTRY.c.id == rid)
                     .values(key=e.key, name=e.name, surname=surname_of(e.key)))
    if links:
        conn.execute(insert(T_REGISTRY_LINKS), links)
    refresh(conn, {link["registry_id"] for link in links} | set(replaced))


def linked_ids(conn: Connection, doc_ids: Sequence[str]) -> set[str]:
    """The registry ids the documents' links hold (read before the documents are replaced)."""
    out: set[str] = set()
    for part in chunks(list(doc_ids)):
        out.update(r for (r,) in conn.execute(select(T_REGISTRY_LINKS.c.registry_id).distinct()
                                              .where(T_REGISTRY_LINKS.c.document_id.in_(part))))
    return out


def refresh(conn: Connection, ids: Iterable[str]) -> None:
    """Recompute the code, evidence, conflicts and counts of the registry actors `ids` from
    their links; one no link holds any more is removed."""
    ids = sorted(set(ids))
    links: dict[str, list[Any]] = defaultdict(list)
    entries: dict[str, Any] = {}
    for part in chunks(ids):
        for row in conn.execute(select(T_REGISTRY_LINKS)
                                .where(T_REGISTRY_LINKS.c.registry_id.in_(part))):
            links[row.registry_id].append(row)
        entries.update({r.id: r for r in conn.execute(
            select(T_REGISTRY).where(T_REGISTRY.c.id.in_(part)))})
    gone = [i for i in ids if not links.get(i)]
    for part in chunks(gone):
        conn.execute(delete(T_REGISTRY).where(T_REGISTRY.c.id.in_(part)))
    now = utcnow()
    for rid, rows in links.items():
        entry = entries.get(rid)
        if entry is not None:
            conn.execute(update(T_REGISTRY).where(T_REGISTRY.c.id == rid)
                         .values(**code_of(entry, rows), updated_at=now))


def code_of(entry: Any, rows: Sequence[Any]) -> dict[str, Any]:
    """The registry actor's code and its evidence, from its links (see the module's docstring)."""
    counts = {"documents": len({r.document_id for r in rows}), "mentions": len(rows)}
    latest = max((r.day or "" for r in rows), default="")
    if entry.key.startswith("dict:"):
        from ..extract.actor_dictionary import lookup

        role = lookup(entry.name, latest or None)
        if role is not None:
            span = f"{role.start or '...'} to {role.end or 'now'}"
            return {**counts, "country": role.country or None,
                    "sector": role.sectors[0] if role.sectors else None,
                    "sectors": list(role.sectors), "code_from": "dictionary", "role": role.role,
                    "evidence_document_id": None, "evidence_start": None, "evidence_end": None,
                    "evidence_text": f"actor dictionary ({role.source}): {role.name}, "
                                     f"{role.role or 'role'}, {span}",
                    "conflicts": _conflicts(rows, lambda r: _dated_code(entry.name, r.day))}
    coded = [r for r in rows if r.how == "text"]
    if not coded:
        return {**counts, "name": _display_name(entry, rows), "country": None, "sector": None,
                "sectors": [], "code_from": "none",
                "role": None, "evidence_document_id": None, "evidence_start": None,
                "evidence_end": None, "evidence_text": None, "conflicts": []}
    tally = Counter((r.country, r.sector) for r in coded)
    last = {code: max(r.day or "" for r in coded if (r.country, r.sector) == code) for code in tally}
    best = max(tally, key=lambda code: (tally[code], last[code], code[0] or "", code[1] or ""))
    proof = min((r for r in coded if (r.country, r.sector) == best),
                key=lambda r: (r.day or "", r.document_id, r.evidence_start or 0))
    return {**counts, "name": _display_name(entry, rows), "country": best[0], "sector": best[1],
            "sectors": [best[1]] if best[1] else [], "code_from": "text", "role": None,
            "evidence_document_id": proof.document_id, "evidence_start": proof.evidence_start,
            "evidence_end": proof.evidence_end, "evidence_text": proof.evidence_text,
            "conflicts": _conflicts(rows, lambda r: best)}


def _display_name(entry: Any, rows: Sequence[Any]) -> str:
    """A full name over a surname ("Jorge Salinas" over "Salinas"); among full names the one its
    documents give most ("Chris Christie" over a misprinted "Chris] Christie"), the one others
    extend ("Hugh Hewitt" over "Moderator Hugh Hewitt"), then the longest."""
    if entry.key.startswith(("dict:", "country:")):
        return entry.name
    names = Counter(r.name for r in rows if is_name(r.name))
    if not names:
        return entry.name

    def rank(n: str) -> tuple:
        core = sum(o != n and o.endswith(" " + n) for o in names)  # names extending it
        return (len(n.split()) > 1, names[n], core, len(n.split()), n)

    return max(names, key=rank)


def _dated_code(name: str, day: str | None) -> tuple[str | None, str | None]:
    """The dictionary's code for `name` on `day`: a 2016 report of Trump as a candidate is no
    conflict with his code as president."""
    from ..extract.actor_dictionary import lookup

    role = lookup(name, day or None)
    return (role.country or None, role.sectors[0] if role.sectors else None) if role else (None, None)


def _conflicts(rows: Sequence[Any], expected: Callable[[Any], tuple[str | None, str | None]]
               ) -> list[dict[str, Any]]:
    """The codes the documents' own text gave the actor against the one `expected` of that
    document, most often given first."""
    other: dict[tuple, list[Any]] = defaultdict(list)
    for r in rows:
        chosen = expected(r)
        if r.how == "text" and (r.country, r.sector) != chosen and (r.country or r.sector):
            # a country alone under a chosen code of that country is no conflict
            if r.sector is None and r.country == chosen[0]:
                continue
            other[(r.country, r.sector)].append(r)
    return [{"country": c, "sector": s, "count": len(found),
             "document_id": min(found, key=lambda r: r.document_id).document_id}
            for (c, s), found in sorted(other.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))]


def rebuild(store: Any) -> int:
    """Build the registry anew from every stored document (`rebuild_on`) in one transaction."""
    with store.engine.begin() as conn:
        done = rebuild_on(conn)
        store.touch(conn)
    return done


def rebuild_on(conn: Connection, chunk: int = 100) -> int:
    """Build the registry anew from every stored document, oldest first, on `conn` (also run
    when a store made before migration 0009 is upgraded); returns the documents read."""
    from .convert import Loaded
    from .schema import DOCUMENT_TABLES
    from .span_pack import EVIDENCE_SPANS

    conn.execute(delete(T_REGISTRY_LINKS))
    conn.execute(delete(T_REGISTRY))
    ids = [r.id for r in conn.execute(select(T_DOCS.c.id).order_by(
        T_DOCS.c.published.is_(None), T_DOCS.c.published, T_DOCS.c.id))]
    # the tables of the store's revision: `evidence_spans` before migration 0011
    tables = [t for t in [*DOCUMENT_TABLES, EVIDENCE_SPANS]
              if conn.dialect.has_table(conn, t.name)]
    for part in chunks(ids, chunk):
        rows = {}
        for table in tables:
            column = table.c.id if table.name == "documents" else table.c.document_id
            rows[table.name] = [dict(r._mapping) for r in
                                conn.execute(select(table).where(column.in_(part)))]
        loaded = Loaded(rows)
        register(conn, [loaded.analysis(i) for i in part])
    return len(ids)
