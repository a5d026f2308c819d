"""Compare the embedding backends: torch, ONNX Runtime fp32 (the default) and ONNX int8.

    .venv/bin/python bench/search_onnx.py

Measures, on the same texts (the dense texts of the seed index, ×4), all on one thread:

- throughput (texts/s, batch 64),
- fidelity (mean cosine between each backend's vectors and torch's),
- quality (dense-only and hybrid nDCG@10 on the dev and check sets, index rebuilt per backend),
- start-up: seconds for a fresh process to load the backend and encode one query (export cached).
"""

from __future__ import annotations

import logging
import os
import subprocess
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
from kb.config import Settings, default_embed_model  # noqa: E402
from kb.node import Node  # noqa: E402
from kb.search.embedder import Embedder  # noqa: E402
from kb.search.evaluation import evaluate, load_queries  # noqa: E402

SETS = {name: Path(__file__).with_name(f"search_{name}_queries.json") for name in ("dev", "check")}
BACKENDS = ("torch", "onnx", "onnx-int8")
START = ("import time; t = time.perf_counter(); from kb.search.embedder import Embedder; "
         "from kb.config import default_embed_model; Embedder(default_embed_model(), backend={backend!r}).encode_query('Bauhof'); "
         "print(time.perf_counter() - t)")


def quality(service: Any, titles: dict[str, str], queries: Path) -> dict[str, float]:
    report = evaluate(load_queries(queries), lambda q, m: [h.id for h in service.search(q, limit=10, include_network=True, method=m,
                                                                                          with_facets=False).results], titles)
    return {m: v["ndcg"] for m, v in report.methods.items()}


def start_seconds(backend: str) -> float:
    Embedder(default_embed_model(), backend=backend).encode_query("Bauhof")  # export once, outside the timing
    runs = [float(subprocess.run([sys.executable, "-c", START.format(backend=backend)], capture_output=True, text=True,
                                 check=True).stdout.split()[-1]) for _ in range(3)]
    return float(np.median(runs))


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    try:
        import sentence_transformers  # noqa: F401
    except ImportError:
        print("skipped: the sentence-transformers extra is not installed (make setup-sentence-transformers)")
        return
    with tempfile.TemporaryDirectory(prefix="kb-onnx-") as tmp:
        node = Node(Settings(data_dir=Path(tmp) / "node", port=0, search_enabled=True, sync_interval=0,  # type: ignore[call-arg]
                             embed_backend="onnx"))
        seed_node(node)
        service = node.extensions["search"]
        service.reindex_now()
        ix = service.indexer
        titles = {d.iri: d.title for d in ix.view.docs.values()}
        texts = [d.dense_text for d in ix.docs.values()] * 4
        own = service.embedder
        reference = Embedder(default_embed_model(), backend="torch").encode(texts[:400])
        rows = []
        for backend in BACKENDS:
            embedder = Embedder(default_embed_model(), backend=backend)
            encode = embedder.encode
            encode(texts[:64])
            started = time.perf_counter()
            vectors = encode(texts)
            rate = len(texts) / (time.perf_counter() - started)
            fidelity = float(np.mean(np.sum(vectors[:400] * reference, axis=1)))
            service.embedder = ix.embedder = embedder  # documents and queries both
            service.reindex_now(force=True)
            scores = {name: quality(service, titles, path) for name, path in SETS.items()}
            rows.append((backend, rate, fidelity, scores, start_seconds(backend)))
        service.embedder = ix.embedder = own
        node.close()
    print(f"{'backend':<10} {'texts/s':>8} {'cos to torch':>13} {'dev dense':>10} {'dev hybrid':>11} "
          f"{'check dense':>12} {'check hybrid':>13} {'start s':>8}")
    for backend, rate, fidelity, q, start in rows:
        print(f"{backend:<10} {rate:>8.0f} {fidelity:>13.4f} {q['dev']['dense']:>10.3f} {q['dev']['hybrid']:>11.3f} "
              f"{q['check']['dense']:>12.3f} {q['check']['hybrid']:>13.3f} {start:>8.2f}")


if __name__ == "__main__":
    main()
