"""A plain document-clustering baseline: TF-IDF vectors and average-linkage clustering (numpy).

    labels = cluster_texts(texts, threshold=0.12)    # one label per text

Words are lower-cased letter runs of 3 or more letters outside spaCy's English stop words.
Weights are sublinear term frequency (1 + log tf) times smoothed inverse document frequency
(log((1 + n) / (1 + df)) + 1) over the texts given, each row scaled to unit length, so a dot
product is a cosine. Clustering starts from singletons and merges the two clusters of highest
average cosine while it reaches `threshold` (Lance-Williams updates on the dense matrix: fine for
a few thousand texts).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

_WORD = re.compile(r"[a-z]{3,}")


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def tokens(text: str, stop: frozenset[str] | None = None) -> list[str]:
    stop = _stop_words() if stop is None else stop
    return [w for w in _WORD.findall(text.lower()) if w not in stop]


def tfidf_matrix(texts: Sequence[str]) -> np.ndarray:
    """One unit-length row per text (an empty text is a zero row)."""
    stop = _stop_words()
    counts = [Counter(tokens(t, stop)) for t in texts]
    vocabulary = {w: i for i, w in enumerate(sorted({w for c in counts for w in c}))}
    matrix = np.zeros((len(texts), len(vocabulary)))
    for row, c in enumerate(counts):
        for w, n in c.items():
            matrix[row, vocabulary[w]] = 1.0 + np.log(n)
    df = np.count_nonzero(matrix, axis=0)
    matrix *= np.log((1 + len(texts)) / (1 + df)) + 1.0
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


def average_linkage(similarity: np.ndarray, threshold: float) -> list[int]:
    """Cluster labels (0..k-1, in order of each cluster's first item) from a symmetric similarity
    matrix: merge the pair of clusters of highest average similarity while it is >= threshold."""
    n = similarity.shape[0]
    sim = np.array(similarity, dtype=float)
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(n)
    owner = list(range(n))  # item -> the row standing for its cluster
    alive = np.ones(n, dtype=bool)
    while alive.sum() > 1:
        flat = int(np.argmax(sim))
        a, b = divmod(flat, n)
        if sim[a, b] < threshold:
            break
        # a absorbs b: average linkage is the size-weighted mean of the two rows
        merged = (size[a] * sim[a] + size[b] * sim[b]) / (size[a] + size[b])
        sim[a, :] = merged
        sim[:, a] = merged
        sim[a, a] = -np.inf
        sim[b, :] = -np.inf
        sim[:, b] = -np.inf
        size[a] += size[b]
        alive[b] = False
        owner = [a if o == b else o for o in owner]
    labels: dict[int, int] = {}
    return [labels.setdefault(o, len(labels)) for o in owner]


def cluster_texts(texts: Sequence[str], threshold: float) -> list[int]:
    if not texts:
        return []
    vectors = tfidf_matrix(texts)
    return average_linkage(vectors @ vectors.T, threshold)
