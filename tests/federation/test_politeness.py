"""Politeness rules of the harvester: Retry-After, backoff, circuit breaker, size and time limits."""

from __future__ import annotations

import email.utils
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from kb.federation.fetch import Fetcher, PageTooLarge, PeerBadStatus, PeerBusy, PeerTimeout, parse_retry_after
from kb.federation.pages import PageError, read_page
from kb.federation.peers import PeerHealth
from tests.conftest import serve_http


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        pytest.param("7", 7.0, id="seconds"),
        pytest.param(None, 30.0, id="missing"),
        pytest.param("soon", 30.0, id="garbage"),
        pytest.param("999999", 3600.0, id="capped"),
    ],
)
def test_retry_after_values(header: str | None, expected: float) -> None:
    assert parse_retry_after(header) == expected


def test_retry_after_http_date() -> None:
    when = email.utils.formatdate(time.time() + 120, usegmt=True)
    assert 100 < parse_retry_after(when) <= 121


def test_backoff_grows_and_resets() -> None:
    health = PeerHealth(base=1.0, threshold=5, cooldown=60.0)
    health.failed("kaputt")
    first = health.not_before - time.monotonic()
    health.failed("kaputt")
    second = health.not_before - time.monotonic()
    assert 0.7 < first < 1.3 and 1.5 < second < 2.5
    assert health.state == "backing off" and not health.may_fetch(on_demand=False)[0]
    assert health.may_fetch(on_demand=True)[0]  # an admin may insist
    health.succeeded()
    assert health.state == "synced" and health.may_fetch(on_demand=False)[0]


def test_circuit_opens_after_repeated_failures() -> None:
    health = PeerHealth(base=0.01, threshold=3, cooldown=60.0)
    for _ in range(3):
        health.failed("kaputt")
    assert health.circuit_open and health.not_before - time.monotonic() > 50


def test_retry_after_binds_even_on_demand() -> None:
    health = PeerHealth()
    health.failed("429", retry_after=30)
    allowed, wait = health.may_fetch(on_demand=True)
    assert not allowed and 29 < wait <= 30


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path == "/big":
            self.send_response(200)
            self.end_headers()  # no Content-Length: the size is only known while reading
            self.wfile.write(b"x" * 50_000)
        elif self.path == "/slow":
            time.sleep(1.5)
            self.send_response(200)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")
        elif self.path == "/busy":
            self.send_response(429)
            self.send_header("Retry-After", "3")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()


@pytest.fixture
def server() -> Iterator[str]:
    with serve_http(_Handler) as url:
        yield url


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    f = Fetcher(timeout=0.5, max_bytes=10_000, allow_networks="127.0.0.0/8")
    yield f
    f.close()


def test_fetch_limits(server: str, fetcher: Fetcher) -> None:
    with pytest.raises(PageTooLarge):
        fetcher.get(server + "/big", scope=server, accept="*/*")
    with pytest.raises(PeerTimeout):
        fetcher.get(server + "/slow", scope=server, accept="*/*")
    with pytest.raises(PeerBusy) as busy:
        fetcher.get(server + "/busy", scope=server, accept="*/*")
    assert busy.value.retry_after == 3
    with pytest.raises(PeerBadStatus):
        fetcher.get(server + "/missing", scope=server, accept="*/*")


def test_page_reader_refuses_what_is_not_rdf() -> None:
    with pytest.raises(PageError):
        read_page(b"<a> <b> { broken", "application/trig", "http://x/ldes/pages/1")
    with pytest.raises(PageError):
        read_page(b"<html></html>", "text/html", "http://x/ldes/pages/1")


def test_page_reader_ignores_graphs_that_are_not_members() -> None:
    body = b"""
    <http://x/ldes> a <https://w3id.org/ldes#EventStream> ;
        <https://w3id.org/tree#member> <http://x/p/1/versions/1> .
    <http://x/p/1/versions/1> { <http://x/p/1> <http://purl.org/dc/terms/title> "Eins" . }
    <http://x/other> { <http://x/p/2> <http://purl.org/dc/terms/title> "Untergeschoben" . }
    """
    page = read_page(body, "application/trig", "http://x/ldes/pages/1")
    assert [m.member for m in page.members] == ["http://x/p/1/versions/1"]
