"""textacy's direct-quotation extractor beside wirecoder's `quotes` stage on PolNeAR.

    python bench/textacy_peer.py [PATH] [--limit N] [--split dev]

Both run on the same cleaned text and the same pinned spaCy model, and both are scored by
`wirecoder.evaluate.quotes` (offsets mapped back to the original article). textacy
(`textacy.extract.triples.direct_quotations`) finds direct quotes only, so the comparison is on
the *quoted* class: precision, recall, and speaker accuracy over quoted predictions. wirecoder's
indirect figures are printed beside for reference. textacy raises ValueError on a document with
an odd number of quote marks; such an article counts as a textacy crash with no predictions. textacy 0.13.0 installs without touching
spaCy, thinc or numpy (`pip install textacy==0.13.0`).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import wirecoder
from wirecoder.evaluate.polnear import load_polnear
from wirecoder.evaluate.quotes import (
    PredictedQuote,
    gold_quotes,
    predicted_quotes,
    score_article,
    summarize,
)
from wirecoder.nlp import MODEL_NAME, load_nlp

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "quotes" / "polnear"
STAGES = ["clean", "parse", "sentences", "actors", "quotes"]


def textacy_quotes(document, doc) -> list[PredictedQuote]:
    """textacy's direct quotations of a parsed cleaned text, as scorer predictions."""
    from textacy.extract.triples import direct_quotations

    found = []
    for dq in direct_quotations(doc):
        content = dq.content
        speaker = list(dq.speaker)
        span = None
        name = None
        if speaker:
            start = min(t.idx for t in speaker)
            end = max(t.idx + len(t.text) for t in speaker)
            span = _original(document, start, end)
            name = " ".join(t.text for t in speaker)
        found.append(PredictedQuote(
            cls="quoted", content=[_original(document, content.start_char, content.end_char)],
            speaker=span, speaker_name=name))
    return found


def _original(document, start: int, end: int) -> tuple[int, int]:
    if end <= start:
        start_o = document.to_original(start)
        return start_o, start_o
    return document.to_original(start), document.to_original(end - 1) + 1


def quoted_only(counts: Counter, golds, preds) -> None:
    """Speaker tallies over quoted predictions only (textacy has no other kind)."""
    sub = score_article(golds, [p for p in preds if p.cls == "quoted"])
    counts["q_pairs"] += sub["speaker_pairs"]
    counts["q_right"] += sub["speaker_right"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--split", default="dev")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    try:
        import textacy  # noqa: F401
    except ImportError:
        print("textacy is not installed: pip install textacy==0.13.0", file=sys.stderr)
        return 2

    articles = load_polnear(args.path, limit=args.limit, split=args.split)
    pipeline = wirecoder.load({"stages": STAGES})
    nlp = load_nlp(MODEL_NAME)
    ours, theirs = Counter(), Counter()
    crashes = {"wirecoder": 0, "textacy": 0}
    reasons: Counter = Counter()
    seconds = {"wirecoder": 0.0, "textacy": 0.0}
    for article in articles:
        golds = gold_quotes(article)
        started = time.perf_counter()
        try:
            analysis = pipeline.analyze(article.text, published=article.published)
            preds = predicted_quotes(analysis)
        except Exception:
            crashes["wirecoder"] += 1
            analysis, preds = None, []
        seconds["wirecoder"] += time.perf_counter() - started
        ours.update(score_article(golds, preds))
        quoted_only(ours, golds, preds)
        peer: list[PredictedQuote] = []
        if analysis is not None:
            doc = nlp(analysis.document.text)  # the same cleaned text and model
            started = time.perf_counter()
            try:
                peer = textacy_quotes(analysis.document, doc)
            except Exception as exc:  # textacy bails out on unbalanced quote marks
                crashes["textacy"] += 1
                reasons[f"{type(exc).__name__}: {re.sub(r'[0-9]+', 'N', str(exc))[:70]}"] += 1
            seconds["textacy"] += time.perf_counter() - started
        theirs.update(score_article(golds, peer))
        quoted_only(theirs, golds, peer)

    def report(counts: Counter, name: str) -> dict:
        m = summarize(counts)
        out = {k: m[k] for k in ("quoted_precision", "quoted_recall", "quoted_f1",
                                 "gold_quoted", "pred_quoted")}
        out["quoted_speaker_accuracy"] = round(counts["q_right"] / counts["q_pairs"], 4) \
            if counts["q_pairs"] else 0.0
        out["crashes"] = crashes[name]
        if name == "textacy" and reasons:
            out["crash_reasons"] = dict(reasons.most_common(3))
        out["seconds"] = round(seconds[name], 2)
        if name == "wirecoder":
            out.update({k: m[k] for k in ("indirect_precision", "indirect_recall",
                                          "speaker_accuracy")})
        return out

    print(json.dumps({"n": len(articles), "split": args.split,
                      "wirecoder": report(ours, "wirecoder"),
                      "textacy": report(theirs, "textacy"),
                      "note": "textacy seconds exclude the shared spaCy parse; wirecoder's "
                              "include its whole pipeline"}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
