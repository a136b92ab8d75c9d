"""The actor dictionary: dated roles, names and aliases, the user's CSV (WIRECODER_KNOWLEDGE)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from conftest import load_script
from wirecoder.extract import actor_dictionary
from wirecoder.extract.actor_dictionary import ActorDictionary, lookup, name_key, user_rows

REPO = Path(__file__).resolve().parents[2]


def _row(name, country, sector, start="", end="", aliases="", kind="person", source="wirecoder"):
    return {"name": name, "aliases": aliases, "kind": kind, "country": country, "sector": sector,
            "role": "", "start": start, "end": end, "source": source}


@pytest.mark.parametrize("day,sector", [("2019-06-01", "GOV"), ("2022-06-01", "PTY"),
                                        ("2025-02-01", "GOV")])
def test_a_role_is_read_on_the_day_of_the_event(day, sector):
    role = lookup("Trump", day)
    assert role is not None and role.country == "USA" and role.sectors[0] == sector


def test_shipped_heads_of_state_and_groups_by_alias():
    assert lookup("Zelenskiy", "2025-01-31").country == "UKR"
    assert lookup("Erdoğan", "2025-01-31").country == "TUR"
    assert lookup("erdogan", "2025-01-31").sectors[0] == "GOV"
    assert lookup("CJNG", "2025-01-31").sectors == ("CRM",)
    assert lookup("Taliban", "2019-01-01").sectors == ("REB",)
    assert lookup("Taliban", "2023-01-01").sectors == ("GOV",)
    assert lookup("Which", "2025-01-31") is None


def test_a_person_outside_every_listed_office_is_an_elite_of_that_country():
    d = ActorDictionary([_row("Ann Example", "XKX", "GOV", "2010-01-01", "2012-01-01")])
    assert d.lookup("Ann Example", "2011-01-01").sectors == ("GOV",)
    later = d.lookup("Ann Example", "2020-01-01")
    assert later.country == "XKX" and later.sectors == ("ELI",)


def test_an_organisation_outside_its_dates_is_not_coded():
    d = ActorDictionary([_row("Front", "SYR", "REB", end="2025-01-29", kind="organization")])
    assert d.lookup("Front", "2020-01-01").sectors == ("REB",)
    assert d.lookup("Front", "2026-01-01") is None


def test_a_full_name_beats_an_alias_and_a_shared_alias_that_disagrees_codes_nothing():
    d = ActorDictionary([_row("Jo Smith", "GBR", "GOV", aliases="Smith"),
                         _row("Al Smith", "USA", "LEG", aliases="Smith"),
                         _row("Smith", "AUS", "BUS", kind="organization")])
    assert d.lookup("Smith").country == "AUS"
    d = ActorDictionary([_row("Jo Smith", "GBR", "GOV", aliases="Smith"),
                         _row("Al Smith", "USA", "LEG", aliases="Smith")])
    assert d.lookup("Smith") is None and d.lookup("Al Smith").country == "USA"


def test_a_user_row_wins_on_the_days_it_covers():
    d = ActorDictionary([_row("Jo Smith", "GBR", "GOV", "2000-01-01"),
                         _row("Jo Smith", "GBR", "MIL", "2020-01-01", "2021-01-01", source="user")])
    assert d.lookup("Jo Smith", "2020-06-01").sectors == ("MIL",)
    assert d.lookup("Jo Smith", "2022-06-01").sectors == ("GOV",)


def test_names_match_without_case_accents_or_hyphens():
    assert name_key("Recep Tayyip Erdoğan") == name_key("recep tayyip erdogan")
    assert name_key("Kassym-Jomart Tokayev") == name_key("Kassym Jomart Tokayev")


def test_bad_user_rows_are_one_coded_line_each_and_the_rest_loads(tmp_path, caplog):
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text("name,country,sector,start,end\n"
                        "Jane Roe,FRA,GOV,2024-01-01,\n"
                        "Bad Country,France,GOV,,\n"
                        "Bad Date,FRA,GOV,yesterday,\n"
                        ",FRA,GOV,,\n"
                        "John Roe,DEU,GOV/MIL,,\n", "utf-8")
    with caplog.at_level(logging.WARNING, logger="wirecoder"):
        rows = user_rows(csv_file)
    assert [r["name"] for r in rows] == ["Jane Roe", "John Roe"]
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 3 and all(m.startswith("W024: ") and "\n" not in m for m in messages)
    assert f"{csv_file}:3:" in messages[0] and f"{csv_file}:4:" in messages[1]


def test_the_user_csv_named_by_wirecoder_knowledge_adds_and_overrides(tmp_path, monkeypatch):
    csv_file = tmp_path / "actors.csv"
    csv_file.write_text("name,aliases,country,sector,role,start,end\n"
                        "Zara Quill,Quill,NZL,GOV,prime minister,2024-01-01,\n"
                        "Donald Trump,,USA,BUS,test override,2022-01-01,2023-01-01\n", "utf-8")
    monkeypatch.setenv("WIRECODER_KNOWLEDGE", str(csv_file))
    assert actor_dictionary.lookup("Quill", "2025-01-01").country == "NZL"
    assert actor_dictionary.lookup("Trump", "2022-06-01").sectors == ("BUS",)
    assert actor_dictionary.lookup("Trump", "2019-06-01").sectors == ("GOV",)
    monkeypatch.delenv("WIRECODER_KNOWLEDGE")
    assert actor_dictionary.lookup("Quill", "2025-01-01") is None


def _builder():
    return load_script("scripts/build_actor_dictionary.py")


def test_the_builder_reads_tabari_entries_and_their_dated_codes():
    build = _builder()
    text = ("JANE_ROE_  # CountryInfo.txt\n+ROE_\n+PRESIDENT_ROE_\n"
            "\t[FRAELI 700101-990809]\n\t[FRAGOV >080508]\n\t[FRAELI]\n"
            "SOME_FRONT_ [IMGMUSALQ] # a group\n")
    (name, aliases, codes), (group, _, group_codes) = list(build.entries(text))
    assert name == "Jane Roe" and aliases == ["Roe", "President Roe"]
    assert codes == [("FRAELI", "700101-990809"), ("FRAGOV", ">080508"), ("FRAELI", "")]
    assert build.dates_of(">080508") == ("2008-05-08", build.SOURCE_DATE)
    assert build.dates_of("700101-990809") == ("1970-01-01", "1999-08-09")
    assert build.country_sector("FRAGOV", {"FRA"}) == ("FRA", "GOV")
    assert build.country_sector(group_codes[0][0], {"FRA"}) == ("", "REB")


def test_the_shipped_dictionary_records_its_sources():
    text = (REPO / "src" / "wirecoder" / "knowledge" / "actors_dictionary.tsv").read_text("utf-8")
    header = [line for line in text.splitlines()[:20] if line.startswith("#")]
    assert any("openeventdata/petrarch2 @" in line and "MIT" in line for line in header)
    sources = {line.rsplit("\t", 1)[-1] for line in text.splitlines() if not line.startswith("#")}
    assert sources == {"source", "petrarch2", "wirecoder"}


@pytest.mark.parametrize("name,day,country,sectors", [
    ("Haider al-Abadi", "2016-06-01", "IRQ", ("GOV",)),
    ("Mustafa al-Kadhimi", "2021-06-01", "IRQ", ("GOV",)),
    ("Jacinda Ardern", "2019-06-01", "NZL", ("GOV",)),
    ("Jacinda Ardern", "2024-06-01", "NZL", ("ELI",)),  # out of office: an elite
    ("Sanna Marin", "2020-06-01", "FIN", ("GOV",)),
    ("Ashraf Ghani", "2020-06-01", "AFG", ("GOV",)),
    ("Hibatullah Akhundzada", "2019-06-01", "AFG", ("REB",)),
    ("Hibatullah Akhundzada", "2023-06-01", "AFG", ("GOV",)),
    ("Hemedti", "2021-06-01", "SDN", ("GOV",)),
    ("Hemedti", "2024-06-01", "SDN", ("PRM",)),
    ("Min Aung Hlaing", "2019-06-01", "MMR", ("MIL",)),
    ("Min Aung Hlaing", "2022-06-01", "MMR", ("GOV", "MIL")),
    ("William Lai", "2025-06-01", "TWN", ("GOV",)),
    ("Stepan Poltorak", "2016-06-01", "UKR", ("GOV", "MIL")),
    ("Padrino Lopez", "2020-06-01", "VEN", ("GOV", "MIL")),
    ("Mostafa Madbouly", "2024-06-01", "EGY", ("GOV",)),
])
def test_written_heads_of_government_and_ministers_by_date(name, day, country, sectors):
    role = lookup(name, day)
    assert role is not None and (role.country, role.sectors) == (country, sectors)


def test_every_written_row_is_a_usable_row_and_one_person_holds_one_code_at_a_time():
    from wirecoder.knowledge import parse_tsv
    rows = list(parse_tsv((REPO / "annotation" / "actors" / "written.tsv").read_text("utf-8")))
    assert len(rows) > 1000
    by_name: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        assert actor_dictionary.check_row(row) is None, row
        by_name.setdefault(name_key(row["name"]), []).append(row)
    for roles in by_name.values():
        for i, a in enumerate(roles):
            for b in roles[i + 1:]:
                overlap = (a["start"] or "0") < (b["end"] or "9") and (b["start"] or "0") < (a["end"] or "9")
                same_code = (a["country"], a["sector"][:3]) == (b["country"], b["sector"][:3])
                assert not overlap or same_code, (a, b)


def test_the_builder_joins_a_petrarch_person_to_the_written_person_of_that_name():
    build = _builder()
    written = [_row("Nouri al-Maliki", "IRQ", "GOV", "2006-05-20", "2014-09-08",
                    aliases="Nuri al-Maliki|Maliki"),
               _row("Hassan Nasrallah", "LBN", "REB", aliases="Nasrallah")]
    same = build.same_person(written)
    petrarch = _row("Nuri Al Maliki", "IRQ", "ELI", aliases="Maliki|Prime Minister Maliki")
    assert same[build._full_names(petrarch)] == {"IRQ": "Nouri al-Maliki"}
    # a surname alone links no one, nor a name of another country
    assert build._full_names(_row("Kamal Maliki", "IRQ", "GOV", aliases="Maliki")) == ""
    assert same.get(build._full_names(_row("Nuri Al Maliki", "SYR", "GOV")), {}).get("SYR") is None


def test_the_shipped_dictionary_has_one_actor_for_petrarch_and_written_spellings():
    assert lookup("Nuri Al Maliki", "2010-06-01").sectors == ("GOV",)
    assert lookup("Nuri Al Maliki", "2016-06-01").sectors == ("ELI",)  # PETRARCH's open role ends
    assert lookup("Mohamed Ould Abdel Aziz", "2015-06-01").country == "MRT"
    assert lookup("Hizballah", "2020-01-01").name == "Hezbollah"  # an organisation joins no person
    assert lookup("Islamic Jihad", "2020-01-01").country == "PSE"
