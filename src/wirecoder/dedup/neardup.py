"""Near-duplicate documents: MinHash signatures over word shingles in an LSH index.

    index = NearDuplicateIndex()
    link = index.add(doc_id, text)      # a DuplicateLink to an earlier document, or None

The index is incremental: each new document is queried against the documents already in it and
then joins it. A document's link points at the earliest document (in arrival order) whose
estimated Jaccard similarity reaches the threshold, so chains of updates point at one original.
Signatures are plain integer lists and can be saved and loaded (`signature`, `add_signature`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from datasketch import MinHash, MinHashLSH

from .records import DuplicateLink
from .shingles import shingles

NUM_PERM = 128
THRESHOLD = 0.4  # estimated Jaccard of 3-word shingles: shortened, restyled copies stay above
SEED = 1
SCHEME = "affine32"  # datasketch 2 hashing scheme; saved signatures name it


def minhash(text: str, num_perm: int = NUM_PERM) -> MinHash:
    m = MinHash(num_perm=num_perm, seed=SEED, scheme=SCHEME)
    items = shingles(text)
    if items:
        m.update_batch([s.encode("utf-8") for s in sorted(items)])
    return m


class NearDuplicateIndex:
    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM):
        self.threshold = threshold
        self.num_perm = num_perm
        # LSH finds candidates a little below the threshold; the estimate then decides.
        self._lsh = MinHashLSH(threshold=max(threshold - 0.1, 0.05), num_perm=num_perm)
        self._hashes: dict[str, MinHash] = {}
        self._order: dict[str, int] = {}
        self._original: dict[str, str] = {}  # doc id -> the document it duplicates

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, doc_id: str) -> bool:
        return doc_id in self._hashes

    def add(self, doc_id: str, text: str) -> DuplicateLink | None:
        return self.add_minhash(doc_id, minhash(text, self.num_perm))

    def add_signature(self, doc_id: str, signature: Sequence[int],
                      duplicate_of: str | None = None) -> None:
        """Put back a document saved earlier, with the link it was given then (no new link)."""
        m = MinHash(num_perm=self.num_perm, seed=SEED, scheme=SCHEME,
                    hashvalues=np.asarray(signature, dtype=np.uint64))
        self._insert(doc_id, m)
        if duplicate_of:
            self._original[doc_id] = duplicate_of

    def signature(self, doc_id: str) -> list[int]:
        return [int(v) for v in self._hashes[doc_id].hashvalues]

    def add_minhash(self, doc_id: str, m: MinHash) -> DuplicateLink | None:
        if doc_id in self._hashes:  # seen already: report its link again, do not re-add
            original = self._original.get(doc_id)
            return None if original is None else DuplicateLink(
                document_id=doc_id, duplicate_of=original,
                similarity=round(self._hashes[doc_id].jaccard(self._hashes[original]), 4))
        best: tuple[int, str, float] | None = None
        for other in self._lsh.query(m):
            similarity = m.jaccard(self._hashes[other])
            if similarity < self.threshold:
                continue
            root = self._original.get(other, other)
            key = (self._order[root], root, m.jaccard(self._hashes[root]))
            if best is None or key[0] < best[0]:
                best = key
        self._insert(doc_id, m)
        if best is None:
            return None
        self._original[doc_id] = best[1]
        return DuplicateLink(document_id=doc_id, duplicate_of=best[1],
                             similarity=round(min(max(best[2], 0.0), 1.0), 4))

    def _insert(self, doc_id: str, m: MinHash) -> None:
        self._hashes[doc_id] = m
        self._order[doc_id] = len(self._order)
        self._lsh.insert(doc_id, m)
