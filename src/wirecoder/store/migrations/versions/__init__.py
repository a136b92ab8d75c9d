"""Alembic revisions: one file per schema change, applied in order by `wirecoder.store.migrate`."""
