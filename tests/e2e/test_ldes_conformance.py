"""LDES conformance: the TREE community's ``ldes-client`` (npm) replicates a node's catalogue.

Needs ``node`` and ``npm ci --prefix tests/e2e`` (pinned in tests/e2e/package-lock.json). The
client (0.3.0) emits every member it finds; applying the stream's declared semantics to what it
emitted (``ldes:versionOfPath``, ``ldes:timestampPath``, ``as:Delete`` tombstones) must give exactly
the node's current public catalogue. A second test checks the same rules directly, walking pages.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, parse

from kb.federation.members import parse_member, verify_member
from kb.ontology.namespaces import AS, DCAT, DCT, LDES, PROV, RDF, TREE
from tests.conftest import HELLWEG
from tests.e2e.processes import NodeProcess

pytestmark = pytest.mark.slow

CLIENT = Path(__file__).parent / "node_modules" / "ldes-client" / "dist" / "bin" / "cli.js"
_BARE_NUMBER = re.compile(r" (-?\d+) (<[^>]*> )?\.$")


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NodeProcess]:
    live = NodeProcess(tmp_path_factory.mktemp("ldes") / "node", name="Stadt Soest", env={"KB_PAGE_SIZE": "10"}).start()
    with live.client() as c:
        created = [c.post("/api/projects", json={**HELLWEG, "title": f"Kooperation {i}"}).json() for i in range(23)]
        for item in created[:3]:
            c.put(f"/api/projects/{item['key']}", json={**HELLWEG, "title": f"Kooperation geändert {item['key']}"}).raise_for_status()
        for item in created[3:5]:
            c.delete(f"/api/projects/{item['key']}").raise_for_status()
        c.post("/api/projects", json={**HELLWEG, "title": "Nur im Netz", "visibility": "network"}).raise_for_status()
    yield live
    live.stop()


def catalogue(node: NodeProcess) -> dict[str, str]:
    """Current public records → title, as the node's API lists them."""
    with node.client(token=None) as c:
        items = c.get("/api/projects", params={"limit": 200}).json()["items"]
    return {i["id"]: i["title"] for i in items}


def replicate(members: dict[str, list]) -> dict[str, str]:  # type: ignore[type-arg]
    """Apply the stream's semantics: latest version per record by timestamp (then version); drop tombstones."""
    latest: dict[str, tuple[str, int, str, list]] = {}  # type: ignore[type-arg]
    for member, triples in members.items():
        m = NamedNode(member)
        props = {t.predicate.value: t.object for t in triples if t.subject == m}
        record = props[DCT.isVersionOf.value].value
        key = (props[PROV.generatedAtTime.value].value, int(props[DCAT.version.value].value))
        if record not in latest or key > latest[record][:2]:
            latest[record] = (*key, member, triples)
    out = {}
    for record, (_ts, _v, member, triples) in latest.items():
        types = {t.object for t in triples if t.subject == NamedNode(member) and t.predicate == RDF.type}
        if AS.Delete in types:
            continue
        out[record] = next(t.object.value for t in triples if t.subject == NamedNode(record) and t.predicate == DCT.title)
    return out


@pytest.mark.skipif(shutil.which("node") is None or not CLIENT.exists(), reason="needs node and `npm ci --prefix tests/e2e`")
def test_ldes_client_replicates_latest_versions_and_deletions(node: NodeProcess) -> None:
    run = subprocess.run(["node", str(CLIENT), f"{node.url}/ldes"], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    lines = [_BARE_NUMBER.sub(lambda m: f' "{m.group(1)}"^^<http://www.w3.org/2001/XMLSchema#integer> {m.group(2) or ""}.', line)
             for line in run.stdout.splitlines() if line.strip()]
    members: dict[str, list] = {}  # type: ignore[type-arg]
    for quad in parse("\n".join(lines).encode(), format=RdfFormat.N_QUADS):
        if isinstance(quad.graph_name, NamedNode):
            members.setdefault(quad.graph_name.value, []).append(quad.triple)
    assert len(members) == 23 + 3 + 2  # creates, updates, tombstones; the network record is not public
    with node.client(token=None) as c:
        key = c.get("/.well-known/kb-node").json()["publicKey"]["publicKeyMultibase"]
    for member, triples in members.items():
        assert verify_member(parse_member(member, triples), key), member  # the origin's signature survives the client
    assert replicate(members) == catalogue(node)


def test_stream_follows_ldes_rules_directly(node: NodeProcess) -> None:
    """Walk the view as a client would: every rule the replication above relies on, checked by hand."""
    with httpx.Client(timeout=30) as c:
        stream = list(parse(c.get(f"{node.url}/ldes").content, format=RdfFormat.TRIG))
        s = NamedNode(f"{node.url}/ldes")
        declared = {(q.predicate, q.object) for q in stream if q.subject == s}
        assert (RDF.type, LDES.EventStream) in declared
        assert (LDES.versionOfPath, DCT.isVersionOf) in declared and (LDES.timestampPath, PROV.generatedAtTime) in declared
        (view,) = [o for p, o in declared if p == TREE.view]
        url: str | None = view.value
        seen_pages, members = set(), {}
        while url:
            assert url not in seen_pages
            seen_pages.add(url)
            r = c.get(url)
            assert r.status_code == 200
            quads = list(parse(r.content, format=RdfFormat.TRIG, base_iri=url))
            default = [q.triple for q in quads if isinstance(q.graph_name, DefaultGraph)]
            for t in default:
                if t.predicate == TREE.member:
                    assert t.subject == s  # members belong to this stream
                    graph = [q.triple for q in quads if q.graph_name == t.object]
                    assert graph, "every member has its own named graph"
                    assert any(g.predicate == PROV.generatedAtTime for g in graph)
                    members[t.object.value] = graph
            nexts = [t.object.value for t in default if t.predicate == TREE.node]
            if nexts:
                assert "immutable" in r.headers["cache-control"]  # a page with a successor is complete
                again = c.get(url)
                assert again.content == r.content
            url = nexts[0] if nexts else None
    assert len(seen_pages) == 3 and len(members) == 28
    assert replicate(members) == catalogue(node)
