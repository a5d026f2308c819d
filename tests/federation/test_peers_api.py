"""The peers API: adding (admin only, key pinned), status, on-demand rounds, removal, quarantine."""

from __future__ import annotations

from collections.abc import Callable

from tests.conftest import LiveNode, free_port
from tests.federation.conftest import add_peer, project, publish, sync


def test_adding_a_peer_needs_the_admin_token(node_factory: Callable[..., LiveNode]) -> None:
    a, b = node_factory("a"), node_factory("b")
    with b.client(token=None) as anonymous:
        assert anonymous.post("/api/peers", json={"url": a.url}).status_code == 401
    publisher_token, _ = b.node.tokens.create("Redaktion", "publisher")
    with b.client(token=publisher_token) as publisher:
        assert publisher.post("/api/peers", json={"url": a.url}).status_code == 403


def test_adding_a_peer_pins_its_key_and_describes_it(node_factory: Callable[..., LiveNode]) -> None:
    a, b = node_factory("a", push_notifications=False), node_factory("b", push_notifications=False)
    status = add_peer(b, a)
    assert status["node"] == a.node.iri and status["state"] == "never" and status["bundesland"] == "NW"
    fed = b.node.federation
    assert fed.harvester.peer(status["id"]).public_key == a.node.key.public_multibase
    assert fed.keyring.known()[a.node.iri]["source"] == "peer"
    peers = b.node.description()["peers"]
    assert peers == [{"id": a.node.iri, "url": a.url, "name": a.node.settings.name}]


def test_unreachable_or_self_peer_is_refused(live: LiveNode) -> None:
    with live.client() as admin:
        down = admin.post("/api/peers", json={"url": f"http://127.0.0.1:{free_port()}"})
        assert down.status_code == 422 and "antwortet nicht" in down.json()["message"]
        assert admin.post("/api/peers", json={"url": live.url}).status_code == 422
        assert admin.post("/api/peers", json={"url": "ftp://example.org"}).status_code == 422


def test_status_after_a_round(node_factory: Callable[..., LiveNode]) -> None:
    a, b = node_factory("a", push_notifications=False), node_factory("b", push_notifications=False)
    publish(a, project("Gemeinsames Rechenzentrum"))
    publish(a, project("Gemeinsame Ausbildung"))
    add_peer(b, a)
    report = sync(b)
    assert report["ok"] and report["results"][0]["stored"] == 2
    with b.client(token=None) as anonymous:
        (public,) = anonymous.get("/api/peers").json()["peers"]
    with b.client() as admin:
        (status,) = admin.get("/api/peers").json()["peers"]
    for seen in (public, status):
        assert seen["state"] == "synced" and seen["received"] == 2 and seen["quarantined"] == 0 and seen["lastSuccess"]
        assert "token" not in seen
    assert status["cursor"]["position"] == 2 and status["lastError"] is None
    assert "cursor" not in public and "lastError" not in public  # what the peer pointed to is for the admin


def test_broken_peer_reports_error_and_backs_off_others_unaffected(node_factory: Callable[..., LiveNode]) -> None:
    good, broken, harvester = (node_factory(n, push_notifications=False) for n in ("good", "broken", "harvester"))
    publish(good, project("Läuft weiter"))
    add_peer(harvester, good)
    add_peer(harvester, broken)
    broken.server.should_exit = True
    broken.thread.join(timeout=10)
    report = sync(harvester)
    by_peer = {r["url"]: r for r in report["results"]}
    assert not report["ok"]
    assert by_peer[good.url]["ok"] and by_peer[good.url]["stored"] == 1
    assert not by_peer[broken.url]["ok"] and "nicht erreichbar" in by_peer[broken.url]["error"]
    with harvester.client() as admin:
        states = {p["url"]: p for p in admin.get("/api/peers").json()["peers"]}
    assert states[broken.url]["state"] == "backing off" and states[broken.url]["lastError"]
    assert states[good.url]["state"] == "synced"


def test_sync_of_one_peer_and_removal(node_factory: Callable[..., LiveNode]) -> None:
    a, b = node_factory("a", push_notifications=False), node_factory("b", push_notifications=False)
    iri = publish(a, project("Bleibt nach Entfernen"))
    peer_id = add_peer(b, a)["id"]
    with b.client() as admin:
        assert admin.post("/api/peers/sync", params={"peer": "unbekannt"}).status_code == 404
        assert admin.post("/api/peers/sync", params={"peer": peer_id}).json()["results"][0]["stored"] == 1
        assert admin.delete(f"/api/peers/{peer_id}").status_code == 204
        assert admin.get("/api/peers").json()["peers"] == []
        assert admin.delete(f"/api/peers/{peer_id}").status_code == 404
    assert b.node.catalog.meta(iri) is not None


def test_quarantine_is_for_the_admin(live: LiveNode) -> None:
    with live.client(token=None) as anonymous:
        assert anonymous.get("/api/quarantine").status_code == 401
    with live.client() as admin:
        assert admin.get("/api/quarantine").json() == {"total": 0, "entries": []}
