"""Full-text search over the documents' titles and texts: SQLite FTS5, PostgreSQL's text search.

    cond = search_condition(store, 'cartel "border patrol" fent*')   # on documents.id

A query is words, "quoted phrases" and word prefixes (`fent*`); a document matches when it holds
every one (case aside; accents count, as PostgreSQL keeps them without `unaccent`; no stemming, so "attack" does not find "attacked": write
`attack*`). Both databases cut words and answer alike: SQLite through the `documents_fts` index
(migration 0006), PostgreSQL through `to_tsvector('simple', ...)` with its GIN index. A SQLite
built without FTS5 has no index: there each term is matched as a substring of the title or text
(slower, and "war" finds "software"), which `search_mode` reports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    bindparam,
    func,
    inspect,
    literal_column,
    select,
    text,
)

from .errors import BadFilter
from .repository import T_DOCS, Store

MAX_TERMS = 20
PG_VECTOR = ("to_tsvector('simple'::regconfig, regexp_replace(coalesce(documents.title, '') "
             "|| ' ' || documents.text, '[[:punct:]]+', ' ', 'g'))")
_TERM = re.compile(r'"([^"]*)"|(\S+)')
_WORD = re.compile(r"[^\W_]+")  # letters and digits: what FTS5's unicode61 keeps as words


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # a phrase's words in order; one word for a word or a prefix
    prefix: bool = False


def parse_query(query: str) -> list[Term]:
    """The terms of a search: quoted phrases, words, `word*` prefixes; punctuation only
    separates words. W041 when nothing searchable is left or there are too many terms."""
    terms: list[Term] = []
    for m in _TERM.finditer(query or ""):
        if m.group(1) is not None:
            words = tuple(w.lower() for w in _WORD.findall(m.group(1)))
            if words:
                terms.append(Term(words))
            continue
        raw = m.group(2)
        words = [w.lower() for w in _WORD.findall(raw)]
        if not words:
            continue
        if raw.endswith("*"):
            terms.extend(Term((w,)) for w in words[:-1])
            terms.append(Term((words[-1],), prefix=True))
        elif len(words) > 1:  # "U.S.", "al-Shabaab": the words in a row, as the index cuts them
            terms.append(Term(tuple(words)))
        else:
            terms.append(Term((words[0],)))
    if not terms:
        raise BadFilter(f"search {query!r} holds no word to look for")
    if len(terms) > MAX_TERMS:
        raise BadFilter(f"search {query!r} has {len(terms)} terms; at most {MAX_TERMS}")
    return terms


def fts5_query(terms: list[Term]) -> str:
    """The FTS5 MATCH string: every term quoted (no operator of the user's is read)."""
    return " ".join('"' + " ".join(t.words) + '"' + ("*" if t.prefix else "") for t in terms)


def search_mode(store: Store) -> str:
    """"fts5", "postgresql" or "substring" (a SQLite without the index)."""
    cached = getattr(store, "_search_mode", None)
    if cached is None:
        if store.dialect == "postgresql":
            cached = "postgresql"
        else:
            with store.engine.connect() as conn:
                cached = "fts5" if inspect(conn).has_table("documents_fts") else "substring"
        store._search_mode = cached  # type: ignore[attr-defined]
    return cached


def search_condition(store: Store, query: str) -> ColumnElement:
    """A condition on `documents` (T_DOCS) true for the documents that hold every term."""
    terms = parse_query(query)
    mode = search_mode(store)
    if mode == "fts5":
        found = text("SELECT s.document_id FROM documents_fts JOIN document_search s "
                     "ON s.rowid = documents_fts.rowid WHERE documents_fts MATCH :fts"
                     ).bindparams(bindparam("fts", fts5_query(terms), type_=String)
                                  ).columns(document_id=String)
        return T_DOCS.c.id.in_(select(found.subquery().c.document_id))
    if mode == "postgresql":  # written as the index is (migration 0006), so that it is used
        vector = literal_column(PG_VECTOR)
        return and_(*[vector.op("@@")(func.to_tsquery(
            literal_column("'simple'"), " <-> ".join(t.words) + (":*" if t.prefix else "")))
            for t in terms])
    haystack = func.lower(func.coalesce(T_DOCS.c.title, "") + " " + T_DOCS.c.text)
    return and_(*[haystack.contains(" ".join(t.words), autoescape=True) for t in terms])
