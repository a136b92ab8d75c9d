"""Quote scorer on PolNeAR: `wirecoder eval quotes --data PATH [--format polnear]`.

Classes. A gold attribution is *quoted* when its content text holds a quote mark (see
`has_quote_mark`), else *indirect*. A prediction is *quoted* when its kind is direct or mixed,
*indirect* when its kind is indirect. PolNeAR also annotates attributed thoughts and intentions
("he's been ratcheting up his critique of ..."), so indirect recall has a low ceiling for an
extractor that only looks for speech.

Matching is by content overlap (any shared character of the content ranges, in offsets of the
original text):
  - `<class>_precision`: predictions of the class overlapping a gold attribution of the same class;
  - `<class>_precision_any`: predictions of the class overlapping a gold attribution of any class;
  - `<class>_recall`: gold attributions of the class overlapped by a prediction of that class.

Speaker accuracy is taken over (prediction, gold) pairs: each prediction that overlaps gold of its
class is paired with the same-class gold attribution it overlaps most, and the pair counts when
that gold attribution has a Source. The speaker is right when
  1. the predicted speaker span overlaps the gold Source span, or
  2. the last word of the predicted speaker_name is a word of the gold Source text, or
  3. the gold Source is a bare pronoun (he, she, they, ...) and that last word is a word of a
     non-pronoun gold Source that starts earlier in the same article. This approximates scoring
     "after resolving the pronoun to its antecedent" without gold coreference.
A prediction without a speaker is wrong.

Articles whose analysis raises are counted in `crashes` and scored as having no predictions, so a
crash can only lower the scores. `n` is the number of articles evaluated, crashed ones included.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ..lang.en import words
from . import prf, scorer
from .polnear import GoldArticle, GoldAttribution, Range, load_polnear, text_of

QuoteClass = Literal["quoted", "indirect"]
CLASSES: tuple[QuoteClass, ...] = ("quoted", "indirect")

PRONOUNS = words("pronouns", kind="personal") | {"one"}  # "one said"
# Always quote marks; ' and ’ double as apostrophes and are judged in context.
_MARKS = set('"“”«»')
_APOSTROPHES = set("'’‘")
_WORD = re.compile(r"\w+(?:[-'.]\w+)*")


@dataclass(frozen=True)
class PredictedQuote:
    """A predicted quote reduced to what scoring needs, in original-text offsets."""

    cls: QuoteClass
    content: list[Range]
    speaker: Range | None = None
    speaker_name: str | None = None


@dataclass(frozen=True)
class GoldQuote:
    cls: QuoteClass
    content: list[Range]
    source: list[Range]
    source_text: str


# ---------------------------------------------------------------- classification


def _is_apostrophe(text: str, i: int) -> bool:
    """Whether the ' ’ or ‘ at text[i] is an apostrophe rather than a quote mark."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if "'" in (before, after) and text[i] == "'":
        return False  # '' is the NYT-style double quote
    if before.isalnum() and after.isalnum():
        return True  # don't, O’Malley’s
    if after.isdigit():
        return True  # '90s
    # Plural possessive: "voters' rights". A closing quote after a final s nearly always has
    # punctuation before it in news style ("... for voters,'").
    return text[i] != "‘" and before in "sS" and after.isspace()


def has_quote_mark(text: str) -> bool:
    return any(ch in _MARKS or (ch in _APOSTROPHES and not _is_apostrophe(text, i))
               for i, ch in enumerate(text))


def gold_class(article_text: str, attribution: GoldAttribution) -> QuoteClass:
    return "quoted" if has_quote_mark(text_of(article_text, attribution.content)) else "indirect"


def pred_class(kind: str) -> QuoteClass:
    return "indirect" if kind == "indirect" else "quoted"


def gold_quotes(article: GoldArticle) -> list[GoldQuote]:
    return [GoldQuote(cls=gold_class(article.text, a), content=a.content, source=a.source,
                      source_text=text_of(article.text, a.source))
            for a in article.attributions]


def predicted_quotes(analysis: Any) -> list[PredictedQuote]:
    """Predictions of an Analysis, mapped from cleaned-text to original-text offsets."""
    doc = analysis.document
    found = []
    for q in analysis.quotes:
        speaker = doc.original_span(q.speaker.span) if q.speaker is not None else None
        found.append(PredictedQuote(cls=pred_class(q.kind),
                                    content=[doc.original_span(s) for s in q.content],
                                    speaker=speaker, speaker_name=q.speaker_name))
    return found


# ---------------------------------------------------------------- matching


def overlap(a: list[Range], b: list[Range]) -> int:
    """Characters shared by two lists of half-open ranges."""
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def words(text: str | None) -> list[str]:
    """Lower-cased words with typographic apostrophes unified and possessive 's dropped."""
    norm = (text or "").replace("’", "'").lower()
    return [re.sub(r"'s$", "", w) for w in _WORD.findall(norm)]


def is_pronoun(text: str) -> bool:
    return text.strip().lower() in PRONOUNS


def speaker_correct(pred: PredictedQuote, gold: GoldQuote, antecedents: list[str]) -> bool:
    """Rules 1-3 of the module docstring; `antecedents` are the earlier non-pronoun sources."""
    if pred.speaker is None and not pred.speaker_name:
        return False
    if pred.speaker is not None and overlap([pred.speaker], gold.source) > 0:
        return True
    name = words(pred.speaker_name)
    if not name:
        return False
    last = name[-1]
    if last in words(gold.source_text):
        return True
    if is_pronoun(gold.source_text) and last not in PRONOUNS:
        return any(last in words(src) for src in antecedents)
    return False


def _antecedents(golds: list[GoldQuote], gold: GoldQuote) -> list[str]:
    start = min(s for s, _ in gold.source)
    return [g.source_text for g in golds
            if g.source and min(s for s, _ in g.source) < start and not is_pronoun(g.source_text)]


def score_article(golds: list[GoldQuote], preds: list[PredictedQuote]) -> Counter[str]:
    """Tallies for one article; `summarize` turns the sum over articles into metrics."""
    counts: Counter[str] = Counter()
    for g in golds:
        counts[f"gold_{g.cls}"] += 1
        if any(p.cls == g.cls and overlap(p.content, g.content) for p in preds):
            counts[f"gold_{g.cls}_hit"] += 1
    for p in preds:
        counts[f"pred_{p.cls}"] += 1
        if any(overlap(p.content, g.content) for g in golds):
            counts[f"pred_{p.cls}_hit_any"] += 1
        same = [(overlap(p.content, g.content), i) for i, g in enumerate(golds) if g.cls == p.cls]
        best = max(same, default=(0, -1))
        if best[0] == 0:
            continue
        counts[f"pred_{p.cls}_hit"] += 1
        gold = golds[best[1]]
        if gold.source:
            counts["speaker_pairs"] += 1
            counts["speaker_right"] += speaker_correct(p, gold, _antecedents(golds, gold))
    return counts


def summarize(counts: Counter[str]) -> dict[str, Any]:
    metrics: dict[str, Any] = {}
    for cls in CLASSES:
        n_pred, n_gold = counts[f"pred_{cls}"], counts[f"gold_{cls}"]
        p, r, f = prf(counts[f"pred_{cls}_hit"], n_pred, counts[f"gold_{cls}_hit"], n_gold)
        metrics[f"{cls}_precision"], metrics[f"{cls}_recall"], metrics[f"{cls}_f1"] = p, r, f
        metrics[f"{cls}_precision_any"] = prf(counts[f"pred_{cls}_hit_any"], n_pred, 0, 0)[0]
    pairs = counts["speaker_pairs"]
    metrics["speaker_accuracy"] = round(counts["speaker_right"] / pairs, 4) if pairs else 0.0
    metrics["speaker_pairs"] = pairs
    for cls in CLASSES:
        metrics[f"gold_{cls}"] = counts[f"gold_{cls}"]
        metrics[f"pred_{cls}"] = counts[f"pred_{cls}"]
    return metrics


# ---------------------------------------------------------------- the scorer


@scorer("quotes", "polnear", default=True)
def score_polnear(path: Path, pipeline: Any, limit: int | None = None,
                  **options: Any) -> dict[str, Any]:
    """Quote metrics of `pipeline` on a PolNeAR split (`path` = split folder or corpus root)."""
    articles = load_polnear(path, limit=limit, split=options.get("split", "dev"))
    counts: Counter[str] = Counter()
    crashes = mismatches = 0
    for article in articles:
        try:
            analysis = pipeline.analyze(article.text, published=article.published)
            preds = predicted_quotes(analysis)
            # Offsets are only comparable if the document kept the text we passed in.
            mismatches += analysis.document.original_text != article.text
        except Exception:  # an evaluation reports crashes, it does not stop at them
            crashes += 1
            preds = []
        counts.update(score_article(gold_quotes(article), preds))
    return {**summarize(counts), "crashes": crashes, "text_mismatches": mismatches,
            "n": len(articles)}
