"""The package version, in a module of its own so that any module may read it without importing
the package facade (which imports the pipeline)."""

__version__ = "0.1.0"
