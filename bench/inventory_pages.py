"""Issue 5 bench: the inventory API at 10,000 records, over loopback HTTP, warm.

Builds a node with N generated records (written straight through ``catalog.commit_local`` with
graphs from the mapper: the bench measures reading, not validation), serves it as a real
``kb serve`` process, and prints p50/p95 latency of every inventory endpoint for Germany, NRW and
the Regierungsbezirk Arnsberg; then the municipality pages; then requests after a change: right
after the write (the figures are cached per change-log position, so this request computes them
afresh, while the background follower does the same) and two seconds later (warmed).

    .venv/bin/python bench/inventory_pages.py [--records 10000] [--repeat 40]

Records: 60 % in NRW, the rest across the other Länder, municipalities drawn in proportion to the
square root of their population, partners among the 12 nearest municipalities (one in ten with a
municipality anywhere in its Land), 1–2 task areas, all statuses, a third without digitalDelivery,
one in twenty of visibility "network".
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.generated import LEGAL_FORMS, STATUSES, TOPICS  # noqa: E402
from kb.ontology.register import Register  # noqa: E402
from kb.store.model import Draft  # noqa: E402
from tests.conftest import free_port, make_settings  # noqa: E402
from tests.e2e.processes import NodeProcess  # noqa: E402

TARGET_MS = 300.0
SCOPES = [("Deutschland", {}), ("NW", {"state": "NW"}), ("NW, RB Arnsberg", {"state": "NW", "regierungsbezirk": "059"})]
ENDPOINTS = ["", "/task-areas", "/legal-forms", "/kreise", "/municipalities", "/matrix", "/potentials", "/priorities"]
# how digital each task area tends to be, so priorities have something to find
DIGITAL_BIAS = {"01": 0.7, "02": 0.5, "03": 0.4, "04": 0.6, "05": 0.3, "06": 0.3, "07": 0.3, "08": 0.2, "09": 0.7,
                "10": 0.4, "11": 0.3, "12": 0.3, "13": 0.2, "14": 0.4, "15": 0.5, "16": 0.6, "17": 0.2}


def generate(n: int, register: Register, seed: int = 11) -> list[dict[str, Any]]:
    from kb.inventory import neighbour_table

    rng = random.Random(seed)
    table = neighbour_table(register, 12, 30.0)
    located = [m for m in register.municipalities if m.lat is not None]
    nw = [m for m in located if m.land_code == "NW"]
    other = [m for m in located if m.land_code != "NW"]
    weights_nw = [math.sqrt(max(m.population, 1)) for m in nw]
    weights_other = [math.sqrt(max(m.population, 1)) for m in other]
    by_land: dict[str, list] = {}
    for m in located:
        by_land.setdefault(m.land_code, []).append(m)
    out = []
    for i in range(n):
        lead = rng.choices(nw, weights_nw)[0] if rng.random() < 0.6 else rng.choices(other, weights_other)[0]
        near = [x.municipality for x in table.of(lead.ags)]
        size = min(len(near), rng.choice([1, 1, 2, 2, 3, 4, 6]))
        members = [lead, *rng.sample(near, size)] if near else [lead, rng.choice(by_land[lead.land_code])]
        if rng.random() < 0.1:
            far = rng.choice(by_land[lead.land_code])
            if far not in members:
                members.append(far)
        code, topic, detail = rng.choice(TOPICS)
        areas = [code] + ([rng.choice(TOPICS)[0]] if rng.random() < 0.25 else [])
        areas = list(dict.fromkeys(areas))
        p = DIGITAL_BIAS[code]
        digital = rng.choices(["analog", "teilweise-digital", "vollstaendig-digital"], [(1 - p) ** 2, 2 * p * (1 - p), p * p])[0]
        record: dict[str, Any] = {
            "key": f"inv-bench-{i:06d}",
            "type": rng.choice(["project", "project", "project", "sharedServiceCenter", "smartCityInitiative"]),
            "title": f"{topic.capitalize()} {lead.short_name} ({i})",
            "description": f"Die Kommunen {', '.join(m.short_name for m in members)} haben vereinbart: {detail}. Vorhaben {i}.",
            "participants": [m.ags for m in members],
            "lead": lead.ags,
            "state": lead.land_code,
            "taskAreas": areas,
            "legalForm": rng.choice(LEGAL_FORMS),
            "status": rng.choices(STATUSES, [2, 2, 6, 1, 1])[0],
            "startDate": str(rng.randint(2000, 2026)),
            "visibility": "network" if rng.random() < 0.05 else "public",
            "illustrative": True,
        }
        if rng.random() < 0.67:
            record["digitalDelivery"] = digital
        out.append(record)
    return out


def build(data_dir: Path, port: int, records: list[dict[str, Any]]) -> float:
    from kb.node import Node

    node = Node(make_settings(data_dir, port=port))
    started = time.perf_counter()
    try:
        for start in range(0, len(records), 500):
            drafts = []
            for item in records[start:start + 500]:
                data = dict(item)
                graph = node.publisher.graph_from_json(node.publisher.iri_for_key(data.pop("key")), data)
                drafts.append(Draft(graph.iri, graph.triples, graph.visibility, graph.record_type))
            node.catalog.commit_local(drafts)
    finally:
        node.close()
    return time.perf_counter() - started


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed(client: Any, url: str, params: dict[str, Any] | None = None) -> tuple[float, int]:
    t = time.perf_counter()
    response = client.get(url, params=params)
    elapsed = (time.perf_counter() - t) * 1000
    assert response.status_code == 200, (url, params, response.text[:300])
    return elapsed, len(response.content)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=40, help="requests per URL, after one warm-up request")
    args = parser.parse_args()

    register = Register.load()
    records = generate(args.records, register)
    work = Path(tempfile.mkdtemp(prefix="kb-bench-inventory-"))
    port = free_port()
    elapsed = build(work / "node", port, records)
    print(f"built {args.records} records via catalog.commit_local in {elapsed:.1f} s")

    node = NodeProcess(work / "node", port=port, extra_args=["--no-search"]).start()
    worst = 0.0
    try:
        with node.client(token=None) as client:
            started = time.perf_counter()
            overview = client.get("/api/inventory").json()
            print(f"first request after start (snapshot of {overview['scope']['records']} public records): "
                  f"{(time.perf_counter() - started) * 1000:.0f} ms")
            print(f"\nwarm, {args.repeat} requests per URL, one client, anonymous (p50 / p95 in ms, response size):")
            for label, scope in SCOPES:
                print(f"  {label}")
                for path in ENDPOINTS:
                    for fmt in ("json", "csv"):
                        params = {**scope, **({"format": "csv"} if fmt == "csv" else {})}
                        timed(client, f"/api/inventory{path}", params)  # warm-up (computes and caches)
                        samples = [timed(client, f"/api/inventory{path}", params) for _ in range(args.repeat)]
                        ms = [s[0] for s in samples]
                        worst = max(worst, percentile(ms, 95))
                        print(f"    {('/api/inventory' + path):32} {fmt:4}  p50 {statistics.median(ms):6.1f}  p95 {percentile(ms, 95):6.1f}"
                              f"  {samples[0][1] / 1024:7.1f} KiB")

            rng = random.Random(3)
            nw = [m.ags for m in register.municipalities if m.land_code == "NW"]
            pages = [timed(client, f"/api/inventory/municipalities/{ags}")[0] for ags in rng.sample(nw, 100)]
            worst = max(worst, percentile(pages, 95))
            print(f"\n  /api/inventory/municipalities/{{ags}}, 100 different NRW municipalities (each computed on first request): "
                  f"p50 {statistics.median(pages):.1f}  p95 {percentile(pages, 95):.1f}")

        with node.client() as admin, node.client(token=None) as client:
            immediately: dict[str, list[float]] = {path: [] for path in ENDPOINTS}
            later: dict[str, list[float]] = {path: [] for path in ENDPOINTS}
            for round_ in range(10):
                body = {k: v for k, v in records[round_].items() if k != "key"} | {"title": f"Nachtrag {round_} zur Messung"}
                assert admin.post("/api/projects", json=body).status_code == 201
                if round_ % 2:
                    time.sleep(2.0)  # the follower has recomputed the recently asked-for figures by now
                for path in ENDPOINTS:
                    (later if round_ % 2 else immediately)[path].append(timed(client, f"/api/inventory{path}", {"state": "NW"})[0])
            print("\nafter a change (NW; median / max of 5 changes, ms):  right after the write  |  2 s later (warmed in the background)")
            for path in ENDPOINTS:
                a, b = immediately[path], later[path]
                print(f"    {('/api/inventory' + path):32} {statistics.median(a):6.1f} / {max(a):6.1f}  |  "
                      f"{statistics.median(b):6.1f} / {max(b):6.1f}")
    finally:
        node.stop()
    verdict = "met" if worst < TARGET_MS else "MISSED"
    print(f"\nworst warm p95: {worst:.1f} ms (target {TARGET_MS:.0f} ms: {verdict})")


if __name__ == "__main__":
    main()
