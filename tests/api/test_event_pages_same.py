"""The API's filtered event pages on the events' own order (#26, migration 0013): /api/events at
every offset (a page past the count's cap counted by its own hits) and /api/events/table in the
published sort, both ways, list what the join of each event to its document listed, with the
same totals. A store of five copies of the seed (one undated)."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from api_fixtures import seed_copies_store  # noqa: E402
from conftest import SEED, need  # noqa: E402

LIMIT, CAP = 7, 10


@pytest.fixture(scope="module")
def copies_db(tmp_path_factory, pipeline) -> str:
    return seed_copies_store(need(SEED), tmp_path_factory.mktemp("same"), pipeline)


def joined(store, **filters) -> list[str]:
    """The events' ids as listed before 0013: joined to their documents, in their order."""
    from wirecoder.store.schema import T_DOCS as D
    from wirecoder.store.schema import T_EVENTS as E

    q = (select(E.c.id).select_from(E.join(D, D.c.id == E.c.document_id))
         .where(*store.event_conditions(**filters))
         .order_by(D.c.published.is_(None), D.c.published, D.c.id, E.c.ordinal))
    with store.engine.connect() as conn:
        return list(conn.execute(q).scalars())


def filter_cases(store) -> list[dict]:
    """Filters worth asking of this store: its most common country, type and place word, an
    actor's word, a date range, and a place no event has."""
    from wirecoder.store.schema import T_ACTORS, T_EVENT_COUNTRIES, T_EVENTS, T_PLACES

    def most(column):
        with store.engine.connect() as conn:
            return conn.execute(select(column).group_by(column)
                                .order_by(func.count().desc(), column).limit(1)).scalar()

    actor = most(T_ACTORS.c.name).split()[-1]
    place = most(T_PLACES.c.name)[:5]
    return [{}, {"min_confidence": 0}, {"country": most(T_EVENT_COUNTRIES.c.country)},
            {"type": most(T_EVENTS.c.type)}, {"actor": actor}, {"place": place},
            {"place": "nowhere at all"}, {"since": "2023-01-01", "until": "2024-12-31"},
            {"country": most(T_EVENT_COUNTRIES.c.country), "type": most(T_EVENTS.c.type),
             "min_confidence": 0}]


def test_event_pages_list_what_the_join_listed(copies_db, monkeypatch):
    from wirecoder.api import create_app
    from wirecoder.store import hit_plan, open_store
    from wirecoder.store.queries import with_default_confidence

    monkeypatch.setattr(hit_plan, "COUNT_CAP", CAP)
    with open_store(copies_db, read_only=True) as store:
        cases = [(f, joined(store, **with_default_confidence(f))) for f in filter_cases(store)]
    assert max(len(ids) for _, ids in cases) > 3 * CAP and min(len(ids) for _, ids in cases) == 0
    with TestClient(create_app(copies_db, cache=False)) as client:
        for filters, ids in cases:
            got = []
            for offset in range(0, len(ids) + LIMIT, LIMIT):
                page = client.get("/api/events", params={**filters, "limit": LIMIT,
                                                         "offset": offset}).json()
                bound = max(CAP, offset + LIMIT)
                assert (page["total"], page["total_exact"]) == (
                    min(len(ids), bound + 1), len(ids) <= bound), (filters, offset)
                got += [e["id"] for e in page["items"]]
            assert got == ids, filters
            for order, expected in (("asc", ids), ("desc", None)):
                listed = table(client, order=order, **filters)
                assert sorted(listed) == sorted(ids), filters
                if expected is not None:
                    assert listed == expected, filters


def table(client, **params) -> list[str]:
    pages = [client.get("/api/events/table", params={**params, "limit": LIMIT}).json()]
    while pages[-1]["next"]:
        pages.append(client.get("/api/events/table", params={
            **params, "limit": LIMIT, "after": pages[-1]["next"]}).json())
    return [e["id"] for p in pages for e in p["items"]]
