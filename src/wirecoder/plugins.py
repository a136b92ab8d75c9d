"""Plugin hooks: wirecoder's own stages and scorers register on the same hooks a user's do.

A plugin is a Python module whose import registers things with wirecoder's decorators. It is
found in two ways:
  - installed: a package declares the module under an entry-point group of `HOOKS` in its
    pyproject (`[project.entry-points."wirecoder.stages"] mystage = "my_package.stages"`);
  - named: the environment variable WIRECODER_PLUGINS lists modules, comma-separated, that are
    importable from sys.path (handy for a project's own stages without packaging them).
Each module is imported once per process, the first time a registry is read. A module that fails
to import is a coded error (W022) naming the module and the hook, never a silent gap.
"""

from __future__ import annotations

import importlib
import os
from importlib.metadata import entry_points

from .errors import WirecoderError

# Entry-point group -> what a module in it registers (README "Plugins" documents each one; a
# test checks that it does).
HOOKS: dict[str, str] = {
    "wirecoder.stages": "pipeline stages, with `@wirecoder.registry.stage(name, requires=..., "
                        "assigns=..., version=...)`",
    "wirecoder.scorers": "`wirecoder eval` scorers, with `@wirecoder.evaluate.scorer(task, "
                         "format)`",
}
ENV_VAR = "WIRECODER_PLUGINS"

_loaded: dict[str, list[str]] = {}


class PluginError(WirecoderError):
    """A plugin module that cannot be imported."""

    code = "W022"


def load_plugins(group: str) -> list[str]:
    """Import the plugin modules of `group` (and those named in WIRECODER_PLUGINS), once.
    Returns the module names imported for the group."""
    if group not in HOOKS:
        raise PluginError(f"unknown plugin hook {group!r}; hooks: {', '.join(HOOKS)}")
    env = tuple(m.strip() for m in os.environ.get(ENV_VAR, "").split(",") if m.strip())
    key = f"{group}\x1f{','.join(env)}"
    if key in _loaded:
        return _loaded[key]
    modules = [ep.value.split(":")[0] for ep in entry_points(group=group)]
    modules += [m for m in env if m not in modules]
    for name in modules:
        try:
            importlib.import_module(name)
        except WirecoderError:
            raise
        except Exception as exc:  # a plugin's own bug: name it, with its message
            raise PluginError(f"plugin module {name!r} ({group}) failed to import: "
                              f"{type(exc).__name__}: {exc}") from None
    _loaded[key] = modules
    return modules
