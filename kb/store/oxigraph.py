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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyoxigraph import NamedNode, Quad, RdfFormat, Store

from kb.ontology.personal_data import personal_triples
from kb.store.batch import Batch
from kb.store.catalog import Catalog, Checkpoints, PreparedMembers
from kb.store.changelog import find_last_seq
from kb.store.model import MemberSealer
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
                 personal: PersonalData | None = personal_triples) -> None:
        if path is not None:
            _finish_rewrite(path)
            path.mkdir(parents=True, exist_ok=True)
        self._store = Store(str(path) if path is not None else None)
        if path is not None:
            _remove_unfinished_bulk_files(path)
        self._sealer = sealer
        self._summarize = summarizer
        self._personal = personal
        self.node_iri = node_iri
        self._write_lock = threading.Lock()
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

    def _erasures_now(self) -> dict[str, int]:
        return self._erasures  # only this process writes the store: the counter read at start stays true

    def _erasures_written(self, erasures: dict[str, int]) -> None:
        self._erasures = erasures

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
        with self._changed:
            self._last_seq = new_last_seq
            self._changed.notify_all()
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
        with self._write_lock:
            if self._store is None:
                return
            self._store.flush()
            self._store = None  # type: ignore[assignment]

    def quads(self, graph: NamedNode) -> list[Quad]:
        return list(self._store.quads_for_pattern(None, None, None, graph))


def rewrite_store(path: Path) -> tuple[int, int]:
    """Copy every quad of the store at ``path`` into a fresh store and put it in its place.

    Why: Oxigraph never deletes the strings of removed triples from its string table (and RocksDB
    keeps removed values in its files until they are merged away), so after an erasure the erased
    text is unreachable through every interface but still in the store's files. A store written
    afresh holds only what is live. Needs the store closed (a running node holds its lock: an
    ``OSError`` then). Steps, each safe to interrupt: write ``{path}.rewrite`` completely; rename
    ``path`` to ``{path}.old``; rename the new one to ``path``; delete the old one
    (``_finish_rewrite`` completes an interrupted rewrite when the store is opened next).
    Returns (quads copied, bytes of the old store).
    """
    import gc
    import shutil

    _finish_rewrite(path)
    fresh, old_dir = path.with_name(path.name + ".rewrite"), path.with_name(path.name + ".old")
    shutil.rmtree(fresh, ignore_errors=True)
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    dump = path.with_name(path.name + ".rewrite.nq")
    source = Store(str(path))
    try:
        # Through a file in N-Quads: parsed and sorted in Rust (twice as fast as copying quad by quad).
        source.dump(output=str(dump), format=RdfFormat.N_QUADS)
        target = Store(str(fresh))
        target.bulk_load(path=str(dump), format=RdfFormat.N_QUADS)
        target.flush()
    finally:
        dump.unlink(missing_ok=True)
    copied = len(target)
    if copied != len(source):  # pragma: no cover - defensive
        raise RuntimeError("store rewrite copied a different number of quads; the old store is kept")
    del source, target
    gc.collect()  # pyoxigraph closes a store (and releases its lock) when the object is freed
    (fresh / _REWRITE_DONE).write_text("complete\n")
    path.rename(old_dir)
    fresh.rename(path)
    (path / _REWRITE_DONE).unlink(missing_ok=True)
    shutil.rmtree(old_dir, ignore_errors=True)
    log.info("store rewritten: %d quads, %d bytes before", copied, size)
    return copied, size


_REWRITE_DONE = "kb-rewrite-complete"


def _finish_rewrite(path: Path) -> None:
    """Complete or undo a ``rewrite_store`` that was interrupted."""
    import shutil

    fresh, old_dir = path.with_name(path.name + ".rewrite"), path.with_name(path.name + ".old")
    if not path.exists() and (fresh / _REWRITE_DONE).exists():
        fresh.rename(path)  # interrupted between the two renames: the new store is complete
    (path / _REWRITE_DONE).unlink(missing_ok=True)
    if path.exists():
        shutil.rmtree(old_dir, ignore_errors=True)
        shutil.rmtree(fresh, ignore_errors=True)
    path.with_name(path.name + ".rewrite.nq").unlink(missing_ok=True)


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
           "BULK_MIN_QUADS", "rewrite_store"]
