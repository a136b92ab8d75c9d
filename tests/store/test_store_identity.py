"""1,000 documents into SQLite and into PostgreSQL: the same rows, the same ids (issue #8).

The documents are built from the PolNeAR and geo corpora news texts in ../shared/data. To keep
CI at seconds rather than the ~10 minutes the full texts take (bench/store_identity.py runs
those, see RELIABILITY.md), this test keeps each text's first paragraph (up to ~200 characters:
a dateline sentence or two, which still yields actors, events, quotes, places, times and
numbers), and analyses each document once: the second ingest gets the same analyses from a
memo. Both ingests still go through everything the store does: reading the input files,
the skip check, batching, the parallel workers, conversion to rows and the database writes.
"""

from __future__ import annotations

import json
import time

import pytest

import wirecoder
from wirecoder.store import ingest, open_store
from wirecoder.store.actor_registry import rebuild
from wirecoder.store.testing import PG_ENV, corpus_documents, empty_store, pg_test_url, table_keys

N_DOCS = 1000
MAX_CHARS = 200


class MemoPipeline:
    """A pipeline that analyses each document once and hands the same analysis out again
    (picked by document id), so two ingests of one corpus cost one analysis."""

    def __init__(self, nlp):
        self.nlp, self.config, self.coder_version = nlp, nlp.config, nlp.coder_version
        self.stage_labels = nlp.stage_labels
        self.memo: dict[str, object] = {}
        self.analysed = 0
        self.frozen = False  # then a document not analysed yet is an error

    def pipe(self, raws, **kwargs):
        from wirecoder.store.intake import raw_doc_id

        raws = list(raws)
        todo = [r for r in raws if raw_doc_id(r) not in self.memo]
        if todo and self.frozen:
            raise AssertionError(f"{len(todo)} documents were not analysed before")
        for analysis in self.nlp.pipe(todo, **kwargs):
            self.memo[analysis.document.id] = analysis
            self.analysed += 1
        for raw in raws:
            yield self.memo[raw_doc_id(raw)]


@pytest.fixture(scope="module")
def corpus(data_dir, tmp_path_factory):
    docs = corpus_documents(data_dir, N_DOCS, max_chars=MAX_CHARS)
    assert len(docs) == N_DOCS
    root = tmp_path_factory.mktemp("identity")
    # Two formats: the geo articles as one JSONL file, the PolNeAR ones as text files.
    geo = [d for d in docs if not d["url"].startswith("polnear:")]
    with (root / "geo.jsonl").open("w", encoding="utf-8") as fh:
        for d in geo:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    texts = root / "polnear"
    texts.mkdir()
    for i, d in enumerate(d for d in docs if d["url"].startswith("polnear:")):
        (texts / f"{i:04d}.txt").write_text(d["text"] + "\n", encoding="utf-8")
    return root, docs


def test_thousand_documents_same_rows_and_ids_on_sqlite_and_postgresql(corpus, tmp_path):
    url_pg = pg_test_url()
    if not url_pg:
        pytest.skip(f"the SQLite/PostgreSQL identity test needs {PG_ENV}; not set")
    empty_store(url_pg)
    root, docs = corpus
    memo = MemoPipeline(wirecoder.load())
    url_lite = f"sqlite:///{tmp_path / 'identity.db'}"

    started = time.perf_counter()
    lite = ingest([root], url_lite, pipeline=memo, progress=False)
    print(f"SQLite ingest (analysis included): {time.perf_counter() - started:.1f} s")
    assert memo.analysed == lite.stored  # each distinct text analysed once
    memo.frozen = True  # PostgreSQL gets exactly the same analyses (in 2 forked workers)
    started = time.perf_counter()
    pg = ingest([root], url_pg, pipeline=memo, progress=False, workers=2)
    print(f"PostgreSQL ingest (analyses from the memo): {time.perf_counter() - started:.1f} s")
    distinct = len({d["text"].strip() for d in docs})
    assert (lite.stored, lite.failed) == (distinct, 0), lite.errors[:3]
    assert (pg.stored, pg.skipped, pg.failed) == (lite.stored, lite.skipped, 0)

    # The actor registry is incremental: which actor a lone surname joins depends on what was
    # stored before, which differs between one sequential ingest and two parallel workers.
    # Built anew in date order, it is the same on both.
    for url in (url_lite, url_pg):
        with open_store(url) as store:
            rebuild(store)
    keys_lite, keys_pg = table_keys(url_lite), table_keys(url_pg)
    counts = {name: len(rows) for name, rows in keys_lite.items()}
    assert counts == {name: len(rows) for name, rows in keys_pg.items()}
    for name in keys_lite:
        assert keys_lite[name] == keys_pg[name], f"{name}: ids differ"
    # Every kind of record is there, so every table was compared on real rows.
    assert all(counts[t] > 0 for t in ("documents", "sentences", "actors", "events",
                                      "event_arguments", "quotes", "quantities", "times",
                                      "places", "span_packs")), counts
    assert counts["documents"] == distinct
    with open_store(url_lite) as a, open_store(url_pg) as b:
        assert a.counts() == b.counts()
        # A sample read back record for record is the same analysis on both.
        for doc_id in [k[0] for k in keys_lite["documents"][::97]]:
            assert a.analysis(doc_id).to_json() == b.analysis(doc_id).to_json()


def test_corpus_comes_from_both_collections(corpus):
    root, docs = corpus
    polnear = sum(d["url"].startswith("polnear:") for d in docs)
    assert 300 < polnear < N_DOCS  # PolNeAR and geo texts both
    assert all(0 < len(d["text"]) <= 2 * MAX_CHARS or "\n" not in d["text"] for d in docs)
    assert len(list((root / "polnear").glob("*.txt"))) == polnear
