"""Batch ingest into the store: readers (feeds, WARC), folders, idempotent re-runs, reprocess,
parallel parsing, a run killed with SIGKILL and restarted, and the CLI commands."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from io import BytesIO
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

import wirecoder
from conftest import REPO
from wirecoder.ingest import guess_format, read_path
from wirecoder.ingest.feeds import html_to_text
from wirecoder.store import ingest, open_store
from wirecoder.store.batch import collect_files
from wirecoder.store.repository import T_DOCS, resolve_url

STAGES = ["clean", "parse", "sentences", "actors", "quotes_simple", "events"]


@pytest.fixture(scope="module")
def small_nlp():
    return wirecoder.load({"stages": STAGES})


def _paragraphs(seed_text: str) -> list[str]:
    paras = [" ".join(p.split()) for p in seed_text.split("\n\n") if len(p) > 200]
    assert len(paras) >= 12, "the seed article should have a dozen long paragraphs"
    return paras


def _html(title: str, body: str) -> str:
    return (f"<!doctype html><html><head><title>{title} | Example News</title>"
            f'<meta property="article:published_time" content="2025-01-31T09:30:00-05:00">'
            f"</head><body><nav><a href='/'>Home</a> | <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>Copyright 2025 Example News. All rights reserved.</footer></body></html>")


def write_warc(path: Path, pages: list[tuple[str, str, str]]) -> None:
    """pages: (url, status, html); plus an image record, which readers pass over."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        records = [*pages, ("https://news.example.org/logo.png", "200 OK", "\x89PNG")]
        for url, status, body in records:
            ctype = "image/png" if url.endswith(".png") else "text/html; charset=utf-8"
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=BytesIO(body.encode("utf-8")), http_headers=headers))


def make_corpus(root: Path, seed_text: str) -> int:
    """Files of every kind under `root`; returns how many documents they hold."""
    p = _paragraphs(seed_text)
    root.mkdir(parents=True, exist_ok=True)
    with (root / "docs.jsonl").open("w") as fh:
        for i in range(6):
            fh.write(json.dumps({"text": p[i], "title": f"Part {i}", "published": "2025-01-31"})
                     + "\n")
    sub = root / "texts" / "sub"
    sub.mkdir(parents=True)
    for i in range(6, 9):
        (sub / f"part{i}.txt").write_text(f"Part {i}\n\n{p[i]}\n")
    (root / "texts" / ".cache").mkdir()
    (root / "texts" / ".cache" / "hidden.txt").write_text("A hidden file is never read.\n")
    (root / "texts" / "notes.bin").write_bytes(b"\x00\x01 unknown extension, never read")
    (root / "wire.rss").write_text(textwrap.dedent(f"""\
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
        <channel><title>Example Wire</title>
        <item><title>Part 9</title><link>https://wire.example.org/9</link><guid>w9</guid>
          <pubDate>Fri, 31 Jan 2025 09:00:00 -0500</pubDate><description>teaser</description>
          <content:encoded><![CDATA[<p>{p[9]}</p>]]></content:encoded></item>
        <item><title>Part 10</title><link>https://wire.example.org/10</link>
          <pubDate>Fri, 31 Jan 2025 10:00:00 -0500</pubDate>
          <description>&lt;p&gt;{p[10]}&lt;/p&gt;</description></item>
        </channel></rss>
        """))
    (root / "wire.atom").write_text(textwrap.dedent(f"""\
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
        <entry><title>Part 11</title><link rel="alternate" href="https://atom.example.org/11"/>
          <id>urn:example:11</id><published>2025-01-31T12:00:00Z</published>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>{p[11]}</p></div>
          </content></entry></feed>
        """))
    write_warc(root / "crawl.warc.gz", [
        ("https://news.example.org/a", "200 OK",
         _html("Strikes weighed", f"<p>{p[0]}</p><p>{p[1]}</p>")),
        ("https://news.example.org/missing", "404 Not Found", "<html>not found</html>"),
        ("https://news.example.org/b", "200 OK",
         _html("Tariffs announced", f"<p>{p[2]}</p><p>{p[3]}</p>")),
    ])
    (root / "broken.jsonl").write_text('{"text": "One good line about a strike on Monday."}\n'
                                       "this line is not JSON\n")
    return 6 + 3 + 2 + 1 + 2 + 1  # the broken file's first line is read before its error


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seed_text):
    root = tmp_path_factory.mktemp("corpus")
    return root, make_corpus(root, seed_text)


def _count_docs(url: str) -> int:
    engine = create_engine(resolve_url(url))
    try:
        with engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(T_DOCS)).scalar_one()
    finally:
        engine.dispose()


def _ids(url: str) -> tuple[set[str], set[str]]:
    with open_store(url) as store:
        docs = set(store.document_ids())
        events = {e.id for e in store.events()}
    return docs, events


# -- readers --------------------------------------------------------------------------------------


def test_feed_and_warc_readers(corpus):
    root, _ = corpus
    rss = list(read_path(root / "wire.rss"))
    assert [d.title for d in rss] == ["Part 9", "Part 10"]
    assert rss[0].url == "https://wire.example.org/9" and rss[0].metadata["guid"] == "w9"
    assert rss[0].published.isoformat() == "2025-01-31T09:00:00-05:00"
    assert "<" not in rss[1].text and rss[1].metadata["feed_title"] == "Example Wire"
    [atom] = read_path(root / "wire.atom")
    assert atom.url == "https://atom.example.org/11" and atom.metadata["guid"] == "urn:example:11"

    pages = list(read_path(root / "crawl.warc.gz"))
    assert [d.url for d in pages] == ["https://news.example.org/a", "https://news.example.org/b"]
    from warcio.archiveiterator import ArchiveIterator

    for doc in pages:
        meta = doc.metadata
        assert meta["warc_file"] == str(root / "crawl.warc.gz")
        assert meta["warc_url"] == doc.url and meta["warc_record_id"].startswith("<urn:uuid:")
        with open(meta["warc_file"], "rb") as fh:  # the offset finds the record again
            fh.seek(int(meta["warc_offset"]))
            record = next(iter(ArchiveIterator(fh)))
            assert record.rec_headers.get_header("WARC-Target-URI") == doc.url
        assert int(meta["warc_length"]) > 0
    assert guess_format("x.warc.gz") == "warc" and guess_format("x.rss") == "feed"
    assert guess_format("x.xml", '<?xml version="1.0"?><feed xmlns="...">') == "feed"
    assert html_to_text("<p>One <b>two</b></p><p>Three</p><script>x()</script>") == "One two\n\nThree"


def test_uncompressed_warc_from_bytes(tmp_path):
    path = tmp_path / "one.warc.gz"
    write_warc(path, [("https://x.example.org/1", "200 OK",
                       _html("A title", "<p>" + "Police arrested two men in Reynosa. " * 5 + "</p>"))])
    raw = tmp_path / "one.warc"
    raw.write_bytes(gzip.decompress(path.read_bytes()))
    [doc] = read_path(raw)
    assert doc.metadata["warc_offset"] == "0" and "Reynosa" in doc.text


def test_collect_files_recurses_and_skips_hidden(corpus):
    root, _ = corpus
    names = [p.relative_to(root).as_posix() for p in collect_files([root])]
    assert names == sorted(names)
    assert "texts/sub/part6.txt" in names and "crawl.warc.gz" in names
    assert not any(".cache" in n or n.endswith(".bin") for n in names)


# -- ingest ---------------------------------------------------------------------------------------


def test_a_changed_knowledge_file_makes_stored_documents_stale(store_url, corpus, small_nlp, tmp_path,
                                                               monkeypatch):
    # #23: the coder version follows the knowledge files; a store coded before a change is stale
    root, _ = corpus
    docs = root / "docs.jsonl"
    first = ingest([docs], store_url, pipeline=small_nlp, progress=False, batch_size=4)
    assert first.stored == 6
    edited = tmp_path / "knowledge"
    edited.mkdir()
    (edited / "plover_verbs.tsv").write_text("pattern\ttype\tmode\tcameo\trole\nbombard\tASSAULT\t\t195\tsvo\n")
    monkeypatch.setenv("WIRECODER_KNOWLEDGE", str(edited))
    upgraded = wirecoder.load({"stages": STAGES})
    assert upgraded.coder_version != small_nlp.coder_version
    kept = ingest([docs], store_url, pipeline=upgraded, progress=False, batch_size=4, keep_stale=True)
    assert (kept.stored, kept.replaced, kept.skipped, kept.stale) == (0, 0, 6, 6)
    assert "6 stale, coded by another version of the coder: ingest them again without --keep-stale" in kept.line()
    recoded = ingest([docs], store_url, pipeline=upgraded, progress=False, batch_size=4)
    assert (recoded.replaced, recoded.stale) == (6, 0)
    with open_store(store_url) as store:
        assert {a.coder_version for a in store.analyses()} == {upgraded.coder_version}


def test_ingest_then_again_is_idempotent_and_reprocess_replaces(store_url, corpus, small_nlp):
    root, expected = corpus
    first = ingest([root], store_url, pipeline=small_nlp, progress=False, batch_size=4)
    assert (first.stored, first.replaced, first.skipped) == (expected, 0, 0)
    assert first.failed == 1 and "W015" in first.errors[0]  # the broken JSONL line
    with open_store(store_url) as store:
        counts = store.counts()
        assert counts["documents"] == expected
        [run] = store.runs()
        assert run["status"] == "finished" and run["documents_stored"] == expected
        assert run["documents_failed"] == 1 and run["events"] == first.events
        assert run["coder_version"] == small_nlp.coder_version
        warc_docs = [a for a in store.analyses() if "warc_offset" in a.document.metadata]
        assert len(warc_docs) == 2
    ids = _ids(store_url)

    again = ingest([root], store_url, pipeline=small_nlp, progress=False, batch_size=4)
    assert (again.stored, again.replaced, again.skipped) == (0, 0, expected)
    with open_store(store_url) as store:
        assert store.counts() | {"runs": 0} == counts | {"runs": 0}
    assert _ids(store_url) == ids

    redo = ingest([root / "docs.jsonl"], store_url, pipeline=small_nlp, progress=False,
                  reprocess=True, batch_size=4)
    assert (redo.stored, redo.replaced, redo.skipped) == (0, 6, 0)
    with open_store(store_url) as store:
        assert store.counts() | {"runs": 0} == counts | {"runs": 0}
        assert [r["status"] for r in store.runs()] == ["finished"] * 3
    assert _ids(store_url) == ids


class DuplicatingPipeline:
    """Wraps a pipeline; the analysis of the third document repeats an event (a coder bug)."""

    def __init__(self, nlp):
        self.nlp, self.config, self.coder_version = nlp, nlp.config, nlp.coder_version
        self.stage_labels = nlp.stage_labels

    def pipe(self, items, **kwargs):
        for i, analysis in enumerate(self.nlp.pipe(items, **kwargs)):
            if i == 2 and analysis.events:
                analysis = analysis.model_copy(update={"events": analysis.events * 2})
            yield analysis


def test_a_document_the_store_refuses_is_counted_not_fatal(tmp_path, corpus, small_nlp):
    root, _ = corpus
    db = tmp_path / "dup.db"
    summary = ingest([root / "docs.jsonl"], db, pipeline=DuplicatingPipeline(small_nlp),
                     progress=False, batch_size=4)
    assert (summary.stored, summary.failed) == (5, 1)
    assert summary.errors[0].startswith("W044: document doc_")
    with open_store(db) as store:
        [run] = store.runs()
        assert (run["documents_stored"], run["documents_failed"]) == (5, 1)
        assert run["status"] == "finished"
    again = ingest([root / "docs.jsonl"], db, pipeline=small_nlp, progress=False)
    assert (again.stored, again.skipped) == (1, 5)  # the refused one is tried again


def test_progress_bar_shows_rate_and_eta(tmp_path, corpus, small_nlp, capsys):
    root, _ = corpus
    ingest([root / "docs.jsonl"], tmp_path / "p.db", pipeline=small_nlp, progress=True)
    err = capsys.readouterr().err
    assert "ingest" in err and "6/6" in err and "doc/s" in err and "<" in err  # elapsed<ETA


def test_two_workers_store_the_same_records(tmp_path, corpus, small_nlp):
    root, expected = corpus
    one, two = f"sqlite:///{tmp_path / 'one.db'}", f"sqlite:///{tmp_path / 'two.db'}"
    ingest([root], one, pipeline=small_nlp, progress=False, batch_size=4)
    summary = ingest([root], two, pipeline=small_nlp, progress=False, workers=2, batch_size=4)
    assert summary.stored == expected
    assert _ids(one) == _ids(two)


PAUSE_STAGE = """
import os, time
from wirecoder.registry import registered_stages, stage

if "test_pause" not in registered_stages():
    @stage("test_pause", requires=("document",), assigns=("test_pause",))
    def make_pause(options):
        "Sleeps WIRECODER_TEST_PAUSE seconds per document (the SIGKILL test's brake)."
        delay = float(os.environ.get("WIRECODER_TEST_PAUSE", "0"))

        def run(state):
            time.sleep(delay)
            return {"test_pause": None}

        return run
"""

KILL_SCRIPT = PAUSE_STAGE + """
import sys
import wirecoder
from wirecoder.store import ingest
nlp = wirecoder.load({"stages": STAGES + ["test_pause"]})
ingest(sys.argv[3:], sys.argv[2], pipeline=nlp, progress=False, batch_size=2,
       workers=int(sys.argv[1]))
"""


def _children(pid: int) -> set[int]:
    """Child processes of `pid` (Linux /proc)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            pass
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.parametrize("workers", [1, 2])
def test_sigkill_then_restart_loses_nothing_and_duplicates_nothing(
        store_url, corpus, small_nlp, tmp_path, monkeypatch, workers):
    root, expected = corpus
    script = tmp_path / "kill_me.py"
    script.write_text(f"STAGES = {STAGES!r}\n" + KILL_SCRIPT)
    env = {**os.environ, "WIRECODER_TEST_PAUSE": "0.1",
           "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    log = tmp_path / "kill_me.log"
    with log.open("w") as err:
        proc = subprocess.Popen([sys.executable, str(script), str(workers), store_url, str(root)],
                                env=env,
                                stdout=subprocess.DEVNULL, stderr=err)
    try:
        deadline = time.monotonic() + 60
        stored = 0
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                stored = _count_docs(store_url)
            except Exception:  # the tables may not exist yet
                stored = 0
            if stored >= 4:
                break
            time.sleep(0.02)
        assert proc.poll() is None, f"the ingest ended before it was killed: {log.read_text()}"
        children = _children(proc.pid)
        assert len(children) == (workers if workers > 1 else 0)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        # The worker processes die with it: no orphan goes on committing batches.
        deadline = time.monotonic() + 10
        while any(_alive(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not any(_alive(c) for c in children)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == -signal.SIGKILL
    kept = _count_docs(store_url)
    assert 4 <= kept < expected
    print(f"\nSIGKILL ({store_url.split(':')[0]}, {workers} worker(s)): {kept} of {expected} "
          "documents committed before the kill")

    # Restart here, in this process, with the same pipeline config (so the same coder version).
    monkeypatch.setenv("WIRECODER_TEST_PAUSE", "0")
    exec(compile(PAUSE_STAGE, "pause_stage", "exec"), {})
    nlp = wirecoder.load({"stages": STAGES + ["test_pause"]})
    again = ingest([root], store_url, pipeline=nlp, progress=False, batch_size=2)
    assert (again.stored, again.skipped, again.replaced) == (expected - kept, kept, 0)
    assert _count_docs(store_url) == expected

    with open_store(store_url) as store:
        runs = store.runs()
        assert [r["status"] for r in runs] == ["interrupted", "finished"]
        assert sum(r["documents_stored"] for r in runs) == expected  # each document once
    # Exactly the records of an uninterrupted run (ids do not depend on the run).
    reference = f"sqlite:///{tmp_path / 'reference.db'}"
    ingest([root], reference, pipeline=small_nlp, progress=False)
    assert _ids(store_url) == _ids(reference)


# -- CLI ------------------------------------------------------------------------------------------


def _run_cli(argv: list[str]) -> int:
    """`wirecoder.cli.main`, in this process (so capsys sees its output)."""
    from wirecoder import cli

    return cli.main(argv)


def test_cli_ingest_query_export(tmp_path, corpus, capsys):
    root, expected = corpus
    db = str(tmp_path / "cli.db")
    config = tmp_path / "small.json"
    config.write_text(json.dumps({"stages": STAGES}))
    assert _run_cli(["ingest", str(root), "--db", db, "--config", str(config), "--no-progress",
                     "--json", "--batch-size", "4"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["stored"] == expected and summary["failed"] == 1

    assert _run_cli(["events", "--db", db, "--type", "ASSAULT", "--csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("id,document_id,date") and len(lines) > 1
    assert _run_cli(["quotes", "--db", db, "--jsonl", "--limit", "2"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert _run_cli(["claims", "--db", db, "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []

    out = tmp_path / "events.tsv"
    assert _run_cli(["export", "--format", "gdelt-tsv", str(out), "--db", db]) == 0
    assert "wrote" in capsys.readouterr().err
    assert all(len(line.split("\t")) == 61 for line in out.read_text().splitlines())

    assert _run_cli(["failures", "--db", db, "--json"]) == 0
    [failure] = json.loads(capsys.readouterr().out)  # the broken JSONL line
    assert failure["code"] == "W015" and failure["source"].endswith("broken.jsonl:2")
    assert failure["run_id"].startswith("run_") and failure["document_id"] is None
    assert _run_cli(["failures", "--db", db, "--run", "no-such-run", "--csv"]) == 0
    assert capsys.readouterr().out.splitlines() == ["run_id,code,source,document_id,reason"]

    assert _run_cli(["ingest", str(tmp_path / "nothing.txt"), "--db", db]) == 2
    assert "W010" in capsys.readouterr().err
    assert _run_cli(["events", "--db", db, "--modality", "sure"]) == 2
    assert "W041" in capsys.readouterr().err
    for bad in (["--type", "BOGUS"], ["--country", "MEXICO"], ["--limit", "-1"]):
        assert _run_cli(["events", "--db", db, *bad]) == 2, bad
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "W041" in err[0] and bad[1] in err[0], (bad, err)
    assert _run_cli(["events", "--db", str(tmp_path / "no" / "x.db")]) == 2
    assert "W040" in capsys.readouterr().err
