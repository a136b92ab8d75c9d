"""A folder of dated `.txt` files ingests with every document dated (issue 22), and `ingest`
says how many documents got no date."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text

import wirecoder
from wirecoder.cli import main
from wirecoder.ingest import FileDating, Manifest
from wirecoder.store import ingest

STAGES = ["clean", "parse", "sentences", "actors", "quotes_simple", "times", "events"]
LEADS = ["M23 rebels attacked the army in Goma on Monday, killing 12 soldiers.",
         "Protesters marched in Kinshasa on Tuesday against the offensive.",
         "The army shelled rebel positions near Rutshuru on Wednesday, officials said."]


@pytest.fixture(scope="module")
def nlp():
    return wirecoder.load({"stages": STAGES})


def _folder(tmp_path, names):
    news = tmp_path / "news"
    news.mkdir()
    for name, lead in zip(names, LEADS, strict=False):
        (news / name).write_text(f"Fighting in eastern Congo.\n\n{lead}\n")
    return news


def _rows(url, sql):
    engine = create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(text(sql)).all()
    engine.dispose()
    return rows


def test_a_folder_of_dated_files_ingests_with_every_document_dated(tmp_path, nlp):
    news = _folder(tmp_path, ["2016-10-08_goma.txt", "2016-10-09_kinshasa.txt",
                              "2016-10-10_rutshuru.txt"])
    url = f"sqlite:///{tmp_path / 'w.db'}"
    summary = ingest([news], url, progress=False, pipeline=nlp)
    assert (summary.stored, summary.undated) == (3, 0)
    docs = _rows(url, "SELECT published_iso, title FROM documents ORDER BY published_iso")
    assert [d[0][:10] for d in docs] == ["2016-10-08", "2016-10-09", "2016-10-10"]
    assert {d[1] for d in docs} == {"Fighting in eastern Congo."}
    # every event now has a date: "on Monday" resolved against 2016-10-08, a Saturday
    dates = _rows(url, "SELECT e.event_date FROM events e JOIN documents d "
                       "ON d.id = e.document_id WHERE d.published_iso LIKE '2016-10-08%'")
    assert dates and all(row[0] is not None for row in dates)
    assert "2016-10-03" in {str(row[0]) for row in dates}


def test_undated_documents_are_counted_and_a_manifest_dates_them(tmp_path, nlp):
    news = _folder(tmp_path, ["goma.txt", "kinshasa.txt", "rutshuru.txt"])
    url = f"sqlite:///{tmp_path / 'w.db'}"
    summary = ingest([news], url, progress=False, pipeline=nlp)
    assert (summary.seen, summary.undated) == (3, 3)
    assert "3 of 3 documents undated" in summary.line()
    manifest = tmp_path / "m.csv"
    manifest.write_text("file,published,title\nnews/goma.txt,2016-10-08,Goma\n"
                        "kinshasa,2016-10-09,\n")
    again = ingest([news], f"sqlite:///{tmp_path / 'v.db'}", progress=False, pipeline=nlp,
                   dating=FileDating(manifest=Manifest(manifest)))
    assert again.undated == 1  # rutshuru.txt: in no row, no date in its name or text


def test_cli_ingest_takes_a_manifest_and_a_name_pattern(tmp_path, capsys):
    news = _folder(tmp_path, ["cable_20161008.txt", "cable_20161009.txt"])
    manifest = tmp_path / "m.jsonl"
    manifest.write_text(json.dumps({"file": "news/cable_20161009.txt", "date": "2016-10-01",
                                    "title": "Kinshasa marches"}) + "\n")
    db = f"sqlite:///{tmp_path / 'c.db'}"
    assert main(["ingest", str(news), "--db", db, "--no-progress", "--json",
                 "--published-from-name", "cable_{date:%Y%m%d}.txt",
                 "--manifest", str(manifest)]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["undated"] == 0
    docs = _rows(db, "SELECT published_iso, title FROM documents ORDER BY published_iso")
    assert [(d[0][:10], d[1]) for d in docs] == [("2016-10-01", "Kinshasa marches"),
                                                 ("2016-10-08", "Fighting in eastern Congo.")]
    assert main(["ingest", str(news), "--db", db, "--published-from-name", "cable.txt"]) == 2
    assert "W018" in capsys.readouterr().err
