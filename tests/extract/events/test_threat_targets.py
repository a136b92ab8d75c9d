"""A threatened deployment's target is whom the forces would act on, never the forces it would
move (event_context.threat_target's `means`). Sentences written for these tests."""

from __future__ import annotations


def _threats(pipeline, text):
    return [e for e in pipeline.analyze(text).events if e.type == "THREATEN"]


def test_forces_named_as_the_means_are_no_target(pipeline):
    text = ("'I will deploy all necessary military assets, including the U.S. Navy, to impose a full "
            "naval blockade on the cartels,' the senator pledged.")
    threats = _threats(pipeline, text)
    assert threats, "no threat found"
    targets = [r.span.text for e in threats for r in e.targets]
    assert targets and not any("Navy" in t for t in targets), targets
