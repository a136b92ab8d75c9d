"""Alembic migrations of the wirecoder store (run with `wirecoder.store.migrate(url)`)."""
