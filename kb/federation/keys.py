"""Whose key signs what: node descriptions, pinned keys, trust on first use for relayed origins.

A member names its origin (``prov:wasAttributedTo <{base}/node>``) and the key that signed it
(``{base}/node#key-1``). The origin's key is taken from, in this order:

1. the key pinned when the origin was added as a peer (``POST /api/peers``);
2. the key pinned the first time a record of that origin arrived through an aggregator, fetched
   from the origin's *own* base URL (``{base}/.well-known/kb-node``), like did:web: whoever
   controls that URL speaks for the records under it, and no relay can substitute a key.

That fetch goes through the outbound policy (``kb/federation/fetch.py``) with the origin's own
base as the only allowed origin and without any token, and only for members whose record lies under
that base and that name that origin's key; a failed fetch is not repeated for ``retry_seconds``.

Keys stay pinned (``("origin-key", node)`` private docs): a later change of key at the origin is
not followed silently; an operator re-adds the peer. If an origin cannot be reached, the member
waits in quarantine with a retryable reason and is tried again in later rounds.
"""

from __future__ import annotations

import logging
import threading
import time
from typing import Any

from kb.federation.fetch import Fetcher, FetchError, OutboundRefused
from kb.federation.members import key_iri
from kb.federation.peers import base_of
from kb.federation.signing import public_key_from_multibase
from kb.ontology import safejson
from kb.store.catalog import Catalog
from kb.store.model import now_timestamp

log = logging.getLogger(__name__)

ORIGIN_KEY = "origin-key"
DESCRIPTION_PATH = "/.well-known/kb-node"


class KeyUnavailable(Exception):
    """No key for an origin (yet); ``retryable`` if trying again later may help."""

    def __init__(self, message: str, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


class DescriptionError(Exception):
    """The description cannot be had; ``refused``: the outbound policy refused the address itself."""

    def __init__(self, message: str, *, refused: bool = False) -> None:
        super().__init__(message)
        self.refused = refused


def fetch_description(fetcher: Fetcher, base_url: str, token: str | None = None) -> dict[str, Any]:
    """A node's ``/.well-known/kb-node``, checked: its id lives under the URL it was fetched from.

    Fetched through the outbound policy with ``base`` as the only origin: no redirect elsewhere, the
    token (if any) only to ``base``, and only if ``base`` resolves to an address the node may contact.
    """
    base = base_url.rstrip("/")
    try:
        got = fetcher.get(base + DESCRIPTION_PATH, scope=base, accept="application/json, application/ld+json", token=token,
                          max_bytes=1_000_000)
        doc = safejson.loads(got.body)
    except OutboundRefused as exc:
        raise DescriptionError(str(exc), refused=True) from None
    except FetchError as exc:
        raise DescriptionError(str(exc)) from None
    except ValueError:
        raise DescriptionError(f"{base}{DESCRIPTION_PATH} ist kein JSON") from None
    node = doc.get("id") if isinstance(doc, dict) else None
    key = (doc.get("publicKey") or {}) if isinstance(doc, dict) else {}
    multibase = key.get("publicKeyMultibase") if isinstance(key, dict) else None
    if not isinstance(node, str) or not isinstance(multibase, str):
        raise DescriptionError(f"{base}{DESCRIPTION_PATH} nennt keinen Knoten mit öffentlichem Schlüssel")
    if node != f"{base}/node":
        raise DescriptionError(f"Knoten unter {base} nennt sich {node}; erwartet {base}/node")
    if key.get("id", key_iri(node)) != key_iri(node):
        raise DescriptionError(f"Schlüssel-ID {key.get('id')} passt nicht zu {node}")
    try:
        public_key_from_multibase(multibase)
    except ValueError as exc:
        raise DescriptionError(f"öffentlicher Schlüssel von {node} ist ungültig: {exc}") from None
    description: dict[str, Any] = doc
    return description


class KeyRing:
    """Public keys of origins, by node IRI, persisted in the catalogue's private docs."""

    def __init__(self, catalog: Catalog, fetcher: Fetcher, *, retry_seconds: float = 30.0) -> None:
        self.catalog = catalog
        self.fetcher = fetcher
        self.retry_seconds = retry_seconds
        self._lock = threading.Lock()
        self._cache: dict[str, dict[str, Any]] = {}
        self._failed: dict[str, tuple[float, str]] = {}
        self._loaded = False

    def _load(self) -> None:
        if not self._loaded:
            for origin, doc in self.catalog.docs(ORIGIN_KEY).items():
                if isinstance(doc, dict):
                    self._cache[origin] = doc
            self._loaded = True

    def known(self) -> dict[str, dict[str, Any]]:
        with self._lock:
            self._load()
            return dict(self._cache)

    def pin(self, origin: str, description: dict[str, Any], source: str) -> None:
        entry = {
            "publicKey": description["publicKey"]["publicKeyMultibase"],
            "name": description.get("name", ""),
            "operator": description.get("operator", ""),
            "state": description.get("state", ""),
            "kind": description.get("kind", ""),
            "pinnedAt": now_timestamp(),
            "source": source,
        }
        with self._lock:
            self._load()
            self._cache[origin] = entry
            self._failed.pop(origin, None)
        self.catalog.put_docs({(ORIGIN_KEY, origin): entry})

    def key_for(self, origin: str) -> str:
        """The origin's public key (multibase); fetches and pins it on first use."""
        with self._lock:
            self._load()
            entry = self._cache.get(origin)
            if entry is not None:
                return str(entry["publicKey"])
            failed = self._failed.get(origin)
            if failed and time.monotonic() < failed[0]:
                raise KeyUnavailable(failed[1], retryable=True)
        base = base_of(origin)
        if base is None:
            raise KeyUnavailable(f"Herkunft {origin} ist kein kb-Knoten ({{Basis}}/node)", retryable=False)
        try:
            description = fetch_description(self.fetcher, base)
        except DescriptionError as exc:
            message = f"Schlüssel der Herkunft {origin} nicht abrufbar: {exc}"
            with self._lock:
                self._failed[origin] = (time.monotonic() + self.retry_seconds, message)
            log.warning("key of origin %s unavailable: %s", origin, exc)
            raise KeyUnavailable(message, retryable=True) from None
        self.pin(origin, description, source="first-use")
        log.info("pinned key of origin %s from its own base URL (first use)", origin)
        return str(description["publicKey"]["publicKeyMultibase"])
