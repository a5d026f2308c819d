"""The LDES feed: stream description, TREE pages, caching, formats and visibility."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from pyoxigraph import DefaultGraph, NamedNode, RdfFormat, parse

from kb.federation.members import parse_member, verify_member
from kb.ontology.namespaces import DCT, KBM, LDES, RDF, SEC, TREE
from tests.conftest import LiveNode
from tests.federation.conftest import add_peer, peer_token, project, publish, sync, withdraw


def quads(response: httpx.Response, fmt: RdfFormat = RdfFormat.TRIG) -> list:
    return list(parse(response.content, format=fmt, base_iri=str(response.url)))


def default_graph(qs: list) -> list:
    return [q.triple for q in qs if isinstance(q.graph_name, DefaultGraph)]


def members_of(qs: list) -> list[str]:
    return [t.object.value for t in default_graph(qs) if t.predicate == TREE.member]


def graph(qs: list, name: str) -> list:
    return [q.triple for q in qs if q.graph_name == NamedNode(name)]


def graph_and_proof(qs: list, name: str) -> tuple[list, list]:
    """A member's graph with the link to its proof (in the page's default graph), and the proof graph."""
    links = [t for t in default_graph(qs) if t.subject == NamedNode(name) and t.predicate == SEC.proof]
    assert not any(t.predicate == SEC.proof for t in graph(qs, name))  # the member's graph is exactly the signed document
    (link,) = links
    return graph(qs, name) + links, [q.triple for q in qs if q.graph_name == link.object]


def test_stream_declares_paths_retention_and_view(live: LiveNode, anonymous: httpx.Client) -> None:
    r = anonymous.get("/ldes")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/trig")
    triples = default_graph(quads(r))
    stream = NamedNode(f"{live.url}/ldes")
    facts = {(t.subject, t.predicate, t.object) for t in triples}
    assert (stream, RDF.type, LDES.EventStream) in facts
    assert (stream, LDES.versionOfPath, DCT.isVersionOf) in facts
    assert (stream, LDES.timestampPath, KBM.loggedAt) in facts  # the node's own time, not the origin's
    assert (stream, TREE.view, NamedNode(f"{live.url}/ldes/pages/1")) in facts
    # Current LDES vocabulary only: no legacy retention types.
    assert not any(t.object in (LDES.LatestVersionSubset, LDES.DurationAgoPolicy) or t.predicate == LDES.versionKey for t in triples)
    (shape,) = [t.object for t in triples if t.subject == stream and t.predicate == TREE.shape]
    assert (shape, RDF.type, NamedNode("http://www.w3.org/ns/shacl#NodeShape")) in facts
    # Only erasures of personal data compact the stream, and the stream says how.
    assert any(t.predicate == KBM.compactedBy and t.object == KBM.erasedBefore for t in triples)
    assert not any(t.predicate == LDES.retentionPolicy for t in triples)  # nothing erased: no policy, all is kept
    assert live.node.description()["stream"] == str(stream.value)


def test_after_an_erasure_the_stream_declares_its_retention(live: LiveNode, anonymous: httpx.Client) -> None:
    """Erasing personal data removes versions: from then on the stream promises (current LDES
    vocabulary) only the latest version of each record, and the erased version is gone."""
    iri = publish(live, project("Projekt mit Kontakt"))
    with live.client() as admin:
        admin.put(f"/api/projects/{iri.rsplit('/', 1)[1]}", json=project("Projekt ohne Kontakt")).raise_for_status()
    assert live.node.erasure.erase_record(iri, dry_run=False).complete
    triples = default_graph(quads(anonymous.get("/ldes")))
    (policy,) = [t.object for t in triples if t.predicate == LDES.retentionPolicy]
    facts = {(t.subject, t.predicate, t.object) for t in triples}
    assert (policy, RDF.type, LDES.RetentionPolicy) in facts
    assert [t.object.value for t in triples if t.subject == policy and t.predicate == LDES.versionAmount] == ["1"]
    members = members_of(quads(anonymous.get("/ldes/pages/1")))
    assert f"{iri}/versions/1" not in members and f"{iri}/versions/3" in members


def test_members_are_named_graphs_with_the_signed_version(live: LiveNode, anonymous: httpx.Client) -> None:
    iri = publish(live, project("Gemeinsamer Bauhof Nord"))
    qs = quads(anonymous.get("/ldes/pages/1"))
    member = f"{iri}/versions/1"
    assert members_of(qs) == [member]
    parsed = parse_member(member, *graph_and_proof(qs, member))
    assert parsed.record == iri and parsed.version == 1 and parsed.kind == "create"
    assert verify_member(parsed, live.node.key.public_multibase)
    positions = [t.object.value for t in default_graph(qs) if t.predicate == KBM.streamPosition]
    assert positions == ["1"]


def test_full_pages_are_immutable_and_linked(node_factory: Callable[..., LiveNode]) -> None:
    live = node_factory(page_size=10)
    with live.client() as admin:
        r = admin.post("/api/import", json=[project(f"Kooperation Nummer {i}") for i in range(23)])
        assert r.status_code == 200, r.text
    with live.client(token=None) as anonymous:
        first = anonymous.get("/ldes/pages/1")
        assert "immutable" in first.headers["cache-control"] and "public" in first.headers["cache-control"]
        qs = quads(first)
        assert len(members_of(qs)) == 10
        nodes = [t.object.value for t in default_graph(qs) if t.predicate == TREE.node]
        assert nodes == [f"{live.url}/ldes/pages/11"]
        third = anonymous.get("/ldes/pages/21")
        assert "immutable" not in third.headers["cache-control"]
        assert len(members_of(quads(third))) == 3
        assert not [t for t in default_graph(quads(third)) if t.predicate == TREE.relation]
        assert anonymous.get("/ldes/pages/99").status_code == 404


def test_newest_page_answers_304_until_it_changes(live: LiveNode, anonymous: httpx.Client) -> None:
    publish(live, project("Interkommunales Gewerbegebiet"))
    first = anonymous.get("/ldes/pages/1")
    etag = first.headers["etag"]
    again = anonymous.get("/ldes/pages/1", headers={"If-None-Match": etag})
    assert again.status_code == 304
    publish(live, project("Gemeinsame Vergabestelle"))
    changed = anonymous.get("/ldes/pages/1", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and len(members_of(quads(changed))) == 2


def test_nquads_and_jsonld_carry_the_same_quads(live: LiveNode, anonymous: httpx.Client) -> None:
    publish(live, project("Gemeinsame Kasse"))
    trig = {str(q) for q in quads(anonymous.get("/ldes/pages/1"))}
    nq = anonymous.get("/ldes/pages/1", headers={"Accept": "application/n-quads"})
    assert nq.headers["content-type"].startswith("application/n-quads")
    assert {str(q) for q in quads(nq, RdfFormat.N_QUADS)} == trig
    jsonld = anonymous.get("/ldes/pages/1?format=jsonld")
    assert {str(q) for q in quads(jsonld, RdfFormat.JSON_LD)} == trig


def test_network_members_only_for_authenticated_peers(live: LiveNode) -> None:
    public = publish(live, project("Öffentliches Projekt"))
    internal = publish(live, project("Internes Projekt", visibility="network"))
    with live.client(token=None) as anonymous:
        seen = members_of(quads(anonymous.get("/ldes/pages/1")))
    assert seen == [f"{public}/versions/1"]
    with live.client(token=peer_token(live)) as peer:
        r = peer.get("/ldes/pages/1")
        assert "private" in r.headers["cache-control"]
        assert set(members_of(quads(r))) == {f"{public}/versions/1", f"{internal}/versions/1"}


def test_tombstones_stay_in_the_stream(live: LiveNode, anonymous: httpx.Client) -> None:
    iri = publish(live, project("Zurückgezogenes Projekt"))
    withdraw(live, iri)
    qs = quads(anonymous.get("/ldes/pages/1"))
    assert members_of(qs) == [f"{iri}/versions/1", f"{iri}/versions/2"]
    tombstone = parse_member(f"{iri}/versions/2", *graph_and_proof(qs, f"{iri}/versions/2"))
    assert tombstone.kind == "delete" and tombstone.record_triples == []


def test_aggregator_republishes_harvested_members_verbatim(node_factory: Callable[..., LiveNode]) -> None:
    origin = node_factory("origin", push_notifications=False)
    aggregator = node_factory("aggregator", push_notifications=False)
    relay_off = node_factory("relay-off", push_notifications=False, republish=False)
    iri = publish(origin, project("Digitale Bauakte im Verbund"))
    for harvester in (aggregator, relay_off):
        add_peer(harvester, origin)
        sync(harvester)
    member = f"{iri}/versions/1"
    with origin.client(token=None) as c:
        original = sorted(str(t) for t in graph(quads(c.get("/ldes/pages/1")), member))
    with aggregator.client(token=None) as c:
        relayed = sorted(str(t) for t in graph(quads(c.get("/ldes/pages/1")), member))
    assert relayed == original
    with relay_off.client(token=None) as c:
        assert members_of(quads(c.get("/ldes/pages/1"))) == []
