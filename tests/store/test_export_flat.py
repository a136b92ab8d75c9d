"""GDELT and POLECAT rows straight from the event columns (export_flat.py, #26): the same bytes as
the rows built from the lean analyses (and so from whole analyses, test_export_read.py), on
SQLite and PostgreSQL, filtered and not, with a time that gives the date, a sentence found by
offset, a death toll, a registry code; and the analyses are not rebuilt for them."""

from __future__ import annotations

import pytest
from test_export_read import filled  # noqa: F401  (the fixture)
from test_exports import handmade

from wirecoder.store import export, export_read, open_store
from wirecoder.store import exports as exports_module
from wirecoder.store.queries import spans_text
from wirecoder.store.span_pack import event_evidence, event_offsets, pack

OPTIONS = [{"min_confidence": 0}, {}, {"type": "ASSAULT,COERCE", "min_confidence": 0},
           {"country": "USA", "min_confidence": 0}, {"header": False, "min_confidence": 0}]


def _written(monkeypatch, url: str, fmt: str, out, flat: bool, **options) -> tuple[int, dict]:
    monkeypatch.setattr(exports_module, "FLAT_ROWS", flat)
    out.parent.mkdir(exist_ok=True)
    n = export(url, fmt, out, **options)
    return n, {p.name: p.read_bytes() for p in sorted(out.parent.glob(out.name + "*"))}


@pytest.mark.parametrize("fmt", ["gdelt-tsv", "polecat-tsv"])
@pytest.mark.parametrize("options", OPTIONS,
                         ids=["all", "default-confidence", "type", "country", "no-header"])
def test_flat_rows_are_the_lean_rows(filled, tmp_path, monkeypatch, fmt, options):  # noqa: F811
    lean = _written(monkeypatch, filled, fmt, tmp_path / "lean" / "out", False, **options)
    flat = _written(monkeypatch, filled, fmt, tmp_path / "flat" / "out", True, **options)
    assert lean[0] > 0 and flat == lean


def test_a_party_with_no_stored_actor_and_a_place_without_codes(store_url, tmp_path,
                                                                monkeypatch):
    """An event whose source names an actor id no actor row holds (its words are its name), a
    target with none, and a place with no country: the same cells both ways."""
    a = handmade()
    event = a.events[0]
    source = event.sources[0].model_copy(update={"actor_id": "nobody"})
    place = a.places[0].model_copy(update={"country": None, "admin1": None,
                                           "geonames_id": None, "latitude": None})
    a = a.model_copy(update={
        "events": [event.model_copy(update={"sources": [source], "targets": [],
                                            "place_id": place.id}), *a.events[1:]],
        "places": [place, *a.places[1:]]})
    with open_store(store_url) as store:
        store.save_many([a])
    for fmt in ("gdelt-tsv", "polecat-tsv"):
        lean = _written(monkeypatch, store_url, fmt, tmp_path / f"lean-{fmt}" / "o", False,
                        min_confidence=0)
        flat = _written(monkeypatch, store_url, fmt, tmp_path / f"flat-{fmt}" / "o", True,
                        min_confidence=0)
        assert lean[0] > 0 and flat == lean, fmt


def test_flat_rows_rebuild_no_analysis(filled, tmp_path, monkeypatch):  # noqa: F811
    """The rows come from the joined columns: the lean reader is never called."""
    def refused(*args, **kwargs):
        raise AssertionError("the flat rows read no analysis")

    monkeypatch.setattr(export_read, "_event", refused)
    for fmt in ("gdelt-tsv", "polecat-tsv"):
        assert export(filled, fmt, tmp_path / f"out.{fmt}", min_confidence=0) > 0
    monkeypatch.setattr(exports_module, "FLAT_ROWS", False)
    with pytest.raises(AssertionError, match="no analysis"):
        export(filled, "gdelt-tsv", tmp_path / "lean.tsv", min_confidence=0)


def test_event_offsets_are_the_evidence_spans_text():
    text = "Gunmen attacked a convoy near Reynosa."
    rows = [{"record_id": "e1", "record_kind": "event", "role": "evidence", "ordinal": i,
             "document_id": "d", "start_char": s, "end_char": e, "text": t}
            for i, (s, e, t) in enumerate([(7, 15, "attacked"), (0, 6, "GUNMEN"), (16, 24,
                                                                                    "a convoy")])]
    rows.append({**rows[0], "record_id": "e2", "ordinal": 0})
    rows.append({**rows[0], "record_id": "e3", "role": "trigger"})  # no evidence of its own
    packed = pack(rows, text)
    assert "GUNMEN" in packed  # a span that keeps its text: the slower path
    assert event_offsets(packed) == {eid: spans_text(_spans(spans))
                                     for eid, spans in event_evidence(packed, None).items()}
    assert event_offsets(packed)["e1"] == "7-15;0-6;16-24" and event_offsets(packed)["e3"] == ""
    assert event_offsets(None) == {} == event_offsets("")


def _spans(spans):
    from types import SimpleNamespace

    return [SimpleNamespace(start=s, end=e) for s, e, _ in spans]


def test_acled_reads_the_named_actors_and_times_and_every_place(filled):  # noqa: F811
    """ACLED's read (named_parts): the actors and times its events name, every place of the
    document (a party on a place is no actor), the sentences' texts (its notes)."""
    from wirecoder.store.export_read import lean_analyses

    with open_store(filled, read_only=True) as store:
        ids = store.document_ids()
        full = [ctx.analysis for ctx, _ in lean_analyses(store, ids, evidence_texts=False)]
        named = [ctx.analysis for ctx, _ in lean_analyses(store, ids, evidence_texts=False,
                                                          named_parts=True)]
    assert any(len(b.actors) > len(a.actors) for a, b in zip(named, full, strict=True))
    for a, b in zip(named, full, strict=True):
        used = {r.actor_id for e in b.events for r in e.sources + e.targets} - {None}
        assert [x.id for x in a.actors] == [x.id for x in b.actors if x.id in used]
        assert [t.id for t in a.times] == [t.id for t in b.times
                                           if t.id in {e.time_id for e in b.events}]
        assert a.places == b.places and a.sentences == b.sentences and a.events == b.events
