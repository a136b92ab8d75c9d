"""Agentless passives borrow a source from a nearby event of the same kind, never across types,
and violence keeps its unknown attacker unless the same or previous sentence names one."""

from __future__ import annotations


def _events(pipeline, text: str, trigger: str):
    analysis = pipeline.analyze(text)
    found = [e for e in analysis.events if e.trigger.text == trigger]
    assert found, [(e.type, e.trigger.text) for e in analysis.events]
    return analysis, found[0]


def _sources(event) -> list[str]:
    return [r.span.text for r in event.sources]


def test_passive_tariff_borrows_the_earlier_tariff_source(pipeline):
    text = ("Brazil's government will impose a 20 percent tariff on Argentina. "
            "A 10 percent tariff will also be imposed against Chile on the same day.")
    analysis, event = _events(pipeline, text, "imposed")
    assert event.type == "SANCTION"
    assert _sources(event) == ["Brazil's government"]
    ref = event.sources[0]
    assert analysis.document.text[ref.span.start:ref.span.end] == "Brazil's government"
    donor = next(e for e in analysis.events if e.trigger.text.startswith("impose a"))
    # a borrowed source is less certain: the coder's own score, one of the confidence model's
    # features, is lower (the calibrated confidence weighs it with the rest: modality, the parties'
    # codes, the article's worlds, so it may still come out on either side of the donor's)
    assert event.prominence < donor.prominence


def test_passive_does_not_borrow_across_types(pipeline):
    text = ("Brazil's president met Argentina's president in Brasilia on Monday. "
            "A 10 percent tariff will be imposed against Chile.")
    _, event = _events(pipeline, text, "imposed")
    assert event.type == "SANCTION" and event.sources == []


def test_passive_does_not_borrow_from_a_done_act_for_a_planned_one(pipeline):
    text = ("Brazil's government imposed a 20 percent tariff on Argentina last year. "
            "A 10 percent tariff will be imposed against Chile next month.")
    _, event = _events(pipeline, text, "imposed")
    assert event.sources == []


def test_shots_fired_stay_sourceless_when_the_attacker_is_far(pipeline):
    text = ("Gunmen attacked a convoy in the north on Monday. Officials said the road was closed. "
            "Traders said prices rose. Shots were fired at border agents on Friday.")
    _, event = _events(pipeline, text, "fired")
    assert event.type == "ASSAULT" and event.sources == []


def test_shots_fired_take_the_attacker_of_the_previous_sentence(pipeline):
    text = "Gunmen attacked a convoy near the border on Monday. Shots were also fired at the soldiers."
    _, event = _events(pipeline, text, "fired")
    assert event.type == "ASSAULT" and _sources(event) == ["Gunmen"]


def test_later_items_of_a_list_of_event_nouns_share_the_first_items_doer(pipeline):
    # the parser hangs the third item on the second's country ("Chile, a tax on Peru"): it is
    # still an item of the list, done by whoever does the first, and planned like it
    text = ("Brazil's president will be imposing a 20 percent tariff on Argentina, a 20 percent "
            "tariff on Chile, a 5 percent tariff on Peru for the smuggling it allowed, his aide said.")
    analysis = pipeline.analyze(text)
    tariffs = [e for e in analysis.events if e.trigger.text == "tariff"]
    assert tariffs, [(e.type, e.trigger.text) for e in analysis.events]
    for event in tariffs:
        assert event.sources and event.modality == "planned", (event.trigger.start, _sources(event), event.modality)


def test_a_list_item_does_not_borrow_from_another_word(pipeline):
    text = "The army launched strikes on the port, and an attack on the airport followed."
    analysis = pipeline.analyze(text)
    attack = [e for e in analysis.events if e.trigger.text == "attack"]
    assert all(not e.sources for e in attack), [(e.trigger.text, _sources(e)) for e in attack]
