"""Federation: the node's LDES feed, the harvester of its peers, signed push hints.

``Federation`` is the part ``Node`` composes as ``node.federation``, from what it uses: the
catalogue, the record validator, the node's key and identity, and the settings. The HTTP routes
(``kb/api/routes/federation.py``) and the CLI only use its methods.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from kb import __version__
from kb.config import Settings
from kb.errors import BadRequest, NotFound, PeerError
from kb.federation.feed import Feed
from kb.federation.fetch import Fetcher, origin_of
from kb.federation.harvester import Harvester, HarvestLimits, PeerResult
from kb.federation.keys import DescriptionError, KeyRing, fetch_description
from kb.federation.notify import SUBSCRIBER, Inbox, Notifier
from kb.federation.peers import CURSOR, PEER, PeerConfig, base_of, peer_id_for
from kb.federation.quarantine import QUARANTINE, load_entries
from kb.federation.signing import NodeKey
from kb.federation.upgrade import upgrade_log
from kb.ontology.validation import RecordValidator
from kb.store.catalog import Catalog
from kb.store.model import now_timestamp

log = logging.getLogger(__name__)

__all__ = ["Federation", "Feed", "Harvester", "HarvestLimits", "PeerConfig", "PeerResult"]


class Federation:
    """Feed, harvester, inbox and notifier of one node, and the schedule that drives them."""

    def __init__(self, catalog: Catalog, validator: RecordValidator, key: NodeKey, *, node_iri: str, base_url: str,
                 settings: Settings) -> None:
        s = settings
        self.catalog = catalog
        self.key = key
        self.node_iri = node_iri
        self.base_url = base_url
        self.feed = Feed(catalog, base_url=base_url, page_size=s.page_size, republish=s.republish, node_iri=node_iri)
        self.fetcher = Fetcher(timeout=s.peer_timeout, max_bytes=s.max_page_bytes, user_agent=f"kb-harvester/{__version__} (+{node_iri})",
                               allow_networks=s.outbound_allow_networks)
        self.keyring = KeyRing(catalog, self.fetcher)
        self.harvester = Harvester(catalog, validator, self.fetcher, self.keyring,
                                   HarvestLimits(budget=s.harvest_budget, max_record_triples=s.max_record_triples), own_node=node_iri)
        self.inbox = Inbox(catalog, self.fetcher, url=f"{base_url}/inbox", peer_for_node=self.peer_for_node,
                           schedule_pull=self.schedule_pull)
        self.notifier = Notifier(catalog, self.fetcher, key, node_iri=node_iri, stream=self.feed.stream_iri, republish=s.republish)
        self.interval = s.sync_interval
        self.push = s.push_notifications
        self._wake = threading.Condition()
        self._pulls: dict[str, float] = {}
        self._stopped = False
        self._thread: threading.Thread | None = None
        self._names: dict[str, str] = {}
        self._names_fresh_until = 0.0

    # ------------------------------------------------------------------ what the node composes

    def describe(self) -> dict[str, Any]:
        return {
            "stream": self.feed.stream_iri,
            "inbox": self.inbox.url,
            "peers": [{"id": p.node, "url": p.url, "name": p.name} for p in self.harvester.peers()],
        }

    def nodes(self) -> list[dict[str, Any]]:
        """Every other node of the network this node knows: its peers, and every origin whose records
        reached it (directly or through an aggregator) and whose key it pinned. Only what the nodes
        said about themselves in their descriptions, and whether we harvest them directly."""
        peers = {p.node: p for p in self.harvester.peers()}
        out: dict[str, dict[str, Any]] = {}
        for origin, entry in self.keyring.known().items():
            if origin == self.node_iri:
                continue
            out[origin] = {"id": origin, "url": base_of(origin), "name": entry.get("name") or origin,
                           "operator": entry.get("operator") or "", "state": entry.get("state") or "",
                           "kind": entry.get("kind") or "", "peer": origin in peers}
        for node, p in peers.items():
            row = out.setdefault(node, {"id": node, "url": p.url, "name": p.name or p.url, "operator": p.operator,
                                        "state": p.state, "kind": p.kind, "peer": True})
            row["kind"] = row["kind"] or p.kind
        return sorted(out.values(), key=lambda r: str(r["name"]).casefold())

    def node_name(self, iri: str) -> str | None:
        """Name of a peer or of an origin we pinned a key for (refreshed at most every 5 s)."""
        if iri not in self._names and time.monotonic() > self._names_fresh_until:
            for origin, entry in self.keyring.known().items():
                if entry.get("name"):
                    self._names[origin] = entry["name"]
            for p in self.harvester.peers():
                if p.name:
                    self._names[p.node] = p.name
            self._names_fresh_until = time.monotonic() + 5.0
        return self._names.get(iri)

    def start(self) -> None:
        upgrade_log(self.catalog, self.key, self.node_iri)  # once, on a data directory from before
        if self.push:
            self.notifier.start()
        self._thread = threading.Thread(target=self._schedule, name="kb-harvest-schedule", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify_all()
        self.notifier.stop()
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.fetcher.close()

    # ------------------------------------------------------------------ peers

    def add_peer(self, url: str, token: str | None = None) -> dict[str, Any]:
        """Fetch the peer's node description, pin its key, remember it; then ask it to notify us."""
        url = url.strip().rstrip("/")
        if not url.startswith(("http://", "https://")):
            raise BadRequest("Die Adresse muss mit http:// oder https:// beginnen.", "The URL must start with http:// or https://.")
        if url == self.base_url:
            raise PeerError("Ein Knoten kann sich nicht selbst abonnieren.", "A node cannot be its own peer.")
        try:
            description = fetch_description(self.fetcher, url, token)
        except DescriptionError as exc:
            if exc.refused:
                raise PeerError(f"Die Adresse {url} ruft dieser Knoten nicht auf: {exc}",
                                 f"This node does not contact {url}: {exc}") from None
            raise PeerError(
                f"Der Knoten unter {url} antwortet nicht richtig: {exc}", f"The node at {url} does not answer properly: {exc}"
            ) from None
        if description["id"] == self.node_iri:
            raise PeerError("Das ist dieser Knoten selbst.", "That is this node itself.")
        for field in ("stream", "inbox"):
            link = description.get(field)
            if link not in (None, "") and (not isinstance(link, str) or origin_of(link) != origin_of(url)):
                raise PeerError(
                    f"Der Knoten unter {url} nennt als {field} {link!r}, eine Adresse außerhalb von {origin_of(url)}; "
                    "kb ruft für einen Partner nur Adressen unter dessen eigener Adresse auf.",
                    f"The node at {url} names {field} {link!r}, outside its own origin {origin_of(url)}.",
                )
        peer_id = peer_id_for(url)
        previous = self.harvester.peer(peer_id)
        cfg = PeerConfig(
            id=peer_id, url=url, node=description["id"], public_key=description["publicKey"]["publicKeyMultibase"],
            stream=description.get("stream") or f"{url}/ldes", name=description.get("name", ""),
            operator=description.get("operator", ""), state=description.get("state", ""), kind=description.get("kind", ""),
            inbox=description.get("inbox"), token=token if token is not None else (previous.token if previous else None),
            added=previous.added if previous else now_timestamp(),
        )
        self.catalog.put_docs({(PEER, peer_id): cfg.as_doc()})
        self.keyring.pin(cfg.node, description, source="peer")
        self._names[cfg.node] = cfg.name
        log.info("peer added id=%s url=%s node=%s key pinned", peer_id, url, cfg.node)
        if self.push and cfg.inbox:
            threading.Thread(target=self._follow, args=(cfg,), daemon=True).start()
        if self.interval > 0 and self._thread is not None:
            self.schedule_pull(peer_id)  # a node that harvests on its own starts with a new peer at once
        return self.peer_status(cfg)

    def _follow(self, cfg: PeerConfig) -> None:
        if cfg.inbox and self.notifier.follow(cfg.node, cfg.inbox, scope=self.harvester.scope_of(cfg), token=cfg.token):
            current = self.harvester.peer(cfg.id)
            if current is not None:
                current.followed = True
                self.catalog.put_docs({(PEER, cfg.id): current.as_doc()})

    def remove_peer(self, peer_id: str) -> None:
        cfg = self.harvester.peer(peer_id)
        if cfg is None:
            raise NotFound("Diesen Partnerknoten gibt es nicht.", "No such peer.")
        self.catalog.put_docs({(PEER, peer_id): None, (CURSOR, peer_id): None})
        self.harvester.health.pop(peer_id, None)
        if self.push and cfg.inbox:
            threading.Thread(target=self.notifier.undo_follow, args=(cfg.node, cfg.inbox),
                             kwargs={"scope": self.harvester.scope_of(cfg), "token": cfg.token}, daemon=True).start()
        log.info("peer removed id=%s url=%s (its records stay)", peer_id, cfg.url)

    def peer_for_node(self, node_iri: str) -> PeerConfig | None:
        return next((p for p in self.harvester.peers() if p.node == node_iri), None)

    def peer_status(self, cfg: PeerConfig, quarantined: dict[str, int] | None = None, *, full: bool = True) -> dict[str, Any]:
        """A peer's status. ``full=False`` (anonymous callers, the public network page): only what this
        node's operator configured and counted, nothing learnt from the peer while harvesting: no
        cursor page, no error texts (they can name any address a peer pointed to, and whether it answered)."""
        cursor = self.harvester.cursor(cfg.id)
        health = self.harvester.health_of(cfg.id).describe()
        if quarantined is None:
            quarantined = self.quarantine_counts()
        state = health["state"]
        if state == "never" and cursor.last_success:
            state = "synced"
        if not full:
            return {
                "id": cfg.id, "url": cfg.url, "name": cfg.name, "operator": cfg.operator, "bundesland": cfg.state,
                "kind": cfg.kind, "added": cfg.added, "lastSuccess": cursor.last_success, "received": cursor.received,
                "quarantined": quarantined.get(cfg.id, 0), "state": state, "retryInSeconds": health["retryInSeconds"],
            }
        return {
            "id": cfg.id, "url": cfg.url, "node": cfg.node, "name": cfg.name, "operator": cfg.operator,
            "bundesland": cfg.state, "kind": cfg.kind, "added": cfg.added, "authenticated": bool(cfg.token),
            "followed": cfg.followed, "lastSuccess": cursor.last_success,
            "cursor": {"page": cursor.page, "position": cursor.position},
            "received": cursor.received, "quarantined": quarantined.get(cfg.id, 0),
            **health, "state": state,
        }

    def status(self, *, full: bool = False) -> list[dict[str, Any]]:
        """All peers' status; ``full`` only for the admin (see ``peer_status``)."""
        counts = self.quarantine_counts()
        return [self.peer_status(p, counts, full=full) for p in self.harvester.peers()]

    def quarantine_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for entry in load_entries(self.catalog):
            counts[entry.peer] = counts.get(entry.peer, 0) + 1
        return counts

    def quarantine(self, *, with_payload: bool = False, peer: str | None = None) -> list[dict[str, Any]]:
        return [e.public(with_payload) for e in load_entries(self.catalog) if peer is None or e.peer == peer]

    def clear_quarantine(self, peer: str | None = None) -> int:
        entries = [e for e in load_entries(self.catalog) if peer is None or e.peer == peer]
        self.catalog.put_docs({(QUARANTINE, e.key): None for e in entries})
        return len(entries)

    def subscribers(self) -> list[str]:
        return sorted(self.catalog.docs(SUBSCRIBER))

    # ------------------------------------------------------------------ rounds

    def sync(self, peer: str | None = None) -> list[PeerResult]:
        """A harvest round now (all peers, or one); answers when it has finished."""
        if peer is not None and self.harvester.peer(peer) is None:
            raise NotFound("Diesen Partnerknoten gibt es nicht.", "No such peer.")
        results = self.harvester.sync_all(on_demand=True, only=[peer] if peer else None)
        self._follow_missing(results)
        return results

    def _follow_missing(self, results: list[PeerResult]) -> None:
        if not self.push:
            return
        for r in results:
            cfg = self.harvester.peer(r.peer)
            if r.ok and cfg is not None and not cfg.followed and cfg.inbox:
                self._follow(cfg)

    def schedule_pull(self, peer_id: str, delay: float = 0.2) -> None:
        """A peer told us it has news: harvest it soon (debounced; its backoff still applies)."""
        with self._wake:
            due = time.monotonic() + delay
            self._pulls[peer_id] = min(self._pulls.get(peer_id, due), due)
            self._wake.notify_all()

    def _schedule(self) -> None:
        next_round = time.monotonic() + (min(2.0, self.interval) if self.interval > 0 else float("inf"))
        while True:
            with self._wake:
                while not self._stopped:
                    now = time.monotonic()
                    soonest = min([next_round, *self._pulls.values()])
                    if soonest <= now:
                        break
                    self._wake.wait(timeout=min(soonest - now, 60.0))
                if self._stopped:
                    return
                now = time.monotonic()
                due = [p for p, t in self._pulls.items() if t <= now]
                for p in due:
                    del self._pulls[p]
                full = now >= next_round
                if full:
                    next_round = now + self.interval
            try:
                results = self.harvester.sync_all(on_demand=False, only=None if full else due)
                self._follow_missing(results)
            except Exception:  # pragma: no cover - the schedule must survive anything
                log.exception("scheduled harvest failed")
