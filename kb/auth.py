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
import os
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from kb.errors import Forbidden, NotFound, Unauthenticated
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
