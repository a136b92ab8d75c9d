"""The store's schema revision, read without Alembic when nothing needs migrating.

Opening a store checks that its tables are at the newest migration. Asking Alembic costs its
import and a load of every migration script (about 0.2 s, more than the rest of a small
`wirecoder events`), so the usual case, a store already at the head, is answered here from the
migration files' `revision` / `down_revision` lines and the `alembic_version` table. Anything
else (an empty database, an older or unknown revision, a migration graph with branches or
dependencies) goes to Alembic as before (repository._upgrade).

    head_revision()   # "0004": the newest migration, as Alembic names it
    at_head(conn)     # True when the store behind `conn` needs no migration
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, inspect, text

MIGRATIONS = Path(__file__).parent / "migrations"
VERSION_TABLE = "alembic_version"  # Alembic's default; migrations/env.py keeps it


def alembic_config(url: str):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def head_revision() -> str:
    """The newest migration: read from the scripts' headers when they form one line, else by
    Alembic itself."""
    linear = linear_head()
    if linear is not None:
        return linear
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head() or ""


def _header(path: Path) -> dict[str, object]:
    """The module-level constants of a migration script (revision, down_revision, ...)."""
    found: dict[str, object] = {}
    for node in ast.parse(path.read_text("utf-8")).body:
        target = node.target if isinstance(node, ast.AnnAssign) else (
            node.targets[0] if isinstance(node, ast.Assign) and len(node.targets) == 1 else None)
        if isinstance(target, ast.Name) and node.value is not None:
            try:
                found[target.id] = ast.literal_eval(node.value)
            except ValueError:
                found[target.id] = node  # not a constant: marks the script as one to leave to Alembic
    return found


@cache
def linear_head(versions: Path = MIGRATIONS / "versions") -> str | None:
    """The head of a straight chain of migrations in `versions`, read from the scripts' text;
    None when the chain has branches, merges, dependencies or anything unexpected."""
    parents: dict[str, str | None] = {}
    for path in sorted(versions.glob("*.py")):
        if path.name == "__init__.py":
            continue
        head = _header(path)
        revision, down = head.get("revision"), head.get("down_revision")
        if (not isinstance(revision, str) or not (down is None or isinstance(down, str))
                or head.get("branch_labels") is not None or head.get("depends_on") is not None
                or revision in parents):
            return None
        parents[revision] = down
    heads = set(parents) - set(parents.values())
    roots = [r for r, down in parents.items() if down is None]
    if len(heads) != 1 or len(roots) != 1 or any(d is not None and d not in parents for d in parents.values()):
        return None
    return heads.pop()


def at_head(conn: Connection) -> bool:
    """Whether the store behind `conn` is at the newest migration (False when unsure)."""
    head = linear_head()
    if head is None or not inspect(conn).has_table(VERSION_TABLE):
        return False
    return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all() == [head]
