"""POST /api/analyze on a public server (#24): off unless enabled, token-guarded by default when
a token is set, a lower body cap than ingest, and no analysis ever holds up an ingest."""

from __future__ import annotations

import threading

import pytest

pytest.importorskip("fastapi")

import httpx  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from api_fixtures import LiveServer  # noqa: E402

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BODY = {"text": "Rebels attacked the town of Goma on Monday.", "published": "2025-03-04"}


@pytest.fixture(scope="module")
def light():
    import wirecoder

    return wirecoder.load({"stages": ["clean"]})  # who may analyse needs no parse


@pytest.fixture()
def light_load(monkeypatch, light):
    """The server's pipelines are the light one."""
    import wirecoder.pipeline

    monkeypatch.setattr(wirecoder.pipeline, "load", lambda *a, **k: light)
    return light


def _app(tmp_path, **kwargs):
    from wirecoder.api import create_app

    return create_app(f"sqlite:///{tmp_path / 'a.db'}", **kwargs)


def _store(tmp_path) -> None:
    from wirecoder.store import migrate

    migrate(f"sqlite:///{tmp_path / 'a.db'}")


def _code(r: httpx.Response) -> tuple[int, str]:
    return r.status_code, r.json()["error"]["code"] if r.status_code >= 400 else ""


def test_analyze_is_off_on_a_read_only_server(tmp_path, light_load):
    """It ran for anyone on a read-only server (one 1.9 MB request: 65.6 s of CPU)."""
    _store(tmp_path)
    client = TestClient(_app(tmp_path))
    assert client.get("/api/health").json()["analyze"] == "off"
    r = client.post("/api/analyze", json=BODY)
    assert _code(r) == (403, "W053") and "--analyze" in r.json()["error"]["message"]
    assert _code(client.post("/api/analyze", json=BODY, headers=AUTH)) == (403, "W053")
    opened = TestClient(_app(tmp_path, analyze="open"))
    assert opened.post("/api/analyze", json=BODY).status_code == 200


def test_analyze_needs_the_token_when_the_server_has_one(tmp_path, light_load):
    client = TestClient(_app(tmp_path, ingest_token=TOKEN))
    assert client.get("/api/health").json()["analyze"] == "token"
    no = client.post("/api/analyze", json=BODY)
    assert _code(no) == (401, "W054") and no.headers["www-authenticate"] == "Bearer"
    assert _code(client.post("/api/analyze", json=BODY,
                             headers={"Authorization": "Bearer nope"})) == (403, "W054")
    assert client.post("/api/analyze", json=BODY, headers=AUTH).status_code == 200
    anyone = TestClient(_app(tmp_path, ingest_token=TOKEN, analyze="open"))
    assert anyone.post("/api/analyze", json=BODY).status_code == 200
    off = TestClient(_app(tmp_path, ingest_token=TOKEN, analyze="off"))
    assert _code(off.post("/api/analyze", json=BODY, headers=AUTH)) == (403, "W053")


def test_analyze_token_without_a_token_is_a_bad_option(tmp_path):
    from wirecoder.api.errors import ServeError

    _store(tmp_path)
    with pytest.raises(ServeError, match="needs an ingest token"):
        _app(tmp_path, analyze="token")


def test_analyze_bodies_are_capped_below_ingest(tmp_path, light_load):
    client = TestClient(_app(tmp_path, ingest_token=TOKEN, analyze="open",
                             analyze_max_body=5_000, max_body=50_000))
    big = {"text": "Rebels attacked a convoy. " * 300}  # about 7,800 bytes
    r = client.post("/api/analyze", json=big)
    assert _code(r) == (413, "W051") and "analyze limit of 5000" in r.json()["error"]["message"]

    def chunks():  # no Content-Length: the cap still holds
        for _ in range(4):
            yield b"x" * 2_000

    r = client.post("/api/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert _code(r) == (413, "W051")
    assert client.post("/api/ingest", json=big, headers=AUTH).json()["outcome"] == "stored"


class SlowPipeline:
    """The light pipeline, but a text holding 'SLOW' is analysed until `release` is set (or
    60 s pass: a deadlock breaker, not a timing)."""

    def __init__(self, nlp):
        self.nlp, self.coder_version = nlp, nlp.coder_version
        self.started, self.release = threading.Event(), threading.Event()
        self.running = False

    def analyze(self, raw):
        if "SLOW" in raw.text:
            self.running = True
            self.started.set()
            self.release.wait(60)
            self.running = False
        return self.nlp.analyze(raw)


def test_an_anonymous_analysis_never_holds_up_an_ingest(tmp_path, monkeypatch, light):
    """Analyze and ingest shared one lock: a long anonymous analysis made the token holder's
    ingest wait for it. Now each has its own pipeline and lock, and a second analysis while
    one runs is refused (503 W058), not queued on the server's threads."""
    import wirecoder.pipeline

    slow = SlowPipeline(light)
    monkeypatch.setattr(wirecoder.pipeline, "load", lambda *a, **k: slow)
    app = _app(tmp_path, ingest_token=TOKEN, analyze="open")
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=120) as client:
        answers: list[httpx.Response] = []
        anonymous = threading.Thread(target=lambda: answers.append(client.post(
            "/api/analyze", json={"text": "SLOW: rebels attacked a convoy."})))
        anonymous.start()
        assert slow.started.wait(60)
        busy = client.post("/api/analyze", json=BODY)
        assert _code(busy) == (503, "W058") and busy.headers["retry-after"]
        ingested = client.post("/api/ingest", json=BODY, headers=AUTH)
        still_analysing = slow.running
        slow.release.set()
        anonymous.join(120)
    assert ingested.status_code == 200 and ingested.json()["outcome"] == "stored"
    assert still_analysing, "the ingest waited for the anonymous analysis to end"
    assert [a.status_code for a in answers] == [200]
