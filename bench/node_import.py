"""Issue 2 bench: import 10,000 generated projects through `kb import` and the HTTP API;
GET latency at 10,000 records; memory of a node with 10,000 records.

    .venv/bin/python bench/node_import.py [--records 10000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.generated import generate  # noqa: E402
from kb.ontology.register import Register  # noqa: E402
from tests.e2e.processes import NodeProcess  # noqa: E402

TOKEN = "bench-admin-token-long-enough-0123"


def rss_kib(pid: int) -> tuple[int, int]:
    fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--api-records", type=int, default=2_000)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kb-bench-import-"))
    projects = generate(args.records, Register.load())
    source = work / "projects.jsonl"
    source.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in projects), encoding="utf-8")
    env = {**os.environ, "KB_DATA_DIR": str(work / "cli-node"), "KB_BASE_URL": "http://127.0.0.1:8999", "KB_SEARCH_ENABLED": "false"}

    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "kb.cli", "import", str(source)], env=env, capture_output=True, text=True, cwd=REPO)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        print(result.stdout, result.stderr)
        raise SystemExit("import failed")
    triples = int(result.stdout.split(" Tripel")[0].rsplit(" ", 1)[1]) if "Tripel" in result.stdout else 0
    print(f"kb import: {args.records} records in {elapsed:.1f} s = {args.records / elapsed:.0f} records/s, "
          f"{triples / elapsed:.0f} triples/s (incl. process start, SHACL validation, signing)")

    node = NodeProcess(work / "cli-node", port=8999, extra_args=["--no-search"]).start()
    try:
        keys = [p["key"] for p in projects]
        with node.client(token=None) as client:
            for key in keys[:200]:
                client.get(f"/api/projects/{key}")
            latencies = []
            for key in keys[:: max(1, len(keys) // 2000)]:
                t = time.perf_counter()
                response = client.get(f"/api/projects/{key}")
                latencies.append((time.perf_counter() - t) * 1000)
                assert response.status_code == 200
        print(f"GET /api/projects/{{key}} at {args.records} records: p50 {statistics.median(latencies):.1f} ms, "
              f"p95 {percentile(latencies, 95):.1f} ms ({len(latencies)} requests, warm, one client)")
        rss, peak = rss_kib(node.proc.pid)  # type: ignore[union-attr]
        print(f"node with {args.records} records: resident {rss / 1024:.0f} MiB, peak {peak / 1024:.0f} MiB (search off)")
    finally:
        node.stop()

    api_node = NodeProcess(work / "api-node", extra_args=["--no-search"]).start()
    try:
        batch = projects[: args.api_records]
        errors: list[str] = []
        lock = threading.Lock()
        queue = list(batch)

        def worker() -> None:
            with api_node.client() as client:
                while True:
                    with lock:
                        if not queue:
                            return
                        item = queue.pop()
                    body = {k: v for k, v in item.items() if k != "key"}
                    response = client.post("/api/projects", json=body)
                    if response.status_code != 201:
                        errors.append(response.text[:200])

        started = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        print(f"POST /api/projects: {len(batch)} records one by one, 4 clients: {len(batch) / elapsed:.0f} records/s ({len(errors)} errors)")
        with api_node.client(timeout=300) as client:
            rest = [{**p, "key": p["key"] + "-b"} for p in projects[args.api_records: args.api_records * 2]]
            started = time.perf_counter()
            for i in range(0, len(rest), 500):
                assert client.post("/api/import", json=rest[i:i + 500]).status_code == 200
            elapsed = time.perf_counter() - started
        print(f"POST /api/import (batches of 500): {len(rest)} records in {elapsed:.1f} s = {len(rest) / elapsed:.0f} records/s")
    finally:
        api_node.stop()


if __name__ == "__main__":
    main()
