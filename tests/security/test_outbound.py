"""Outbound requests a caller or a peer can steer (issue 11, findings 10, 11 and 14).

A real ``kb serve`` process, and small real HTTP servers on loopback in this test process: a
misbehaving peer (``EvilPeer``) and listeners on other ports, i.e. other origins, that record every
request they get. "Nothing was sent there" is checked on those listeners.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from kb.federation.notify import activity, sign_request
from kb.federation.signing import NodeKey
from tests.conftest import HELLWEG
from tests.e2e.fake_peer import PeerHandler
from tests.e2e.processes import REPO, NodeProcess

pytestmark = pytest.mark.slow

TREE = "https://w3id.org/tree#"
PEER_TOKEN_SENT = "geheimes-partner-token-0123456789"


class EvilPeer:
    """A peer (or just a listener) on its own port that records requests; ``mode`` sets what its pages do.

    - ``empty``            page 1 has no members and no next page
    - ``next-foreign``     page 1 links to page 2 on ``other`` (another origin)
    - ``redirect-foreign`` page 1 redirects (302) to ``other``
    - ``drip``             page 1 answers with a status line, then one header byte per second
    - ``chain``            page n links to page n+1, for ever, with fresh URLs and no members
    """

    def __init__(self, key_path: Path, *, other: str | None = None, mode: str = "empty") -> None:
        self.key = NodeKey.load_or_create(key_path)
        self.other = other
        self.mode = mode
        self.stream: str | None = None
        self.inbox: str | None = None
        self.requests: list[dict[str, Any]] = []
        self._stop = threading.Event()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.node = f"{self.url}/node"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def description(self) -> dict[str, Any]:
        return {
            "id": self.node, "name": "Fremder Knoten", "operator": "Unbekannt", "kind": "other", "state": "NW",
            "publicKey": {"id": f"{self.node}#key-1", "type": "Multikey", "controller": self.node,
                          "publicKeyMultibase": self.key.public_multibase},
            "stream": self.stream or f"{self.url}/ldes", "inbox": self.inbox or f"{self.url}/inbox",
        }

    def page(self, n: int, next_url: str | None) -> bytes:
        lines = [f"<{self.url}/ldes> a <https://w3id.org/ldes#EventStream> .", f"<{self.url}/ldes/pages/{n}> a <{TREE}Node> ."]
        if next_url:
            rel = f"<{self.url}/ldes/pages/{n}#next>"
            lines += [f"<{self.url}/ldes/pages/{n}> <{TREE}relation> {rel} .", f"{rel} <{TREE}node> <{next_url}> ."]
        return ("\n".join(lines) + "\n").encode()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        peer = self

        class Handler(PeerHandler):
            def record(self) -> None:
                peer.requests.append({"method": self.command, "path": self.path, "headers": dict(self.headers.items())})

            def do_POST(self) -> None:
                self.record()
                self.rfile.read(int(self.headers.get("content-length", "0")))
                self.send(202, b"{}", "application/json")

            def do_GET(self) -> None:
                self.record()
                if self.path == "/.well-known/kb-node":
                    self.send(200, json.dumps(peer.description()).encode(), "application/json")
                elif self.path == "/ldes":
                    body = f"<{peer.url}/ldes> a <https://w3id.org/ldes#EventStream> ; <{TREE}view> <{peer.url}/ldes/pages/1> .\n"
                    self.send(200, body.encode())
                elif self.path.startswith("/ldes/pages/"):
                    self.page(int(self.path.rsplit("/", 1)[1]))
                else:
                    self.send(404, b"{}", "application/json")

            def page(self, n: int) -> None:
                if peer.mode == "next-foreign":
                    self.send(200, peer.page(n, f"{peer.other}/ldes/pages/2"))
                elif peer.mode == "redirect-foreign":
                    self.send(302, b"", "text/plain", {"Location": f"{peer.other}/ldes/pages/1"})
                elif peer.mode == "chain":
                    self.send(200, peer.page(n, f"{peer.url}/ldes/pages/{n + 1}"))
                elif peer.mode == "drip":
                    try:
                        self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Drip: ")
                        self.wfile.flush()
                        for _ in range(120):  # two minutes of headers, one byte a second
                            if peer._stop.wait(1.0):
                                return
                            self.wfile.write(b"a")
                            self.wfile.flush()
                    except OSError:
                        return  # the harvester gave up: what we want
                    self.close_connection = True
                else:
                    self.send(200, peer.page(n, None))

        return Handler

    def paths(self) -> list[str]:
        return [r["path"] for r in self.requests]

    def stop(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def servers(tmp_path: Path) -> Iterator[list[EvilPeer]]:
    started: list[EvilPeer] = []
    yield started
    for s in started:
        s.stop()


def serve(servers: list[EvilPeer], tmp_path: Path, **kwargs: Any) -> EvilPeer:
    peer = EvilPeer(tmp_path / f"key-{len(servers)}", **kwargs)
    servers.append(peer)
    return peer


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NodeProcess]:
    env = {"KB_PEER_TIMEOUT": "2", "KB_HARVEST_BUDGET": "4"}
    proc = NodeProcess(tmp_path_factory.mktemp("outbound") / "data", name="Geprüfter Knoten", env=env).start()
    yield proc
    proc.stop()


def peer_token(node: NodeProcess, name: str) -> str:
    out = subprocess.run(
        [sys.executable, "-m", "kb.cli", "token", "create", "--name", name, "--role", "peer", "--data-dir", str(node.data_dir)],
        cwd=REPO, capture_output=True, text=True, check=True, env=node.env,
    )
    return out.stdout.strip()


def add(node: NodeProcess, peer: EvilPeer, token: str | None = None) -> httpx.Response:
    with node.client() as c:
        return c.post("/api/peers", json={"url": peer.url, **({"token": token} if token else {})})


def sync_one(node: NodeProcess, peer_id: str, timeout: float = 120) -> tuple[dict[str, Any], float]:
    started = time.monotonic()
    with node.client(timeout=timeout) as c:
        r = c.post("/api/peers/sync", params={"peer": peer_id})
    assert r.status_code == 200, r.text
    return r.json()["results"][0], time.monotonic() - started


def admin_status(node: NodeProcess, peer_id: str) -> dict[str, Any]:
    with node.client() as c:
        return next(p for p in c.get("/api/peers").json()["peers"] if p["id"] == peer_id)


def remove(node: NodeProcess, peer_id: str) -> None:
    with node.client() as c:
        c.delete(f"/api/peers/{peer_id}")


def forged_follow(node: NodeProcess, actor: str, key: NodeKey | None, token: str | None = None) -> httpx.Response:
    public = {"id": f"{actor}#key-1", "type": "Multikey", "publicKeyMultibase": key.public_multibase} if key else None
    body = activity("Follow", actor, f"{node.url}/node", publicKey=public)
    if key is not None:
        headers = sign_request(key, f"{actor}#key-1", "POST", f"{node.url}/inbox", body)
    else:
        headers = {"Signature-Input": f'kb=("@method" "@target-uri" "content-digest");created={int(time.time())};'
                                      f'keyid="{actor}#key-1";alg="ed25519"',
                   "Signature": "kb=:AAAA:", "Content-Digest": "sha-256=:AAAA:"}
    with node.client(token=token) as c:
        return c.post("/inbox", content=body, headers={"Content-Type": "application/ld+json", **headers})


def publish_something(node: NodeProcess, title: str) -> None:
    with node.client() as c:
        r = c.post("/api/projects", json={**HELLWEG, "title": title})
        assert r.status_code == 201, r.text


# ---------------------------------------------------------------------- finding 10: the inbox


def test_forged_inbox_post_fetches_nothing(node: NodeProcess, servers: list[EvilPeer], tmp_path: Path) -> None:
    """Finding 10: a notification with a fake signature, or a valid one from a stranger, makes the node
    fetch nothing (no request for the keyId's description) and is answered 4xx."""
    listener = serve(servers, tmp_path)
    stranger = serve(servers, tmp_path)
    fake = forged_follow(node, listener.node, key=None)
    assert 400 <= fake.status_code < 500, fake.text
    valid_but_unknown = forged_follow(node, stranger.node, key=stranger.key)
    assert valid_but_unknown.status_code == 403, valid_but_unknown.text
    assert "Partner" in valid_but_unknown.json()["message"]
    time.sleep(1.0)
    assert listener.requests == [] and stranger.requests == []


def test_follow_naming_a_foreign_inbox_is_refused(node: NodeProcess, servers: list[EvilPeer], tmp_path: Path) -> None:
    """Finding 10: a Follow whose sender names an inbox on another origin is refused, even with a peer
    token, and no later write is POSTed there."""
    elsewhere = serve(servers, tmp_path)
    sender = serve(servers, tmp_path)
    sender.inbox = f"{elsewhere.url}/inbox"
    token = peer_token(node, "Absender mit fremdem Posteingang")
    refused = forged_follow(node, sender.node, key=sender.key, token=token)
    assert refused.status_code == 403, refused.text
    assert "Posteingang" in refused.json()["message"]
    publish_something(node, "Darf nicht nach draußen gemeldet werden")
    time.sleep(2.0)  # the notifier debounces 0.3 s
    assert elsewhere.requests == []
    # a partner with its inbox on its own origin is accepted (push hints keep working)
    sender.inbox = None
    accepted = forged_follow(node, sender.node, key=sender.key, token=token)
    assert accepted.status_code == 202 and accepted.json()["subscribed"] == sender.node, accepted.text


@pytest.mark.parametrize("field", ["inbox", "stream"])
def test_peer_naming_a_foreign_stream_or_inbox_is_not_added(node: NodeProcess, servers: list[EvilPeer], tmp_path: Path,
                                                            field: str) -> None:
    """Finding 11: a peer whose description names a stream or an inbox on another origin is refused
    when it is added; the other origin gets nothing."""
    elsewhere = serve(servers, tmp_path)
    peer = serve(servers, tmp_path)
    setattr(peer, field, f"{elsewhere.url}/{'ldes' if field == 'stream' else 'inbox'}")
    r = add(node, peer, token=PEER_TOKEN_SENT)
    try:
        assert r.status_code == 422, r.text
        assert elsewhere.url in r.json()["message"] and "eigener Adresse" in r.json()["message"]
        time.sleep(1.0)
        assert elsewhere.requests == []
    finally:
        if r.status_code == 201:
            remove(node, r.json()["id"])


# ---------------------------------------------------------------------- finding 11: the harvester


@pytest.mark.parametrize(("mode", "why"), [("next-foreign", "nicht auf die Adresse des Partners"), ("redirect-foreign", "leitet nach")])
def test_harvester_stays_on_the_peer_origin(node: NodeProcess, servers: list[EvilPeer], tmp_path: Path, mode: str, why: str) -> None:
    """Finding 11: a next-link or a redirect to another origin is not followed: that origin receives no
    request and no token; the peer's status says why, to the admin only."""
    elsewhere = serve(servers, tmp_path)
    peer = serve(servers, tmp_path, other=elsewhere.url, mode=mode)
    added = add(node, peer, token=PEER_TOKEN_SENT)
    assert added.status_code == 201, added.text
    peer_id = added.json()["id"]
    try:
        result, _ = sync_one(node, peer_id)
        assert not result["ok"] and why in result["error"], result
        time.sleep(0.5)
        assert elsewhere.requests == [], elsewhere.requests
        assert any(r["headers"].get("Authorization") == f"Bearer {PEER_TOKEN_SENT}" for r in peer.requests)  # its own origin: yes
        status = admin_status(node, peer_id)
        assert why in status["lastError"] and elsewhere.url not in str(status["cursor"]["page"])
        # anonymous callers see nothing the peer pointed to: no cursor, no error text, no foreign address
        with node.client(token=None) as anonymous:
            listing = anonymous.get("/api/peers")
            page = anonymous.get("/netzwerk")
        public = next(p for p in listing.json()["peers"] if p["id"] == peer_id)
        assert "cursor" not in public and "lastError" not in public
        assert elsewhere.url not in listing.text and elsewhere.url not in page.text
    finally:
        remove(node, peer_id)


def test_anonymous_peer_listing_shows_nothing_a_peer_claimed(node: NodeProcess, servers: list[EvilPeer], tmp_path: Path) -> None:
    """Finding 11: ``GET /api/peers`` without login does not show what the harvester found at a peer
    (page addresses, error texts that name other hosts and whether they answered)."""
    peer = serve(servers, tmp_path, mode="chain")
    added = add(node, peer)
    assert added.status_code == 201, added.text
    peer_id = added.json()["id"]
    try:
        sync_one(node, peer_id)
        with node.client(token=None) as anonymous:
            public = next(p for p in anonymous.get("/api/peers").json()["peers"] if p["id"] == peer_id)
        assert set(public) <= {"id", "url", "name", "operator", "bundesland", "kind", "added", "lastSuccess", "received",
                               "quarantined", "state", "retryInSeconds"}, public
        assert "/ldes/pages/" not in json.dumps(public)
        assert "/ldes/pages/" in json.dumps(admin_status(node, peer_id))  # the admin sees where the harvest stands
    finally:
        remove(node, peer_id)


# ---------------------------------------------------------------------- finding 14: time limits and chains


def test_dripping_headers_are_cut_off(node: NodeProcess, servers: list[EvilPeer], tmp_path: Path) -> None:
    """Finding 14: headers that arrive one byte a second are cut off by the total time limit of the
    request (3 × KB_PEER_TIMEOUT = 6 s here), not after minutes."""
    peer = serve(servers, tmp_path, mode="drip")
    added = add(node, peer)
    assert added.status_code == 201, added.text
    peer_id = added.json()["id"]
    try:
        result, seconds = sync_one(node, peer_id, timeout=30)
        assert seconds < 15, seconds
        assert not result["ok"] and "nicht innerhalb" in result["error"], result
    finally:
        remove(node, peer_id)


def test_endless_chain_of_fresh_pages_is_stopped_and_not_ok(node: NodeProcess, servers: list[EvilPeer], tmp_path: Path) -> None:
    """Finding 14: an endless chain of fresh next-links ends with the round's budget (4 s here) and is
    reported as a failure, not ``ok``."""
    peer = serve(servers, tmp_path, mode="chain")
    added = add(node, peer)
    assert added.status_code == 201, added.text
    peer_id = added.json()["id"]
    try:
        result, seconds = sync_one(node, peer_id)
        assert seconds < 30, seconds
        assert not result["ok"] and "Zeitbudget" in result["error"], result
        assert admin_status(node, peer_id)["state"] == "backing off"  # no progress: counts as a failure
    finally:
        remove(node, peer_id)


# ---------------------------------------------------------------------- the deny list


def test_private_addresses_are_refused_unless_allowed(node: NodeProcess, servers: list[EvilPeer], tmp_path: Path) -> None:
    """Finding 11: loopback and private addresses are refused with a clear message unless the operator
    allows their range (KB_OUTBOUND_ALLOW_NETWORKS); refused addresses get no request at all."""
    peer = serve(servers, tmp_path)
    strict = NodeProcess(tmp_path / "strict", name="Strenger Knoten", env={"KB_OUTBOUND_ALLOW_NETWORKS": ""}).start()
    try:
        with strict.client() as c:
            refused = c.post("/api/peers", json={"url": peer.url})
            assert refused.status_code == 422, refused.text
            assert "KB_OUTBOUND_ALLOW_NETWORKS" in refused.json()["message"]
            started = time.monotonic()
            metadata = c.post("/api/peers", json={"url": "http://169.254.169.254"})
            assert metadata.status_code == 422 and time.monotonic() - started < 5, metadata.text
            mapped = c.post("/api/peers", json={"url": f"http://[::ffff:127.0.0.1]:{peer.url.rsplit(':', 1)[1]}"})
            assert mapped.status_code == 422, mapped.text
        assert peer.requests == []
    finally:
        strict.stop()
    allowed = add(node, peer)  # the module's node allows 127.0.0.0/8 (as the demo does)
    assert allowed.status_code == 201, allowed.text
    remove(node, allowed.json()["id"])
    assert "/.well-known/kb-node" in peer.paths()
