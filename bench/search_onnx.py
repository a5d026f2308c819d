"""Evaluate an ONNX Runtime backend (fp32 and dynamic int8) for the embedding model.

Uses :mod:`kb.search.onnx` (``torch.onnx.export``, ``onnxruntime.quantization.quantize_dynamic``;
sentence-transformers' own ONNX backend needs optimum-onnx, which pins transformers < 4.58) and
measures, against the torch model on the same texts, all on one thread:

- throughput (texts/s, batch 64, the texts the index embeds),
- fidelity (cosine between torch and ONNX vectors),
- quality (dense-only and hybrid nDCG@10 on the dev set, index rebuilt with each backend).

Needs the ``onnx`` extra (onnxruntime, onnx); to keep the project venv unchanged, a side venv::

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

from kb.cli.node import seed_node  # noqa: E402
from kb.config import Settings  # noqa: E402
from kb.node import Node  # noqa: E402
from kb.search.evaluation import evaluate, load_queries  # noqa: E402
from kb.search.onnx import OnnxSentenceModel  # noqa: E402

DEV = Path(__file__).with_name("search_dev_queries.json")


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
        os.environ["KB_CACHE_DIR"] = tmp
        torch_encode = service.embedder.encode
        reference = torch_encode(texts[:400])
        rows = []
        encoders = {"onnx-fp32": OnnxSentenceModel(st, "bench", quantize=False), "onnx-int8": OnnxSentenceModel(st, "bench", quantize=True)}
        for name in ("torch", "onnx-fp32", "onnx-int8"):
            encoder = encoders.get(name)
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
