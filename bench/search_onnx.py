"""Evaluate an ONNX Runtime backend (fp32 and dynamic int8) for the embedding model.

sentence-transformers' own ``backend="onnx"`` needs optimum-onnx, which pins transformers < 4.58
(this project runs transformers 5); so this script exports the MiniLM transformer with
``torch.onnx.export``, quantises it with ``onnxruntime.quantization.quantize_dynamic`` and
measures, against the torch model on the same texts:

- throughput (texts/s, batch 64, the texts the index embeds),
- fidelity (cosine between torch and ONNX vectors),
- quality (dense-only and hybrid nDCG@10 on the dev set, index rebuilt with each backend).

Needs ``onnxruntime`` and ``onnx`` (not project dependencies)::

    python -m venv /tmp/ortvenv && /tmp/ortvenv/bin/pip install onnxruntime onnx
    echo /work/main/.venv/lib/python3.11/site-packages > /tmp/ortvenv/lib/python3.11/site-packages/kb.pth
    echo /work/main > /tmp/ortvenv/lib/python3.11/site-packages/kb-src.pth
    /tmp/ortvenv/bin/python bench/search_onnx.py
"""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import onnxruntime as ort  # noqa: E402
import torch  # noqa: E402
from onnxruntime.quantization import QuantType, quantize_dynamic  # noqa: E402

from kb.cli.node import seed_node  # noqa: E402
from kb.config import Settings  # noqa: E402
from kb.node import Node  # noqa: E402
from kb.search.evaluation import evaluate, load_queries  # noqa: E402

DEV = Path(__file__).with_name("search_dev_queries.json")


class OrtEncoder:
    """Mean pooling + L2 normalisation over an ONNX export of the transformer, like the model's own modules."""

    def __init__(self, st_model: Any, path: Path) -> None:
        self.tokenizer = st_model.tokenizer
        self.max_length = st_model.max_seq_length
        options = ort.SessionOptions()
        options.intra_op_num_threads = os.cpu_count() or 1
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.inputs = {i.name for i in self.session.get_inputs()}

    def encode(self, texts: list[str], batch_size: int = 64) -> np.ndarray:
        out = []
        for start in range(0, len(texts), batch_size):
            enc = self.tokenizer(texts[start:start + batch_size], padding=True, truncation=True, max_length=self.max_length,
                                 return_tensors="np")
            feeds = {k: v.astype(np.int64) for k, v in enc.items() if k in self.inputs}
            hidden = self.session.run(None, feeds)[0]
            mask = enc["attention_mask"][..., None].astype(np.float32)
            pooled = (hidden * mask).sum(1) / np.clip(mask.sum(1), 1e-9, None)
            out.append(pooled / np.linalg.norm(pooled, axis=1, keepdims=True))
        return np.vstack(out).astype(np.float32)


def export(st_model: Any, directory: Path) -> tuple[Path, Path]:
    transformer = st_model[0].auto_model.eval()
    enc = st_model.tokenizer(["Beispieltext für den Export"], return_tensors="pt")
    names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in enc]
    fp32 = directory / "model.onnx"

    class Wrapper(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.m = transformer

        def forward(self, *args: torch.Tensor) -> torch.Tensor:
            return self.m(**dict(zip(names, args, strict=True))).last_hidden_state  # type: ignore[no-any-return]

    axes = {n: {0: "batch", 1: "seq"} for n in names}
    axes["last_hidden_state"] = {0: "batch", 1: "seq"}
    torch.onnx.export(Wrapper(), tuple(enc[n] for n in names), str(fp32), input_names=names, output_names=["last_hidden_state"],
                      dynamic_axes=axes, opset_version=17, dynamo=False)
    int8 = directory / "model-int8.onnx"
    quantize_dynamic(str(fp32), str(int8), weight_type=QuantType.QInt8)
    return fp32, int8


def quality(service: Any, titles: dict[str, str]) -> dict[str, float]:
    report = evaluate(load_queries(DEV), lambda q, m: [h.id for h in service.search(q, limit=10, include_network=True, method=m,
                                                                                      with_facets=False).results], titles)
    return {m: v["ndcg"] for m, v in report.methods.items()}


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="kb-onnx-") as tmp:
        node = Node(Settings(data_dir=Path(tmp) / "node", port=0, search_enabled=True, sync_interval=0))  # type: ignore[call-arg]
        seed_node(node)
        service = node.extensions["search"]
        service.reindex_now()
        ix = service.indexer
        titles = {d.iri: d.title for d in ix.view.docs.values()}
        texts = [d.dense_text for d in ix.docs.values()] * 4
        st = service.embedder.model
        fp32, int8 = export(st, Path(tmp))
        torch_encode = service.embedder.encode
        reference = torch_encode(texts[:400])
        rows = []
        for name, encoder in (("torch", None), ("onnx-fp32", OrtEncoder(st, fp32)), ("onnx-int8", OrtEncoder(st, int8))):
            encode = torch_encode if encoder is None else encoder.encode
            encode(texts[:64])
            started = time.perf_counter()
            vectors = encode(texts)
            rate = len(texts) / (time.perf_counter() - started)
            fidelity = float(np.mean(np.sum(vectors[:400] * reference, axis=1)))
            service.embedder.encode = encode  # type: ignore[method-assign]
            service.reindex_now(force=True)
            rows.append((name, rate, fidelity, quality(service, titles)))
        service.embedder.encode = torch_encode  # type: ignore[method-assign]
        node.close()
    print(f"{'backend':<10} {'texts/s':>8} {'cos to torch':>13} {'dense nDCG':>11} {'hybrid nDCG':>12}")
    for name, rate, fidelity, q in rows:
        print(f"{name:<10} {rate:>8.0f} {fidelity:>13.4f} {q['dense']:>11.3f} {q['hybrid']:>12.3f}")


if __name__ == "__main__":
    main()
