"""Compare the embedding models on the dev set and in speed: the measurement behind the default.

    .venv/bin/python bench/search_models.py                 # use and e5 (and MiniLM/ONNX if the extra is installed)
    .venv/bin/python bench/search_models.py --backends use

For each backend a node holding the seed projects is indexed with it; then ``kb eval``'s figures
on the dev set (dense alone and hybrid, nDCG@10, overall and per query kind), the model's batch
throughput on the index's own texts (one thread; e5 also on two), its query encoding time, and the
index time of the seed catalogue. The check set is deliberately not used here (it is reported once,
after tuning).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from kb.cli.node import seed_node  # noqa: E402
from kb.config import Settings  # noqa: E402
from kb.node import Node  # noqa: E402
from kb.search.embedder import Embedder  # noqa: E402
from kb.search.evaluation import evaluate, load_queries  # noqa: E402

DEV = Path(__file__).with_name("search_queries.json")  # its dev split (the 49 November queries are part of it)


def rate(embedder: Embedder, texts: list[str], threads: int) -> tuple[float, float]:
    """(texts per second, texts per CPU-second of this process): the second is what an idle core
    would do, the first what this machine did under its load at the time."""
    embedder.threads = threads
    embedder.encode(texts[:4])
    started, cpu = time.perf_counter(), time.process_time()
    embedder.encode(texts)
    return len(texts) / (time.perf_counter() - started), len(texts) / (time.process_time() - cpu)


def measure(backend: str, sample: int) -> None:
    with tempfile.TemporaryDirectory(prefix="kb-models-") as tmp:
        node = Node(Settings(data_dir=Path(tmp), port=0, search_enabled=True, sync_interval=0, embed_backend=backend))  # type: ignore[call-arg]
        try:
            seed_node(node)
            service = node.search
            service.embedder.encode_query("warm")
            started = time.perf_counter()
            service.reindex_now(force=True)
            index_s = time.perf_counter() - started
            ix = service.indexer
            titles = {d.iri: d.title for d in ix.view.docs.values()}
            report = evaluate(load_queries(DEV, "dev"), lambda q, m: [h.id for h in service.search(q, limit=10, include_network=True, method=m,
                                                                                              with_facets=False).results],
                              titles, methods=("dense", "hybrid"))
            texts = [d.dense_text for d in ix.docs.values()][:sample]
            rates = {1: rate(service.embedder, texts, 1)}
            if backend == "e5":
                rates[2] = rate(service.embedder, texts, 2)
            times = []
            for q in load_queries(DEV, "dev"):
                t = time.perf_counter()
                service.embedder.encode_query(q.query)
                times.append((time.perf_counter() - t) * 1000)
            kinds = " ".join(f"{k} {v['dense']['ndcg']:.3f}/{v['hybrid']['ndcg']:.3f}" for k, v in sorted(report.by_kind.items()))
            print(f"{service.embedder.identity}: dev nDCG@10 dense {report.methods['dense']['ndcg']:.3f}, hybrid "
                  f"{report.methods['hybrid']['ndcg']:.3f} (dense/hybrid by kind: {kinds}); "
                  + ", ".join(f"{r:.1f} texts/s ({c:.1f} per CPU-second) on {t} thread(s)" for t, (r, c) in rates.items())
                  + f" ({len(texts)} texts of {np.mean([len(t) for t in texts]):.0f} characters); query p50 "
                  f"{np.percentile(times, 50):.1f} ms; seed index ({len(ix.docs)} records) {index_s:.1f} s", flush=True)
        finally:
            node.close()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backends", default="use,e5,onnx")
    parser.add_argument("--sample", type=int, default=100, help="texts for the throughput figure")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    for backend in args.backends.split(","):
        if backend in ("onnx", "onnx-int8", "torch"):
            try:
                import sentence_transformers  # noqa: F401
            except ImportError:
                print(f"{backend}: skipped, the sentence-transformers extra is not installed")
                continue
        measure(backend, args.sample)


if __name__ == "__main__":
    main()
