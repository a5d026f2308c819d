"""Polite HTTP GETs to peers: timeouts, size limits, ETag, Retry-After; typed failures.

Every failure is a ``FetchError`` whose text says what went wrong in words an operator can act on.
The harvester decides what a failure means for the peer (back off, open the circuit, try later)::

    FetchError
     ├── PeerUnreachable     connection refused, DNS, reset
     ├── PeerTimeout         no (complete) answer within the time limit
     ├── PeerBusy            429 / 503, with the Retry-After the peer asked for
     ├── PeerBadStatus       any other non-2xx answer
     └── PageTooLarge        body over ``max_bytes``
"""

from __future__ import annotations

import email.utils
import time
from dataclasses import dataclass

import httpx

USER_AGENT = "kb-harvester/1.0 (+https://w3id.org/ikz-kb)"


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


class Fetcher:
    """One shared httpx client for all peers of a node (thread-safe)."""

    def __init__(self, *, timeout: float, max_bytes: int, user_agent: str = USER_AGENT) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self._client = httpx.Client(
            timeout=httpx.Timeout(timeout),
            headers={"User-Agent": user_agent},
            follow_redirects=True,
            limits=httpx.Limits(max_connections=64, max_keepalive_connections=16),
        )

    def close(self) -> None:
        self._client.close()

    def get(
        self, url: str, *, accept: str, token: str | None = None, etag: str | None = None, max_bytes: int | None = None
    ) -> Fetched:
        """GET ``url``; the whole answer must arrive within ~3× the timeout and under the size limit."""
        limit = max_bytes or self.max_bytes
        headers = {"Accept": accept}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if etag:
            headers["If-None-Match"] = etag
        started = time.monotonic()
        deadline = started + 3 * self.timeout
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code == 304:
                    return Fetched(url, 304, b"", "", etag, time.monotonic() - started)
                if response.status_code in (429, 503):
                    wait = parse_retry_after(response.headers.get("retry-after"))
                    raise PeerBusy(f"{response.status_code} von {url}: bitte in {wait:.0f} s erneut versuchen", wait)
                if response.status_code >= 400:
                    raise PeerBadStatus(f"HTTP {response.status_code} von {url}", response.status_code)
                declared = response.headers.get("content-length")
                if declared and declared.isdigit() and int(declared) > limit:
                    raise PageTooLarge(f"Seite {url} ist zu groß ({int(declared)} Bytes, erlaubt {limit})")
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise PageTooLarge(f"Seite {url} ist zu groß (über {limit} Bytes)")
                    if time.monotonic() > deadline:
                        raise PeerTimeout(f"{url} antwortet zu langsam (über {3 * self.timeout:.0f} s)")
                    chunks.append(chunk)
                return Fetched(
                    url=str(response.url),
                    status=response.status_code,
                    body=b"".join(chunks),
                    content_type=response.headers.get("content-type", "").split(";", 1)[0].strip().lower(),
                    etag=response.headers.get("etag"),
                    seconds=time.monotonic() - started,
                )
        except httpx.TimeoutException:
            raise PeerTimeout(f"Zeitüberschreitung bei {url} (Limit {self.timeout:.0f} s)") from None
        except httpx.TransportError as exc:
            raise PeerUnreachable(f"{url} nicht erreichbar: {type(exc).__name__}") from None

    def post_json(self, url: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
        try:
            return self._client.post(url, content=body, headers=headers)
        except httpx.TimeoutException:
            raise PeerTimeout(f"Zeitüberschreitung bei {url}") from None
        except httpx.TransportError as exc:
            raise PeerUnreachable(f"{url} nicht erreichbar: {type(exc).__name__}") from None
