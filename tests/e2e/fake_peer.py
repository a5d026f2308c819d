"""A misbehaving peer for the fault tests: a small real HTTP server process.

It holds a real kb node (own key, own data dir) only to mint *real signed members*; what it serves
is crafted by hand so that each fault can be produced on purpose. Switch the behaviour with
``POST /control`` (body: the mode name). Run::

    python -m tests.e2e.fake_peer --port 8799 --data-dir /tmp/fake

Modes for ``/ldes/pages/{n}`` (the node description and ``/ldes`` always work):

- ``good``        p1 = R1v1 R2v1 → p2 = R3v1 R2v2
- ``bad-members`` p1 as good → p2 = R3v1 R2v2, R4 with a forged signature, a record claiming
                  another node's origin, a replay of R2v1, then R5v1 (good): the page must go on
- ``slow``        answers only after ``--slow`` seconds
- ``error500`` / ``busy`` (429 with Retry-After: 2) / ``unavailable`` (503, Retry-After: 2)
- ``malformed``   p1 is not RDF
- ``oversized``   p1 is over 2 MB
- ``loop``        p1 → p2 → p1
"""

from __future__ import annotations

import argparse
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode

from kb.federation.feed import member_trig

STATE: dict[str, Any] = {"mode": "good", "slow": 5.0, "hits": 0}


def build_members(data_dir: Path, base: str, other_node: str | None) -> dict[str, tuple[str, str]]:
    """Name → (member IRI, stored payload) of real members signed by this fake node's key."""
    from kb.auth import Principal
    from kb.config import Settings
    from kb.federation.members import sealer_for, split_payload
    from kb.node import Node
    from tests.conftest import HELLWEG

    port = int(base.rsplit(":", 1)[1])
    node = Node(Settings(data_dir=data_dir, port=port, name="Gefälschter Partner", search_enabled=False, push_notifications=False))
    admin = Principal("admin", "fake", "Fake")

    def publish(key: str, title: str, **extra: Any) -> None:
        report = node.publisher.import_items(admin, [(key, {**HELLWEG, "key": key, "title": title, **extra})])
        assert report.ok, report.failed

    for key, title in (("r1", "Fake Eins"), ("r2", "Fake Zwei"), ("r3", "Fake Drei"), ("r4", "Fake Vier"), ("r5", "Fake Fünf")):
        publish(key, title)
    publish("r2", "Fake Zwei", status="abgeschlossen")
    by_seq = {}
    for seq in range(1, node.catalog.last_seq + 1):
        event, payload = node.catalog.event(seq)  # type: ignore[misc]
        by_seq[f"{event.record.rsplit('/', 1)[1]}v{event.version}"] = (event.member, payload)
    members = {k: by_seq[k] for k in ("r1v1", "r2v1", "r3v1", "r5v1", "r2v2")}
    member, payload = by_seq["r4v1"]
    members["forged"] = (member, payload.replace("Fake Vier", "Gefälscht"))
    if other_node:
        # A record under another node's base, attributed to that node, but signed with OUR key.
        other_base = other_node[: -len("/node")]
        record = f"{other_base}/projects/untergeschoben"
        triples = split_payload(by_seq["r3v1"][1])[0]
        r3 = by_seq["r3v1"][0].rsplit("/versions/", 1)[0]
        content = [t for t in triples if t.subject == NamedNode(r3)]
        from pyoxigraph import Triple

        content = [Triple(NamedNode(record), t.predicate, t.object) for t in content]
        sealed = sealer_for(node.key, other_node)(record, content, version=1, kind="create",
                                                   timestamp="2026-01-01T00:00:00Z", visibility="public")
        members["foreign"] = (sealed.member, sealed.payload)
    STATE["description"] = {k: v for k, v in node.description().items() if k not in ("stream", "inbox", "peers")}
    STATE["description"]["stream"] = f"{base}/ldes"
    node.close()
    return members


def page(base: str, n: int, entries: list[tuple[int, str]], members: dict[str, tuple[str, str]], next_n: int | None) -> bytes:
    stream = f"<{base}/ldes>"
    p = f"<{base}/ldes/pages/{n}>"
    out = [f"{stream} a <https://w3id.org/ldes#EventStream> .", f"{p} a <https://w3id.org/tree#Node> ."]
    if next_n is not None:
        out.append(f"{p} <https://w3id.org/tree#relation> <{base}/ldes/pages/{n}#next> .")
        out.append(f"<{base}/ldes/pages/{n}#next> <https://w3id.org/tree#node> <{base}/ldes/pages/{next_n}> .")
    for position, name in entries:
        member, payload = members[name]
        out.append(f"{stream} <https://w3id.org/tree#member> <{member}> .")
        out.append(f'<{member}> <https://w3id.org/ikz-kb/meta#streamPosition> "{position}"^^<http://www.w3.org/2001/XMLSchema#integer> .')
        out.append(member_trig(member, position, payload))
    return ("\n".join(out) + "\n").encode()


class PeerHandler(BaseHTTPRequestHandler):
    """A quiet HTTP/1.1 handler with one way to answer: what every fake peer in the tests builds on."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send(self, status: int, body: bytes, content_type: str = "application/trig", headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)


def make_handler(base: str, members: dict[str, tuple[str, str]]) -> type[BaseHTTPRequestHandler]:
    good_p1 = [(1, "r1v1"), (2, "r2v1")]
    good_p2 = [(3, "r3v1"), (4, "r2v2")]
    bad_p2 = [*good_p2, (5, "forged"), *([(6, "foreign")] if "foreign" in members else []), (7, "r2v1"), (8, "r5v1")]

    class Handler(PeerHandler):

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length", "0"))
            body = self.rfile.read(length).decode()
            if self.path == "/control":
                STATE["mode"] = body.strip()
                self.send(200, b"ok", "text/plain")
            else:
                self.send(404, b"{}", "application/json")

        def do_GET(self) -> None:
            mode = STATE["mode"]
            if self.path == "/.well-known/kb-node":
                self.send(200, json.dumps(STATE["description"]).encode(), "application/json")
                return
            if self.path == "/ldes":
                view = f"<{base}/ldes> a <https://w3id.org/ldes#EventStream> ; <https://w3id.org/tree#view> <{base}/ldes/pages/1> .\n"
                self.send(200, view.encode())
                return
            if not self.path.startswith("/ldes/pages/"):
                self.send(404, b"{}", "application/json")
                return
            STATE["hits"] += 1
            n = int(self.path.rsplit("/", 1)[1])
            if mode == "slow":
                time.sleep(STATE["slow"])
            if mode == "error500":
                self.send(500, b"kaputt", "text/plain")
            elif mode in ("busy", "unavailable"):
                self.send(429 if mode == "busy" else 503, b"later", "text/plain", {"Retry-After": "2"})
            elif mode == "malformed" and n == 1:
                self.send(200, b"<http://x> <http://y> { this is not trig")
            elif mode == "oversized" and n == 1:
                self.send(200, b"# filler\n" * 300_000)
            elif mode == "loop":
                self.send(200, page(base, n, good_p1 if n == 1 else good_p2, members, 2 if n == 1 else 1))
            elif n == 1:
                self.send(200, page(base, 1, good_p1, members, 2))
            elif n == 2:
                self.send(200, page(base, 2, bad_p2 if mode == "bad-members" else good_p2, members, None))
            else:
                self.send(404, b"{}", "application/json")

    return Handler


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--other-node", default=None, help="IRI of a real node whose origin the fake claims once")
    parser.add_argument("--slow", type=float, default=5.0)
    args = parser.parse_args()
    base = f"http://127.0.0.1:{args.port}"
    STATE["slow"] = args.slow
    members = build_members(args.data_dir, base, args.other_node)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(base, members))
    server.daemon_threads = True
    print("ready", flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
