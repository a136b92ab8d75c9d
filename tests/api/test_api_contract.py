"""The API's contract at its edges (#24): every stored document id opens, whatever its
characters, and every error a client can cause is one coded line `{"error": {"code",
"message"}}` with a 4xx status: bad parameters, malformed or non-Unicode bodies, unknown routes."""

from __future__ import annotations

from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")

import httpx  # noqa: E402
from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from api_fixtures import LiveServer  # noqa: E402

# Ids real feeds use (a URL is the commonest) and ids that break naive routing: path
# separators, dot segments, percent signs, spaces, query and fragment marks, a backslash.
ODD_IDS = ["https://news.example.org/2025/01/31/story?id=5&x=%20y", "..", ".", "a b", "100%",
           "x/../y", "/leading", "trailing/", "a//b", "#frag", "?q=1", "é/ü", "a\\b", "a+b",
           "%2F", "doc_plain", "../../etc/passwd", "documents"]


@pytest.fixture(scope="module")
def light():
    import wirecoder

    return wirecoder.load({"stages": ["clean"]})  # ids and routing need no parse


def _save(store, nlp, doc_id: str) -> None:
    from wirecoder.ingest import RawDocument

    store.save(nlp.analyze(RawDocument(text=f"Rebels attacked a convoy ({len(doc_id)}).",
                                       doc_id=doc_id)), "test")


@pytest.fixture(scope="module")
def odd(tmp_path_factory, light):
    """A live server (uvicorn decodes the path once, as in production; Starlette's TestClient
    decodes it twice, so '%252F' would reach the app as '/') over a store of odd ids."""
    from wirecoder.api import create_app
    from wirecoder.store import open_store

    url = f"sqlite:///{tmp_path_factory.mktemp('ids') / 'ids.db'}"
    store = open_store(url)
    for doc_id in ODD_IDS:
        _save(store, light, doc_id)
    with LiveServer(create_app(store, analyze="open")) as server, httpx.Client(base_url=server.url,
                                                                timeout=30) as client:
        yield client, store


def path_of(doc_id: str) -> str:
    """The id as one path segment: every reserved character and the dots percent-encoded (an
    unencoded '.' or '..' segment is removed by clients before the request is sent)."""
    return "/api/documents/" + quote(doc_id, safe="").replace(".", "%2E")


def opened(client: httpx.Client, doc_id: str) -> tuple[str | None, str | None]:
    by_query = client.get("/api/document", params={"id": doc_id})
    by_path = client.get(path_of(doc_id))
    return tuple(r.json()["analysis"]["document"]["id"] if r.status_code == 200 else r.text
                 for r in (by_query, by_path))


def test_every_stored_id_opens_by_query_and_by_path(odd):
    client, _store = odd
    listed = [d["id"] for d in client.get("/api/documents", params={"limit": 500}).json()["items"]]
    assert set(ODD_IDS) <= set(listed)
    for doc_id in listed:
        assert opened(client, doc_id) == (doc_id, doc_id)


def test_missing_ids_are_w050_on_both_routes(odd):
    client, _store = odd
    for r in (client.get("/api/documents/doc_nope"), client.get("/api/document",
                                                                  params={"id": "a/nope"}),
              client.get("/api/documents/a%2Fnope")):
        assert r.status_code == 404 and r.json()["error"]["code"] == "W050", r.text
    r = client.get("/api/document")  # no id at all: a parameter error, not a missing document
    assert r.status_code == 422 and r.json()["error"]["code"] == "W041"


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
@given(doc_id=st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40))
@example(doc_id="https://a.example/x/../y?z=%41#f")
@example(doc_id="\x00/\n")
def test_ids_with_any_characters_open(odd, light, doc_id):
    """Whatever characters an id holds (it comes from a feed), the stored document opens; an
    id with a NUL, which PostgreSQL cannot keep, is refused when read (W011) and asked for it
    is no document on either route."""
    from wirecoder.errors import InputNotText

    client, store = odd
    if "\x00" in doc_id:
        with pytest.raises(InputNotText):
            _save(store, light, doc_id)
        by_query = client.get("/api/document", params={"id": doc_id})
        assert by_query.status_code == 422 and by_query.json()["error"]["code"] == "W041"
        assert client.get(path_of(doc_id)).json()["error"]["code"] == "W050"
        return
    _save(store, light, doc_id)
    if not store.has_document(doc_id):  # an id the reader replaces (blank) is not kept as given
        return
    assert opened(client, doc_id) == (doc_id, doc_id)


# -- the error contract ---------------------------------------------------------------------------

def coded(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}, body
    assert body["error"]["code"] == code, body
    assert "\n" not in body["error"]["message"]
    return body["error"]["message"]


@pytest.mark.parametrize("query, names", [
    ("limit=abc", "limit"), ("limit=-1", "limit"), ("limit=501", "limit"), ("offset=-5", "offset"),
    ("since=01/02/2025", "since"), ("until=2025-13-01", "until"), ("min_confidence=2", "min_confidence"),
])
def test_bad_parameters_are_coded_w041(odd, query, names):
    client, _store = odd
    message = coded(client.get(f"/api/events?{query}"), 422, "W041")
    assert names in message


@pytest.mark.parametrize("path, query", [
    ("/api/events", "type=BOGUS"), ("/api/events", "country=MEXICO"), ("/api/aggregates", "type=BOGUS"),
    ("/api/actors", "country=MX"), ("/api/places", "country=mexico"), ("/api/quotes", "type=shouted"),
    ("/api/claims", "verdict=maybe"),
])
def test_filter_values_no_record_can_hold_are_w041(odd, path, query):
    """They answered an empty page (200) as if nothing matched."""
    client, _store = odd
    assert query.split("=")[1].lower() in coded(client.get(f"{path}?{query}"), 400, "W041").lower()


def test_malformed_and_non_unicode_bodies_are_coded_w052(odd):
    client, _store = odd
    for body in (b"{not json", b"\xff\xfe"):  # unreadable: 400
        r = client.post("/api/analyze", content=body, headers={"content-type": "application/json"})
        assert "not valid JSON" in coded(r, 400, "W052")
    # a lone surrogate (valid JSON escape, no character) was a 500 W099: it is W012, as in files
    for body in (b'{"text": "a\\ud800 b"}', b'{"text": "ok", "title": "\\udfff"}'):
        r = client.post("/api/analyze", content=body, headers={"content-type": "application/json"})
        assert "surrogate" in coded(r, 400, "W012")
    # a readable body of the wrong shape is 422, still coded
    for body, field in ((b"[1, 2]", "body"), (b"", "body"), (b'{"text": 5}', "text"),
                        (b'{"text": "x", "published": "2025-13-01"}', "published")):
        r = client.post("/api/analyze", content=body, headers={"content-type": "application/json"})
        assert field in coded(r, 422, "W052")


def test_a_lone_surrogate_in_a_field_name_is_coded_not_a_500(odd):
    client, _store = odd
    r = client.post("/api/analyze", content=b'{"text": 5, "\\udfff": 1}',
                    headers={"content-type": "application/json"})
    assert r.status_code in (400, 422) and r.json()["error"]["code"] == "W052", r.text


@pytest.mark.parametrize("query", ["id=a%00b", "actor=x%00", "q=%00", "place=%00&limit=5"])
def test_a_nul_in_a_query_is_w041_not_a_database_error(odd, query):
    """PostgreSQL compares no text with a NUL: /api/document?id=a%00b and /api/events?actor=x%00
    answered 500 W099 (DataError) there. The guard refuses it before any route, on any store."""
    client, _store = odd
    for path in ("/api/document", "/api/events", "/api/places", "/api/nowhere"):
        coded(client.get(f"{path}?{query}"), 422, "W041")


def test_unknown_routes_are_no_such_route_not_no_such_document(odd):
    client, _store = odd
    for path in ("/api/nope", "/nope", "/api/events/extra", "/static/nope.js"):
        message = coded(client.get(path), 404, "W057")
        assert "no such route" in message and "document" not in message
    coded(client.delete("/api/documents/x"), 405, "W052")


def test_the_spec_documents_the_coded_errors(odd):
    client, _store = odd
    spec = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in spec["components"]["schemas"]
    assert "/api/document" in spec["paths"] and "/api/documents/{document_id}" in spec["paths"]
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            for status, response in operation["responses"].items():
                if status.startswith("4"):
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ErrorOut"), (method, path, status)
