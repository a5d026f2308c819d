"""The ONNX Runtime embedding backend, the default (``KB_EMBED_BACKEND=onnx``, or ``onnx-int8``).

Why: a node that restarts should answer semantic searches within seconds, and importing torch,
transformers and sentence-transformers alone takes 4–7 s on this machine. The model is exported
once (with torch, which sentence-transformers brings anyway) into a folder holding the ONNX file,
the tokenizer (``tokenizer.json``) and ``kb-export.json``; every later start loads only
onnxruntime and tokenizers (~0.3 s) and reproduces the model's mean pooling and normalisation.

sentence-transformers' own ONNX backend needs optimum-onnx, which pins transformers < 4.58, so the
transformer is exported with ``torch.onnx.export`` here. Measured (``bench/search_onnx.py``, one
thread): fp32 gives the torch model's vectors (cosine ≥ 0.99999) at 1.0–1.2× its batch speed and
2.5× its speed for one query; int8 is 2.2× as fast but loses quality on English queries and on
the check set (docs/search.md), so it is opt-in.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import os
import threading
import warnings
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)

EXPORT_FORMAT = 2
"""Bump when the exported folder's layout changes: older folders are then exported again."""
MANIFEST = "kb-export.json"
"""Written last: a folder with it is complete."""


def export_dir(model: str, cache_dir: Path) -> Path:
    """Where ``model``'s export lives; a local model folder that changes gets a new one."""
    fingerprint = [model, str(EXPORT_FORMAT)]
    path = Path(model)
    if path.is_dir():
        for f in sorted(p for p in path.rglob("*") if p.is_file()):
            stat = f.stat()
            fingerprint.append(f"{f.relative_to(path)}:{stat.st_size}:{stat.st_mtime_ns}")
    return cache_dir / "onnx" / hashlib.sha256("|".join(fingerprint).encode()).hexdigest()[:16]


def _check_supported(st_model: Any) -> None:
    modules = list(st_model)
    pooling = modules[1] if len(modules) > 1 else None
    mean = getattr(pooling, "pooling_mode_mean_tokens", False) or getattr(pooling, "pooling_mode", "") == "mean"
    if len(modules) > 3 or not mean:
        raise ValueError("the ONNX backend supports transformer + mean pooling (+ normalise) models only; use KB_EMBED_BACKEND=torch")


def _write_atomically(target: Path, write: Any) -> None:
    """``write(tmp_path)``, then rename: concurrent exporters never see each other's half files."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        write(tmp)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def export(model: str, directory: Path) -> None:
    """Export ``model`` (a sentence-transformers name or path) into ``directory``."""
    import torch
    from sentence_transformers import SentenceTransformer

    st_model: Any = SentenceTransformer(model, device="cpu")
    _check_supported(st_model)
    directory.mkdir(parents=True, exist_ok=True)
    tokenizer = st_model.tokenizer
    transformer = st_model[0].auto_model.eval()
    sample = tokenizer(["Beispieltext für den Export"], return_tensors="pt")
    names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in sample]

    class Wrapper(torch.nn.Module):  # type: ignore[misc,unused-ignore]  # torch is Any where the extra is not installed
        def __init__(self) -> None:
            super().__init__()
            self.m = transformer

        def forward(self, *args: torch.Tensor) -> torch.Tensor:
            return self.m(**dict(zip(names, args, strict=True))).last_hidden_state  # type: ignore[no-any-return,unused-ignore]

    axes = {n: {0: "batch", 1: "seq"} for n in names}
    axes["last_hidden_state"] = {0: "batch", 1: "seq"}

    def onnx_file(tmp: Path) -> None:
        with warnings.catch_warnings():  # the TorchScript exporter warns about itself and about tracing
            warnings.simplefilter("ignore")
            torch.onnx.export(Wrapper(), tuple(sample[n] for n in names), str(tmp), input_names=names,
                              output_names=["last_hidden_state"], dynamic_axes=axes, opset_version=17, dynamo=False)

    _write_atomically(directory / "model.onnx", onnx_file)
    _write_atomically(directory / "tokenizer.json", lambda tmp: tokenizer.backend_tokenizer.save(str(tmp)))
    dimension = getattr(st_model, "get_embedding_dimension", None) or st_model.get_sentence_embedding_dimension
    manifest = {
        "format": EXPORT_FORMAT, "model": model, "inputs": names, "dimension": int(dimension()),
        "max_length": int(st_model.max_seq_length),
        "pad_id": int(tokenizer.pad_token_id or 0), "pad_token": str(tokenizer.pad_token or "[PAD]"),
    }
    _write_atomically(directory / MANIFEST, lambda tmp: tmp.write_text(json.dumps(manifest, indent=2)))
    log.info("embedding model %s exported to ONNX in %s", model, directory)


def quantize(directory: Path) -> Path:
    """The int8 variant of the exported model (made once, with onnxruntime's dynamic quantisation)."""
    target = directory / "model-int8.onnx"
    if not target.exists():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        def int8_file(tmp: Path) -> None:
            root = logging.getLogger()  # the quantiser advises pre-processing through the root logger
            level = root.level
            root.setLevel(logging.ERROR)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    quantize_dynamic(str(directory / "model.onnx"), str(tmp), weight_type=QuantType.QInt8)
            finally:
                root.setLevel(level)

        _write_atomically(target, int8_file)
        log.info("embedding model quantised to int8: %s", target)
    return target


def is_exported(directory: Path) -> bool:
    try:
        return bool(json.loads((directory / MANIFEST).read_text()).get("format") == EXPORT_FORMAT)
    except (OSError, ValueError):
        return False


class OnnxSentenceModel:
    """The part of SentenceTransformer the embedder uses, on ONNX Runtime and tokenizers only."""

    def __init__(self, model: str, *, int8: bool, cache_dir: Path) -> None:
        directory = export_dir(model, cache_dir)
        if not is_exported(directory):
            try:
                directory.parent.mkdir(parents=True, exist_ok=True)
                with open(directory.with_suffix(".lock"), "w") as lock:  # nodes starting together export once
                    fcntl.flock(lock, fcntl.LOCK_EX)
                    if not is_exported(directory):
                        log.info("exporting the embedding model %s to ONNX once (a few seconds) ...", model)
                        export(model, directory)
            except OSError as exc:
                raise RuntimeError(f"the embedding model cannot be exported to {directory} ({exc}); set KB_CACHE_DIR to a "
                                   "writable folder, or KB_EMBED_BACKEND=torch") from exc
        from tokenizers import Tokenizer

        manifest = json.loads((directory / MANIFEST).read_text())
        self.path = quantize(directory) if int8 else directory / "model.onnx"
        self.dimension = int(manifest["dimension"])
        self.inputs = list(manifest["inputs"])
        self.tokenizer = Tokenizer.from_file(str(directory / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_length=int(manifest["max_length"]))
        self.tokenizer.enable_padding(pad_id=int(manifest["pad_id"]), pad_token=str(manifest["pad_token"]))
        self.vocab: dict[str, int] = self.tokenizer.get_vocab()
        self._sessions: dict[int, Any] = {}
        self._lock = threading.Lock()

    def get_sentence_embedding_dimension(self) -> int:
        return self.dimension

    def session(self, threads: int) -> Any:
        """One inference session per thread count (a query runs on one thread, batches on more)."""
        with self._lock:
            if threads not in self._sessions:
                import onnxruntime as ort

                options = ort.SessionOptions()
                options.intra_op_num_threads = threads
                options.inter_op_num_threads = 1
                self._sessions[threads] = ort.InferenceSession(str(self.path), options, providers=["CPUExecutionProvider"])
            return self._sessions[threads]

    def encode(self, texts: list[str], batch_size: int = 64, threads: int = 1) -> np.ndarray:
        """Normalised mean-pooled vectors; texts sorted by length so batches pad little."""
        session = self.session(threads)
        out = []
        order = np.argsort([-len(t) for t in texts], kind="stable")
        for start in range(0, len(texts), batch_size):
            encodings = self.tokenizer.encode_batch([texts[i] for i in order[start:start + batch_size]])
            feed = {
                "input_ids": np.asarray([e.ids for e in encodings], dtype=np.int64),
                "attention_mask": np.asarray([e.attention_mask for e in encodings], dtype=np.int64),
                "token_type_ids": np.asarray([e.type_ids for e in encodings], dtype=np.int64),
            }
            hidden = session.run(None, {name: feed[name] for name in self.inputs})[0]
            mask = feed["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(1) / np.clip(mask.sum(1), 1e-9, None)
            out.append(pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None))
        vectors = np.vstack(out).astype(np.float32)
        result = np.empty_like(vectors)
        result[order] = vectors
        return result
