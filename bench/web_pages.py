"""Issue 5 bench: latency of the web pages at 10,000 projects, warm, over loopback.

    .venv/bin/python bench/web_pages.py [--records 10000]

Imports generated projects with `kb import`, starts `kb serve` with search on, waits until the
search index holds every record, then requests each page repeatedly (target p95 < 300 ms).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.generated import generate  # noqa: E402
from bench.node_import import percentile  # noqa: E402
from kb.ontology.register import Register  # noqa: E402
from tests.e2e.processes import NodeProcess  # noqa: E402

QUERIES = ["gemeinsames Standesamt", "Lohnabrechnung mit Nachbargemeinden", "Winterdienst Bauhof", "shared procurement office",
           "Klimaschutzmanager Wärmeplanung", "Vollstreckung Kasse", "Geodaten", "Bibliotheksverbund Ausleihe"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kb-bench-web-"))
    register = Register.load()
    projects = generate(args.records, register)
    source = work / "projects.jsonl"
    source.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in projects), encoding="utf-8")
    node = NodeProcess(work / "node", env={"KB_SEARCH_ENABLED": "true"})
    env = {**os.environ, "KB_DATA_DIR": str(node.data_dir), "KB_BASE_URL": node.url, "KB_SEARCH_ENABLED": "false"}
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kb.cli", "import", str(source)], env=env, check=True, capture_output=True, cwd=REPO)
    print(f"imported {args.records} records in {time.perf_counter() - started:.0f} s")
    node.start(timeout=600)
    try:
        started = time.perf_counter()
        with httpx.Client(base_url=node.url, timeout=60) as client:
            while True:
                search = client.get("/.well-known/kb-node").json().get("search", {})
                if search.get("records", 0) >= args.records and search.get("state") == "ready":
                    break
                if time.perf_counter() - started > 3600:
                    raise SystemExit("search index not ready after an hour")
                time.sleep(2)
            print(f"search index ready after {time.perf_counter() - started:.0f} s")
            rng = random.Random(3)
            keys = [p["key"] for p in projects]
            ags = [a for p in projects for a in p["participants"]]
            pages = {
                "start /": lambda: "/",
                "results /suche?q=…": lambda: "/suche?q=" + rng.choice(QUERIES),
                "results with facet": lambda: "/suche?q=" + rng.choice(QUERIES) + "&state=NW",
                "project /projects/{key}": lambda: f"/projects/{rng.choice(keys)}",
                "inventory /bestandsaufnahme": lambda: "/bestandsaufnahme",
                "inventory NW": lambda: "/bestandsaufnahme?state=NW",
                "municipality /gemeinde/{ags}": lambda: f"/gemeinde/{rng.choice(ags)}",
            }
            headers = {"Accept": "text/html"}
            for name, path in pages.items():
                for _ in range(5):
                    client.get(path(), headers=headers)
                times = []
                for _ in range(args.rounds):
                    t = time.perf_counter()
                    response = client.get(path(), headers=headers)
                    times.append((time.perf_counter() - t) * 1000)
                    assert response.status_code == 200, (name, response.status_code)
                print(f"{name:32s} p50 {statistics.median(times):6.1f} ms   p95 {percentile(times, 95):6.1f} ms")
    finally:
        node.stop()


if __name__ == "__main__":
    main()
