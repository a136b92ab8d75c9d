"""Stores for the API and dashboard tests: the seed article, optionally with PolNeAR documents.

Built once per test session with the store's own `ingest`. The seed is coded by the full
pipeline. The PolNeAR articles (for the browser tests: map, timeline, network and filters at
scale) are coded without the `quantities` and `claims` stages, which those views do not show,
to halve the build; numbers and claim verdicts are checked on the seed. The built store is kept
in WIRECODER_CACHE/test-stores keyed by both coder versions and the chosen files, so a second
run does not parse ~200 articles again; it is rebuilt whenever any of them changes.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
from pathlib import Path

SEED_PUBLISHED = "2025-01-31"


def polnear_jsonl(data_dir: Path, n: int, out: Path) -> Path:
    """`n` PolNeAR articles (dev first, then train) as JSONL with title, date and publisher."""
    base = data_dir / "quotes" / "polnear"
    with (base / "metadata.tsv").open(encoding="utf-8", newline="") as fh:
        meta = {r["filename"]: r for r in csv.DictReader(fh, delimiter="\t")}
    files = sorted((base / "dev" / "text").glob("*.txt")) + sorted((base / "train" / "text").glob("*.txt"))
    with out.open("w", encoding="utf-8") as fh:
        for f in files[:n]:
            m = meta.get(f.stem, {})
            fh.write(json.dumps({"id": f"polnear_{f.stem}", "text": f.read_text("utf-8"),
                                 "title": m.get("title") or None,
                                 "published": m.get("publication_date") or None,
                                 "source": m.get("publisher") or None}) + "\n")
    return out


def seed_store(seed: Path, folder: Path, pipeline) -> str:
    from wirecoder.store import ingest

    url = f"sqlite:///{folder / 'seed.db'}"
    ingest([seed], url, progress=False, pipeline=pipeline, published=SEED_PUBLISHED)
    return url


# Copies of the seed under other ids, outlets and dates (the last undated): a store past 100
# events for paging, with dated and undated events, in seconds rather than minutes.
SEED_COPIES = ["2025-01-31", "2024-06-03", "2023-11-20", "2022-03-15", None]


def seed_copies_store(seed: Path, folder: Path, pipeline) -> str:
    from wirecoder.store import ingest

    jsonl = folder / "copies.jsonl"
    with jsonl.open("w", encoding="utf-8") as fh:
        for n, published in enumerate(SEED_COPIES):
            fh.write(json.dumps({"id": f"copy{n}", "text": seed.read_text("utf-8"),
                                 "title": f"Copy {n} of the seed", "source": f"Outlet {n % 2}",
                                 "published": published}) + "\n")
    url = f"sqlite:///{folder / 'copies.db'}"
    ingest([jsonl], url, progress=False, pipeline=pipeline)
    return url


POLNEAR_DISABLED = ["quantities", "claims"]


def _package_digest() -> str:
    """A hash of wirecoder's code and shipped data: a cached store is reused only when nothing
    that codes it has changed (a stage's code can change before its version does). The web
    app (api/) only reads stores: editing it rebuilds nothing."""
    import wirecoder

    root = Path(wirecoder.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.suffix in (".py", ".tsv", ".json", ".yaml") and \
                path.relative_to(root).parts[0] != "api":
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def seed_and_polnear_store(seed: Path, data_dir: Path, folder: Path, pipeline, n: int) -> str:
    """The seed plus `n` PolNeAR articles, from the cache when the same build exists."""
    from wirecoder.pipeline import PipelineConfig, load
    from wirecoder.store import ingest

    jsonl = polnear_jsonl(data_dir, n, folder / "polnear.jsonl")
    light_config = PipelineConfig(disabled=POLNEAR_DISABLED)
    light = load(light_config)
    light_version = light.coder_version
    key = hashlib.sha256("\x1f".join([
        pipeline.coder_version, light_version, _package_digest(), seed.read_text("utf-8"),
        jsonl.read_text("utf-8")]).encode()).hexdigest()[:16]
    cache_root = Path(os.environ.get("WIRECODER_CACHE") or Path.home() / ".cache" / "wirecoder")
    cached = cache_root / "test-stores" / f"dashboard-{n}-{key}.db"
    target = folder / "dashboard.db"
    if not cached.exists():
        building = cached.with_suffix(f".{os.getpid()}.tmp")
        building.parent.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{building}"
        ingest([seed], url, progress=False, pipeline=pipeline, published=SEED_PUBLISHED)
        ingest([jsonl], url, progress=False, pipeline=light)
        from sqlalchemy import create_engine, text

        engine = create_engine(url)  # fold the WAL into the file before it is copied
        with engine.begin() as conn:
            conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        engine.dispose()
        building.replace(cached)
    shutil.copyfile(cached, target)
    return f"sqlite:///{target}"


class LiveServer:
    """uvicorn serving `app` on a free loopback port, in a thread of the test process."""

    def __init__(self, app):
        import socket
        import threading

        import uvicorn

        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]},
                                       daemon=True)

    def __enter__(self) -> LiveServer:
        import time

        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()
