"""Exports code a party from the store's actor registry where its document left it uncoded (#19):
"Quintanar" uncoded in one report is the MEX GOV another report's "the mayor of Tijuana" made
her; a party the coder gave no actor whose words name a registry actor ("Trump") is that actor;
a party's own code is kept; words that name no actor ("Which") stay uncoded. SQLite and
PostgreSQL."""

from __future__ import annotations

import json

from registry_fixtures import JUNK, MAYOR_A, MAYOR_B, TRUMP_2016
from wirecoder.store import open_store
from wirecoder.store.exports import export

# GDELT 2.0 columns (0-based): the actor blocks start at 5 and 15
A1_CODE, A1_NAME, A1_COUNTRY, A1_TYPE = 5, 6, 7, 12
A2_CODE, A2_NAME, A2_COUNTRY = 15, 16, 17


def stored(url: str) -> str:
    with open_store(url) as store:
        for analysis in (MAYOR_A, TRUMP_2016, MAYOR_B, JUNK):
            store.save(analysis)
    return url


def test_gdelt_rows_take_the_registry_codes_the_document_left_open(store_url, tmp_path):
    url = stored(store_url)
    out = tmp_path / "events.tsv"
    export(url, "gdelt-tsv", out, min_confidence=0)
    rows = [line.split("\t") for line in out.read_text("utf-8").splitlines()]
    by_source = {(r[A1_NAME], r[A2_NAME]): r for r in rows}
    consult = by_source[("QUINTANAR", "TRUMP")]
    assert (consult[A1_CODE], consult[A1_COUNTRY], consult[A1_TYPE]) == ("MEXGOV", "MEX", "GOV")
    assert (consult[A2_CODE], consult[A2_COUNTRY]) == ("USAGOV", "USA")  # its own code, kept
    # "Trump" with no actor of its document: the registry's Donald Trump, named and coded so
    sanction = by_source[("DONALD TRUMP", "CARTELS")]
    assert (sanction[A1_CODE], sanction[A1_COUNTRY]) == ("USAGOV", "USA")
    assert sanction[A2_CODE] == ""  # "cartels": no actor, no registry name
    which = by_source[("WHICH", "DONALD TRUMP")]
    assert (which[A1_CODE], which[A2_CODE]) == ("", "USAGOV")
    # a described party keeps its own code
    assault = by_source[("SUSPECTED CARTEL MEMBERS", "DONALD TRUMP")]
    assert (assault[A1_CODE], assault[A2_CODE]) == ("MEXCRM", "USAGOV")


def test_plover_records_take_them_too(store_url, tmp_path):
    url = stored(store_url)
    out = tmp_path / "events.jsonl"
    export(url, "plover-jsonl", out, min_confidence=0)
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    consult = next(r for r in records if r["event"] == ["CONSULT"])
    [source] = consult["source"]
    assert (source["code"], source["sector"], source["actor_text"]) == ("MEX", "GOV", "Quintanar")
