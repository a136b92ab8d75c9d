"""The web API and dashboard (`wirecoder serve`): FastAPI over the store.

    from wirecoder.api import create_app
    app = create_app("sqlite:///news.db")
"""

from __future__ import annotations

from typing import Any


def create_app(*args: Any, **kwargs: Any):
    from .app import create_app as _create

    return _create(*args, **kwargs)


__all__ = ["create_app"]
