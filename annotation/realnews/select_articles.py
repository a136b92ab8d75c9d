"""Choose the real-news gold set's articles, once, reproducibly:
`python select_articles.py DATA_ROOT [--round 2|3 --exclude articles.tsv ...]`.

Prints `ref<TAB>part<TAB>words` for each article. The draw is seeded; in round 1 each article's part
(`tune` or `validation`) comes from a hash of its reference, so it never moves when the list grows.
Round 2 draws more articles, none of round 1's, all for the tune part: more examples to learn
from, while the validation part stays as it was split; round 3 likewise, none of rounds 1 and 2. Articles over a length cap are skipped so
that each can be read whole by one annotator.
"""

from __future__ import annotations

import hashlib
import random
from collections import Counter

from wirecoder.corpora import list_refs, load_article

# corpus -> (articles drawn, word cap)
PLAN = {
    "polnear-train": (40, 900),
    "polnear-dev": (10, 900),
    "geovirus": (30, 900),
    "trnews": (30, 900),
    "wikievents-dev": (12, 800),
    "ecbplus-train": (35, 900),
}
SEED = "wirecoder-realnews-v1"
ECB_PER_TOPIC = 2
# round 2: more tune articles (corpus -> (articles drawn, word cap))
PLAN_2 = {
    "polnear-train": (60, 900),
    "geovirus": (30, 900),
    "trnews": (30, 900),
    "wikievents-dev": (6, 1100),
    "ecbplus-train": (34, 900),
}
# round 3 (session 7): more tune articles again, for the confidence model's learning curve (its
# cross-validated AUC still rose from three quarters to all of round 1 and 2's articles)
PLAN_3 = {
    "polnear-train": (40, 900),
    "geovirus": (20, 900),
    "trnews": (20, 900),
    "ecbplus-train": (20, 900),
}
PLANS = {1: PLAN, 2: PLAN_2, 3: PLAN_3}


def part_of(ref: str) -> str:
    return "validation" if int(hashlib.sha1(ref.encode()).hexdigest()[:8], 16) % 2 == 0 else "tune"


def choose(root: str, round_no: int = 1, exclude: frozenset[str] = frozenset()) -> list[tuple[str, str, int]]:
    chosen = []
    plan = PLANS[round_no]
    for corpus, (wanted, cap) in plan.items():
        refs = [r for r in list_refs(root, corpus) if r not in exclude]
        random.Random(f"{SEED}:{corpus}" + ("" if round_no == 1 else f":round{round_no}")).shuffle(refs)
        per_topic: Counter[str] = Counter()
        taken = 0
        for ref in refs:
            if taken == wanted:
                break
            words = len(load_article(root, ref).text.split())
            if words > cap or words < 60:
                continue
            if corpus == "ecbplus-train":
                topic = ref.split("/")[2]
                if per_topic[topic] == ECB_PER_TOPIC:
                    continue
                per_topic[topic] += 1
            chosen.append((ref, part_of(ref) if round_no == 1 else "tune", words))
            taken += 1
    return chosen


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default="../shared/data")
    parser.add_argument("--round", type=int, default=1)
    parser.add_argument("--exclude", nargs="*", default=[], help="articles.tsv files whose references are not drawn again")
    args = parser.parse_args()
    taken = frozenset(line.split("\t")[0] for path in args.exclude for line in open(path, encoding="utf-8"))
    for ref, part, words in choose(args.data, args.round, taken):
        print(f"{ref}\t{part}\t{words}")
