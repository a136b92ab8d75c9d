"""Where wirecoder keeps what it computes once and reuses: the gazetteer indexes
(gazetteer/store.py) and the stage fingerprints' file facts (fingerprint.py)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """$WIRECODER_CACHE, else $XDG_CACHE_HOME/wirecoder, else ~/.cache/wirecoder."""
    if os.environ.get("WIRECODER_CACHE"):
        return Path(os.environ["WIRECODER_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "wirecoder"
