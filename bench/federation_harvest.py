"""Issue 3 bench: full harvest of a 10,000-record node over loopback, then an incremental sync.

The origin is a real ``kb serve`` process; the harvester runs in this process so the time can be
split into its stages (fetch, parse, verify, validate, store). Search indexing is off.

    .venv/bin/python bench/federation_harvest.py [--records 10000] [--page-size 250] [--changes 10] [--rounds 3]
    .venv/bin/python bench/federation_harvest.py --store http://127.0.0.1:7878   # a store server (emptied!)
    .venv/bin/python bench/federation_harvest.py --store server   # starts its own oxigraph serve on a loopback port

The figure that counts is the **ratio** of the harvest rate to the raw store's: right after each
full harvest, the very page bodies the harvester fetched are bulk-loaded into a fresh store of the
same backend, page by page (``raw bulk load``), and parsed into quads once more on their own
(``raw parse``). The store is the limit a harvest cannot beat, and this machine's speed varies
from minute to minute, so records/s alone do not compare across runs; the ratio of two figures
measured a few seconds apart does. The median ratio over the rounds is reported.

A backend is one ``StoreBackend``: how a harvesting node is configured on it and how its raw bulk
load is measured. The embedded store (pyoxigraph on disk, the default) is ``EmbeddedStore``; a
SPARQL server backend adds its own class with the same two methods.

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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.generated import generate  # noqa: E402
from tests.conftest import ADMIN_TOKEN, free_port  # noqa: E402
from tests.e2e.processes import NodeProcess  # noqa: E402

TIMES: dict[str, float] = defaultdict(float)
BYTES = {"n": 0, "requests": 0}
PAGES: list[tuple[bytes, str, str]] = []
"""(body, content type, URL) of every response the harvester fetched in the current round."""


@dataclass
class RawFigures:
    """The raw store's figures for the pages of one harvest."""

    quads: int
    parse_seconds: float
    load_seconds: float
    load_cpu: float
    """CPU seconds of this process (all threads) during the bulk load."""


class StoreBackend(Protocol):
    name: str

    def settings(self, data_dir: Path) -> dict[str, Any]:
        """Settings of a harvesting node whose catalogue lives on this backend."""

    def raw_load(self, pages: Sequence[tuple[bytes, str, str]], data_dir: Path) -> RawFigures:
        """Parse the pages, then bulk-load them page by page into a fresh, empty store: timed separately."""


def parse_pages(pages: Sequence[tuple[bytes, str, str]]) -> tuple[int, float]:
    """(quads, seconds) to parse every page into pyoxigraph quads, as the harvester's reader does."""
    from pyoxigraph import parse

    from kb.federation.pages import FORMATS

    started, quads = time.perf_counter(), 0
    for body, content_type, url in pages:
        quads += sum(1 for _ in parse(body, format=FORMATS[content_type], base_iri=url))
    return quads, time.perf_counter() - started


class EmbeddedStore:
    """The default backend: pyoxigraph's RocksDB store in the data directory."""

    name = "embedded store (pyoxigraph on disk)"

    def settings(self, data_dir: Path) -> dict[str, Any]:
        return {}

    def raw_load(self, pages: Sequence[tuple[bytes, str, str]], data_dir: Path) -> RawFigures:
        from pyoxigraph import Store

        from kb.federation.pages import FORMATS

        quads, parse_seconds = parse_pages(pages)
        store = Store(str(data_dir))
        started, cpu = time.perf_counter(), time.process_time()
        for body, content_type, url in pages:
            store.bulk_load(body, format=FORMATS[content_type], base_iri=url)
        load_seconds, load_cpu = time.perf_counter() - started, time.process_time() - cpu
        assert 0 < len(store) <= quads  # pages repeat a few stream triples
        del store
        return RawFigures(quads, parse_seconds, load_seconds, load_cpu)


class ServerStoreBackend:
    """A SPARQL server (``--store URL``, an ``oxigraph serve``), emptied before each round. The raw load
    is a fresh ``oxigraph serve`` of the same version loading the same pages through its Graph Store
    Protocol endpoint, page by page (its CPU is the server's, so the CPU ratio means nothing here)."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self.name = f"SPARQL server {self.url}"

    def _clear(self) -> None:
        import httpx

        httpx.post(f"{self.url}/update", data={"update": "DROP ALL"}, timeout=600).raise_for_status()

    def settings(self, data_dir: Path) -> dict[str, Any]:
        self._clear()
        # A store server on a machine busy with other work can take a while for one request (a write
        # of 250 records, or its first query after DROP ALL); the default 30 s made the bench fail. It must stay
        # below the writer lease (kb/store/server.py LEASE_SECONDS, 120 s), or every write is refused as busy.
        return {"store": self.url, "store_timeout": 90}

    def raw_load(self, pages: Sequence[tuple[bytes, str, str]], data_dir: Path) -> RawFigures:
        """Into a second, fresh server of the same kind on this machine (the harvested one stays for the
        incremental sync)."""
        import httpx

        from tests.oxigraph_server import OxigraphServer

        quads, parse_seconds = parse_pages(pages)
        raw = OxigraphServer(data_dir, free_port()).start()
        try:
            with httpx.Client(timeout=600) as client:
                started, cpu = time.perf_counter(), time.process_time()
                for body, content_type, _url in pages:
                    client.post(f"{raw.url}/store", content=body, headers={"Content-Type": content_type}).raise_for_status()
                load_seconds, load_cpu = time.perf_counter() - started, time.process_time() - cpu
                count = client.post(f"{raw.url}/query", data={"query": "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }"},
                                    headers={"Accept": "application/sparql-results+json"}).json()
        finally:
            raw.stop()
        assert 0 < int(count["results"]["bindings"][0]["n"]["value"]) <= quads  # pages repeat a few stream triples
        return RawFigures(quads, parse_seconds, load_seconds, load_cpu)


BACKENDS: dict[str, StoreBackend] = {"embedded": EmbeddedStore()}
PAGE_FORMATS = {"trig": "application/trig", "nquads": "application/n-quads"}


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


def harvester_node(data_dir: Path, backend: StoreBackend) -> Any:
    from kb.config import Settings
    from kb.node import Node

    node = Node(Settings(data_dir=data_dir, port=free_port(), name="Sammler", search_enabled=False, push_notifications=False,
                         sync_interval=0, harvest_budget=3600, outbound_allow_networks="127.0.0.0/8", **backend.settings(data_dir)))
    fed = node.federation
    get = fed.fetcher.get

    def counting_get(*args: Any, **kwargs: Any) -> Any:
        got = get(*args, **kwargs)
        BYTES["n"] += len(got.body)
        BYTES["requests"] += 1
        if got.status == 200:
            PAGES.append((got.body, got.content_type, got.url))
        return got

    fed.fetcher.get = timed("fetch", counting_get)
    h = fed.harvester
    h._verify = timed("verify", h._verify)
    h._validate = timed("validate (SHACL)", h._validate)
    node.catalog.commit_received = timed("store (commit)", node.catalog.commit_received)
    node.catalog._apply = timed("store: write call", node.catalog._apply)
    node.catalog.prepare_received = timed("store: prepare", node.catalog.prepare_received)
    return node


def profiled(profile: Any, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn`` run under ``profile`` (cProfile sees only the thread that enables it)."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        profile.enable()
        try:
            return fn(*args, **kwargs)
        finally:
            profile.disable()

    return wrapper


def print_profiles(profiles: dict[str, Any], top: int = 20) -> None:
    import io
    import pstats

    for name, profile in profiles.items():
        out = io.StringIO()
        stats = pstats.Stats(profile, stream=out)
        total = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
        stats.sort_stats("cumulative").print_stats(top)
        print(f"\nprofile of the {name} (all rounds; {total:.1f} s in Python functions, cProfile slows it down):")
        print("\n".join(line for line in out.getvalue().splitlines()[6:] if line.strip()))


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


def measured_sync(fed: Any, origin_pid: int, label: str) -> tuple[Any, float, float]:
    """One harvest round of the only peer, timed and reported; the peer's result, the seconds and the CPU seconds."""
    BYTES.update(n=0, requests=0)
    TIMES.clear()
    PAGES.clear()
    started, cpu, ocpu, busy = time.perf_counter(), time.process_time(), process_cpu(origin_pid), machine_busy()
    (result,) = fed.sync()
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    report(label, seconds, result.stored, cpu, process_cpu(origin_pid) - ocpu, machine_busy() - busy)
    return result, seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--page-size", type=int, default=250)
    parser.add_argument("--changes", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3, help="full harvests into empty stores; the median is reported")
    parser.add_argument("--backend", choices=sorted(BACKENDS), default="embedded", help="the store the harvester writes to")
    parser.add_argument("--store", metavar="URL", default=None,
                        help="harvest into the SPARQL server at URL (emptied first!), e.g. a fresh oxigraph serve; 'server' starts "
                             "one of its own on a free loopback port (as the tests do with KB_TEST_STORE=server); overrides --backend")
    parser.add_argument("--profile", action="store_true",
                        help="profile the harvest thread and the commit thread with cProfile and print where the time goes")
    parser.add_argument("--page-format", choices=["default", "trig", "nquads", "alternate"], default="default",
                        help="ask the origin for this page format (alternate: TriG and N-Quads round by round)")
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
    default_accept = harvester_module.ACCEPT
    profiles: dict[str, Any] = {}
    if args.profile:
        import cProfile

        import kb.store.oxigraph as store_module

        profiles = {"harvest thread (read, check, prepare)": cProfile.Profile(), "commit thread (store)": cProfile.Profile()}
        first, second = profiles.values()
        harvester_module.Harvester._harvest = profiled(first, harvester_module.Harvester._harvest)  # type: ignore[method-assign]
        store_module.OxigraphCatalog.commit_received = profiled(second, store_module.OxigraphCatalog.commit_received)  # type: ignore[method-assign]
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        base = Path(tmp)
        port = free_port()
        items = build_origin(base / "origin", port, args.records)
        origin = NodeProcess(base / "origin", name="Ursprung", port=port, env={"KB_PAGE_SIZE": str(args.page_size)})
        origin.start(timeout=300)  # a machine busy with other work starts a process slowly
        assert origin.proc is not None
        node = None
        own_server = None
        if args.store == "server":
            from tests.oxigraph_server import OxigraphServer

            own_server = OxigraphServer(base / "store-server", free_port()).start()
            args.store = own_server.url
        try:
            print(f"origin settled {wait_until_idle(origin.proc.pid):.1f} s after its start (start-up work done)")
            backend = ServerStoreBackend(args.store) if args.store else BACKENDS[args.backend]
            print(f"backend: {backend.name}")
            rates, ratios, cpu_ratios = [], [], []
            for round_ in range(1, args.rounds + 1):
                if node is not None:
                    node.close()
                    wait_until_idle(os.getpid())  # the last round's store may still be merging files
                fmt = args.page_format if args.page_format != "alternate" else ("trig", "nquads")[(round_ - 1) % 2]
                harvester_module.ACCEPT = PAGE_FORMATS.get(fmt, default_accept)
                node = harvester_node(base / f"harvester-{round_}", backend)  # an empty store each round
                fed = node.federation
                fed.add_peer(origin.url)
                full, full_seconds, full_cpu = measured_sync(fed, origin.proc.pid, f"full harvest, round {round_} of {args.rounds} ({fmt} pages)")
                assert full.ok and full.stored == args.records, full
                rates.append(full.stored / full_seconds)
                wait_until_idle(os.getpid())  # the harvested store's background merging is not the raw store's
                raw = backend.raw_load(list(PAGES), base / f"raw-{round_}")
                raw_rate = full.stored / raw.load_seconds
                ratios.append(rates[-1] / raw_rate)
                cpu_ratios.append(raw.load_cpu / full_cpu)
                print(f"  raw store, same {len(PAGES)} pages: parse {raw.parse_seconds:.2f} s ({raw.quads} quads); "
                      f"bulk load page by page {raw.load_seconds:.2f} s = {raw_rate:.0f} records/s, {raw.load_cpu:.2f} CPU s; "
                      f"harvest / raw bulk load = {ratios[-1]:.2f} (by CPU seconds {cpu_ratios[-1]:.2f})")
            full_bytes = BYTES["n"]
            median = statistics.median(rates)
            print(f"\nfull harvest: median {median:.0f} records/s over {args.rounds} rounds "
                  f"(each: {', '.join(f'{r:.0f}' for r in rates)})")
            print(f"harvest rate / raw bulk-load rate of the same quads: median {statistics.median(ratios):.2f} "
                  f"(each: {', '.join(f'{r:.2f}' for r in ratios)}; target >= 0.8); by CPU seconds (raw / harvest): "
                  f"median {statistics.median(cpu_ratios):.2f} (each: {', '.join(f'{r:.2f}' for r in cpu_ratios)})")

            with httpx.Client(base_url=origin.url, headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}, timeout=60) as c:
                for item in items[: args.changes]:
                    data = {k: v for k, v in item.items() if k != "key"}
                    data["description"] += " Geändert für den Benchmark."
                    c.put(f"/api/projects/{item['key']}", json=data).raise_for_status()
            inc, inc_seconds, _cpu = measured_sync(fed, origin.proc.pid, f"incremental sync after {args.changes} changes")
            assert inc.ok and inc.stored == args.changes, inc
            print(f"\nincremental / last full harvest: time {100 * inc_seconds / full_seconds:.2f} %, "
                  f"bytes {100 * BYTES['n'] / full_bytes:.2f} %")
            print_profiles(profiles)
            print(f"targets: harvest / raw bulk load >= 0.8 (median) -> {'met' if statistics.median(ratios) >= 0.8 else 'NOT met'}; "
                  f"incremental < 1 % -> {'met' if inc_seconds < 0.01 * full_seconds and BYTES['n'] < 0.01 * full_bytes else 'NOT met'}")
        finally:
            if node is not None:
                node.close()
            origin.stop()
            if own_server is not None:
                own_server.stop()


if __name__ == "__main__":
    main()
