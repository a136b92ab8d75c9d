"""The pipeline: named stages run in order over documents.

    nlp = wirecoder.load()                       # default config
    analysis = nlp.analyze(text, published="2025-01-31")
    for analysis in nlp.pipe(documents, n_process=2): ...

`PipelineConfig` is plain data (JSON round-trip), so a run can be reproduced from its config.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .about import __version__
from .errors import ConfigError, InputTooLarge
from .fingerprint import stage_fingerprint
from .ingest.base import RawDocument, check_document, check_length, parse_published
from .options import describe, validate_options
from .records import Analysis, Document
from .registry import StageSpec, get_stage
from .state import AnalysisState, StageView

DEFAULT_STAGES = [
    "clean", "parse", "sentences", "actors", "quotes", "times", "places", "quantities",
    "events", "claims",
]

# Where each kind of record is reported in an Analysis.
_LIST_KEYS = ("sentences", "actors", "events", "quotes", "quantities", "claims", "times", "places",
              "demonyms")


@dataclass
class PipelineConfig:
    stages: list[str] = field(default_factory=lambda: list(DEFAULT_STAGES))
    disabled: list[str] = field(default_factory=list)
    options: dict[str, dict[str, Any]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PipelineConfig:
        # option_types is what `wirecoder config` prints beside the options, to read, not to set
        unknown = set(data) - {"stages", "disabled", "options", "option_types"}
        if unknown:
            raise ConfigError(f"unknown config keys: {sorted(unknown)}")
        return cls(stages=list(data.get("stages", DEFAULT_STAGES)),
                   disabled=list(data.get("disabled", [])),
                   options={k: dict(v) for k, v in data.get("options", {}).items()})

    @classmethod
    def from_file(cls, path: str | Path) -> PipelineConfig:
        try:
            return cls.from_dict(json.loads(Path(path).read_text("utf-8")))
        except (OSError, json.JSONDecodeError) as exc:
            raise ConfigError(f"cannot read the config {path}: {exc}") from None

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.to_dict(), sort_keys=True).encode()).hexdigest()[:12]


def _checked(config: PipelineConfig) -> tuple[list[StageSpec], list[dict[str, Any]]]:
    """The enabled stages' specs in order and their options, checked; no stage is built."""
    unknown_disabled = set(config.disabled) - set(config.stages)
    if unknown_disabled:
        raise ConfigError(f"cannot disable stages that are not in the pipeline: "
                          f"{sorted(unknown_disabled)}")
    unknown_options = set(config.options) - set(config.stages)
    if unknown_options:
        raise ConfigError(f"options given for stages that are not in the pipeline: {sorted(unknown_options)}")
    specs = _ordered_specs([name for name in config.stages if name not in config.disabled])
    return specs, [validate_options(spec.name, spec.options, config.options.get(spec.name, {}), spec.defaults)
                   for spec in specs]


def documented_config(config: PipelineConfig | None = None) -> dict[str, Any]:
    """`config` (default: the default one) with every stage's options at their values, and their
    types and meanings under option_types: what `wirecoder config` prints. Checks the config like
    `load` but builds no stage (no model is loaded)."""
    config = config or PipelineConfig()
    specs, options = _checked(config)
    data = config.to_dict()
    data["options"] = {spec.name: opts for spec, opts in zip(specs, options, strict=True) if opts}
    described = {spec.name: describe(spec.options) for spec in specs if spec.options is not None}
    data["option_types"] = {name: types for name, types in described.items() if types}
    return data


class Pipeline:
    def __init__(self, config: PipelineConfig | None = None):
        self.config = config or PipelineConfig()
        self.specs, options = _checked(self.config)
        self.options = options
        self._runners = [spec.factory(opts) for spec, opts in zip(self.specs, options, strict=True)]
        # The stages' code, knowledge files and options count too (fingerprint.py): when any of
        # them changes, so does the coder version, and the store knows its documents are stale.
        self.stage_fingerprints = {spec.name: stage_fingerprint(spec.factory, opts)
                                   for spec, opts in zip(self.specs, options, strict=True)}
        signature = " ".join(f"{label}+{self.stage_fingerprints[spec.name]}"
                             for label, spec in zip(self.stage_labels, self.specs, strict=True))
        stages_digest = hashlib.sha256(signature.encode()).hexdigest()[:8]
        # The effective config: a config that spells out the defaults is the same coder.
        effective = PipelineConfig(stages=list(self.config.stages), disabled=list(self.config.disabled),
                                   options={s.name: o for s, o in zip(self.specs, options, strict=True)})
        self.coder_version = (f"wirecoder {__version__} config {effective.digest()} "
                              f"stages {stages_digest}")

    def documented_config(self) -> dict[str, Any]:
        """The config with every stage's options at their values, and their types and meanings."""
        return documented_config(self.config)

    @property
    def stage_labels(self) -> list[str]:
        return [spec.label for spec in self.specs]

    def analyze(self, item: str | RawDocument | Document, *, published: str | datetime | None = None,
                title: str | None = None) -> Analysis:
        raw = to_raw(item, published=published, title=title)
        return next(self.pipe([raw]))

    def pipe(self, items: Iterable[str | RawDocument], *, n_process: int = 1,
             batch_size: int = 64) -> Iterator[Analysis]:
        """Analyse many documents; the spaCy parse runs batched, in `n_process` processes."""
        states: Iterator[AnalysisState] = (AnalysisState(raw=to_raw(item)) for item in items)
        for spec, runner in zip(self.specs, self._runners, strict=True):
            states = self._apply(spec, runner, states, n_process, batch_size)
        for state in states:
            yield self._to_analysis(state)

    @staticmethod
    def _apply(spec: StageSpec, runner, states: Iterator[AnalysisState], n_process: int,
               batch_size: int) -> Iterator[AnalysisState]:
        if "spacy" in spec.assigns:
            states = within_parse_limit(states)
        if hasattr(runner, "pipe"):
            return runner.pipe(states, n_process=n_process, batch_size=batch_size)

        reads = spec.reads

        def each() -> Iterator[AnalysisState]:
            for state in states:
                state.put(spec.name, spec.assigns, runner(StageView(state, spec.name, reads)))
                yield state

        return each()

    def _to_analysis(self, state: AnalysisState) -> Analysis:
        lists = {key: state.get(key, []) for key in _LIST_KEYS}
        return Analysis(coder_version=self.coder_version, stages=self.stage_labels,
                        document=state.document, **lists)


def _ordered_specs(names: list[str]) -> list[StageSpec]:
    """The stages' specs, checked in order: every requirement assigned by an earlier stage, no
    record assigned twice, and no optional read assigned only by a later stage (it would be read
    as absent: an event without its date)."""
    specs = [get_stage(name) for name in names]
    assigner = {a: spec.name for spec in specs for a in spec.assigns}
    available: set[str] = set()
    for spec in specs:
        missing = [r for r in spec.requires if r not in available]
        if missing:
            raise ConfigError(f"stage {spec.name!r} needs {missing}, which no earlier enabled stage adds")
        late = [f"{r!r} (from {assigner[r]!r})" for r in spec.optional if r not in available and r in assigner]
        if late:
            raise ConfigError(f"stage {spec.name!r} reads {', '.join(late)}, which runs after it: "
                              f"move it earlier")
        clash = [a for a in spec.assigns if a in available]
        if clash:
            raise ConfigError(f"stage {spec.name!r} assigns {clash}, already assigned by an earlier stage")
        available.update(spec.assigns)
    return specs


def within_parse_limit(states: Iterator[AnalysisState]) -> Iterator[AnalysisState]:
    """Refuse a document the parser cannot take with a coded error (spaCy raises a bare
    ValueError past its max_length)."""
    from .nlp import MAX_CHARS

    for state in states:
        document = state.get("document")
        if document is not None and len(document.text) > MAX_CHARS:
            where = f" ({document.source})" if document.source else ""
            raise InputTooLarge(f"the document{where} has {len(document.text):,} characters after "
                                f"cleaning; the parser takes at most {MAX_CHARS:,}: split it")
        yield state


def to_raw(item: str | RawDocument | Document, *, published: str | datetime | None = None,
           title: str | None = None) -> RawDocument:
    raw = _raw_of(item, published=published, title=title)
    check_length(raw.text, raw.source)  # W017 before cleaning, which is the slow part
    # Ids hash the text as UTF-8: a lone surrogate ("\ud800") failed there with an uncoded
    # UnicodeEncodeError; refuse it up front as W012, and a NUL no store keeps as W011.
    return check_document(raw, raw.source or "<text>")


def _raw_of(item: str | RawDocument | Document, *, published: str | datetime | None,
            title: str | None) -> RawDocument:
    if isinstance(item, RawDocument):
        if published is not None and item.published is None:
            item.published = parse_published(published)
        return item
    if isinstance(item, Document):
        return RawDocument(text=item.original_text, title=item.title, url=item.url,
                           published=item.published, source=item.source, doc_id=item.id,
                           metadata=dict(item.metadata))
    if isinstance(item, str):
        from .clean import guess_title
        return RawDocument(text=item, title=title if title is not None else guess_title(item.lstrip()),
                           published=parse_published(published))
    raise ConfigError(f"cannot analyse an object of type {type(item).__name__}")


_DEFAULT: Pipeline | None = None


def load(config: PipelineConfig | dict[str, Any] | str | Path | None = None) -> Pipeline:
    """A pipeline for `config` (a PipelineConfig, a dict, or a JSON file path); None is the default."""
    if config is None:
        return Pipeline()
    if isinstance(config, PipelineConfig):
        return Pipeline(config)
    if isinstance(config, dict):
        return Pipeline(PipelineConfig.from_dict(config))
    return Pipeline(PipelineConfig.from_file(config))


def analyze(text: str | RawDocument | Document, *, published: str | datetime | None = None,
            title: str | None = None) -> Analysis:
    """Analyse one document with the default pipeline (built once per process)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT.analyze(text, published=published, title=title)
