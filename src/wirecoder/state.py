"""The per-document state that flows through the stages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .errors import ConfigError
from .ingest.base import RawDocument
from .records import Document


@dataclass
class AnalysisState:
    raw: RawDocument
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def document(self) -> Document:
        return self.values["document"]

    @property
    def spacy_doc(self):
        return self.values["spacy"]

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def put(self, stage: str, assigns: tuple[str, ...], produced: dict[str, Any]) -> None:
        """Store a stage's output, refusing anything it did not declare or that exists already."""
        extra = set(produced) - set(assigns)
        if extra:
            raise ConfigError(f"stage {stage!r} returned undeclared records: {sorted(extra)}")
        for key, value in produced.items():
            if key in self.values:
                raise ConfigError(f"stage {stage!r} would overwrite {key!r}, set by an earlier stage")
            self.values[key] = value


class StageView:
    """What one stage sees of the state: the records it declared it reads, and nothing else.
    An undeclared read fails (W020) wherever it happens, so `requires` and `optional` are the
    whole truth about what a stage depends on, and the load-time order check can trust them."""

    __slots__ = ("_state", "_stage", "_reads")

    def __init__(self, state: AnalysisState, stage: str, reads: frozenset[str]):
        self._state, self._stage, self._reads = state, stage, reads

    @property
    def raw(self) -> RawDocument:
        return self._state.raw

    def _read(self, key: str) -> None:
        if key not in self._reads:
            raise ConfigError(f"stage {self._stage!r} read {key!r}, which it neither requires nor lists "
                              f"as optional: declare it in its @stage")

    @property
    def document(self) -> Document:
        self._read("document")
        return self._state.document

    @property
    def spacy_doc(self):
        self._read("spacy")
        return self._state.spacy_doc

    def get(self, key: str, default: Any = None) -> Any:
        self._read(key)
        return self._state.get(key, default)
