"""Errors of the web API a client can cause (codes W050-W059), each sent as one JSON line:
`{"error": {"code": "W051", "message": "..."}}` with the HTTP status named here."""

from __future__ import annotations

from ..errors import WirecoderError


class ApiError(WirecoderError):
    status = 400
    headers: dict[str, str] | None = None


class NotFound(ApiError):
    """A document (or other record) id the store does not hold."""

    code = "W050"
    status = 404


class BodyTooLarge(ApiError):
    """A request body over the server's limit (`--max-body`)."""

    code = "W051"
    status = 413


class BadRequest(ApiError):
    """A request the API cannot act on: a bad filter value, an empty text to analyse."""

    code = "W052"
    status = 400


class IngestDisabled(ApiError):
    """POST /api/ingest on a server started without an ingest token (read-only)."""

    code = "W053"
    status = 403


class AnalyzeDisabled(ApiError):
    """POST /api/analyze on a server whose analyze mode is off (`--analyze off`, the default
    without an ingest token)."""

    code = "W053"
    status = 403


class Unauthorized(ApiError):
    """POST /api/ingest (or /api/analyze in `--analyze token` mode) without a bearer token
    (401) or with a wrong one (403)."""

    code = "W054"
    status = 401
    headers = {"WWW-Authenticate": "Bearer"}


class Forbidden(ApiError):
    code = "W054"
    status = 403


class DashboardMissing(ApiError):
    """The dashboard's vendored files were not built (`make dashboard`)."""

    code = "W055"
    status = 503


class NoSuchRoute(ApiError):
    """A path no route serves (404), told apart from a document the store lacks (W050)."""

    code = "W057"
    status = 404


class Busy(ApiError):
    """POST /api/analyze while another analysis runs: refused, not queued (503, Retry-After)."""

    code = "W058"
    status = 503
    headers = {"Retry-After": "2"}


class ServeError(WirecoderError):
    """`wirecoder serve` cannot start: a port in use, a bad option."""

    code = "W056"
