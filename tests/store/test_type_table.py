"""One type table for the store, the exports and the dashboard (#18): every PLOVER type of
knowledge/plover_types.tsv maps in every export, each class as its own codebook has it (PLOVER's
quad class from the manual, GDELT's QuadClass from the CAMEO root, ACLED's types from
knowledge/acled_events.tsv), and the API serves the table the dashboard colours by."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pytest
from test_exports import handmade

from wirecoder.errors import KnowledgeError
from wirecoder.knowledge.plover import find_type, plover_types
from wirecoder.store import export, open_store
from wirecoder.store.codes import (
    cameo_codes,
    event_type_rows,
    gdelt_quad_class,
    goldstein,
    quad_class,
)
from wirecoder.store.export_acled import acled_plover_types, acled_type, acled_types
from wirecoder.store.exports import GDELT_COLUMNS
from wirecoder.store.filters import EVENT_TYPES

TYPES = list(plover_types())
# GDELT's QuadClass of each CAMEO root, as its event codebook derives it
GDELT_QUADS = {f"{n:02d}": 1 if n <= 5 else 2 if n <= 8 else 3 if n <= 13 else 4 for n in range(1, 21)}


@pytest.mark.parametrize("root", sorted(GDELT_QUADS))
def test_gdelt_quad_class_of_each_cameo_root(root):
    assert gdelt_quad_class(root + "0", "") == GDELT_QUADS[root]
    assert gdelt_quad_class(root + "11", "ASSAULT") == GDELT_QUADS[root]  # the code, not the type


def test_each_type_has_every_class():
    for name, row in plover_types().items():
        assert quad_class(name) == row.penta in (1, 2, 3, 4)
        code, base, root = cameo_codes(None, name)
        assert root == row.cameo and gdelt_quad_class(None, name) == GDELT_QUADS[root]
        assert -10 <= goldstein(None, name) <= 10
        assert name in acled_types() and name in EVENT_TYPES
        assert row.color.startswith("#") and len(row.color) == 7


def test_the_classes_follow_the_codebooks():
    # PLOVER manual: SANCTION is MATERIAL CONFLICT (it was 3 in the store's own map)
    assert quad_class("SANCTION") == 4 and gdelt_quad_class(None, "SANCTION") == 4
    # PLOVER: CONCEDE is verbal cooperation; GDELT classes its CAMEO root 08 (yield) as material
    assert quad_class("CONCEDE") == 1 and gdelt_quad_class(None, "CONCEDE") == 2
    # former names find their type: DEMAND is PLOVER 2's REQUEST, INVESTIGATE a mode of ACCUSE
    assert quad_class("demand") == 3 and cameo_codes(None, "DEMAND")[2] == "10"
    assert find_type("INVESTIGATE").name == "ACCUSE" and quad_class("BOGUS") is None


def test_acled_types_follow_its_codebook():
    kind = lambda t, m, civ=False: (lambda r: r and (r.event_type, r.sub_event_type))(  # noqa: E731
        acled_type(t, m, civ))
    assert kind("ASSAULT", "aerial") == ("Explosions/Remote violence", "Air/drone strike")
    assert kind("ASSAULT", None) == ("Battles", "Armed clash")
    assert kind("ASSAULT", None, True) == ("Violence against civilians", "Attack")
    assert kind("ASSAULT", "abduct") == ("Violence against civilians", "Abduction/forced disappearance")
    assert kind("ASSAULT", "destroy") == ("Strategic developments", "Looting/property destruction")
    assert kind("PROTEST", "riot") == ("Riots", "Violent demonstration")
    assert kind("RETREAT", "ceasefire") == ("Strategic developments", "Agreement")
    assert kind("ASSAULT", "cyber") is None and kind("PROTEST", "boycott") is None
    assert kind("AGREE", None) is None and kind("RETREAT", "resign") is None
    assert set(acled_plover_types()) == {"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "RETREAT"}


def test_a_type_without_an_acled_row_is_w023(tmp_path, monkeypatch):
    (tmp_path / "plover_types.tsv").write_text(
        "type\tcameo\tpenta\tthreat_mode\tthreat_cameo\ttarget_preps\tgroups\tformer_names\tcolor\texample\n"
        "EXPEL\t16\t4\t\t\t\t\t\t#123456\tthe embassy was closed\n")
    monkeypatch.setenv("WIRECODER_KNOWLEDGE", str(tmp_path))
    from wirecoder.knowledge import load_tsv

    for cached in (load_tsv, plover_types, acled_types):
        cached.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match="no row for EXPEL"):
            acled_types()
    finally:
        monkeypatch.delenv("WIRECODER_KNOWLEDGE")
        for cached in (load_tsv, plover_types, acled_types):
            cached.cache_clear()


@pytest.fixture(scope="module")
def every_type_db(tmp_path_factory):
    """The handmade analysis with one more asserted event of each PLOVER type, without a mode or
    a CAMEO code (the exports then give the type's own codes)."""
    base = handmade()
    template = base.events[1]
    extra = [template.model_copy(update={"id": f"event_type{i:011d}", "type": name, "mode": None,
                                         "cameo": None, "incident_id": None})
             for i, name in enumerate(TYPES)]
    analysis = base.model_copy(update={"events": [*base.events, *extra]})
    url = f"sqlite:///{tmp_path_factory.mktemp('types') / 'types.db'}"
    with open_store(url) as store:
        store.save(analysis)
    return url


def test_every_type_maps_in_every_export(every_type_db, tmp_path):
    ids = {f"event_type{i:011d}": name for i, name in enumerate(TYPES)}
    export(every_type_db, "plover-jsonl", tmp_path / "p.jsonl", min_confidence=0)
    plover = {r["id"]: r for r in map(json.loads, (tmp_path / "p.jsonl").read_text().splitlines())}
    export(every_type_db, "polecat-tsv", tmp_path / "p.tsv", min_confidence=0)
    polecat = pd.read_csv(tmp_path / "p.tsv", sep="\t", quoting=csv.QUOTE_NONE).set_index("Event ID")
    export(every_type_db, "gdelt-tsv", tmp_path / "g.tsv", min_confidence=0)
    gdelt = pd.read_csv(tmp_path / "g.tsv", sep="\t", header=None, quoting=csv.QUOTE_NONE,
                        dtype=str)
    side = pd.read_csv(f"{tmp_path / 'g.tsv'}.wirecoder.tsv", sep="\t", dtype=str)
    export(every_type_db, "acled-csv", tmp_path / "a.csv", min_confidence=0)
    acled = pd.read_csv(tmp_path / "a.csv")
    for event_id, name in ids.items():
        row = plover_types()[name]
        assert plover[event_id]["event"] == [name] and plover[event_id]["quad_code"] == row.penta
        assert polecat.loc[event_id, "Quad Code"] == row.penta
    gdelt.columns = GDELT_COLUMNS
    gdelt = gdelt.assign(event_id=side["WC_EVENT_ID"].to_numpy()).set_index("event_id")
    for event_id, name in ids.items():
        root = gdelt.loc[event_id, "EventRootCode"]
        assert root == plover_types()[name].cameo, name
        assert int(gdelt.loc[event_id, "QuadClass"]) == GDELT_QUADS[root], name
    coded = acled.set_index("plover_type")
    for name in TYPES:
        assert (name in coded.index) == (acled_type(name, None, False) is not None), name
    assert not {"AGREE", "SANCTION", "THREATEN"} & set(coded.index)


def test_the_api_serves_the_type_table():
    rows = event_type_rows()
    assert [r["name"] for r in rows] == TYPES
    req = next(r for r in rows if r["name"] == "REQUEST")
    assert req["former_names"] == ["DEMAND"] and req["quad_name"] == "VERBAL CONFLICT"
