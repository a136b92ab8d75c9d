"""Senses read from each mention's own words (event_sense.py, event_senses.tsv rows of kinds
person_dyad, no_patient, object_abstract, prep_object, modifier and subject; the senses of a
phrase's event noun; the doer through a participle; mention-bound senses in the discourse
memory). Sentences written for these tests, none of them a row's example."""

from __future__ import annotations

import pytest


def _types(pipeline, text):
    return [e.type for e in pipeline.analyze(text).events]


@pytest.mark.parametrize("text", [
    "During a speech on defence, Warren attacked Pence for his record on military spending.",
    "Cruz has been pounding Rubio as a tax-and-spend moderate.",
    "Rubio launched a blistering attack on Cruz during the debate.",
    "Allies of the senator are testing their strength, mounting a public attack on the commerce "
    "secretary, Penny Pritzker, over trade.",
    "A new campaign video hitting Cruz for his votes on farm subsidies aired on Monday.",
    "Senator Warren and her allies launched a new round of attacks designed to paint the governor as a crony.",
    "The two senators are gunning for each other ahead of the primary.",
    "The candidate told the crowd that Japan is killing us on trade.",
    "He called himself the only man who can beat Senator Warren next year.",
])
def test_words_between_named_people_are_no_assault(pipeline, text):
    assert "ASSAULT" not in _types(pipeline, text)


@pytest.mark.parametrize("text", [
    "Hinckley attacked Reagan with a revolver outside the hotel.",
    "Rebels launched an attack on the army base overnight.",
    "Protesters clashed with police outside the parliament.",
    "The gunman began to shoot as officers arrived.",
    "Gunmen killed us all but two, the survivor said of the attack on the village.",
    "Investigators said the agencies that dealt with the nightclub shooting to answer records requests were slow.",
])
def test_armed_acts_stay_assaults(pipeline, text):
    assert "ASSAULT" in _types(pipeline, text)


@pytest.mark.parametrize("text", [
    "The chief of staff was fired after clashing with Nancy Reagan over the schedule.",
    "Her grandfather taught her how to shoot when she was nine.",
])
def test_a_quarrel_and_a_skill_are_no_assault(pipeline, text):
    found = _types(pipeline, text)
    assert "ASSAULT" not in found and "ACCUSE" not in found, found


@pytest.mark.parametrize(("text", "kind"), [
    ("The bank deployed new encryption across its branches last year.", "MOBILIZE"),
    ("The messaging software deployed by the company protects users.", "MOBILIZE"),
    ("Republicans in the Senate blocked the proposal again.", "COERCE"),
    ("The rule has been blocked in federal court after twelve states sued.", "COERCE"),
    ("The justices struck down limits on spending by unions and corporations.", "PROTEST"),
    ("The justices struck down limits on spending by unions and corporations.", "ASSAULT"),
])
def test_acts_on_abstractions_or_in_court_are_no_force(pipeline, text, kind):
    assert kind not in _types(pipeline, text)


@pytest.mark.parametrize(("text", "kind"), [
    ("The army deployed troops to the border.", "MOBILIZE"),
    ("Police blocked the road to the airport.", "COERCE"),
    ("Israel blocked aid to Gaza on Monday.", "COERCE"),
])
def test_acts_on_people_and_things_stay(pipeline, text, kind):
    assert kind in _types(pipeline, text)


def test_a_disease_that_kills_is_no_assault(pipeline):
    text = ("The outbreak has spread to three provinces. Officials said the virus was found on two farms. "
            "Each new infection is reported to the ministry. Cholera has killed 40 people since March, "
            "the ministry said.")
    assert "ASSAULT" not in _types(pipeline, text)


def test_a_sense_read_from_one_object_does_not_reach_a_later_person(pipeline):
    text = ("The police released a statement on Monday about the raid. "
            "Two of the men were later released from custody.")
    events = pipeline.analyze(text).events
    assert [e.trigger.text for e in events if e.type == "RETREAT"] == ["released"], events


@pytest.mark.parametrize(("text", "kind"), [
    ("The state legislature passed a handgun ban last spring.", "COERCE"),
    ("The company will shut down three steel mills next year.", "COERCE"),
    ("The guests were awe-struck by the view from the terrace.", "ASSAULT"),
    ("The guests were awe-struck by the view from the terrace.", "PROTEST"),
    ("Each visitor poses for a portrait, captured by the official photographer.", "ASSAULT"),
])
def test_rules_products_and_pictures_are_no_force(pipeline, text, kind):
    assert kind not in _types(pipeline, text)


@pytest.mark.parametrize(("text", "kind"), [
    ("The junta imposed a ban on the opposition party.", "COERCE"),
    ("Authorities shut down the independent newspaper on Friday.", "COERCE"),
])
def test_bans_and_closures_of_parties_stay(pipeline, text, kind):
    assert kind in _types(pipeline, text)


@pytest.mark.parametrize(("text", "kind"), [
    ("Donors gave to a new group called Citizens for Change in March.", "ACCUSE"),
    ("The senator flew home to meet his newborn granddaughter.", "CONSULT"),
])
def test_naming_and_family_visits_are_no_events(pipeline, text, kind):
    assert kind not in _types(pipeline, text)


def test_calling_someone_names_an_accusation(pipeline):
    assert "ACCUSE" in _types(pipeline, "The president called the senator a liar on Tuesday.")


@pytest.mark.parametrize("text", [
    "The committee blasted out a fundraising letter to donors on Friday.",
    "Warren Answers Question About Student Debt At Town Hall.",
    "A spokesman, who requested anonymity, said the vote would be delayed.",
])
def test_mailings_questions_and_anonymity_accuse_or_ask_no_one(pipeline, text):
    found = _types(pipeline, text)
    assert "ACCUSE" not in found and "REQUEST" not in found, found


def test_a_witness_is_no_maker_of_the_attack(pipeline):
    text = "Dr. Jane Holloway was on the square that night and witnessed the attack."
    assert "ACCUSE" not in _types(pipeline, text)


@pytest.mark.parametrize(("text", "kind"), [
    ("Senate Democrats, pressing for a vote on gun safety, seized the floor on Tuesday night.", "COERCE"),
    ("Activists hijacked the debate at the town hall for an hour.", "ASSAULT"),
    ("An ordinance banning plastic straws takes effect in June.", "COERCE"),
    ("The governor marched in the city's annual parade.", "PROTEST"),
    ("The senator faced radio attacks paid for by a super PAC.", "ASSAULT"),
])
def test_floors_laws_parades_and_ads_are_no_force(pipeline, text, kind):
    assert kind not in _types(pipeline, text)


def test_gunmen_seizing_a_floor_stay_an_event(pipeline):
    assert "COERCE" in _types(pipeline, "Gunmen seized the top floor of the hotel before dawn.")


@pytest.mark.parametrize("text", [
    "For tickets, call the box office at 555-0134 after noon.",
    "If in doubt, just ask the pharmacist.",
])
def test_instructions_to_the_reader_are_no_events(pipeline, text):
    assert _types(pipeline, text) == []


def test_a_reported_call_stays(pipeline):
    assert _types(pipeline, "The minister called his Russian counterpart on Monday to discuss the talks.")


@pytest.mark.parametrize(("text", "kind"), [
    ("The senator seized on the report to renew her call for hearings.", "COERCE"),
    ("Senate Republicans blocked the nomination for the third time.", "COERCE"),
    ("Donors spent millions on efforts to block Sanders at the convention.", "COERCE"),
])
def test_seizing_on_news_and_blocking_in_politics_are_no_force(pipeline, text, kind):
    assert kind not in _types(pipeline, text)


def test_police_blocking_protesters_stays(pipeline):
    assert "COERCE" in _types(pipeline, "Police blocked protesters from reaching the square.")


def test_a_seizure_on_a_day_stays_a_seizure(pipeline):
    assert "COERCE" in _types(pipeline, "Customs officers seized 40 kilos of cocaine at the port on Tuesday.")




def test_marching_under_orders_is_no_protest(pipeline):
    assert "PROTEST" not in _types(pipeline, "Veterans said they would rather march under the orders of Governor Blake than of his rival.")


def test_the_dead_of_a_disaster_report_are_no_assault(pipeline):
    # three sentences of the disaster among many without a cue: too few for the sentence-world rule
    # (a fifth of the sentences), enough for a report with no word of arms anywhere
    towns = " ".join(f"Town {n} lies on the coast and has {n} schools." for n in range(2, 16))
    text = ("The cyclone made landfall on Tuesday night. Floods and landslides followed across the "
            f"delta. The storm was the strongest in a decade. {towns} More than 300 were killed in Malaysia, Myanmar and Bangladesh.")
    assert "ASSAULT" not in _types(pipeline, text)
    armed = text.replace("More than 300 were killed", "Later, gunmen opened fire on a relief convoy, and more than 300 were killed")
    assert "ASSAULT" in _types(pipeline, armed)


def test_an_act_done_by_an_abstraction_is_a_metaphor(pipeline):
    assert "ASSAULT" not in _types(pipeline, "The governor sees the mayor as captured by a rigid ideology that blocks reform.")
    assert "ASSAULT" in _types(pipeline, "Two soldiers were captured by rebels near the border on Sunday.")


def test_an_act_asked_for_by_a_noun_is_no_act_done(pipeline):
    # "his call for a ban": the ban is only asked for; its asker is named, so it is the request
    events = pipeline.analyze("Senator Blake renewed Governor Cole's call for a ban on imports from Ruritania.").events
    assert "COERCE" not in [e.type for e in events] and "SANCTION" not in [e.type for e in events]


def test_a_rule_in_force_is_no_act(pipeline):
    assert "COERCE" not in _types(pipeline, "The fishing method is outlawed in the United States.")
    assert "COERCE" in _types(pipeline, "Russia banned the group on Tuesday.")


def test_a_blockade_of_a_nominee_is_politics_a_blockade_of_a_port_is_force(pipeline):
    assert "ASSAULT" not in _types(pipeline, "Senate Republicans have maintained a blockade of Judge Garland's nomination since March.")
    assert "ASSAULT" not in _types(pipeline, "The GOP blockade of the nominee continued on Tuesday.")
    assert "ASSAULT" in _types(pipeline, "The navy imposed a blockade on the port of Hodeidah.")


def test_the_attack_after_a_shooting_is_that_shooting(pipeline):
    """One sense per discourse gives way to the nearer telling: "the attack" after the article
    told of a mass shooting refers back to it, though a campaign's verbal attack came first."""
    text = ("Trump's campaign leveled a verbal attack at a reporter, and the polls moved. A gunman killed "
            "49 people in a mass shooting at a nightclub in Orlando on Sunday. The senator described "
            "the attack as a sobering reminder of the threat.")
    events = pipeline.analyze(text).events
    last = max((e for e in events if e.trigger.text == "attack"), key=lambda e: e.trigger.start)
    assert last.type == "ASSAULT"
    # with no shooting told before it, the campaign's sense still holds
    text = ("Trump's campaign leveled a verbal attack at a reporter, and the polls moved. The senator "
            "described the attack as a sobering reminder of the campaign's tone.")
    events = pipeline.analyze(text).events
    assert "ASSAULT" not in [e.type for e in events]
