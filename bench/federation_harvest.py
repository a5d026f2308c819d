"""Issue 3 bench: full harvest of a 10,000-record node over loopback, then an incremental sync.

The origin is a real ``kb serve`` process; the harvester runs in this process so the time can be
split into its stages (fetch, parse, verify, validate, store). Search indexing is off.

    .venv/bin/python bench/federation_harvest.py [--records 10000] [--page-size 250] [--changes 10] [--rounds 3]

The timing starts once the origin process has finished its start-up work (it computes its
inventory in the background for a second or two): a harvested peer has normally been up for a
while, and that work is not part of the harvest. The bench prints how long it waited.

Setting up the origin bypasses SHACL (records are generated valid and committed directly), so the
setup takes seconds, not minutes; the harvester validates everything as always.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.generated import generate  # noqa: E402
from tests.conftest import ADMIN_TOKEN, free_port  # noqa: E402
from tests.e2e.processes import NodeProcess  # noqa: E402

TIMES: dict[str, float] = defaultdict(float)
BYTES = {"n": 0, "requests": 0}


def timed(name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            TIMES[name] += time.perf_counter() - started

    return wrapper


def build_origin(data_dir: Path, port: int, records: int) -> list[dict[str, Any]]:
    from kb.config import Settings
    from kb.node import Node
    from kb.store.model import Draft

    node = Node(Settings(data_dir=data_dir, port=port, name="Ursprung", search_enabled=False, push_notifications=False))
    items = generate(records, node.register)
    started = time.perf_counter()
    batch = []
    for item in items:
        data = dict(item)
        key = data.pop("key")
        graph = node.publisher.graph_from_json(node.publisher.iri_for_key(key), data)
        batch.append(Draft(graph.iri, graph.triples, graph.visibility, graph.record_type))
        if len(batch) == 500:
            node.catalog.commit_local(batch)
            batch = []
    if batch:
        node.catalog.commit_local(batch)
    node.close()
    print(f"origin: {records} records written in {time.perf_counter() - started:.1f} s (setup, no SHACL)")
    return items


def harvester_node(data_dir: Path) -> Any:
    from kb.config import Settings
    from kb.node import Node

    node = Node(Settings(data_dir=data_dir, port=free_port(), name="Sammler", search_enabled=False, push_notifications=False,
                         sync_interval=0, harvest_budget=3600, outbound_allow_networks="127.0.0.0/8"))
    fed = node.federation
    get = fed.fetcher.get

    def counting_get(*args: Any, **kwargs: Any) -> Any:
        got = get(*args, **kwargs)
        BYTES["n"] += len(got.body)
        BYTES["requests"] += 1
        return got

    fed.fetcher.get = timed("fetch", counting_get)
    h = fed.harvester
    h._verify = timed("verify", h._verify)
    h._validate = timed("validate (SHACL)", h._validate)
    node.catalog.commit_received = timed("store (commit)", node.catalog.commit_received)
    node.catalog._apply = timed("store: write call", node.catalog._apply)
    node.catalog.prepare_received = timed("store: prepare", node.catalog.prepare_received)
    return node


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wait_until_idle(pid: int, *, quiet: float = 0.5, longest: float = 30.0) -> float:
    """Wait until a process has used (almost) no CPU for ``quiet`` seconds; returns the seconds waited.

    A node that has just started computes its inventory in the background for a second or so. A
    peer that is harvested has normally been running for a while, so the timing starts after that.
    """
    started = time.perf_counter()
    while time.perf_counter() - started < longest:
        before = process_cpu(pid)
        time.sleep(quiet)
        if process_cpu(pid) - before < 0.05 * quiet:
            break
    return time.perf_counter() - started


def machine_busy() -> float:
    """CPU seconds all processes on this machine have used so far (from /proc/stat)."""
    fields = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    return (sum(fields) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def report(label: str, seconds: float, stored: int, cpu: float, origin_cpu: float, busy: float) -> None:
    print(f"\n{label}: {stored} records in {seconds:.2f} s = {stored / seconds:.0f} records/s; "
          f"{BYTES['n'] / 1e6:.2f} MB in {BYTES['requests']} requests")
    print(f"  harvester CPU {cpu:.2f} s = {stored / cpu if cpu else 0:.0f} records per CPU second (load-independent); "
          f"origin CPU {origin_cpu:.2f} s; other processes {max(0.0, busy - cpu - origin_cpu):.2f} CPU s "
          f"(of {os.cpu_count()} cores x {seconds:.2f} s)")
    print("  stages (pages are stored by a worker thread while the next page is fetched and checked, so\n"
          "  the store overlaps the rest; 'write call' is the Oxigraph call, which releases the GIL):")
    for name, t in sorted(TIMES.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<18} {t:7.2f} s  {100 * t / seconds:5.1f} %")


def measured_sync(fed: Any, origin_pid: int, label: str) -> tuple[Any, float]:
    """One harvest round of the only peer, timed and reported; the peer's result and the seconds."""
    BYTES.update(n=0, requests=0)
    TIMES.clear()
    started, cpu, ocpu, busy = time.perf_counter(), time.process_time(), process_cpu(origin_pid), machine_busy()
    (result,) = fed.sync()
    seconds = time.perf_counter() - started
    report(label, seconds, result.stored, time.process_time() - cpu, process_cpu(origin_pid) - ocpu, machine_busy() - busy)
    return result, seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--page-size", type=int, default=250)
    parser.add_argument("--changes", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3, help="full harvests into empty stores; the median is reported")
    parser.add_argument("--turbo", action="store_true",
                        help="validate with pyshacl-turbo (a Rust engine with pySHACL's API) if importable, to size the SHACL share")
    args = parser.parse_args()
    if args.turbo:
        import pyshacl_turbo

        import kb.ontology.validation

        kb.ontology.validation.shacl_validate = pyshacl_turbo.validate
        print("validator: pyshacl-turbo", pyshacl_turbo.__version__ if hasattr(pyshacl_turbo, "__version__") else "")
    import httpx

    import kb.federation.harvester as harvester_module

    harvester_module.read_page = timed("parse page", harvester_module.read_page)
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        base = Path(tmp)
        port = free_port()
        items = build_origin(base / "origin", port, args.records)
        origin = NodeProcess(base / "origin", name="Ursprung", port=port, env={"KB_PAGE_SIZE": str(args.page_size)}).start()
        assert origin.proc is not None
        node = None
        try:
            print(f"origin settled {wait_until_idle(origin.proc.pid):.1f} s after its start (start-up work done)")
            rates = []
            for round_ in range(1, args.rounds + 1):
                if node is not None:
                    node.close()
                    wait_until_idle(os.getpid())  # the last round's store may still be merging files
                node = harvester_node(base / f"harvester-{round_}")  # an empty store each round
                fed = node.federation
                fed.add_peer(origin.url)
                full, full_seconds = measured_sync(fed, origin.proc.pid, f"full harvest, round {round_} of {args.rounds}")
                assert full.ok and full.stored == args.records, full
                rates.append(full.stored / full_seconds)
            full_bytes = BYTES["n"]
            median = statistics.median(rates)
            print(f"\nfull harvest: median {median:.0f} records/s over {args.rounds} rounds "
                  f"(each: {', '.join(f'{r:.0f}' for r in rates)})")

            with httpx.Client(base_url=origin.url, headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}, timeout=60) as c:
                for item in items[: args.changes]:
                    data = {k: v for k, v in item.items() if k != "key"}
                    data["description"] += " Geändert für den Benchmark."
                    c.put(f"/api/projects/{item['key']}", json=data).raise_for_status()
            inc, inc_seconds = measured_sync(fed, origin.proc.pid, f"incremental sync after {args.changes} changes")
            assert inc.ok and inc.stored == args.changes, inc
            print(f"\nincremental / last full harvest: time {100 * inc_seconds / full_seconds:.2f} %, "
                  f"bytes {100 * BYTES['n'] / full_bytes:.2f} %")
            print(f"target: full >= 1000 records/s (median) -> {'met' if median >= 1000 else 'NOT met'}; "
                  f"incremental < 1 % -> {'met' if inc_seconds < 0.01 * full_seconds and BYTES['n'] < 0.01 * full_bytes else 'NOT met'}")
        finally:
            if node is not None:
                node.close()
            origin.stop()


if __name__ == "__main__":
    main()
