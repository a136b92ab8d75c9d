"""The records' spans packed per document (#26, migration 0011): offsets, not repeated text.

Every record keeps lists of spans (evidence of all kinds, an actor's mentions, a quote's
content). They were one `evidence_spans` row each, with their text: about 200 rows and 32 KB a
document on SQLite with the primary key and document index, half the store. A span is a piece
of its document's cleaned text, so it is stored as its offsets into that text, and each
document's spans are one `span_packs` row: a JSON object

    {record_kind: {record_id: {role: [start, end, start, end, ...]}}}

with each role's spans in their order, the events' first (the exports decode only them). A span whose text is not the document's text at its
offsets (nothing the coder makes; a record written by hand could hold one) keeps its text, as a
string right after its end: `[4, 9, "Paris", ...]` reads back exactly.

`unpack` gives back the rows `evidence_spans` held (the same columns, `EVIDENCE_SPANS`), which
`convert.Loaded` rebuilds the records from and the Parquet export writes as
`evidence_spans.parquet`; `event_evidence` reads only the events' evidence (the exports).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, select

from .schema import T_DOCS, T_SPAN_PACKS
from .sql import chunks

# The unpacked rows: what `evidence_spans` held (never created in a store since migration 0011).
EVIDENCE_SPANS = Table(
    "evidence_spans", MetaData(),
    Column("record_id", String, primary_key=True, nullable=False),
    Column("role", String(16), primary_key=True, nullable=False),
    Column("ordinal", Integer, primary_key=True, nullable=False),
    Column("document_id", String, nullable=False),
    Column("record_kind", String(16), nullable=False),
    Column("start_char", Integer, nullable=False),
    Column("end_char", Integer, nullable=False),
    Column("text", Text, nullable=False),
)


def pack(rows: Iterable[dict[str, Any]], text: str) -> str:
    """One document's span rows (record_kind, record_id, role, ordinal, start_char, end_char,
    text) as its `span_packs.spans` value, given the document's cleaned `text`. Each (record,
    role)'s spans go by ordinal; the ordinals are their positions (0, 1, ...), as the store
    writes them."""
    tree: dict[str, dict[str, dict[str, list]]] = {}
    ordered = sorted(rows, key=lambda r: (r["record_kind"] != "event", r["record_kind"],
                                          r["record_id"], r["role"], r["ordinal"]))
    for r in ordered:
        flat = tree.setdefault(r["record_kind"], {}).setdefault(r["record_id"], {}) \
                   .setdefault(r["role"], [])
        start, end = r["start_char"], r["end_char"]
        flat += (start, end)
        if text[start:end] != r["text"]:
            flat.append(r["text"])
    return json.dumps(tree, ensure_ascii=False, separators=(",", ":"))


def _spans(flat: list, text: str | None) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of a packed list of spans (text None: only the texts kept in the
    pack, "" for the others)."""
    i, n = 0, len(flat)
    while i < n:
        start, end = flat[i], flat[i + 1]
        i += 2
        if i < n and isinstance(flat[i], str):
            yield start, end, flat[i]
            i += 1
        else:
            yield start, end, "" if text is None else text[start:end]


def unpack(packed: str | None, text: str, document_id: str) -> Iterator[dict[str, Any]]:
    """The span rows (`EVIDENCE_SPANS`' columns) of a document's pack."""
    for kind, records in json.loads(packed or "{}").items():
        for record_id, roles in records.items():
            for role, flat in roles.items():
                for ordinal, (start, end, said) in enumerate(_spans(flat, text)):
                    yield {"record_id": record_id, "role": role, "ordinal": ordinal,
                           "document_id": document_id, "record_kind": kind,
                           "start_char": start, "end_char": end, "text": said}


_EVENTS_FIRST = '{"event":'
_DECODER = json.JSONDecoder()


def _events(packed: str | None) -> dict[str, Any]:
    """The events' part of a document's pack. `pack` writes the events first: only they are
    decoded."""
    if not packed:
        return {}
    if packed.startswith(_EVENTS_FIRST):
        return _DECODER.raw_decode(packed, len(_EVENTS_FIRST))[0]
    return json.loads(packed).get("event", {})


def event_evidence(packed: str | None, text: str | None,
                   ) -> dict[str, list[tuple[int, int, str]]]:
    """event id -> its evidence spans (start, end, text), in order, of a document's pack (text
    None: offsets only, see `_spans`)."""
    return {eid: list(_spans(roles.get("evidence", ()), text))
            for eid, roles in _events(packed).items()}


def event_offsets(packed: str | None) -> dict[str, str]:
    """event id -> its evidence spans as "start-end;start-end" (queries.spans_text of
    `event_evidence`'s spans), without a tuple per span."""
    out = {}
    for eid, roles in _events(packed).items():
        flat = roles.get("evidence", [])
        try:
            sum(flat)  # offsets only (the usual pack): no tuple per span
        except TypeError:  # a span that keeps its text
            flat = [x for span in _spans(flat, None) for x in span[:2]]
        out[eid] = ";".join(map("{}-{}".format, flat[::2], flat[1::2]))
    return out


def renamed(packed: str, rename) -> str:
    """The pack with each record id passed through `rename` (a copy of a document's rows under
    new ids, as bench/query_scale.py makes)."""
    tree = json.loads(packed)
    out = {kind: {rename(rid): roles for rid, roles in records.items()}
           for kind, records in tree.items()}
    return json.dumps(out, ensure_ascii=False, separators=(",", ":"))


def read(conn, doc_ids: Iterable[str], texts: bool = True) -> dict[str, tuple[str, str | None]]:
    """doc id -> (its pack, its cleaned text), of the stored documents among `doc_ids`; with
    texts=False the packs alone (text None)."""
    out: dict[str, tuple[str, str | None]] = {}
    for part in chunks(sorted(set(doc_ids))):
        if texts:
            q = (select(T_SPAN_PACKS.c.document_id, T_SPAN_PACKS.c.spans, T_DOCS.c.text)
                 .join(T_DOCS, T_DOCS.c.id == T_SPAN_PACKS.c.document_id)
                 .where(T_SPAN_PACKS.c.document_id.in_(part)))
            out.update((d, (p, t)) for d, p, t in conn.execute(q))
        else:
            q = (select(T_SPAN_PACKS.c.document_id, T_SPAN_PACKS.c.spans)
                 .where(T_SPAN_PACKS.c.document_id.in_(part)))
            out.update((d, (p, None)) for d, p in conn.execute(q))
    return out
