"""Sense checks of event triggers (extract/event_sense.py and its two knowledge tables).

Each row of event_senses.tsv carries an example, and the example must fire its own row: the
table tests itself, like a regression gate. The pipeline tests below are written for these checks
(not taken from any gold set): a word in another sense gives no event, or the event its sense names,
while the same word in its event sense stays an event.
"""

from __future__ import annotations

import pytest

from conftest import catalogue
from wirecoder.extract.event_sense import SenseRule, Worlds, _fits, _lemma, domain_cues, sense_rules
from wirecoder.knowledge import load_tsv

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
WHEN = {"object", "object_not", "particle", "subject", "modifier", "compound", "compound_not", "entity",
        "domain", "sentence", "pos", "patient", "party", "governor", "clause", "world_not", "partner_not",
        "prep", "verbal_dyad", "verbal_maker", "object_abstract", "dependent", "prep_object", "object_unarmed",
        "conjunct", "generic_gerund", "verb_dependent", "verbal_patient", "complement", "domain_unarmed", "no_patient", "person_dyad", "naming_participle", "imperative", "prep_instead", "domain_only", "doer_abstract", "standing_rule",
        "in_name"}
ROWS = load_tsv("event_senses.tsv")


def _rule(row) -> SenseRule:
    types = frozenset() if row["types"] in ("", "*") else frozenset(row["types"].split(","))
    return SenseRule(row["trigger"].lower(), types, row["when"],
                     frozenset(v.strip().lower() for v in row["values"].split("|") if v.strip()), row["sense"])


def test_rows_are_well_formed():
    assert len(ROWS) >= 80
    for row in ROWS:
        assert row["when"] in WHEN, row
        assert row["types"] == "*" or set(row["types"].split(",")) <= PLOVER, row
        assert row["sense"].islower() or row["sense"] in PLOVER, row
        assert row["example"].strip(), row
    assert set(domain_cues()) >= {"sport", "market", "poll", "fiction", "disaster", "accident", "armed"}


@pytest.mark.parametrize("row", ROWS, ids=[f"{r['trigger']}-{r['when']}-{i}" for i, r in enumerate(ROWS)])
def test_each_row_fires_on_its_own_example(row, nlp):
    rule = _rule(row)
    doc = nlp(row["example"])
    worlds = Worlds(doc)
    triggers = [t for t in doc if rule.trigger == "*" or _lemma(t) == rule.trigger]
    assert triggers, f"no {rule.trigger!r} in the example {row['example']!r}"
    assert any(_fits(rule, t, None, worlds) for t in triggers), row


def _types(pipeline, text: str) -> list[str]:
    return [e.type for e in pipeline.analyze(text).events]


# other senses of a trigger's word give no event of that type; the event sense stays
@pytest.mark.parametrize("text,event_type,coded", catalogue("event_senses", "sentence", "type", "coded"))
def test_senses(pipeline, text, event_type, coded):
    assert (event_type in _types(pipeline, text)) == coded


def test_a_sense_can_name_the_type_instead(pipeline):
    assert "PROTEST" in _types(pipeline, "The medical workers' strike began on Monday across Kenya.")
    assert "ASSAULT" in _types(pipeline, "The rebels seized hundreds of hostages in the town.")


def test_one_sense_per_discourse(pipeline):
    """A phrase that names the noun's sense ("a general strike") gives it to the later bare
    mentions of the article; a weapon in their sentence, or another article, keeps the bare sense."""
    text = ("Nurses began a general strike over pay on Monday. As the strike continued across the "
            "country, patients were turned away from hospitals.")
    assert [e.type for e in pipeline.analyze(text).events if e.trigger.text == "strike"] == ["PROTEST", "PROTEST"]
    text = ("Nurses began a general strike over pay on Monday. Later an air strike killed three militants "
            "in Yemen, and the army said the strike hit a weapons depot.")
    types = [e.type for e in pipeline.analyze(text).events if e.trigger.text == "strike"]
    assert types.count("PROTEST") == 1 and types.count("ASSAULT") == 2
    alone = "As the strike continued across the country, patients were turned away from hospitals."
    assert "PROTEST" not in [e.type for e in pipeline.analyze(alone).events]


def test_sense_checks_can_be_switched_off():
    from wirecoder import load

    off = load({"options": {"events": {"sense_checks": False}}})
    text = "Al Ahly beat Zamalek 2-1 in the league match on Sunday, and the coach praised the team."
    assert "ASSAULT" in [e.type for e in off.analyze(text).events]


def test_rules_are_indexed_by_trigger():
    rules = sense_rules()
    assert "*" in rules and "beat" in rules


def test_a_weapon_that_strikes_is_no_labour_strike(pipeline):
    """Labour words in the sentence make "struck" a PROTEST, but not when a weapon strikes
    (event_senses.tsv: the strike/subject row before the strike/sentence one)."""
    text = "A roadside bomb struck a bus carrying government employees to work."
    found = [(e.type, e.trigger.text) for e in pipeline.analyze(text).events]
    assert ("ASSAULT", "struck") in found, found
    found = [(e.type, e.trigger.text) for e in pipeline.analyze("Government employees struck over pay.").events]
    assert ("PROTEST", "struck") in found, found
