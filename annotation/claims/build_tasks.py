"""List the claim verdicts wirecoder emits on real articles, for judging (issue #20):
`python annotation/claims/build_tasks.py DATA_ROOT OUT.jsonl --lists A.tsv ... [--more N]`.

Reads the articles named in the given article lists (first column: a reference into the shared
corpora, see `wirecoder.corpora`), plus `--more N` articles drawn (seeded) from PolNeAR train,
GeoVirus and TR-News (or the corpora `--from` names) that no list and no `--exclude` task file
names, none over 900 words. Writes one JSON line per article:
its reference, SHA-1, part and the claims with their kind, verdict, figure ranges (article
offsets), explanation and the sentences around each figure. OUT holds article text, so it is a
working file for the judges and is never committed; `merge.py` keeps only offsets and judgments.

Each article's part comes from a hash of its reference: `validation` for about a quarter.
"""

from __future__ import annotations

import argparse
import json
import random
import sys

from wirecoder.corpora import article_sha1, list_refs, load_article
from wirecoder.evaluate.claims import claim_part, predicted_claims
from wirecoder.pipeline import Pipeline, to_raw

SEED = "wirecoder-claims-v1"
MORE_FROM = ("polnear-train", "geovirus", "trnews")


def more_refs(root: str, n: int, taken: set[str], corpora: tuple[str, ...] = MORE_FROM) -> list[str]:
    out = []
    for k, corpus in enumerate(corpora):
        want = n // len(corpora) + (1 if k < n % len(corpora) else 0)
        refs = [r for r in list_refs(root, corpus) if r not in taken]
        random.Random(f"{SEED}:{corpus}").shuffle(refs)
        for ref in refs:
            if want == 0:
                break
            words = len(load_article(root, ref).text.split())
            if 60 <= words <= 900:
                out.append(ref)
                want -= 1
    return out


def context(text: str, start: int, end: int) -> str:
    a = max(text.rfind("\n", 0, start), text.rfind(". ", 0, max(0, start - 1)))
    b = min([i for i in (text.find("\n", end), text.find(". ", end)) if i >= 0] or [len(text)])
    return text[a + 1:start] + "[[" + text[start:end] + "]]" + text[end:b + 1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("out")
    parser.add_argument("--lists", nargs="*", default=[])
    parser.add_argument("--more", type=int, default=0)
    parser.add_argument("--from", dest="corpora", nargs="*", default=list(MORE_FROM), help="corpora drawn from")
    parser.add_argument("--exclude", nargs="*", default=[], help="task files whose articles are not drawn again")
    args = parser.parse_args()
    refs = [line.split("\t")[0] for path in args.lists for line in open(path, encoding="utf-8") if line.strip()]
    taken = set(refs) | {json.loads(line)["ref"] for path in args.exclude for line in open(path, encoding="utf-8")}
    refs += more_refs(args.data, args.more, taken, tuple(args.corpora))
    nlp = Pipeline()
    with open(args.out, "w", encoding="utf-8") as out:
        for n, ref in enumerate(refs):
            article = load_article(args.data, ref)
            try:
                analysis = nlp.analyze(to_raw(article.text, published=article.published))
            except Exception as exc:  # noqa: BLE001 - a crash is listed, not fatal
                print(f"{ref}: {exc}", file=sys.stderr)
                continue
            claims = [{"kind": c.kind, "verdict": c.verdict, "figures": [list(r) for r in c.figures],
                       "explanation": c.explanation,
                       "context": [context(article.text, a, b) for a, b in c.figures]}
                      for c in predicted_claims(analysis)]
            out.write(json.dumps({"ref": ref, "sha1": article_sha1(article.text), "part": claim_part(ref),
                                  "claims": claims}) + "\n")
            out.flush()
            if n % 50 == 0:
                print(f"{n}/{len(refs)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
