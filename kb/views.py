"""How a node names itself, other nodes and its records to readers: its identity and the record views.

Two small typed parts that the HTTP routes, the CLI and the erasure need, so that none of them
takes the whole ``Node`` just to ask "what is this record's local key?" or "what is that node
called?". Both are built once in ``kb/node.py``; ``kb/api/deps.py`` hands them to the routes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kb.ontology.records import RecordMapper
from kb.store.model import StoredRecord


@dataclass(frozen=True)
class NodeIdentity:
    """Where this node lives: its public base URL and its IRI (``{base_url}/node``)."""

    base_url: str
    iri: str


class RecordViews:
    """Local keys of records minted here, display names of nodes, and a record's JSON form with provenance."""

    def __init__(self, mapper: RecordMapper, records_base: str, identity: NodeIdentity, own_name: str,
                 peer_name: Callable[[str], str | None]) -> None:
        self._mapper = mapper
        self._records_base = records_base
        self._identity = identity
        self._own_name = own_name
        self._peer_name = peer_name

    def key_of(self, iri: str) -> str | None:
        """The local key of a record IRI minted here (``/api/projects/{key}``), else None."""
        base = self._records_base
        return iri[len(base):] if iri.startswith(base) else None

    def node_name(self, node_iri: str) -> str | None:
        """Display name of a node we know (ourselves, or a peer the federation knows)."""
        if node_iri == self._identity.iri:
            return self._own_name
        return self._peer_name(node_iri)

    def project_view(self, stored: StoredRecord, lang: str = "de") -> dict[str, Any]:
        """A record's JSON form with its provenance: what the API and the web pages show."""
        out = self._mapper.to_json(stored.meta.iri, stored.triples, lang)
        m = stored.meta
        out["provenance"] = {
            "version": m.version,
            "created": m.created,
            "modified": m.modified,
            "origin": m.origin,
            "originName": self.node_name(m.origin),
            "local": m.local,
            "verified": m.verified,
            "receivedFrom": m.received_from,
            "receivedAt": m.received_at,
            "contentHash": m.content_hash,
            "member": m.member,
        }
        return out
