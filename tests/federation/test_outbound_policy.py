"""The outbound policy's rules in isolation: which addresses are refused, origins, same-origin redirects."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from kb.federation.fetch import Fetcher, OutboundPolicy, OutboundRefused, origin_of
from tests.conftest import serve_http


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1",
     "255.255.255.255", "::1", "::", "fc00::1", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
     "2002:7f00:1::1", "64:ff9b::a9fe:a9fe"],
)
def test_non_public_addresses_are_refused_by_default(address: str) -> None:
    assert OutboundPolicy().address_refused(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["8.8.8.8", "2001:4860:4860::8888", "::ffff:8.8.8.8"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert not OutboundPolicy().address_refused(ipaddress.ip_address(address))


def test_operator_can_allow_a_range_and_only_that() -> None:
    policy = OutboundPolicy("127.0.0.0/8, 10.20.0.0/16")
    for allowed in ("127.0.0.1", "::ffff:127.0.0.1", "10.20.3.4"):
        assert not policy.address_refused(ipaddress.ip_address(allowed)), allowed
    for refused in ("10.21.0.1", "169.254.169.254", "::1"):
        assert policy.address_refused(ipaddress.ip_address(refused)), refused


def test_origins_are_normalised() -> None:
    assert origin_of("HTTPS://Kommune.Example:443/ldes?x#y") == "https://kommune.example"
    assert origin_of("http://kommune.example:8080/a") == "http://kommune.example:8080"
    assert origin_of("http://[::1]:8080/") == "http://[::1]:8080"
    assert origin_of("ftp://kommune.example/") is None and origin_of("/relative") is None
    policy = OutboundPolicy()
    with pytest.raises(OutboundRefused):
        policy.check_url("http://other.example/ldes", "http://kommune.example")
    with pytest.raises(OutboundRefused):
        policy.check_url("http://user:pw@kommune.example/ldes", "http://kommune.example")


class _Redirects(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        if self.path.startswith("/hop/"):
            n = int(self.path.rsplit("/", 1)[1])
            self.send_response(302)
            self.send_header("Location", f"/hop/{n + 1}" if n < 10 else "/end")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")


@pytest.fixture
def server() -> Iterator[str]:
    with serve_http(_Redirects) as url:
        yield url


def test_same_origin_redirects_are_followed_a_few_times(server: str) -> None:
    fetcher = Fetcher(timeout=2, max_bytes=1000, allow_networks="127.0.0.0/8")
    try:
        got = fetcher.get(server + "/hop/8", scope=server, accept="*/*")
        assert got.body == b"ok" and got.url == server + "/end"
        with pytest.raises(OutboundRefused, match="Weiterleitungen"):
            fetcher.get(server + "/hop/1", scope=server, accept="*/*")
    finally:
        fetcher.close()


def test_loopback_is_refused_without_the_operator_setting(server: str) -> None:
    fetcher = Fetcher(timeout=2, max_bytes=1000)
    try:
        with pytest.raises(OutboundRefused, match="KB_OUTBOUND_ALLOW_NETWORKS"):
            fetcher.get(server + "/end", scope=server, accept="*/*")
    finally:
        fetcher.close()
