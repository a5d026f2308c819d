"""SHACL validation throughput: the fast evaluator against pyshacl, in batches of 200 records.

    .venv/bin/python bench/shacl_validation.py [--batches 5] [--batch-size 200] [--pyshacl-batches 2]

Records come from bench/generated.py (mapped with RecordMapper, without their "key"). Each batch
is validated the way the bulk import does it, through ``RecordValidator.validate``. A second run
gives every record an end date, so the one SPARQL-based rule (end not before start) runs too.
(Timing belongs here, not in the tests: this replaces the tests that printed pyshacl's time for a
batch of 200 records.)
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pyoxigraph import Literal, NamedNode, Triple  # noqa: E402

from bench.generated import generate  # noqa: E402
from kb.node import shared_register, shared_vocabularies  # noqa: E402
from kb.ontology.records import RecordMapper  # noqa: E402
from kb.ontology.validation import RecordValidator  # noqa: E402

END_DATE = NamedNode("https://schema.org/endDate")
GYEAR = NamedNode("http://www.w3.org/2001/XMLSchema#gYear")


def batches(count: int, size: int, with_end_date: bool) -> list[dict[str, list[Triple]]]:
    register = shared_register()
    mapper = RecordMapper(register, shared_vocabularies())
    out = []
    for i, item in enumerate(generate(count * size, register)):
        if i % size == 0:
            out.append({})
        item = {k: v for k, v in item.items() if k != "key"}
        graph = mapper.to_graph(f"http://127.0.0.1:8001/projects/bench-{i:06d}", item)
        triples = list(graph.triples)
        if with_end_date:
            triples.append(Triple(NamedNode(graph.iri), END_DATE, Literal("2030", datatype=GYEAR)))
        out[-1][graph.iri] = triples
    return out


def measure(validator: RecordValidator, work: list[dict[str, list[Triple]]]) -> tuple[float, float, int]:
    """Median records/s over the batches by wall clock and by CPU time, and records with errors.

    CPU time is what to compare on a busy machine: other processes stretch the wall clock.
    """
    wall, cpu, invalid = [], [], 0
    for batch in work:
        start, start_cpu = time.perf_counter(), time.process_time()
        results = validator.validate(batch)
        wall.append(len(batch) / (time.perf_counter() - start))
        cpu.append(len(batch) / max(time.process_time() - start_cpu, 1e-9))
        invalid += sum(1 for vs in results.values() if any(v.severity == "violation" for v in vs))
    return statistics.median(wall), statistics.median(cpu), invalid


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batches", type=int, default=5, help="batches for the fast evaluator")
    parser.add_argument("--batch-size", type=int, default=200)
    parser.add_argument("--pyshacl-batches", type=int, default=2, help="batches for pyshacl (slow)")
    args = parser.parse_args()

    started = time.perf_counter()
    fast = RecordValidator()
    compiled = time.perf_counter() - started
    reference = RecordValidator(engine="pyshacl")
    assert fast.engine == "fast", fast.fallback_reason
    print(f"shapes compiled in {compiled * 1000:.0f} ms; batches of {args.batch_size} generated records")
    for with_end_date in (False, True):
        work = batches(max(args.batches, args.pyshacl_batches), args.batch_size, with_end_date)
        fast.validate(work[0])  # warm-up
        reference.validate(dict(list(work[0].items())[:10]))
        label = "with end dates (SPARQL rule runs)" if with_end_date else "as generated"
        fast_wall, fast_cpu, fast_invalid = measure(fast, work[: args.batches])
        ref_wall, ref_cpu, ref_invalid = measure(reference, work[: args.pyshacl_batches])
        print(f"{label}:                 wall clock     CPU time")
        for name, wall, cpu, n, invalid in (("fast", fast_wall, fast_cpu, args.batches, fast_invalid),
                                             ("pyshacl", ref_wall, ref_cpu, args.pyshacl_batches, ref_invalid)):
            print(f"  {name:8s} {wall:9.0f} records/s {cpu:9.0f} records/s  ({n} batches, {invalid} records with errors)")
        print(f"  speed-up {fast_wall / ref_wall:9.1f}x {fast_cpu / ref_cpu:19.1f}x")


if __name__ == "__main__":
    main()
