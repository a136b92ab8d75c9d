"""Built-in stages: cleaning, the spaCy parse, sentences (the extractors are in extract/; builtins.py lists all)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from .about import MODEL_NAME
from .clean import clean
from .options import NoOptions, option
from .records import Document, Sentence, Span, stable_id
from .registry import stage
from .state import AnalysisState


def document_id(text: str) -> str:
    """Documents are identified by the hash of their original text: the same text, the same id."""
    return stable_id("doc", text)


@stage("clean", assigns=("document",), version="1", before_parse=True, options=NoOptions)
def make_cleaner(options: dict[str, Any]):
    """Normalise characters and drop repeated title/caption/paragraph copies (kept as dropped spans)."""

    def run(state: AnalysisState) -> dict[str, Any]:
        raw = state.raw
        result = clean(raw.text, title=raw.title)
        document = Document(
            id=raw.doc_id or document_id(raw.text),
            source=raw.source, url=raw.url, title=result.title, published=raw.published,
            text=result.text, original_text=raw.text, dropped=result.dropped,
            offset_map=result.offset_map, metadata=raw.metadata,
        )
        return {"document": document}

    return run


class SpacyParse:
    """Tokens, tags, dependencies, entities and sentences from the pinned spaCy model."""

    def __init__(self, model: str):
        from .nlp import load_nlp  # spaCy is imported when a parse is made, not to list the stages

        self.nlp = load_nlp(model)

    def __call__(self, state: AnalysisState) -> dict[str, Any]:
        return {"spacy": self.nlp(state.document.text)}

    def pipe(self, states: Iterable[AnalysisState], n_process: int = 1,
             batch_size: int = 64) -> Iterator[AnalysisState]:
        pairs = ((state.document.text, state) for state in states)
        for doc, state in self.nlp.pipe(pairs, as_tuples=True, n_process=n_process,
                                        batch_size=batch_size):
            state.put("parse", ("spacy",), {"spacy": doc})
            yield state


@dataclass(frozen=True)
class ParseOptions:
    model: str = option(MODEL_NAME, "the spaCy model package (pinned by hash in requirements)")


@stage("parse", requires=("document",), assigns=("spacy",), version="1", options=ParseOptions)
def make_parser(options: dict[str, Any]):
    """The spaCy parse of the cleaned text."""
    return SpacyParse(options["model"])


def paragraph_starts(text: str) -> list[int]:
    starts = [0]
    i = text.find("\n\n")
    while i != -1:
        starts.append(i + 2)
        i = text.find("\n\n", i + 2)
    return starts


@stage("sentences", requires=("document", "spacy"), assigns=("sentences",), version="1", options=NoOptions)
def make_sentences(options: dict[str, Any]):
    """Sentences from the parse (which never lets one cross a blank line; see nlp.py)."""
    from bisect import bisect_right

    def run(state: AnalysisState) -> dict[str, Any]:
        text = state.document.text
        starts = paragraph_starts(text)
        sentences = []
        for sent in state.spacy_doc.sents:
            seg = sent.text
            a = sent.start_char + len(seg) - len(seg.lstrip())
            b = sent.end_char - (len(seg) - len(seg.rstrip()))
            if b <= a:
                continue
            span = Span.of(text, a, b)
            sentences.append(Sentence(
                id=stable_id("sent", state.document.id, span.key()), span=span,
                paragraph=bisect_right(starts, a) - 1,
            ))
        return {"sentences": sentences}

    return run

