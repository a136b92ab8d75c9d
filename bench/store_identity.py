"""The full 1,000-document identity run: the PolNeAR and geo corpora texts, whole and with every
extractor on, ingested into SQLite and, independently (analysed again), into PostgreSQL.

    WIRECODER_TEST_PG_URL=postgresql://... python bench/store_identity.py [--workers 2] [--n 1000]

Reports each ingest's time and rate, the load average, the rows per table, and whether both
stores hold the same rows under the same ids (exit status 1 when they do not). The CI test
(tests/test_store_identity.py) checks the same on short documents analysed once; this is the
run on whole texts. The PostgreSQL database's store tables are emptied first: give a scratch
database.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--pg", default=os.environ.get("WIRECODER_TEST_PG_URL"),
                        help="PostgreSQL URL (default: $WIRECODER_TEST_PG_URL)")
    args = parser.parse_args()
    if not args.pg:
        raise SystemExit("bench: needs a PostgreSQL URL (--pg or $WIRECODER_TEST_PG_URL)")

    import wirecoder
    from wirecoder.store import ingest
    from wirecoder.store.testing import corpus_documents, empty_store, table_keys

    docs = corpus_documents(SHARED / "data", args.n)
    words = sum(len(d["text"].split()) for d in docs)
    nlp = wirecoder.load()
    report: dict[str, object] = {"documents": len(docs), "words": words,
                                 "workers": args.workers, "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for d in docs:
                fh.write(json.dumps(d, ensure_ascii=False) + "\n")
        sqlite_url = f"sqlite:///{tmp}/identity.db"
        empty_store(args.pg, drop=True)
        for name, url in (("sqlite", sqlite_url), ("postgresql", args.pg)):
            load = os.getloadavg()
            started = time.perf_counter()
            summary = ingest([corpus], url, workers=args.workers, pipeline=nlp, progress=False)
            seconds = time.perf_counter() - started
            report[name] = {"seconds": round(seconds, 1), "docs_per_s": round(len(docs) / seconds, 2),
                            "words_per_s": round(words / seconds), "stored": summary.stored,
                            "skipped": summary.skipped, "failed": summary.failed,
                            "load_average_before": [round(x, 2) for x in load],
                            "load_average_after": [round(x, 2) for x in os.getloadavg()]}
            print(f"{name}: {summary.line()}", file=sys.stderr)
        lite, pg = table_keys(sqlite_url), table_keys(args.pg)
    report["rows"] = {name: len(rows) for name, rows in lite.items()}
    report["same_counts"] = report["rows"] == {name: len(rows) for name, rows in pg.items()}
    report["same_ids"] = lite == pg
    print(json.dumps(report, indent=2))
    return 0 if report["same_ids"] else 1


if __name__ == "__main__":
    sys.exit(main())
