"""Read-only copies of the store for the SPARQL workers, one per state of the catalogue.

A worker process must not open the live store (RocksDB opened read-only while another process
writes is undefined behaviour), so it reads a checkpoint (``Checkpoints.checkpoint``). A new
one is made only when a record changed since the last (``last_seq``), and before the query that
asks, so a client always reads its own writes. Concurrent queries wait for the same checkpoint
instead of making one each. A checkpoint is deleted once it is neither the newest nor open in a
worker. The directory is emptied at start: checkpoints never outlive the process that made them.
"""

from __future__ import annotations

import itertools
import logging
import shutil
import threading
from pathlib import Path

from kb.store.catalog import Checkpoints

log = logging.getLogger(__name__)

SNAPSHOT_DIR = "sparql-snapshots"
"""Where in the data dir the checkpoints live (hard links to the store's files: when the store is
rewritten after an erasure, every checkpoint not in use by a running query is deleted at once, the
others when their query ends)."""


class Snapshots:
    def __init__(self, catalog: Checkpoints, root: Path) -> None:
        self.catalog = catalog
        self.root = root
        shutil.rmtree(root, ignore_errors=True)
        root.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._current: tuple[tuple[int, int], Path] | None = None
        self._holders: dict[object, Path] = {}
        self._names = itertools.count(1)
        catalog.on_purge(self.drop_all)

    def take(self, holder: object) -> Path:
        """The newest snapshot (made now if a record changed since the last), held for ``holder``.

        The holder keeps it until its next ``take`` or its ``release``.
        """
        with self._lock:
            if self._current is None or self._current[0] != (self.catalog.last_seq, self.catalog.generation):
                path = self.root / f"s{next(self._names)}"
                generation = self.catalog.generation
                seq = self.catalog.checkpoint(path)
                self._current = ((seq, generation), path)
            self._holders[holder] = self._current[1]
            self._collect()
            return self._current[1]

    def release(self, holder: object) -> None:
        with self._lock:
            self._holders.pop(holder, None)
            self._collect()

    def drop_all(self) -> None:
        """The store was rewritten: delete every checkpoint that no running query holds."""
        with self._lock:
            self._current = None
            self._collect()

    def close(self) -> None:
        with self._lock:
            self._holders.clear()
            self._current = None
            shutil.rmtree(self.root, ignore_errors=True)

    def _collect(self) -> None:
        keep = {*self._holders.values(), *([self._current[1]] if self._current else [])}
        for path in self.root.iterdir():
            if path not in keep:
                shutil.rmtree(path, ignore_errors=True)
