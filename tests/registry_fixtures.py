"""Hand-made analyses for the actor registry's tests (#19): no pipeline, so what is tested is the
store's joining and coding of actors, and the network built on it."""

from __future__ import annotations

from datetime import UTC, datetime

from wirecoder.records import Actor, ActorRef, Analysis, Document, Event, Span, stable_id


def doc(key: str, day: str, text: str, actors: list[tuple], events: list[tuple] = ()) -> Analysis:
    """A document: actors as (name, kind, country, sectors, mention, evidence words); events as
    (type, source words, source actor name or None, target words, target actor name or None)."""
    doc_id = f"doc_{key}"

    def span(words: str) -> Span:
        start = text.index(words)
        return Span.of(text, start, start + len(words))

    made = []
    for i, (name, kind, country, sectors, mention, evidence) in enumerate(actors):
        made.append(Actor(id=stable_id("actor", doc_id, i), name=name, kind=kind, country=country,
                          sectors=sectors, mentions=[span(mention)],
                          evidence=[span(evidence)] if evidence else [], confidence=0.8))
    by_name = {a.name: a.id for a in made}
    evs = []
    for i, (etype, src, src_actor, tgt, tgt_actor) in enumerate(events):
        evs.append(Event(id=stable_id("event", doc_id, i), type=etype, trigger=span(etype.lower()),
                         sources=[ActorRef(span=span(src), actor_id=by_name.get(src_actor))],
                         targets=[ActorRef(span=span(tgt), actor_id=by_name.get(tgt_actor))],
                         confidence=0.9))
    published = datetime.fromisoformat(day).replace(tzinfo=UTC)
    document = Document(id=doc_id, source=f"{key}.txt", published=published, text=text,
                        original_text=text)
    return Analysis(coder_version="registry test", stages=["hand@1"], document=document,
                    actors=made, events=evs)


MAYOR_A = doc("a", "2025-03-02", "Marisol Quintanar, the mayor of Tijuana, spoke.",
              [("Marisol Quintanar", "person", "MEX", ["GOV"], "Marisol Quintanar",
                "the mayor of Tijuana")])
MAYOR_B = doc("b", "2025-03-05", "Quintanar later met Trump and consult Mexico.",
              [("Quintanar", "person", None, [], "Quintanar", None),
               ("Trump", "person", "USA", ["GOV"], "Trump", "Trump"),
               ("Mexico", "country", "MEX", [], "Mexico", "Mexico")],
              [("CONSULT", "Quintanar", "Quintanar", "Trump", "Trump")])
MAYOR_C = doc("c", "2025-03-07", "Marisol Quintanar, a Texas businesswoman, said so.",
              [("Marisol Quintanar", "person", "USA", ["BUS"], "Marisol Quintanar",
                "a Texas businesswoman")])
MAYOR_D = doc("d", "2025-03-09", "Marisol Quintanar, Tijuana's mayor, spoke again.",
              [("Marisol Quintanar", "person", "MEX", ["GOV"], "Marisol Quintanar",
                "Tijuana's mayor")])
TRUMP_2016 = doc("e", "2016-05-01", "Donald Trump campaigned in Indiana.",
                 [("Donald Trump", "person", "USA", ["PTY"], "Donald Trump", "Donald Trump")])

# Parties the event coder left without an actor: a relative pronoun, a quantity, a description,
# and "Trump", a name the registry knows.
JUNK = doc("f", "2025-03-10",
           "Which attack came next? At least none threaten anyone. An investment pitch demand "
           "Donald Trump. Trump sanction the cartels. Suspected cartel members assault police.",
           [("Donald Trump", "person", "USA", ["GOV"], "Donald Trump", "Donald Trump"),
            ("suspected cartel members", "group", "MEX", ["CRM"], "cartel members", "cartel"),
            ("police", "group", None, [], "police", None)],
           [("ASSAULT", "Which", None, "Donald Trump", "Donald Trump"),
            ("THREATEN", "At least none", None, "Donald Trump", "Donald Trump"),
            ("DEMAND", "An investment pitch", None, "Donald Trump", "Donald Trump"),
            ("SANCTION", "Trump", None, "cartels", None),
            ("ASSAULT", "Suspected cartel members", "suspected cartel members", "Trump", None)])
