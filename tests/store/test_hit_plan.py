"""Pages of events on a big store (#26, store/hit_plan.py): a SQLite page of a filter no index
narrows walks the documents in the listing's order and stops, and the counts a page shows
stop at a bound, saying so, with paging unchanged."""

from __future__ import annotations

import pytest
from query_plans import query_plans
from test_event_countries import analyses
from test_export_read import _undated_deadly
from test_store_scale import copy_of

from wirecoder.store import hit_plan, open_store
from wirecoder.store.event_order import event_page


@pytest.fixture
def filled(store_url, seed_analysis):
    with open_store(store_url) as store:
        store.save_many([*analyses(), seed_analysis, copy_of(seed_analysis, 1, 7),
                         copy_of(seed_analysis, 2, 40), _undated_deadly()])
    return store_url


@pytest.mark.parametrize("filters", [{"min_confidence": 0.5}, {"type": "ASSAULT"},
                                     {"actor": "police"}, {"since": "2000-01-01"}],
                         ids=["confidence", "type", "actor", "long-dates"])
def test_a_page_walks_the_documents_in_order(tmp_path, filled, filters):
    """Before, SQLite read every event and sorted every hit to return the first 100."""
    if not filled.startswith("sqlite"):
        pytest.skip("the walk is SQLite's; PostgreSQL's planner chooses itself")
    with open_store(filled, read_only=True) as store:
        every = store.event_hits(**filters)
        page: list = []
        plans = query_plans(store, lambda: page.extend(store.event_hits(limit=2, **filters)))
        assert page == every[:2] and every
        # the order's index (within the type's, for a type), not a sort of every hit (on a
        # store this small SQLite may sort a type's ties in the order's right part)
        assert any(f"ix_events_{index}_order" in p for p in plans
                   for index in ("published", "type")), plans
        assert "USE TEMP B-TREE FOR ORDER BY" not in plans, plans
        # an offset pages on in the same order
        assert store.event_hits(limit=2, offset=1, **filters) == every[1:3]
        # one document's events come from its index, not from a walk
        doc = every[0][0]
        plans = query_plans(store, lambda: store.event_hits(limit=2, document=doc, **filters))
        assert not any("_order" in p for p in plans), plans


def test_counts_stop_at_a_bound(filled):
    with open_store(filled, read_only=True) as store:
        n = len(store.event_hits(min_confidence=0))
        assert n > 6
        assert store.event_count(min_confidence=0) == n
        assert store.event_count(at_most=3, min_confidence=0) == 4
        assert store.event_count(at_most=n, min_confidence=0) == n
        assert store.event_count(at_most=3, country="USA", min_confidence=0) == min(
            4, len(store.event_hits(country="USA", min_confidence=0)))


@pytest.mark.parametrize("sort,order", [("published", "asc"), ("date", "desc"),
                                        ("confidence", "asc")])
def test_capped_pages_page_as_exact_ones(filled, sort, order):
    """With counts that stop at 2 records past the page, paging forward and back meets the
    same pages as with exact counts; the pages say where their counts are lower bounds."""
    with open_store(filled, read_only=True) as store:
        def walk(cap):
            pages = [event_page(store, sort=sort, order=order, limit=2, count_cap=cap,
                                min_confidence=0)]
            while pages[-1].has_next:
                pages.append(event_page(store, sort=sort, order=order, limit=2, count_cap=cap,
                                        after=pages[-1].hits[-1][1], min_confidence=0))
            back = [event_page(store, sort=sort, order=order, limit=2, count_cap=cap,
                               before=pages[-1].hits[0][1], min_confidence=0)]
            while back[-1].has_previous:
                back.append(event_page(store, sort=sort, order=order, limit=2, count_cap=cap,
                                       before=back[-1].hits[0][1], min_confidence=0))
            return pages, back

        exact, exact_back = walk(None)
        capped, capped_back = walk(2)
    assert [p.hits for p in capped] == [p.hits for p in exact]
    assert [p.hits for p in capped_back] == [p.hits for p in exact_back]
    assert all(p.exact for p in exact)
    assert not capped[0].exact and capped[0].total == 2 + 2 + 1 < exact[0].total
    assert capped[-1].exact is False or capped[-1].total == exact[-1].total


def test_api_pages_say_when_their_total_is_a_lower_bound(filled, monkeypatch):
    from fastapi.testclient import TestClient

    from wirecoder.api import create_app

    with open_store(filled, read_only=True) as store:
        n = store.event_count(min_confidence=0)
    monkeypatch.setattr(hit_plan, "COUNT_CAP", 3)
    with TestClient(create_app(filled, cache=False)) as client:
        first = client.get("/api/events", params={"min_confidence": 0, "limit": 2}).json()
        late = client.get("/api/events", params={"min_confidence": 0, "limit": 2,
                                                 "offset": n - 2}).json()
        table = client.get("/api/events/table", params={"min_confidence": 0, "limit": 2}).json()
    assert first["total"] == 4 and first["total_exact"] is False and len(first["items"]) == 2
    assert late["total"] == n and late["total_exact"] is True and len(late["items"]) == 2
    assert table["total"] == 2 + 3 + 1 and table["exact"] is False and table["next"]


def test_postgresql_asks_a_common_country_and_an_actor_per_event(filled):
    """PostgreSQL hashed every event of a common country (an IN over them) and every argument
    matching an actor's words (an EXISTS under an OR) before it checked the first event: 2-3 s
    for a page or a count stopping at 1,001 at 100,000 documents. A common country is now asked
    per event there too, and no EXISTS of the filters becomes a hashed subplan."""
    if filled.startswith("sqlite"):
        pytest.skip("PostgreSQL's plans")
    with open_store(filled, read_only=True) as store:
        assert store.common_countries(["USA"]) and not store.common_countries(["DEU"])

        def ask():
            for filters in ({"country": "USA"}, {"actor": "police"}, {"place": "reyn"}):
                assert store.event_count(at_most=3, **filters) > 0
                assert store.event_hits(limit=2, **filters)

        plans = query_plans(store, ask, prefix=("SELECT COUNT", "SELECT EVENTS.DOCUMENT_ID"))
    assert plans and not any("hashed SubPlan" in p for p in plans), plans
