"""The verdicts the referent cues take away on articles no claim gold holds (issue #20), to read.

`PYTHONPATH=src python scripts/claims_cue_removals.py [DATA_ROOT]` analyses the PolNeAR train,
ECB+ train, GeoVirus and TR-News articles that are in no part of the claim gold and whose
reference hashes to the tune part (`evaluate.claims.claim_part`: an article that would fall in the
validation part is never read), with the referent cues off and on, and prints each claim the cues
remove with its figures in context, then the number of consistent verdicts without and with the
cues. Judging the printed pairs by hand says how often a cue is right on text it was not written
from.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from wirecoder.corpora import list_refs, load_article
from wirecoder.evaluate.claims import claim_part, load_gold
from wirecoder.pipeline import Pipeline, PipelineConfig

CORPORA = ("polnear-train", "ecbplus-train", "geovirus", "trnews")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default="/work/shared/data")
    args = parser.parse_args()
    data = Path(args.data)
    judged = {g.ref for g in load_gold(part="all")}
    refs = [r for c in CORPORA for r in list_refs(data, c) if r not in judged and claim_part(r) == "tune"]
    coders = {c: Pipeline(PipelineConfig(options={"claims": {"referent_cues": c}})) for c in ("none", "all")}
    consistent = dict.fromkeys(coders, 0)
    for ref in refs:
        article = load_article(data, ref)
        runs = {c: p.analyze(article.text, published=article.published) for c, p in coders.items()}
        for c, analysis in runs.items():
            consistent[c] += sum(claim.verdict == "consistent" for claim in analysis.claims)
        kept = {claim.id for claim in runs["all"].claims}
        text = runs["none"].document.text
        spans = {q.id: q.span for q in runs["none"].quantities}
        for claim in runs["none"].claims:
            if claim.id in kept:
                continue
            print(f"== {ref} {claim.kind} {claim.verdict}")
            for qid in claim.quantity_ids:
                s = spans[qid]
                before = text[max(0, s.start - 160):s.start].replace("\n", " ")
                after = text[s.end:s.end + 90].replace("\n", " ")
                print(f"   ...{before}<<{text[s.start:s.end]}>>{after}...")
    print(f"articles {len(refs)}; consistent verdicts without the cues {consistent['none']}, "
          f"with them {consistent['all']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
