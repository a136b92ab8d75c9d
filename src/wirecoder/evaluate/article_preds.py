"""Predicted events of whole articles, in offsets of the article's own text (not the cleaned one)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ..corpora import Article

Range = tuple[int, int]


@dataclass(frozen=True)
class PredictedEvent:
    type: str
    trigger: Range
    sources: tuple[Range, ...]
    targets: tuple[Range, ...]
    modality: str
    confidence: float
    trigger_text: str = ""
    # every mention of each source's (target's) actor in the document: a pronoun the coder
    # resolved to "Mr Nichols" is right where the gold names Mr Nichols
    source_mentions: tuple[tuple[Range, ...], ...] = ()
    target_mentions: tuple[tuple[Range, ...], ...] = ()


def article_events(analysis: Any) -> list[PredictedEvent]:
    doc = analysis.document
    mentions = {actor.id: tuple(doc.original_span(m) for m in actor.mentions) for actor in analysis.actors}

    def alternatives(refs: list[Any]) -> tuple[tuple[Range, ...], ...]:
        return tuple((doc.original_span(r.span),) + mentions.get(r.actor_id or "", ()) for r in refs)

    out = []
    for ev in analysis.events:
        out.append(PredictedEvent(
            type=ev.type, trigger=doc.original_span(ev.trigger),
            sources=tuple(doc.original_span(a.span) for a in ev.sources),
            targets=tuple(doc.original_span(a.span) for a in ev.targets),
            modality=ev.modality, confidence=ev.confidence, trigger_text=ev.trigger.text,
            source_mentions=alternatives(ev.sources), target_mentions=alternatives(ev.targets)))
    return out


def analyze_articles(pipeline: Any, articles: Sequence[Article],
                     progress: bool = False) -> Iterator[tuple[list[PredictedEvent] | None, Any]]:
    """(events, analysis) per article, one at a time so a crash costs only its article
    (events None then)."""
    from ..pipeline import to_raw

    items: Sequence[Article] | Any = articles
    if progress:
        from tqdm import tqdm
        items = tqdm(articles, desc="articles", unit="doc", leave=False)
    for article in items:
        try:
            analysis = pipeline.analyze(to_raw(article.text, published=article.published))
        except Exception:  # an evaluation reports crashes, it does not stop at them
            yield None, None
            continue
        yield article_events(analysis), analysis
