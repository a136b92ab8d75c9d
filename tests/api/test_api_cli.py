"""`wirecoder serve`: a real uvicorn process on a loopback port, and its coded errors."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time

import pytest

httpx = pytest.importorskip("httpx")
pytest.importorskip("fastapi")

from conftest import REPO  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_reports_a_port_in_use(capsys, tmp_path):
    from wirecoder.cli import main

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = main(["serve", "--db", str(tmp_path / "x.db"), "--port", str(port)])
    assert code == 2
    assert "W056" in capsys.readouterr().err


@pytest.mark.parametrize("token", [None, "env-token"])
def test_serve_runs_read_only_unless_a_token_is_set(tmp_path, token):
    from wirecoder.store import migrate

    if token is None:  # a read-only server never creates its store
        migrate(f"sqlite:///{tmp_path / 's.db'}")
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    env.pop("WIRECODER_INGEST_TOKEN", None)
    if token:
        env["WIRECODER_INGEST_TOKEN"] = token
    proc = subprocess.Popen([sys.executable, "-m", "wirecoder.cli", "serve", "--db",
                             str(tmp_path / "s.db"), "--port", str(port), "--log-level", "warning"],
                            env=env, stderr=subprocess.PIPE, text=True)
    try:
        health = None
        for _ in range(150):
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=1).json()
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stderr.read()
                time.sleep(0.1)
        assert health is not None and health["status"] == "ok"
        assert health["ingest_enabled"] is bool(token)
        assert health["analyze"] == ("token" if token else "off")
        r = httpx.post(f"http://127.0.0.1:{port}/api/ingest", json={"text": "x"})
        assert r.status_code == (401 if token else 403)
        assert r.headers["x-frame-options"] == "DENY"
        assert "server" not in r.headers  # uvicorn's banner is off
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_a_read_only_server_never_creates_its_store(capsys, tmp_path):
    from wirecoder.cli import main

    missing = tmp_path / "typo.db"
    assert main(["serve", "--db", str(missing), "--port", str(_free_port())]) == 2
    assert "W040: no store at" in capsys.readouterr().err and not missing.exists()
