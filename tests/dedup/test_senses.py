"""Within a story, triggers of one sense ("hijacked", "seized") count as naming the act alike,
and role fillers that describe rather than name ("the man", "his wife") never count as naming
someone else (#21)."""

from __future__ import annotations

from wirecoder.dedup import ClusterOptions, EventClusterer
from wirecoder.dedup.features import is_description
from wirecoder.dedup.lemmas import trigger_key, trigger_sense
from wirecoder.dedup.records import EventMention
from wirecoder.lang.en import table


def _m(event_id: str, doc: str, story: str | None, **kw) -> EventMention:
    base = dict(event_id=event_id, document_id=doc, type="ASSAULT", family="ASSAULT",
                reality="actual", modality="asserted", trigger="hijacked", story=story)
    base.update(kw)
    return EventMention(**base)


def _sense(text: str) -> str:
    return trigger_sense(trigger_key(text))


def test_senses_read_inflections_and_phrases():
    assert _sense("hijacked") == _sense("seizing") == _sense("seized") != ""
    assert _sense("opened fire") == _sense("shot") == _sense("gunned down") != ""
    assert _sense("detained") == _sense("into custody") == _sense("captured") == _sense("arrest")
    assert _sense("earthquakes") == _sense("quake") != _sense("blast")
    assert _sense("set fire") == ""  # a phrase matches a phrase only: arson is not shooting
    assert _sense("accused") != _sense("charged")  # an accusation is not a charge


def test_the_sense_table_gives_each_key_one_sense_and_each_row_an_example():
    seen: dict[str, str] = {}
    for row in table("trigger_senses"):
        assert row["example"].strip() and row["sense"].strip(), row
        key = trigger_key(row["word"])
        assert seen.setdefault(key, row["sense"]) == row["sense"], row


def test_within_a_story_a_shared_sense_and_one_more_agreement_link():
    clusterer = EventClusterer()
    clusterer.add_document([_m("a", "d1", "s1", trigger="hijacked", source_names=["pirates"],
                               context=["tanker", "gulf"])])
    [link] = clusterer.add_document([_m("b", "d2", "s1", trigger="seized",
                                        source_names=["pirates"], context=["vessel", "aden"])])
    assert link.cluster_id == clusterer.cluster_of("a") and "sense=seize" in link.matched


def test_a_shared_sense_alone_or_outside_a_story_does_not_link():
    alone = EventClusterer()
    alone.add_document([_m("a", "d1", "s1", trigger="hijacked", context=["tanker"])])
    alone.add_document([_m("b", "d2", "s1", trigger="seized", context=["vessel"])])
    assert alone.cluster_of("a") != alone.cluster_of("b")
    plain = EventClusterer(ClusterOptions(stories=False))
    plain.add_document([_m("a", "d1", None, source_names=["pirates"], context=["tanker"])])
    plain.add_document([_m("b", "d2", None, trigger="seized", source_names=["pirates"],
                           context=["vessel"])])
    assert plain.cluster_of("a") != plain.cluster_of("b")


def test_descriptions_are_not_names():
    for name in ("a man", "the suspect", "his wife", "two workers", "they", "507 total yards"):
        assert is_description(name), name
    for name in ("police", "greek police", "yvonne hiller"):
        assert not is_description(name), name


def test_a_description_does_not_count_as_naming_someone_else():
    clusterer = EventClusterer()
    clusterer.add_document([_m("a", "d1", "s1", type="SANCTION", family="SANCTION",
                               trigger="sentenced", target_names=["brian nichols"],
                               context=["judge", "atlanta"])])
    [link] = clusterer.add_document([_m("b", "d2", "s1", type="SANCTION", family="SANCTION",
                                        trigger="sentenced", target_names=["the man"],
                                        context=["courthouse", "life"])])
    assert link.cluster_id == clusterer.cluster_of("a") and "other-target" not in link.matched
    # two names with no word in common still count against a link
    other = EventClusterer()
    other.add_document([_m("c", "d1", "s1", trigger="sentenced", target_names=["brian nichols"],
                           context=["judge"])])
    other.add_document([_m("d", "d2", "s1", trigger="sentenced", target_names=["hillary clinton"],
                           context=["speech"])])
    assert other.cluster_of("c") != other.cluster_of("d")
