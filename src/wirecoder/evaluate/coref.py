"""Coreference scores of one clustering against another over the same items: MUC, B-cubed, CEAF-e
and their mean, the CoNLL F1 (Pradhan et al. 2014 define them; these follow those definitions).

A clustering is a map item -> cluster label; the key (gold) and the response (predicted) must
cover the same items. Scores are unrounded (P, R, F1) triples; F1 is 0 when P + R is 0, and MUC
gives 0 where it has nothing to count (a side made only of singletons has no links).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Mapping

import numpy as np

Clustering = Mapping[Hashable, Hashable]
Scores = tuple[float, float, float]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def groups(clustering: Clustering) -> list[set]:
    """The clusters as sets of items, in order of first appearance."""
    out: dict[Hashable, set] = defaultdict(set)
    for item, label in clustering.items():
        out[label].add(item)
    return list(out.values())


def _same_items(key: Clustering, response: Clustering) -> None:
    if set(key) != set(response):
        raise ValueError("key and response must cluster the same items")


def muc(key: Clustering, response: Clustering) -> Scores:
    """Links kept: recall sums |K| - (clusters of the response K is split into) over key clusters
    K, over the sum of |K| - 1; precision the same with the roles swapped."""
    _same_items(key, response)

    def side(clusters: list[set], other: Clustering) -> float:
        links = sum(len(c) - 1 for c in clusters)
        kept = sum(len(c) - len({other[i] for i in c}) for c in clusters)
        return kept / links if links else 0.0

    r, p = side(groups(key), response), side(groups(response), key)
    return p, r, _f1(p, r)


def bcubed(key: Clustering, response: Clustering) -> Scores:
    """Per item: the share of its response cluster in its key cluster (precision) and of its key
    cluster in its response cluster (recall), averaged over items."""
    _same_items(key, response)
    if not key:
        return 0.0, 0.0, 0.0
    key_of = {i: c for c in groups(key) for i in c}
    response_of = {i: c for c in groups(response) for i in c}
    p = r = 0.0
    for item in key:
        both = len(key_of[item] & response_of[item])
        p += both / len(response_of[item])
        r += both / len(key_of[item])
    p, r = p / len(key), r / len(key)
    return p, r, _f1(p, r)


def best_matching(weights: np.ndarray) -> float:
    """The largest total weight of a one-to-one matching of rows to columns (Kuhn-Munkres,
    O(n^2 m) with the inner loop in numpy); weights are non-negative."""
    w = np.asarray(weights, dtype=float)
    if w.size == 0:
        return 0.0
    if w.shape[0] > w.shape[1]:
        w = w.T
    n, m = w.shape
    cost = -w
    u, v = np.zeros(n + 1), np.zeros(m + 1)
    match = np.zeros(m + 1, dtype=int)  # match[j]: the row (from 1) holding column j; 0 free
    way = np.zeros(m + 1, dtype=int)
    for i in range(1, n + 1):
        match[0], j0 = i, 0
        minv = np.full(m + 1, np.inf)
        used = np.zeros(m + 1, dtype=bool)
        while True:
            used[j0] = True
            reduced = cost[match[j0] - 1] - u[match[j0]] - v[1:]
            free = ~used[1:]
            better = free & (reduced < minv[1:])
            minv[1:][better] = reduced[better]
            way[1:][better] = j0
            candidates = np.where(free, minv[1:], np.inf)
            j1 = int(np.argmin(candidates)) + 1
            delta = candidates[j1 - 1]
            taken = np.nonzero(used)[0]
            u[match[taken]] += delta
            v[taken] -= delta
            minv[1:][free] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return float(sum(w[match[j] - 1, j - 1] for j in range(1, m + 1) if match[j]))


def ceafe(key: Clustering, response: Clustering) -> Scores:
    """Entity CEAF: key and response clusters aligned one to one to maximise the summed
    similarity phi(K, R) = 2|K & R| / (|K| + |R|); precision divides that sum by the number of
    response clusters, recall by the number of key clusters. The alignment is solved in each
    group of clusters connected by shared items (most are one or two clusters)."""
    _same_items(key, response)
    keys, responses = groups(key), groups(response)
    if not keys:
        return 0.0, 0.0, 0.0
    response_index = {label: j for j, label in enumerate(dict.fromkeys(response.values()))}
    parent = list(range(len(keys) + len(responses)))  # union-find: keys, then responses

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    overlaps: dict[tuple[int, int], int] = defaultdict(int)
    for k, cluster in enumerate(keys):
        for item in cluster:
            j = response_index[response[item]]
            overlaps[(k, j)] += 1
            parent[find(k)] = find(len(keys) + j)
    components: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for k in range(len(keys)):
        components[find(k)][0].append(k)
    for j in range(len(responses)):
        components[find(len(keys) + j)][1].append(j)
    total = 0.0
    for rows, cols in components.values():
        col_at = {j: c for c, j in enumerate(cols)}
        weights = np.zeros((len(rows), len(cols)))
        for r, k in enumerate(rows):
            for j in cols:
                if (k, j) in overlaps:
                    weights[r, col_at[j]] = 2 * overlaps[(k, j)] / (len(keys[k]) + len(responses[j]))
        total += best_matching(weights)
    p, r = total / len(responses), total / len(keys)
    return p, r, _f1(p, r)


def conll(key: Clustering, response: Clustering) -> dict[str, float]:
    """MUC, B-cubed and CEAF-e precision, recall and F1, and the CoNLL F1 (their F1s' mean),
    each rounded to 4 places."""
    out: dict[str, float] = {}
    f1s = []
    for name, fn in (("muc", muc), ("bcubed", bcubed), ("ceafe", ceafe)):
        p, r, f = fn(key, response)
        out.update({f"{name}_precision": round(p, 4), f"{name}_recall": round(r, 4),
                    f"{name}_f1": round(f, 4)})
        f1s.append(f)
    out["conll_f1"] = round(sum(f1s) / 3, 4)
    return out
