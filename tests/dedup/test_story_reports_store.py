"""`wirecoder dedup` keeps each report's record in the store (#21, migration 0012): a report whose
coder found no event still counts under its story's record, across runs, and `wirecoder
clusters` shows the record with its reports and how each came to it."""

from __future__ import annotations

import json

DOCS = [("first", "Cartel gunmen attacked a police station in Fronton, Texas, on Monday, killing "
                  "three officers, officials said. The sheriff said the gunmen fled toward the Rio "
                  "Grande.", "2025-03-04"),
        ("second", "Cartel gunmen attacked the Fronton police station on Monday and killed three "
                   "officers near the Rio Grande, the sheriff said.", "2025-03-04"),
        # no event coded: a story report all the same
        ("third", "Fronton mourns: the three officers of the Fronton police station were "
                  "remembered by the sheriff near the Rio Grande, where cartel gunmen are feared.",
         "2025-03-05"),
        ("fourth", "Vineyards in the Napa Valley counted the damage to their wine cellars after "
                   "the earthquake.", "2025-03-06")]


def test_a_report_without_an_event_counts_under_its_story_record_across_runs(tmp_path, pipeline,
                                                                            capsys):
    from sqlalchemy import select

    from wirecoder.cli import main
    from wirecoder.dedup.runner import run_dedup
    from wirecoder.store import ingest, open_store
    from wirecoder.store.schema import EventClusterReportRow

    db = f"sqlite:///{tmp_path / 'reports.db'}"
    for doc_id, text, day in DOCS:
        path = tmp_path / f"{doc_id}.jsonl"
        path.write_text(json.dumps({"id": doc_id, "text": text, "published": day}), "utf-8")
        ingest([path], db, progress=False, pipeline=pipeline)
        run_dedup(db)  # one run per document: each restores the stories of the runs before
    table = EventClusterReportRow.__table__
    with open_store(db, read_only=True) as store, store.engine.connect() as conn:
        rows = {r.document_id: r for r in conn.execute(select(table))}
    record = rows["first"].cluster_id
    assert record and rows["second"].cluster_id == record
    assert rows["third"].cluster_id == record and rows["third"].how == "story"
    assert rows["third"].reasons[0].startswith("story=") and rows["third"].reasons[-1] == "no-event"
    assert rows["third"].story_id == rows["first"].story_id != rows["fourth"].story_id
    assert rows["fourth"].how == "none" and rows["fourth"].cluster_id is None

    assert main(["clusters", "--db", db, "--min-sources", "1", "--sort", "reports",
                 "--json"]) == 0
    [row] = [c for c in json.loads(capsys.readouterr().out) if c["id"] == record]
    assert row["reports"] == 3 and row["source_count"] == 2  # two coded it, three report it
    assert {r["document_id"]: r["how"] for r in row["report_documents"]} == {
        "first": "story-event", "second": "story-event", "third": "story"}
