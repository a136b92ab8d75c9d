"""The relevance pre-filter: what it keeps, what it skips, and the ingest flag."""

from __future__ import annotations

import json

from wirecoder.relevance import RelevanceFilter
from wirecoder.relevance.lexicon import inflections, load_lexicon


def test_inflections_and_lexicon():
    assert {"attacks", "attacked", "attacking"} <= inflections("attack")
    assert {"seized", "seizing"} <= inflections("seize")
    assert "fought" in inflections("fight")
    lex = load_lexicon()
    assert "attacked" in lex.triggers and "according" not in lex.triggers
    assert "police" in lex.actors and "fire" in lex.pairs["opened"]


def test_keeps_event_reports_and_skips_other_text():
    keep = RelevanceFilter().keep
    assert keep("Gunmen opened fire on a police station in Fronton on Monday.")
    assert keep("Trump and Putin have agreed to share information on North Korea.")
    assert keep("The army shelled rebel positions near the border for a third day.")
    assert not keep("Return the number of items in the list; raise an error if it is empty.")
    recipe = ("Preheat the oven to 200 degrees. Mix the flour, butter and sugar in a large bowl "
              "until the dough is smooth, then roll it out on a floured board and cut it into "
              "squares. Bake the biscuits for twelve minutes, until golden, and leave them to "
              "cool on a wire rack before serving them with tea or coffee in the afternoon. "
              "They keep for a week in a tin.")
    assert not keep(recipe)


def test_ingest_filter_is_optional_and_counts_what_it_skipped(tmp_path, pipeline):
    from wirecoder.store import ingest, open_store

    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(d) for d in [
        {"id": "attack", "text": "Gunmen opened fire on a police station in Fronton, Texas, "
                                 "on Monday, killing three officers, officials said."},
        {"id": "code", "text": "Return the number of items in the list; raise an error if it "
                               "is empty."},
    ]), "utf-8")
    plain = ingest([feed], tmp_path / "plain.db", progress=False, pipeline=pipeline)
    filtered = ingest([feed], tmp_path / "filtered.db", progress=False, pipeline=pipeline,
                      relevance_filter=True)
    assert (plain.stored, plain.filtered) == (2, 0)
    assert (filtered.stored, filtered.filtered, filtered.skipped) == (1, 1, 1)
    with open_store(tmp_path / "filtered.db") as store:
        assert store.document_ids() == ["attack"]
        [run] = store.runs()
        assert run["documents_seen"] == 2 and run["documents_skipped"] == 1
