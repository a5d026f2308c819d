"""The vector index: FAISS ``IndexIDMap2`` over exact inner product, HNSW beside it when large.

Ids are stable integers the search service assigns to record IRIs. The flat index is the truth
(it can remove and replace vectors); above ``hnsw_threshold`` vectors an HNSW graph is built from
it in the background and answers unfiltered queries, with vectors changed since its build
searched exactly and merged in, so it never returns a stale or removed record.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import faiss
import numpy as np

log = logging.getLogger(__name__)

HNSW_M = 32
HNSW_EF_CONSTRUCTION = 200
HNSW_EF_SEARCH = 512


class VectorIndex:
    """Vectors by id. Thread-safe: changes and searches take a short lock."""

    def __init__(self, dimension: int, hnsw_threshold: int = 50_000) -> None:
        self.dimension = dimension
        self.hnsw_threshold = hnsw_threshold
        self.flat = faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))
        self._lock = threading.RLock()
        self._hnsw: faiss.Index | None = None
        self._hnsw_ids: np.ndarray | None = None
        self._stale: set[int] = set()
        """Ids added, replaced or removed since the HNSW graph was built."""

    def __len__(self) -> int:
        return int(self.flat.ntotal)

    # ------------------------------------------------------------------ changes

    def upsert(self, ids: np.ndarray, vectors: np.ndarray) -> None:
        ids = np.asarray(ids, dtype=np.int64)
        with self._lock:
            self.flat.remove_ids(faiss.IDSelectorBatch(ids))
            self.flat.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids)
            if self._hnsw is not None:
                self._stale.update(int(i) for i in ids)

    def remove(self, ids: list[int]) -> None:
        if not ids:
            return
        with self._lock:
            self.flat.remove_ids(faiss.IDSelectorBatch(np.asarray(ids, dtype=np.int64)))
            if self._hnsw is not None:
                self._stale.update(ids)

    def ids(self) -> np.ndarray:
        with self._lock:
            return faiss.vector_to_array(self.flat.id_map).astype(np.int64)

    def vector(self, id_: int) -> np.ndarray | None:
        with self._lock:
            try:
                vector: np.ndarray = np.asarray(self.flat.reconstruct(int(id_)))
                return vector
            except RuntimeError:
                return None

    # ------------------------------------------------------------------ search

    def scores_all(self, query: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Exact cosine of the query with every vector: (ids, scores)."""
        with self._lock:
            n = self.flat.ntotal
            if n == 0:
                return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
            base = self._base(n).reshape(n, self.dimension)
            scores = base @ query.astype(np.float32)
            ids = faiss.vector_to_array(self.flat.id_map).astype(np.int64)
        return ids, scores

    def search(self, query: np.ndarray, k: int, *, exact: bool = False, among: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The ``k`` nearest vectors (only ``among`` these ids, if given): (ids, scores), best first.

        Approximate when an HNSW graph exists and neither ``exact`` nor ``among`` is given. Runs on
        one thread: a single query gains nothing from more, and loses much under load.
        """
        faiss.omp_set_num_threads(1)
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        with self._lock:
            if self._hnsw is None or exact or among is not None:
                params = None
                if among is not None:
                    params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(np.asarray(among, dtype=np.int64)))  # type: ignore[call-arg]
                scores, ids = self.flat.search(q, min(k, max(1, self.flat.ntotal)), params=params)
                keep = ids[0] >= 0
                return ids[0][keep], scores[0][keep]
            hnsw, hnsw_ids, stale = self._hnsw, self._hnsw_ids, set(self._stale)
            stale_ids = np.fromiter(stale, dtype=np.int64) if stale else None
            stale_vectors = None
            if stale_ids is not None:
                present = [i for i in stale_ids if self._has(int(i))]
                stale_ids = np.asarray(present, dtype=np.int64)
                stale_vectors = np.vstack([self.flat.reconstruct(int(i)) for i in present]) if present else None
        assert hnsw_ids is not None
        params = faiss.SearchParametersHNSW(efSearch=max(HNSW_EF_SEARCH, k))  # type: ignore[attr-defined]
        scores, rows = hnsw.search(q, k + len(stale), params=params)
        found = [(float(s), int(hnsw_ids[r])) for s, r in zip(scores[0], rows[0], strict=True) if r >= 0 and int(hnsw_ids[r]) not in stale]
        if stale_vectors is not None and stale_ids is not None:
            found.extend(zip((stale_vectors @ q[0]).tolist(), stale_ids.tolist(), strict=True))
        found.sort(reverse=True)
        found = found[:k]
        return np.asarray([i for _, i in found], dtype=np.int64), np.asarray([s for s, _ in found], dtype=np.float32)

    def _base(self, n: int) -> np.ndarray:
        """The flat index's vectors as an (n, d) array view (no copy)."""
        flat = faiss.downcast_index(self.flat.index)
        return faiss.rev_swig_ptr(flat.get_xb(), n * self.dimension).reshape(n, self.dimension)  # type: ignore[attr-defined]

    def _has(self, id_: int) -> bool:
        try:
            self.flat.reconstruct(id_)
            return True
        except RuntimeError:
            return False

    # ------------------------------------------------------------------ approximate index

    @property
    def approximate(self) -> bool:
        return self._hnsw is not None

    def needs_hnsw_build(self) -> bool:
        n = len(self)
        if n < max(1, self.hnsw_threshold):
            if self._hnsw is not None:
                with self._lock:
                    self._hnsw, self._hnsw_ids, self._stale = None, None, set()
            return False
        return self._hnsw is None or len(self._stale) > max(1000, n // 20)

    def build_hnsw(self) -> None:
        """Build the HNSW graph from the flat vectors (outside the lock; swaps at the end)."""
        with self._lock:
            n = self.flat.ntotal
            ids = faiss.vector_to_array(self.flat.id_map).astype(np.int64)
            vectors = self._base(n).reshape(n, self.dimension).copy()
            self._stale = set()
        hnsw = faiss.IndexHNSWFlat(self.dimension, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        hnsw.hnsw.efConstruction = HNSW_EF_CONSTRUCTION
        hnsw.add(vectors)
        with self._lock:
            self._hnsw, self._hnsw_ids = hnsw, ids
        log.info("HNSW graph built over %d vectors", n)

    # ------------------------------------------------------------------ files

    def save(self, path: Path) -> None:
        """Write the flat index; searches wait only for an in-memory copy, not for the disk."""
        with self._lock:
            snapshot = faiss.clone_index(self.flat)
        faiss.write_index(snapshot, str(path))

    @classmethod
    def load(cls, path: Path, dimension: int, hnsw_threshold: int) -> VectorIndex:
        flat = faiss.read_index(str(path))
        if flat.d != dimension:
            raise ValueError(f"vector file has dimension {flat.d}, expected {dimension}")
        if not isinstance(flat, faiss.IndexIDMap2):
            flat = faiss.downcast_index(flat)
        index = cls(dimension, hnsw_threshold)
        index.flat = flat  # type: ignore[assignment]
        return index
