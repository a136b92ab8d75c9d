"""Events in a chosen order by keyset (store/event_order.py), on SQLite and PostgreSQL: walking
forward, back and in batches meets every event once, in the order worked out here."""

from __future__ import annotations

import json

import pytest

from conftest import SEED, need

SORTS = ["published", "date", "confidence", "type", "modality"]


@pytest.fixture()
def store(store_url, tmp_path, pipeline):
    from wirecoder.store import ingest, open_store

    jsonl = tmp_path / "copies.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for n, published in enumerate(["2025-01-31", None, "2023-11-20"]):
            fh.write(json.dumps({"id": f"copy{n}", "text": need(SEED).read_text("utf-8"),
                                 "published": published}) + "\n")
    ingest([jsonl], store_url, progress=False, pipeline=pipeline)
    with open_store(store_url) as opened:
        yield opened


def expected(store, sort: str, order: str) -> list[str]:
    """The order from every event's key, sorted here in Python."""
    from sqlalchemy import select

    from wirecoder.store.repository import T_DOCS, T_EVENTS

    columns = {"published": T_DOCS.c.published, "date": T_EVENTS.c.event_date,
               "confidence": T_EVENTS.c.confidence, "type": T_EVENTS.c.type,
               "modality": T_EVENTS.c.modality}

    with store.engine.connect() as conn:
        rows = conn.execute(select(T_EVENTS.c.id, T_EVENTS.c.document_id, T_EVENTS.c.ordinal,
                                   T_DOCS.c.published, columns[sort].label("key"))
                            .select_from(T_EVENTS.join(T_DOCS, T_DOCS.c.id == T_EVENTS.c.document_id))
                            .where(T_EVENTS.c.confidence >= 0.5)).all()
    rows.sort(key=lambda r: (r.published is None, r.published or 0, r.document_id, r.ordinal,
                             r.id))  # the store's own order
    valued = sorted((r for r in rows if r.key is not None), key=lambda r: r.key,
                    reverse=order == "desc")  # stable: ties keep the store's order
    return [r.id for r in valued] + [r.id for r in rows if r.key is None]  # empty last


@pytest.mark.parametrize("order", ["asc", "desc"])
def test_forward_back_and_batches_meet_every_event_in_order(store, order):
    from wirecoder.store.event_order import event_page, iter_event_hits

    for sort in SORTS:
        want = expected(store, sort, order)
        assert len(want) > 60
        pages = [event_page(store, sort=sort, order=order, limit=17, min_confidence=0.5)]
        while pages[-1].has_next:
            pages.append(event_page(store, sort=sort, order=order, limit=17, min_confidence=0.5,
                                    after=pages[-1].hits[-1][1]))
        assert [e for p in pages for _, e in p.hits] == want, sort
        assert [p.start for p in pages] == list(range(0, len(want), 17))
        back = [event_page(store, sort=sort, order=order, limit=17, min_confidence=0.5,
                           last=True)]
        while back[-1].has_previous:
            back.append(event_page(store, sort=sort, order=order, limit=17, min_confidence=0.5,
                                   before=back[-1].hits[0][1]))
        assert [p.hits for p in reversed(back)] == [p.hits for p in pages], sort
        batches = list(iter_event_hits(store, sort=sort, order=order, batch=17,
                                       min_confidence=0.5))
        assert [e for b in batches for _, e in b] == want, sort


def test_publication_order_is_the_stores_own(store):
    from wirecoder.store.event_order import iter_event_hits

    listed = [hit for batch in iter_event_hits(store, batch=10, min_confidence=0.5)
              for hit in batch]
    assert listed == store.event_hits(min_confidence=0.5)


def test_bad_sort_order_and_cursor_are_w041(store):
    from wirecoder.store.errors import BadFilter
    from wirecoder.store.event_order import event_page

    for kwargs in ({"sort": "colour"}, {"order": "sideways"}, {"after": "event_nope"},
                   {"after": "a", "last": True}, {"limit": 0}, {"type": "BOGUS"}):
        with pytest.raises(BadFilter) as caught:
            event_page(store, **kwargs)
        assert caught.value.code == "W041"
