"""POST /api/analyze and POST /api/ingest: who may run the pipeline, on how much text, and when.

Analysis costs CPU (one 1.9 MB text took 65.6 s and answered 10.8 MB), so:
- analyze is `off` (403 W053), `token` (the ingest token, as for ingest) or `open` (anyone); by
  default `token` on a server with an ingest token and `off` on a read-only one;
- its request body is capped (`analyze_max_body`, 100,000 bytes by default: 413 W051), below the
  server's general cap, which ingest keeps;
- analysis and ingest each have their own pipeline and lock, so no analysis ever holds up an
  ingest; an analysis asked for while another runs is 503 W058 with Retry-After, not queued
  (waiting requests would hold the server's worker threads, which every other request needs).
"""

from __future__ import annotations

import hmac
import threading
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from .errors import (
    AnalyzeDisabled,
    BadRequest,
    Busy,
    Forbidden,
    IngestDisabled,
    ServeError,
    Unauthorized,
)
from .models import AnalyzeIn, DocumentDetail, ErrorOut, IngestIn, IngestOut

ANALYZE_MODES = ("off", "token", "open")
DEFAULT_ANALYZE_MAX_BODY = 100_000
BEARER = HTTPBearer(auto_error=False, description="the server's ingest token")
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)]


def analyze_mode(mode: str | None, token: str | None) -> str:
    """The analyze mode a server runs in: `mode`, or by default `token` with an ingest token
    and `off` without one. `token` without a token is a bad option (W056)."""
    mode = mode or ("token" if token else "off")
    if mode not in ANALYZE_MODES:
        raise ServeError(f"unknown analyze mode {mode!r}; choose one of {', '.join(ANALYZE_MODES)}")
    if mode == "token" and not token:
        raise ServeError("--analyze token needs an ingest token (--ingest-token or "
                         "WIRECODER_INGEST_TOKEN); use --analyze open to let anyone analyse")
    return mode


def _check_bearer(token: str, credentials: HTTPAuthorizationCredentials | None, what: str) -> None:
    if credentials is None:
        raise Unauthorized(f"{what} needs an 'Authorization: Bearer TOKEN' header")
    if not hmac.compare_digest(credentials.credentials.encode(), token.encode()):
        raise Forbidden("wrong ingest token")


def require_token(request: Request, credentials: Credentials) -> None:
    """Ingest: 401 without a bearer token, 403 with a wrong one; 403 (W053) when it is off."""
    token = request.app.state.ingest_token
    if token is None:
        raise IngestDisabled("ingest is disabled: the server is read-only "
                             "(start it with --ingest-token or WIRECODER_INGEST_TOKEN)")
    _check_bearer(token, credentials, "ingest")


def may_analyze(request: Request, credentials: Credentials) -> None:
    """Analyze: as its mode says (403 W053 when off; the ingest token when `token`)."""
    mode = request.app.state.analyze
    if mode == "off":
        raise AnalyzeDisabled("analysis is off on this server (start it with --analyze token "
                              "or --analyze open)")
    if mode == "token":
        _check_bearer(request.app.state.ingest_token, credentials, "analysis")


class PipelineSlot:
    """One pipeline, loaded on first use (spaCy is slow to load), run by one request at a
    time. `wait=False`: a request that finds it busy is refused (503 W058) instead of queued."""

    def __init__(self, wait: bool):
        self.wait = wait
        self.lock = threading.Lock()
        self.nlp: Any = None

    def run(self, raw: Any) -> tuple[Any, Any]:
        if not self.lock.acquire(blocking=self.wait):
            raise Busy("the server is analysing another text; try again shortly")
        try:
            if self.nlp is None:
                from ..pipeline import load

                self.nlp = load()
            return self.nlp, self.nlp.analyze(raw)
        finally:
            self.lock.release()


def _raw(body: AnalyzeIn):
    from ..ingest.base import RawDocument, parse_published

    if not body.text.strip():
        raise BadRequest("the text is empty")
    return RawDocument(text=body.text, title=body.title,
                       published=parse_published(body.published) if body.published else None,
                       url=getattr(body, "url", None), source=getattr(body, "source", None),
                       doc_id=getattr(body, "id", None))


def add_analysis_routes(app: FastAPI, store: Any, errors: dict, *, analyze_max_body: int) -> None:
    """The two routes that run the pipeline, each on its own PipelineSlot."""
    analysis, ingestion = PipelineSlot(wait=False), PipelineSlot(wait=True)
    auth = {401: {"model": ErrorOut, "description": "no bearer token (W054)"}}
    analyze_errors = {
        **errors, **auth,
        403: {"model": ErrorOut, "description": "analysis off (W053) or a wrong token (W054)"},
        413: {"model": ErrorOut, "description": f"request body over {analyze_max_body:,} bytes "
                                                "(the analyze limit) or the server's (W051)"},
        503: {"model": ErrorOut, "description": "busy with another analysis (W058)"}}

    @app.post("/api/analyze", response_model=DocumentDetail, responses=analyze_errors,
              tags=["analyze"], dependencies=[Depends(may_analyze)])
    def analyze(body: AnalyzeIn):
        """Analyse a text and return its records; nothing is stored. Off unless the server
        enables it (`--analyze token|open`); bodies are capped lower than ingest's."""
        from ..store.queries import KINDS, Context

        _nlp, result = analysis.run(_raw(body))
        ctx = Context(result)
        rows = {kind: [build(ctx, r) for r in getattr(result, attr)]
                for kind, (_, attr, build, _) in KINDS.items()}
        return {"analysis": result, **rows}

    @app.post("/api/ingest", response_model=IngestOut, tags=["ingest"],
              dependencies=[Depends(require_token)],
              responses={**errors, **auth,
                         403: {"model": ErrorOut,
                               "description": "wrong token (W054) or ingest disabled (W053)"}})
    def ingest(body: IngestIn):
        """Analyse a text and save it in the store (needs the ingest token). The `url` is kept
        as metadata and never fetched."""
        nlp, result = ingestion.run(_raw(body))
        outcome = store.save(result, f"api_{nlp.coder_version.split()[-1]}")
        return {"document_id": result.document.id, "outcome": outcome,
                "events": len(result.events), "quotes": len(result.quotes),
                "claims": len(result.claims)}


def body_limits(analyze_max_body: int) -> dict[str, int]:
    """The request-body caps by path that are lower than the server's (for `Guard`)."""
    return {"/api/analyze": analyze_max_body}

