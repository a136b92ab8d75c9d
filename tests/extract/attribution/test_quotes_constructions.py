"""Indirect attribution constructions of the `quotes` stage, one handwritten text each.

Each test names the construction, the content it must report and who holds it; the negative
tests check the near misses the construction must leave alone.
"""

from __future__ import annotations

import pytest

import wirecoder

STAGES = ["clean", "parse", "sentences", "actors", "quotes"]


@pytest.fixture(scope="module")
def nlp():
    return wirecoder.load({"stages": STAGES})


def indirect(nlp, text):
    return [q for q in nlp.analyze(text).quotes if q.kind == "indirect"]


def find(quotes, containing):
    found = [q for q in quotes if any(containing in c.text for c in q.content)]
    assert found, [([c.text for c in q.content], q.speaker_name) for q in quotes]
    return found[0]


def assert_held_by(quote, name):
    """The speaker mention or its resolved name holds `name`."""
    mention = quote.speaker.span.text if quote.speaker is not None else ""
    assert name in mention or name in (quote.speaker_name or ""), (mention, quote.speaker_name)


# ------------------------------------------------------------------ passives and objects


def test_passive_stance_verb_with_agent(nlp):
    quotes = indirect(nlp, "The farm bill was endorsed by the Iowa Corn Growers Association "
                           "on Tuesday.")
    q = find(quotes, "The farm bill")
    assert_held_by(q, "Association")
    assert "endorsed" in q.cue.text


def test_passive_of_a_making_verb_is_not_a_stance(nlp):
    quotes = indirect(nlp, "The report was released by the Labor Department on Friday.")
    assert not [q for q in quotes if q.cue is not None and "released" in q.cue.text]


def test_evaluative_verb_with_pronoun_object(nlp):
    quotes = indirect(nlp, "Senator Maria Lopez met the governor last year and endorsed him "
                           "in March.")
    q = find(quotes, "him")
    assert_held_by(q, "Lopez")


def test_stance_verb_with_relative_pronoun_object(nlp):
    quotes = indirect(nlp, "The transit plan, which Councilwoman Ada Brooks has opposed for "
                           "years, goes to a vote on Monday.")
    q = find(quotes, "which")
    assert_held_by(q, "Brooks")


def test_stance_content_keeps_what_is_said_of_the_object(nlp):
    quotes = nlp.analyze("Governor Tom Reed criticized the budget as \"a gimmick\" on "
                         "Monday.").quotes
    q = find(quotes, "the budget")
    assert "gimmick" in " ".join(c.text for c in q.content)
    assert q.kind == "mixed"


# ------------------------------------------------------------------ sources


def test_share_of_poll_respondents_as_source(nlp):
    quotes = indirect(nlp, "In the state, 43 percent said the economy was getting worse.")
    q = find(quotes, "the economy was getting worse")
    assert_held_by(q, "percent")


def test_group_named_by_a_participle_holds_the_stance(nlp):
    quotes = indirect(nlp, "Donors gave $2 million to a group backing Governor Ellen Park.")
    q = find(quotes, "Ellen Park")
    assert_held_by(q, "group")


def test_message_named_by_a_participle_is_not_the_holder(nlp):
    quotes = indirect(nlp, "He sent a series of tweets criticizing the senator.")
    assert all(not (q.speaker_name or "").endswith("tweets") for q in quotes)


# ------------------------------------------------------------------ clauses


def test_reported_clause_parsed_as_adverbial(nlp):
    quotes = indirect(nlp, "Mr. Hale said after the meeting he would not run again.")
    q = find(quotes, "he would not run again")
    assert_held_by(q, "Hale")


def test_clause_of_time_after_said_is_not_content(nlp):
    quotes = indirect(nlp, "Mr. Hale said nothing when reporters asked about the vote.")
    assert not [q for q in quotes if any("reporters asked" in c.text for c in q.content)
                and q.cue is not None and q.cue.text == "said"]


def test_fronted_poll_is_the_source_of_its_clause(nlp):
    quotes = indirect(nlp, "In a Marist poll released Monday, Governor Park led her rival by "
                           "six points.")
    q = find(quotes, "led her rival")
    assert "poll" in q.cue.text.lower() or q.cue.text == "In"
    assert q.speaker_name


def test_late_poll_phrase_is_not_a_source(nlp):
    quotes = indirect(nlp, "Governor Park has led her rival in the polls since June.")
    assert not [q for q in quotes if q.cue is not None and q.cue.text.lower() == "in"]


def test_unanswered_request_for_comment(nlp):
    quotes = indirect(nlp, "The Park campaign did not respond to requests for comment.")
    q = find(quotes, "requests for comment")
    assert_held_by(q, "campaign")


def test_line_label_attributes_the_line(nlp):
    quotes = indirect(nlp, "Poll: Park and Reed in dead heat heading into the debate\n\n"
                           "The race is close, the survey found.")
    q = find(quotes, "Park and Reed in dead heat")
    assert_held_by(q, "Poll")


def test_contact_line_is_not_a_statement(nlp):
    quotes = indirect(nlp, "The race is close.\n\nTwitter: @someone_reporter")
    assert not [q for q in quotes if any("@" in c.text for c in q.content)]


# ------------------------------------------------------------------ attitudes


def test_adjective_of_attitude(nlp):
    quotes = indirect(nlp, "Senator Graham has been critical of the trade deal since May.")
    q = find(quotes, "the trade deal")
    assert_held_by(q, "Graham")


def test_adjective_with_a_clause(nlp):
    quotes = indirect(nlp, "Clinton aides were confident that the debate had gone well.")
    q = find(quotes, "the debate had gone well")
    assert_held_by(q, "aides")


def test_impersonal_it_is_clear_has_no_holder(nlp):
    quotes = indirect(nlp, "It is unclear whether the vote will take place this week.")
    assert not [q for q in quotes if q.cue is not None and q.cue.text == "unclear"]


def test_copular_stance_holder(nlp):
    quotes = indirect(nlp, "Kaine is a staunch opponent of the death penalty.")
    q = find(quotes, "the death penalty")
    assert_held_by(q, "Kaine")


def test_reaction_drawn_from_a_named_source(nlp):
    quotes = indirect(nlp, "The proposal drew sharp criticism from Republican governors.")
    q = find(quotes, "The proposal")
    assert_held_by(q, "governors")


# ------------------------------------------------------------------ more verb frames


def test_study_finds_its_object(nlp):
    quotes = indirect(nlp, "A recent Gallup survey found broad support for background checks.")
    q = find(quotes, "broad support for background checks")
    assert_held_by(q, "survey")


def test_person_finding_an_object_is_not_an_attribution(nlp):
    quotes = indirect(nlp, "Officer Dana Wills found the keys under the seat.")
    assert not [q for q in quotes if any("the keys" in c.text for c in q.content)]


def test_study_documents_its_object(nlp):
    quotes = indirect(nlp, "The research documented faster increases in temperatures.")
    q = find(quotes, "faster increases in temperatures")
    assert_held_by(q, "research")


def test_made_no_mention_of(nlp):
    quotes = indirect(nlp, "Governor Park made no mention of the pipeline in her speech.")
    q = find(quotes, "the pipeline")
    assert_held_by(q, "Park")


def test_casting_verb_with_as(nlp):
    quotes = indirect(nlp, "Senator Reed painted his rival as a friend of the banks.")
    q = find(quotes, "his rival")
    assert "a friend of the banks" in " ".join(c.text for c in q.content)
    assert_held_by(q, "Reed")


def test_called_for_someone_to_act(nlp):
    quotes = indirect(nlp, "Senator Reed called for the governor to release the report.")
    q = find(quotes, "release the report")
    assert_held_by(q, "Reed")


def test_evaluative_verb_with_it(nlp):
    quotes = indirect(nlp, "The council passed the measure, but Democrats opposed it.")
    q = find(quotes, "it")
    assert_held_by(q, "Democrats")


def test_verb_of_feeling_names_who_feels_it(nlp):
    quotes = indirect(nlp, "The new pipeline route has alarmed environmental groups in Ohio.")
    q = find(quotes, "The new pipeline route")
    assert_held_by(q, "groups")


def test_verb_of_feeling_with_a_thing_as_object_is_not_an_attribution(nlp):
    quotes = indirect(nlp, "The storm has troubled the harvest this year.")
    assert not [q for q in quotes if q.cue is not None and "troubled" in q.cue.text]


def test_denial_of_an_object(nlp):
    quotes = indirect(nlp, "The Saudi government has denied any involvement in the attacks.")
    q = find(quotes, "any involvement in the attacks")
    assert_held_by(q, "government")


# ------------------------------------------------------------------ "as X said", "said no"


def test_as_clause_reports_the_clause_it_is_set_into(nlp):
    quotes = indirect(nlp, "Turnout in the county, as the election clerk noted on Monday, "
                           "was far below the levels of 2012.")
    q = find(quotes, "was far below the levels of 2012")
    assert_held_by(q, "clerk")
    assert "noted" in q.cue.text
    assert not any("clerk" in c.text for c in q.content)


def test_as_clause_with_an_object_of_its_own_is_not_a_report(nlp):
    quotes = indirect(nlp, "As the senator said goodbye to the donors, protesters gathered "
                           "outside the hotel.")
    assert not [q for q in quotes if any("protesters gathered" in c.text for c in q.content)]


def test_said_no(nlp):
    quotes = indirect(nlp, "Asked whether he would run for a third term, the governor said no.")
    q = find(quotes, "no")
    assert_held_by(q, "governor")
    assert q.cue is not None and "said" in q.cue.text


def test_said_yes_in_a_poll(nlp):
    quotes = indirect(nlp, "Asked if the economy was improving, 46 percent of voters said yes.")
    q = find(quotes, "yes")
    assert "percent" in (q.speaker.span.text if q.speaker is not None else "")


def test_said_as_much(nlp):
    quotes = indirect(nlp, "The campaign manager, Robin Hale, said as much in an interview.")
    q = find(quotes, "as much")
    assert_held_by(q, "Hale")


def test_said_the_same_of_someone(nlp):
    quotes = indirect(nlp, "Most Democrats called Clinton honest, and Senator Ruth Alvarez "
                           "said the same of Sanders.")
    q = find(quotes, "same")
    assert_held_by(q, "Alvarez")
    assert any("Sanders" in c.text for c in q.content)


def test_said_no_one_reports_the_whole_clause(nlp):
    quotes = indirect(nlp, "The mayor said no one would vote for the tax.")
    q = find(quotes, "vote for the tax")
    assert_held_by(q, "mayor")
    assert not any(c.text == "no" for q in quotes for c in q.content)


def test_stance_under_an_adjective_is_held_by_its_subject(nlp):
    quotes = indirect(nlp, "Senator Dana Ames was quick to condemn the court ruling.")
    q = find(quotes, "the court ruling")
    assert_held_by(q, "Ames")


def test_an_expletive_it_holds_no_stance(nlp):
    quotes = indirect(nlp, "It was too early to condemn the new tax, Senator Ames said.")
    for q in quotes:
        assert (q.speaker.span.text if q.speaker is not None else "") != "It"


def test_what_someone_said(nlp):
    quotes = indirect(nlp, "Nobody should be surprised. That was what Senator Liz Wahl said.")
    q = find(quotes, "what")
    assert_held_by(q, "Wahl")
    assert "said" in q.cue.text


def test_what_critics_call_something(nlp):
    quotes = indirect(nlp, "Gun control is what some critics call a winning issue.")
    q = find(quotes, "a winning issue")
    assert_held_by(q, "critics")


def test_what_someone_thinks_is_not_reported(nlp):
    quotes = indirect(nlp, "Nobody knows what the voters think about the new tax.")
    assert not [q for q in quotes if q.cue is not None and "think" in q.cue.text]


def test_people_named_by_a_noun_of_agent_hold_a_participle_stance(nlp):
    quotes = indirect(nlp, "Dozens of pastors supporting Senator Cruz met in Des Moines on Monday.")
    q = find(quotes, "Senator Cruz")
    assert_held_by(q, "pastors")


def test_attitude_adjective_held_by_a_noun_of_agent(nlp):
    quotes = indirect(nlp, "Many publishers were hesitant to print books about the governor.")
    q = find(quotes, "to print books about the governor")
    assert_held_by(q, "publishers")


def test_stance_under_an_adjective_in_a_relative_clause(nlp):
    quotes = indirect(nlp, "Speaker Paul Ryan, who was quick to condemn the ruling, spoke on "
                           "Monday.")
    q = find(quotes, "the ruling")
    assert_held_by(q, "Ryan")


# ------------------------------------------------------------------ second statements, hearsay


def test_coordinated_second_statement_is_its_own_attribution(nlp):
    text = ("Even China, the country's only ally, said it was opposed to the test and warned "
            "North Korea to refrain from further actions that would worsen the situation.")
    quotes = indirect(nlp, text)
    first = find(quotes, "it was opposed to the test")
    assert all("refrain" not in c.text for c in first.content)
    second = find(quotes, "refrain from further actions")
    assert "warned" in second.cue.text
    assert_held_by(second, "China")  # the shared subject, not "it"


def test_participle_after_comma_is_its_own_attribution(nlp):
    text = ("Senator Maria Lopez told the audience that she believes the state must raise "
            "teacher pay, saying that the schools have lost too many people.")
    quotes = indirect(nlp, text)
    first = find(quotes, "raise teacher pay")
    assert all("lost too many" not in c.text for c in first.content)
    second = find(quotes, "the schools have lost too many people")
    assert_held_by(second, "Lopez")


def test_sourceless_hearsay_noun(nlp):
    quotes = indirect(nlp, "The visa program is up for renewal amid allegations of fraud at "
                           "two ski resorts in Vermont.")
    q = find(quotes, "fraud")
    assert q.speaker is None and "allegations" in q.cue.text


def test_passive_judgement_without_a_judge(nlp):
    quotes = indirect(nlp, "Mr. Quarles was accused of using $50 million of investor money "
                           "for a condominium.")
    q = find(quotes, "using $50 million")
    assert any("Mr. Quarles" in c.text for c in q.content)
    assert q.speaker is None


def test_legal_charge_is_not_a_judgement(nlp):
    quotes = indirect(nlp, "Neither the mayor nor her aides have been charged with any crime.")
    assert not [q for q in quotes if q.cue is not None and "charged" in q.cue.text]


def test_participle_after_a_quoted_comma_is_its_own_attribution(nlp):
    text = ('Senator Maria Lopez insisted that she has "expanded the party," claiming that '
            "turnout in the primaries was higher because of her.")
    quotes = indirect(nlp, text)
    second = find(quotes, "turnout in the primaries was higher")
    assert "claiming" in second.cue.text
    assert_held_by(second, "Lopez")


def test_an_event_that_saw_something_is_not_a_viewer(nlp):
    quotes = indirect(nlp, "The clash near the river, which saw police return fire into the "
                           "hills, lasted an hour.")
    assert not [q for q in quotes if q.cue is not None and q.cue.text == "saw"]
