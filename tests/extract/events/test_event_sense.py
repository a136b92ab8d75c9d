"""Sense checks of event triggers (extract/event_sense.py and its two knowledge tables).

Each row of event_senses.tsv carries an example, and the example must fire its own row: the
table tests itself, like a regression gate. The pipeline tests below are written for these checks
(not taken from any gold set): a word in another sense gives no event, or the event its sense names,
while the same word in its event sense stays an event.
"""

from __future__ import annotations

import pytest

from wirecoder.extract.event_sense import SenseRule, Worlds, _fits, _lemma, domain_cues, sense_rules
from wirecoder.knowledge import load_tsv

PLOVER = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
          "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
WHEN = {"object", "object_not", "particle", "subject", "modifier", "compound", "compound_not", "entity",
        "domain", "sentence", "pos", "patient", "party", "governor", "clause", "world_not", "partner_not",
        "prep", "verbal_dyad", "object_abstract", "dependent", "prep_object", "object_unarmed"}
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


@pytest.mark.parametrize("text,absent", [
    ("Clinton is beating Trump in the latest polls by seven points among likely voters.", "ASSAULT"),
    ("Al Ahly beat Zamalek 2-1 in the league match on Sunday, and the coach praised the team.", "ASSAULT"),
    ("Shares of the firm closed at $46.64 in early trading on the Nasdaq.", "COERCE"),
    ("The magnitude 6.1 earthquake killed 12 people and the quake injured dozens more.", "ASSAULT"),
    ("A pedestrian was struck by a car in a collision on Main Street on Friday.", "ASSAULT"),
    ("The governor said he would fire the agency's chief.", "ASSAULT"),
    ("The company cut costs by closing two plants last year.", "SANCTION"),
    ("Rubio suspended his campaign after losing the Florida primary.", "SANCTION"),
    ("Protesters plan to march in March, the organisers said.", "PROTEST"),
    ("Americans are once again forced to face the threat of terrorism.", "THREATEN"),
    # words for attacks: the parser's compound, an aired attack, critics as the target
    ("Cuban relied on an ad hominem attack against Cruz by Sen. Lindsey Graham.", "ASSAULT"),
    ("The two candidates repeated the attacks they have been airing in the media.", "ASSAULT"),
    ("Carson was on defense, attacking critics as scrutiny heats up.", "ASSAULT"),
    ("Ninety six people were detained in hospital and 24 others were allowed home after treatment.", "COERCE"),
])
def test_other_senses_give_no_event_of_that_type(pipeline, text, absent):
    assert absent not in _types(pipeline, text)


@pytest.mark.parametrize("text,present", [
    ("Gunmen killed 12 people in an attack on a village in Borno state, police said.", "ASSAULT"),
    ("Police shot a football fan outside the stadium after the match, witnesses said.", "ASSAULT"),
    ("Police arrested three men in Lagos on Friday.", "COERCE"),
    ("Thousands of nurses went on strike on Monday to demand higher pay.", "PROTEST"),
    ("Militants launched repeated attacks on the village, killing nine people.", "ASSAULT"),
    ("Police detained the suspect at the hospital where he was treated for his wounds.", "COERCE"),
    ("Gunmen attacked the critics of the regime outside their office with rifles.", "ASSAULT"),
])
def test_real_events_stay(pipeline, text, present):
    assert present in _types(pipeline, text)


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
