"""What the store rewrite after an erasure costs, against pyoxigraph's own copy of the same store.

A node rewrites its store after every erasure (``OxigraphCatalog.purge``, docs/decisions.md
"Personal data and erasure"). This imports generated projects with ``kb import``, then in one run:
  - raw: pyoxigraph dumps the store to N-Quads and bulk-loads it into a fresh store (the floor);
  - purge: the catalogue's rewrite of the same store, and the longest time a writer had to wait
    meanwhile (the copy is made from a checkpoint without holding the writer).
Interleaved ``--rounds`` times; prints medians and the ratio.

    .venv/bin/python bench/erasure_purge.py [--records 2000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pyoxigraph import RdfFormat, Store  # noqa: E402

from bench.generated import generate  # noqa: E402
from kb.config import Settings  # noqa: E402
from kb.node import Node  # noqa: E402
from kb.ontology.register import Register  # noqa: E402
from kb.store.generations import active_dir  # noqa: E402


def raw_copy(source_dir: Path, work: Path) -> float:
    """pyoxigraph alone: dump a checkpoint of the store and bulk-load it into a fresh one."""
    target, dump = work / "raw-copy", work / "raw.nq"
    shutil.rmtree(target, ignore_errors=True)
    started = time.perf_counter()
    source = Store.read_only(str(source_dir))
    source.dump(output=str(dump), format=RdfFormat.N_QUADS)
    fresh = Store(str(target))
    fresh.bulk_load(path=str(dump), format=RdfFormat.N_QUADS)
    fresh.flush()
    elapsed = time.perf_counter() - started
    del source, fresh
    dump.unlink()
    shutil.rmtree(target, ignore_errors=True)
    return elapsed


def purge_with_a_writer_waiting(node: Node) -> tuple[float, float]:
    """(seconds of the rewrite, longest wait of a writer that tries every 10 ms meanwhile)."""
    lock = node.catalog._write_lock  # the writer's lock: what a harvest or a publisher would wait for
    done = threading.Event()
    waits: list[float] = []

    def writer() -> None:
        while not done.is_set():
            t = time.perf_counter()
            with lock:
                waits.append(time.perf_counter() - t)
            time.sleep(0.01)

    thread = threading.Thread(target=writer)
    thread.start()
    started = time.perf_counter()
    assert node.catalog.purge()
    elapsed = time.perf_counter() - started
    done.set()
    thread.join()
    return elapsed, max(waits)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=2_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kb-bench-purge-"))
    try:
        source = work / "projects.jsonl"
        projects = generate(args.records, Register.load())
        source.write_text("".join(json.dumps(p, ensure_ascii=False) + "\n" for p in projects), encoding="utf-8")
        data_dir = work / "node"
        env = {**os.environ, "KB_DATA_DIR": str(data_dir), "KB_BASE_URL": "http://127.0.0.1:8999", "KB_SEARCH_ENABLED": "false"}
        subprocess.run([sys.executable, "-m", "kb.cli", "import", str(source)], env=env, check=True, capture_output=True, cwd=REPO)
        node = Node(Settings(data_dir=data_dir, base_url="http://127.0.0.1:8999", search_enabled=False, name="Bench", operator="Bench"))
        quads = len(node.catalog.store)
        raw, purge, waits = [], [], []
        for _ in range(args.rounds):
            checkpoint = work / "checkpoint"
            shutil.rmtree(checkpoint, ignore_errors=True)
            node.catalog.checkpoint(checkpoint)
            raw.append(raw_copy(checkpoint, work))
            shutil.rmtree(checkpoint, ignore_errors=True)
            seconds, wait = purge_with_a_writer_waiting(node)
            purge.append(seconds)
            waits.append(wait)
        assert active_dir(data_dir / "store").name.startswith("store.g")
        node.close()
        r, p = statistics.median(raw), statistics.median(purge)
        print(f"store of {args.records} records ({quads} quads), medians of {args.rounds} interleaved rounds:")
        print(f"  raw pyoxigraph dump + bulk load: {r:.2f} s")
        print(f"  kb purge (rewrite + switch):     {p:.2f} s  = {p / r:.2f} x raw")
        print(f"  longest wait of a writer during the purge: {statistics.median(waits) * 1000:.0f} ms (median over rounds)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
