"""The event exports read only the columns their rows use (export_read.lean_analyses, #26) and
write the same bytes as when they rebuilt whole analyses (export_views.whole_analyses): every
event format, per event and per incident, filtered and not, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_event_countries import analyses
from test_exports import handmade
from test_store_scale import copy_of

from wirecoder.records import Span
from wirecoder.store import export, open_store
from wirecoder.store import export_views as views
from wirecoder.store.export_read import LeanAnalysis, lean_analyses

FORMATS = ("gdelt-tsv", "acled-csv", "polecat-tsv", "plover-jsonl")


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.parent.glob(out.name + "*"))}


def _both_ways(monkeypatch, url: str, fmt: str, folder: Path, **options) -> tuple[dict, dict]:
    written = {}
    for name, reader in (("whole", views.whole_analyses), ("lean", lean_analyses)):
        monkeypatch.setattr(views, "read_chunk", reader)
        out = folder / name / f"out.{fmt}"
        out.parent.mkdir(exist_ok=True)
        n = export(url, fmt, out, **options)
        written[name] = (n, _files(out))
    return written["whole"], written["lean"]


def _undated_deadly():
    """The hand-made analysis with no sentence ids (rows find the sentence by offset) and a
    death toll on the attack."""
    a = copy_of(handmade(), 9, 3)
    text = a.document.text
    start = text.index("Gunmen")
    toll = Span.of(text, start, start + len("Gunmen attacked"))
    events = [e.model_copy(update={"sentence_id": None}) for e in a.events]
    events[1] = events[1].model_copy(update={"fatalities": 2, "fatalities_evidence": toll})
    return a.model_copy(update={"events": events})


@pytest.fixture
def filled(store_url, seed_analysis, monkeypatch):
    """Several documents, read two at a time: chunks end inside the store."""
    monkeypatch.setattr(views, "CHUNK_DOCUMENTS", 2)
    with open_store(store_url) as store:
        store.save_many([*analyses(), seed_analysis, copy_of(seed_analysis, 1, 7),
                         _undated_deadly()])
    return store_url


@pytest.mark.parametrize("options", [
    {"min_confidence": 0},
    {"clusters": True, "min_confidence": 0},
    {},
    {"type": "ASSAULT,COERCE", "min_confidence": 0},
], ids=["all", "incidents", "default-confidence", "filtered"])
def test_lean_export_writes_the_same_bytes(filled, tmp_path, monkeypatch, options):
    for fmt in FORMATS:
        folder = tmp_path / fmt
        folder.mkdir()
        whole, lean = _both_ways(monkeypatch, filled, fmt, folder, **options)
        assert whole[0] > 0 or fmt == "acled-csv" and options.get("type"), (fmt, whole)
        assert lean == whole, fmt


def test_lean_reader_holds_only_what_rows_read(filled):
    """No document text, no quotes or quantities: what makes the lean read cheap."""
    with open_store(filled, read_only=True) as store:
        ids = store.document_ids()
        lean = [ctx.analysis for ctx, _ in lean_analyses(store, ids)]
        whole = list(store.analyses(ids))
    assert [a.document.id for a in lean] == [a.document.id for a in whole]
    assert all(isinstance(a, LeanAnalysis) for a in lean)
    assert not hasattr(lean[0].document, "text") and not hasattr(lean[0], "quotes")
    for a, b in zip(lean, whole, strict=True):
        assert [e.id for e in a.events] == [e.id for e in b.events]
        assert [[(s.start, s.end, s.text) for s in e.evidence] for e in a.events] == \
            [[(s.start, s.end, s.text) for s in e.evidence] for e in b.events]
        assert [[r.actor_id for r in e.sources + e.targets] for e in a.events] == \
            [[r.actor_id for r in e.sources + e.targets] for e in b.events]


@pytest.mark.parametrize("cells", [
    ["a", "b c", ""], ["tab\there", "x"], ["line\nbreak", "say \"no\""], ["\r", ""], [None, 3, "x"],
    ["  spaced\t\tout  ", "ok"], [],
])
def test_tsv_line_fast_path_is_tsv_cell(cells):
    from wirecoder.store.export_gdelt import tsv_cell
    from wirecoder.store.exports import _tsv_line

    assert _tsv_line(cells) == "\t".join(tsv_cell(c) for c in cells) + "\n"


def test_gdelt_dates_and_stamp_as_strftime_writes_them():
    from datetime import UTC, date, datetime, timedelta, timezone

    from wirecoder.store.export_gdelt import _stamp, gdelt_dates

    for d in (date(2025, 1, 5), date(1999, 12, 31), date(2024, 2, 29), date(1000, 1, 1)):
        assert gdelt_dates(d, "day")[:2] == [d.strftime("%Y%m%d"), d.strftime("%Y%m")]
    when = datetime(2025, 1, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    assert _stamp(when) == when.astimezone(UTC).strftime("%Y%m%d%H%M%S") == "20250201043000"


def test_lean_reader_reads_only_the_wanted_events(filled):
    with open_store(filled, read_only=True) as store:
        ids = store.document_ids()
        every = [e for ctx, _ in lean_analyses(store, ids) for e in ctx.analysis.events]
        some = {e.id for e in every[::3]}
        kept = [e for ctx, _ in lean_analyses(store, ids, some) for e in ctx.analysis.events]
    assert len(every) > len(some) > 0
    assert [e.id for e in kept] == [e.id for e in every if e.id in some]
    assert [(e.sources, e.targets, e.evidence) for e in kept] == \
        [(e.sources, e.targets, e.evidence) for e in every if e.id in some]
