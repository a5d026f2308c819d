"""The outbound-request policy of a node: every HTTP request kb makes goes through ``Fetcher``.

Peers, origins and senders of notifications decide which URLs a node is asked to contact (page
links, redirects, ``stream``/``inbox`` fields, key ids). So one class, here, decides what may be
contacted at all, and the harvester, the inbox, key fetching and the notifier only use it:

- **one origin per request**: the caller names the origin a request is for (``scope``, e.g. the
  peer's configured base URL); a URL on another origin is refused, and so is a redirect to one.
  Redirects are followed here, by hand, at most ``MAX_REDIRECTS`` times;
- **tokens only to their origin**: a bearer token is sent only with requests inside the scope it
  was issued for, never after a redirect to somewhere else (there is none);
- **no private addresses**: the host name is resolved and the address is checked *when the TCP
  connection is made*, and kb connects to exactly the address it checked (no DNS rebinding).
  Loopback, private, link-local (cloud metadata 169.254.169.254), CGNAT, ULA, multicast,
  unspecified and other non-global addresses are refused unless the operator allows a range
  (``KB_OUTBOUND_ALLOW_NETWORKS``; the demo and the tests allow 127.0.0.0/8);
- **one total time limit** per request, connect + headers + body + redirects: ``total`` seconds
  (3 × ``KB_PEER_TIMEOUT``). httpx's timeouts count per read, so a server that drips one header
  byte a second never trips them; here every socket read and write gets at most the time left.
- no proxies from the environment (the address check would check the proxy, not the target).

Every failure is a ``FetchError`` whose text says what went wrong in words an operator can act on.
The harvester decides what a failure means for the peer (back off, open the circuit, try later)::

    FetchError
     ├── PeerUnreachable     connection refused, DNS, reset
     ├── PeerTimeout         no (complete) answer within the time limit
     ├── PeerBusy            429 / 503, with the Retry-After the peer asked for
     ├── PeerBadStatus       any other non-2xx answer
     ├── PageTooLarge        body over ``max_bytes``
     └── OutboundRefused     the policy refused the destination (origin, redirect, address)
"""

from __future__ import annotations

import email.utils
import ipaddress
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from kb import __version__

USER_AGENT = f"kb-harvester/{__version__} (+https://w3id.org/ikz-kb)"
MAX_REDIRECTS = 5
REDIRECTS = (301, 302, 303, 307, 308)

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
_NAT64 = ipaddress.ip_network("64:ff9b::/96")


class FetchError(Exception):
    retry_after: float | None = None


class PeerUnreachable(FetchError):
    pass


class PeerTimeout(FetchError):
    pass


class PeerBusy(FetchError):
    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PeerBadStatus(FetchError):
    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class PageTooLarge(FetchError):
    pass


class OutboundRefused(FetchError):
    """The outbound policy refused the destination; nothing was sent there."""


@dataclass(frozen=True)
class Fetched:
    url: str
    status: int
    """200, or 304 when the ETag we sent still matches."""
    body: bytes
    content_type: str
    etag: str | None
    seconds: float


def parse_retry_after(value: str | None, default: float = 30.0, cap: float = 3600.0) -> float:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return default
    value = value.strip()
    if value.isdigit():
        return min(float(value), cap)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    return max(0.0, min(when.timestamp() - time.time(), cap))


def origin_of(url: str) -> str | None:
    """``scheme://host[:port]``, normalised (lower case, default port left out); None unless http(s)."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    default = 80 if scheme == "http" else 443
    return f"{scheme}://{host}" + ("" if port in (None, default) else f":{port}")


def parse_networks(value: str | Iterable[str]) -> tuple[IPNetwork, ...]:
    """CIDR ranges from ``"127.0.0.0/8, 10.1.0.0/16"`` (or a list); ValueError on a bad one."""
    items = value.split(",") if isinstance(value, str) else list(value)
    return tuple(ipaddress.ip_network(item.strip(), strict=False) for item in items if item.strip())


class OutboundPolicy:
    """Which URLs and addresses a node may contact (see the module docstring)."""

    def __init__(self, allow_networks: str | Iterable[str] = ()) -> None:
        self.allowed = parse_networks(allow_networks)

    def _allowed(self, ip: IPAddress) -> bool:
        return any(ip.version == net.version and ip in net for net in self.allowed)

    def address_refused(self, ip: IPAddress) -> bool:
        """True if kb must not connect to ``ip``: not globally routable and not allowed by the operator."""
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
            return self.address_refused(ip.ipv4_mapped)  # ::ffff:a.b.c.d is a.b.c.d
        if self._allowed(ip):
            return False
        if isinstance(ip, ipaddress.IPv6Address):
            embedded = ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
            if embedded is None and ip in _NAT64:
                embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
            if embedded is not None and self.address_refused(embedded):
                return True
        return not ip.is_global or ip.is_multicast

    def check_url(self, url: str, scope: str) -> str:
        """The URL's origin if it lies inside ``scope`` (an origin); raises OutboundRefused otherwise."""
        origin = origin_of(url)
        if origin is None:
            raise OutboundRefused(f"{url} ist keine http(s)-Adresse; kb ruft sie nicht auf")
        if urlsplit(url).username is not None:
            raise OutboundRefused(f"{url} enthält Zugangsdaten in der Adresse; kb ruft sie nicht auf")
        if origin != origin_of(scope):
            raise OutboundRefused(
                f"{url} liegt nicht unter {scope}: kb ruft für diesen Partner nur Adressen unter dessen eigener Adresse auf"
            )
        return origin


# ---------------------------------------------------------------------- the socket layer

_local = threading.local()
"""``deadline``: monotonic time by which the request of this thread must be done (None: no limit)."""


@contextmanager
def _deadline(seconds: float) -> Iterator[float]:
    previous = getattr(_local, "deadline", None)
    _local.deadline = time.monotonic() + seconds
    try:
        yield _local.deadline
    finally:
        _local.deadline = previous


def _time_left(timeout: float | None, exc: type[Exception]) -> float | None:
    """``timeout`` cut to the time left before this thread's deadline; raises ``exc`` when it is over."""
    at: float | None = getattr(_local, "deadline", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    if left <= 0:
        raise exc("total time limit of the request exceeded")
    return left if timeout is None else min(timeout, left)


class _BoundedStream(httpcore.NetworkStream):
    """A connection whose every read and write ends by the deadline of the request using it."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _time_left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _time_left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, _time_left(timeout, httpcore.ConnectTimeout))
        return _BoundedStream(inner)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _GuardedBackend(httpcore.SyncBackend):
    """Resolves the host, refuses denied addresses, connects to the address it checked."""

    def __init__(self, policy: OutboundPolicy) -> None:
        self.policy = policy

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, local_address: str | None = None,
                    socket_options: Iterable[Any] | None = None) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except OSError as exc:
            raise httpcore.ConnectError(f"cannot resolve {host}: {exc}") from None
        addresses: list[str] = []
        for _family, _type, _proto, _name, sockaddr in infos:
            address = str(sockaddr[0]).split("%", 1)[0]
            if address not in addresses:
                addresses.append(address)
        permitted = [a for a in addresses if not self.policy.address_refused(ipaddress.ip_address(a))]
        if not permitted:
            shown = ", ".join(addresses[:3])
            raise OutboundRefused(
                f"{host} ({shown}) ist eine private, lokale oder nicht öffentliche Adresse; kb verbindet sich dorthin "
                "nur, wenn KB_OUTBOUND_ALLOW_NETWORKS den Bereich erlaubt"
            )
        error: Exception | None = None
        for address in permitted:
            try:
                inner = super().connect_tcp(address, port, _time_left(timeout, httpcore.ConnectTimeout), local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
                continue
            return _BoundedStream(inner)
        assert error is not None
        raise error


def _transport(policy: OutboundPolicy, limits: httpx.Limits) -> httpx.HTTPTransport:
    """httpx's transport with the guarded network backend (httpx has no public hook for it)."""
    transport = httpx.HTTPTransport(limits=limits, trust_env=False)
    pool = getattr(transport, "_pool", None)
    if not isinstance(pool, httpcore.ConnectionPool) or not hasattr(pool, "_network_backend"):  # pragma: no cover
        raise RuntimeError("httpx/httpcore changed: the outbound address check cannot be installed")
    pool._network_backend = _GuardedBackend(policy)
    return transport


# ---------------------------------------------------------------------- requests


class Fetcher:
    """One shared client for every outbound request of a node (thread-safe), enforcing the policy."""

    def __init__(self, *, timeout: float, max_bytes: int, user_agent: str = USER_AGENT,
                 allow_networks: str | Iterable[str] = (), total: float | None = None) -> None:
        self.timeout = timeout
        self.total = total if total is not None else 3 * timeout
        self.max_bytes = max_bytes
        self.policy = OutboundPolicy(allow_networks)
        limits = httpx.Limits(max_connections=64, max_keepalive_connections=16)
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": user_agent},
            follow_redirects=False,
            trust_env=False,
            transport=_transport(self.policy, limits),
        )

    def close(self) -> None:
        self._client.close()

    def _timed_out(self, url: str, deadline: float) -> PeerTimeout:
        if time.monotonic() >= deadline - 0.05:
            return PeerTimeout(f"{url} hat nicht innerhalb von {self.total:.0f} s vollständig geantwortet "
                               "(Gesamtzeit mit Verbindungsaufbau, Kopfzeilen und Inhalt)")
        return PeerTimeout(f"Zeitüberschreitung bei {url} (Limit {self.timeout:.0f} s)")

    def get(
        self, url: str, *, scope: str, accept: str, token: str | None = None, etag: str | None = None,
        max_bytes: int | None = None,
    ) -> Fetched:
        """GET ``url`` (inside the origin ``scope``), following same-origin redirects; the whole answer
        must arrive within ``total`` seconds and under the size limit."""
        limit = max_bytes or self.max_bytes
        headers = {"Accept": accept}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if etag:
            headers["If-None-Match"] = etag
        started = time.monotonic()
        current = url
        with _deadline(self.total) as deadline:
            for _hop in range(MAX_REDIRECTS + 1):
                self.policy.check_url(current, scope)
                try:
                    with self._client.stream("GET", current, headers=headers) as response:
                        if response.status_code in REDIRECTS:
                            location = response.headers.get("location")
                            if not location:
                                raise PeerBadStatus(f"HTTP {response.status_code} von {current} ohne Ziel", response.status_code)
                            target = urljoin(current, location)
                            if origin_of(target) != origin_of(scope):
                                raise OutboundRefused(
                                    f"{current} leitet nach {target} weiter, auf einen anderen Ursprung als {scope}; "
                                    "kb folgt dem nicht"
                                )
                            current = target
                            continue
                        return self._read(response, current, url, limit, etag, started, deadline)
                except httpx.TimeoutException:
                    raise self._timed_out(current, deadline) from None
                except httpx.TransportError as exc:
                    raise PeerUnreachable(f"{current} nicht erreichbar: {type(exc).__name__}") from None
                except httpx.InvalidURL as exc:  # e.g. a host name that is not valid IDNA
                    raise OutboundRefused(f"{current} ist keine gültige Adresse: {exc}") from None
        raise OutboundRefused(f"{url}: mehr als {MAX_REDIRECTS} Weiterleitungen; kb folgt ihnen nicht weiter")

    def _read(self, response: httpx.Response, current: str, url: str, limit: int, etag: str | None,
              started: float, deadline: float) -> Fetched:
        if response.status_code == 304:
            return Fetched(current, 304, b"", "", etag, time.monotonic() - started)
        if response.status_code in (429, 503):
            wait = parse_retry_after(response.headers.get("retry-after"))
            raise PeerBusy(f"{response.status_code} von {current}: bitte in {wait:.0f} s erneut versuchen", wait)
        if response.status_code >= 300:
            raise PeerBadStatus(f"HTTP {response.status_code} von {current}", response.status_code)
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit:
            raise PageTooLarge(f"Seite {current} ist zu groß ({int(declared)} Bytes, erlaubt {limit})")
        body = self._bounded_body(response, f"Seite {current}", current, limit, deadline)
        return Fetched(url=current, status=response.status_code, body=body, content_type=_media_type(response),
                       etag=response.headers.get("etag"), seconds=time.monotonic() - started)

    def _bounded_body(self, response: httpx.Response, what: str, url: str, limit: int, deadline: float) -> bytes:
        """The body, read chunk by chunk: never more than ``limit`` bytes, never past the deadline."""
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > limit:
                raise PageTooLarge(f"{what} ist zu groß (über {limit} Bytes)")
            if time.monotonic() > deadline:
                raise self._timed_out(url, deadline)
            chunks.append(chunk)
        return b"".join(chunks)

    def post(self, url: str, body: bytes, headers: dict[str, str], *, scope: str, token: str | None = None) -> int:
        """POST ``body`` to ``url`` (inside ``scope``); the status code. Redirects are not followed."""
        self.policy.check_url(url, scope)
        if token:
            headers = {**headers, "Authorization": f"Bearer {token}"}
        with _deadline(self.total) as deadline:
            try:
                response = self._client.post(url, content=body, headers=headers)
            except httpx.TimeoutException:
                raise self._timed_out(url, deadline) from None
            except httpx.TransportError as exc:
                raise PeerUnreachable(f"{url} nicht erreichbar: {type(exc).__name__}") from None
        return response.status_code

    def post_json(self, url: str, body: bytes, *, scope: str, token: str | None = None, max_bytes: int = 100_000) -> Fetched:
        """POST a JSON ``body`` to ``url`` (inside ``scope``) and read the JSON answer, bounded like a page.

        For the one request/answer exchange of joining a network (``kb/federation/joining.py``):
        no redirects, the token only to ``scope``, the answer at most ``max_bytes``. A non-2xx
        answer comes back as it is (its body carries the other node's message), not as an error.
        """
        self.policy.check_url(url, scope)
        headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        started = time.monotonic()
        with _deadline(self.total) as deadline:
            try:
                with self._client.stream("POST", url, content=body, headers=headers) as response:
                    if response.status_code in REDIRECTS:
                        raise PeerBadStatus(f"HTTP {response.status_code} von {url}: kb folgt beim Beitritt keiner Weiterleitung",
                                            response.status_code)
                    body = self._bounded_body(response, f"Antwort von {url}", url, max_bytes, deadline)
                    return Fetched(url=url, status=response.status_code, body=body, content_type=_media_type(response),
                                   etag=None, seconds=time.monotonic() - started)
            except httpx.TimeoutException:
                raise self._timed_out(url, deadline) from None
            except httpx.TransportError as exc:
                raise PeerUnreachable(f"{url} nicht erreichbar: {type(exc).__name__}") from None
            except httpx.InvalidURL as exc:
                raise OutboundRefused(f"{url} ist keine gültige Adresse: {exc}") from None


def _media_type(response: httpx.Response) -> str:
    """``application/trig`` from ``Content-Type: application/trig; charset=utf-8``."""
    return str(response.headers.get("content-type", "")).split(";", 1)[0].strip().lower()
