"""Parties must be parties (extract/parties.py): pronouns, times, amounts and abstract nouns are
never an event's source or target. Sentences written for these tests."""

from __future__ import annotations

from wirecoder.extract.parties import non_party_lemmas, parties_only, stands_for


def _tok(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


def test_relative_pronouns_stand_for_their_noun_or_for_no_one(nlp):
    who = _tok(nlp, "The man who fired the shots fled.", "who")
    assert stands_for(who).text == "man"
    which = _tok(nlp, "Which did the Republicans attack?", "Which")
    assert stands_for(which) is None


def test_times_amounts_and_abstract_nouns_are_no_parties(nlp):
    assert stands_for(_tok(nlp, "The talks will resume in the coming days.", "days")) is None
    assert stands_for(_tok(nlp, "He struck a new chord with voters.", "chord")) is None
    assert stands_for(_tok(nlp, "The rebels attacked the convoy.", "convoy")).text == "convoy"
    assert {"chord", "time", "day", "momentum"} <= non_party_lemmas()


def test_an_abstract_noun_that_names_its_party_stays(nlp):
    proposal = _tok(nlp, "Aliyev rejected an Armenian proposal on the talks.", "proposal")
    assert stands_for(proposal) is proposal


def test_an_abstract_noun_gives_way_to_the_party_inside_it(nlp):
    doc = nlp("Abbas condemned the decision of Netanyahu.")
    decision = next(t for t in doc if t.text == "decision")
    netanyahu = next(t for t in doc if t.text == "Netanyahu")
    assert parties_only([decision], lambda t: False, lambda t: netanyahu) == [netanyahu]
    assert parties_only([decision], lambda t: False, lambda t: None) == []
    assert parties_only([decision], lambda t: True, lambda t: None) == [decision]  # a coded actor


def test_pipeline_targets_are_parties(pipeline):
    events = pipeline.analyze("Abbas's office condemned Netanyahu's decision to build in E1.").events
    accuse = next(e for e in events if e.type == "ACCUSE")
    assert any("Netanyahu" in t.span.text for t in accuse.targets)


def test_an_event_does_not_act(pipeline):
    """An event noun is no source; the party inside its phrase is, when there is one."""
    events = pipeline.analyze("The bombings at U.S. embassies in Kenya have killed more than 200 people.").events
    killed = next(e for e in events if e.trigger.text == "killed")
    assert killed.sources == [] and [t.span.text for t in killed.targets] == ["more than 200 people"]
    events = pipeline.analyze("The Taliban's attack killed 12 soldiers in Kandahar.").events
    killed = next(e for e in events if e.trigger.text == "killed")
    assert [s.span.text for s in killed.sources] == ["The Taliban's attack"]  # whose it is, named
    # a target may still be an event ("condemned the bombings"): only doers are checked
    events = pipeline.analyze("The ambassador condemned the bombings on Tuesday.").events
    assert any(t.span.text.endswith("bombings") for e in events for t in e.targets)


def test_abstractions_do_not_act_unless_the_phrase_names_whose(pipeline):
    def sources(text, trigger):
        event = next(e for e in pipeline.analyze(text).events if e.trigger.text == trigger)
        return [s.span.text for s in event.sources]
    assert sources("Preliminary DNA tests link a missing activist to a hair found near where a sniper shot "
                   "and killed a Buffalo doctor.", "killed") == []
    # a weapon stays, as PLOVER's coders mark it
    assert sources("A car bomb killed three soldiers in Kabul.", "killed") == ["A car bomb"]
    assert sources("A car bombing by the Islamic State group killed 75 people.", "killed") == ["A car bombing"]
    assert sources("Israeli jets struck Gaza overnight.", "struck") == ["Israeli jets"]
    assert sources("The police arrested 12 protesters.", "arrested") == ["The police"]


def test_an_event_named_after_a_preposition_of_time_is_not_the_clause_doers(pipeline):
    text = ("Retaliating 13 days after the embassy bombings in East Africa, U.S. forces launched "
            "cruise missile strikes against camps in Afghanistan.")
    bombings = next(e for e in pipeline.analyze(text).events if e.trigger.text == "bombings")
    assert bombings.sources == []
    text = "Rebels stormed the town after an attack on the base."
    assert any(e.type == "ASSAULT" and [s.span.text for s in e.sources] == ["Rebels"]
               for e in pipeline.analyze(text).events)


def test_who_made_a_demand_is_who_an_answer_to_it_is_for(pipeline):
    def targets(text, trigger_start):
        event = next(e for e in pipeline.analyze(text).events if e.trigger.text.startswith(trigger_start))
        return [t.span.text for t in event.targets]
    assert targets("Esper approved a request from the Department of Health for help.", "approved") == ["the Department"]
    assert targets("President Temer has conceded to the demands of the protesting truck drivers.", "conceded") \
        == ["the protesting truck drivers"]
    assert targets("The government rejected the strikers' demands on Monday.", "rejected") == ["the strikers"]


def test_what_an_act_falls_on_did_not_do_what_it_did(pipeline):
    """"An attack on a bank killed three": the bank is the attack's target, never the killer;
    a named doer inside the act's phrase still is."""
    def sources(text):
        return {s.span.text for e in pipeline.analyze(text).events for s in e.sources}
    assert not sources("A fire-bomb attack on a bank in Athens killed three clerks on Wednesday.")
    assert sources("An attack by the rebels on the convoy killed two soldiers.") == {"the rebels"}


def test_an_empty_it_is_no_doer(pipeline):
    """"It took the jury two hours to convict him": "it" stands for the infinitive, not a party."""
    events = pipeline.analyze("It took the jury two hours to convict the gunman.").events
    convict = next(e for e in events if e.trigger.text == "convict")
    assert not any(s.span.text == "It" for s in convict.sources)
    events = pipeline.analyze("The court met on Monday. It decided to sanction the bank.").events
    assert any(s.span.text in ("It", "The court") for e in events for s in e.sources)

