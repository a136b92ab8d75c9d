"""The store: analyses in SQLite (by default the file `wirecoder.db`) or PostgreSQL (by URL),
batch ingest into it, queries over it and exports from it.

    from wirecoder.store import open_store, ingest, export
    summary = ingest(["news/"], "sqlite:///news.db", workers=2)
    store = open_store("sqlite:///news.db")
    store.events(type="ASSAULT", country="MEX")
    export("sqlite:///news.db", "gdelt-tsv", "events.tsv")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import BadFilter, ExportError, StoreError, StoreTooNew

if TYPE_CHECKING:
    from .batch import IngestSummary, ingest
    from .exports import EXPORT_FORMATS, export
    from .queries import query
    from .repository import DEFAULT_URL, Store, migrate, open_store, resolve_url

__all__ = [
    "DEFAULT_URL", "EXPORT_FORMATS", "BadFilter", "ExportError", "IngestSummary", "Store",
    "StoreError", "StoreTooNew", "export", "ingest", "migrate", "open_store", "query",
    "resolve_url",
]

# Imported on first use: `import wirecoder.store` stays cheap for the CLI.
_LAZY = {
    "DEFAULT_URL": "repository", "Store": "repository", "migrate": "repository",
    "open_store": "repository", "resolve_url": "repository", "ingest": "batch",
    "IngestSummary": "batch", "export": "exports", "EXPORT_FORMATS": "exports",
    "query": "queries",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
