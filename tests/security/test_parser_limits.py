"""Nesting, entity and text limits of every parser, against a real ``kb serve`` process.

Findings 2, 12 and the parser parts of 18 of issue 11: deeply nested JSON-LD killed the node
(from a publisher's POST and from a peer's LDES page, again on every sync round), JSON nested
50,000 levels and lone surrogates gave 500s or reset connections, and a DOCTYPE after 64 KiB of
padding had its entities expanded. Each test here failed (or crashed the node) before the fix.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import HELLWEG, free_port
from tests.e2e.processes import NodeProcess

pytestmark = pytest.mark.slow

RDF_NS = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


@pytest.fixture(scope="module")
def node(tmp_path_factory: pytest.TempPathFactory) -> Iterator[NodeProcess]:
    process = NodeProcess(tmp_path_factory.mktemp("parser-limits") / "data", name="Grenzen",
                          env={"KB_PUSH_NOTIFICATIONS": "false", "KB_PEER_TIMEOUT": "5"}).start()
    yield process
    process.stop()


def assert_alive(node: NodeProcess) -> None:
    assert node.proc is not None and node.proc.poll() is None, "the node process died"
    assert httpx.get(node.url + "/healthz", timeout=1).status_code == 200


def deep_jsonld(levels: int) -> bytes:
    return ('{"@id": "http://e/a", "http://purl.org/dc/terms/title": ' * levels + '"x"' + "}" * levels).encode()


def refused(response: httpx.Response, code: str) -> dict[str, Any]:
    assert response.status_code == 400, (response.status_code, response.text[:300])
    body: dict[str, Any] = response.json()
    assert body["error"] == code and body["message"] and body["message_en"]
    return body


# ---------------------------------------------------------------------- publishing path


def test_deep_jsonld_from_a_publisher_is_refused_and_the_node_stays_up(node: NodeProcess) -> None:
    """Finding 2: a JSON-LD record nested 20,000 levels deep killed the process (segfault in pyoxigraph)."""
    with node.client() as c:
        response = c.post("/api/projects", content=deep_jsonld(20_000), headers={"Content-Type": "application/ld+json"})
    body = refused(response, "too_deep")
    assert "verschachtelt" in body["message"] and body["limit"] == 100
    assert_alive(node)


@pytest.mark.parametrize(
    ("method", "path", "media"),
    [
        ("POST", "/api/projects", "application/json"),
        ("PUT", "/api/projects/irgendein-projekt", "application/json"),
        ("POST", "/api/projects", None),  # no content type: read as JSON
        ("POST", "/api/import", "application/json"),
        ("POST", "/api/peers", "application/json"),
        ("POST", "/inbox", "application/ld+json"),
    ],
)
def test_json_nested_50000_levels_gets_a_clear_400_on_every_json_route(node: NodeProcess, method: str, path: str, media: str | None) -> None:
    """Finding 18: JSON nested 50k levels gave 500 (RecursionError), a reset connection on /api/import."""
    headers = {"Content-Type": media} if media else {}
    with node.client() as c:
        response = c.request(method, path, content=b"[" * 50_000 + b"]" * 50_000, headers=headers)
    refused(response, "too_deep")
    assert_alive(node)


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/projects", {**HELLWEG, "title": "Standesamt MARK"}),
        ("/api/import", [{**HELLWEG, "key": "surrogat", "title": "Standesamt MARK"}]),
        ("/api/peers", {"url": "http://peer.example/MARK"}),
    ],
)
def test_a_lone_surrogate_gets_a_400_that_names_it(node: NodeProcess, path: str, body: Any) -> None:
    """Finding 18: ``"\\ud800"`` in a title gave a 500 or a reset connection (the error answer itself could not be encoded)."""
    raw = json.dumps(body).replace("MARK", "\\ud800").encode()
    with node.client() as c:
        before = c.get("/api/projects").json()["total"], len(c.get("/api/peers").json()["peers"])
        response = c.post(path, content=raw, headers={"Content-Type": "application/json"})
        answer = refused(response, "invalid_text")
        assert "Surrogat" in answer["message"] and "surrogate" in answer["message_en"]
        after = c.get("/api/projects").json()["total"], len(c.get("/api/peers").json()["peers"])
        assert after == before, "nothing was stored"
    assert_alive(node)


def test_a_doctype_after_64_kib_of_padding_is_refused_and_nothing_expands(node: NodeProcess) -> None:
    """Finding 12: the DOCTYPE check read only the first 64 KiB; padding put one past it and its entities expanded."""
    with node.client() as c:
        created = c.post("/api/projects", json={**HELLWEG, "title": "Entitätentest"})
        assert created.status_code == 201, created.text
        key = created.json()["key"]
        xml = c.get(f"/api/projects/{key}", headers={"Accept": "application/rdf+xml"}).text
        assert "Entitätentest" in xml
        declaration, xml = xml.split("?>", 1) if xml.startswith("<?xml") else ("", xml)
        entities = (
            '<!DOCTYPE rdf:RDF [<!ENTITY a "' + "A" * 100 + '">'
            + "".join(f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcd", "bcde", strict=True)) + "]>"
        )  # &e; is 1 MB
        padding = "<!-- " + "x" * 70_000 + " -->\n"
        body = (declaration + "?>" if declaration else "") + padding + entities + "\n" + xml.replace("Entitätentest", "&e;")
        response = c.put(f"/api/projects/{key}", content=body.encode(), headers={"Content-Type": "application/rdf+xml"})
        assert response.status_code == 400, (response.status_code, len(response.content))
        assert len(response.content) < 2_000 and "DOCTYPE" in response.json()["message"]
        record = c.get(f"/api/projects/{key}")
        assert record.json()["title"] == "Entitätentest" and len(record.content) < 20_000
    assert_alive(node)


# ---------------------------------------------------------------------- harvesting path


class DeepPeer:
    """A peer whose node description is fine and whose LDES page nests far too deep."""

    def __init__(self, data_dir: Path, page: bytes, content_type: str, description: bytes | None = None) -> None:
        from kb.federation.signing import NodeKey

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.hits = 0
        key = NodeKey.load_or_create(data_dir / "node.key")
        description = description or json.dumps({
            "id": f"{self.url}/node", "name": "Tiefer Partner", "kind": "municipality", "state": "NW",
            "publicKey": {"publicKeyMultibase": key.public_multibase}, "stream": f"{self.url}/ldes",
        }).encode()
        stream = (f"<{self.url}/ldes> a <https://w3id.org/ldes#EventStream> ; "
                  f"<https://w3id.org/tree#view> <{self.url}/ldes/pages/1> .\n").encode()
        peer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                found = {"/.well-known/kb-node": (description, "application/json"), "/ldes": (stream, "text/turtle"),
                         "/ldes/pages/1": (page, content_type)}.get(self.path)
                if self.path == "/ldes/pages/1":
                    peer.hits += 1
                body, media = found or (b"{}", "application/json")
                self.send_response(200 if found else 404)
                self.send_header("Content-Type", media)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def deep_turtle_page(levels: int) -> bytes:
    """RDF 1.2 triple terms: pyoxigraph's Turtle parser recurses on each and overflows its stack."""
    return (b"<http://e/a> <http://e/p> " + b"<<( <http://e/a> <http://e/p> " * levels + b'"1"' + b" )>>" * levels + b" .\n")


@pytest.mark.parametrize(
    ("page", "content_type"),
    [(deep_jsonld(20_000), "application/ld+json"), (deep_turtle_page(50_000), "text/turtle")],
    ids=["jsonld", "turtle"],
)
def test_a_peer_serving_a_too_deep_page_fails_clearly_and_the_node_survives_every_round(
    node: NodeProcess, tmp_path: Path, page: bytes, content_type: str
) -> None:
    """Finding 2: a peer's deep JSON-LD page killed the harvesting node, again on every sync round."""
    peer = DeepPeer(tmp_path, page, content_type)
    try:
        with node.client(timeout=120) as c:
            added = c.post("/api/peers", json={"url": peer.url})
            assert added.status_code == 201, added.text
            for _round in range(2):
                sync = c.post("/api/peers/sync", params={"peer": added.json()["id"]})
                assert sync.status_code == 200, sync.text
                (result,) = sync.json()["results"]
                assert result["ok"] is False and "zu tief verschachtelt" in result["error"], result
                assert_alive(node)
            assert peer.hits == 2, "each round fetched the page again"
            (status,) = [p for p in c.get("/api/peers").json()["peers"] if p["url"] == peer.url]
            assert "zu tief verschachtelt" in status["lastError"] and status["failures"] == 2
            c.delete(f"/api/peers/{status['id']}")
    finally:
        peer.stop()
    assert_alive(node)


def test_a_peer_whose_node_description_nests_too_deep_is_refused_clearly(node: NodeProcess, tmp_path: Path) -> None:
    """Finding 18 (harvesting side): a node description nested 50k levels gave a 500 on ``POST /api/peers``."""
    peer = DeepPeer(tmp_path, b"", "text/turtle", description=b'{"id": ' + b"[" * 50_000 + b"]" * 50_000 + b"}")
    try:
        with node.client() as c:
            response = c.post("/api/peers", json={"url": peer.url})
            assert response.status_code == 422, (response.status_code, response.text[:300])
            assert response.json()["error"] == "peer_error" and "/.well-known/kb-node" in response.json()["message"]
            assert peer.url not in [p["url"] for p in c.get("/api/peers").json()["peers"]]
    finally:
        peer.stop()
    assert_alive(node)
