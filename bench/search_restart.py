"""A restart with an unchanged search index, measured the way an operator meets it: ``kb serve`` exec'd
in a fresh process, until ``GET /api/search`` answers with the embedding model (not the word-only
fallback) over the whole saved index.

    .venv/bin/python bench/search_restart.py DATA_DIR              # 5 fresh ``kb serve`` processes, medians
    .venv/bin/python bench/search_restart.py DATA_DIR --runs 3 --phases 3

DATA_DIR is a node's data directory with a saved search index, e.g. one that ``bench/search.py``
filled (or ``kb import`` of ``bench/generated.py``'s projects, then ``kb reindex``). A restart with
an unchanged index writes nothing to it; copy it first anyway if it matters.

Per run it prints, counted from the ``exec`` of ``kb serve``:
  http      the first HTTP answer (``/api/search/status``: imports, the node, the app, the server)
  open      the status says the saved index is open with the model (state ready, every record)
  semantic  the first ``/api/search?method=dense`` answer that the model computed: no "the semantic
            part is still starting" note, every hit with a cosine similarity, and the index holding
            every saved record. This is the figure of the target (≤ 5 s).
  cpu       CPU seconds (user + system) the server process had used at that moment: steadier than
            wall time on a shared machine (it cannot show contention for the two cores, only work).
``--phases N`` adds N runs of the same steps in one fresh Python process (what ``kb serve`` does,
without the HTTP server), timed one by one: imports, ``Node()``, ``start()`` with the web application's
imports and ``create_app``, then until the dense query answers.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
QUERY = "shared procurement office"
STARTING_NOTE = "Bedeutungssuche startet noch"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (``/proc/PID/stat``, all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def saved_index(data_dir: Path) -> tuple[int, str]:
    """Records in the saved index, and the base URL the node minted them under (a restart keeps it:
    served under another one, the node would take its own records for a peer's)."""
    manifest = json.loads((data_dir / "search" / "manifest.json").read_text(encoding="utf-8"))
    first = next(iter(manifest["records"]))
    return int(manifest["count"]), first.split("/projects/", 1)[0]


def get(url: str) -> dict[str, object] | None:
    """The JSON of a 200 answer; None while the server is not listening yet."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.loads(response.read())  # type: ignore[no-any-return]
    except (urllib.error.URLError, ConnectionError):
        return None


def is_semantic(answer: dict[str, object], records: int) -> bool:
    """Computed by the embedding model over the whole saved index (not the word-only fallback)."""
    hits = answer.get("results") or []
    notes = " ".join(answer.get("notes") or [])  # type: ignore[arg-type]
    indexed = (answer.get("indexing") or {}).get("records")  # type: ignore[union-attr]
    return (bool(hits) and STARTING_NOTE not in notes and indexed == records
            and all(h["why"].get("semantic") is not None for h in hits))  # type: ignore[index]


def serve_once(data_dir: Path, records: int, base_url: str, timeout: float = 120.0) -> dict[str, float]:
    """One fresh ``kb serve``: seconds from exec to each first answer, CPU seconds at the semantic one.

    It polls the cheap ``/api/search/status`` every 20 ms and sends the dense search once that says
    the index is open (then again until the answer is semantic), so the polling itself does not load
    the server with searches (each one costs it tens of milliseconds of CPU).
    """
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    dense = f"{base}/api/search?" + urllib.parse.urlencode({"q": QUERY, "method": "dense"})
    env = {**os.environ, "PYTHONPATH": str(REPO), "KB_LOG_LEVEL": "WARNING"}
    cmd = [sys.executable, "-m", "kb.cli", "serve", "--data-dir", str(data_dir), "--port", str(port), "--base-url", base_url]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    out: dict[str, float] = {}
    try:
        while time.perf_counter() - started < timeout:
            if proc.poll() is not None:
                raise RuntimeError(f"kb serve exited: {proc.stderr.read().decode(errors='replace')[-2000:]}")  # type: ignore[union-attr]
            status = get(f"{base}/api/search/status")
            if status is None:
                time.sleep(0.02)
                continue
            out.setdefault("http", time.perf_counter() - started)
            if status.get("state") not in ("ready", "indexing") or status.get("records") != records:
                time.sleep(0.02)
                continue
            out.setdefault("open", time.perf_counter() - started)
            answer = get(dense)
            if answer is not None and is_semantic(answer, records):
                out["semantic"] = time.perf_counter() - started
                out["cpu"] = cpu_seconds(proc.pid)
                out["rss"] = peak_rss_mb(proc.pid)
                break
            time.sleep(0.02)
        else:
            raise RuntimeError(f"no semantic answer within {timeout} s")
    finally:
        stop_server(proc, 30)
    return out


def stop_server(proc: subprocess.Popen[bytes], grace: float) -> None:
    """Stop ``kb serve`` as Ctrl-C does (it saves and closes), killing it after ``grace`` seconds."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


PHASES = """
import time
t0, c0 = time.perf_counter(), time.process_time()
import sys
from pathlib import Path
sys.path.insert(0, {repo!r})
import kb.cli.node  # what `python -m kb.cli serve` imports before it runs
from kb.cli.options import open_node, settings_from
t1, c1 = time.perf_counter(), time.process_time()
node = open_node(settings_from(data_dir=Path({data!r}), host=None, port=0, base_url={base_url!r}, name=None, operator=None, state=None,
                               kind=None, sync_interval=None, search_enabled=None, store=None))
t2, c2 = time.perf_counter(), time.process_time()
node.start()  # the order of `kb serve`: start, then build the web application
from kb.api import create_app
import uvicorn
app = create_app(node)
t3, c3 = time.perf_counter(), time.process_time()
service = node.search
while not (service.embedder.loaded and len(service.indexer.view) == {records} and service.indexer.vectors is not None
           and service.indexer.lexical is not None):
    time.sleep(0.01)
hits = service.search({query!r}, method="dense").results
t4, c4 = time.perf_counter(), time.process_time()
assert hits and all(h.why.get("semantic") is not None for h in hits)
print(f"imports {{t1 - t0:.2f}} s ({{c1 - c0:.2f}} CPU), Node() {{t2 - t1:.2f}} s ({{c2 - c1:.2f}}), start() + web imports + "
      f"create_app {{t3 - t2:.2f}} s ({{c3 - c2:.2f}}), then to the first dense answer {{t4 - t3:.2f}} s ({{c4 - c3:.2f}}): "
      f"{{t4 - t0:.2f}} s, {{c4 - c0:.2f}} CPU s (without the interpreter's own start)")
node.close()
"""


def phases_once(data_dir: Path, records: int, base_url: str) -> str:
    code = PHASES.format(repo=str(REPO), data=str(data_dir), records=records, query=QUERY, base_url=base_url)
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "KB_LOG_LEVEL": "WARNING"})
    return done.stdout.strip() or done.stderr.strip()[-2000:]


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--runs", type=int, default=5, help="fresh kb serve processes (default 5)")
    parser.add_argument("--phases", type=int, default=0, help="in-process phase runs to add (default 0)")
    args = parser.parse_args()
    records, base_url = saved_index(args.data_dir)
    print(f"{records} records in the saved index (minted under {base_url}); load average before: {loadavg()} ({os.cpu_count()} cores)")
    runs = []
    for i in range(args.runs):
        r = serve_once(args.data_dir, records, base_url)
        runs.append(r)
        print(f"run {i + 1}: http {r['http']:.2f} s, open {r['open']:.2f} s, "
              f"semantic {r['semantic']:.2f} s, {r['cpu']:.2f} CPU s at that moment, peak RSS {r['rss']:.0f} MB "
              f"(load {loadavg()})")
    if runs:
        med = {k: statistics.median(r[k] for r in runs if k in r) for k in ("http", "open", "semantic", "cpu")}
        print(f"median of {len(runs)} fresh `kb serve` processes, exec to: first HTTP answer {med['http']:.2f} s, "
              f"index open {med['open']:.2f} s, semantic (dense) {med['semantic']:.2f} s "
              f"[min {min(r['semantic'] for r in runs):.2f}, max {max(r['semantic'] for r in runs):.2f}], "
              f"{med['cpu']:.2f} CPU s; load average after: {loadavg()}")
    for i in range(args.phases):
        print(f"phases {i + 1}: {phases_once(args.data_dir, records, base_url)} (load {loadavg()})")


if __name__ == "__main__":
    main()
