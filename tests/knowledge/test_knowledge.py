"""The shipped knowledge tables: well-formed, no key defined twice, codes from the known sets."""

import collections

import pytest

from wirecoder.knowledge import load_tsv
from wirecoder.knowledge.plover import plover_types

PLOVER_TYPES = set(plover_types())


@pytest.mark.parametrize("name,key", [("plover_verbs.tsv", "pattern"), ("plover_nouns.tsv", "noun"),
                                      ("countries.tsv", "name"), ("country_names.tsv", "name"),
                                      ("sectors.tsv", "term"), ("agent_nouns.tsv", "term")])
def test_no_key_twice(name, key):
    counts = collections.Counter(row[key] for row in load_tsv(name))
    assert not [k for k, n in counts.items() if n > 1]


@pytest.mark.parametrize("name", ["plover_verbs.tsv", "plover_nouns.tsv"])
def test_event_types_are_plover(name):
    rows = load_tsv(name)
    assert len(rows) > 40
    assert {row["type"] for row in rows} <= PLOVER_TYPES


def test_country_codes_look_like_iso3():
    rows = load_tsv("countries.tsv")
    assert all(len(r["iso3"]) == 3 and r["iso3"].isupper() for r in rows)
    assert "us" not in {r["name"] for r in rows}  # the pronoun must never code as the USA


def test_more_country_names_add_to_countries_tsv_without_repeating_it():
    base = {r["name"] for r in load_tsv("countries.tsv")}
    more = load_tsv("country_names.tsv")
    assert len(more) > 100 and not base & {r["name"] for r in more}
    assert all(len(r["iso3"]) == 3 and r["iso3"].isupper() for r in more)
