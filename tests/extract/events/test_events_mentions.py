"""Event mentions with the sense checks on: bare event nouns, one event per mention, attempts,
and the main event of a sentence. Sentences written for these tests."""

from __future__ import annotations

from conftest import REPO


def _events(pipeline, text: str):
    return [(e.type, e.trigger.text) for e in pipeline.analyze(text).events]


def test_a_bare_event_noun_is_a_mention(pipeline):
    assert ("ASSAULT", "shooting") in _events(pipeline, "Police said the shooting left three people dead in Lagos.")


def test_an_attack_that_names_what_it_hit_is_a_mention(pipeline):
    """No one is named as doing it, but "the attack on the mosque" is one occurrence; an attack on
    an abstraction is not ("the attack on democracy"), nor one that did not happen."""
    assert ("ASSAULT", "attack") in _events(pipeline, "The attack on the mosque shocked the country.")
    assert not any(k == "ASSAULT" for k, _ in _events(pipeline, "The attack on democracy must end, the senator said."))
    assert not any(t == "attack" for _, t in _events(pipeline, "There was no attack on the town, officials said."))


def test_a_prevented_or_denied_noun_is_no_mention(pipeline):
    found = _events(pipeline, "Turkey and Russia set up a buffer zone to avert an offensive.")
    assert not any(t == "offensive" for _, t in found)
    assert not any(t == "attack" for _, t in _events(pipeline, "There was no attack on the town, officials said."))


def test_a_bare_cooperative_noun_is_a_topic_not_a_mention(pipeline):
    assert not any(t == "agreement" for _, t in _events(pipeline, "The agreement is popular with voters."))


def test_a_bare_mention_borrows_no_party_from_its_clause(pipeline):
    events = pipeline.analyze("After the bombing, the Afghan government said Taliban militants "
                              "were responsible.").events
    attack = next(e for e in events if e.trigger.text == "bombing")
    assert not any("government" in s.span.text for s in attack.sources)


def test_who_died_after_it_suffered_it(pipeline):
    events = pipeline.analyze("A political prisoner died in prison after torture, activists said.").events
    torture = next(e for e in events if e.trigger.text == "torture")
    assert [t.span.text for t in torture.targets] == ["A political prisoner"]
    assert [s.span.text for s in torture.sources] == ["prison"]


def test_one_mention_one_event(pipeline):
    assert [t for _, t in _events(pipeline, "He shot and killed the judge.")] == ["shot"]
    found = _events(pipeline, "Several people were arrested and remained in police custody on Sunday.")
    assert [kind for kind, _ in found].count("COERCE") == 1
    found = _events(pipeline, "The bomb exploded, killing two soldiers and wounding 56 others.")
    assert sum(kind == "ASSAULT" for kind, _ in found) == 1
    # a relative clause on the event noun's object: one bombing, which killed an officer
    found = _events(pipeline, "He fled after the bombing of a Birmingham abortion clinic that killed an off-duty police officer.")
    assert [kind for kind, _ in found].count("ASSAULT") == 1
    # an act's own purpose: "marched ... to protest" is one protest
    found = _events(pipeline, "Some 1,500 Albanians marched in Istanbul, burning flags to protest the killings.")
    assert [kind for kind, _ in found].count("PROTEST") == 1
    found = _events(pipeline, "Lavrov held talks with Netanyahu on Monday to discuss the Iranian presence in Syria.")
    assert [kind for kind, _ in found].count("CONSULT") == 1


def test_a_noun_and_its_relative_clause_are_one_mention(pipeline):
    found = _events(pipeline, "His client had no role in the attacks, which targeted politicians in Washington.")
    assert [kind for kind, _ in found].count("ASSAULT") == 1
    # a relative clause whose subject is another party is another event
    found = _events(pipeline, "The attack that the rebels feared came on Monday, and troops killed 12 of them.")
    assert [kind for kind, _ in found].count("ASSAULT") == 2


def test_the_words_of_a_web_address_are_no_event(pipeline):
    link = "Read more: http://www.example.com/news/2013/09/09/thieves-in-smash-and-grab-raid-on-jewelry-store"
    assert _events(pipeline, link) == []
    assert ("COERCE", "raided") in _events(pipeline, "Police raided the house and/or the shop on 1/2/2020.")


def test_an_attempt_is_the_act_not_a_threat(pipeline):
    assert ("ASSAULT", "assassinate") in _events(pipeline, "Gunmen tried to assassinate the mayor on Monday.")


def test_a_mislemmatised_light_verb_still_carries_its_noun(pipeline):
    assert ("PROTEST", "protest") in _events(pipeline, "Farmers staged a protest outside parliament.")


def test_the_dashboard_shows_the_default_threshold():
    from wirecoder.extract.event_confidence import DEFAULT_MIN_CONFIDENCE

    page = REPO / "src/wirecoder/api/static/index.html"
    assert f'placeholder="{DEFAULT_MIN_CONFIDENCE}"' in page.read_text("utf-8")
