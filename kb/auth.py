"""Who may do what: the admin token, publisher tokens and peer tokens.

Tokens look like ``kb_<id>_<secret>``. Only a SHA-256 of the secret is stored (``tokens.json`` in
the data directory, written atomically), so a copy of the data directory does not leak working
tokens. The file is re-read when it changes, so ``kb token create`` works while the node runs.
"""

from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import math
import os
import secrets
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kb.errors import Forbidden, NotFound, RateLimited, Unauthenticated
from kb.store.model import now_timestamp

Role = Literal["anonymous", "publisher", "peer", "admin"]


@dataclass(frozen=True)
class Principal:
    role: Role
    id: str = ""
    name: str = ""

    @property
    def can_publish(self) -> bool:
        return self.role in ("publisher", "admin")

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"

    @property
    def can_see_network(self) -> bool:
        """Records of visibility 'network' are for the network's members, not the public."""
        return self.role in ("publisher", "peer", "admin")

    def require_publisher(self) -> None:
        if self.role == "anonymous":
            raise Unauthenticated()
        if not self.can_publish:
            raise Forbidden(
                "Mit diesem Zugangsschlüssel können keine Projekte veröffentlicht werden.",
                "This token may not publish projects.",
            )

    def require_admin(self) -> None:
        if self.role == "anonymous":
            raise Unauthenticated()
        if not self.is_admin:
            raise Forbidden(
                "Dafür ist der Administrations-Zugangsschlüssel nötig.",
                "This needs the admin token.",
            )


ANONYMOUS = Principal("anonymous")


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class FailedAuthentication:
    """Counts wrong tokens and failed sign-ins per client address and in total, over a sliding window.

    Once a client has ``per_client`` failures within ``window`` seconds (or all clients together
    ``total``), every further token check from it is refused with 429 until the oldest failure
    leaves the window, whether the token is right or wrong: otherwise a right guess would still
    stand out. Nothing is delayed before that, and requests without a token are never affected.
    The per-address table is bounded, so a flood of fresh addresses cannot exhaust memory.
    """

    def __init__(self, per_client: int = 10, total: int = 100, window: float = 60.0, max_clients: int = 10_000) -> None:
        self.per_client = per_client
        self.total = total
        self.window = window
        self.max_clients = max_clients
        self._lock = threading.Lock()
        self._clients: OrderedDict[str, deque[float]] = OrderedDict()
        self._all: deque[float] = deque()

    def _trim(self, times: deque[float], now: float) -> None:
        while times and times[0] <= now - self.window:
            times.popleft()

    def check(self, client: str) -> None:
        """Raise ``RateLimited`` (with the seconds to wait) if this client may not try now."""
        now = time.monotonic()
        with self._lock:
            self._trim(self._all, now)
            waits = []
            if len(self._all) >= self.total:
                waits.append(self._all[-self.total] + self.window - now)
            times = self._clients.get(client)
            if times is not None:
                self._trim(times, now)
                if len(times) >= self.per_client:
                    waits.append(times[-self.per_client] + self.window - now)
        if waits:
            raise RateLimited(max(1, math.ceil(max(waits))))

    def failed(self, client: str) -> None:
        now = time.monotonic()
        with self._lock:
            self._all.append(now)
            self._trim(self._all, now)
            while len(self._all) > self.total:  # only the most recent ``total`` matter
                self._all.popleft()
            times = self._clients.pop(client, None) or deque()
            times.append(now)
            self._trim(times, now)
            while len(times) > self.per_client:
                times.popleft()
            self._clients[client] = times  # most recently failing last
            while len(self._clients) > self.max_clients:
                self._clients.popitem(last=False)


class TokenStore:
    """Publisher and peer tokens of one node, hashed, in ``tokens.json``."""

    def __init__(self, path: Path, admin_token: str | None = None) -> None:
        self.path = path
        self._admin = admin_token or None
        self._lock = threading.Lock()
        self._mtime: float | None = None
        self._tokens: dict[str, dict[str, str]] = {}

    def _load(self) -> dict[str, dict[str, str]]:
        try:
            mtime = self.path.stat().st_mtime
        except FileNotFoundError:
            return {}
        with self._lock:
            if mtime != self._mtime:
                self._tokens = json.loads(self.path.read_text(encoding="utf-8") or "{}")
                self._mtime = mtime
            return self._tokens

    def authenticate(self, bearer: str | None) -> Principal:
        """The principal a bearer token stands for; no token means anonymous, a wrong one is 401."""
        if not bearer:
            return ANONYMOUS
        if self._admin and hmac.compare_digest(bearer.encode(), self._admin.encode()):
            return Principal("admin", "admin", "Administration")
        parts = bearer.split("_", 2)
        if len(parts) == 3 and parts[0] == "kb":
            entry = self._load().get(parts[1])
            if entry and hmac.compare_digest(entry["hash"], _digest(parts[2])):
                return Principal(entry["role"], parts[1], entry["name"])  # type: ignore[arg-type]
        raise Unauthenticated(
            "Der Zugangsschlüssel (Token) ist unbekannt oder widerrufen.",
            "The token is unknown or has been revoked.",
        )

    def create(self, name: str, role: Role = "publisher") -> tuple[str, dict[str, str]]:
        """A new token; the secret is shown once and never stored."""
        if role not in ("publisher", "peer", "admin"):
            raise ValueError(f"unknown role {role}")
        token_id = secrets.token_hex(4)
        secret = secrets.token_urlsafe(32)
        entry = {"name": name, "role": role, "hash": _digest(secret), "created": now_timestamp()}
        self._update(lambda tokens: tokens.__setitem__(token_id, entry))
        return f"kb_{token_id}_{secret}", {"id": token_id, **{k: v for k, v in entry.items() if k != "hash"}}

    def revoke(self, token_id: str) -> None:
        def drop(tokens: dict[str, dict[str, str]]) -> None:
            if token_id not in tokens:
                raise NotFound("Diesen Zugangsschlüssel gibt es nicht.", "No such token.")
            del tokens[token_id]

        self._update(drop)

    def list(self) -> list[dict[str, str]]:
        return [{"id": k, **{f: v for f, v in e.items() if f != "hash"}} for k, e in sorted(self._load().items())]

    def _update(self, change) -> None:  # type: ignore[no-untyped-def]
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock_path = self.path.with_suffix(".lock")
        with open(lock_path, "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            tokens = json.loads(self.path.read_text(encoding="utf-8") or "{}") if self.path.exists() else {}
            change(tokens)
            tmp = self.path.with_suffix(".tmp")
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(tokens, f, indent=2, sort_keys=True)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        with self._lock:
            self._mtime = None
