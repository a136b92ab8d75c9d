"""An ASGI layer around the whole app: security headers on every response, a request body
limit (413, code W051; lower for some paths: `limits`), no NUL in a query string (422, W041)
and a one-line JSON 500 (code W099) instead of a traceback."""

from __future__ import annotations

import json
import logging
from typing import Any

from .errors import BodyTooLarge

log = logging.getLogger("wirecoder.api")

# Scripts only from our own origin (no inline script, no CDN), no framing, no plugins.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=()"),
]


def error_body(code: str, message: str) -> bytes:
    return json.dumps({"error": {"code": code, "message": message}}).encode()


class Guard:
    def __init__(self, app: Any, max_body: int, limits: dict[str, int] | None = None):
        self.app = app
        self.max_body = max_body
        self.limits = {path: min(limit, max_body) for path, limit in (limits or {}).items()}

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: dict) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        async def reply(status: int, body: bytes, headers: list | None = None) -> None:
            await send_with_headers({"type": "http.response.start", "status": status,
                                     "headers": [(b"content-type", b"application/json"),
                                                 (b"content-length", str(len(body)).encode()),
                                                 *(headers or [])]})
            await send_with_headers({"type": "http.response.body", "body": body})

        if b"%00" in scope.get("query_string", b""):  # PostgreSQL compares no text with a NUL
            await reply(422, error_body("W041", "a query parameter holds a NUL character (%00), "
                                                "which no stored value holds"))
            return
        limit = self.limits.get(scope.get("path", "").rstrip("/"), self.max_body)
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > limit
            except ValueError:
                await reply(400, error_body("W052", "bad Content-Length header"))
                return
            if too_big:
                await reply(413, error_body(BodyTooLarge.code, self._too_big(limit)),
                            [(b"connection", b"close")])
                return

        if scope["method"] in ("POST", "PUT", "PATCH"):
            # Read the whole body first (it is small by then): a chunked body with no
            # Content-Length is held to the same limit, before the app sees any of it.
            chunks, size = [], 0
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                size += len(message.get("body", b""))
                if size > limit:
                    await reply(413, error_body(BodyTooLarge.code, self._too_big(limit)),
                                [(b"connection", b"close")])
                    return
                chunks.append(message.get("body", b""))
                if not message.get("more_body"):
                    break
            replayed = False

            async def buffered_receive() -> dict:
                nonlocal replayed
                if not replayed:
                    replayed = True
                    return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
                return await receive()

            app_receive = buffered_receive
        else:
            app_receive = receive

        try:
            await self.app(scope, app_receive, send_with_headers)
        except Exception as exc:  # never a traceback to the client
            log.exception("internal error")
            if not started:
                await reply(500, error_body("W099", f"internal error ({type(exc).__name__})"))

    def _too_big(self, limit: int) -> str:
        where = "the analyze limit" if limit < self.max_body else "the limit"
        return f"request body over {where} of {limit} bytes"
