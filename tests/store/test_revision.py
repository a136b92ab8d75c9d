"""The schema-revision check without Alembic (#26): a store at the newest migration opens without
importing Alembic, and every other case still goes through it."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine

from wirecoder.store import migrate, open_store
from wirecoder.store.revision import at_head, head_revision, linear_head


def _script(folder: Path, name: str, revision: str, down: str | None, extra: str = "") -> None:
    (folder / f"{name}.py").write_text(
        f"revision: str = {revision!r}\ndown_revision = {down!r}\nbranch_labels = None\n{extra}\n"
        "def upgrade():\n    pass\n", "utf-8")


def test_the_head_read_from_the_scripts_is_alembics():
    assert linear_head() == head_revision() != ""


def test_only_a_straight_chain_has_a_head_without_alembic(tmp_path):
    chain = tmp_path / "chain"
    chain.mkdir()
    _script(chain, "a", "0001", None)
    _script(chain, "b", "0002", "0001")
    _script(chain, "c", "0003", "0002")
    assert linear_head(chain) == "0003"
    branched = tmp_path / "branched"
    branched.mkdir()
    _script(branched, "a", "0001", None)
    _script(branched, "b", "0002", "0001")
    _script(branched, "c", "0002b", "0001")
    assert linear_head(branched) is None  # two heads: Alembic decides
    merged = tmp_path / "merged"
    merged.mkdir()
    _script(merged, "a", "0001", None)
    (merged / "b.py").write_text("revision = '0002'\ndown_revision = ('0001', 'x')\n", "utf-8")
    assert linear_head(merged) is None
    odd = tmp_path / "odd"
    odd.mkdir()
    _script(odd, "a", "0001", None, extra="depends_on = '0000'")
    assert linear_head(odd) is None
    computed = tmp_path / "computed"
    computed.mkdir()
    (computed / "a.py").write_text("revision = make_id()\ndown_revision = None\n", "utf-8")
    assert linear_head(computed) is None


def test_at_head_only_for_a_store_at_the_newest_migration(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            assert not at_head(conn)  # no tables yet
        migrate(url)
        with engine.connect() as conn:
            assert at_head(conn)
        migrate(url, "0001")  # an older store
        with engine.connect() as conn:
            assert not at_head(conn)
        with open_store(url) as store:  # upgraded through Alembic
            assert store.counts()["documents"] == 0
        with engine.connect() as conn:
            assert at_head(conn)
    finally:
        engine.dispose()
