"""A document stored by an earlier run whose id comes again with another text (issue #24: it was
skipped without a word and the new text lost). By default it is analysed again and replaces the
stored one, counted as replaced; `changed_text="keep"` keeps the stored one with W044 naming
both sources. Each runs on SQLite and, with WIRECODER_TEST_PG_URL, on PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import wirecoder
from wirecoder.errors import WirecoderError
from wirecoder.ingest import RawDocument
from wirecoder.store import ingest, open_store

STAGES = ["clean", "parse", "sentences", "actors", "quotes_simple", "events"]


@pytest.fixture(scope="module")
def small_nlp():
    return wirecoder.load({"stages": STAGES})


@pytest.fixture(scope="module")
def paragraphs(seed_text) -> list[str]:
    paras = [" ".join(p.split()) for p in seed_text.split("\n\n") if len(p) > 200]
    assert len(paras) >= 4
    return paras[:4]


def _jsonl(path: Path, rows: list[tuple[str, str]]) -> Path:
    path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in rows))
    return path


def _texts(url: str) -> dict[str, str]:
    with open_store(url) as store:
        return {a.document.id: a.document.original_text for a in store.analyses()}


@pytest.mark.parametrize("workers", [1, 2])
def test_an_id_stored_before_and_sent_with_another_text_is_replaced(store_url, tmp_path,
                                                                    paragraphs, small_nlp, workers):
    p = paragraphs
    monday = _jsonl(tmp_path / "monday.jsonl", [("a", p[0]), ("b", p[1])])
    tuesday = _jsonl(tmp_path / "tuesday.jsonl", [("a", p[2]), ("b", p[1]), ("c", p[3])])
    ingest([monday], store_url, pipeline=small_nlp, progress=False, workers=workers)
    summary = ingest([tuesday], store_url, pipeline=small_nlp, progress=False, workers=workers,
                     batch_size=2)
    assert (summary.stored, summary.replaced, summary.changed, summary.skipped,
            summary.failed) == (1, 1, 1, 1, 0)
    assert "1 replaced (1 with a changed text)" in summary.line()
    assert _texts(store_url) == {"a": p[2], "b": p[1], "c": p[3]}
    with open_store(store_url) as store:
        run = next(r for r in store.runs() if r["id"] == summary.run_id)
    assert (run["documents_seen"], run["documents_replaced"], run["documents_skipped"]) == (3, 1, 1)
    again = ingest([tuesday], store_url, pipeline=small_nlp, progress=False, workers=workers)
    assert (again.stored, again.replaced, again.changed, again.skipped) == (0, 0, 0, 3)


def test_changed_text_keep_keeps_the_stored_one_with_w044_naming_both(store_url, tmp_path,
                                                                     paragraphs, small_nlp):
    p = paragraphs
    monday = _jsonl(tmp_path / "monday.jsonl", [("a", p[0]), ("b", p[1])])
    tuesday = _jsonl(tmp_path / "tuesday.jsonl", [("b", p[1]), ("a", p[2])])
    ingest([monday], store_url, pipeline=small_nlp, progress=False)
    summary = ingest([tuesday], store_url, pipeline=small_nlp, progress=False,
                     changed_text="keep")
    assert (summary.stored, summary.replaced, summary.skipped, summary.failed) == (0, 0, 1, 1)
    assert _texts(store_url) == {"a": p[0], "b": p[1]}
    with open_store(store_url) as store:
        failures = store.failures(summary.run_id)
    assert [(f.code, f.source, f.document_id) for f in failures] == [("W044", f"{tuesday}:2", "a")]
    assert f"{monday}:1" in failures[0].reason


def test_saving_an_analysis_under_a_stored_id_with_another_text_replaces_it(store_url,
                                                                            paragraphs, small_nlp):
    """The store itself (the API's ingest saves one analysis at a time): the same id and text is
    skipped, the same id with another text replaces the stored document."""
    first, same, other = small_nlp.pipe([RawDocument(text=t, doc_id="a", source=s) for t, s in
                                        ((paragraphs[0], "x"), (paragraphs[0], "y"),
                                         (paragraphs[1], "z"))])
    with open_store(store_url) as store:
        assert [store.save(a) for a in (first, same, other)] == ["stored", "skipped", "replaced"]
    assert _texts(store_url) == {"a": paragraphs[1]}


def test_unknown_changed_text_choice_is_refused(tmp_path, small_nlp):
    with pytest.raises(WirecoderError, match="changed_text"):
        ingest([_jsonl(tmp_path / "x.jsonl", [("a", "text")])], f"sqlite:///{tmp_path / 'x.db'}",
               pipeline=small_nlp, progress=False, changed_text="newest")
