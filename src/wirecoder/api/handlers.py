"""Every error the app answers, in one shape: `{"error": {"code": "W0xx", "message": "..."}}`.

Ours (ApiError and other WirecoderErrors) and FastAPI's own: parameters and bodies that fail
validation (RequestValidationError, which FastAPI answers as `422 {"detail": [...]}` echoing
the input), routes that do not exist and methods a route does not take (Starlette's
HTTPException). Messages never echo a client's input back: a lone surrogate in it could not be
encoded (a 500), and the code and the field name are what a client acts on.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import InputNotUtf8, WirecoderError
from ..store.errors import BadFilter
from .errors import ApiError, BadRequest, NoSuchRoute

# Where a failing value sits (FastAPI's `loc[0]`): parameters are filters (W041), the rest body.
PARAMETERS = ("query", "path", "header", "cookie")


def error_response(code: str, message: str, status: int,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    """One coded line; a character UTF-8 cannot hold (a lone surrogate) is written escaped."""
    message = " ".join(message.encode("utf-8", "backslashreplace").decode("utf-8").split())
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status,
                        headers=headers)


def validation_error(errors: list[dict[str, Any]]) -> tuple[str, str, int]:
    """(code, message, status) for FastAPI's validation errors, from the first one."""
    first = errors[0] if errors else {}
    loc = [str(part) for part in first.get("loc", ())] or ["body"]
    msg = str(first.get("msg", "invalid"))
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    if loc[0] in PARAMETERS:
        name = loc[1] if len(loc) > 1 else "?"
        return BadFilter.code, f"{loc[0]} parameter {name!r}: {msg}{more}", 422
    if first.get("type") == "json_invalid":
        reason = (first.get("ctx") or {}).get("error", msg)
        return BadRequest.code, f"the body is not valid JSON ({reason})", 400
    field = f"body field {'.'.join(loc[1:])!r}" if len(loc) > 1 else "body"
    if first.get("type") == "string_unicode":  # "\ud800": a JSON escape that is no character
        return (InputNotUtf8.code, f"the {field} is not valid Unicode text (an unpaired "
                                   "surrogate)", 400)
    return BadRequest.code, f"{field}: {msg}{more}", 422


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.code, exc.message, exc.status, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return error_response(*validation_error(list(exc.errors())))

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        # No route (or static file) at this path, a method the route does not take, ...
        if exc.status_code == 404:
            return error_response(NoSuchRoute.code, f"no such route: {request.method} "
                                  f"{request.url.path}", 404)
        return error_response(BadRequest.code, str(exc.detail), exc.status_code,
                              getattr(exc, "headers", None))

    @app.exception_handler(WirecoderError)
    async def _wirecoder_error(_request: Request, exc: WirecoderError) -> JSONResponse:
        return error_response(exc.code, exc.message, 400)
