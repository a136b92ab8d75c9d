"""A stage's fingerprint: what its output depends on, hashed, so that the coder version changes
whenever any of it does (issue #23: versions derived, not written).

It covers the source of the module that registers the stage and of every module of the package
that module imports, directly or not (read from their `import` statements, not by running them);
the knowledge files those modules name (`"plover_verbs.tsv"`; in lang/en, `"event_words.tsv"`, or
by a call of the lang/en loader, `words("months", ...)`),
with the user's own rows from WIRECODER_KNOWLEDGE, and the files they name in a `data/` folder
beside them (installed data: the gazetteer's vendored GeoNames table, through its source record);
and the stage's options. A stage registered outside the package (a plugin, a script) is covered
by the code of its factory and of the functions it defines.

What it reads of each file (the package modules and data file names a module's source names, a
file's sha256) is kept between processes in the cache folder, keyed by the file's path and stat
(size, mtime, ctime, inode: rewriting a file changes its ctime, which nothing can set back), so a
new process parses only the files that changed: parsing ~75 modules cost about 0.3 s of every
cold `wirecoder analyze` (#26).
"""

from __future__ import annotations

import ast
import contextlib
import hashlib
import json
import os
import re
import sys
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .cache import cache_dir

PACKAGE = "wirecoder"
_ROOT = Path(__file__).resolve().parent
_KNOWLEDGE = _ROOT / "knowledge"
# the folders of shipped tables a module may name: codings, and the English word lists
_DATA_DIRS = (_KNOWLEDGE, _ROOT / "lang" / "en")
_FILE_NAME = re.compile(r"""["']([A-Za-z0-9_\-]+\.(?:tsv|json|jsonl|yaml|txt))["']""")
# the lang/en loader's functions: their first argument names a word list, `<name>.tsv`
_LANG_LOADERS = frozenset({"words", "numbers", "table"})
# v2: the names a module gives the lang/en loader count (v1 caches lack them)
FACTS_FILE = "fingerprint-facts-v2.json"


class FileFacts:
    """Facts computed from a file's content, remembered by path and stat stamp in
    `cache_dir()/FACTS_FILE` (read once per process, written when something new was learnt)."""

    def __init__(self, folder: Path | None = None):
        self.folder = folder
        self.entries: dict[str, list] | None = None
        self.dirty = False

    @property
    def path(self) -> Path:
        return (self.folder or cache_dir()) / FACTS_FILE

    def _load(self) -> dict[str, list]:
        if self.entries is None:
            try:
                data = json.loads(self.path.read_text("utf-8"))
            except (OSError, ValueError):
                data = {}
            self.entries = data if isinstance(data, dict) else {}
        return self.entries

    def get(self, kind: str, path: Path, compute: Callable[[Path], Any]) -> Any:
        st = path.stat()
        stamp = [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]
        entries, key = self._load(), f"{kind}:{path}"
        hit = entries.get(key)
        if isinstance(hit, list) and len(hit) == 2 and hit[0] == stamp:
            return hit[1]
        value = compute(path)
        entries[key] = [stamp, value]
        self.dirty = True
        return value

    def save(self) -> None:
        """Write what was learnt (dropping files that are gone); a cache that cannot be written
        costs only the time to read the files again next time."""
        if not self.dirty or self.entries is None:
            return
        self.dirty = False
        live = {k: v for k, v in self.entries.items() if Path(k.partition(":")[2]).exists()}
        target = self.path
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_text(json.dumps(live, sort_keys=True), "utf-8")
            os.replace(tmp, target)  # whole or not at all, whichever process writes last
        except OSError:
            with contextlib.suppress(OSError):
                tmp.unlink()


_FACTS = FileFacts()


def _module_file(name: str) -> Path | None:
    if name == PACKAGE or name.startswith(PACKAGE + "."):
        return _package_file(name)
    module = sys.modules.get(name)
    path = getattr(module, "__file__", None)
    return Path(path) if path else None


@lru_cache(maxsize=4096)
def _package_file(name: str) -> Path | None:
    if name == PACKAGE:
        return _ROOT / "__init__.py"
    rel = Path(*name.split(".")[1:])
    for candidate in (_ROOT / rel.with_suffix(".py"), _ROOT / rel / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(name: str, path: Path) -> frozenset[str]:
    """The package modules a module imports (absolute or relative), as dotted names."""
    found = _FACTS.get(f"imports {name}", path, lambda p: _imports_in(name, p))
    # the package's own __init__ is a facade over everything: what a stage uses, it imports itself
    return frozenset(m for m in found if m != PACKAGE and _module_file(m) is not None)


def _imports_in(name: str, path: Path) -> list[str]:
    """The dotted names of the package's modules and names a module's source imports."""
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
    return sorted(found)


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
    """The knowledge files the modules name, then the files they name in a `data/` folder beside
    them (what an install step put there: the gazetteer's vendored table's source record)."""
    names = sorted({m for path in paths for m in _names_in(path)})
    files = [d / n for n in names for d in _DATA_DIRS if (d / n).is_file()]
    files += sorted({path.parent / "data" / n for path in paths for n in _names_in(path)
                     if (path.parent / "data" / n).is_file()})
    extra = os.environ.get("WIRECODER_KNOWLEDGE")
    if extra:
        files += [Path(extra) / n for n in names if (Path(extra) / n).is_file()]
    return files


def _names_in(path: Path) -> list[str]:
    """The data file names a module's source mentions ("plover_verbs.tsv"), and the word lists it
    asks the lang/en loader for (`words("months")` -> "months.tsv")."""
    return _FACTS.get("names", path, _data_names)


def _data_names(path: Path) -> list[str]:
    text = path.read_text("utf-8")
    tree = ast.parse(text)
    loaders = {a.asname or a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
               and (node.module or "").endswith("lang.en") for a in node.names if a.name in _LANG_LOADERS}
    lists = {f"{node.args[0].value}.tsv" for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in loaders
             and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)}
    return sorted(set(_FILE_NAME.findall(text)) | lists)


def _file_digest(path: Path) -> str:
    return _FACTS.get("sha256", path, lambda p: hashlib.sha256(p.read_bytes()).hexdigest())


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
    _FACTS.save()
    return h.hexdigest()[:12]
