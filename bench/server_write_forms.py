"""Issue 12: what it costs a SPARQL store server to take one harvested page, by the form of the write.

A harvested page of 250 records is written to a store server as one SPARQL Update whose data is
guarded by the log head (``INSERT { … } WHERE { head }``, kb/store/server.py). This bench starts a
fresh ``oxigraph serve`` on a loopback port and times, for pages shaped like kb's (250 record
graphs of 30 triples, and 250 log entries with a 5 kB payload literal), each form a commit could
take:

- the Graph Store Protocol (``POST /store``, TriG): the raw load ``bench/federation_harvest.py``
  compares with, but not atomic with the log head;
- ``INSERT DATA`` and the guarded ``INSERT … WHERE`` kb uses;
- staging: the page through the Graph Store Protocol into graphs of their own, then one update
  that copies them into place and drops them (the form the docs once proposed as the next step).

    .venv/bin/python bench/server_write_forms.py [--rounds 3] [--records 250]

Each figure is the median of the rounds, in seconds of wall time per page; each round writes
fresh subjects so no form meets the others' data.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx
from pyoxigraph import Literal

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.conftest import free_port  # noqa: E402
from tests.oxigraph_server import OxigraphServer  # noqa: E402

HEAD = "GRAPH <urn:kb:log> { <urn:kb:log> <urn:kb:seq> 1 }"


def page(tag: str, records: int) -> tuple[str, list[str]]:
    """A TriG page like a harvested one, and its graph names."""
    graphs = [f"<https://bench.example/{tag}/r{i}>" for i in range(records)]
    parts = []
    for g in graphs:
        body = "".join(f"{g} <https://bench.example/p{j}> {Literal(f'Wert {j} für {g} ' * 2)} .\n" for j in range(30))
        parts.append(f"GRAPH {g} {{\n{body}}}\n")
    log = "".join(f"<urn:kb:event:{tag}-{i}> <https://bench.example/payload> {Literal('x' * 5000 + str(i))} .\n"
                  for i in range(records))
    parts.append(f"GRAPH <urn:kb:log> {{\n{log}}}\n")
    return "".join(parts), [*graphs, "<urn:kb:log>"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--records", type=int, default=250)
    args = parser.parse_args()
    server = OxigraphServer(Path(tempfile.mkdtemp()) / "store", free_port()).start()
    http = httpx.Client(timeout=300)

    def post(path: str, body: str, media_type: str) -> float:
        started = time.perf_counter()
        http.post(server.url + path, content=body.encode(), headers={"Content-Type": media_type}).raise_for_status()
        return time.perf_counter() - started

    def update(text: str) -> float:
        return post("/update", text, "application/sparql-update")

    times: dict[str, list[float]] = {"graph store protocol": [], "INSERT DATA": [], "guarded INSERT … WHERE (kb)": [],
                                     "staged: graph store protocol": [], "staged: copy into place": []}
    try:
        update(f"INSERT DATA {{ {HEAD} }}")
        for round_ in range(args.rounds):
            data, _ = page(f"gsp{round_}", args.records)
            times["graph store protocol"].append(post("/store", data, "application/trig"))
            data, _ = page(f"data{round_}", args.records)
            times["INSERT DATA"].append(update(f"INSERT DATA {{\n{data}}}"))
            data, _ = page(f"guarded{round_}", args.records)
            times["guarded INSERT … WHERE (kb)"].append(update(f"INSERT {{\n{data}}} WHERE {{ {HEAD} }}"))
            data, graphs = page(f"staged{round_}", args.records)
            pairs = []
            for k, graph in enumerate(graphs):
                staging = f"<urn:kb:staging:{round_}:{k}>"
                data = data.replace(f"GRAPH {graph} {{", f"GRAPH {staging} {{", 1)
                pairs.append((staging, graph))
            times["staged: graph store protocol"].append(post("/store", data, "application/trig"))
            values = " ".join(f"({staging} {graph})" for staging, graph in pairs)
            drops = " ;\n".join(f"DROP SILENT GRAPH {staging}" for staging, _ in pairs)
            times["staged: copy into place"].append(update(
                f"INSERT {{ GRAPH ?g {{ ?s ?p ?o }} }} WHERE {{ {HEAD} VALUES (?sg ?g) {{ {values} }} GRAPH ?sg {{ ?s ?p ?o }} }} ;\n{drops}"))
        print(f"one page: {args.records} records, {len(data.encode()) / 1e6:.2f} MB of TriG; median of {args.rounds} rounds")
        for form, seconds in times.items():
            print(f"  {form:32s} {statistics.median(seconds):6.2f} s  (each: {', '.join(f'{s:.2f}' for s in seconds)})")
        staged = statistics.median(times["staged: graph store protocol"]) + statistics.median(times["staged: copy into place"])
        print(f"  {'staged, both steps':32s} {staged:6.2f} s")
    finally:
        http.close()
        server.stop()


if __name__ == "__main__":
    main()
