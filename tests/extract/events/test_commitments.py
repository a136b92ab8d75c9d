"""A promised act of verbal cooperation is an AGREE (PLOVER codebook: "agree to, offer, promise
... commitment to cooperate, including promises to sign or ratify agreements"): the `commitment`
coding of knowledge/event_codings.tsv applies to SUPPORT as to the material cooperative types.
Sentences written for these tests."""

from __future__ import annotations

import pytest


def _types(pipeline, text: str) -> list[tuple[str, str]]:
    return [(e.type, e.trigger.text) for e in pipeline.analyze(text).events]


@pytest.mark.parametrize("text,trigger", [
    ("The European Union will support the new government in Kyiv.", "support"),
    ("The two ministries will sign an agreement with Chile next week.", "sign an agreement"),
])
def test_a_promised_endorsement_is_an_agree(pipeline, text, trigger):
    assert ("AGREE", trigger) in _types(pipeline, text), _types(pipeline, text)


@pytest.mark.parametrize("text,trigger", [
    ("The European Union supports the new government in Kyiv.", "supports"),
    ("The two ministries signed an agreement with Chile on Monday.", "signed an agreement"),
])
def test_a_done_endorsement_stays_support(pipeline, text, trigger):
    assert ("SUPPORT", trigger) in _types(pipeline, text), _types(pipeline, text)
