"""LDES conformance: the TREE community's ``ldes-client`` (npm) replicates a node's catalogue.

Needs ``node`` and ``npm ci --prefix tests/e2e`` (pinned in tests/e2e/package-lock.json). The
client (0.3.0) emits every member it finds; applying the stream's declared semantics to what it
emitted (``ldes:versionOfPath``, ``ldes:timestampPath``, ``as:Delete`` tombstones) must give exactly
the node's current public catalogue. A second test checks the same rules directly, walking pages.

On a two-node set-up (an aggregator that harvests the node and republishes its members), the
stream's timestamps never go backwards, ``ldes-client --after T`` emits exactly the members logged
after T, and an independent verifier (pyld + cryptography, tests/di_verifier.py) verifies every
member's W3C Data Integrity proof against its origin's key.
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
from kb.ontology.namespaces import AS, DCAT, DCT, KBM, LDES, PROV, RDF, SEC, TREE
from tests import di_verifier
from tests.conftest import HELLWEG
from tests.e2e.processes import NodeProcess
from tests.e2e.test_federation_chain import add_peer, sync

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


NEEDS_CLIENT = pytest.mark.skipif(shutil.which("node") is None or not CLIENT.exists(), reason="needs node and `npm ci --prefix tests/e2e`")


def run_client(url: str, *args: str) -> tuple[dict[str, list], dict[str, list]]:  # type: ignore[type-arg]
    """What ``ldes-client`` emits: member IRI → triples of its graph, and → triples of its proof graph."""
    run = subprocess.run(["node", str(CLIENT), *args, url], capture_output=True, text=True, timeout=180)
    assert run.returncode == 0, run.stderr[-2000:]
    lines = [_BARE_NUMBER.sub(lambda m: f' "{m.group(1)}"^^<http://www.w3.org/2001/XMLSchema#integer> {m.group(2) or ""}.', line)
             for line in run.stdout.splitlines() if line.strip()]
    graphs: dict[object, list] = {}  # type: ignore[type-arg]
    for quad in parse("\n".join(lines).encode(), format=RdfFormat.N_QUADS):
        graphs.setdefault(quad.graph_name, []).append(quad.triple)
    members = {g.value: triples for g, triples in graphs.items() if isinstance(g, NamedNode)}
    proofs = {}
    for member, triples in members.items():
        links = [t for t in graphs.get(DefaultGraph(), []) if t.subject == NamedNode(member) and t.predicate == SEC.proof]
        triples.extend(links)
        proofs[member] = graphs.get(links[0].object, []) if len(links) == 1 else []
    return members, proofs


@NEEDS_CLIENT
def test_ldes_client_replicates_latest_versions_and_deletions(node: NodeProcess) -> None:
    members, proofs = run_client(f"{node.url}/ldes")
    assert len(members) == 23 + 3 + 2  # creates, updates, tombstones; the network record is not public
    with node.client(token=None) as c:
        key = c.get("/.well-known/kb-node").json()["publicKey"]["publicKeyMultibase"]
    for member, triples in members.items():
        assert verify_member(parse_member(member, triples, proofs[member]), key), member  # the origin's signature survives the client
    assert replicate(members) == catalogue(node)


def test_stream_follows_ldes_rules_directly(node: NodeProcess) -> None:
    """Walk the view as a client would: every rule the replication above relies on, checked by hand."""
    with httpx.Client(timeout=30) as c:
        stream = list(parse(c.get(f"{node.url}/ldes").content, format=RdfFormat.TRIG))
        s = NamedNode(f"{node.url}/ldes")
        declared = {(q.predicate, q.object) for q in stream if q.subject == s}
        assert (RDF.type, LDES.EventStream) in declared
        assert (LDES.versionOfPath, DCT.isVersionOf) in declared and (LDES.timestampPath, KBM.loggedAt) in declared
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


# ---------------------------------------------------------------------- two nodes: an aggregator


@pytest.fixture(scope="module")
def aggregator(node: NodeProcess, tmp_path_factory: pytest.TempPathFactory) -> Iterator[NodeProcess]:
    """Kreis Soest publishes two projects, then harvests the node (whose versions are all older),
    then publishes one more: relayed members' own times go backwards along its log."""
    live = NodeProcess(tmp_path_factory.mktemp("ldes-agg") / "kreis", name="Kreis Soest",
                       env={"KB_PAGE_SIZE": "10", "KB_PUSH_NOTIFICATIONS": "false"}).start()
    with live.client() as c:
        for title in ("Kreisprojekt Eins", 'Kreisprojekt Zwei – Ümläute, "Zitat"\nund \\ Zeile\u2028'):
            c.post("/api/projects", json={**HELLWEG, "title": title}).raise_for_status()
    add_peer(live, node, token=False)  # its public stream
    sync(live)
    with live.client() as c:
        c.post("/api/projects", json={**HELLWEG, "title": "Kreisprojekt Drei"}).raise_for_status()
    yield live
    live.stop()


def walk(url: str) -> tuple[list[tuple[int, str, str, str]], list[tuple[str, str, str, str]], dict[str, object]]:
    """Every page of a stream: members as (position, IRI, stream time, own version time), relations
    as (type, path, value, next page), and each member's JSON-LD form (for the independent verifier)."""
    out, relations, jsonld = [], [], {}
    with httpx.Client(timeout=30) as c:
        stream = list(parse(c.get(f"{url}/ldes").content, format=RdfFormat.TRIG))
        page: str | None = next(q.object.value for q in stream if q.predicate == TREE.view)
        while page:
            quads = list(parse(c.get(page).content, format=RdfFormat.TRIG, base_iri=page))
            default = [q.triple for q in quads if isinstance(q.graph_name, DefaultGraph)]
            about: dict[str, dict[str, str]] = {}
            for t in default:
                about.setdefault(t.subject.value, {})[t.predicate.value] = t.object.value
            for t in default:
                if t.predicate == TREE.member:
                    m = t.object.value
                    own = next(q.object.value for q in quads if q.graph_name == t.object and q.predicate == PROV.generatedAtTime)
                    out.append((int(about[m][KBM.streamPosition.value]), m, about[m][KBM.loggedAt.value], own))
                if t.predicate == TREE.relation:
                    rel = about[t.object.value]
                    relations.append((rel[RDF.type.value], rel[TREE.path.value], rel[TREE.value.value], rel[TREE.node.value]))
            jsonld.update(di_verifier.page_members(c.get(page, headers={"Accept": "application/ld+json"}).json()))
            nexts = [t.object.value for t in default if t.predicate == TREE.node]
            page = nexts[0] if nexts else None
    return sorted(out), relations, jsonld


def test_aggregator_stream_time_never_goes_backwards(node: NodeProcess, aggregator: NodeProcess) -> None:
    members, relations, _ = walk(aggregator.url)
    assert len(members) == 3 + 28  # its own three, the node's 28 public versions relayed
    times = [t for _, _, t, _ in members]
    assert times == sorted(times), "ldes:timestampPath goes backwards"
    own_times = [o for _, _, _, o in members]
    assert own_times != sorted(own_times)  # the origins' own version times do go backwards: they are not the stream's
    assert relations and all(r[0] == TREE.GreaterThanOrEqualToRelation.value and r[1] == KBM.loggedAt.value for r in relations)
    for _, _, value, target in relations:  # every member the relation leads to satisfies it
        start = int(target.rsplit("/", 1)[1])
        assert all(t >= value for p, _, t, _ in members if p >= start)


@NEEDS_CLIENT
def test_ldes_client_after_on_the_aggregator_emits_exactly_the_later_members(node: NodeProcess, aggregator: NodeProcess) -> None:
    members, _, _ = walk(aggregator.url)
    distinct = sorted({t for _, _, t, _ in members})
    assert len(distinct) >= 3
    after = distinct[len(distinct) // 2 - 1]  # a time some members were logged at: "after" is strictly later
    expected = {m for _, m, t, _ in members if t > after}
    assert expected and len(expected) < len(members)
    emitted, _ = run_client(f"{aggregator.url}/ldes", "--after", after)
    assert set(emitted) == expected


def test_independent_verifier_verifies_every_member_of_the_aggregator(node: NodeProcess, aggregator: NodeProcess) -> None:
    members, _, jsonld = walk(aggregator.url)
    keys = {}
    for n in (node, aggregator):
        with httpx.Client(timeout=30) as c:
            description = c.get(f"{n.url}/.well-known/kb-node").json()
        keys[description["id"]] = description["publicKey"]["publicKeyMultibase"]
    origins = [di_verifier.verify(jsonld[m], keys) for _, m, _, _ in members]  # type: ignore[arg-type]
    assert len(origins) == len(members) == 31 and set(origins) == set(keys)
