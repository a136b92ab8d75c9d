"""Claim verdicts on whole real articles: `wirecoder eval claims --data DATA_ROOT
[--part tune|validation|all]` (default validation).

The gold (`gold/realnews_claims.jsonl`, our own judgments, see `annotation/claims/`) names each
article by its reference into the shared corpora (`wirecoder.corpora`) and the SHA-1 of its text,
and holds one judgment per claim the coder emitted when it was judged: the claim's kind, the
character ranges of its figures (in the article's own text), the verdict the coder gave and the
verdict a careful reader gives (`contradicted`, `consistent`, `unverifiable`, or `none`: the
figures are not one fact and no verdict should be given), with a short reason. Articles whose
text no longer hashes the same are skipped and counted in `stale`.

A predicted claim is matched to the judgment of the same article, kind and figure ranges. It is
right when its verdict is the judged one, wrong when it is not, and `unjudged` when no judgment
has its figures (a claim the coder did not emit when the gold was made: counted, never guessed).
Metrics: per verdict (under `verdicts`), `predicted`, `judged`, `right`, `precision` (right /
judged) and `per_100_articles` (predicted per 100 articles scored), also flat as
`contradicted_precision`, `consistent_per_100_articles`, ... (a precision with nothing judged,
a verdict never emitted or never judged, is None: undefined, never a perfect 1.0, and a floor on
it fails); `unjudged` overall; `articles`, `stale`, `crashed`;
`errors` (article, kind, predicted, judged, figures) on the tune part only: the validation part's
errors are not read.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..corpora import article_sha1, load_article
from ..errors import ConfigError
from . import scorer
from .articles import gold_lines

Range = tuple[int, int]
VERDICTS = ("contradicted", "consistent", "unverifiable")
JUDGED = VERDICTS + ("none",)


@dataclass(frozen=True)
class PredictedClaim:
    kind: str
    verdict: str
    figures: tuple[Range, ...]  # the quantities' ranges in the article's own text, sorted
    explanation: str
    confidence: float


@dataclass(frozen=True)
class Judgment:
    kind: str
    figures: tuple[Range, ...]
    predicted: str  # the coder's verdict when judged
    judged: str  # contradicted | consistent | unverifiable | none
    why: str = ""


@dataclass(frozen=True)
class ClaimArticle:
    ref: str
    sha1: str
    part: str
    judgments: tuple[Judgment, ...]


def claim_part(ref: str) -> str:
    """An article's part, fixed by a hash of its reference: `validation` for about a quarter."""
    return "validation" if int(hashlib.sha1(f"claims:{ref}".encode()).hexdigest()[:8], 16) % 4 == 0 else "tune"


def default_gold() -> Path:
    return Path(str(resources.files(__package__).joinpath("gold/realnews_claims.jsonl")))


def predicted_claims(analysis: Any) -> list[PredictedClaim]:
    """The claims of an analysis, their figures in offsets of the original text."""
    doc = analysis.document
    spans = {q.id: doc.original_span(q.span) for q in analysis.quantities}
    out = []
    for claim in analysis.claims:
        figures = tuple(sorted(spans[i] for i in claim.quantity_ids if i in spans))
        out.append(PredictedClaim(claim.kind, claim.verdict, figures, claim.explanation, claim.confidence))
    return out


def _ranges(value: Any) -> tuple[Range, ...]:
    return tuple(sorted((int(a), int(b)) for a, b in value or ()))


def load_gold(path: str | Path | None = None, part: str = "all") -> list[ClaimArticle]:
    out = []
    for d in gold_lines(Path(path) if path else default_gold(), part, "claim gold"):
        items = []
        for j in d["claims"]:
            if j["judged"] not in JUDGED:
                raise ConfigError(f"{d['ref']}: judged verdict {j['judged']!r} is not one of {', '.join(JUDGED)}")
            items.append(Judgment(j["kind"], _ranges(j["figures"]), j["predicted"], j["judged"], j.get("why", "")))
        out.append(ClaimArticle(d["ref"], d["sha1"], d["part"], tuple(items)))
    return out


def score(golds: list[ClaimArticle], runs: list[list[PredictedClaim] | None], part: str) -> dict[str, Any]:
    """Precision of each verdict over the judged claims, and verdicts per 100 articles."""
    counts: Counter[str] = Counter()
    errors = []
    articles = 0
    for gold, preds in zip(golds, runs, strict=True):
        if preds is None:
            counts["crashed"] += 1
            continue
        articles += 1
        table = {(j.kind, j.figures): j for j in gold.judgments}
        for p in preds:
            counts[f"{p.verdict}/predicted"] += 1
            j = table.get((p.kind, p.figures))
            if j is None:
                counts["unjudged"] += 1
                continue
            counts[f"{p.verdict}/judged"] += 1
            if j.judged == p.verdict:
                counts[f"{p.verdict}/right"] += 1
            elif part == "tune":
                errors.append({"ref": gold.ref, "kind": p.kind, "predicted": p.verdict, "judged": j.judged,
                               "figures": [list(r) for r in p.figures], "why": j.why})
    per_verdict = {}
    for v in VERDICTS:
        judged = counts[f"{v}/judged"]
        per_verdict[v] = {"predicted": counts[f"{v}/predicted"], "judged": judged, "right": counts[f"{v}/right"],
                          "precision": round(counts[f"{v}/right"] / judged, 4) if judged else None,
                          "per_100_articles": round(100 * counts[f"{v}/predicted"] / max(articles, 1), 1)}
    out: dict[str, Any] = {"part": part, "articles": articles, "verdicts": per_verdict,
                           "unjudged": counts["unjudged"], "crashed": counts["crashed"]}
    for v, figures in per_verdict.items():  # flat, for the floor files
        out[f"{v}_precision"] = figures["precision"]  # None when nothing was judged
        out[f"{v}_per_100_articles"] = figures["per_100_articles"]
    if part == "tune":
        out["errors"] = errors
    return out


def run_articles(pipeline: Any, golds: list[ClaimArticle], data: Path) -> tuple[list[ClaimArticle],
                                                                            list[list[PredictedClaim] | None], int]:
    """Analyse each gold article whose text still hashes the same; the stale ones are counted."""
    from ..pipeline import to_raw

    kept, runs, stale = [], [], 0
    for gold in golds:
        article = load_article(data, gold.ref)
        if article_sha1(article.text) != gold.sha1:
            stale += 1
            continue
        try:
            analysis = pipeline.analyze(to_raw(article.text, published=article.published))
            runs.append(predicted_claims(analysis))
        except Exception:  # an evaluation reports crashes, it does not stop at them
            runs.append(None)
        kept.append(gold)
    return kept, runs, stale


@scorer("claims", "articles", default=True)
def score_claims(data: Path, pipeline: Any, limit: int | None = None, part: str = "validation",
                 gold: str | None = None, **_: Any) -> dict[str, Any]:
    """Precision of each claim verdict on whole real articles (see the module docstring)."""
    golds = load_gold(gold, part)
    if limit:
        golds = golds[:limit]
    kept, runs, stale = run_articles(pipeline, golds, data)
    metrics = score(kept, runs, part)
    metrics["stale"] = stale
    metrics["n"] = sum(len(r or []) for r in runs)
    return metrics
