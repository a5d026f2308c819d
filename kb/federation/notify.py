"""Push hints: Linked Data Notifications between nodes, signed with the nodes' Ed25519 keys.

- **Follow**: when A adds B as a peer, A sends ``as:Follow`` to B's ``/inbox``, with A's public key
  in the activity and, if B issued one to A, the peer token B gave A. B accepts it only from a node
  it already knows, and checks the signature before it fetches anything:

  * A is one of B's peers: the signature must verify with the key B pinned for A;
  * A already subscribed: with the key pinned then;
  * the request carries a peer token of B: the signature must verify with the key in the activity;
    only then does B fetch A's description from A's own base URL (through the outbound policy) and
    require the same key there;
  * anyone else: 403, and no outbound request at all.

  The subscriber's inbox must lie on A's own origin. From then on B tells A about changes.
- **Announce**: after local (or re-published) changes, B sends ``as:Announce`` (object: B's stream)
  to every subscriber's inbox. A accepts it only from a node it harvests, verified with the key
  it pinned for that peer, and schedules a pull of B. The pull remains the source of truth; a
  lost or forged hint costs at most one extra, harmless pull.
- **Undo** of a Follow ends the subscription (sent when A removes B).

Requests are signed with HTTP Message Signatures (RFC 9421) over ``@method``, ``@target-uri`` and
``content-digest`` (RFC 9530, SHA-256), algorithm ``ed25519``, ``keyid`` = the node's key IRI, and
a ``created`` time; the receiver refuses signatures older than five minutes. Both directions go
through the ``http-message-signatures`` library (:mod:`kb.federation.http_signatures`). Inboxes are
rate-limited per sender and overall (429 with Retry-After).
"""

from __future__ import annotations

import json
import logging
import math
import threading
import time
from collections.abc import Callable
from typing import Any

from kb.errors import BadRequest, Forbidden, RateLimited, Unauthenticated
from kb.federation.fetch import Fetcher, FetchError, origin_of
from kb.federation.http_signatures import sign_request, signed_key_id, verify_request
from kb.federation.keys import DescriptionError, fetch_description
from kb.federation.members import key_iri
from kb.federation.peers import PeerConfig, base_of
from kb.federation.signing import NodeKey
from kb.ontology import safejson
from kb.store.catalog import Catalog
from kb.store.model import now_timestamp

log = logging.getLogger(__name__)

AS_CONTEXT = "https://www.w3.org/ns/activitystreams"
SUBSCRIBER = "subscriber"


class RateLimiter:
    """Token buckets per sender and one for everybody; ``check`` raises RateLimited (429)."""

    def __init__(self, *, rate: float, burst: int, global_rate: float, global_burst: int) -> None:
        self.rate, self.burst = rate, burst
        self.global_rate, self.global_burst = global_rate, global_burst
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def _take(self, key: str, rate: float, burst: int, now: float) -> float:
        tokens, last = self._buckets.get(key, (float(burst), now))
        tokens = min(float(burst), tokens + (now - last) * rate)
        if tokens >= 1.0:
            self._buckets[key] = (tokens - 1.0, now)
            return 0.0
        self._buckets[key] = (tokens, now)
        return (1.0 - tokens) / rate

    def check(self, sender: str) -> None:
        now = time.monotonic()
        with self._lock:
            wait = self._take("*", self.global_rate, self.global_burst, now) or self._take(sender, self.rate, self.burst, now)
        if wait > 0:
            raise RateLimited(max(1, math.ceil(wait)))


def activity(kind: str, actor: str, obj: Any, **extra: Any) -> bytes:
    body = {"@context": AS_CONTEXT, "type": kind, "actor": actor, "object": obj, "published": now_timestamp(), **extra}
    return json.dumps(body, ensure_ascii=False).encode()


class Inbox:
    """Receives notifications for one node (``POST /inbox``)."""

    def __init__(self, catalog: Catalog, fetcher: Fetcher, *, url: str, peer_for_node: Callable[[str], PeerConfig | None],
                 schedule_pull: Callable[[str], None]) -> None:
        self.catalog = catalog
        self.fetcher = fetcher
        self.peer_for_node = peer_for_node
        self.schedule_pull = schedule_pull
        self.limiter = RateLimiter(rate=1.0, burst=10, global_rate=20.0, global_burst=100)
        self.url = url
        """This inbox's own address: signatures cover it as ``@target-uri``."""
        self.received = 0

    def receive(self, headers: dict[str, str], body: bytes, *, partner: bool = False) -> dict[str, Any]:
        """Handle one notification. ``partner``: the request carries a peer token of this node.

        Nothing is fetched for a notification before its signature has verified (see module docstring)."""
        key_id = signed_key_id(headers)
        actor = key_id.split("#", 1)[0]
        self.limiter.check(actor)
        if key_id != key_iri(actor) or base_of(actor) is None or origin_of(actor) is None:
            raise Unauthenticated("Unbekannter Schlüssel.", "Unknown key id.")
        try:
            note = safejson.loads(body)
        except ValueError:
            raise BadRequest("Die Benachrichtigung ist kein JSON.", "The notification is not JSON.") from None
        if not isinstance(note, dict) or note.get("actor") != actor:
            raise BadRequest("Absender und Signatur passen nicht zusammen.", "Actor and signature do not match.")
        kind = note.get("type")
        if kind == "Announce":
            return self._announce(actor, headers, body)
        if kind == "Follow":
            return self._follow(actor, headers, body, note, partner=partner)
        if kind == "Undo":
            return self._undo(actor, headers, body)
        raise BadRequest(f"Unbekannte Art von Benachrichtigung: {kind}", f"Unsupported activity type: {kind}")

    def _announce(self, actor: str, headers: dict[str, str], body: bytes) -> dict[str, Any]:
        peer = self.peer_for_node(actor)
        if peer is None:
            raise Forbidden("Nur Knoten, die hier als Partner eingetragen sind, können Änderungen melden.",
                            "Only nodes this node harvests may announce changes.")
        verify_request(headers, "POST", self.url, body, peer.public_key)
        self.received += 1
        self.schedule_pull(peer.id)
        log.info("inbox announce from peer=%s: pull scheduled", peer.id)
        return {"accepted": True, "pull": peer.id}

    def _follow(self, actor: str, headers: dict[str, str], body: bytes, note: dict[str, Any], *, partner: bool) -> dict[str, Any]:
        base = base_of(actor)
        if base is None:
            raise BadRequest("Absender ist kein kb-Knoten.", "The actor is not a kb node.")
        peer = self.peer_for_node(actor)
        if peer is not None:
            verify_request(headers, "POST", self.url, body, peer.public_key)
            return self._subscribe(actor, peer.inbox or f"{base}/inbox", peer.public_key, peer.name)
        known = self.catalog.get_doc(SUBSCRIBER, actor)
        if isinstance(known, dict) and known.get("publicKey"):
            verify_request(headers, "POST", self.url, body, known["publicKey"])
            return {"accepted": True, "subscribed": actor}
        if not partner:
            raise Forbidden("Änderungsmeldungen abonnieren können nur eingetragene Partnerknoten und Knoten mit einem "
                            "Partner-Zugangsschlüssel dieses Knotens.",
                            "Only this node's peers and holders of one of its peer tokens may follow it.")
        key = note.get("publicKey")
        claimed = key.get("publicKeyMultibase") if isinstance(key, dict) else None
        if not isinstance(claimed, str):
            raise BadRequest("Dem Abonnement fehlt der öffentliche Schlüssel des Absenders (publicKey).",
                             "The Follow does not carry the sender's public key (publicKey).")
        verify_request(headers, "POST", self.url, body, claimed)  # before anything is fetched for it
        try:
            description = fetch_description(self.fetcher, base)
        except DescriptionError as exc:
            raise Forbidden(f"Der Absender ist unter seiner Adresse nicht erreichbar: {exc}",
                            f"The actor's node description cannot be fetched: {exc}") from None
        public = description["publicKey"]["publicKeyMultibase"]
        if public != claimed:
            raise Forbidden(f"Der Schlüssel des Absenders ist nicht der, den {base} veröffentlicht.",
                            f"The sender's key is not the one {base} publishes.")
        inbox = description.get("inbox") or f"{base}/inbox"
        return self._subscribe(actor, inbox, public, description.get("name", ""))

    def _subscribe(self, actor: str, inbox: object, public: str, name: object) -> dict[str, Any]:
        """Remember a subscriber; its inbox must lie on its own origin (nothing else gets our announcements)."""
        if not isinstance(inbox, str) or origin_of(inbox) != origin_of(actor):
            raise Forbidden(f"Der Posteingang {inbox!r} liegt nicht unter der Adresse des Absenders {origin_of(actor)}.",
                            f"The inbox {inbox!r} is not on the sender's own origin {origin_of(actor)}.")
        self.catalog.put_docs({(SUBSCRIBER, actor): {
            "actor": actor, "inbox": inbox, "publicKey": public, "name": name if isinstance(name, str) else "",
            "since": now_timestamp(),
        }})
        log.info("inbox follow from %s: subscribed, inbox=%s", actor, inbox)
        return {"accepted": True, "subscribed": actor}

    def _undo(self, actor: str, headers: dict[str, str], body: bytes) -> dict[str, Any]:
        known = self.catalog.get_doc(SUBSCRIBER, actor)
        if not isinstance(known, dict):
            return {"accepted": True}
        verify_request(headers, "POST", self.url, body, known["publicKey"])
        self.catalog.put_docs({(SUBSCRIBER, actor): None})
        log.info("inbox undo from %s: unsubscribed", actor)
        return {"accepted": True, "unsubscribed": actor}


class Notifier:
    """Sends Follow/Undo to peers and Announce to subscribers after the log grew."""

    def __init__(self, catalog: Catalog, fetcher: Fetcher, key: NodeKey, *, node_iri: str, stream: str, republish: bool,
                 debounce: float = 0.3) -> None:
        self.catalog = catalog
        self.fetcher = fetcher
        self.key = key
        """Signs every notification; ``key_iri`` names it."""
        self.node_iri = node_iri
        self.key_iri = key_iri(node_iri)
        self.stream = stream
        self.republish = republish
        self.debounce = debounce
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failures: dict[str, tuple[int, float]] = {}
        self.sent = 0

    def post(self, inbox: str, body: bytes, *, scope: str, token: str | None = None) -> int:
        """Sign and send; through the outbound policy, only inside ``scope`` (the receiver's origin)."""
        headers = {"Content-Type": "application/ld+json", **sign_request(self.key, self.key_iri, "POST", inbox, body)}
        return self.fetcher.post(inbox, body, headers, scope=scope, token=token)

    def follow(self, peer_node: str, inbox: str, *, scope: str, token: str | None = None) -> bool:
        key = {"id": self.key_iri, "type": "Multikey", "controller": self.node_iri,
               "publicKeyMultibase": self.key.public_multibase}
        try:
            status = self.post(inbox, activity("Follow", self.node_iri, peer_node, publicKey=key), scope=scope, token=token)
        except FetchError as exc:
            log.info("follow %s failed: %s", inbox, exc)
            return False
        ok = status < 300
        log.info("follow peer inbox=%s status=%d", inbox, status)
        return ok

    def undo_follow(self, peer_node: str, inbox: str, *, scope: str, token: str | None = None) -> None:
        try:
            self.post(inbox, activity("Undo", self.node_iri, {"type": "Follow", "actor": self.node_iri, "object": peer_node}),
                      scope=scope, token=token)
        except FetchError as exc:
            log.info("undo follow %s failed: %s", inbox, exc)

    def announce_all(self, last_seq: int) -> int:
        sent = 0
        for actor, doc in self.catalog.docs(SUBSCRIBER).items():
            if not isinstance(doc, dict) or not doc.get("inbox"):
                continue
            failures, not_before = self._failures.get(actor, (0, 0.0))
            if time.monotonic() < not_before:
                continue
            body = activity("Announce", self.node_iri, self.stream, id=f"{self.stream}#announce-{last_seq}")
            try:
                status = self.post(doc["inbox"], body, scope=origin_of(actor) or actor)
                ok = status < 300 or status == 429
            except FetchError as exc:
                status, ok = 0, False
                log.info("announce to %s failed: %s", actor, exc)
            if ok:
                self._failures.pop(actor, None)
                sent += 1
            else:
                self._failures[actor] = (failures + 1, time.monotonic() + min(600.0, 2.0 ** failures))
            log.debug("announce subscriber=%s status=%d", actor, status)
        self.sent += sent
        return sent

    def _has_visible_change(self, after: int, upto: int) -> bool:
        for event in self.catalog.events_since(after, limit=upto - after):
            if event.local or self.republish:
                return True
        return False

    def _run(self) -> None:
        seen = self.catalog.last_seq
        while not self._stop.is_set():
            if not self.catalog.wait_for_change(seen, timeout=1.0):
                continue
            self._stop.wait(self.debounce)
            upto = self.catalog.last_seq
            try:
                if self._has_visible_change(seen, upto):
                    self.announce_all(upto)
            except Exception:  # pragma: no cover - never let the notifier die
                log.exception("announce failed")
            seen = upto

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="kb-notifier", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=5)
