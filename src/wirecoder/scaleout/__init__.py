"""Scale-out engines for `wirecoder ingest --engine ...`: the documents are analysed elsewhere
(Ray actors, one pipeline each) and the results come back to be written to the store."""

from __future__ import annotations

from ..errors import WirecoderError

ENGINES = ("local", "ray")


class EngineError(WirecoderError):
    """An unknown engine, or Ray not installed or not reachable at the given address."""

    code = "W061"
