"""An ONNX Runtime backend for the embedding model (``KB_EMBED_BACKEND=onnx`` or ``onnx-int8``).

sentence-transformers' own ONNX backend needs optimum-onnx, which pins transformers < 4.58; this
module exports the model's transformer with ``torch.onnx.export`` instead, quantises it
dynamically to int8 if asked, caches the files (``KB_CACHE_DIR``, default ``~/.cache/kb``) and
reproduces the model's pooling (mean) and normalisation. Measured on the dev set
(``bench/search_onnx.py``, one thread): int8 embeds 2.2× as fast as torch with the same hybrid
nDCG@10 (0.831 vs 0.832); fp32 is 1.2× as fast with identical vectors. Needs the optional
dependencies ``pip install 'kb[onnx]'`` (onnxruntime, onnx).
"""

from __future__ import annotations

import hashlib
import logging
import os
import warnings
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    return Path(os.environ.get("KB_CACHE_DIR") or Path.home() / ".cache" / "kb") / "onnx"


def _check_supported(st_model: Any) -> None:
    modules = list(st_model)
    pooling = modules[1] if len(modules) > 1 else None
    mean = getattr(pooling, "pooling_mode_mean_tokens", False) or getattr(pooling, "pooling_mode", "") == "mean"
    if len(modules) > 3 or not mean:
        raise ValueError("the ONNX backend supports transformer + mean pooling (+ normalise) models only; use KB_EMBED_BACKEND=torch")


def export(st_model: Any, directory: Path, *, quantize: bool) -> Path:
    """The ONNX file of ``st_model``'s transformer (exported once, then reused)."""
    import torch

    _check_supported(st_model)
    directory.mkdir(parents=True, exist_ok=True)
    fp32 = directory / "model.onnx"
    int8 = directory / "model-int8.onnx"
    if not fp32.exists():
        transformer = st_model[0].auto_model.eval()
        sample = st_model.tokenizer(["Beispieltext für den Export"], return_tensors="pt")
        names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in sample]

        class Wrapper(torch.nn.Module):
            def __init__(self) -> None:
                super().__init__()
                self.m = transformer

            def forward(self, *args: torch.Tensor) -> torch.Tensor:
                return self.m(**dict(zip(names, args, strict=True))).last_hidden_state  # type: ignore[no-any-return]

        axes = {n: {0: "batch", 1: "seq"} for n in names}
        axes["last_hidden_state"] = {0: "batch", 1: "seq"}
        tmp = fp32.with_suffix(".tmp")
        with warnings.catch_warnings():  # the TorchScript exporter warns about itself and about tracing
            warnings.simplefilter("ignore")
            torch.onnx.export(Wrapper(), tuple(sample[n] for n in names), str(tmp), input_names=names,
                              output_names=["last_hidden_state"], dynamic_axes=axes, opset_version=17, dynamo=False)
        os.replace(tmp, fp32)
        log.info("embedding model exported to ONNX: %s", fp32)
    if quantize and not int8.exists():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        tmp = int8.with_suffix(".tmp")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8)
        os.replace(tmp, int8)
        log.info("embedding model quantised to int8: %s", int8)
    return int8 if quantize else fp32


class OnnxSentenceModel:
    """The subset of SentenceTransformer the embedder uses, on ONNX Runtime."""

    def __init__(self, st_model: Any, model_name: str, *, quantize: bool, threads: int = 1) -> None:
        import onnxruntime as ort

        key = hashlib.sha256(f"{model_name}|{quantize}".encode()).hexdigest()[:16]
        path = export(st_model, cache_dir() / key, quantize=quantize)
        self.tokenizer = st_model.tokenizer
        self.max_length = st_model.max_seq_length
        self.dimension = int(st_model.get_sentence_embedding_dimension())
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    def get_sentence_embedding_dimension(self) -> int:
        return self.dimension

    def encode(self, texts: list[str], batch_size: int = 64, **_: Any) -> np.ndarray:
        out = []
        order = np.argsort([-len(t) for t in texts], kind="stable")  # less padding, like sentence-transformers
        for start in range(0, len(texts), batch_size):
            chunk = [texts[i] for i in order[start:start + batch_size]]
            enc = self.tokenizer(chunk, padding=True, truncation=True, max_length=self.max_length, return_tensors="np")
            hidden = self.session.run(None, {k: v.astype(np.int64) for k, v in enc.items() if k in self.inputs})[0]
            mask = enc["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(1) / np.clip(mask.sum(1), 1e-9, None)
            out.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
        vectors = np.vstack(out).astype(np.float32)
        result = np.empty_like(vectors)
        result[order] = vectors
        return result
