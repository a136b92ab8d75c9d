"""The GDELT export builds a row from its event (export_gdelt.gdelt_event_rows, #26), read
slim (offsets only; the actors, places and times its events name), and writes the same bytes
as when each row was built from a Unit and its EventView (the path every other format takes):
SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import event as sa_event
from test_export_read import filled  # noqa: F401  (the fixture)

from wirecoder.store import export, open_store
from wirecoder.store import exports as exports_module
from wirecoder.store.export_read import lean_analyses


def _written(monkeypatch, url: str, out, fast: bool, **options) -> tuple[int, bytes, bytes]:
    monkeypatch.setattr(exports_module, "GDELT_EVENT_ROWS", fast)
    out.parent.mkdir(exist_ok=True)
    n = export(url, "gdelt-tsv", out, **options)
    return n, out.read_bytes(), out.with_name(out.name + ".wirecoder.tsv").read_bytes()


@pytest.mark.parametrize("options", [
    {"min_confidence": 0}, {}, {"type": "ASSAULT,COERCE", "min_confidence": 0},
    {"country": "USA", "min_confidence": 0}, {"clusters": True, "min_confidence": 0},
], ids=["all", "default-confidence", "type", "country", "incidents"])
def test_event_rows_are_the_unit_rows(filled, tmp_path, monkeypatch, options):  # noqa: F811
    unit = _written(monkeypatch, filled, tmp_path / "unit" / "out.tsv", False, **options)
    fast = _written(monkeypatch, filled, tmp_path / "fast" / "out.tsv", True, **options)
    assert unit[0] > 0 and fast == unit


def test_the_slim_reader_reads_no_text_and_only_what_the_events_name(filled,  # noqa: F811
                                                                     monkeypatch):
    """The GDELT rows read offsets only (neither the documents' nor the sentences' texts), and
    of the actors, places and times only those the events name."""
    from wirecoder.store import export_read

    columns: list[str] = []
    plain = export_read._rows

    def rows(conn, cols, *args):
        columns.extend(f"{getattr(getattr(c, 'table', None), 'name', '')}.{c.name}" for c in cols)
        return plain(conn, cols, *args)

    statements: list[str] = []

    def seen(conn, cursor, sql, *args):
        statements.append(sql.lower())

    with open_store(filled, read_only=True) as store:
        ids = store.document_ids()
        full = [(ctx.analysis, s) for ctx, s in lean_analyses(store, ids)]
        monkeypatch.setattr(export_read, "_rows", rows)
        sa_event.listen(store.engine, "before_cursor_execute", seen)
        slim = [(ctx.analysis, s) for ctx, s in lean_analyses(store, ids, slim=True)]
    assert "sentences.start_char" in columns and "sentences.text" not in columns
    assert "documents.id" in columns and "documents.text" not in columns
    assert any("span_packs" in s for s in statements)
    assert not any("documents.text" in s for s in statements)
    for (a, sa), (b, sb) in zip(slim, full, strict=True):
        assert sa == sb and [e.id for e in a.events] == [e.id for e in b.events]
        assert [[(s.start, s.end) for s in e.evidence] for e in a.events] == \
            [[(s.start, s.end) for s in e.evidence] for e in b.events]
        assert all(s.text == "" for e in a.events for s in e.evidence)
        assert [(s.id, s.paragraph) for s in a.sentences] == \
            [(s.id, s.paragraph) for s in b.sentences]
        actors = {r.actor_id for e in b.events for r in e.sources + e.targets} - {None}
        assert [x.id for x in a.actors] == [x.id for x in b.actors if x.id in actors]
        assert [p.id for p in a.places] == [p.id for p in b.places
                                            if p.id in {e.place_id for e in b.events}]
        assert [t.id for t in a.times] == [t.id for t in b.times
                                           if t.id in {e.time_id for e in b.events}]
    assert any(len(b.actors) > len(a.actors) for (a, _), (b, _) in zip(slim, full, strict=True))
