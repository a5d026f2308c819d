"""A node's first full indexing, measured the way an operator meets it: ``kb serve`` on a catalogue
with no search index yet, in a fresh process, until every record is searchable by meaning.

    .venv/bin/python bench/search_first_index.py DATA_DIR

DATA_DIR is a node's data directory with a saved search index (e.g. one that ``bench/search.py``
filled); it is copied without its ``search`` folder, so the node builds the index from the store
as on its first start (or after a model change). The copy is deleted afterwards.

It prints the seconds from ``exec`` to "every record searchable" (``/api/search/status`` ready with
every record), the server's CPU seconds, and its **peak resident memory** (``VmHWM``): the figure
of issue 14's target "a node with 10,000 records stays < 1 GB resident" at its most demanding
moment, the first indexing (a restart with a saved index peaks far lower: ``search_restart.py``).
While it indexes, a dense search is sent every 5 s, as a user of the node would.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

from search_restart import QUERY, REPO, cpu_seconds, free_port, get, loadavg, peak_rss_mb, saved_index, stop_server


def first_index(data_dir: Path, records: int, base_url: str, timeout: float = 1800.0) -> dict[str, float]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    dense = f"{base}/api/search?" + urllib.parse.urlencode({"q": QUERY, "method": "dense"})
    cmd = [sys.executable, "-m", "kb.cli", "serve", "--data-dir", str(data_dir), "--port", str(port), "--base-url", base_url]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO), "KB_LOG_LEVEL": "WARNING"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    out: dict[str, float] = {"searches": 0}
    last_search = 0.0
    try:
        while time.perf_counter() - started < timeout:
            if proc.poll() is not None:
                raise RuntimeError(f"kb serve exited: {proc.stderr.read().decode(errors='replace')[-2000:]}")  # type: ignore[union-attr]
            status = get(f"{base}/api/search/status")
            now = time.perf_counter()
            if status is not None and status.get("state") == "ready" and status.get("records") == records:
                out["ready"] = now - started
                out["cpu"] = cpu_seconds(proc.pid)
                out["rss"] = peak_rss_mb(proc.pid)
                break
            if status is not None and now - last_search >= 5.0:
                get(dense)
                out["searches"] += 1
                last_search = now
            time.sleep(0.2)
        else:
            raise RuntimeError(f"not indexed within {timeout} s")
    finally:
        stop_server(proc, 60)  # the first save of a 10,000-record index takes a moment
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    args = parser.parse_args()
    records, base_url = saved_index(args.data_dir)
    with tempfile.TemporaryDirectory(prefix="kb-first-index-") as tmp:
        copy = Path(tmp) / "node"
        shutil.copytree(args.data_dir, copy, ignore=shutil.ignore_patterns("search"))
        print(f"{records} records, no search index; load average before: {loadavg()}")
        r = first_index(copy, records, base_url)
    print(f"first indexing in a fresh `kb serve`: every record searchable after {r['ready']:.1f} s, "
          f"{r['cpu']:.1f} CPU s, peak RSS {r['rss']:.0f} MB ({r['searches']:.0f} searches meanwhile); "
          f"load average after: {loadavg()}")


if __name__ == "__main__":
    main()
