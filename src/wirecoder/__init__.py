"""wirecoder: checked, sourced event data from news reports.

    import wirecoder
    analysis = wirecoder.analyze(text, published="2025-01-31")

The names below are imported on first use (PEP 562), so `import wirecoder` and the command line
start without pydantic or the pipeline: `wirecoder --version` and the query commands load only
what they run (tests/test_startup.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .about import __version__
from .errors import WirecoderError

if TYPE_CHECKING:
    from .pipeline import Pipeline, PipelineConfig, analyze, load
    from .records import SCHEMA_VERSION, Analysis

__all__ = ["Analysis", "Pipeline", "PipelineConfig", "SCHEMA_VERSION", "WirecoderError",
           "__version__", "analyze", "load"]

_LAZY = {"Pipeline": "pipeline", "PipelineConfig": "pipeline", "analyze": "pipeline",
         "load": "pipeline", "Analysis": "records", "SCHEMA_VERSION": "records"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        value = getattr(import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value  # later look-ups skip this function
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
