"""Issue 3 acceptance, timed: a project created on a municipal node of `kb demo` reaches the Hessian
node (two hops: municipal → NRW aggregator → Hessian aggregator), verified, and so does its withdrawal.

    .venv/bin/python bench/demo_propagation.py [--rounds 3]

Starts the real demo (six HTTP servers in one process, search on, sync interval 30 s) on a free
block of ports and prints the demo's start time and, per round, the seconds until the new record
and then its tombstone are visible on the Hessian node.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.conftest import HELLWEG  # noqa: E402
from tests.e2e.test_demo import free_block  # noqa: E402


def until(check, timeout: float = 60) -> float:  # type: ignore[no-untyped-def]
    started = time.monotonic()
    while not check():
        if time.monotonic() - started > timeout:
            raise TimeoutError("not reached within the timeout")
        time.sleep(0.05)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    base = free_block()
    with tempfile.TemporaryDirectory(prefix="kb-demo-bench-") as tmp:
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "kb.cli", "demo", "--data-dir", tmp, "--base-port", str(base)], cwd=REPO,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env={**os.environ, "KB_LOG_LEVEL": "WARNING"})
        try:
            assert proc.stdout is not None
            while b"Strg+C" not in proc.stdout.readline():
                if proc.poll() is not None:
                    raise RuntimeError("kb demo ended before it was ready")
            print(f"kb demo ready (seed data loaded, everything synced) after {time.monotonic() - started:.1f} s")
            token = (Path(tmp) / "admin-token").read_text().strip()
            municipal, hessen = f"http://127.0.0.1:{base}", f"http://127.0.0.1:{base + 5}"
            arrivals, withdrawals = [], []
            with httpx.Client(headers={"Authorization": f"Bearer {token}"}, timeout=30) as c:
                for i in range(args.rounds):
                    t = time.monotonic()
                    created = c.post(f"{municipal}/api/projects", json={**HELLWEG, "title": f"Messung der Ausbreitung {i}"}).json()
                    url = f"{hessen}/api/projects/{created['id']}"

                    def status(url: str = url) -> int:
                        return c.get(url, headers={"Accept": "application/json"}).status_code

                    until(lambda: status() == 200)
                    arrivals.append(time.monotonic() - t)
                    verified = c.get(url, headers={"Accept": "application/json"}).json()["provenance"]["verified"]
                    t = time.monotonic()
                    c.delete(f"{municipal}/api/projects/{created['key']}").raise_for_status()
                    until(lambda: status() == 410)
                    withdrawals.append(time.monotonic() - t)
                    print(f"round {i + 1}: on the Hessian node after {arrivals[-1]:.2f} s (signature verified: {verified}), "
                          f"withdrawal after {withdrawals[-1]:.2f} s")
            print(f"median: new record {statistics.median(arrivals):.2f} s, withdrawal {statistics.median(withdrawals):.2f} s "
                  f"(sync interval 30 s; push hints trigger the pulls)")
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    main()
