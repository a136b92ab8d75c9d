"""Annotation tasks for the real-news gold set: `python build_tasks.py DATA_ROOT ARTICLES_TSV OUT_DIR N`.

For each article it lists the *trigger candidates*: every token whose lemma heads a row of the
PLOVER verb or noun lexicon, and every event the current coder asserts (whatever its trigger).
Annotators judge each candidate (a PLOVER type or NONE) and add the events no candidate covers.
Writes OUT_DIR/batch_K.json (articles split over N batches, balanced by length) and, for the
merge, OUT_DIR/candidates.json (candidate id -> ref and character range).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wirecoder.corpora import article_sha1, load_article
from wirecoder.evaluate.article_preds import analyze_articles
from wirecoder.extract.event_triggers import noun_lexicon, verb_lexicon
from wirecoder.nlp import load_nlp
from wirecoder.pipeline import Pipeline


def lexicon_heads() -> tuple[set[str], set[str]]:
    single, double = verb_lexicon()
    verbs = set(single) | {p.split()[0] for p in double}
    nouns = set(noun_lexicon()) | {n.split()[-1] for n in noun_lexicon()}
    return verbs, nouns


def _sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    s = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    e_candidates = [i for i in (text.find("\n", end), text.find(". ", end)) if i != -1]
    e = min(e_candidates) + 1 if e_candidates else len(text)
    return s, e


def context(text: str, start: int, end: int, width: int = 160) -> str:
    s, e = _sentence_of(text, start, end)
    s, e = max(s, start - width), min(e, end + width)
    return (text[s:start] + "[[" + text[start:end] + "]]" + text[end:e]).replace("\n", " ").strip()


def main(root: str, articles_tsv: str, out_dir: str, batches: int) -> None:
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    rows = [line.rstrip("\n").split("\t") for line in open(articles_tsv, encoding="utf-8") if line.strip()]
    articles = [load_article(root, ref) for ref, _part, _words in rows]
    verbs, nouns = lexicon_heads()
    nlp = load_nlp()
    pipeline = Pipeline()
    tasks, where = [], {}
    for (ref, _part, words), article, (preds, _an) in zip(
            rows, articles, analyze_articles(pipeline, articles, progress=True), strict=True):
        text = article.text
        cands: dict[tuple[int, int], dict] = {}
        for tok in nlp(text):
            lemma = tok.lemma_.lower()
            if (tok.pos_ in ("VERB", "AUX") and lemma in verbs) or (tok.pos_ in ("NOUN", "PROPN") and lemma in nouns):
                span = (tok.idx, tok.idx + len(tok.text))
                cands[span] = {"span": span, "system": None}
        for ev in preds or []:
            span = ev.trigger
            item = next((c for s, c in cands.items() if s[0] < span[1] and span[0] < s[1]), None)
            if item is None:
                item = cands[span] = {"span": span, "system": None}
            item["system"] = (f"{ev.type} {ev.modality} src={[text[a:b] for a, b in ev.sources]} "
                              f"tgt={[text[a:b] for a, b in ev.targets]} trigger={ev.trigger_text!r}")
        listed = []
        for span in sorted(cands):
            cid = f"{len(where)}"
            where[cid] = {"ref": ref, "span": list(span)}
            c = cands[span]
            listed.append({"id": cid, "word": text[span[0]:span[1]], "context": context(text, *span),
                           "system": c["system"]})
        tasks.append({"ref": ref, "sha1": article_sha1(text), "published": article.published,
                      "words": int(words), "text": text, "candidates": listed})
    load = [0] * batches
    groups: list[list[dict]] = [[] for _ in range(batches)]
    for task in sorted(tasks, key=lambda t: -t["words"] - 15 * len(t["candidates"])):
        k = load.index(min(load))
        groups[k].append(task)
        load[k] += task["words"] + 15 * len(task["candidates"])
    for k, group in enumerate(groups):
        (out / f"batch_{k}.json").write_text(json.dumps(group, indent=1, ensure_ascii=False), "utf-8")
    (out / "candidates.json").write_text(json.dumps(where), "utf-8")
    print(f"{len(tasks)} articles, {len(where)} candidates, batch loads {load}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
