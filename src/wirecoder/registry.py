"""The stage registry: named, versioned pipeline stages in the spirit of spaCy's factories.

A stage is registered with the records it `requires`, the records it reads when they are there
(`optional`), the records it `assigns`, and its typed `options` (a dataclass, see options.py). The
pipeline checks at load time that every requirement is assigned by an earlier enabled stage and
that no optional read is assigned by a later one, and at run time that a stage reads only what it
declared (state.StageView) and returns exactly what it declared: a stage never touches another
stage's records. The built-in stages are listed in builtins.py.
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
    options: type | None = None  # a dataclass of typed options; None takes any (a plugin's)
    # records the stage reads when an earlier stage assigned them, and does without otherwise
    optional: tuple[str, ...] = ()

    @property
    def reads(self) -> frozenset[str]:
        return frozenset(self.requires) | frozenset(self.optional)

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"


_STAGES: dict[str, StageSpec] = {}


def stage(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = (),
          optional: tuple[str, ...] = (), version: str = "1", before_parse: bool = False,
          defaults: dict[str, Any] | None = None, options: type | None = None) -> Callable:
    """Register a stage factory: `factory(options) -> callable(state) -> {assigned key: records}`.
    `options` is a dataclass of typed options (its defaults are the stage's); `defaults` is for
    stages without one."""

    def register(factory: Callable[[dict[str, Any]], StageFn]) -> Callable:
        if name in _STAGES and _STAGES[name].factory is not factory:
            raise ConfigError(f"a stage named {name!r} is registered already")
        _STAGES[name] = StageSpec(
            name=name, factory=factory, requires=tuple(requires), assigns=tuple(assigns),
            optional=tuple(optional), version=version, doc=(factory.__doc__ or "").strip().splitlines()[0] if factory.__doc__ else "",
            before_parse=before_parse, defaults=dict(defaults or {}), options=options,
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
    # The modules of builtins.py's table first (importing one runs its @stage decorators), then
    # the plugins' (wirecoder.plugins), which may add stages or offer alternatives by other names.
    from importlib import import_module

    from .builtins import BUILTIN_STAGES
    from .plugins import load_plugins

    for module in sorted(set(BUILTIN_STAGES.values())):
        import_module(module)
    load_plugins("wirecoder.stages")
