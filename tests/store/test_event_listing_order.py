"""The listings' order as an index of the events (#26, migration 0013): every event holds its
document's publication time (`events.published`), so a page of hits, the API's table in the
published sort, and a page deep behind a cursor read `ix_events_published_order` and stop. The
hits, pages and counts must be exactly those of the join to the documents they replaced."""

from __future__ import annotations

import pytest
from query_plans import query_plans
from sqlalchemy import func, select, union
from test_event_countries import analyses
from test_export_read import _undated_deadly
from test_exports import handmade
from test_store_scale import copy_of

from wirecoder.store import hit_plan, migrate, open_store
from wirecoder.store.event_order import event_page
from wirecoder.store.schema import T_DOCS, T_EVENTS, T_PLACE_NAMES, T_PLACES

# the listing's own statement (its hit query), not the counts beside it
LISTING = "SELECT EVENTS.DOCUMENT_ID, EVENTS.ID"

E, D = T_EVENTS, T_DOCS
FILTERS = [{}, {"min_confidence": 0}, {"country": "USA"}, {"country": "MEX,CHN"},
           {"type": "ASSAULT"}, {"type": "ASSAULT,MOBILIZE", "min_confidence": 0},
           {"since": "2025-02-01", "until": "2025-03-31", "min_confidence": 0},
           {"actor": "police", "min_confidence": 0}, {"place": "reyn", "min_confidence": 0},
           {"place": "nowhere at all"}, {"modality": "asserted", "min_confidence": 0},
           {"country": "USA", "type": "COERCE", "since": "2025-01-01", "min_confidence": 0}]


@pytest.fixture
def filled(store_url):
    with open_store(store_url) as store:
        store.save_many([*analyses(), copy_of(handmade(), 11, 7), copy_of(handmade(), 12, -40),
                         copy_of(handmade(), 13, 7), _undated_deadly(),
                         undated(copy_of(handmade(), 14, 0))])
    return store_url


def undated(analysis):
    return analysis.model_copy(update={"document": analysis.document.model_copy(
        update={"published": None})})


def joined(store, **filters) -> list[tuple]:
    """The hits as they were listed before 0013: each event joined to its document, in the
    document's order (undated last, publication, id), then the event's place in it; with the
    document's publication time, for the orders worked out here."""
    q = (select(E.c.document_id, E.c.id, D.c.published)
         .select_from(E.join(D, D.c.id == E.c.document_id))
         .where(*store.event_conditions(**filters))
         .order_by(D.c.published.is_(None), D.c.published, D.c.id, E.c.ordinal))
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(q)]


def pages(store, limit: int, **params) -> list[tuple[str, str]]:
    """Every page of the published table from the first, by cursor."""
    got = [event_page(store, limit=limit, count_cap=3, **params)]
    while got[-1].has_next:
        got.append(event_page(store, limit=limit, count_cap=3, after=got[-1].hits[-1][1],
                              **params))
    return [h for p in got for h in p.hits]


@pytest.mark.parametrize("common", [None, 1, 10**9], ids=["judged", "narrow", "walked"])
@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: ",".join(f) or "none")
def test_hits_pages_and_counts_are_those_of_the_join(filled, filters, common, monkeypatch):
    """As the store judges a country, a date range or a place's names, and as it would were
    each narrow (listed from an index: IN) or common (asked per event, walking the order)."""
    if common is not None:
        monkeypatch.setattr(hit_plan, "COMMON", common)
    with open_store(filled, read_only=True) as store:
        before = joined(store, **filters)
        hits = [(d, e) for d, e, _ in before]
        assert store.event_hits(**filters) == hits
        for limit, offset in ((1, 0), (2, 0), (3, 2), (100, 0), (2, max(0, len(hits) - 1))):
            assert store.event_hits(limit=limit, offset=offset, **filters) == \
                hits[offset:offset + limit], (limit, offset)
        assert store.event_count(**filters) == len(hits)
        assert store.event_count(at_most=2, **filters) == min(3, len(hits))
        # the dashboard's table in the published sort, both ways, by cursor and from the end
        assert pages(store, 2, **filters) == hits
        newest = sorted(before, key=lambda r: (r[2] is None, -(r[2].timestamp() if r[2] else 0)))
        assert pages(store, 3, order="desc", **filters) == [(d, e) for d, e, _ in newest]
        last = event_page(store, limit=2, last=True, **filters)
        assert last.hits == hits[len(hits) - (len(hits) % 2 or 2):] if hits else not last.hits
    if filters in ({}, {"min_confidence": 0}):
        assert len(hits) > 12  # the filters above are not all empty


def test_events_hold_their_documents_publication_time(filled):
    with open_store(filled) as store:
        assert _mismatched(store) == 0 and _undated(store) > 0
        # a document coded again at another date moves its events with it
        again = copy_of(handmade(), 11, 90)
        store.save(again, reprocess=True)
        assert _mismatched(store) == 0


def _mismatched(store) -> int:
    q = select(E.c.id).select_from(E.join(D, D.c.id == E.c.document_id)).where(
        E.c.published.is_distinct_from(D.c.published))
    with store.engine.connect() as conn:
        return len(conn.execute(q).all())


def _undated(store) -> int:
    with store.engine.connect() as conn:
        return len(conn.execute(select(E.c.id).where(E.c.published.is_(None))).all())


def test_migration_0013_fills_the_events_of_a_store_made_before(filled):
    with open_store(filled, read_only=True) as store:
        before = [store.event_hits(**f) for f in ({}, {"country": "USA"})]
    assert before[1] and before[0] != before[1]
    migrate(filled, "0012")  # as a store made before 0013: no events.published, no index
    with open_store(filled, migrate=False) as store, store.engine.connect() as conn:
        assert "published" not in {c["name"] for c in store.engine.dialect.get_columns(
            conn, "events")}
    migrate(filled)
    with open_store(filled, read_only=True) as store:
        assert _mismatched(store) == 0 and _undated(store) > 0
        assert _place_names(store) == _names_of_places(store)
        assert [store.event_hits(**f) for f in ({}, {"country": "USA"})] == before
        listed = ("SELECT name FROM sqlite_master WHERE type = 'index'"
                  if store.dialect == "sqlite" else "SELECT indexname FROM pg_indexes")
        with store.engine.connect() as conn:
            assert "ix_events_published_order" in set(conn.exec_driver_sql(listed).scalars())


def test_the_published_table_reads_its_index_from_the_cursor(tmp_path):
    """The table (sort=published) sorted every hit of its filter on each page (0.5-5 s on SQLite
    at 100,000 documents); it now reads the order's index, from the cursor on."""
    url = f"sqlite:///{tmp_path / 'table.db'}"
    with open_store(url) as store:
        store.save_many([*analyses(), copy_of(handmade(), 11, 7), _undated_deadly()])
        first = event_page(store, limit=2, min_confidence=0)
        plans = query_plans(store, lambda: event_page(store, limit=2, min_confidence=0,
                                                        after=first.hits[-1][1]), prefix=LISTING)
    assert plans and not any("TEMP B-TREE" in p for p in plans), plans
    assert any("ix_events_published_order" in p for p in plans), plans


def test_a_dated_walk_keeps_to_the_order(tmp_path):
    """A long date range is common: SQLite walks the order rather than list the range from
    ix_events_event_date and sort it (7 s for a combined filter at 100,000 documents)."""
    url = f"sqlite:///{tmp_path / 'dates.db'}"
    with open_store(url) as store:
        store.save_many([*analyses(), copy_of(handmade(), 11, 7)])
        plans = query_plans(store, lambda: store.event_hits(
            limit=2, since="2000-01-01", modality="asserted", min_confidence=0), prefix=LISTING)
    assert any("ix_events_published_order" in p for p in plans), plans
    assert not any("TEMP B-TREE" in p for p in plans), plans


def _place_names(store) -> set[str]:
    with store.engine.connect() as conn:
        return set(conn.execute(select(T_PLACE_NAMES.c.name)).scalars())


def _names_of_places(store) -> set[str]:
    q = union(select(func.lower(T_PLACES.c.name)), select(func.lower(T_PLACES.c.text)))
    with store.engine.connect() as conn:
        return set(conn.execute(q).scalars())


def test_place_names_hold_every_name_the_place_filter_can_match(filled):
    """The place filter asks `place_names` first: no event is read for a place no document
    names. The table must hold every place's name and text as the filter lowers them."""
    with open_store(filled) as store:
        names = _place_names(store)
        assert names == _names_of_places(store) and "reynosa" in names
        assert store.event_hits(place="Oaxaca", min_confidence=0) == []
        moved = handmade().model_copy(deep=True)
        places = [p.model_copy(update={"name": "Oaxaca de Juárez"}) if p.name == "Reynosa" else p
                  for p in moved.places]
        store.save(moved.model_copy(update={"places": places}), reprocess=True)
        assert "oaxaca de juárez" in _place_names(store)
        assert _place_names(store) >= _names_of_places(store)
        found = store.event_hits(place="oaxaca", min_confidence=0)
        assert found and found == [(d, e) for d, e, _ in joined(store, place="oaxaca",
                                                                min_confidence=0)]
        store.delete_document("doc_handmade")  # a name outlives its places: never too few
        assert store.event_hits(place="oaxaca", min_confidence=0) == []
        assert _place_names(store) >= _names_of_places(store)
