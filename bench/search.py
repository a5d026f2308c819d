"""Search benchmarks: indexing throughput, restart, latency at 10k and 100k, memory, HNSW recall.

    .venv/bin/python bench/search.py                  # full run with the default model (about 15 minutes on 2 cores)
    .venv/bin/python bench/search.py --quick          # 2,000 records only
    .venv/bin/python bench/search.py --throughput-only   # the indexing figures at 10,000 records (about 6 minutes)
    .venv/bin/python bench/search.py --backend e5 --records 500 --quick   # another embedding backend

Prints one line per figure. The indexed records are generated, with the description, outcomes,
lessons and transferability of a seed record added to each, so they are as long as real ones
(the model's cost grows with the text). The 100k index is filled with generated documents and
vectors (perturbed real embeddings); queries take the real path (analyser, BM25, embedding, fusion).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import faiss  # noqa: E402
import numpy as np  # noqa: E402

from bench.generated import generate  # noqa: E402
from kb.auth import Principal  # noqa: E402
from kb.config import Settings  # noqa: E402
from kb.node import Node, shared_register  # noqa: E402
from kb.search.documents import SearchDocument  # noqa: E402
from kb.search.evaluation import load_queries  # noqa: E402

ADMIN = Principal("admin", "bench", "Bench")
QUERIES = [q.query for q in load_queries(Path(__file__).with_name("search_queries.json"), "dev")]


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


BACKEND = os.environ.get("KB_EMBED_BACKEND", "use")


def node_on(path: Path, **overrides: object) -> Node:
    """A node with search; HNSW off here so no background build skews the exact-search figures."""
    return Node(Settings(data_dir=path, port=0, search_enabled=True, sync_interval=0, hnsw_threshold=10**9,  # type: ignore[arg-type]
                         embed_backend=BACKEND, **overrides))


SEED_TEXTS = [{k: p[k] for k in ("description", "outcomes", "lessonsLearned", "transferability") if p.get(k)}
              for f in sorted((Path(__file__).resolve().parents[1] / "seed_data" / "projects").glob("*.jsonl"))
              for p in (json.loads(line) for line in f.read_text(encoding="utf-8").splitlines() if line.strip())]


def as_long_as_real(projects: list[dict[str, object]]) -> list[dict[str, object]]:
    """Generated projects with a seed project's texts added: real records' length, varied content."""
    for i, p in enumerate(projects):
        texts = SEED_TEXTS[i % len(SEED_TEXTS)]
        p.update(texts, description=f"{p['description']} {texts.get('description', '')}".strip())
    return projects


def import_generated(node: Node, n: int, seed: int) -> float:
    started = time.perf_counter()
    projects = as_long_as_real(list(generate(n, shared_register(), seed=seed)))
    report = node.publisher.import_items(ADMIN, ((p["key"], p) for p in projects))
    assert not report.failed, report.failed[:3]
    return time.perf_counter() - started


def latency(service: object, rounds: int = 3, **kwargs: object) -> tuple[float, float]:
    times = []
    for q in QUERIES[:5]:
        service.search(q)  # type: ignore[attr-defined]  # warm
    for _ in range(rounds):
        for q in QUERIES:
            started = time.perf_counter()
            service.search(q, **kwargs)  # type: ignore[attr-defined]
            times.append((time.perf_counter() - started) * 1000)
    return float(np.percentile(times, 50)), float(np.percentile(times, 95))


THROUGHPUT = """
import os, sys, time
sys.path.insert(0, {repo!r})
from pathlib import Path
import numpy as np
from kb.config import Settings
from kb.node import Node
from kb.search.indexer import EMBED_CHUNK_BATCHES
node = Node(Settings(data_dir=Path({data!r}), port=0, search_enabled=True, sync_interval=0, hnsw_threshold=10**9,
                     embed_backend={backend!r}))
service = node.search
ix = service.indexer
texts = [ix.document(iri, node.catalog.get(iri)).dense_text for iri in node.catalog.iter_live_records(include_network=True)]
model = service.embedder
model.encode(texts[:16])


def raw_seconds(part):
    size = model.batch_size * EMBED_CHUNK_BATCHES  # the indexer's chunks
    started = time.perf_counter()
    for start in range(0, len(part), size):
        model.encode(part[start:start + size])
    return time.perf_counter() - started


half = len(texts) // 2
load_before = os.getloadavg()[0]
before = raw_seconds(texts[:half])
started, cpu = time.perf_counter(), time.process_time()
service.reindex_now(force=True)
elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
after = raw_seconds(texts[half:])
raw = len(texts) / (before + after)
pipeline = len(texts) / elapsed
print(f"model {{model.identity}}: batch encoding {{raw:.1f}} texts/s (first half {{half / before:.1f}}, second half "
      f"{{(len(texts) - half) / after:.1f}}; batch {{model.batch_size}}, {{model.threads}} thread(s), {{os.cpu_count()}} cores; "
      f"{{np.mean([len(t) for t in texts]):.0f}} characters a text)")
print(f"indexing pipeline (store read, documents, embedding, FAISS, BM25, save): {{pipeline:.1f}} records/s "
      f"= {{100 * pipeline / raw:.0f}} % of the model's own throughput on the same texts ({{elapsed:.1f}} s for "
      f"{{len(texts)}} records, {{cpu:.1f}} s of CPU time in this process; load average {{load_before:.1f}} before, "
      f"{{os.getloadavg()[0]:.1f}} after)")
node.close()
"""


def throughput(tmp: Path, n: int) -> Node:
    """Indexing throughput against the model's own, on the same texts in the same run.

    The raw rate is the model encoding exactly the texts the pipeline embeds, in the indexer's
    chunks, in one thread with nothing beside it: the first half just before the pipeline, the
    second half just after (so a change in the machine's load during the run falls on both sides).
    The pipeline is ``kb reindex --force``'s path: store read, documents, embedding, FAISS, BM25,
    "Meinten Sie", save. Like ``kb reindex`` it runs in a process of its own, after the import, not
    in the process that has just imported the records and keeps their heap. (Until 2026-12-07 the raw rate came from every 4th text,
    encoded in one call.)
    """
    import subprocess

    node = node_on(tmp)
    print(f"import of {n} generated projects (as long as the seed projects): {import_generated(node, n, 7):.1f} s")
    node.close()
    code = THROUGHPUT.format(repo=str(Path(__file__).resolve().parents[1]), data=str(tmp), backend=BACKEND)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=7200)
    print(done.stdout.strip() or done.stderr.strip()[-2000:])
    return node_on(tmp)


def restart(tmp: Path, node: Node, n: int) -> Node:
    service = node.search
    have = node.catalog.count()
    if n > have:
        import_generated(node, n - have, 11)
        started = time.perf_counter()
        service.reindex_now()
        print(f"indexed {n - have} more records in {time.perf_counter() - started:.1f} s")
    node.close()
    started = time.perf_counter()
    again = node_on(tmp)
    again.start()
    assert again.search.wait_until_current(600)
    p = again.search.indexer.progress
    print(f"restart with an unchanged catalogue of {len(again.search.indexer.view)} records: "
          f"{time.perf_counter() - started:.2f} s to searchable, {p.embedded} re-embedded (in-process: libraries already imported)")
    again.close()
    print(fresh_process_restart(tmp))
    again = node_on(tmp)
    again.start()
    assert again.search.wait_until_current(600)
    faiss.omp_set_num_threads(1)
    p50, p95 = latency(again.search)
    print(f"search latency at {len(again.search.indexer.view)} records (warm, hybrid, facets): "
          f"p50 {p50:.1f} ms, p95 {p95:.1f} ms")
    return again


FRESH = """
import time, sys
started = time.perf_counter()
sys.path.insert(0, {repo!r})
from kb.config import Settings
from kb.node import Node
node = Node(Settings(data_dir={data!r}, port=0, search_enabled=True, sync_interval=0, embed_backend={backend!r}))
node.start()
service = node.search
while service.indexer.lexical is None or not len(service.indexer.view):
    time.sleep(0.01)
first = time.perf_counter() - started
hits = len(service.search("gemeinsames Standesamt", method="lexical").results)
assert service.wait_until_current(600)
semantic = service.search("shared procurement office", method="dense").results
ready = time.perf_counter() - started
import resource
print(f"restart in a fresh process (imports included): lexical search answers after {{first:.2f}} s ({{hits}} hits), "
      f"semantic search after {{ready:.2f}} s ({{len(semantic)}} hits), {{service.indexer.progress.embedded}} re-embedded, "
      f"torch imported: {{'torch' in sys.modules}}, peak RSS {{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f}} MB "
      f"at {{len(service.indexer.view)}} records")
node.close()
"""


def fresh_process_restart(tmp: Path) -> str:
    import subprocess

    code = FRESH.format(repo=str(Path(__file__).resolve().parents[1]), data=str(tmp), backend=BACKEND)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600)
    return done.stdout.strip() or done.stderr.strip()[-2000:]


def fill(node: Node, total: int) -> None:
    """Add generated documents and perturbed real vectors up to ``total`` records (no store, no embedding)."""
    ix = node.search.indexer
    if total <= len(ix.docs):
        return
    rng = np.random.default_rng(3)
    base_ids = np.asarray(sorted(ix.docs), dtype=np.int64)
    base = np.vstack([ix.vectors.vector(int(i)) for i in base_ids])
    projects = generate(total - len(ix.docs), shared_register(), seed=23)
    new_ids = np.arange(ix.next_id, ix.next_id + len(projects), dtype=np.int64)
    vectors = base[rng.integers(0, len(base), len(projects))] + rng.normal(0, 0.04, (len(projects), base.shape[1]))
    vectors = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)
    for i, p in zip(new_ids.tolist(), projects, strict=True):
        ix.docs[i] = SearchDocument(iri=f"https://bench.example/projects/{p['key']}", content_hash=p["key"], title=p["title"],
                                    dense_text="", lexical_text=f"{p['title']}\n{' '.join(p['keywords'])}\n{p['description']}",
                                    origin="https://bench.example/node", task_areas=p["taskAreas"], legal_form=p["legalForm"],
                                    status=p["status"], state=p["state"], illustrative=True)
    ix.vectors.upsert(new_ids, vectors)
    ix.next_id += len(projects)
    started = time.perf_counter()
    ix._publish(rebuild_lexical=True)
    print(f"filled to {len(ix.docs)} records (view and BM25 rebuilt in {time.perf_counter() - started:.1f} s)")


def hnsw_recall(node: Node, queries: int = 300) -> None:
    ix = node.search.indexer
    vectors = ix.vectors
    vectors.hnsw_threshold = 50_000  # the default KB_HNSW_THRESHOLD
    started = time.perf_counter()
    vectors.build_hnsw()
    print(f"HNSW build over {len(vectors)} vectors: {time.perf_counter() - started:.1f} s")
    rng = np.random.default_rng(5)
    qs = [node.search.embedder.encode_query(q) for q in QUERIES]
    ids = vectors.ids()
    qs += [vectors.vector(int(i)) + rng.normal(0, 0.05, vectors.dimension) for i in rng.choice(ids, queries - len(qs))]
    hits, tied, approx_ms, exact_ms = 0, 0, [], []
    for q in qs:
        q = (q / np.linalg.norm(q)).astype(np.float32)
        t = time.perf_counter()
        exact, exact_scores = vectors.search(q, 10, exact=True)
        exact_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        approx, approx_scores = vectors.search(q, 10)
        approx_ms.append((time.perf_counter() - t) * 1000)
        hits += len(set(exact.tolist()) & set(approx.tolist()))
        tied += int(np.sum(approx_scores >= exact_scores[-1] - 1e-5))
    print(f"HNSW recall@10 vs exact at {len(vectors)} vectors: {hits / (10 * len(qs)):.3f} by id, "
          f"{tied / (10 * len(qs)):.3f} counting ties at the 10th score "
          f"(HNSW p50 {np.percentile(approx_ms, 50):.2f} ms, flat p50 {np.percentile(exact_ms, 50):.2f} ms, one thread)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--large", type=int, default=100_000)
    parser.add_argument("--records", type=int, default=10_000, help="records indexed with the real model (default 10,000)")
    parser.add_argument("--throughput-only", action="store_true", help="only the indexing figures, at --records")
    parser.add_argument("--backend", default=None, help="embedding backend (default: KB_EMBED_BACKEND or use)")
    args = parser.parse_args()
    global BACKEND
    BACKEND = args.backend or BACKEND
    logging.basicConfig(level=logging.WARNING)
    with tempfile.TemporaryDirectory(prefix="kb-search-bench-") as tmp:
        node = throughput(Path(tmp), 2000 if args.quick else args.records)
        if args.quick or args.throughput_only:
            node.close()
            return
        node = restart(Path(tmp), node, args.records)
        fill(node, args.large)
        faiss.omp_set_num_threads(1)
        p50, p95 = latency(node.search)
        print(f"search latency at {args.large} records, exact flat (warm, hybrid, facets): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        hnsw_recall(node)
        p50, p95 = latency(node.search)
        print(f"search latency at {args.large} records with HNSW (warm, hybrid, facets): p50 {p50:.1f} ms, p95 {p95:.1f} ms")
        print(f"peak memory (RSS) of the process: {rss_mb():.0f} MB")
        node.close()


if __name__ == "__main__":
    main()
