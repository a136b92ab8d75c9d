"""The events' country filter as an indexed lookup (#26, migration 0008): `event_countries` holds
the countries of each event's actors and place, filled when the event is saved and, for stores
made before, by the migration. The filter must match exactly what it matched when it read every
event's arguments, actors and place."""

from __future__ import annotations

from query_plans import query_plans
from sqlalchemy import create_engine, event, exists, or_, select
from test_exports import handmade
from test_store_scale import copy_of

from wirecoder.records import Analysis
from wirecoder.store import migrate, open_store
from wirecoder.store.convert import analysis_to_rows, utcnow
from wirecoder.store.repository import Store, resolve_url
from wirecoder.store.schema import (
    T_ACTORS,
    T_ARGS,
    T_EVENT_COUNTRIES,
    T_EVENTS,
    T_PLACES,
    T_REGISTRY,
    T_REGISTRY_LINKS,
)
from wirecoder.store.testing import insert_as_before_0011


def old_condition(codes: list[str]):
    """The country condition before 0008: a source's or target's actor, or the place; and, since
    the actor registry (0009), the code the registry gives a party."""
    joined = T_ARGS.join(T_ACTORS, T_ACTORS.c.id == T_ARGS.c.actor_id)
    registered = T_ARGS.join(T_REGISTRY_LINKS, T_REGISTRY_LINKS.c.actor_id == T_ARGS.c.actor_id) \
        .join(T_REGISTRY, T_REGISTRY.c.id == T_REGISTRY_LINKS.c.registry_id)
    return or_(
        exists(select(1).select_from(joined).where(
            T_ARGS.c.event_id == T_EVENTS.c.id, T_ACTORS.c.country.in_(codes))),
        exists(select(1).select_from(registered).where(
            T_ARGS.c.event_id == T_EVENTS.c.id, T_REGISTRY.c.country.in_(codes))),
        exists(select(1).where(T_PLACES.c.id == T_EVENTS.c.place_id,
                               T_PLACES.c.country.in_(codes))))


def old_hits(store: Store, codes: list[str], limit: int | None = None, **filters):
    conds = [*store.event_conditions(min_confidence=0, **filters), old_condition(codes)]
    with store.engine.connect() as conn:
        return [(r.document_id, r.id)
                for r in conn.execute(store.hits_query(T_EVENTS, conds, limit))]


def variant(n: int, actors: dict[str, str | None], places: dict[str, str | None],
            both_sources: bool = False) -> Analysis:
    """The hand-made analysis under new ids with other countries (by actor and place name)."""
    a = copy_of(handmade(), n, n)
    new_actors = [x.model_copy(update={"country": actors.get(x.name, x.country)})
                  for x in a.actors]
    new_places = [p.model_copy(update={"country": places.get(p.name, p.country)})
                  for p in a.places]
    events = list(a.events)
    if both_sources:  # two sources of one country: one row for the pair
        first = events[0]
        events[0] = first.model_copy(update={"sources": [*first.sources, *first.targets]})
    return a.model_copy(update={"actors": new_actors, "places": new_places, "events": events})


def analyses() -> list[Analysis]:
    return [
        handmade(),  # arrest: USA actors and place; attack: MEX place only; mobilize: MEX actor only
        variant(1, {"Police": "CAN", "protesters": "CAN", "Gunmen": "GBR", "The governor": None},
                {"Fronton": "CHN", "Reynosa": None}, both_sources=True),
        variant(2, {"Police": None, "protesters": None, "Gunmen": "FRA", "a convoy": "FRA",
                    "The governor": "XKX"}, {"Fronton": "BRA", "Reynosa": "FRA"}),
    ]


QUERIES = [["USA"], ["MEX"], ["CAN"], ["CHN"], ["GBR"], ["FRA"], ["BRA"], ["XKX"],
           ["MEX", "CHN"], ["USA", "FRA", "GBR"], ["DEU"]]


def _same_as_before(store: Store) -> int:
    matched = 0
    held = store.held_countries()
    for codes in QUERIES:
        if "XKX" in codes and "XKX" not in held:  # no ISO code: W041 once no record holds it
            continue
        new = store.event_hits(country=codes, min_confidence=0)
        assert new == old_hits(store, codes), codes
        assert store.event_hits(country=codes, min_confidence=0, limit=2) == old_hits(store, codes, 2)
        assert (store.event_hits(country=codes, type="ASSAULT,MOBILIZE", min_confidence=0)
                == old_hits(store, codes, type="ASSAULT,MOBILIZE"))
        matched += len(new)
    return matched


def test_the_country_filter_matches_what_it_matched_before(store_url):
    with open_store(store_url) as store:
        store.save_many(analyses())
        # the cases: a country from the place only, from an actor only, from both
        mex = {e for _, e in store.event_hits(country="MEX", min_confidence=0)}
        assert mex == {"event_aaaa000000000002", "event_aaaa000000000003"}
        assert {e for _, e in store.event_hits(country="CHN", min_confidence=0)} == {
            "event_aaaa000000000001~1"}
        assert {e for _, e in store.event_hits(country="GBR", min_confidence=0)} == {
            "event_aaaa000000000002~1"}
        assert _same_as_before(store) > 10
        # a recoded document (other countries) and a deleted one keep the two in step
        store.save(variant(1, {"Gunmen": "USA"}, {"Reynosa": "CHN"}), reprocess=True)
        assert {e for _, e in store.event_hits(country="GBR", min_confidence=0)} == set()
        assert store.delete_document("doc_handmade~2")
        assert _same_as_before(store) > 5


def test_the_rows_name_where_each_country_comes_from(store_url):
    with open_store(store_url) as store:
        store.save_many(analyses())
        with store.engine.connect() as conn:
            rows = {(r.event_id, r.role, r.country) for r in conn.execute(
                select(T_EVENT_COUNTRIES).where(T_EVENT_COUNTRIES.c.document_id == "doc_handmade~1"))}
    assert rows == {("event_aaaa000000000001~1", "source", "CAN"),  # two sources, one row
                    ("event_aaaa000000000001~1", "target", "CAN"),
                    ("event_aaaa000000000001~1", "place", "CHN"),
                    ("event_aaaa000000000002~1", "source", "GBR")}


def test_the_country_filter_reads_no_event_argument(store_url):
    """The filter is a lookup in `event_countries`, not a join per event of its arguments and
    actors; the arguments are read only from the registry's side (its actors of those countries)."""
    with open_store(store_url) as store:
        store.save_many(analyses())
        statements: list[str] = []
        event.listen(store.engine, "before_cursor_execute",
                     lambda conn, cursor, sql, *a: statements.append(sql))
        assert store.event_hits(country="USA", min_confidence=0)
        assert statements and not any(" actors" in s for s in statements)
        assert all("actor_registry" in s for s in statements if "event_arguments" in s)


def test_migration_0008_fills_the_table_for_events_stored_before(store_url):
    migrate(store_url, "0007")
    engine = create_engine(resolve_url(store_url))
    expected = set()
    try:
        with engine.begin() as conn:
            for analysis in analyses():
                rows = analysis_to_rows(analysis, None, utcnow())
                expected |= {(r["event_id"], r["role"], r["country"], r["document_id"])
                             for r in rows.pop("event_countries")}
                insert_as_before_0011(conn, rows)
    finally:
        engine.dispose()
    migrate(store_url)
    with open_store(store_url) as store:
        with store.engine.connect() as conn:
            filled = {(r.event_id, r.role, r.country, r.document_id)
                      for r in conn.execute(select(T_EVENT_COUNTRIES))}
        assert filled == expected and len(expected) > 8
        assert _same_as_before(store) > 10
    migrate(store_url, "0007")
    with open_store(store_url, migrate=False) as store, store.engine.connect() as conn:
        assert not store.engine.dialect.has_table(conn, "event_countries")
    migrate(store_url)


def test_a_first_page_of_a_common_country_walks_the_documents_in_order(tmp_path):
    """SQLite, knowing nothing of how many events pass, sorted every hit of `--country USA
    --limit 100` first; the page now reads the documents in the listing's order and stops."""
    with open_store(f"sqlite:///{tmp_path / 'walk.db'}") as store:
        store.save_many(analyses())
        assert store.common_countries(["USA"]) and not store.common_countries(["DEU"])
        pages: list = []
        plans = query_plans(store, lambda: pages.append(
            store.event_hits(country="USA", min_confidence=0, limit=2)))
        page = pages[0]
        assert page == old_hits(store, ["USA"], 2)
        assert any("ix_events_published_order" in p for p in plans), plans
