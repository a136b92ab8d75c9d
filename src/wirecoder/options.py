"""Typed stage options: each stage declares its options as a frozen dataclass, and a config's
values are checked against it when the pipeline loads (W020 names the stage and the key).

    @dataclass(frozen=True)
    class EventsOptions:
        sense_checks: bool = True

    @stage("events", ..., options=EventsOptions)

Only plain JSON types are used (bool, int, float, str, and `| None`), so a config file says all.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from typing import Any

from .errors import ConfigError

_NAMES = {bool: "bool", int: "int", float: "float", str: "str", type(None): "null"}


def option_types(model: type) -> dict[str, Any]:
    """Each option's declared type, by name."""
    hints = typing.get_type_hints(model)
    return {f.name: hints[f.name] for f in dataclasses.fields(model)}


def option_defaults(model: type) -> dict[str, Any]:
    return {f.name: f.default for f in dataclasses.fields(model)}


def type_name(hint: Any) -> str:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return " | ".join(type_name(a) for a in typing.get_args(hint))
    return _NAMES.get(hint, getattr(hint, "__name__", str(hint)))


def _fits(value: Any, hint: Any) -> bool:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return any(_fits(value, a) for a in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:  # JSON writes 1.0 as 1
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, hint)


def validate_options(stage: str, model: type | None, given: dict[str, Any],
                     defaults: dict[str, Any]) -> dict[str, Any]:
    """The stage's options: its declared defaults updated with `given`, each value checked.
    A stage without a model (a plugin's) takes its options as they come."""
    if model is None:
        return {**defaults, **given}
    declared = option_types(model)
    for key, value in given.items():
        if key not in declared:
            known = ", ".join(sorted(declared)) or "none"
            raise ConfigError(f"stage {stage!r} has no option {key!r} (its options: {known})")
        if not _fits(value, declared[key]):
            raise ConfigError(f"stage {stage!r} option {key!r} must be {type_name(declared[key])}, "
                              f"got {value!r}")
    return {**option_defaults(model), **given}


@dataclasses.dataclass(frozen=True)
class NoOptions:
    """A stage that takes no options: any key given is refused."""


def option(default: Any, help: str) -> Any:
    """A typed option's default and the one line `wirecoder config` prints beside it."""
    return dataclasses.field(default=default, metadata={"help": help})


def describe(model: type) -> dict[str, str]:
    """Each option as 'type = default: help', for `wirecoder config`."""
    hints = option_types(model)
    return {f.name: f"{type_name(hints[f.name])} = {f.default!r}: {f.metadata.get('help', '')}".rstrip(": ")
            for f in dataclasses.fields(model)}
