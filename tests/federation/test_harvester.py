"""The harvester: incremental, verified, validated, atomic with its cursor, tolerant of bad members."""

from __future__ import annotations

from collections.abc import Callable

from pyoxigraph import Literal, NamedNode, Triple

from kb.federation.harvester import Checked
from kb.federation.members import sealer_for
from kb.federation.pages import PageMemberGraph
from kb.federation.signing import NodeKey
from kb.ontology.namespaces import DCT
from tests.conftest import LiveNode
from tests.federation.conftest import add_peer, peer_token, project, publish, sync, withdraw


def graphs_of(node: LiveNode, *seqs: int) -> list[PageMemberGraph]:
    """Members as the harvester sees them on a page, straight from a node's log."""
    out = []
    for seq in seqs:
        found = node.node.catalog.event(seq)
        assert found is not None
        event, payload = found
        out.append(PageMemberGraph.from_payload(event.member, seq, payload))
    return out


def check(harvester: LiveNode, origin: LiveNode, graphs: list[PageMemberGraph]) -> Checked:
    fed = harvester.node.federation
    cfg = fed.peer_for_node(origin.node.iri)
    assert cfg is not None
    return fed.harvester.check(cfg, graphs)


def test_harvest_copies_records_with_provenance(linked: Callable[..., tuple[LiveNode, LiveNode]]) -> None:
    origin, harvester = linked()
    iri = publish(origin, project("Gemeinsames Standesamt"))
    report = sync(harvester)
    assert report["ok"] and report["results"][0]["stored"] == 1
    meta = harvester.node.catalog.meta(iri)
    assert meta is not None and not meta.local and meta.verified
    assert meta.origin == origin.node.iri and meta.received_from == origin.node.iri and meta.received_at
    assert harvester.node.catalog.get(iri) is not None


def test_second_round_fetches_nothing_new(linked: Callable[..., tuple[LiveNode, LiveNode]]) -> None:
    origin, harvester = linked()
    publish(origin, project("Gemeinsame Beschaffung"))
    sync(harvester)
    again = sync(harvester)["results"][0]
    assert again["ok"] and again["stored"] == 0 and again["unchanged"]


def test_update_and_tombstone_propagate(linked: Callable[..., tuple[LiveNode, LiveNode]]) -> None:
    origin, harvester = linked()
    iri = publish(origin, project("Gemeinsame Kläranlage"))
    sync(harvester)
    with origin.client() as c:
        r = c.put("/api/projects/" + iri.rsplit("/", 1)[1], json=project("Gemeinsame Kläranlage", status="abgeschlossen"))
        assert r.status_code == 200, r.text
    sync(harvester)
    meta = harvester.node.catalog.meta(iri)
    assert meta is not None and meta.version == 2
    withdraw(origin, iri)
    sync(harvester)
    meta = harvester.node.catalog.meta(iri)
    assert meta is not None and meta.deleted and meta.version == 3
    assert iri not in set(harvester.node.catalog.iter_live_records())


def test_cursor_advances_with_the_members(linked: Callable[..., tuple[LiveNode, LiveNode]]) -> None:
    origin, harvester = linked(page_size=10)
    with origin.client() as c:
        c.post("/api/import", json=[project(f"Kooperation {i}") for i in range(25)]).raise_for_status()
    report = sync(harvester)["results"][0]
    assert report["stored"] == 25 and report["pages"] == 3
    cursor = harvester.node.federation.harvester.cursor(report["peer"])
    assert cursor.position == 25 and cursor.page == f"{origin.url}/ldes/pages/21" and cursor.received == 25
    with origin.client() as c:
        c.post("/api/import", json=[project(f"Weitere Kooperation {i}") for i in range(3)]).raise_for_status()
    report = sync(harvester)["results"][0]
    assert report["stored"] == 3 and report["pages"] == 1  # only the newest page is read again


def test_cursor_moves_past_a_complete_page(linked: Callable[..., tuple[LiveNode, LiveNode]]) -> None:
    origin, harvester = linked(page_size=10)
    with origin.client() as c:
        c.post("/api/import", json=[project(f"Genau zehn {i}") for i in range(10)]).raise_for_status()
    sync(harvester)
    cursor = harvester.node.federation.harvester.cursor(f"127-0-0-1-{origin.settings.port}")
    assert cursor.page == f"{origin.url}/ldes/pages/11" and cursor.position == 10
    again = sync(harvester)["results"][0]
    assert again["unchanged"] and again["stored"] == 0  # only the newest page was asked, and it answered 304


def test_forged_signature_is_quarantined_and_the_page_goes_on(linked: Callable[..., tuple[LiveNode, LiveNode]]) -> None:
    origin, harvester = linked()
    publish(origin, project("Echtes Projekt Eins"))
    publish(origin, project("Echtes Projekt Zwei"))
    good, forged = graphs_of(origin, 1, 2)
    forged.triples = [
        Triple(t.subject, t.predicate, Literal("Gefälschter Titel", language="de")) if t.predicate == DCT.title else t
        for t in forged.triples
    ]
    checked = check(harvester, origin, [good, forged])
    assert [m.member for m in checked.members] == [good.member]
    assert len(checked.quarantine) == 1 and "Signatur" in checked.quarantine[0].reason


def test_member_claiming_another_origin_is_quarantined(linked: Callable[..., tuple[LiveNode, LiveNode]], tmp_path) -> None:  # type: ignore[no-untyped-def]
    origin, harvester = linked()
    publish(origin, project("Vorlage"))
    (template,) = graphs_of(origin, 1)
    impostor = NodeKey.load_or_create(tmp_path / "impostor.key")
    record_under_origin = template.member.rsplit("/versions/", 1)[0]
    record_triples = [t for t in template.triples if t.subject == NamedNode(record_under_origin)]
    sealed = sealer_for(impostor, "https://elsewhere.example/node")(
        record_under_origin, record_triples, version=7, kind="update", timestamp="2026-01-01T00:00:00Z", visibility="public"
    )
    checked = check(harvester, origin, [PageMemberGraph.from_payload(sealed.member, 2, sealed.payload)])
    assert not checked.members
    assert "nicht unter der Adresse" in checked.quarantine[0].reason


def test_invalid_record_is_quarantined_with_shacl_reason(linked: Callable[..., tuple[LiveNode, LiveNode]]) -> None:
    origin, harvester = linked()
    publish(origin, project("Projekt mit Mängeln"))
    (template,) = graphs_of(origin, 1)
    record = template.member.rsplit("/versions/", 1)[0]
    # The origin signs a record without title and task area (a node with other shapes, say).
    record_triples = [t for t in template.triples
                      if t.subject == NamedNode(record) and t.predicate.value not in (DCT.title.value, "https://w3id.org/ikz-kb/ontology#taskArea")]
    sealed = sealer_for(origin.node.key, origin.node.iri)(
        record, record_triples, version=2, kind="update", timestamp="2026-01-01T00:00:00Z", visibility="public"
    )
    checked = check(harvester, origin, [PageMemberGraph.from_payload(sealed.member, 2, sealed.payload)])
    assert not checked.members and checked.quarantine[0].reason.startswith("SHACL")


def test_replayed_older_version_is_skipped(linked: Callable[..., tuple[LiveNode, LiveNode]]) -> None:
    origin, harvester = linked()
    iri = publish(origin, project("Versionen"))
    with origin.client() as c:
        c.put("/api/projects/" + iri.rsplit("/", 1)[1], json=project("Versionen", status="abgeschlossen")).raise_for_status()
    sync(harvester)
    old = graphs_of(origin, 1)
    checked = check(harvester, origin, old)
    assert not checked.members and not checked.quarantine and checked.skipped == 1
    assert harvester.node.catalog.meta(iri).version == 2  # type: ignore[union-attr]


def test_own_records_are_not_imported_back(node_factory: Callable[..., LiveNode]) -> None:
    a = node_factory("a", push_notifications=False)
    b = node_factory("b", push_notifications=False)
    iri = publish(a, project("Hin und zurück"))
    add_peer(b, a)
    add_peer(a, b)
    sync(b)
    report = sync(a)["results"][0]
    assert report["stored"] == 0 and report["skipped"] == 1
    assert a.node.catalog.meta(iri).local  # type: ignore[union-attr]


def test_network_records_need_a_peer_token(node_factory: Callable[..., LiveNode]) -> None:
    origin = node_factory("origin", push_notifications=False)
    anonymous_harvester = node_factory("anon", push_notifications=False)
    trusted_harvester = node_factory("trusted", push_notifications=False)
    internal = publish(origin, project("Nur im Netz", visibility="network"))
    add_peer(anonymous_harvester, origin)
    add_peer(trusted_harvester, origin, token=peer_token(origin, "Kreis"))
    sync(anonymous_harvester)
    sync(trusted_harvester)
    assert anonymous_harvester.node.catalog.meta(internal) is None
    meta = trusted_harvester.node.catalog.meta(internal)
    assert meta is not None and meta.visibility == "network"


def test_relayed_origin_key_is_pinned_on_first_use(node_factory: Callable[..., LiveNode]) -> None:
    origin = node_factory("origin", push_notifications=False)
    aggregator = node_factory("aggregator", push_notifications=False)
    far = node_factory("far", push_notifications=False)
    iri = publish(origin, project("Über zwei Stationen"))
    add_peer(aggregator, origin)
    add_peer(far, aggregator)
    sync(aggregator)
    sync(far)
    meta = far.node.catalog.meta(iri)
    assert meta is not None and meta.origin == origin.node.iri and meta.received_from == aggregator.node.iri
    pinned = far.node.federation.keyring.known()[origin.node.iri]
    assert pinned["publicKey"] == origin.node.key.public_multibase and pinned["source"] == "first-use"
    assert far.node.node_name(origin.node.iri) == origin.node.settings.name  # shown as the record's origin


def test_unreachable_origin_waits_in_quarantine_and_is_released(node_factory: Callable[..., LiveNode]) -> None:
    origin = node_factory("origin", push_notifications=False)
    aggregator = node_factory("aggregator", push_notifications=False)
    far = node_factory("far", push_notifications=False)
    iri = publish(origin, project("Herkunft zeitweise offline"))
    add_peer(aggregator, origin)
    sync(aggregator)
    description = origin.node.description()
    origin.server.should_exit = True  # the origin's server goes away (its store stays for the fixture)
    origin.thread.join(timeout=10)
    add_peer(far, aggregator)
    report = sync(far)["results"][0]
    assert report["quarantined"] == 1 and far.node.catalog.meta(iri) is None
    with far.client() as c:
        entry = c.get("/api/quarantine").json()["entries"][0]
    assert entry["retryable"] and entry["record"] == iri
    # the origin is back (its key now known to the key ring, as a fetch would have found it)
    fed = far.node.federation
    fed.keyring.pin(origin.node.iri, description, source="first-use")
    report = sync(far)["results"][0]
    assert far.node.catalog.meta(iri) is not None
    assert fed.quarantine() == []


def test_a_failed_page_commit_stops_the_peer_before_later_pages(linked: Callable[..., tuple[LiveNode, LiveNode]]) -> None:
    """Pages are committed by a worker thread while the next one is checked: if a commit fails,
    no later page is committed and the cursor stays behind the last stored page."""
    origin, harvester = linked(page_size=10)
    with origin.client() as c:
        c.post("/api/import", json=[project(f"Verbund {i}") for i in range(25)]).raise_for_status()
    catalog = harvester.node.catalog
    real_commit = catalog.commit_received
    calls = {"n": 0}

    def failing_second_commit(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError("disk full")
        return real_commit(*args, **kwargs)

    catalog.commit_received = failing_second_commit  # type: ignore[method-assign]
    try:
        report = sync(harvester)["results"][0]
    finally:
        del catalog.commit_received  # back to the real method
    assert not report["ok"] and "disk full" in report["error"]
    assert report["stored"] == 10 and calls["n"] == 2
    cursor = harvester.node.federation.harvester.cursor(report["peer"])
    assert cursor.position == 10 and cursor.page == f"{origin.url}/ldes/pages/11"
    assert catalog.count() == 10
    report = sync(harvester)["results"][0]
    assert report["ok"] and report["stored"] == 15 and catalog.count() == 25
    assert catalog.check_integrity() == []


def test_member_with_statements_about_another_record_is_quarantined(linked: Callable[..., tuple[LiveNode, LiveNode]]) -> None:
    """Finding 5 (issue 11), harvesting side: a peer's correctly signed member that also describes another record
    (a second title for a neighbour's project) is quarantined, so it can neither be stored nor cast doubt on the victim."""
    origin, harvester = linked()
    publish(origin, project("Projekt des Nachbarn"))
    publish(origin, project("Projekt mit Übergriff"))
    victim, attacker = (g.member.rsplit("/versions/", 1)[0] for g in graphs_of(origin, 1, 2))
    (template,) = graphs_of(origin, 2)
    record_triples = [t for t in template.triples if t.subject.value.startswith(attacker) and "/versions/" not in t.subject.value]
    record_triples.append(Triple(NamedNode(victim), DCT.title, Literal("Gekaperter Titel", language="de")))
    sealed = sealer_for(origin.node.key, origin.node.iri)(
        attacker, record_triples, version=2, kind="update", timestamp="2026-01-01T00:00:00Z", visibility="public"
    )
    checked = check(harvester, origin, [PageMemberGraph.from_payload(sealed.member, 3, sealed.payload)])
    assert not checked.members
    assert victim in checked.quarantine[0].reason
