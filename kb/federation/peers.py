"""Peers: the nodes this node harvests, their pinned keys, cursors and health.

What is kept where:

- ``("peer", id)`` private doc: the peer's base URL, node IRI, name, operator, Bundesland, pinned
  public key, stream and inbox URLs, the token we present to it (never shown by the API);
- ``("cursor", id)`` private doc: where we are in its stream (page URL, last position, ETag of the
  newest page), members received, last successful sync. It is written in the same transaction as
  the members it accounts for, so a crash can never leave the two out of step;
- ``PeerHealth`` in memory: state, last error, exponential backoff and the circuit breaker.
"""

from __future__ import annotations

import random
import re
import threading
import time
from dataclasses import asdict, dataclass, field
from typing import Any
from urllib.parse import urlsplit

from kb.store.model import now_timestamp

PEER = "peer"
CURSOR = "cursor"


def peer_id_for(url: str) -> str:
    """A readable, stable id from the peer's base URL: ``kommune.example.de-8443``."""
    parts = urlsplit(url)
    peer_id = re.sub(r"[^a-z0-9]+", "-", (parts.netloc + parts.path).lower()).strip("-") or "peer"
    return "sync-peer" if peer_id == "sync" else peer_id  # /api/peers/sync is an action, not a peer


def base_of(node_iri: str) -> str | None:
    """A kb node's IRI is ``{base}/node``: the base its records must live under."""
    return node_iri[: -len("/node")] if node_iri.endswith("/node") else None


@dataclass
class PeerConfig:
    id: str
    url: str
    node: str
    public_key: str
    stream: str
    name: str = ""
    operator: str = ""
    state: str = ""
    kind: str = ""
    inbox: str | None = None
    token: str | None = None
    added: str = field(default_factory=now_timestamp)
    followed: bool = False

    def as_doc(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> PeerConfig:
        known = {k: v for k, v in doc.items() if k in cls.__dataclass_fields__}
        return cls(**known)


@dataclass
class Cursor:
    page: str | None = None
    position: int = 0
    etag: str | None = None
    received: int = 0
    last_success: str | None = None

    def as_doc(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_doc(cls, doc: object) -> Cursor:
        if not isinstance(doc, dict):
            return cls()
        return cls(**{k: v for k, v in doc.items() if k in cls.__dataclass_fields__})


class PeerHealth:
    """Backoff and circuit breaker of one peer (in memory; a restart gives every peer a new chance).

    After a failure the peer is left alone for ``base · 2^(failures-1)`` seconds (with jitter, at
    most ``max_backoff``), or as long as its Retry-After asked. After ``threshold`` failures in a
    row the circuit opens for ``cooldown`` seconds; then one probe decides (half-open).
    """

    def __init__(self, *, base: float = 2.0, max_backoff: float = 900.0, threshold: int = 5, cooldown: float = 300.0) -> None:
        self.base = base
        self.max_backoff = max_backoff
        self.threshold = threshold
        self.cooldown = cooldown
        self.state = "never"
        self.failures = 0
        self.not_before = 0.0
        self.retry_after_until = 0.0
        self.last_error: str | None = None
        self.last_error_at: str | None = None
        self.lock = threading.Lock()
        """Held while the peer is harvested: never two harvests of one peer at once."""

    @property
    def circuit_open(self) -> bool:
        return self.failures >= self.threshold and time.monotonic() < self.not_before

    def may_fetch(self, *, on_demand: bool) -> tuple[bool, float]:
        """(allowed, seconds to wait). On demand ignores our own backoff but never a Retry-After."""
        now = time.monotonic()
        if now < self.retry_after_until:
            return False, self.retry_after_until - now
        if not on_demand and now < self.not_before:
            return False, self.not_before - now
        return True, 0.0

    def started(self) -> None:
        self.state = "syncing"

    def succeeded(self) -> None:
        self.state = "synced"
        self.failures = 0
        self.not_before = 0.0
        self.last_error = None

    def partial(self, message: str) -> None:
        """The round made progress but the stream goes on (time budget): no backoff, but not 'synced'."""
        self.state = "partial"
        self.failures = 0
        self.not_before = 0.0
        self.last_error = message
        self.last_error_at = now_timestamp()

    def failed(self, message: str, retry_after: float | None = None) -> None:
        self.failures += 1
        self.last_error = message
        self.last_error_at = now_timestamp()
        now = time.monotonic()
        if retry_after is not None:
            self.retry_after_until = now + retry_after
        if self.failures >= self.threshold:
            wait = self.cooldown
        else:
            wait = min(self.max_backoff, self.base * 2 ** (self.failures - 1)) * random.uniform(0.8, 1.2)
        self.not_before = now + max(wait, retry_after or 0.0)
        self.state = "backing off"

    def describe(self) -> dict[str, Any]:
        wait = max(0.0, self.not_before - time.monotonic())
        return {
            "state": self.state,
            "lastError": self.last_error,
            "lastErrorAt": self.last_error_at,
            "failures": self.failures,
            "circuitOpen": self.circuit_open,
            "retryInSeconds": round(wait, 1) if self.state == "backing off" else None,
        }
