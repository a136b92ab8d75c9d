"""Extractors: one module per kind of finding, each registering its stage(s)."""
