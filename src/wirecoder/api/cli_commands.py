"""`wirecoder serve`: the web API and dashboard over a store.

`wirecoder.cli` hooks it in with `add_api_commands(sub, COMMANDS)`; FastAPI and uvicorn are
imported only when the command runs.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from typing import Any

from ..store.cli_commands import DB_HELP

TOKEN_ENV = "WIRECODER_INGEST_TOKEN"


def add_api_commands(sub: Any, commands: dict | None = None) -> dict:
    serve = sub.add_parser("serve", help="serve the web API and dashboard over the store",
                           description="Serve the store read-only over HTTP: a JSON API "
                                       "(OpenAPI at /openapi.json) and a dashboard at /. "
                                       "POST /api/ingest is enabled only with an ingest token.")
    serve.add_argument("--db", help=DB_HELP)
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1, this machine only)")
    serve.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    serve.add_argument("--ingest-token", default=None,
                       help=f"enable POST /api/ingest for this bearer token (default: ${TOKEN_ENV};"
                            " unset: read-only)")
    serve.add_argument("--analyze", choices=["off", "token", "open"], default=None,
                       help="POST /api/analyze: off, token (needs the ingest token) or open to "
                            "anyone (default: token with an ingest token, else off)")
    serve.add_argument("--max-body", type=int, default=None,
                       help="largest request body in bytes (default 2,000,000)")
    serve.add_argument("--analyze-max-body", type=int, default=None,
                       help="largest text to analyse, in request bytes (default 100,000)")
    serve.add_argument("--no-cache", dest="cache", action="store_false",
                       help="answer every request from the store (default: remember answers "
                            "while the store is unchanged)")
    serve.add_argument("--log-level", default="info",
                       choices=["critical", "error", "warning", "info", "debug"])
    handlers = {"serve": cmd_serve}
    if commands is not None:
        commands.update(handlers)
    return handlers


def cmd_serve(args: argparse.Namespace) -> int:
    from .errors import ServeError

    if not 0 < args.port < 65536:
        raise ServeError(f"bad port {args.port}")
    with socket.socket(socket.AF_INET6 if ":" in args.host else socket.AF_INET) as probe:
        try:
            probe.bind((args.host, args.port))
        except OSError as exc:
            raise ServeError(f"cannot listen on {args.host}:{args.port}: {exc.strerror}") from None

    import uvicorn

    from .analysis import DEFAULT_ANALYZE_MAX_BODY
    from .app import DEFAULT_MAX_BODY, create_app

    token = args.ingest_token or os.environ.get(TOKEN_ENV) or None
    app = create_app(args.db, ingest_token=token, analyze=args.analyze,
                     max_body=args.max_body or DEFAULT_MAX_BODY,
                     analyze_max_body=args.analyze_max_body or DEFAULT_ANALYZE_MAX_BODY,
                     cache=args.cache)
    mode = "ingest enabled (bearer token)" if token else "read-only"
    print(f"wirecoder: serving http://{args.host}:{args.port}/ ({mode}; analyze "
          f"{app.state.analyze})", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level,
                server_header=False, proxy_headers=False)
    return 0
