"""The stage registry: named, versioned pipeline stages in the spirit of spaCy's factories.

A stage is registered with the records it `requires` and the records it `assigns`. The pipeline
checks at load time that every requirement is assigned by an earlier enabled stage, and at run
time that a stage returns exactly what it declared: a stage never touches another stage's records.
Several stages may assign the same records (a simple and a better quote finder, say); the config
chooses one by name.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from .errors import ConfigError


class StageFn(Protocol):
    def __call__(self, state: Any) -> dict[str, list]: ...


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: Callable[[dict[str, Any]], StageFn]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    version: str
    doc: str = ""
    # Per-document work before the spaCy parse can run in the main process without the parse.
    before_parse: bool = False
    defaults: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"


_STAGES: dict[str, StageSpec] = {}


def stage(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = (),
          version: str = "1", before_parse: bool = False,
          defaults: dict[str, Any] | None = None) -> Callable:
    """Register a stage factory: `factory(options) -> callable(state) -> {assigned key: records}`."""

    def register(factory: Callable[[dict[str, Any]], StageFn]) -> Callable:
        if name in _STAGES and _STAGES[name].factory is not factory:
            raise ConfigError(f"a stage named {name!r} is registered already")
        _STAGES[name] = StageSpec(
            name=name, factory=factory, requires=tuple(requires), assigns=tuple(assigns),
            version=version, doc=(factory.__doc__ or "").strip().splitlines()[0] if factory.__doc__ else "",
            before_parse=before_parse, defaults=dict(defaults or {}),
        )
        return factory

    return register


def get_stage(name: str) -> StageSpec:
    _load_builtin_stages()
    if name not in _STAGES:
        raise ConfigError(f"unknown stage {name!r}; registered: {', '.join(sorted(_STAGES))}")
    return _STAGES[name]


def registered_stages() -> dict[str, StageSpec]:
    _load_builtin_stages()
    return dict(_STAGES)


def _load_builtin_stages() -> None:
    # Importing the modules runs their @stage decorators: the built-in ones first, then the
    # plugins' (wirecoder.plugins), which may add stages or offer alternatives by other names.
    from . import stages  # noqa: F401
    from .plugins import load_plugins

    load_plugins("wirecoder.stages")
