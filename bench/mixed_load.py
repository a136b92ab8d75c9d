"""Mixed load: read requests against the API while an ingest writes to the same store.

    python bench/mixed_load.py [--base-docs 100] [--docs 400] [--seconds 20] [--threads 4]
    python bench/mixed_load.py --db postgresql://user:pw@127.0.0.1/db   # the same on PostgreSQL

Builds a store holding `--base-docs` PolNeAR articles (from ../shared/data), starts `wirecoder
serve` on a free loopback port, starts `wirecoder ingest` of `--docs` further articles into the
same store in a second process, and runs the bounded read loop of bench/api_load.py for
`--seconds` while that ingest runs. Reports reads/s, latency percentiles, errors, and how many
documents the ingest stored during the window; the figures only count when `ingest_still_running`
is true at the end of the window (raise --docs otherwise). Issue 11's target: >= 200 reads/s,
p99 < 200 ms and zero errors while ingest continues (client, server and ingest share 2 cores).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from api_load import free_port, run, start_server  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def polnear_articles(n: int, skip: int = 0) -> list[dict]:
    """PolNeAR articles (train texts, sorted) as JSONL-ready documents."""
    base = SHARED / "data" / "quotes" / "polnear"
    files = sorted((base / "train" / "text").glob("*.txt"))
    if not files:
        raise SystemExit(f"bench: needs the PolNeAR texts under {base}")
    return [{"id": f"polnear_{f.stem}", "text": f.read_text("utf-8"), "published": "2016-06-01"}
            for f in files[skip:skip + n]]


def write_jsonl(docs: list[dict], path: Path) -> Path:
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return path


def wirecoder(*args: str) -> list[str]:
    return [sys.executable, "-m", "wirecoder.cli", *args]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="store URL (default: a new SQLite file in a temp folder)")
    parser.add_argument("--base-docs", type=int, default=100)
    parser.add_argument("--docs", type=int, default=400, help="documents ingested under load")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--max-requests", type=int, default=50_000)
    args = parser.parse_args()

    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    with tempfile.TemporaryDirectory(prefix="wirecoder-mixed-") as tmp:
        folder = Path(tmp)
        db = args.db or f"sqlite:///{folder / 'mixed.db'}"
        base = write_jsonl(polnear_articles(args.base_docs), folder / "base.jsonl")
        more = write_jsonl(polnear_articles(args.docs, skip=args.base_docs), folder / "more.jsonl")
        subprocess.run(wirecoder("ingest", str(base), "--db", db, "--no-progress"), env=env,
                       check=True)
        port = free_port()
        server = start_server(db, port)
        url = f"http://127.0.0.1:{port}"
        ingest = None
        try:
            before = httpx.get(f"{url}/api/health", timeout=10).json()["documents"]
            ingest = subprocess.Popen(wirecoder("ingest", str(more), "--db", db, "--no-progress",
                                                "--batch-size", "8"),
                                      env=env, stdout=subprocess.DEVNULL)
            time.sleep(2.0)  # let the ingest load its model and start writing
            result = run(url, args.threads, args.seconds, args.max_requests, warmup=100)
            still_running = ingest.poll() is None
            after = httpx.get(f"{url}/api/health", timeout=10).json()["documents"]
        finally:
            if ingest is not None and ingest.poll() is None:
                ingest.terminate()
                ingest.wait(timeout=30)
            server.terminate()
            server.wait(timeout=20)
    result.update(store=db.split(":", 1)[0], documents_before=before,
                  documents_stored_during_window=after - before,
                  ingest_still_running=still_running, load_average=os.getloadavg()[0])
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
