"""Build `lang/en/news_df.tsv`: how many of a background of news stories use each word, the idf
background of story placement (`stories`, #21).

    python -m wirecoder.dedup.build_background ../shared/data

Source: the 4,500 synthetic news stories of ahalterman/NGEC (MIT,
`events/gpt_synthetic_events_*.csv.zip` under the data root; written by a language model to
train a political event classifier, so no publisher's text). Each story's content words
(`stories.words`: letters, 3 or more, outside the stop list) count once; words used by at
least `MIN_DF` stories are written (a rarer word is as rare as an unseen one), with the number
of stories as the `_documents` row. Only counts are shipped, never text.
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from collections import Counter
from importlib import resources
from pathlib import Path

from .stories import BACKGROUND, DOCUMENTS_ROW, words

MIN_DF = 2
HEADER = ("# Background document frequencies for story placement (wirecoder.dedup.stories): the\n"
          "# number of stories using each word among the 4,500 synthetic news stories of\n"
          "# ahalterman/NGEC (MIT licence; setup/train_classifiers/), counted by\n"
          "# wirecoder.dedup.build_background; counts only, no text.\n")


def background_counts(texts: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(set(words(text)))
    return counts


def read_stories(data: Path) -> list[str]:
    found = sorted((data / "events").glob("gpt_synthetic_events_*.csv.zip"))
    if not found:
        raise SystemExit(f"no events/gpt_synthetic_events_*.csv.zip under {data}")
    with zipfile.ZipFile(found[-1]) as z:
        name = next(n for n in z.namelist() if n.endswith(".csv"))
        rows = csv.DictReader(io.TextIOWrapper(z.open(name), "utf-8"))
        return [row["text"] for row in rows if row.get("text")]


def render(texts: list[str]) -> str:
    counts = background_counts(texts)
    kept = sorted((w, n) for w, n in counts.items() if n >= MIN_DF)
    lines = [HEADER + "word\tdocuments", f"{DOCUMENTS_ROW}\t{len(texts)}"]
    lines += [f"{w}\t{n}" for w, n in kept]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    data = Path(args[0] if args else "../shared/data")
    out = Path(str(resources.files("wirecoder.lang.en").joinpath(f"{BACKGROUND}.tsv")))
    out.write_text(render(read_stories(data)), "utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
