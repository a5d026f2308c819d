"""SPARQL latency over HTTP on a seeded node, optionally interleaved with another revision.

    .venv/bin/python bench/sparql_latency.py [--other-repo /tmp/kb-old] [--requests 50]

Starts ``kb serve --seed`` (search off) from this repository and, with ``--other-repo``, a second
node from that checkout; then sends the same queries to both in turns (A, B, A, B, ...) so the
machine's phases hit both alike, and prints the median latency of each query on each node.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
QUERIES = {
    "COUNT(*)": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    "titles LIMIT 20": "PREFIX dct: <http://purl.org/dc/terms/> SELECT ?s ?t WHERE { ?s dct:title ?t } LIMIT 20",
}
TOKEN = "bench-admin-token-long-enough-0123"


def start(repo: Path, data: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "KB_ADMIN_TOKEN": TOKEN, "KB_SEARCH_ENABLED": "false", "KB_SYNC_INTERVAL": "0", "PYTHONPATH": str(repo)}
    proc = subprocess.Popen([sys.executable, "-m", "kb.cli", "serve", "--seed", "--data-dir", str(data), "--port", str(port)],
                            cwd=repo, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"node from {repo} did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--other-repo", type=Path, default=None)
    parser.add_argument("--requests", type=int, default=50)
    args = parser.parse_args()
    nodes = {"this": REPO, **({"other": args.other_repo.resolve()} if args.other_repo else {})}
    with tempfile.TemporaryDirectory() as tmp:
        procs = {name: start(repo, Path(tmp) / name, 18990 + i) for i, (name, repo) in enumerate(nodes.items())}
        try:
            urls = {name: f"http://127.0.0.1:{18990 + i}/sparql" for i, name in enumerate(nodes)}
            times: dict[tuple[str, str], list[float]] = {(n, q): [] for n in nodes for q in QUERIES}
            with httpx.Client(timeout=60) as client:
                for name in nodes:  # warm-up: worker start, first checkpoint
                    for query in QUERIES.values():
                        client.get(urls[name], params={"query": query}).raise_for_status()
                for _ in range(args.requests):
                    for label, query in QUERIES.items():
                        for name in nodes:
                            started = time.perf_counter()
                            client.get(urls[name], params={"query": query}).raise_for_status()
                            times[(name, label)].append(time.perf_counter() - started)
            for label in QUERIES:
                row = ", ".join(f"{name} {statistics.median(times[(name, label)]) * 1000:.1f} ms" for name in nodes)
                print(f"SPARQL {label}: median of {args.requests}: {row}")
        finally:
            for proc in procs.values():
                proc.terminate()
                proc.wait(timeout=30)


if __name__ == "__main__":
    main()
