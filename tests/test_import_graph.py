"""No import cycle in src/: the modules form a DAG at import time (#23).

Module-level imports only (an import inside a function runs later, when every module is loaded),
and a package's implicit import by its submodules is not counted (Python runs the package first
anyway; what makes a cycle is a module importing back one that imports it). The standard
library's graphlib finds the cycle.
"""

from __future__ import annotations

import ast
import graphlib
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def _modules() -> dict[str, tuple[Path, bool]]:
    found = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        found[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return found


def _targets(module: str, is_package: bool, node: ast.Import | ast.ImportFrom, known: set[str]) -> set[str]:
    if isinstance(node, ast.Import):
        return {a.name for a in node.names if a.name in known}
    if node.level:
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[:len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    else:
        target = node.module or ""
    out = set()
    for alias in node.names:
        sub = f"{target}.{alias.name}"
        out.add(sub if sub in known else target)  # "from . import lexicon" imports the submodule
    return out & known


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    known = set(modules)
    graph: dict[str, set[str]] = {}
    for module, (path, is_package) in modules.items():
        deps: set[str] = set()
        for node in ast.parse(path.read_text("utf-8")).body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                deps |= _targets(module, is_package, node, known)
        graph[module] = deps - {module}
    return graph


def test_the_graph_sees_the_package():
    graph = import_graph()
    assert "wirecoder.pipeline" in graph and "wirecoder.registry" in graph["wirecoder.pipeline"]


def test_no_import_cycle_in_src():
    try:
        list(graphlib.TopologicalSorter(import_graph()).static_order())
    except graphlib.CycleError as exc:
        raise AssertionError(f"import cycle: {' -> '.join(exc.args[1])}") from None


def test_a_cycle_would_be_found():
    graph = import_graph()
    graph["wirecoder.registry"] = graph["wirecoder.registry"] | {"wirecoder.pipeline"}
    try:
        list(graphlib.TopologicalSorter(graph).static_order())
    except graphlib.CycleError:
        return
    raise AssertionError("a planted cycle went unnoticed")


def private_imports(src: Path = SRC) -> list[str]:
    """`from m import _name` anywhere in a module (a function's imports too): a private name
    used by another module is part of the contract and should be public."""
    found = []
    for path in src.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module != "__future__":
                found += [f"{path.relative_to(src)}:{node.lineno} {a.name}" for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
    return found


def test_no_private_name_is_imported_from_another_module():
    assert private_imports() == []


def test_a_private_import_would_be_found(tmp_path):
    (tmp_path / "m.py").write_text("def f():\n    from .pipeline import _hidden\n")
    assert private_imports(tmp_path) == ["m.py:2 _hidden"]
