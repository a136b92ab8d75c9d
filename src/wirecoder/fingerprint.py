"""A stage's fingerprint: what its output depends on, hashed, so that the coder version changes
whenever any of it does (issue #23: versions derived, not written).

It covers the source of the module that registers the stage and of every module of the package
that module imports, directly or not (read from their `import` statements, not by running them);
the knowledge files those modules name (`"plover_verbs.tsv"`), with the user's own rows from
WIRECODER_KNOWLEDGE; and the stage's options. A stage registered outside the package (a plugin,
a script) is covered by the code of its factory and of the functions it defines.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE = "wirecoder"
_ROOT = Path(__file__).resolve().parent
_KNOWLEDGE = _ROOT / "knowledge"
_FILE_NAME = re.compile(r"""["']([A-Za-z0-9_\-]+\.(?:tsv|json|jsonl|yaml|txt))["']""")


def _module_file(name: str) -> Path | None:
    if name == PACKAGE:
        return _ROOT / "__init__.py"
    if name.startswith(PACKAGE + "."):
        rel = Path(*name.split(".")[1:])
        for candidate in (_ROOT / rel.with_suffix(".py"), _ROOT / rel / "__init__.py"):
            if candidate.is_file():
                return candidate
        return None
    module = sys.modules.get(name)
    path = getattr(module, "__file__", None)
    return Path(path) if path else None


def _imports(name: str, path: Path) -> set[str]:
    st = path.stat()
    return _imports_of(name, path, (st.st_mtime_ns, st.st_size))


@cache
def _imports_of(name: str, path: Path, stamp: tuple[int, int]) -> frozenset[str]:
    """The package modules a module imports (absolute or relative), as dotted names."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.split(".")[0] == PACKAGE)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                stem = ".".join(base + ([node.module] if node.module else []))
            else:
                stem = node.module or ""
            if stem.split(".")[0] != PACKAGE:
                continue
            found.add(stem)
            found.update(f"{stem}.{a.name}" for a in node.names)  # "from . import stages"
    # the package's own __init__ is a facade over everything: what a stage uses, it imports itself
    return frozenset(m for m in found if m != PACKAGE and _module_file(m) is not None)


def module_closure(name: str) -> dict[str, Path]:
    """The module and every package module it imports, transitively: dotted name -> file."""
    todo, seen = [name], {}
    while todo:
        current = todo.pop()
        path = _module_file(current)
        if current in seen or path is None:
            continue
        seen[current] = path
        if current == PACKAGE or current.startswith(PACKAGE + "."):
            todo.extend(m for m in _imports(current, path) if m not in seen)
    return seen


def _knowledge_files(paths: tuple[Path, ...]) -> list[Path]:
    names = sorted({m for path in paths for m in _names_in(path)})
    files = [_KNOWLEDGE / n for n in names if (_KNOWLEDGE / n).is_file()]
    extra = os.environ.get("WIRECODER_KNOWLEDGE")
    if extra:
        files += [Path(extra) / n for n in names if (Path(extra) / n).is_file()]
    return files


def _names_in(path: Path) -> frozenset[str]:
    st = path.stat()
    return _names_of(path, (st.st_mtime_ns, st.st_size))


@cache
def _names_of(path: Path, stamp: tuple[int, int]) -> frozenset[str]:
    """The data file names a module's source mentions ("plover_verbs.tsv")."""
    return frozenset(_FILE_NAME.findall(path.read_text("utf-8")))


@cache
def _digest_of(path: Path, stamp: tuple[int, int]) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _file_digest(path: Path) -> str:
    st = path.stat()
    return _digest_of(path, (st.st_mtime_ns, st.st_size))  # re-read when the file changes


def _code_digest(code: Any) -> str:
    """A hash of a function's code and of the functions it defines, not of where it was written
    (file names and line numbers differ between a script and a module holding the same stage)."""
    if code is None:
        return ""
    h = hashlib.sha256(code.co_code)
    for const in code.co_consts:
        h.update(_code_digest(const).encode() if hasattr(const, "co_code") else repr(const).encode())
    h.update(repr(code.co_names).encode())
    return h.hexdigest()


def stage_fingerprint(factory: Any, options: dict[str, Any]) -> str:
    """A short hash of the stage's code, knowledge files and options."""
    module = getattr(factory, "__module__", None) or ""
    in_package = module == PACKAGE or module.startswith(PACKAGE + ".")
    modules = module_closure(module) if in_package else {}
    h = hashlib.sha256()
    if not in_package:
        # a plugin's or a script's stage: the code it runs, wherever it was defined
        h.update(_code_digest(getattr(factory, "__code__", None)).encode())
    for name in sorted(modules):
        h.update(name.encode() + b"\0" + _file_digest(modules[name]).encode())
    for path in _knowledge_files(tuple(sorted(modules.values()))):
        h.update(str(path.name).encode() + b"\0" + _file_digest(path).encode())
    h.update(json.dumps(options, sort_keys=True, default=str).encode())
    return h.hexdigest()[:12]
