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
