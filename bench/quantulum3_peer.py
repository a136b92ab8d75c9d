"""quantulum3 beside wirecoder on NewsQuant: `python bench/quantulum3_peer.py [PATH]`.

Both are scored by `wirecoder.evaluate.quantities` on the same sentences (quantulum3 by value
and unit only; it has no change or concept). quantulum3 needs pinned dependencies:
    pip install quantulum3==0.10.0 scikit-learn==1.8.0 stemming==1.0.1
(scikit-learn 1.9 breaks its classifier; `stemming` is imported but not declared).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from wirecoder.evaluate import run_eval

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "quantities" / \
    "NewsQuant_dev.json"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    metrics = run_eval("quantities", path, "newsquant", peer=True)
    keys = ("value_f1", "value_unit_f1", "change_accuracy", "concept_partial",
            "concept_complete", "n", "seconds")
    print(json.dumps({"wirecoder": {k: metrics[k] for k in keys},
                      "quantulum3": metrics.get("peer_quantulum3")}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
