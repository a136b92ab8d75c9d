"""Load test of the web API: a bounded loop of read requests against 127.0.0.1.

    python bench/api_load.py --db wirecoder.db [--threads 4] [--seconds 15] [--max-requests 20000]
    python bench/api_load.py --url http://127.0.0.1:8000      # a server you started yourself

Without --url it starts `wirecoder serve --db DB` on a free loopback port in a subprocess,
waits for it, runs the loop, and stops it. The mix of reads is what the dashboard and a script
would ask: pages of events (with and without filters), aggregates, documents (list and one),
quotes, claims, actors, places. Reports reads/s, latency percentiles and errors as JSON. The
target in issue 9 is >= 200 reads/s with 2 cores (client and server share them here).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, cache: bool = True) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("WIRECODER_INGEST_TOKEN", None)  # read-only
    proc = subprocess.Popen([sys.executable, "-m", "wirecoder.cli", "serve", "--db", db,
                             "--port", str(port), "--log-level", "warning"]
                            + ([] if cache else ["--no-cache"]), env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise SystemExit(f"bench: the server exited with status {proc.returncode}")
        time.sleep(0.2)
    proc.terminate()
    raise SystemExit("bench: the server did not start within 60 s")


def request_mix(base: str) -> list[tuple[str, str, dict]]:
    """(name, path, params) requests, weighted by repetition, built from the store's contents."""
    docs = httpx.get(f"{base}/api/documents", params={"limit": 100}, timeout=30).json()["items"]
    agg = httpx.get(f"{base}/api/aggregates", timeout=60).json()
    types = [c["key"] for c in agg["by_type"][:6]] or ["ASSAULT"]
    countries = [c["key"] for c in agg["by_country"][:6]] or ["USA"]
    mix: list[tuple[str, str, dict]] = []
    total = httpx.get(f"{base}/api/events", params={"limit": 1}, timeout=30).json()["total"]
    mix += [("events", "/api/events", {"limit": 50, "offset": o})
            for o in range(0, max(1, total), 50)][:40]
    mix += [("events?type", "/api/events", {"type": t, "limit": 50}) for t in types]
    mix += [("events?country", "/api/events", {"country": c, "limit": 50}) for c in countries]
    mix += [("aggregates", "/api/aggregates", {})] * 2
    mix += [("aggregates?type", "/api/aggregates", {"type": t}) for t in types[:3]]
    mix += [("documents", "/api/documents", {"limit": 50})] * 2
    mix += [("document", f"/api/documents/{d['id']}", {}) for d in docs[:20]]
    mix += [("quotes", "/api/quotes", {"limit": 50}), ("claims", "/api/claims", {"limit": 50}),
            ("actors", "/api/actors", {"limit": 50}), ("places", "/api/places", {"limit": 50}),
            ("health", "/api/health", {})]
    return mix


def run(base: str, threads: int, seconds: float, max_requests: int, warmup: int) -> dict:
    mix = request_mix(base)
    with httpx.Client(base_url=base, timeout=30) as client:  # warm the server's caches
        for _name, path, params in mix[:warmup] if warmup else []:
            client.get(path, params=params)
    latencies: list[float] = []
    by_name: Counter = Counter()
    time_by_name: Counter = Counter()
    errors: Counter = Counter()
    lock = threading.Lock()
    issued = 0
    stop_at = time.monotonic() + seconds

    def worker(seed: int) -> None:
        nonlocal issued
        rng = random.Random(seed)
        local: list[float] = []
        with httpx.Client(base_url=base, timeout=30) as client:
            while time.monotonic() < stop_at:
                with lock:
                    if issued >= max_requests:
                        break
                    issued += 1
                name, path, params = rng.choice(mix)
                t0 = time.perf_counter()
                try:
                    r = client.get(path, params=params)
                    ok = r.status_code == 200
                    if not ok:
                        with lock:
                            errors[f"{name}: HTTP {r.status_code}"] += 1
                except httpx.HTTPError as exc:
                    ok = False
                    with lock:
                        errors[f"{name}: {type(exc).__name__}"] += 1
                took = time.perf_counter() - t0
                local.append(took)
                with lock:
                    by_name[name] += 1
                    time_by_name[name] += took
        with lock:
            latencies.extend(local)

    started = time.perf_counter()
    pool = [threading.Thread(target=worker, args=(i,)) for i in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(q: float) -> float:
        return round(1000 * latencies[min(len(latencies) - 1, int(q * len(latencies)))], 1) \
            if latencies else 0.0

    return {
        "requests": len(latencies), "seconds": round(elapsed, 2),
        "reads_per_second": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "p50_ms": pct(0.50), "p90_ms": pct(0.90), "p99_ms": pct(0.99),
        "max_ms": round(1000 * latencies[-1], 1) if latencies else 0.0,
        "errors": sum(errors.values()), "error_kinds": dict(errors),
        "threads": threads,
        "by_endpoint": {name: {"requests": n, "mean_ms": round(1000 * time_by_name[name] / n, 1)}
                        for name, n in sorted(by_name.items())},
        "cpus": os.cpu_count(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--db", help="store to serve (a SQLite path or URL)")
    where.add_argument("--url", help="a running server's base URL (loopback only)")
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=15.0)
    parser.add_argument("--max-requests", type=int, default=20_000)
    parser.add_argument("--warmup", type=int, default=200, help="requests before timing starts")
    parser.add_argument("--no-cache", dest="cache", action="store_false",
                        help="start the server with --no-cache: every answer from the store")
    args = parser.parse_args()
    proc = None
    if args.url:
        host = httpx.URL(args.url).host
        if host not in ("127.0.0.1", "localhost", "::1"):
            raise SystemExit("bench: only loopback servers (127.0.0.1)")
        base = args.url.rstrip("/")
    else:
        port = free_port()
        proc = start_server(args.db, port, args.cache)
        base = f"http://127.0.0.1:{port}"
    try:
        result = run(base, args.threads, args.seconds, args.max_requests, args.warmup)
        health = httpx.get(f"{base}/api/health", timeout=10).json()
        result.update(documents=health["documents"], events=health["events"],
                      server_cache=args.cache if not args.url else None)
    finally:
        if proc is not None:
            proc.terminate()
            proc.wait(timeout=20)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
