"""Issue 3 bench: a generated federation of 30 node processes with two aggregator levels.

    24 municipal nodes ──► 5 regional aggregators ◄──► 1 state-wide aggregator

Every regional aggregator harvests its municipal nodes and the state-wide aggregator; the state-wide
one harvests the regional ones, so every aggregator ends up with every public record. Each node is
a real ``kb serve`` process (search off), harvesting periodically (``--interval``) and on push hints.

Prints: time until every aggregator holds every public record (from the moment the peers are
linked), and after one record changes on a municipal node, the time until the new version is on
every aggregator.

    .venv/bin/python bench/federation_network.py [--records-per-node 20] [--interval 10]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.generated import generate  # noqa: E402
from kb.ontology.register import Register  # noqa: E402
from tests.e2e.processes import NodeProcess  # noqa: E402

LEAVES, REGIONS = 24, 5


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def count(node: NodeProcess) -> int:
    with node.client(timeout=10) as c:
        return int(c.get("/healthz").json()["records"])


def version_on(node: NodeProcess, iri: str) -> int | None:
    with node.client(timeout=10) as c:
        r = c.get("/api/projects/" + iri, headers={"Accept": "application/json"})
        return int(r.json()["provenance"]["version"]) if r.status_code == 200 else None


def wait_until(label: str, check: Any, started: float, timeout: float) -> float:
    while True:
        if check():
            elapsed = time.monotonic() - started
            print(f"{label}: {elapsed:.1f} s")
            return elapsed
        if time.monotonic() - started > timeout:
            print(f"{label}: NOT reached within {timeout:.0f} s")
            return float("nan")
        time.sleep(0.25)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records-per-node", type=int, default=20)
    parser.add_argument("--interval", type=float, default=10.0, help="sync interval of every node (s)")
    parser.add_argument("--timeout", type=float, default=600.0)
    args = parser.parse_args()
    env = {"KB_SYNC_INTERVAL": str(args.interval), "KB_SEARCH_ENABLED": "false"}
    items = generate(LEAVES * args.records_per_node, Register.load(), seed=11)
    with tempfile.TemporaryDirectory(prefix="kb-net-") as tmp:
        base = Path(tmp)
        leaves = [NodeProcess(base / f"gemeinde-{i:02d}", name=f"Gemeinde {i}", env=env) for i in range(LEAVES)]
        regions = [NodeProcess(base / f"region-{r}", name=f"Regionalverband {r}", env=env) for r in range(REGIONS)]
        state = NodeProcess(base / "land", name="Landesverband", env=env)
        everyone = [*leaves, *regions, state]
        started = time.monotonic()
        with ThreadPoolExecutor(max_workers=6) as pool:
            list(pool.map(lambda n: n.start(timeout=180), everyone))
        print(f"{len(everyone)} node processes up in {time.monotonic() - started:.1f} s")
        try:
            total = 0
            for i, leaf in enumerate(leaves):
                chunk = items[i * args.records_per_node:(i + 1) * args.records_per_node]
                with leaf.client(timeout=120) as c:
                    c.post("/api/import", json=[{k: v for k, v in it.items() if k != "key"} for it in chunk]).raise_for_status()
                total += len(chunk)
            print(f"{total} public records on {LEAVES} municipal nodes")

            def link(harvester: NodeProcess, peer: NodeProcess) -> None:
                with harvester.client() as c:
                    c.post("/api/peers", json={"url": peer.url}).raise_for_status()

            linked = time.monotonic()
            for i, leaf in enumerate(leaves):
                link(regions[i % REGIONS], leaf)
            for region in regions:
                link(state, region)
                link(region, state)
            aggregators = [*regions, state]
            wait_until(f"every aggregator holds all {total} records", lambda: all(count(a) >= total for a in aggregators),
                       linked, args.timeout)

            target = items[0]
            iri = f"{leaves[0].url}/projects/" + _key_of(leaves[0], target["title"])
            changed = time.monotonic()
            with leaves[0].client() as c:
                data = {k: v for k, v in target.items() if k != "key"}
                data["status"] = "abgeschlossen" if data["status"] != "abgeschlossen" else "im-betrieb"
                c.put("/api/projects/" + iri, json=data).raise_for_status()
            wait_until("one change on every aggregator", lambda: all(version_on(a, iri) == 2 for a in aggregators), changed, args.timeout)
            rss = [rss_mib(n.proc.pid) for n in everyone if n.proc is not None]
            print(f"memory: {sum(rss):.0f} MiB for {len(rss)} processes ({max(rss):.0f} MiB largest)")
        finally:
            with ThreadPoolExecutor(max_workers=8) as pool:
                list(pool.map(lambda n: n.stop(), everyone))


def _key_of(node: NodeProcess, title: str) -> str:
    with node.client() as c:
        for item in c.get("/api/projects", params={"limit": 200}).json()["items"]:
            if item["title"] == title:
                return str(item["id"]).rsplit("/", 1)[1]
    raise LookupError(title)


if __name__ == "__main__":
    try:
        main()
    except httpx.HTTPError as exc:
        sys.exit(f"bench failed: {exc}")
