"""/api/aggregates after a commit: the documents it stored are counted and added to the counts
kept per filter set (`api.aggregate_cache`), and the answer is the one counted from scratch
(#26). A recoded or deleted document makes the filter's counts start again."""

from __future__ import annotations

import pytest
from test_event_countries import analyses, variant
from test_store_scale import copy_of

from wirecoder.api.data import StoreReader
from wirecoder.store import BadFilter, open_store

FILTERS = [{}, {"min_confidence": 0.7}, {"country": "USA"}, {"country": "MEX,FRA"},
           {"type": "ASSAULT,COERCE"}, {"since": "2025-03-01"}, {"until": "2025-02-10"},
           {"actor": "police"}, {"place": "Reynosa"}, {"modality": "hypothetical"}]
INTERVALS = ["auto", "day", "week", "month"]


def batch(first: int, n: int) -> list:
    """`n` copies of the three hand-made analyses, 9 days apart from copy `first` on."""
    return [copy_of(a, 10 * i + j, 9 * i) for i in range(first, first + n)
            for j, a in enumerate(analyses())]


def same_as_from_scratch(reader: StoreReader) -> None:
    for filters in FILTERS:
        for interval in INTERVALS:
            kept = reader.aggregates(interval, **filters)
            assert kept == reader.aggregates_from_scratch(interval, **filters), (filters, interval)


def test_aggregates_add_what_each_commit_stored(store_url):
    with open_store(store_url) as store:
        reader = StoreReader(store)
        cache = reader._aggregates
        cache.keep = len(FILTERS)  # every filter set kept (the reader keeps a few)
        store.save_many(analyses())
        same_as_from_scratch(reader)
        store.save_many(batch(1, 4))
        same_as_from_scratch(reader)
        assert reader.aggregates()["total"] > 20
        # the next commit: only its documents are read, for each filter set kept
        read = cache.read_documents
        store.save_many(batch(5, 2))
        reader.aggregates()
        assert cache.read_documents - read == 6
        reader.aggregates("week", country="USA")
        assert cache.read_documents - read == 12
        same_as_from_scratch(reader)
        # recoded (other countries, places and actors) and deleted documents
        store.save(variant(1, {"Gunmen": "USA", "Police": "MEX"}, {"Reynosa": "CHN"}),
                   reprocess=True)
        same_as_from_scratch(reader)
        assert store.delete_document("doc_handmade~2")
        assert store.delete_document("doc_handmade~30")
        same_as_from_scratch(reader)
        # unchanged store: nothing read again
        read = cache.read_documents
        reader.aggregates()
        assert cache.read_documents == read


def test_a_bad_filter_is_refused_before_anything_is_counted(store_url):
    with open_store(store_url) as store:
        store.save_many(analyses())
        reader = StoreReader(store)
        with pytest.raises(BadFilter) as err:
            reader.aggregates(type="BOGUS")
        assert err.value.code == "W041" and reader._aggregates.read_documents == 0
