"""Indirect attributions the `quotes` stage misses on PolNeAR, grouped by construction.

    python bench/quote_misses.py [PATH] [--split dev] [--limit N] [--cache FILE] [--show N]
                                 [--false-positives]

Parses each article once (clean, parse, sentences, actors) and, with `--cache`, keeps the parsed
states in a pickle so a change to the attribution code can be re-scored in seconds. Prints the
same quoted/indirect metrics as `wirecoder eval quotes`, then the gold indirect attributions no
indirect prediction overlaps, grouped by the construction of their cue (read off the gold Cue
and Source spans and the surrounding text: "according to", "X told Y", present-tense "says",
clause-final "X said.", noun cues, cues outside our lexicon, ...). With `--false-positives`
the indirect predictions that overlap no gold attribution are listed by cue pattern instead.
"""

from __future__ import annotations

import argparse
import pickle
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path
from types import SimpleNamespace

from wirecoder.evaluate.polnear import load_polnear, text_of
from wirecoder.evaluate.quotes import (
    _antecedents,
    gold_quotes,
    overlap,
    predicted_quotes,
    score_article,
    speaker_correct,
    summarize,
)
from wirecoder.extract.attribution.finder import find_quotes
from wirecoder.extract.attribution.lexicon import (
    COGNITION,
    INFINITIVE,
    LEARNED,
    NOUNS,
    PREPOSITIONAL,
    SPEECH,
    STANCE,
)

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "quotes" / "polnear"
PRE_STAGES = ["clean", "parse", "sentences", "actors"]
_KNOWN = SPEECH | COGNITION | INFINITIVE | STANCE | NOUNS | set(PREPOSITIONAL) | {
    w for words in LEARNED.values() for w in words}


def parsed_states(path: Path, split: str, limit: int | None, cache: Path | None):
    """(gold article, analysis state up to the actors stage) for each article, cached."""
    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    from wirecoder import Pipeline
    from wirecoder.pipeline import PipelineConfig

    pipe = Pipeline(PipelineConfig(stages=PRE_STAGES))
    articles = load_polnear(path, limit=limit, split=split)
    out = []
    for article in articles:
        state = next(iter(_states(pipe, article)))
        out.append((article, state))
    if cache is not None:
        cache.write_bytes(pickle.dumps(out))
    return out


def _states(pipe, article):
    from wirecoder.pipeline import to_raw
    from wirecoder.state import AnalysisState

    states = iter([AnalysisState(raw=to_raw(article.text, published=article.published))])
    for spec, runner in zip(pipe.specs, pipe._runners, strict=True):
        states = pipe._apply(spec, runner, states, 1, 64)
    return states


def to_clean(document, offset: int) -> int | None:
    """The cleaned-text offset an original-text offset was copied to (None if dropped)."""
    if not document.offset_map:
        return offset
    for seg in document.offset_map:
        if seg.orig_start <= offset < seg.orig_start + seg.length:
            return seg.clean_start + offset - seg.orig_start
    return None


def _token_at(doc, char: int | None):
    if char is None:
        return None
    for tok in doc:
        if tok.idx <= char < tok.idx + max(1, len(tok.text)):
            return tok
    return None


def parse_group(document, doc, attribution) -> str:
    """'<cue lemma>/<cue pos> <pattern>' from the parse: how the gold content's head hangs on the
    gold cue (ccomp, xcomp, dobj, prep:about, ...), or where the parse puts them apart."""
    cue_toks = [_token_at(doc, to_clean(document, a)) for a, b in attribution.cue]
    cue_toks = [t for t in cue_toks if t is not None]
    spans = [(to_clean(document, a), to_clean(document, b - 1)) for a, b in attribution.content]
    inside = set()
    for a, b in spans:
        if a is None or b is None:
            continue
        inside.update(t.i for t in doc if a <= t.idx <= b)
    if not cue_toks or not inside:
        return "unmapped"
    # the cue's main word: a verb or noun of the cue span, else its first token
    span_toks = [t for t in doc if any(
        (to_clean(document, a) or 0) <= t.idx < (to_clean(document, b - 1) or 0) + 1
        for a, b in attribution.cue)]
    main = next((t for t in reversed(span_toks) if t.pos_ in ("VERB",)), None) or next(
        (t for t in span_toks if t.pos_ in ("NOUN",)), None) or cue_toks[0]
    heads = [doc[i] for i in sorted(inside) if doc[i].head.i not in inside or doc[i].head is doc[i]]
    head = heads[0] if heads else doc[min(inside)]
    if head.head.i == main.i:
        pattern = head.dep_
    elif head.head.head.i == main.i and head.head.dep_ in ("prep", "prt", "agent"):
        pattern = f"{head.head.dep_}:{head.head.lower_}"
    elif main.head.i == head.i:
        pattern = f"cue is {main.dep_} of content"
    elif main.sent.start != head.sent.start:
        pattern = "other sentence"
    else:
        pattern = f"apart ({head.dep_}<-{head.head.lemma_})"
    lemma = main.lemma_.lower()
    listed = "listed" if lemma in _KNOWN else "unlisted"
    return f"{main.pos_} {pattern} [{listed}] {lemma}"


def cue_group(text: str, cue: str, source: str, content: str, lemma_of) -> str:
    """A rough construction label for a gold attribution, from its spans' text."""
    low = cue.lower().strip()
    if low.startswith("according"):
        return "according to X"
    if not source.strip():
        return "no source"
    if re.fullmatch(r"(says|tells|writes|argues|notes|thinks|believes|insists)", low):
        return f"present tense: {low}"
    lemma = lemma_of(low.split()[-1]) if low.split() else low
    if len(low.split()) > 1:
        first = lemma_of(low.split()[0])
        if first in _KNOWN or lemma in _KNOWN:
            return f"multi-word cue: {low}"
        return f"multi-word cue (unlisted): {low}"
    if lemma in NOUNS or low.endswith(("ion", "ment", "ism")):
        return f"noun cue: {lemma}"
    if lemma not in _KNOWN:
        return f"unlisted cue: {lemma}"
    return f"listed cue: {lemma}"


PATTERNS: dict[str, str] = {}  # quote id -> the frame pattern that made it


def _record_patterns() -> None:
    """Note each quote's frame pattern (ccomp, dobj, passive:by, ...) as finder builds it."""
    from wirecoder.extract.attribution import drafts

    build = drafts.to_quote

    def to_quote(doc_id, tx, d, index):
        q = build(doc_id, tx, d, index)
        lemma = d.cue.lemma_.lower() if d.cue is not None else "-"
        PATTERNS[q.id] = f"{d.category}/{d.pattern or '-'}/{lemma}"
        return q

    drafts.to_quote = to_quote


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", default=str(DEFAULT))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--show", type=int, default=3, help="examples printed per group")
    ap.add_argument("--groups", type=int, default=40, help="groups printed")
    ap.add_argument("--false-positives", action="store_true")
    ap.add_argument("--save", type=Path, help="keep this run's indirect predictions here")
    ap.add_argument("--against", type=Path,
                    help="a --save file of an earlier run: list the indirect predictions added "
                         "and dropped since, and whether they hit gold")
    ap.add_argument("--patterns", type=int, default=0,
                    help="print indirect precision by frame pattern, for patterns seen this often")
    ap.add_argument("--by-parse", action="store_true",
                    help="group misses by the cue lemma and how the content hangs on it")
    args = ap.parse_args(argv)

    items = parsed_states(Path(args.path), args.split, args.limit, args.cache)
    _record_patterns()
    by_pattern: dict[str, Counter[str]] = defaultdict(Counter)
    saved: dict[tuple[str, tuple], tuple[bool, str]] = {}
    earlier = pickle.loads(args.against.read_bytes()) if args.against else None
    counts: Counter[str] = Counter()
    groups: dict[str, list[str]] = defaultdict(list)
    for article, state in items:
        spacy_doc = state.spacy_doc
        lemmas = {t.lower_: t.lemma_.lower() for t in spacy_doc}
        quotes = find_quotes(state.document.id, state.document.text, spacy_doc,
                             state.get("actors"), {})
        analysis = SimpleNamespace(document=state.document, quotes=quotes)
        preds = predicted_quotes(analysis)
        golds = gold_quotes(article)
        counts.update(score_article(golds, preds))
        text = article.text
        for p, q in zip(preds, quotes, strict=True):
            if p.cls == "indirect":
                hit = any(g.cls == "indirect" and overlap(p.content, g.content) for g in golds)
                same = [(overlap(p.content, g.content), i) for i, g in enumerate(golds)
                        if g.cls == "indirect"]
                best = max(same, default=(0, -1))
                wrong = best[0] > 0 and bool(golds[best[1]].source) and not speaker_correct(
                    p, golds[best[1]], _antecedents(golds, golds[best[1]]))
                pattern = PATTERNS.get(q.id, "?")
                for key in (pattern.rsplit("/", 1)[0], pattern):
                    by_pattern[key]["n"] += 1
                    by_pattern[key]["hit"] += hit
                cue = q.cue.text if q.cue is not None else "-"
                saved[(article.name, tuple(p.content))] = (hit, f"{'WRONG SPEAKER ' if wrong else ''}"
                                                           f"[{q.speaker_name}] {cue} :: "
                                                           f"{' | '.join(c.text for c in q.content)[:150]}")
        if args.false_positives:
            for p, q in zip(preds, quotes, strict=True):
                if p.cls != "indirect" or any(overlap(p.content, g.content) for g in golds):
                    continue
                cue = q.cue.text.lower() if q.cue is not None else "-"
                label = f"{cue}"
                groups[label].append(f"{article.name}: [{q.speaker_name}] {cue} :: "
                                     f"{' | '.join(c.text for c in q.content)[:160]}")
            continue
        for g, a in zip(golds, article.attributions, strict=True):
            if g.cls != "indirect":
                continue
            if any(p.cls == "indirect" and overlap(p.content, g.content) for p in preds):
                continue
            near = [p for p in preds if overlap(p.content, g.content)]
            cue = text_of(text, a.cue)
            content = text_of(text, a.content)
            label = cue_group(text, cue, g.source_text, content, lambda w, known=lemmas: known.get(w, w))
            if args.by_parse:
                label = parse_group(state.document, spacy_doc, a)
                if not g.source_text.strip():
                    label = "no source " + label
            if near:
                label = "overlapped by a quoted prediction"
                q = quotes[preds.index(near[0])]
                cue = f"{cue}] BY[{q.cue.text if q.cue else '-'}: " \
                      f"{' | '.join(c.text for c in q.content)[:100]}"
            start = min(s for s, _ in a.content + a.cue + a.source)
            end = max(e for _, e in a.content + a.cue + a.source)
            ctx = text[max(0, start - 40):min(len(text), end + 20)].replace("\n", " ")
            groups[label].append(f"{article.name[:30]}: SRC[{g.source_text}] CUE[{cue}] "
                                 f"CONTENT[{content[:120]}] :: ...{ctx[:300]}...")
    if args.save:
        args.save.write_bytes(pickle.dumps(saved))
    if args.patterns:
        print("indirect predictions by frame pattern: n, hits, precision")
        for key, c in sorted(by_pattern.items(), key=lambda kv: -kv[1]["n"]):
            if c["n"] >= args.patterns:
                print(f"  {key:45s} {c['n']:5d} {c['hit']:5d} {c['hit'] / c['n']:.2f}")
    if earlier is not None:
        added = {k: v for k, v in saved.items() if k not in earlier}
        dropped = {k: v for k, v in earlier.items() if k not in saved}
        for name, rows in (("added", added), ("dropped", dropped)):
            hits = sum(h for h, _ in rows.values())
            print(f"{name}: {len(rows)} indirect predictions, {hits} hit gold")
            for (art, _), (hit, row) in sorted(rows.items()):
                print(f"   {'HIT ' if hit else 'miss'} {art[:40]}: {row}")
    metrics = summarize(counts)
    print({k: metrics[k] for k in ("quoted_precision", "quoted_recall", "indirect_precision",
                                   "indirect_recall", "speaker_accuracy", "pred_indirect",
                                   "gold_indirect")})
    total = sum(len(v) for v in groups.values())
    print(f"{total} {'false positives' if args.false_positives else 'missed gold indirect'}")
    # Coarse groups first (the label before ':'), then the fine ones.
    coarse = Counter()
    for label, rows in groups.items():
        coarse[label.split(":")[0] if not args.by_parse else label.rsplit("]", 1)[0] + "]"] \
            += len(rows)
    for label, n in coarse.most_common():
        print(f"  {n:5d}  {label}")
    for label, rows in sorted(groups.items(), key=lambda kv: -len(kv[1]))[:args.groups]:
        print(f"\n== {label} ({len(rows)})")
        for row in rows[:args.show]:
            print("   ", row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
