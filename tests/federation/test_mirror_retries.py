"""A document whose fetch failed is not asked for again in every mirror round, only after a growing pause."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from kb.documents.examples import make_pdf
from kb.documents.retries import FIRST_PAUSE, clock_time
from tests.conftest import LiveNode
from tests.federation.conftest import add_peer, project, publish, sync, withdraw


def attach(node: LiveNode, iri: str, data: bytes, name: str) -> str:
    with node.client() as c:
        r = c.post(f"/api/projects/{iri.rsplit('/', 1)[1]}/documents", files={"file": (name, data, "application/pdf")},
                   data={"title": f"Dokument {name}", "type": "vereinbarung"})
        assert r.status_code == 201, r.text
        return str(r.json()["document"]["sha256"])


def wait_until(condition: Callable[[], bool], seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the mirror thread did not get there"
        time.sleep(0.02)


class Clock:
    """The back-off's wall clock, moved on by the test instead of waiting (the pauses are minutes)."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def test_a_failing_document_is_fetched_once_per_pause_and_success_ends_the_pause(node_factory: Callable[..., LiveNode]) -> None:
    origin = node_factory("origin", push_notifications=False)
    harvester = node_factory("harvester", push_notifications=False)
    harvester.node.documents.stop()  # this test runs the mirror rounds itself
    clock = harvester.node.documents.retries.clock = Clock()
    add_peer(harvester, origin)
    iri = publish(origin, project("Zweckverband mit kaputtem Dokumentserver"))
    pdf = make_pdf("Vereinbarung", ["Öffentlich-rechtliche Vereinbarung über den Bauhof."])
    sha = attach(origin, iri, pdf, "vereinbarung.pdf")
    sync(harvester)
    port = int(origin.url.rsplit(":", 1)[1])
    origin.stop()

    requests: list[str] = []
    answer = {"status": 500}

    class PeerLike(BaseHTTPRequestHandler):  # the origin's address now answers every request with an error
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            requests.append(self.path)
            body = pdf if answer["status"] == 200 else b"kaputt"
            self.send_response(answer["status"])
            self.send_header("Content-Type", "application/pdf" if answer["status"] == 200 else "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", port), PeerLike)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        documents = harvester.node.documents
        rounds = [documents.mirror() for _ in range(4)]
        assert requests == [f"/documents/{sha}"], requests
        first_retry = clock.now + FIRST_PAUSE
        assert rounds[0][sha].startswith("failed: HTTP 500") and rounds[0][sha].endswith(f"(retry after {clock_time(first_retry)})")
        assert [r[sha] for r in rounds[1:]] == [f"later: retry after {clock_time(first_retry)}"] * 3

        clock.now = first_retry  # the pause is over: one more attempt, then twice the pause
        again = [documents.mirror() for _ in range(3)]
        assert len(requests) == 2
        second_retry = clock.now + 2 * FIRST_PAUSE
        assert again[0][sha].endswith(f"(retry after {clock_time(second_retry)})")
        assert [r[sha] for r in again[1:]] == [f"later: retry after {clock_time(second_retry)}"] * 2
        clock.now = first_retry + FIRST_PAUSE  # half the doubled pause: still waiting
        assert documents.mirror()[sha].startswith("later: retry after") and len(requests) == 2

        rounds = documents.rounds
        documents.start(interval=0.05)  # the background thread: nothing changes in the catalogue from here on
        wait_until(lambda: documents.rounds > rounds)
        assert len(requests) == 2 and documents.last_outcomes[sha].startswith("later: retry after")
        answer["status"] = 200
        clock.now = second_retry  # the pause ends: the thread runs a round by itself
        wait_until(lambda: documents.files.has(sha))
        assert len(requests) == 3 and documents.last_outcomes == {sha: "mirrored"}
        assert documents.retries.waiting() == {}
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_new_version_of_the_record_ends_the_pause_and_a_withdrawn_one_is_forgotten(
        linked: Callable[..., tuple[LiveNode, LiveNode]]) -> None:
    origin, harvester = linked()
    harvester.node.documents.stop()
    documents = harvester.node.documents
    iri = publish(origin, project("Kooperation mit verlorener Datei"))
    sha = attach(origin, iri, make_pdf("Satzung", ["Satzung des Zweckverbands."]), "satzung.pdf")
    origin.node.documents.files.delete(sha)  # the origin lost the file: it answers 404
    sync(harvester)
    assert documents.mirror()[sha].startswith("failed: HTTP 404")
    assert documents.mirror()[sha].startswith("later: retry after")

    with origin.client() as c:  # a new version may name a file that works again: no waiting for the pause
        r = c.put(f"/api/projects/{iri.rsplit('/', 1)[1]}", json=project("Kooperation mit verlorener Datei (neu)"))
        assert r.status_code == 200, r.text
    sync(harvester)
    assert documents.mirror()[sha].startswith("failed: HTTP 404")
    assert sha in documents.retries.waiting()

    withdraw(origin, iri)  # nothing attaches the file any more: its pause is forgotten
    sync(harvester)
    assert documents.mirror() == {}
    assert documents.retries.waiting() == {}
