"""The store: schema via migrations, exact round trips, skip/replace rules, filters, runs.

Every test taking `store_url` runs on SQLite and, when WIRECODER_TEST_PG_URL points at a
PostgreSQL database (e.g. postgresql://wirecoder:wirecoder@127.0.0.1:5432/wirecoder_test), on
PostgreSQL too. The PostgreSQL tests drop and recreate the store's tables in that database.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import date

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from wirecoder.records import Analysis
from wirecoder.store import BadFilter, StoreError, StoreTooNew, migrate, open_store, query
from wirecoder.store.convert import event_date, timex_date
from wirecoder.store.repository import resolve_url
from wirecoder.store.revision import head_revision
from wirecoder.store.schema import Base
from wirecoder.store.testing import PG_ENV, STORE_TABLES, empty_store, pg_test_url

# Tests that need the PostgreSQL database without the store's tables (others get them emptied).
DROP_FIRST = {"test_tables_come_from_the_migration_and_match_the_models",
              "test_store_newer_than_the_code_is_refused"}


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request, tmp_path):
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'wirecoder.db'}"
    url = pg_test_url()
    if not url:
        pytest.skip(f"PostgreSQL store tests need {PG_ENV}=postgresql://user:password@host/db "
                    "(a database the tests may drop tables in); not set")
    try:
        empty_store(url, drop=request.node.originalname in DROP_FIRST)
    except Exception as exc:  # pragma: no cover - depends on the machine
        pytest.skip(f"PostgreSQL at {PG_ENV} is not reachable: {type(exc).__name__}: {exc}")
    return url


@pytest.fixture
def store(store_url):
    with open_store(store_url) as s:
        yield s


def other_version(analysis: Analysis) -> Analysis:
    return analysis.model_copy(update={"coder_version": analysis.coder_version + " (other)"})


# -- round trip, skip, replace --------------------------------------------------------------------


def test_seed_round_trip_is_exact(store, seed_analysis):
    assert store.save(seed_analysis, None) == "stored"
    back = store.analysis(seed_analysis.document.id)
    assert back is not None
    # The same JSON byte for byte: every id, span, float, date and dict key order.
    assert back.to_json() == seed_analysis.to_json()
    for key in ("sentences", "actors", "events", "quotes", "quantities", "claims", "times",
                "places", "demonyms"):
        assert [r.id for r in getattr(back, key)] == [r.id for r in getattr(seed_analysis, key)]
    # demonyms share the places table and come back apart from the places
    assert seed_analysis.demonyms and not any(p.feature == "demonym" for p in back.places)
    counts = store.counts()
    assert counts["documents"] == 1
    assert counts["events"] == len(seed_analysis.events)
    assert counts["event_arguments"] == sum(len(e.sources) + len(e.targets)
                                            for e in seed_analysis.events)
    assert counts["dropped_spans"] == len(seed_analysis.document.dropped) == 3


def test_same_version_is_skipped_reprocess_and_new_version_replace(store, seed_analysis):
    doc_id = seed_analysis.document.id
    assert store.save(seed_analysis) == "stored"
    before = store.counts()
    assert store.has_document(doc_id, seed_analysis.coder_version)
    assert store.has_document(doc_id)
    assert not store.has_document(doc_id, "another coder")
    assert not store.has_document("doc_missing")

    assert store.save(seed_analysis) == "skipped"
    assert store.counts() == before
    assert store.save(seed_analysis, reprocess=True) == "replaced"
    assert store.counts() == before

    newer = other_version(seed_analysis)
    assert store.save(newer) == "replaced"
    assert store.counts() == before
    assert store.has_document(doc_id, newer.coder_version)
    assert not store.has_document(doc_id, seed_analysis.coder_version)
    assert store.analysis(doc_id).to_json() == newer.to_json()


def test_replace_is_one_transaction(store, seed_analysis):
    """A replacement that fails half-way leaves the stored document exactly as it was."""
    store.save(seed_analysis)
    broken = other_version(seed_analysis).model_copy(
        update={"events": seed_analysis.events + seed_analysis.events[:1]})  # a duplicate id
    with pytest.raises(IntegrityError):
        store.save(broken)
    assert store.analysis(seed_analysis.document.id).to_json() == seed_analysis.to_json()


def test_save_many_is_one_batch_and_counts_the_run(store, seed_analysis, pipeline):
    small = pipeline.analyze("Rebels attacked a convoy near Goma on Tuesday.",
                             published="2025-02-04")
    run_id = store.start_run(seed_analysis.coder_version, inputs=["test"], workers=1)
    outcome = store.save_many([seed_analysis, small, small], run_id)
    assert (outcome["stored"], outcome["skipped"]) == (2, 1)
    store.finish_run(run_id)
    [run] = store.runs()
    assert run["status"] == "finished" and run["finished_at"] is not None
    assert run["documents_seen"] == 3 and run["documents_stored"] == 2
    assert run["documents_skipped"] == 1
    assert run["events"] == len(seed_analysis.events) + len(small.events)
    assert set(store.document_ids()) == {seed_analysis.document.id, small.document.id}
    assert store.delete_document(small.document.id)
    assert store.document_ids() == [seed_analysis.document.id]
    # A run id nobody started gets a run row of its own.
    assert store.save(small, "my-own-run") == "stored"
    own = next(r for r in store.runs() if r["id"] == "my-own-run")
    assert (own["status"], own["documents_stored"]) == ("open", 1)
    assert own["started_at"].tzinfo is not None


def test_stale_runs_are_marked_interrupted(store):
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    dead_pid = int(done.stdout)
    run_id = store.start_run("coder x")
    from sqlalchemy import update

    from wirecoder.store.repository import T_RUNS

    with store.engine.begin() as conn:
        conn.execute(update(T_RUNS).where(T_RUNS.c.id == run_id).values(pid=dead_pid))
    store.start_run("coder x")
    statuses = {r["id"]: r["status"] for r in store.runs()}
    assert statuses[run_id] == "interrupted"
    assert sorted(statuses.values()) == ["interrupted", "running"]


# -- filters --------------------------------------------------------------------------------------


def _party_names(analysis, event):
    actors = {a.id: a for a in analysis.actors}
    out = []
    for ref in event.sources + event.targets:
        out.append(ref.span.text.lower())
        if ref.actor_id in actors:
            out.append(actors[ref.actor_id].name.lower())
    return out


def test_event_filters_match_the_records(store, seed_analysis):
    a = seed_analysis
    store.save(a)
    ids = lambda events: [e.id for e in events]  # noqa: E731
    assert ids(store.events()) == ids(a.events)

    types = sorted({e.type for e in a.events})
    for t in types:
        assert ids(store.events(type=t.lower())) == [e.id for e in a.events if e.type == t]
    assert ids(store.events(type=",".join(types[:2]))) == [e.id for e in a.events
                                                           if e.type in types[:2]]
    for m in sorted({e.modality for e in a.events}):
        assert ids(store.events(modality=m)) == [e.id for e in a.events if e.modality == m]

    for needle in ("hegseth", "CARTEL", "border patrol"):
        expected = [e.id for e in a.events
                    if any(needle.lower() in n for n in _party_names(a, e))]
        assert ids(store.events(actor=needle)) == expected
    assert store.events(actor="%") == []  # LIKE wildcards are escaped

    actors = {x.id: x for x in a.actors}
    places = {p.id: p for p in a.places}
    for code in ("USA", "MEX"):
        expected = [e.id for e in a.events
                    if any(actors[r.actor_id].country == code for r in e.sources + e.targets
                           if r.actor_id in actors)
                    or (e.place_id in places and places[e.place_id].country == code)]
        assert ids(store.events(country=code.lower())) == expected

    times = {t.id: t for t in a.times}
    dates = {e.id: event_date(e, times, a.document.published)[0] for e in a.events}
    cut = date(2025, 1, 30)
    assert ids(store.events(since=cut)) == [i for i, d in dates.items() if d and d >= cut]
    assert ids(store.events(until="2025-01-30")) == [i for i, d in dates.items() if d and d <= cut]

    with_place = [e for e in a.events if e.place_id in places]
    if with_place:
        name = places[with_place[0].place_id].name
        assert with_place[0].id in ids(store.events(place=name[:4]))
    assert store.events(place="no such place anywhere") == []
    assert len(store.events(limit=3)) == min(3, len(a.events))
    assert store.events(document="doc_other") == []

    with pytest.raises(BadFilter) as err:
        store.events(modality="certain")
    assert err.value.code == "W041"
    with pytest.raises(BadFilter):
        store.quotes(place="Mexico")


@pytest.mark.parametrize("kind, filters, named", [
    ("events", {"type": "BOGUS"}, "BOGUS"),               # returned nothing, exit 0
    ("events", {"type": "ASSAULT,ASSALT"}, "ASSALT"),
    ("events", {"country": "MEXICO"}, "MEXICO"),          # not ISO 3166 alpha-3
    ("events", {"country": "MX"}, "MX"),
    ("events", {"country": "USA,ZZZ"}, "ZZZ"),
    ("quotes", {"type": "shouted"}, "shouted"),
    ("quotes", {"country": "U.S."}, "U.S."),
    ("claims", {"type": "guess"}, "guess"),
    ("claims", {"verdict": "maybe"}, "maybe"),
    ("events", {"limit": -1}, "-1"),                      # returned everything
    ("events", {"limit": 0}, "0"),
    ("quotes", {"limit": "ten"}, "ten"),
])
def test_unknown_filter_values_are_w041_naming_them(store, seed_analysis, kind, filters, named):
    """A filter value no record can hold is a mistake to report, not an empty answer."""
    store.save(seed_analysis)
    with pytest.raises(BadFilter) as err:
        getattr(store, kind)(**filters)
    assert err.value.code == "W041" and named in err.value.message, err.value.message


def test_known_filter_values_pass_in_any_case(store, seed_analysis):
    store.save(seed_analysis)
    assert store.events(type="assault", country="mex", limit=1)
    assert store.quotes(type="DIRECT", limit=2)
    assert store.claims(verdict="Consistent") is not None
    # a type or country only the store knows (a plugin's type, a code outside ISO 3166) is no
    # mistake: it is what the store holds
    event = seed_analysis.events[0].model_copy(update={"type": "CYBER"})
    actors = [a.model_copy(update={"country": "XKX"}) if i == 0 else a
              for i, a in enumerate(seed_analysis.actors)]
    store.save(seed_analysis.model_copy(update={"events": [event, *seed_analysis.events[1:]],
                                                "actors": actors}), reprocess=True)
    assert [e.id for e in store.events(type="CYBER", min_confidence=0)] == [event.id]
    store.events(country="XKX")
    store.quotes(country="xkx")


def test_min_confidence_keeps_the_likelier_events(store, seed_analysis):
    a = seed_analysis
    store.save(a)
    ids = lambda events: [e.id for e in events]  # noqa: E731
    middle = sorted(e.confidence for e in a.events)[len(a.events) // 2]
    assert ids(store.events(min_confidence=middle)) == [e.id for e in a.events if e.confidence >= middle]
    assert ids(store.events(min_confidence=0)) == ids(a.events)
    assert [e.prominence for e in store.events()] == [e.prominence for e in a.events]
    for bad in (1.5, "high"):
        with pytest.raises(BadFilter):
            store.events(min_confidence=bad)


def test_the_seed_stays_above_the_default_threshold(seed_analysis):
    from wirecoder.extract.event_confidence import DEFAULT_MIN_CONFIDENCE

    assert seed_analysis.events
    assert min(e.confidence for e in seed_analysis.events) >= DEFAULT_MIN_CONFIDENCE


def test_quote_and_claim_filters(store, seed_analysis):
    a = seed_analysis
    store.save(a)
    assert [q.id for q in store.quotes()] == [q.id for q in a.quotes]
    assert store.quotes()[0] == a.quotes[0]
    kinds = sorted({q.kind for q in a.quotes})
    for k in kinds:
        assert [q.id for q in store.quotes(type=k)] == [q.id for q in a.quotes if q.kind == k]
    actors = {x.id: x for x in a.actors}
    expected = [q.id for q in a.quotes
                if "trump" in (q.speaker_name or "").lower()
                or (q.speaker and "trump" in q.speaker.span.text.lower())
                or (q.speaker and q.speaker.actor_id in actors
                    and "trump" in actors[q.speaker.actor_id].name.lower())]
    assert [q.id for q in store.quotes(actor="Trump")] == expected
    assert store.quotes(since="2025-02-01") == []
    assert len(store.quotes(until="2025-01-31")) == len(a.quotes)
    assert [c.id for c in store.claims()] == [c.id for c in a.claims]
    with pytest.raises(BadFilter, match="W041: unknown verdict"):  # was an empty answer (#24)
        store.claims(verdict="no such verdict")


def test_an_unverifiable_claim_is_stored_and_filtered(store, seed_analysis):
    """The claim model's `unverifiable` verdict (#20) round-trips and is a known filter value."""
    a = seed_analysis
    claim = a.claims[0].model_copy(update={"id": "claim_unverifiable", "verdict": "unverifiable",
                                           "explanation": "they are for different years (2015 against 2019)"})
    store.save(a.model_copy(update={"claims": [*a.claims, claim]}))
    assert [c.id for c in store.claims(verdict="unverifiable")] == ["claim_unverifiable"]
    assert store.claims(verdict="Unverifiable")[0] == claim


def test_query_output_formats(store, store_url, seed_analysis):
    store.save(seed_analysis)
    n = len([e for e in seed_analysis.events if e.type == "THREATEN"])
    out = io.StringIO()
    assert query("events", store_url, fmt="csv", out=out, type="THREATEN") == n
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert len(rows) == n and {"id", "document_id", "trigger_start", "trigger_end"} <= set(rows[0])
    doc = seed_analysis.document
    for row in rows:
        start, end = int(row["trigger_start"]), int(row["trigger_end"])
        assert doc.text[start:end] == row["trigger"]
    out = io.StringIO()
    query("events", store_url, fmt="json", out=out, limit=2)
    assert len(json.loads(out.getvalue())) == 2
    out = io.StringIO()
    query("quotes", store_url, fmt="jsonl", out=out)
    assert len(out.getvalue().splitlines()) == len(seed_analysis.quotes)
    out = io.StringIO()
    query("events", store_url, fmt="table", out=out, type="THREATEN")
    lines = out.getvalue().splitlines()
    assert lines[0].split()[:3] == ["date", "type", "modality"] and len(lines) == n + 2
    out = io.StringIO()
    query("claims", store_url, fmt="table", out=out)
    assert out.getvalue().strip() == "(no rows)" or len(seed_analysis.claims) > 0


# -- schema and migrations ------------------------------------------------------------------------


def test_tables_come_from_the_migration_and_match_the_models(store_url):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    migrate(store_url)
    migrate(store_url)  # a second run changes nothing
    engine = create_engine(resolve_url(store_url))
    try:
        with engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            assert set(STORE_TABLES) | {"alembic_version"} <= names
            ctx = MigrationContext.configure(conn, opts={"compare_type": True})
            assert ctx.get_current_revision() == head_revision() == "0013"
            # the search index lives in the migrations only (0006): FTS5 tables in SQLite, an
            # expression index in PostgreSQL, which no model can describe; so does 0008's
            # expression index of the listings' order, and 0013's on the events
            diffs = [d for d in compare_metadata(ctx, Base.metadata)
                     if not (isinstance(d, tuple) and d[0] == "remove_table")
                     and not (isinstance(d, tuple) and d[0] == "remove_index"
                              and d[1].name in ("ix_documents_fulltext",
                                                "ix_documents_published_order",
                                                "ix_events_published_order",
                                                "ix_events_type_order",
                                                "ix_places_name_lower",
                                                "ix_places_text_lower"))]
            assert diffs == []
    finally:
        engine.dispose()
    migrate(store_url, "base")
    engine = create_engine(resolve_url(store_url))
    try:
        with engine.connect() as conn:
            assert not set(STORE_TABLES) & set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def test_store_newer_than_the_code_is_refused(store_url):
    migrate(store_url)
    engine = create_engine(resolve_url(store_url))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()
    with pytest.raises(StoreTooNew) as err:
        open_store(store_url)
    assert err.value.code == "W042"


def test_bad_stores_are_coded_errors(tmp_path):
    with pytest.raises(StoreError, match="no such folder") as err:
        open_store(tmp_path / "missing" / "x.db")
    assert err.value.code == "W040"
    junk = tmp_path / "junk.db"
    junk.write_text("this is not a database, it is a text file " * 50)
    with pytest.raises(StoreError, match="cannot open the store"):
        open_store(junk)
    with pytest.raises(StoreError) as err:
        open_store("postgresql://nobody:secret@127.0.0.1:1/nothing")
    assert "secret" not in str(err.value)
    with pytest.raises(StoreError):
        open_store("nosuchdialect://x/y")


def test_urls(monkeypatch, tmp_path):
    monkeypatch.delenv("WIRECODER_DB", raising=False)
    assert resolve_url(None) == "sqlite:///wirecoder.db"
    monkeypatch.setenv("WIRECODER_DB", str(tmp_path / "a.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'a.db'}"
    assert resolve_url("x.db") == "sqlite:///x.db"
    assert resolve_url("postgresql://u@h/d") == "postgresql+psycopg://u@h/d"
    assert resolve_url("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert resolve_url("postgresql+psycopg://u@h/d") == "postgresql+psycopg://u@h/d"


def test_in_memory_store(seed_analysis):
    with open_store("sqlite://") as s:
        assert s.save(seed_analysis) == "stored"
        assert s.analysis(seed_analysis.document.id).to_json() == seed_analysis.to_json()


def test_timex_dates():
    assert timex_date("2025-01-27") == (date(2025, 1, 27), "day")
    assert timex_date("2025-W05") == (date(2025, 1, 27), "week")
    assert timex_date("2025-01") == (date(2025, 1, 1), "month")
    assert timex_date("2025") == (date(2025, 1, 1), "year")
    for vague in (None, "", "XXXX-XX-XX", "P1W", "PRESENT_REF", "2025-13"):
        assert timex_date(vague) is None
