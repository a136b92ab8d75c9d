"""The FastAPI app: read endpoints over the store, analyze, token-guarded ingest, the dashboard.

    app = create_app("sqlite:///news.db", ingest_token=None)   # read-only, analyze off
    uvicorn.run(app, host="127.0.0.1", port=8000)

Read-only unless an ingest token is configured (the store is then opened read-only and never
created); analyze is off, token or open (`api/analysis.py`); no CORS headers (same-origin only);
every response carries the security headers of `guard.py`; request bodies are capped (413,
W051), analyze bodies lower. The server never fetches a URL: documents arrive as text.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, Query
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.convertors import Convertor, register_url_convertor

from ..about import __version__
from ..extract.event_confidence import DEFAULT_MIN_CONFIDENCE
from ..records import MODALITIES
from ..store.codes import event_type_rows
from ..store.connect import is_memory, resolve_url
from ..store.errors import BadFilter, StoreError
from ..store.repository import Store, open_store
from .aggregates import NetworkCut
from .analysis import DEFAULT_ANALYZE_MAX_BODY, add_analysis_routes, analyze_mode, body_limits
from .clusters import router as clusters_router
from .data import StoreReader
from .errors import (
    DashboardMissing,
    NotFound,
)
from .guard import Guard
from .handlers import add_error_handlers
from .models import (
    ActorOut,
    Aggregates,
    ClaimOut,
    DocumentDetail,
    ErrorOut,
    EventOut,
    EventTypeOut,
    Health,
    Page,
    PlaceOut,
    QuoteOut,
)
from .tables import router as tables_router

STATIC = Path(__file__).parent / "static"
VENDOR = STATIC / "vendor"
MAX_PAGE = 500
DEFAULT_PAGE = 50
DEFAULT_MAX_BODY = 2_000_000

# Every route answers its errors as ErrorOut (api/handlers.py): 422 replaces FastAPI's
# HTTPValidationError, which no response has since the validation handler is ours.
INVALID = {422: {"model": ErrorOut, "description": "a parameter (W041) or body field (W052) "
                                                   "that fails validation"}}
ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "a filter value the store cannot take (W041), an "
                                            "unreadable body (W052, W012)"},
    413: {"model": ErrorOut, "description": "request body too large (W051)"},
    **INVALID,
}
NOT_FOUND = {404: {"model": ErrorOut, "description": "no such document (W050)"}, **INVALID}

Offset = Annotated[int, Query(ge=0, le=10_000_000, description="records to skip")]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"page size (at most {MAX_PAGE})")]
Text = Annotated[str | None, Query(max_length=200)]
Since = Annotated[date | None, Query(description="from this date on (YYYY-MM-DD)")]
Until = Annotated[date | None, Query(description="up to and including this date")]
MinConfidence = Annotated[float, Query(ge=0, le=1, description=(
    "only events at least this likely to be right; the default favours precision, 0 keeps all"))]


class AnyText(Convertor[str]):
    """A path parameter of any characters: '/' and newlines too (Starlette's `path` is `.*`, and
    its `$` matches before a final newline, so the id "a\n" opened the document "a")."""

    regex = r"[\s\S]*"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return str(value)


register_url_convertor("anytext", AnyText())


def create_app(db: str | Store | None = None, *, ingest_token: str | None = None,
               analyze: str | None = None, max_body: int = DEFAULT_MAX_BODY,
               analyze_max_body: int = DEFAULT_ANALYZE_MAX_BODY, cache: bool = True) -> FastAPI:
    """The API over the store at `db` (a URL, a path or an open Store): opened read-only (and
    never created) unless an ingest token lets clients write. `analyze`: off, token or open
    (api/analysis.py). `cache=False` answers every request from the store."""
    token = ingest_token or None
    mode = analyze_mode(analyze, token)
    if token is not None and not isinstance(db, Store) and is_memory(resolve_url(db)):
        # ingest answered "stored" and everything was gone when the server stopped (as
        # `ingest --db :memory:` was: W040 there too)
        raise StoreError("an in-memory database (:memory:) keeps nothing after the server "
                         "stops: give a file (--db news.db) or a database URL to ingest into")
    store = db if isinstance(db, Store) else open_store(db, read_only=token is None)
    reader = StoreReader(store, memo=cache)

    app = FastAPI(
        title="wirecoder", version=__version__,
        description="Checked, sourced event data from news reports: events, quotes, claims, "
                    "places and actors, each pointing at its evidence in the document text.",
        docs_url=None, redoc_url=None,  # their pages load scripts from a CDN; /openapi.json stays
    )
    app.state.reader = reader
    app.state.ingest_token = token
    app.state.analyze = mode
    app.add_middleware(Guard, max_body=max_body, limits=body_limits(analyze_max_body))

    add_error_handlers(app)

    # -- read endpoints ---------------------------------------------------------------------------

    @app.get("/api/health", response_model=Health, tags=["meta"])
    def health() -> dict[str, Any]:
        return {"status": "ok", **reader.totals(), "ingest_enabled": token is not None,
                "analyze": mode, "dashboard": VENDOR.is_dir()}

    @app.get("/api/event-types", response_model=list[EventTypeOut], tags=["meta"])
    def event_types() -> list[dict[str, Any]]:
        """The PLOVER types (knowledge/plover_types.tsv): the dashboard's colours and order."""
        return event_type_rows()

    app.include_router(clusters_router)  # /api/clusters/table
    app.include_router(tables_router)  # /api/documents, /api/events/table, /api/events.csv
    _document_routes(app, reader)
    _record_routes(app, reader)
    _directory_routes(app, reader)

    # -- analyze and ingest: api/analysis.py ----------------------------------------------------

    add_analysis_routes(app, store, ERRORS, analyze_max_body=analyze_max_body)

    _dashboard_routes(app)
    return app


def _cached(reader: StoreReader, model: Any, key: tuple, produce: Any) -> Response:
    """The answer as JSON checked against `model`, kept while the store is unchanged
    (dashboards ask the same questions again and again)."""
    body = reader.memo(key, lambda: model.model_validate(produce()).model_dump_json().encode())
    return Response(body, media_type="application/json")


def _paged(offset: int, limit: int, total: int, items: list, exact: bool = True) -> dict[str, Any]:
    return {"total": total, "total_exact": exact, "offset": offset, "limit": limit, "items": items}


def _filters(**given: Any) -> dict[str, Any]:
    return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in given.items()
            if v not in (None, "")}


def _modality(value: str | None) -> str | None:
    if value:
        bad = [m for m in value.split(",") if m.strip() and m.strip() not in MODALITIES]
        if bad:
            raise BadFilter(f"unknown modality {', '.join(bad)}; choose from "
                            f"{', '.join(MODALITIES)}")
    return value


def _document_routes(app: FastAPI, reader: StoreReader) -> None:
    """One stored document with every record, by id in the path or in the query."""

    # Any id opens: ids are often URLs ('/'), and may hold '..', '%' or spaces. The path form
    # takes every character after /api/documents/ (percent-encoded); the query form is for
    # browsers, which drop '.' and '..' path segments (even as %2E) before sending.
    @app.get("/api/documents/{document_id:anytext}", response_model=DocumentDetail,
             responses=NOT_FOUND, tags=["documents"])
    def document(document_id: str):
        return _document(document_id)

    @app.get("/api/document", response_model=DocumentDetail, responses=NOT_FOUND,
             tags=["documents"])
    def document_by_id(id: Annotated[str, Query(description="the document id, any characters")]):
        return _document(id)

    def _document(document_id: str) -> dict[str, Any]:
        found = reader.document(document_id)
        if found is None:
            raise NotFound(f"no document {document_id!r} in the store")
        analysis, rows = found
        return {"analysis": analysis, **rows}


def _record_routes(app: FastAPI, reader: StoreReader) -> None:
    """Pages of events, quotes and claims, filtered."""

    @app.get("/api/events", response_model=Page[EventOut], responses=ERRORS, tags=["records"])
    def events(offset: Offset = 0, limit: Limit = DEFAULT_PAGE,
               type: Annotated[str | None, Query(max_length=200,
                                                 description="PLOVER type(s), comma-separated")] = None,
               actor: Annotated[str | None, Query(max_length=200,
                                                  description="a substring of a party's name")] = None,
               country: Annotated[str | None, Query(max_length=200,
                                                    description="ISO3 code(s) of a party or the place")] = None,
               since: Since = None, until: Until = None,
               modality: Annotated[str | None, Query(max_length=200,
                                                     description=", ".join(MODALITIES))] = None,
               place: Annotated[str | None, Query(max_length=200,
                                                  description="a substring of the place name")] = None,
               document: Text = None, min_confidence: MinConfidence = DEFAULT_MIN_CONFIDENCE):
        filters = _filters(type=type, actor=actor, country=country, since=since, until=until,
                           modality=_modality(modality), place=place, document=document,
                           min_confidence=min_confidence)
        return _cached(reader, Page[EventOut], ("events", offset, limit, *sorted(filters.items())),
                       lambda: _paged(offset, limit, *reader.page("events", offset, limit, **filters)))

    @app.get("/api/quotes", response_model=Page[QuoteOut], responses=ERRORS, tags=["records"])
    def quotes(offset: Offset = 0, limit: Limit = DEFAULT_PAGE,
               type: Annotated[str | None, Query(max_length=200,
                                                 description="direct, indirect, mixed")] = None,
               actor: Annotated[str | None, Query(max_length=200,
                                                  description="a substring of the speaker")] = None,
               country: Annotated[str | None, Query(max_length=200,
                                                    description="ISO3 of the speaker")] = None,
               since: Since = None, until: Until = None, document: Text = None):
        filters = _filters(type=type, actor=actor, country=country, since=since, until=until,
                           document=document)
        return _cached(reader, Page[QuoteOut], ("quotes", offset, limit, *sorted(filters.items())),
                       lambda: _paged(offset, limit, *reader.page("quotes", offset, limit, **filters)))

    @app.get("/api/claims", response_model=Page[ClaimOut], responses=ERRORS, tags=["records"])
    def claims(offset: Offset = 0, limit: Limit = DEFAULT_PAGE,
               type: Annotated[str | None, Query(max_length=200,
                                                 description="arithmetic, contradiction, reference")] = None,
               verdict: Annotated[str | None, Query(max_length=200,
                                                    description="consistent, contradicted, unverifiable")] = None,
               actor: Text = None, country: Text = None, since: Since = None,
               until: Until = None, document: Text = None):
        filters = _filters(type=type, verdict=verdict, actor=actor, country=country, since=since,
                           until=until, document=document)
        return _cached(reader, Page[ClaimOut], ("claims", offset, limit, *sorted(filters.items())),
                       lambda: _paged(offset, limit, *reader.page("claims", offset, limit, **filters)))


def _directory_routes(app: FastAPI, reader: StoreReader) -> None:
    """Pages of actors and places, and the events' aggregates for charts."""

    @app.get("/api/actors", response_model=Page[ActorOut], responses=ERRORS, tags=["records"])
    def actors(offset: Offset = 0, limit: Limit = DEFAULT_PAGE,
               q: Annotated[str | None, Query(max_length=200,
                                              description="a substring of any of its names")] = None,
               country: Text = None,
               sector: Annotated[str | None, Query(max_length=200,
                                                   description="sector code(s): GOV, MIL ...")] = None,
               kind: Annotated[str | None, Query(max_length=200, description=(
                   "person, organization, country, group"))] = None,
               code_from: Annotated[str | None, Query(max_length=200, description=(
                   "dictionary, text, none"))] = None,
               min_documents: Annotated[int, Query(ge=1, le=1_000_000, description=(
                   "only actors named in at least N documents"))] = 1):
        filters = _filters(q=q, country=country, sector=sector, kind=kind, code_from=code_from,
                           min_documents=min_documents)
        return _cached(reader, Page[ActorOut], ("actors", offset, limit, *sorted(filters.items())),
                       lambda: _paged(offset, limit, *reader.actors(offset, limit, **filters)))

    @app.get("/api/places", response_model=Page[PlaceOut], responses=ERRORS, tags=["records"])
    def places(offset: Offset = 0, limit: Limit = DEFAULT_PAGE,
               q: Annotated[str | None, Query(max_length=200, description="a substring of the name")] = None,
               country: Text = None):
        return _cached(reader, Page[PlaceOut], ("places", offset, limit, q, country),
                       lambda: _paged(offset, limit, *reader.places(offset, limit, q, country)))

    @app.get("/api/aggregates", response_model=Aggregates, responses=ERRORS, tags=["records"])
    def aggregates(interval: Literal["auto", "day", "week", "month", "year"] = "auto",
                   type: Text = None, actor: Text = None, country: Text = None,
                   since: Since = None, until: Until = None, modality: Text = None,
                   place: Text = None, document: Text = None,
                   min_confidence: MinConfidence = DEFAULT_MIN_CONFIDENCE,
                   top_actors: Annotated[int, Query(ge=1, le=1000, description=(
                       "the network's parties: the N with the most events"))] = 30,
                   min_weight: Annotated[int, Query(ge=1, le=1_000_000, description=(
                       "the network's links: only those of at least N events"))] = 1):
        filters = _filters(type=type, actor=actor, country=country, since=since, until=until,
                           modality=_modality(modality), place=place, document=document,
                           min_confidence=min_confidence)
        cut = NetworkCut(top_actors=top_actors, min_weight=min_weight)
        return _cached(reader, Aggregates, ("aggregates", interval, cut, *sorted(filters.items())),
                       lambda: reader.aggregates(interval, cut, **filters))


def _dashboard_routes(app: FastAPI) -> None:
    """The dashboard's page and its static files."""

    @app.get("/", include_in_schema=False)
    def index():
        if not VENDOR.is_dir():
            raise DashboardMissing("the dashboard's vendored files are missing: run "
                                   "`make dashboard` (npm ci + copy) and restart")
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    # StaticFiles resolves paths inside the folder only (no '..', no symlinks out of it).
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
