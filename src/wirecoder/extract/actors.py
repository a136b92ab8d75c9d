"""Actors: first version, named entities grouped into one actor per person, organisation or state.

A later surname-only mention ("Hegseth") joins the earlier full name ("Pete Hegseth"); capitalised
words right before a person's name are kept as their title ("Defense Secretary").
"""

from __future__ import annotations

from typing import Any

from ..records import Actor, Span, stable_id
from ..registry import stage
from ..state import AnalysisState
from .common import span_of

_KINDS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "group"}


def _title_before(ent) -> tuple[str | None, Span | None]:
    """Capitalised compound words right before a PERSON entity: 'Defense Secretary' Pete Hegseth."""
    doc = ent.doc
    i = ent.start
    while i > 0 and doc[i - 1].is_title and doc[i - 1].ent_type_ in ("", "ORG", "NORP") \
            and doc[i - 1].pos_ in ("PROPN", "NOUN"):
        i -= 1
    if i == ent.start:
        return None, None
    span = doc[i:ent.start]
    return span.text, span_of(doc.text, span)


@stage("actors_ner", requires=("document", "spacy"), assigns=("actors",), version="1")
def make_actors(options: dict[str, Any]):
    """One actor per distinct named person, organisation, state or group, with all its mentions."""

    def run(state: AnalysisState) -> dict[str, Any]:
        doc_id, text = state.document.id, state.document.text
        groups: dict[str, dict[str, Any]] = {}
        for ent in state.spacy_doc.ents:
            kind = _KINDS.get(ent.label_)
            if kind is None:
                continue
            name = ent.text.removesuffix("'s").strip()
            key = name.casefold()
            if kind == "person":
                # "Hegseth" after "Pete Hegseth": the same person.
                full = next((k for k, g in groups.items() if g["kind"] == "person"
                             and k.split()[-1] == key.split()[-1] and len(k) >= len(key)), None)
                key = full or key
            group = groups.setdefault(key, {"name": name, "kind": kind, "mentions": [],
                                            "title": None, "evidence": []})
            group["mentions"].append(span_of(text, ent))
            if kind == "person" and group["title"] is None:
                title, title_span = _title_before(ent)
                if title:
                    group["title"] = title
                    group["evidence"].append(title_span)
        actors = [
            Actor(id=stable_id("actor", doc_id, g["kind"], key), name=g["name"], kind=g["kind"],
                  title=g["title"], mentions=g["mentions"], evidence=g["evidence"] or g["mentions"][:1],
                  confidence=0.5)
            for key, g in groups.items()
        ]
        return {"actors": actors}

    return run
