"""One event, one record, with its reports (#21): a report's main event is the one its lead
tells and repeats (`dedup.salience`), and a report whose events are missing or coded another
way is still counted under its story's record when the evidence says it reports it
(`dedup.story_records`); a report of another kind of act, or of another story, is not."""

from __future__ import annotations

from wirecoder.dedup import EventClusterer
from wirecoder.dedup.cluster import ClusterOptions
from wirecoder.dedup.records import EventMention
from wirecoder.dedup.salience import main_event_id, saliences
from wirecoder.dedup.stories import StoryOptions, document_terms
from wirecoder.dedup.story_records import document_records
from wirecoder.records import Analysis, Document, Event, Sentence, Span

TEXT = ("Pirates hijacked the tanker off the coast. The hijacking of the tanker shocked shippers. "
        "In 2007 the navy destroyed a pirate boat.")


def _analysis(prominences: dict[str, float]) -> Analysis:
    sentences, events, start = [], [], 0
    for n, sentence in enumerate(s + "." for s in TEXT[:-1].split(". ")):
        start = TEXT.index(sentence, start)
        sentences.append(Sentence(id=f"s{n}", span=Span(start=start, end=start + len(sentence),
                                                          text=sentence), paragraph=0))
    for word, sentence in (("hijacked", "s0"), ("hijacking", "s1"), ("destroyed", "s2")):
        at = TEXT.index(word)
        events.append(Event(id=word, type="ASSAULT", sentence_id=sentence,
                            prominence=prominences[word],
                            trigger=Span(start=at, end=at + len(word), text=word)))
    return Analysis(coder_version="t", stages=[], sentences=sentences, events=events,
                    document=Document(id="d", text=TEXT, original_text=TEXT))


def test_the_lead_and_repeated_event_is_the_main_one_over_a_prominent_background_event():
    analysis = _analysis({"hijacked": 0.4, "hijacking": 0.3, "destroyed": 0.95})
    found = saliences(analysis)
    assert found["hijacked"] > found["hijacking"] > found["destroyed"]
    assert main_event_id(analysis) == "hijacked"  # the most prominent is the background event
    assert main_event_id(analysis.model_copy(update={"events": []})) is None


STORY = "somali pirates hijacked the saudi supertanker sirius star gulf aden crew ransom"
OTHER = "earthquake struck northern california vineyards napa valley wine damaged"


def _m(event_id: str, doc: str, **kw) -> EventMention:
    base = dict(event_id=event_id, document_id=doc, type="ASSAULT", family="ASSAULT",
                reality="actual", modality="asserted", trigger="hijacked",
                context=["tanker", "crew"], salience=0.9)
    base.update(kw)
    return EventMention(**base)


def _clusterer() -> EventClusterer:
    clusterer = EventClusterer(ClusterOptions(story=StoryOptions(background=False)))
    add = clusterer.add_placed
    add("d1", document_terms([STORY, "captain"]), None, [
        _m("a1", "d1"), _m("a2", "d1", trigger="freed", type="YIELD", family="YIELD",
                           context=["hostages"], salience=0.3)])
    add("d2", document_terms([STORY, "owner"]), None, [_m("b1", "d2")])
    add("d3", document_terms([STORY, "navy"]), None, [])  # the coder found nothing
    for doc in ("d4", "d4b"):  # coded another way (two reports alike), of the record's group
        add(doc, document_terms([STORY, "arrest"]), None, [
            _m(f"c{doc}", doc, trigger="detained", type="COERCE", family="COERCE",
               context=["port"])])
    add("d2b", document_terms([STORY, "shipping"]), None, [_m("b2", "d2b")])
    for doc in ("d5", "d7"):  # only a threat, which two reports bear out: another reality
        add(doc, document_terms([STORY, "warn"]), None, [
            _m(f"e{doc}", doc, trigger="threatened", type="THREATEN", family="THREATEN",
               reality="potential", context=["threat"])])
    add("d6", document_terms([OTHER]), None, [])  # another story, no event
    return clusterer


def test_a_story_record_counts_its_reports_with_their_reasons():
    clusterer = _clusterer()
    # d4's coding is told by 2 of the story's 9 reports: a side event by the default share
    assert document_records(clusterer)["d4"].reasons[-1] == "own-event-minor"
    reports = document_records(clusterer, minor_share=0.0)
    record = clusterer.cluster_of("a1")
    assert clusterer.cluster_of("b1") == record
    assert {d: reports[d].cluster_id for d in ("d1", "d2", "d3", "d4")} == dict.fromkeys(
        ("d1", "d2", "d3", "d4"), record)
    assert reports["d1"].how == reports["d2"].how == "story-event"
    assert reports["d3"].how == "story" and reports["d3"].reasons[-1] == "no-event"
    assert reports["d3"].reasons[0].startswith("story=")  # the similarity it joined by
    assert reports["d4"].how == "story" and reports["d4"].reasons[-1] == "type-group"
    # the event clusters themselves are untouched: d4's mention keeps its (and d4b's) cluster
    assert clusterer.cluster_of("cd4") == clusterer.cluster_of("cd4b") != record


def test_a_report_whose_own_coding_no_other_report_bears_out_joins_the_record():
    clusterer = _clusterer()
    clusterer.add_placed("d8", document_terms([STORY, "warn"]), None, [
        _m("f1", "d8", trigger="vowed", type="THREATEN", family="THREATEN", reality="potential",
           context=["vow"])])
    link = document_records(clusterer)["d8"]
    assert link.cluster_id == clusterer.cluster_of("a1") and link.reasons[-1] == "own-event-alone"
    assert clusterer.cluster_of("f1") != clusterer.cluster_of("a1")


def test_another_reality_or_another_story_keeps_its_own_record():
    clusterer = _clusterer()
    reports = document_records(clusterer)
    assert reports["d5"].how == "event" and reports["d5"].cluster_id == clusterer.cluster_of("ed5")
    assert clusterer.cluster_of("ed5") == clusterer.cluster_of("ed7")
    assert reports["d6"].cluster_id is None  # nothing to report, and its story has no record
    assert reports["d6"].story_id != reports["d1"].story_id


def test_without_stories_a_report_is_counted_under_its_main_event():
    clusterer = EventClusterer(ClusterOptions(stories=False))
    clusterer.add_document([_m("a1", "d1", salience=0.4), _m("a2", "d1", trigger="freed",
                                                            type="YIELD", family="YIELD",
                                                            salience=0.8)])
    reports = document_records(clusterer)
    assert reports["d1"].cluster_id == clusterer.cluster_of("a2") and reports["d1"].how == "event"


def _hijacking_and_two_visits(hijacking_reports: int) -> EventClusterer:
    """A story of `hijacking_reports` reports of the hijacking and two ("v1", "v2") whose main
    event is a minister's visit."""
    clusterer = EventClusterer(ClusterOptions(story=StoryOptions(background=False)))
    for n in range(hijacking_reports):
        clusterer.add_placed(f"h{n}", document_terms([STORY, f"detail{n}"]), None,
                             [_m(f"h{n}", f"h{n}")])
    for doc in ("v1", "v2"):
        clusterer.add_placed(doc, document_terms([STORY, "minister visit"]), None, [
            _m(f"v{doc}", doc, trigger="visited", type="CONSULT", family="CONSULT",
               context=["minister"])])
    return clusterer


def test_a_report_whose_main_event_few_of_the_story_tell_is_counted_under_the_record():
    """Of ten reports of the hijacking, two code a visit as their main event: a side event, so
    they are counted under the hijacking's record; their mentions keep their cluster."""
    clusterer = _hijacking_and_two_visits(8)
    assert document_records(clusterer, minor_share=0.0)["v1"].how == "event"  # off
    record = clusterer.cluster_of("h0")
    assert clusterer.cluster_of("vv1") == clusterer.cluster_of("vv2") != record
    for reports in (document_records(clusterer, minor_share=0.2), document_records(clusterer)):
        assert reports["v1"].cluster_id == record and reports["v1"].reasons[-1] == "own-event-minor"


def test_a_main_event_many_of_the_story_tell_keeps_its_own_record():
    clusterer = _hijacking_and_two_visits(4)
    # two of six reports tell the visit: over the default share (a third at most is a side event)
    for reports in (document_records(clusterer, minor_share=0.2), document_records(clusterer)):
        assert reports["v1"].how == "event" and reports["v1"].cluster_id == clusterer.cluster_of("vv1")
