"""The records' spans packed per document, offsets only (#26, migration 0011, span_pack.py)."""

from __future__ import annotations

from sqlalchemy import create_engine, func, select
from test_exports import handmade

from wirecoder.records import Span
from wirecoder.store import export, migrate, open_store
from wirecoder.store.convert import analysis_to_rows, utcnow
from wirecoder.store.repository import resolve_url
from wirecoder.store.schema import T_SPAN_PACKS
from wirecoder.store.span_pack import EVIDENCE_SPANS, event_evidence, pack, unpack
from wirecoder.store.testing import insert_as_before_0011

TEXT = "Gunmen attacked a convoy near Reynosa."


def _row(rid: str, kind: str, role: str, ordinal: int, start: int, end: int, text: str):
    return {"record_id": rid, "record_kind": kind, "role": role, "ordinal": ordinal,
            "document_id": "d", "start_char": start, "end_char": end, "text": text}


def test_a_pack_reads_back_every_row_and_keeps_text_only_where_it_differs():
    rows = [_row("e1", "event", "evidence", 1, 0, 6, "Gunmen"),
            _row("e1", "event", "evidence", 0, 7, 15, "attacked"),
            _row("a1", "actor", "mention", 0, 0, 6, "GUNMEN"),  # not the text at its offsets
            _row("a1", "actor", "evidence", 0, 30, 30, ""),
            _row("q1", "quote", "content", 0, 16, 24, "a convoy")]
    packed = pack(rows, TEXT)
    assert "attacked" not in packed and "GUNMEN" in packed
    key = lambda r: (r["record_id"], r["role"], r["ordinal"])  # noqa: E731
    assert sorted(unpack(packed, TEXT, "d"), key=key) == sorted(rows, key=key)
    assert event_evidence(packed, TEXT) == {"e1": [(7, 15, "attacked"), (0, 6, "Gunmen")]}
    assert list(unpack(pack([], TEXT), TEXT, "d")) == []


def test_a_saved_analysis_is_one_pack_a_document_and_reads_back_the_same(store_url,
                                                                         seed_analysis):
    odd = handmade()
    actor = odd.actors[0]  # a mention whose text is not the document's at its offsets
    odd.actors[0] = actor.model_copy(update={"mentions": [
        Span(start=actor.mentions[0].start, end=actor.mentions[0].end, text="POLICE")]})
    with open_store(store_url) as store:
        store.save_many([seed_analysis, odd])
        with store.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(T_SPAN_PACKS)).scalar() == 2
        assert store.analysis(seed_analysis.document.id).to_json() == seed_analysis.to_json()
        assert store.analysis(odd.document.id).to_json() == odd.to_json()
        # the query path reads the packs of the hits' documents only
        events = {e.id: e for e in store.events(min_confidence=0)}
        for e in [*seed_analysis.events, *odd.events]:
            assert events[e.id].evidence == e.evidence
        quotes = {q.id: q for q in store.quotes()}
        assert quotes and all(quotes[q.id].content == q.content for q in seed_analysis.quotes)


def _old_rows(conn) -> list[tuple]:
    return sorted(tuple(r) for r in conn.execute(select(EVIDENCE_SPANS)))


def test_migration_0011_packs_the_stored_spans_and_the_downgrade_unpacks_them(
        store_url, seed_analysis, tmp_path):
    migrate(store_url, "0010")
    engine = create_engine(resolve_url(store_url))
    expected: list[dict] = []
    try:
        with engine.begin() as conn:
            for analysis in (seed_analysis, handmade()):
                rows = analysis_to_rows(analysis, None, utcnow())
                insert_as_before_0011(conn, rows)
                expected += [r for p in rows["span_packs"] for r in
                             unpack(p["spans"], analysis.document.text, p["document_id"])]
            before = _old_rows(conn)
        assert len(before) == len(expected) > 100
        migrate(store_url)
        with engine.connect() as conn:
            assert not engine.dialect.has_table(conn, "evidence_spans")
            assert conn.execute(select(func.count()).select_from(T_SPAN_PACKS)).scalar() == 2
        with open_store(store_url) as store:
            assert store.analysis(seed_analysis.document.id).to_json() == seed_analysis.to_json()
            assert store.analysis("doc_handmade").to_json() == handmade().to_json()
        # the exports read the packs: the GDELT sidecar's evidence offsets are the events'
        out = tmp_path / "events.tsv"
        assert export(store_url, "gdelt-tsv", out, min_confidence=0) > 3
        sidecar = (tmp_path / "events.tsv.wirecoder.tsv").read_text("utf-8")
        assert "\tevent_aaaa000000000001\tdoc_handmade\t" in sidecar
        migrate(store_url, "0010")
        with engine.connect() as conn:
            assert not engine.dialect.has_table(conn, "span_packs")
            assert _old_rows(conn) == before
    finally:
        engine.dispose()
    migrate(store_url)
