"""The database's plans of the statements a store call runs, for tests that check an index is
walked or no hashed subplan is built: SQLite's EXPLAIN QUERY PLAN (its detail column),
PostgreSQL's EXPLAIN (its text lines), of every statement that starts with `prefix`."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import event


def query_plans(store, run: Callable[[], object],
                prefix: str | tuple[str, ...] = "SELECT EVENTS.DOCUMENT_ID") -> list[str]:
    """The plan lines of the statements starting with `prefix` (upper case) that `run()` executes."""
    sqlite = store.dialect == "sqlite"
    explain_sql, column = ("EXPLAIN QUERY PLAN ", 3) if sqlite else ("EXPLAIN ", 0)
    plans: list[str] = []

    def explain(conn, cursor, sql, params, context, many):
        if sql.lstrip().upper().startswith(prefix):
            plans.extend(r[column] for r in cursor.connection.execute(explain_sql + sql, params))

    event.listen(store.engine, "before_cursor_execute", explain)
    try:
        run()
    finally:
        event.remove(store.engine, "before_cursor_execute", explain)
    return plans
