"""Acceptance of issue 11: a node stays up, and answers /healthz within a second, while anonymous
attackers send the crash payloads and two pathological SPARQL queries at once.

One real ``kb serve --seed`` process; the attacks run in threads of the test process, a probe
asks ``/healthz`` every 100 ms throughout. Afterwards the process must still be the same one,
and an ordinary SPARQL query and an ordinary record read must work.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from tests.e2e.processes import NodeProcess
from tests.security.health_probe import healthz_probe, run_all

pytestmark = pytest.mark.slow

ATTACK_ENV = {"KB_SPARQL_TIMEOUT": "3"}


def _deep_parens(depth: int) -> str:
    return "SELECT * WHERE { BIND(" + "(" * depth + "1" + ")" * depth + " AS ?x) }"


def _deep_jsonld(depth: int) -> bytes:
    return (b'{"@context": {"@vocab": "http://example.org/"}, "a": ' + b'{"a": ' * depth + b"1" + b"}" * depth + b"}")


def _deep_json(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def _entity_bomb() -> bytes:
    padding = b"<!-- " + b"x" * 70_000 + b" -->\n"
    return (
        b'<?xml version="1.0"?>\n' + padding
        + b'<!DOCTYPE r [<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'
        + b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        + b'<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n'
        + b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">'
        + b'<rdf:Description rdf:about="urn:x"><dct:title>&c;&c;&c;&c;</dct:title></rdf:Description></rdf:RDF>'
    )


CARTESIAN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
HUGE_STRING = (
    'SELECT ?s WHERE { BIND(REPLACE(REPLACE(REPLACE(REPLACE("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "x", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),'
    ' "x", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "x", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"), "x", "xxxxxxxxxxxx") AS ?s) }'
)


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NodeProcess]:
    n = NodeProcess(tmp_path_factory.mktemp("attacked") / "data", name="Angegriffen", extra_args=["--seed"], env=ATTACK_ENV).start()
    yield n
    n.stop()


def _attacks(url: str) -> list[Callable[[httpx.Client], httpx.Response]]:
    return [
        lambda c: c.get(url + "/sparql", params={"query": _deep_parens(10_000)}),
        lambda c: c.get(url + "/sparql", params={"query": CARTESIAN}),
        lambda c: c.get(url + "/sparql", params={"query": CARTESIAN}),
        lambda c: c.get(url + "/sparql", params={"query": HUGE_STRING}),
        lambda c: c.post(url + "/api/projects", content=_deep_jsonld(20_000), headers={"Content-Type": "application/ld+json"}),
        lambda c: c.post(url + "/api/projects", content=_deep_json(50_000), headers={"Content-Type": "application/json"}),
        lambda c: c.post(url + "/api/import", content=_deep_json(50_000), headers={"Content-Type": "application/json"}),
        lambda c: c.post(url + "/api/projects", content=_entity_bomb(), headers={"Content-Type": "application/rdf+xml"}),
    ]


def test_node_stays_up_and_answers_healthz_within_a_second_under_attack(node: NodeProcess, tmp_path: Path) -> None:
    assert node.proc is not None
    pid = node.proc.pid
    statuses: list[int] = []

    with healthz_probe(node.url, every=0.1, timeout=5, join=10) as probe:

        def attack(send: Callable[[httpx.Client], httpx.Response]) -> None:
            with httpx.Client(timeout=60) as client:
                try:
                    statuses.append(send(client).status_code)
                except httpx.HTTPError as exc:
                    probe.failures.append(f"attack request failed: {type(exc).__name__}")

        attacks = run_all(attack, _attacks(node.url), join=90)

    assert node.proc.poll() is None and node.proc.pid == pid, "the node process died"
    assert not probe.failures, probe.failures
    assert probe.times and max(probe.times) < 1.0, f"slowest /healthz answer: {max(probe.times):.2f} s"
    assert all(400 <= s < 500 or s == 503 for s in statuses), statuses
    assert len(statuses) == attacks
    # The node still does its work: an ordinary query and an ordinary page.
    ok = httpx.get(node.url + "/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}, timeout=30)
    assert ok.status_code == 200, ok.text
    assert httpx.get(node.url + "/api/projects", timeout=30).status_code == 200
