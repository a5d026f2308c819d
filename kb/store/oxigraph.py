"""The catalogue on an embedded, on-disk Oxigraph store (the default backend).

The layout of the dataset is in ``kb.store.terms``; reads, the change log, documents and the
writer are shared with the server backend (``kb.store.reads`` … ``kb.store.writer``). What is
particular to the embedded store is here: how a commit is written, the in-process notification of
changes, checkpoints for the SPARQL workers, and the rewrite of the store's files after an erasure.

Every commit is a single atomic write: one SPARQL update, or one TriG load when it deletes nothing.
A large insert-only commit (a harvested page) goes through Oxigraph's bulk loader instead, which
sorts the batch into index files and has RocksDB ingest all of them in one step, which costs less
than a transaction (docs/decisions.md); ``tests/store/test_atomicity.py`` holds it to all-or-nothing.
After a crash the store holds the old or the new state of all of a commit, never a mix. All writes
pass one lock (the writer), so versions and sequence numbers are allocated without races; the store
call under it releases the GIL.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyoxigraph import NamedNode, Quad, RdfFormat, Store

from kb.ontology.personal_data import personal_triples
from kb.store import generations
from kb.store.batch import Batch
from kb.store.catalog import Catalog, Checkpoints, PreparedMembers
from kb.store.changelog import find_last_seq
from kb.store.model import MemberSealer
from kb.store.purge import PurgeSchedule
from kb.store.reads import live_records
from kb.store.terms import LOG_GRAPH, PRIVATE_GRAPH, PRIVATE_GRAPHS, RECORDS_GRAPH
from kb.store.writer import CatalogWriter, PersonalData, Summarizer

log = logging.getLogger(__name__)

BULK_MIN_QUADS = 5_000
"""Insert-only commits with at least this many quads use the bulk loader. It has a fixed cost of
some 15–30 ms (it writes and syncs a file per index), so small commits stay cheaper as transactions."""


class OxigraphCatalog(CatalogWriter):
    """The record catalogue of one node. Thread-safe; writes are serialised by one lock."""

    def __init__(self, path: Path | None, *, sealer: MemberSealer, node_iri: str, summarizer: Summarizer | None = None,
                 personal: PersonalData | None = personal_triples, purge_interval: float = 0.0) -> None:
        self._path = path
        self._dir = generations.open_dir(path) if path is not None else None
        self._store = Store(str(self._dir) if self._dir is not None else None)
        if self._dir is not None:
            _remove_unfinished_bulk_files(self._dir)
        self._purges = PurgeSchedule(purge_interval)
        self._sealer = sealer
        self._summarize = summarizer
        self._personal = personal
        self.node_iri = node_iri
        self._write_lock = threading.Lock()
        self._purge_lock = threading.Lock()
        self._writes = 0
        """Writes so far (a rewrite made without the writer checks that none came in between)."""
        self._changed = threading.Condition()
        self._last_seq = find_last_seq(self._store)
        self._overview_cache: dict[tuple[Any, ...], tuple[int, Any]] = {}
        self._erasures = super()._erasures_now()

    @property
    def store(self) -> Store:
        """The underlying Oxigraph store (the catalogue's reads, and the SPARQL endpoint)."""
        return self._store

    @property
    def last_seq(self) -> int:
        return self._last_seq

    @property
    def generation(self) -> int:
        """How often the store was rewritten in this process (copies of an older one hold erased bytes)."""
        return self._purges.done

    def _erasures_now(self) -> dict[str, int]:
        return self._erasures  # only this process writes the store: the counter read at start stays true

    def _erasures_written(self, erasures: dict[str, int]) -> None:
        self._erasures = erasures
        self._purges.wanted = True

    def _after_write(self) -> None:
        self._purge_if_due()

    def wait_for_change(self, after_seq: int, timeout: float) -> bool:
        """Block until the log has an entry after ``after_seq`` (True) or the timeout passes."""
        with self._changed:
            return self._changed.wait_for(lambda: self._last_seq > after_seq, timeout=timeout)

    def _begin(self) -> int:
        return self._last_seq

    def _apply(self, batch: Batch, base_seq: int, new_last_seq: int) -> bool:
        """One atomic write: a SPARQL update if anything is deleted, else a (faster) TriG load, or for
        a large batch the bulk loader."""
        data = batch.insert_data()
        if batch.deletes:
            self._store.update(" ;\n".join([*batch.deletes, f"INSERT DATA {{\n{data}}}"] if data else batch.deletes))
        elif data.count("\n") >= BULK_MIN_QUADS:
            # Our own TriG of terms pyoxigraph has already checked: parsing it leniently is safe.
            self._store.bulk_load(data.encode(), format=RdfFormat.TRIG, lenient=True)
        elif data:
            self._store.load(data.encode(), format=RdfFormat.TRIG)  # bytes: a str input is read holding the GIL
        else:
            return True
        self._writes += 1
        with self._changed:
            self._last_seq = new_last_seq
            self._changed.notify_all()
        return True

    # ------------------------------------------------------------------ erasure: rewriting the store

    def on_purge(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after every rewrite (holders of copies of the store drop theirs)."""
        self._purges.listeners.append(listener)

    def request_purge(self) -> None:
        """Rewrite the store soon because something was erased outside a commit (e.g. quarantine)."""
        self._purges.wanted = True
        self._purge_if_due()

    @contextmanager
    def purge_after(self) -> Iterator[None]:
        """Erasures committed inside the block are rewritten together when it ends (a harvest
        round, one ``kb erase``), not one by one: only the first rewrite of an interval is immediate."""
        self._purges.hold(1)
        try:
            yield
        finally:
            self._purges.hold(-1)
            self._purge_if_due()

    def _purge_if_due(self) -> None:
        if self._purges.wanted and self._purges.held == 0 and self._dir is not None:
            self._purges.run_or_schedule(lambda: self.purge(only_if_wanted=True))

    def purge(self, *, only_if_wanted: bool = False) -> bool:
        """Rewrite the store into a fresh directory and switch to it, while the node runs.

        After an erasure the erased text is unreachable but still in the store's files
        (``kb/store/generations.py``); this is what removes it. The copy is made from a checkpoint
        without holding the writer, so harvests and publishing go on; only if something was written
        meanwhile is it made again under the writer (then it blocks writes as long as a bulk load of
        the store takes). Reads go on from the old store until the switch. False for an in-memory
        store, a closed catalogue, or (``only_if_wanted``) when no erasure is waiting.
        """
        if self._path is None:
            return False
        with self._purge_lock:
            with self._write_lock:
                if self._store is None or self._dir is None or (only_if_wanted and not self._purges.wanted):
                    return False
                started, writes, old_dir = time.monotonic(), self._writes, self._dir
                self._purges.wanted = False
                frozen = generations.checkpoint(self._store, self._path)
            try:
                fresh, store = generations.write_generation(Store.read_only(str(frozen)), self._path)
                with self._write_lock:
                    if self._store is None:
                        return False
                    if self._writes != writes:  # written meanwhile: copy again, holding the writer this time
                        del store
                        generations.remove_old(fresh)
                        fresh, store = generations.write_generation(self._store, self._path)
                    generations.switch_to(self._path, fresh)
                    self._store, self._dir = store, fresh
                    self._purges.finished()
            finally:
                generations.remove_old(frozen)
            generations.remove_old(old_dir)
        for listener in list(self._purges.listeners):
            listener()
        log.info("store rewritten after an erasure in %.1f s (%d quads)", time.monotonic() - started, len(store))
        return True

    # ------------------------------------------------------------------ maintenance

    def checkpoint(self, target: Path) -> int:
        """A consistent read-only copy of the store at ``target`` for readers in other processes.

        A RocksDB checkpoint: hard links to the immutable files plus a flush of the memtable, so it
        is cheap (docs/decisions.md has the figures). It holds every commit up to at least the
        returned sequence number and no part of a later one.
        """
        seq = self._last_seq
        self._store.backup(str(target))
        return seq

    def flush(self) -> None:
        self._store.flush()

    def close(self) -> None:
        """Flush and release the store (and its directory lock); the catalogue is unusable after."""
        self._purges.cancel()
        with self._write_lock:
            if self._store is None:
                return
            self._store.flush()
            self._store = None  # type: ignore[assignment]

    def quads(self, graph: NamedNode) -> list[Quad]:
        return list(self._store.quads_for_pattern(None, None, None, graph))


def _remove_unfinished_bulk_files(path: Path) -> None:
    """Delete index files a bulk load wrote but never handed to RocksDB (the process died first).

    RocksDB does not know them, so they would only take disk space. Runs after the store is open:
    its directory lock means no other process is loading into it.
    """
    for leftover in path.glob("bulk-*.sst"):
        log.warning("removing %s, left by a bulk load that did not finish", leftover.name)
        leftover.unlink(missing_ok=True)


if TYPE_CHECKING:  # mypy proves here that this backend fits the interface the rest of kb uses
    def _fits(catalog: OxigraphCatalog) -> tuple[Catalog, Checkpoints]:
        return catalog, catalog


__all__ = ["OxigraphCatalog", "live_records", "PreparedMembers", "RECORDS_GRAPH", "LOG_GRAPH", "PRIVATE_GRAPH", "PRIVATE_GRAPHS",
           "BULK_MIN_QUADS"]
