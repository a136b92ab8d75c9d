"""The web API over a store holding the seed article (FastAPI TestClient, no network)."""

from __future__ import annotations

import socket

import pytest

pytest.importorskip("fastapi")

from fastapi.testclient import TestClient  # noqa: E402

from api_fixtures import seed_store  # noqa: E402
from conftest import SEED, need  # noqa: E402

TOKEN = "s3cret-token"


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory, pipeline) -> str:
    return seed_store(need(SEED), tmp_path_factory.mktemp("api"), pipeline)


@pytest.fixture(scope="module")
def client(seed_db) -> TestClient:
    from wirecoder.api import create_app

    return TestClient(create_app(seed_db))


@pytest.fixture()
def writer(tmp_path, pipeline) -> TestClient:
    from wirecoder.api import create_app

    return TestClient(create_app(f"sqlite:///{tmp_path / 'w.db'}", ingest_token=TOKEN,
                                 max_body=50_000))


def test_events_match_the_cli_rows(client, seed_db):
    from wirecoder.store.queries import rows

    got = client.get("/api/events", params={"limit": 500}).json()
    expected = rows("events", seed_db)
    assert got["total"] == len(expected) > 20
    assert [e["id"] for e in got["items"]] == [e["id"] for e in expected]
    assert got["items"][0] == expected[0]


def test_min_confidence_defaults_to_precision_and_can_keep_all(client, seed_db):
    from wirecoder.extract.event_confidence import DEFAULT_MIN_CONFIDENCE
    from wirecoder.store.queries import rows

    everything = client.get("/api/events", params={"min_confidence": 0, "limit": 500}).json()
    assert everything["total"] == len(rows("events", seed_db, min_confidence=0))
    strict = client.get("/api/events", params={"min_confidence": 0.9, "limit": 500}).json()
    assert strict["total"] < everything["total"]
    assert strict["total"] == len(rows("events", seed_db, min_confidence=0.9))
    # the seed's events all stay above the default
    assert client.get("/api/events").json()["total"] == everything["total"]
    assert DEFAULT_MIN_CONFIDENCE > 0
    assert client.get("/api/events", params={"min_confidence": 2}).status_code in (400, 422)
    agg = client.get("/api/aggregates", params={"min_confidence": 0.9}).json()
    assert agg["total"] == strict["total"]


def test_event_filters_like_the_cli(client, seed_db):
    from wirecoder.store.queries import rows

    for params in ({"type": "ASSAULT"}, {"country": "MEX"}, {"modality": "threatened,planned"},
                   {"actor": "border patrol"}, {"since": "2025-02-01"},
                   {"until": "2025-01-27"}, {"place": "Fronton"}):
        got = client.get("/api/events", params=params).json()
        assert got["total"] == len(rows("events", seed_db, **params)), params
    assert client.get("/api/events", params={"type": "SANCTION"}).json()["total"] < \
        client.get("/api/events").json()["total"]


def test_pagination_and_page_size_limit(client):
    first = client.get("/api/events", params={"limit": 5}).json()
    second = client.get("/api/events", params={"limit": 5, "offset": 5}).json()
    assert len(first["items"]) == len(second["items"]) == 5
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
    assert client.get("/api/events", params={"limit": 501}).status_code == 422
    assert client.get("/api/events", params={"offset": -1}).status_code == 422


def test_bad_filter_is_a_coded_400(client):
    r = client.get("/api/events", params={"modality": "imagined"})
    assert r.status_code == 400 and r.json()["error"]["code"] == "W041"


def test_document_with_text_and_records(client):
    docs = client.get("/api/documents").json()
    assert docs["total"] == 1
    doc_id = docs["items"][0]["id"]
    detail = client.get(f"/api/documents/{doc_id}").json()
    text = detail["analysis"]["document"]["text"]
    assert "Hegseth" in text
    for kind in ("events", "quotes", "quantities", "claims"):
        for record in detail["analysis"][kind]:
            for span in record["evidence"]:
                assert text[span["start"]:span["end"]] == span["text"]
    assert len(detail["events"]) == docs["items"][0]["events"]
    missing = client.get("/api/documents/doc_nope")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "W050"


def test_quotes_claims_actors_places(client):
    quotes = client.get("/api/quotes", params={"type": "direct"}).json()
    assert quotes["total"] > 0 and all(q["kind"] == "direct" for q in quotes["items"])
    claims = client.get("/api/claims").json()
    assert claims["total"] > 0 and {c["verdict"] for c in claims["items"]} <= {
        "consistent", "contradicted", "unverifiable"}
    actors = client.get("/api/actors", params={"q": "hegseth"}).json()
    assert actors["items"] and actors["items"][0]["country"] == "USA"
    places = client.get("/api/places", params={"country": "MEX"}).json()
    mexico = next(p for p in places["items"] if p["name"] == "Mexico")
    assert mexico["precision"] == "country" and mexico["country_numeric"] == "484"


def test_aggregates_show_the_seed(client):
    agg = client.get("/api/aggregates", params={"since": "2025-01-01"}).json()
    assert agg["interval"] == "day"
    days = {d["date"] for d in agg["by_date"]}
    assert {"2025-01-27", "2025-01-31", "2025-02-01"} <= days
    pairs = {(p["source"], p["target"], p["type"]) for p in agg["actor_pairs"]}
    # nodes: the registry's actors by name ("Trump", "the president", "Donald Trump": one node,
    # coded USA GOV), described parties by their code
    assert ("Donald Trump", "MEX CRM", "THREATEN") in pairs
    assert {p["source_code"] for p in agg["actor_pairs"] if p["source"] == "Donald Trump"} \
        == {"USA GOV"}
    codes = {(p["source_code"], p["target_code"], p["type"]) for p in agg["actor_pairs"]}
    assert ("MEX CRM", "USA COP", "ASSAULT") in codes
    assert {("Donald Trump", "Mexico", "SANCTION"), ("Donald Trump", "Canada", "SANCTION"),
            ("Donald Trump", "China", "SANCTION")} <= pairs
    assert sum(c["count"] for c in agg["by_type"]) == agg["total"]
    places = {p["name"]: p for p in agg["places"]}
    assert places["Mexico"]["precision"] == "country"
    assert abs(places["Fronton"]["latitude"] - 26.4) < 0.5
    assert agg["without_place"] + sum(p["count"] for p in agg["places"]) == agg["total"]
    assert agg["without_date"] + sum(d["count"] for d in agg["by_date"]) == agg["total"]
    only = client.get("/api/aggregates", params={"type": "SANCTION"}).json()
    assert only["total"] < agg["total"] and [c["key"] for c in only["by_type"]] == ["SANCTION"]


def test_security_headers_on_every_response(client):
    for path in ("/api/events", "/api/documents/nope", "/openapi.json", "/static/nope.js",
                 "/api/events?limit=9999"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"


def test_cors_is_off(client):
    r = client.get("/api/events", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in r.headers
    pre = client.options("/api/events", headers={"Origin": "https://evil.example",
                                                "Access-Control-Request-Method": "GET"})
    assert "access-control-allow-origin" not in pre.headers


def test_read_only_by_default(client):
    r = client.post("/api/ingest", json={"text": "Rebels attacked the town."},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403 and r.json()["error"]["code"] == "W053"
    assert client.delete("/api/documents/x").status_code == 405
    assert client.put("/api/events", json={}).status_code == 405


def test_ingest_needs_the_token(writer):
    body = {"text": "Rebels attacked the town of Goma on Monday.", "published": "2025-03-04"}
    no = writer.post("/api/ingest", json=body)
    assert no.status_code == 401 and no.json()["error"]["code"] == "W054"
    assert no.headers["www-authenticate"] == "Bearer"
    wrong = writer.post("/api/ingest", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403
    assert writer.get("/api/documents").json()["total"] == 0
    ok = writer.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["outcome"] == "stored"
    assert writer.get("/api/documents").json()["total"] == 1
    again = writer.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json()["outcome"] == "skipped"


def test_ingest_under_a_stored_id_with_another_text_replaces_it(writer):
    """The same id and text is skipped; the same id with a corrected text replaced the stored
    document (it was skipped, and the correction lost)."""
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = {"id": "https://example.org/goma", "text": "Rebels attacked the town of Goma."}
    fixed = {**first, "text": "Rebels attacked the town of Goma on Monday, officials said."}
    outcomes = [writer.post("/api/ingest", json=body, headers=auth).json()["outcome"]
                for body in (first, first, fixed)]
    assert outcomes == ["stored", "skipped", "replaced"]
    doc = writer.get("/api/document", params={"id": first["id"]}).json()
    assert doc["analysis"]["document"]["original_text"] == fixed["text"]


def test_body_size_limit(writer):
    big = {"text": "word " * 20_000}
    r = writer.post("/api/analyze", json=big)
    assert r.status_code == 413 and r.json()["error"]["code"] == "W051"

    def chunks():  # no Content-Length: the limit still holds
        for _ in range(20):
            yield b"x" * 5_000

    r = writer.post("/api/ingest", content=chunks(), headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert r.status_code == 413


def test_analyze_returns_records_and_stores_nothing(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}  # analyze takes the token on such a server
    r = writer.post("/api/analyze", json={"text": "Rebels attacked the town of Goma on Monday.",
                                          "published": "2025-03-04"}, headers=auth)
    assert r.status_code == 200
    body = r.json()
    assert [e["type"] for e in body["events"]] == ["ASSAULT"]
    assert body["events"][0]["date"] == "2025-03-03"
    assert writer.get("/api/documents").json()["total"] == 0
    assert writer.post("/api/analyze", json={"text": "   "},
                       headers=auth).json()["error"]["code"] == "W052"


def test_the_server_never_fetches_urls(writer, monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("the server tried to open a connection")

    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket.socket, "connect", no_network)
    r = writer.post("/api/ingest", json={"text": "Police arrested two men in Lagos.",
                                         "url": "http://169.254.169.254/latest/meta-data/"},
                    headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200


def test_no_path_traversal_on_static_files(client):
    for path in ("/static/../app.py", "/static/%2e%2e/app.py", "/static/..%2fapp.py",
                 "/static/%2e%2e/%2e%2e/store/repository.py", "/static//etc/passwd",
                 "/static/js/../../app.py"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert "create_app" not in r.text and "root:" not in r.text


def test_openapi_lists_the_endpoints(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{document_id}", "/api/events", "/api/quotes",
                 "/api/claims", "/api/actors", "/api/places", "/api/aggregates", "/api/analyze",
                 "/api/ingest"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/ingest"] and spec["components"]["securitySchemes"]


def test_an_internal_error_is_one_coded_line_with_the_headers(seed_db):
    from wirecoder.api import create_app

    app = create_app(seed_db)

    def broken():
        raise RuntimeError("secret detail /etc/passwd")

    app.state.reader.totals = broken
    r = TestClient(app, raise_server_exceptions=False).get("/api/health")
    assert r.status_code == 500
    assert r.json() == {"error": {"code": "W099", "message": "internal error (RuntimeError)"}}
    assert "secret" not in r.text and "Traceback" not in r.text
    assert r.headers["x-frame-options"] == "DENY"
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_answers_follow_the_store(writer):
    """Remembered answers are dropped when the store changes (here: an ingest)."""
    before = writer.get("/api/aggregates").json()["total"]
    writer.post("/api/ingest", json={"text": "Rebels attacked the town of Goma on Monday.",
                                     "published": "2025-03-04"},
                headers={"Authorization": f"Bearer {TOKEN}"})
    after = writer.get("/api/aggregates").json()
    assert before == 0 and after["total"] == 1 and after["by_type"][0]["key"] == "ASSAULT"
    assert writer.get("/api/events").json()["total"] == 1
