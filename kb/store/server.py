"""The catalogue on a SPARQL 1.1 server (``kb serve --store URL``), shared by several kb processes.

Reads, the change log and documents are the same code as on the embedded store, run over HTTP
(``kb.store.server_client``). What differs is how a commit is written and how a process learns of
the others' commits:

- **One writer at a time, across processes.** Oxigraph's server (and SPARQL servers in general)
  does not make a read-then-write update serialisable: two conditional updates that both see log
  head 53 can both succeed (tried: 1 in 600 under contention). So writers first take a *lease*
  (``WriterLease``): a process adds its claim ``kbm:claim "{token} {expiry}"``, then reads all
  claims; it holds the lease only if its claim is the one live claim. Each step is one request,
  so of two processes that claim at once at most one sees only its own claim (the later reader sees
  the earlier claim); if both see both, both withdraw and try again after a random pause. A claim
  expires after ``LEASE_SECONDS``, so a process that dies holding it blocks writes for that long
  at most. Clocks of the processes must agree to well within that (NTP).
- **One SPARQL Update per commit, with the version check inside.** The log head
  ``<urn:kb:log> kbm:seq N`` (the last sequence number) is moved from the base the commit was
  built on to its new value by the update's first operation, only if it is still at the base;
  every further operation of the update is conditional on the head having the new value. Every
  change of a record moves the head, so "head still N" means every version the commit read is
  still current. The update is one request, which the server applies atomically.
- **Sequence numbers** are therefore allocated by the one lease holder from the head it read and
  checked in the update: gap-free and ordered across all processes.
- **Other processes' writes** are seen by reading the head: ``last_seq`` asks the server (one
  small query), so every cache keyed on it notices them, and ``wait_for_change`` polls it.
"""

from __future__ import annotations

import logging
import random
import threading
import time
import uuid
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from types import TracebackType
from typing import TYPE_CHECKING, Any

from pyoxigraph import Literal, QuerySolutions

from kb.errors import Busy
from kb.ontology.namespaces import KBM
from kb.ontology.personal_data import personal_triples
from kb.store.batch import Batch
from kb.store.catalog import Catalog
from kb.store.changelog import find_last_seq
from kb.store.model import MemberSealer, RecordMeta
from kb.store.reads import Term, meta_from_props
from kb.store.server_client import ServerStore, StoreUnavailable
from kb.store.terms import S_GRAPH_LOG, S_GRAPH_RECORDS, S_INTEGER, catalog_record_iri, lexical
from kb.store.writer import CatalogWriter, PersonalData, Summarizer

log = logging.getLogger(__name__)

HEAD = "<urn:kb:log>"
WRITER = "<urn:kb:writer>"
S_CLAIM = str(KBM.claim)
S_SEQ = str(KBM.seq)

LEASE_SECONDS = 120.0
"""How long a writer's claim is valid. A commit must be written well within it (see ``_apply``)."""
LEASE_WAIT = 30.0
"""How long a write waits for the lease before the caller is told the catalogue is busy (503)."""
POLL_SECONDS = 0.25
"""How often ``wait_for_change`` asks the server for the log head (other processes' commits)."""


class WriterLease:
    """The store-wide writer lease, plus this process's own lock (``with lease: …``)."""

    def __init__(self, store: ServerStore, *, request_timeout: float) -> None:
        self._store = store
        self._local = threading.Lock()
        self._token: str | None = None
        self._expires = 0.0
        self._request_timeout = request_timeout

    def __enter__(self) -> WriterLease:
        self._local.acquire()
        try:
            self._acquire()
        except BaseException:
            self._local.release()
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        try:
            if self._token is not None:
                self._store.update(f'DELETE DATA {{ GRAPH {S_GRAPH_LOG} {{ {WRITER} {S_CLAIM} {self._claim()} }} }}')
        finally:
            self._token = None
            self._local.release()

    def _claim(self) -> str:
        return str(Literal(f"{self._token} {self._expires:.3f}"))

    def _acquire(self) -> None:
        deadline = time.monotonic() + LEASE_WAIT
        pause = 0.005
        while True:
            self._token, self._expires = uuid.uuid4().hex, time.time() + LEASE_SECONDS
            mine = self._claim()
            self._store.update(f"INSERT DATA {{ GRAPH {S_GRAPH_LOG} {{ {WRITER} {S_CLAIM} {mine} }} }}")
            result = self._store.query(f"SELECT ?c WHERE {{ GRAPH {S_GRAPH_LOG} {{ {WRITER} {S_CLAIM} ?c }} }}")
            assert isinstance(result, QuerySolutions)
            now = time.time()
            live: list[str] = []
            expired: list[str] = []
            for row in result:
                text = lexical(row["c"])
                (live if float(text.rsplit(" ", 1)[1]) > now else expired).append(text)
            if expired:  # left by a process that died holding or claiming the lease
                log.warning("removing %d expired writer claim(s) from the store", len(expired))
                self._store.update(f"DELETE DATA {{ GRAPH {S_GRAPH_LOG} {{ {' '.join(f'{WRITER} {S_CLAIM} {Literal(c)} .' for c in expired)} }} }}")
            if live == [f"{self._token} {self._expires:.3f}"]:
                return
            self._store.update(f"DELETE DATA {{ GRAPH {S_GRAPH_LOG} {{ {WRITER} {S_CLAIM} {mine} }} }}")
            self._token = None
            if time.monotonic() > deadline:
                raise Busy("Der Katalog ist gerade stark beschäftigt. Bitte versuchen Sie es gleich noch einmal.",
                           "The catalogue is busy with other writes. Please try again shortly.")
            time.sleep(random.uniform(pause, pause * 3))
            pause = min(pause * 2, 0.2)

    def check(self) -> None:
        """Refuse to write if the lease might run out before the write is done (a paused process)."""
        if self._token is None or time.time() + self._request_timeout > self._expires:
            raise Busy("Der Katalog ist gerade stark beschäftigt. Bitte versuchen Sie es gleich noch einmal.",
                       "The catalogue is busy with other writes. Please try again shortly.")


class ServerCatalog(CatalogWriter):
    """The record catalogue of one node, in a SPARQL server that other kb processes may share."""

    def __init__(self, url: str, *, sealer: MemberSealer, node_iri: str, summarizer: Summarizer | None = None,
                 personal: PersonalData | None = personal_triples, timeout: float = 30.0) -> None:
        self._server = ServerStore(url, timeout=timeout)
        self._sealer = sealer
        self._summarize = summarizer
        self._personal = personal
        self.node_iri = node_iri
        self._lease = WriterLease(self._server, request_timeout=timeout)
        self._write_lock = self._lease
        self._changed = threading.Condition()
        self._overview_cache: dict[tuple[Any, ...], tuple[int, Any]] = {}
        self._seen_seq = 0
        self._ensure_head()

    @property
    def store(self) -> ServerStore:
        return self._server

    @property
    def url(self) -> str:
        return self._server.url

    def _read_head(self) -> int | None:
        result = self._server.query(f"SELECT ?n WHERE {{ GRAPH {S_GRAPH_LOG} {{ {HEAD} {S_SEQ} ?n }} }}")
        assert isinstance(result, QuerySolutions)
        values = [int(lexical(row["n"])) for row in result]
        if len(values) > 1:  # pragma: no cover - would mean two writers; the check below names it
            log.error("the store's log head has %d values: %s", len(values), values)
        return max(values) if values else None

    def _ensure_head(self) -> None:
        """A store written before the head existed (or a new one) gets it, under the lease."""
        if self._read_head() is not None:
            return
        with self._lease:
            if self._read_head() is None:
                self._server.update(f'INSERT DATA {{ GRAPH {S_GRAPH_LOG} {{ {HEAD} {S_SEQ} "{find_last_seq(self._server)}"^^{S_INTEGER} }} }}')

    @property
    def last_seq(self) -> int:
        """The log head as the server has it now: other processes' commits included."""
        seq = self._read_head() or 0
        self._seen_seq = max(self._seen_seq, seq)
        return seq

    def wait_for_change(self, after_seq: int, timeout: float) -> bool:
        """Block until the log has an entry after ``after_seq``: woken by this process's commits, and
        asking the server every ``POLL_SECONDS`` for the others'."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                if self.last_seq > after_seq:
                    return True
            except StoreUnavailable:
                log.warning("store server unreachable while waiting for changes")
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            with self._changed:
                self._changed.wait(min(POLL_SECONDS, left))

    def metas(self, records: Sequence[str]) -> dict[str, RecordMeta | None]:
        """The provenance of many records in one query per 500 (a harvested page: one round trip, not 250)."""
        wanted = list(dict.fromkeys(records))
        found: dict[str, RecordMeta | None] = dict.fromkeys(wanted)
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            values = " ".join(str(catalog_record_iri(record)) for record in chunk)
            result = self._server.query(f"SELECT ?cr ?p ?o WHERE {{ VALUES ?cr {{ {values} }} GRAPH {S_GRAPH_RECORDS} {{ ?cr ?p ?o }} }}")
            assert isinstance(result, QuerySolutions)
            props: dict[str, dict[str, list[Term]]] = {}
            for row in result:
                cr, predicate, value = row["cr"], row["p"], row["o"]
                assert value is not None
                props.setdefault(lexical(cr), {}).setdefault(lexical(predicate), []).append(value)
            for record in chunk:
                if (mine := props.get(str(catalog_record_iri(record))[1:-1])) is not None:
                    found[record] = meta_from_props(record, mine)
        return found

    def _begin(self) -> int:
        head = self._read_head()
        if head is None:  # pragma: no cover - removed by hand while running
            raise StoreUnavailable("the store has no log head")
        return head

    def _apply(self, batch: Batch, base_seq: int, new_last_seq: int) -> bool:
        """One SPARQL Update: move the head from ``base_seq`` to ``new_last_seq``, then (only if
        that happened) the deletes and inserts of ``batch``. False if the head was elsewhere."""
        data = batch.insert_data()
        if not data and not batch.deletes:
            return True
        self._lease.check()
        moves = new_last_seq != base_seq
        gate = f'GRAPH {S_GRAPH_LOG} {{ {HEAD} {S_SEQ} "{int(new_last_seq)}"^^{S_INTEGER} }}' if moves else ""
        operations = []
        if moves:
            operations.append(
                f'DELETE {{ GRAPH {S_GRAPH_LOG} {{ {HEAD} {S_SEQ} ?head }} }} '
                f'INSERT {{ GRAPH {S_GRAPH_LOG} {{ {HEAD} {S_SEQ} "{int(new_last_seq)}"^^{S_INTEGER} }} }} '
                f'WHERE {{ GRAPH {S_GRAPH_LOG} {{ {HEAD} {S_SEQ} ?head }} FILTER(?head = {int(base_seq)}) }}'
            )
        operations.extend(_gated(delete, gate) for delete in batch.deletes)
        if data:
            operations.append(f"INSERT {{\n{data}}} WHERE {{ {gate} }}" if moves else f"INSERT DATA {{\n{data}}}")
        self._server.update(" ;\n".join(operations))
        if moves and self._read_head() != new_last_seq:
            log.warning("commit on log head %d refused: the head moved", base_seq)
            return False
        with self._changed:
            self._seen_seq = max(self._seen_seq, new_last_seq)
            self._changed.notify_all()
        return True

    def purge_after(self) -> AbstractContextManager[None]:
        """Nothing to do: the server's files are the server's (docs/operations.md, erasure on a store server)."""
        return nullcontext()

    def request_purge(self) -> None:
        """See ``purge_after``."""

    def close(self) -> None:
        self._server.close()


def _gated(delete: str, gate: str) -> str:
    """A delete of ``Batch`` (``DROP SILENT GRAPH <g>`` or ``DELETE WHERE { … }``), done only if ``gate`` holds."""
    if delete.startswith("DROP SILENT GRAPH "):
        graph = delete[len("DROP SILENT GRAPH "):]
        pattern = f"GRAPH {graph} {{ ?s ?p ?o }}"
    elif delete.startswith("DELETE WHERE {") and delete.endswith("}"):
        pattern = delete[len("DELETE WHERE {"):-1]
    else:  # pragma: no cover - Batch writes only these two forms
        raise ValueError(f"unexpected delete: {delete[:80]}")
    return f"DELETE {{ {pattern} }} WHERE {{ {gate} {pattern} }}"


if TYPE_CHECKING:  # mypy proves here that this backend fits the interface the rest of kb uses
    def _fits(catalog: ServerCatalog) -> Catalog:
        return catalog


__all__ = ["LEASE_SECONDS", "ServerCatalog", "WriterLease"]
