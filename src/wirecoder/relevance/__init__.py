"""A cheap relevance pre-filter: skip documents that cannot report political or security events
before the (costly) parse. See `filter.py`; measured by `wirecoder eval relevance`."""

from __future__ import annotations

from .filter import Relevance, RelevanceFilter

__all__ = ["Relevance", "RelevanceFilter"]
