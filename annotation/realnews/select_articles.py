"""Choose the real-news gold set's articles, once, reproducibly: `python select_articles.py DATA_ROOT`.

Prints `ref<TAB>part<TAB>words` for each article. The draw is seeded; each article's part (`tune`
or `validation`) comes from a hash of its reference, so it never moves when the list grows.
Articles over a length cap are skipped so that each can be read whole by one annotator.
"""

from __future__ import annotations

import hashlib
import random
import sys
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


def part_of(ref: str) -> str:
    return "validation" if int(hashlib.sha1(ref.encode()).hexdigest()[:8], 16) % 2 == 0 else "tune"


def choose(root: str) -> list[tuple[str, str, int]]:
    chosen = []
    for corpus, (wanted, cap) in PLAN.items():
        refs = list_refs(root, corpus)
        random.Random(f"{SEED}:{corpus}").shuffle(refs)
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
            chosen.append((ref, part_of(ref), words))
            taken += 1
    return chosen


if __name__ == "__main__":
    for ref, part, words in choose(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"):
        print(f"{ref}\t{part}\t{words}")
