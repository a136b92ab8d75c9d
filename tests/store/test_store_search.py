"""Full-text search over documents (#22 item 3): SQLite FTS5 and PostgreSQL text search answer
alike, stay in step with documents stored, replaced and deleted, and a store made before the
index gets it filled when it is migrated."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, select, text

import wirecoder
from wirecoder.store import ingest, migrate, open_store
from wirecoder.store.errors import BadFilter
from wirecoder.store.repository import T_DOCS
from wirecoder.store.search import parse_query, search_condition, search_mode

DOCS = [
    {"id": "goma", "title": "Rebels attack Goma",
     "text": "M23 rebels attacked the army in Goma on Monday, killing 12 soldiers."},
    {"id": "border", "title": "Gunfire at the border",
     "text": "Suspected cartel members opened fire on U.S. Border Patrol agents near Fronton."},
    {"id": "kinshasa", "title": "Protest in Kinshasa",
     "text": "Protesters marched in Kinshasa against the army's offensive in Goma."},
    {"id": "cafe", "title": "Café owners", "text": "Owners of a CAFÉ in Bogotá closed early."},
]


@pytest.fixture(scope="module")
def light():
    return wirecoder.load({"stages": ["clean", "parse", "sentences"]})


def _store(url: str, tmp_path, light, docs=DOCS) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps(d) + "\n" for d in docs))
    ingest([path], url, progress=False, pipeline=light)


def found(url: str, query: str) -> list[str]:
    with open_store(url) as store:
        with store.engine.connect() as conn:
            return sorted(conn.execute(select(T_DOCS.c.id).where(
                search_condition(store, query))).scalars())


CASES = [
    ("army", ["goma", "kinshasa"]),
    ("army goma", ["goma", "kinshasa"]),           # every word, anywhere in title or text
    ("ARMY monday", ["goma"]),                     # no case
    ('"border patrol"', ["border"]),               # a phrase
    ('"patrol border"', []),                       # in its order
    ("attack", ["goma"]),                          # the title's word; no stemming...
    ("attack*", ["goma"]),                         # ...a prefix finds "attacked" too
    ("U.S.", ["border"]),                          # punctuation cuts words as the index does
    ("café BOGOTÁ", ["cafe"]),                     # no case, beyond ASCII too
    ("cafe", []),                                  # accents count, in both databases
    ("army OR gunfire", []),                       # no operators: "or" is a word
    ('army -goma "', ["goma", "kinshasa"]),        # "-" and a lone quote are no syntax either
]


@pytest.mark.parametrize("query, expected", CASES)
def test_search_finds_documents_holding_every_term(store_url, tmp_path, light, query, expected):
    _store(store_url, tmp_path, light)
    assert search_mode(open_store(store_url)) in ("fts5", "postgresql")
    assert found(store_url, query) == expected


def test_the_index_follows_replaced_and_deleted_documents(store_url, tmp_path, light):
    _store(store_url, tmp_path, light)
    changed = [{**DOCS[0], "text": "The ceasefire held in Goma on Tuesday."}]
    path = tmp_path / "changed.jsonl"
    path.write_text(json.dumps(changed[0]) + "\n")
    ingest([path], store_url, progress=False, pipeline=light, reprocess=True)
    assert found(store_url, "ceasefire") == ["goma"]
    with open_store(store_url) as store:
        assert store.delete_document("kinshasa")
    assert found(store_url, "army") == []
    assert found(store_url, "goma") == ["goma"]


def test_a_store_made_before_the_index_is_filled_when_migrated(tmp_path, light):
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate(url, "0005")
    # documents stored at 0005: written straight into the tables, as an older coder did (the
    # Store of today also moves the change counter of 0007, which such a store lacks)
    from wirecoder.store.convert import analysis_to_rows, utcnow
    from wirecoder.store.testing import insert_as_before_0011

    engine = create_engine(url)
    with engine.begin() as conn:
        for d in DOCS:
            rows = analysis_to_rows(light.analyze(d["text"], title=d["title"]), None, utcnow())
            insert_as_before_0011(conn, rows)
    engine.dispose()
    migrate(url)
    assert found(url, "army") == sorted(light.analyze(d["text"]).document.id
                                        for d in DOCS if "army" in d["text"])


def test_without_fts5_search_falls_back_to_substrings(tmp_path, light):
    url = f"sqlite:///{tmp_path / 'plain.db'}"
    _store(url, tmp_path, light)
    engine = create_engine(url)
    with engine.begin() as conn:  # as a SQLite built without FTS5 leaves the store
        for name in ("documents_search_insert", "documents_search_delete",
                     "documents_search_update"):
            conn.execute(text(f"DROP TRIGGER {name}"))
        conn.execute(text("DROP TABLE documents_fts"))
    engine.dispose()
    assert search_mode(open_store(url)) == "substring"
    for query, expected in CASES[:5]:
        assert found(url, query) == expected, query


@pytest.mark.parametrize("query", ["", "  ", "***", '""', "-- !"])
def test_a_search_without_words_is_w041(query):
    with pytest.raises(BadFilter) as exc:
        parse_query(query)
    assert exc.value.code == "W041"
    with pytest.raises(BadFilter):
        parse_query(" ".join(f"w{i}" for i in range(21)))
