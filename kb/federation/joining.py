"""Joining a network in one step: invitation codes, and the handshake that makes two nodes follow each other.

A node that joins (``kb join URL`` or the form on ``/netzwerk``) and the node it joins (usually an
aggregator: a Verband, a Land) end up harvesting each other, each with a peer token the other
issued, so ``network`` records travel both ways and the member sees the whole network through its
aggregator:

1. the joining node issues a peer token for the other node;
2. it sends ``POST {url}/api/network/members`` with its own base URL, that token and either an
   invitation code of the other node or (in the body's place, as bearer) the other node's admin
   token: the other node's consent;
3. the other node checks the consent, adds the joining node as a peer (fetching and pinning its key
   from the joining node's own address, with the token it was given), issues a peer token in turn
   and answers with it;
4. the joining node adds the other node as a peer with that token.

Nothing else is trusted on the way: the keys each side pins come from the other side's own
``/.well-known/kb-node``, the request and its answer go through the outbound policy
(``kb/federation/fetch.py``), and the answer is small and checked. An invitation code is 192 bits of
randomness, stored only as its SHA-256, valid for a limited time and used once.
"""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from kb.auth import TokenStore
from kb.errors import BadRequest, Forbidden, PeerError
from kb.federation import Federation
from kb.federation.fetch import FetchError, origin_of
from kb.ontology import safejson
from kb.store.catalog import Catalog
from kb.store.model import now_timestamp

log = logging.getLogger(__name__)

INVITATION = "invitation"
MEMBERS_PATH = "/api/network/members"
MAX_INVITATION_DAYS = 90


def _digest(code: str) -> str:
    return hashlib.sha256(code.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Invitation:
    key: str
    note: str
    created: str
    expires: str
    used_by: str | None = None

    def public(self) -> dict[str, Any]:
        return {"id": self.key[:12], "note": self.note, "created": self.created, "expires": self.expires, "usedBy": self.used_by}


class Invitations:
    """One-time invitation codes of this node (private docs ``("invitation", sha256(code))``)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.lock = threading.Lock()
        """Held from checking a code until it is used: a code admits one node, even under a race."""

    def create(self, note: str = "", days: float = 14.0) -> tuple[str, Invitation]:
        if not 1 / 24 <= days <= MAX_INVITATION_DAYS:
            raise BadRequest(f"Eine Einladung gilt 1 Stunde bis {MAX_INVITATION_DAYS} Tage.",
                             f"An invitation is valid for 1 hour up to {MAX_INVITATION_DAYS} days.")
        code = "kbinv_" + secrets.token_urlsafe(24)
        created = _now()
        inv = Invitation(key=_digest(code), note=note[:200], created=created.isoformat(timespec="seconds"),
                         expires=(created + timedelta(days=days)).isoformat(timespec="seconds"))
        self.catalog.put_docs({(INVITATION, inv.key): {"note": inv.note, "created": inv.created, "expires": inv.expires,
                                                        "usedBy": None}})
        return code, inv

    def list(self) -> list[Invitation]:
        out = []
        for key, doc in self.catalog.docs(INVITATION).items():
            if isinstance(doc, dict):
                out.append(Invitation(key, str(doc.get("note", "")), str(doc.get("created", "")), str(doc.get("expires", "")),
                                      doc.get("usedBy")))
        return sorted(out, key=lambda i: i.created)

    def valid(self, code: str) -> Invitation | None:
        """The invitation behind ``code`` if it is unused and not expired."""
        if not code.startswith("kbinv_") or len(code) > 100:
            return None
        doc = self.catalog.get_doc(INVITATION, _digest(code))
        if not isinstance(doc, dict) or doc.get("usedBy"):
            return None
        try:
            if datetime.fromisoformat(str(doc.get("expires"))) <= _now():
                return None
        except ValueError:
            return None
        return Invitation(_digest(code), str(doc.get("note", "")), str(doc.get("created", "")), str(doc.get("expires", "")))

    def use(self, inv: Invitation, by: str) -> None:
        self.catalog.put_docs({(INVITATION, inv.key): {"note": inv.note, "created": inv.created, "expires": inv.expires,
                                                        "usedBy": by, "usedAt": now_timestamp()}})


class Joining:
    """Both sides of the join handshake (see the module docstring)."""

    def __init__(self, federation: Federation, tokens: TokenStore, invitations: Invitations, *, base_url: str, name: str) -> None:
        self.federation = federation
        self.tokens = tokens
        self.invitations = invitations
        self.base_url = base_url
        self.name = name

    # ------------------------------------------------------------------ the node that is joined

    def accept(self, url: str, token: str, *, invitation: str | None, admin: bool) -> dict[str, Any]:
        """Admit the node at ``url``: harvest it with ``token``, and answer with a peer token for it."""
        with self.invitations.lock:
            inv = None
            if not admin:
                inv = self.invitations.valid(invitation or "")
                if inv is None:
                    raise Forbidden(
                        "Für den Beitritt braucht es eine gültige, noch nicht benutzte Einladung dieses Knotens "
                        "oder seinen Administrations-Zugangsschlüssel.",
                        "Joining needs a valid, unused invitation code of this node or its admin token.",
                    )
            status = self.federation.add_peer(url, token)
            secret, _info = self.tokens.create(f"Partner: {status.get('name') or url}", "peer")
            if inv is not None:
                self.invitations.use(inv, status.get("url") or url)
        log.info("join accepted url=%s by=%s", url, "admin" if admin else "invitation")
        return {"token": secret, "node": self.federation.node_iri, "name": self.name, "url": self.base_url,
                "peer": {"id": status["id"], "name": status.get("name", "")}}

    # ------------------------------------------------------------------ the node that joins

    def join(self, url: str, *, invitation: str | None = None, admin_token: str | None = None) -> dict[str, Any]:
        """Join the network at ``url``: both nodes follow each other, each with the other's peer token."""
        url = url.strip().rstrip("/")
        if not url.startswith(("http://", "https://")) or origin_of(url) is None:
            raise BadRequest("Die Adresse muss mit http:// oder https:// beginnen.", "The URL must start with http:// or https://.")
        if url == self.base_url:
            raise PeerError("Ein Knoten kann sich nicht selbst beitreten.", "A node cannot join itself.")
        if not invitation and not admin_token:
            raise BadRequest("Bitte geben Sie den Einladungscode des anderen Knotens an.",
                             "Please give the other node's invitation code (or its admin token).")
        secret, info = self.tokens.create(f"Partner: {url}", "peer")
        body = json.dumps({"url": self.base_url, "token": secret, "invitation": invitation or None}).encode()
        try:
            answer = self._ask(url, body, admin_token)
        except Exception:
            self.tokens.revoke(info["id"])
            raise
        status = self.federation.add_peer(url, answer)
        log.info("joined url=%s peer=%s", url, status["id"])
        return {"peer": status, "joined": url}

    def _ask(self, url: str, body: bytes, admin_token: str | None) -> str:
        """The other node's peer token for us, or a PeerError that says why not."""
        try:
            got = self.federation.fetcher.post_json(url + MEMBERS_PATH, body, scope=origin_of(url) or url, token=admin_token)
        except FetchError as exc:
            raise PeerError(f"Der Knoten unter {url} ist nicht erreichbar: {exc}", f"The node at {url} cannot be reached: {exc}") from None
        try:
            doc = safejson.loads(got.body) if got.body else {}
        except ValueError:
            doc = {}
        if not isinstance(doc, dict):
            doc = {}
        if got.status == 404:
            raise PeerError(f"Unter {url} läuft kein kb-Knoten, der Beitritte annimmt.", f"No kb node accepting joins at {url}.")
        if got.status >= 300:
            given = doc.get("message")
            message = given if isinstance(given, str) else f"HTTP {got.status}"
            raise PeerError(f"Der Knoten unter {url} hat den Beitritt abgelehnt: {message[:300]}",
                            f"The node at {url} refused the join: {str(doc.get('message_en') or message)[:300]}")
        token = doc.get("token")
        if not isinstance(token, str) or not 10 <= len(token) <= 200 or not token.isascii() or not token.isprintable():
            raise PeerError(f"Der Knoten unter {url} hat keinen brauchbaren Partner-Zugangsschlüssel geschickt.",
                            f"The node at {url} sent no usable peer token.")
        return token

