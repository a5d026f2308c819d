"""The one place that composes a node: store, ontology, publishing, federation and search.

Everything a node needs is built here from its Settings; the HTTP layer (``kb/api``) and the CLI
only talk to a ``Node``. Read-only resources (register, vocabularies, shapes, the embedding model)
are loaded once per process and shared, so a demo federation in one process stays small.
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kb import __version__
from kb.auth import TokenStore
from kb.boerse import Board, Matcher
from kb.config import Settings
from kb.documents.library import DocumentLibrary
from kb.erasure import Erasure
from kb.federation import Federation
from kb.federation.fetch import origin_of
from kb.federation.joining import Invitations, Joining
from kb.federation.members import key_iri, sealer_for
from kb.federation.signing import NodeKey
from kb.funding import FundingProgrammes
from kb.initiatives import Initiatives
from kb.inventory import Inventory
from kb.ontology.nesting import set_max_nesting
from kb.ontology.places import PlaceIndex
from kb.ontology.records import RecordMapper
from kb.ontology.register import Register
from kb.ontology.validation import RecordValidator
from kb.ontology.vocabulary import Vocabularies
from kb.publishing import Publisher
from kb.store import Catalog
from kb.store.model import StoredRecord
from kb.store.oxigraph import OxigraphCatalog
from kb.store.server import ServerCatalog
from kb.store.server_sparql import ServerSparql
from kb.store.sparql import SparqlEndpoint, SparqlService
from kb.store.sparql_snapshots import SNAPSHOT_DIR
from kb.views import NodeIdentity, RecordViews

if TYPE_CHECKING:  # imported when search is switched on: it loads numpy, FAISS and the model code
    from kb.search import SearchService

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def shared_register() -> Register:
    return Register.load()


@lru_cache(maxsize=1)
def shared_places() -> PlaceIndex:
    """Name lookup of all municipalities and Kreise (``kb/ontology/places.py``), built once per process."""
    return PlaceIndex(shared_register())


@lru_cache(maxsize=1)
def shared_vocabularies() -> Vocabularies:
    return Vocabularies.load()


@lru_cache(maxsize=1)
def shared_validator() -> RecordValidator:
    return RecordValidator()


class Node:
    """A running kb node (without its HTTP server)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        set_max_nesting(settings.max_nesting)  # one limit per process for every parser (kb/ontology/nesting.py)
        self.base_url = settings.public_base
        self.iri = f"{self.base_url}/node"
        self.key_iri = key_iri(self.iri)
        self.identity = NodeIdentity(self.base_url, self.iri)
        data_dir = settings.data_dir
        data_dir.mkdir(parents=True, exist_ok=True)
        self.key = NodeKey.load_or_create(data_dir / "node.key")
        self.register = shared_register()
        self.places = shared_places()
        self.vocabularies = shared_vocabularies()
        self.mapper = RecordMapper(self.register, self.vocabularies)
        self.catalog: Catalog
        self.sparql: SparqlEndpoint
        if settings.store:  # the catalogue on a SPARQL server, which other kb processes may share
            server = ServerCatalog(settings.store, sealer=sealer_for(self.key, self.iri), node_iri=self.iri,
                                   summarizer=self.mapper.summarize, timeout=settings.store_timeout)
            self.catalog = server
            self.sparql = ServerSparql(
                server.store, timeout=settings.sparql_timeout, max_rows=settings.sparql_max_rows, max_bytes=settings.sparql_max_bytes,
                concurrency=settings.sparql_concurrency, max_depth=settings.sparql_max_depth, max_query_bytes=settings.sparql_max_query_bytes,
            )
        else:
            embedded = OxigraphCatalog(
                data_dir / "store", sealer=sealer_for(self.key, self.iri), node_iri=self.iri, summarizer=self.mapper.summarize,
                purge_interval=settings.erasure_purge_interval,
            )
            self.catalog = embedded
            self.sparql = SparqlService(
                embedded, snapshot_dir=data_dir / SNAPSHOT_DIR, timeout=settings.sparql_timeout, max_rows=settings.sparql_max_rows,
                max_bytes=settings.sparql_max_bytes, concurrency=settings.sparql_concurrency, memory_mb=settings.sparql_memory_mb,
                max_depth=settings.sparql_max_depth, max_query_bytes=settings.sparql_max_query_bytes,
            )
        self.tokens = TokenStore(data_dir / "tokens.json", settings.admin_token.get_secret_value() if settings.admin_token else None)
        self.publisher = Publisher(
            self.catalog, self.mapper, shared_validator(), base_url=self.base_url, max_triples=settings.max_record_triples
        )
        self.inventory = Inventory(self.catalog, self.register, self.vocabularies)
        self.funding = FundingProgrammes(self.catalog, self.register, self.vocabularies)
        self.initiatives = Initiatives(self.catalog, self.register)
        self.federation = Federation(
            self.catalog, self.publisher.validator, self.key, node_iri=self.iri, base_url=self.base_url, settings=settings
        )
        self.views = RecordViews(self.mapper, self.publisher.records_base, self.identity, settings.name, self.federation.node_name)
        """Local keys, node names and the JSON form of records (``kb/views.py``), for the routes, the CLI and the erasure."""
        self.erasure = Erasure(self.catalog, self.publisher, self.views.node_name)
        self.joining = Joining(self.federation, self.tokens, Invitations(self.catalog), base_url=self.base_url, name=settings.name)
        """Joining a network in one step, and admitting nodes that join this one (``kb/federation/joining.py``)."""
        self.documents = DocumentLibrary(self.catalog, self.publisher, self.mapper, settings,
                                         fetcher=self.federation.fetcher, token_for=self._peer_token_for)
        self.search: SearchService | None = None
        """None when search is switched off (``KB_SEARCH_ENABLED=false``)."""
        if settings.search_enabled:
            from kb.search import SearchService

            self.search = SearchService(
                self.catalog, self.mapper, self.vocabularies, self.register, settings, self.node_name, node_iri=self.iri
            )
        self.boerse = Board(self.catalog, self.register)
        """The Kooperationsbörse's requests and offers (``kb/boerse``); ``boerse_matches`` computes their matches."""
        self.boerse_matches = Matcher(self.boerse, self.inventory, self.search)
        self._started = False
        self._closing = threading.Event()
        self._start_lock = threading.Lock()
        self._after_search: threading.Thread | None = None

    def description(self) -> dict[str, Any]:
        """What ``/.well-known/kb-node`` says about this node."""
        s = self.settings
        out: dict[str, Any] = {
            "id": self.iri,
            "name": s.name,
            "operator": s.operator,
            "kind": s.kind,
            "state": s.state,
            "country": s.country,
            "baseUrl": self.base_url,
            "publicKey": {
                "id": self.key_iri,
                "type": "Multikey",
                "controller": self.iri,
                "publicKeyMultibase": self.key.public_multibase,
            },
            "records": self.catalog.count(include_network=False),
            "version": __version__,
            "ontology": f"{self.base_url}/ontology",
            "sparql": f"{self.base_url}/sparql",
        }
        out.update(self.federation.describe())
        if self.search is not None:
            out.update(self.search.describe())
        return out

    def key_of(self, iri: str) -> str | None:
        """The local key of a record IRI minted here (``/api/projects/{key}``), else None."""
        return self.views.key_of(iri)

    def node_name(self, node_iri: str) -> str | None:
        """Display name of a node we know (ourselves, or a peer the federation knows)."""
        return self.views.node_name(node_iri)

    def _peer_token_for(self, node_iri: str, url: str) -> str | None:
        """The token we hold for a peer node, for a URL on that peer's own origin only (tokens go nowhere else)."""
        peer = self.federation.peer_for_node(node_iri)
        return peer.token if peer is not None and peer.token and origin_of(peer.url) == origin_of(url) else None

    def project_view(self, stored: StoredRecord, lang: str = "de") -> dict[str, Any]:
        """A record's JSON form with its provenance: what the API and the web pages show."""
        return self.views.project_view(stored, lang)

    def start(self) -> None:
        """Start the parts' background work: search indexing, harvesting, the inventory's snapshot.

        Search starts first; the inventory's warm-up and the document library's round start once
        search has done its start-up work (or has failed to open). They only warm caches that a
        request fills on its own anyway, and on a restart they competed with the saved index's
        loading and then with the first searches for the same two cores (and Python's one lock).
        """
        if self._started:
            return
        self._started = True
        if self.search is not None:
            self.search.start()
        self.federation.start()
        if self.search is None:
            self._start_warm_ups()
        else:
            self._after_search = threading.Thread(target=self._start_after_search, name="kb-after-search", daemon=True)
            self._after_search.start()

    def _start_after_search(self) -> None:
        assert self.search is not None
        while not self._closing.is_set() and not self.search.wait_until_settled(0.2):
            pass
        with self._start_lock:
            if not self._closing.is_set():
                self._start_warm_ups()

    def _start_warm_ups(self) -> None:
        self.inventory.start()
        self.documents.start()

    def close(self) -> None:
        """Stop the parts in the reverse order of ``start``, then close the store."""
        try:
            with self._start_lock:  # the warm-ups start either before this or never
                self._closing.set()
            if self.search is not None:
                self.search.stop()
            self.documents.stop()
            self.federation.stop()
            self.inventory.stop()
        finally:  # the SPARQL snapshots hold copies of the store's files: never leave them behind
            self.sparql.close()
            self.catalog.close()
