"""The event coder on the seed article: threats are threats, the firefight is an assault."""

from __future__ import annotations


def _actor(analysis, ref):
    return next((a for a in analysis.actors if a.id == ref.actor_id), None)


def _codes(analysis, refs):
    out = set()
    for ref in refs:
        actor = _actor(analysis, ref)
        if actor is not None:
            out.add((actor.country, tuple(sorted(actor.sectors))))
    return out


def test_no_asserted_us_attack_on_cartels(seed_analysis):
    for e in seed_analysis.events:
        if e.type == "ASSAULT" and e.modality in ("asserted", "reported"):
            src = {c for c, _ in _codes(seed_analysis, e.sources)}
            tgt_sectors = {s for _, ss in _codes(seed_analysis, e.targets) for s in ss}
            assert not ("USA" in src and "CRM" in tgt_sectors), e


def test_us_threat_against_mexican_cartels(seed_analysis):
    threats = [e for e in seed_analysis.events if e.type == "THREATEN"]
    assert threats
    us_on_cartels = [
        e for e in threats
        if any(c == "USA" for c, _ in _codes(seed_analysis, e.sources))
        and any(c == "MEX" and "CRM" in s for c, s in _codes(seed_analysis, e.targets))
    ]
    assert us_on_cartels, [(e.trigger.text, e.sources, e.targets) for e in threats]
    assert all(e.modality != "asserted" for e in threats)


def test_cartel_firefight_is_an_asserted_assault_on_border_patrol(seed_analysis):
    assaults = [e for e in seed_analysis.events if e.type == "ASSAULT" and e.modality == "asserted"]
    on_patrol = [e for e in assaults
                 if any("CRM" in s for _, s in _codes(seed_analysis, e.sources)) or
                 any("cartel" in r.span.text for r in e.sources)]
    assert on_patrol
    assert any(("USA", ("COP",)) in _codes(seed_analysis, e.targets) for e in on_patrol)
    returned = [e for e in assaults if e.trigger.text.startswith("returned fire")]
    assert returned and _codes(seed_analysis, returned[0].sources) == {("USA", ("COP",))}


def test_tariffs_are_planned_sanctions_on_three_countries(seed_analysis):
    tariffs = [e for e in seed_analysis.events if e.type == "SANCTION" and e.mode == "tariffs"]
    targets = {c for e in tariffs for c, _ in _codes(seed_analysis, e.targets)}
    assert {"MEX", "CAN", "CHN"} <= targets
    assert all(e.modality in ("planned", "reported") for e in tariffs)


def test_seizure_and_historical_pledge(seed_analysis):
    seized = [e for e in seed_analysis.events if e.type == "COERCE" and e.mode == "seize"]
    assert seized and seized[0].modality == "reported"
    historical = [e for e in seed_analysis.events if e.modality == "historical"]
    assert any("embargo" in e.trigger.text or "deploy" in e.trigger.text for e in historical)


def test_event_evidence_points_at_text(seed_analysis):
    text = seed_analysis.document.text
    for e in seed_analysis.events:
        for span in [e.trigger, *e.evidence]:
            assert text[span.start:span.end] == span.text
        assert 0 < e.confidence <= 1


def test_every_seed_event_stays_above_the_default_threshold(seed_analysis):
    # the default --min-confidence favours precision, but never hides an event of the seed (#17)
    from wirecoder.extract.event_confidence import DEFAULT_MIN_CONFIDENCE

    low = [(e.type, e.trigger.text, e.confidence) for e in seed_analysis.events if e.confidence < DEFAULT_MIN_CONFIDENCE]
    assert seed_analysis.events and not low, low


def _time_text(analysis, event):
    time = next((t for t in analysis.times if t.id == event.time_id), None)
    return time.span.text if time else None


def test_events_are_dated_by_their_own_clause(seed_analysis):
    events = seed_analysis.events
    opened = next(e for e in events if e.trigger.text.startswith("opened fire"))
    assert _time_text(seed_analysis, opened) == "Monday"
    levied = next(e for e in events if e.trigger.text == "levied")
    assert _time_text(seed_analysis, levied) == "February 1"
    pledge = next(e for e in events if "embargo" in e.trigger.text)
    assert _time_text(seed_analysis, pledge) == "2023"


def test_event_place_is_the_venue_not_the_target(seed_analysis):
    places = {p.id: p.span.text for p in seed_analysis.places}
    gunfight = next(e for e in seed_analysis.events if e.trigger.text == "gunfight")
    assert places.get(gunfight.place_id) == "Fronton"
    opened = next(e for e in seed_analysis.events if e.trigger.text.startswith("opened fire"))
    assert places.get(opened.place_id) != "U.S."


def test_people_resolved_and_coded(seed_analysis):
    people = {a.name: a for a in seed_analysis.actors if a.kind == "person"}
    trump = people["Donald Trump"]
    mentions = {m.text for m in trump.mentions}
    assert {"The Republican", "the President"} <= mentions
    hegseth = people["Pete Hegseth"]
    assert hegseth.country == "USA" and {"GOV", "MIL"} <= set(hegseth.sectors)
    # his country is known from the actor dictionary (his name is the evidence), not inferred
    assert "Pete Hegseth" in {e.text for e in hegseth.evidence}
    leavitt = people["Karoline Leavitt"]  # not in the dictionary: her country is inferred
    assert leavitt.country == "USA" and leavitt.confidence < trump.confidence
    assert "Brian" in {m.text for m in people["Brian Kilmeade"].mentions}


def test_event_sentence_ids_are_sentence_records(seed_analysis):
    sentences = {s.id: s.span for s in seed_analysis.sentences}
    for e in seed_analysis.events:
        assert e.sentence_id in sentences
        span = sentences[e.sentence_id]
        assert span.start <= e.trigger.start < span.end


def test_passive_tariffs_take_the_us_government_as_source(seed_analysis):
    """'a 25 percent tariff will be levied on Mexico': the source comes from the President's own
    tariff event nearby, and the source span is the President's real mention."""
    text = seed_analysis.document.text
    for trigger, country in (("levied", "MEX"), ("imposed", "CHN")):
        found = [e for e in seed_analysis.events if e.type == "SANCTION" and e.trigger.text == trigger]
        assert found, trigger
        event = found[0]
        assert any(c == "USA" and "GOV" in s for c, s in _codes(seed_analysis, event.sources)), event
        assert any(c == country for c, _ in _codes(seed_analysis, event.targets)), event
        for ref in event.sources:
            assert text[ref.span.start:ref.span.end] == ref.span.text
            assert ref.span in event.evidence
