"""A fixed number of SPARQL worker processes, and the one place that kills them.

Each slot of the concurrency cap is one long-lived worker process (``sparql_worker``). A query
takes a slot, sends the query to its worker and waits at most the time limit. Past it, the worker
is killed (SIGKILL: the engine cannot be interrupted any other way), so its CPU work stops at once
and the slot is free again; a new worker starts in its place. A worker that dies by itself (the
engine crashed, or hit the memory limit) is replaced the same way, and the node never notices more
than a failed query. Workers start on first use, so a node that gets no queries runs none.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from multiprocessing import Pipe
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from kb.store.sparql_snapshots import Snapshots

log = logging.getLogger(__name__)

START_TIMEOUT = 30.0
"""Seconds a new worker may take to import its libraries and report ready."""


class WorkerTimeout(Exception):
    """The query ran past its time; the worker was killed."""


class WorkerDied(Exception):
    """The worker process ended during the query (crash, memory limit, killed from outside)."""

    def __init__(self, returncode: int | None) -> None:
        super().__init__(f"SPARQL worker ended with {returncode}")
        self.returncode = returncode


class NoWorker(Exception):
    """All slots are busy."""


class WorkerUnavailable(Exception):
    """A new worker did not start (it ended or did not report ready in time)."""


@dataclass
class Reply:
    header: dict[str, Any]
    body: bytes


class _Worker:
    def __init__(self, memory_bytes: int) -> None:
        ours, theirs = Pipe(duplex=True)
        package_root = str(Path(__file__).resolve().parents[2])  # the worker runs this very copy of kb
        path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)
        env = {**os.environ, "PYTHONPATH": path, "MALLOC_ARENA_MAX": "2"}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kb.store.sparql_worker", str(theirs.fileno()), str(memory_bytes)],
            pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=env,
        )
        theirs.close()
        self.conn: Connection = ours
        self.ready = False

    def wait_ready(self) -> None:
        if self.ready:
            return
        try:
            if not self.conn.poll(START_TIMEOUT):
                raise WorkerUnavailable()
            json.loads(self.conn.recv_bytes())
        except (EOFError, OSError):
            log.error("A SPARQL worker ended at start with %s", self._reap())
            raise WorkerUnavailable() from None
        self.ready = True

    def ask(self, request: dict[str, Any], timeout: float) -> Reply:
        try:
            self.conn.send_bytes(json.dumps(request).encode())
            if not self.conn.poll(timeout):
                self.kill()
                raise WorkerTimeout()
            header = json.loads(self.conn.recv_bytes())
            body = self.conn.recv_bytes()
        except (EOFError, OSError):
            raise WorkerDied(self._reap()) from None
        return Reply(header, body)

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self._reap()

    def _reap(self) -> int | None:
        try:
            return self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:  # pragma: no cover - SIGKILL is not ignored
            return None
        finally:
            self.conn.close()

    def stop(self) -> None:
        """Polite stop: closing the connection ends an idle worker; a busy one is killed."""
        self.conn.close()
        try:
            self.proc.wait(timeout=1)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)


class WorkerPool:
    def __init__(self, snapshots: Snapshots, *, size: int, memory_bytes: int) -> None:
        self.snapshots = snapshots
        self.memory_bytes = memory_bytes
        self._idle: queue.Queue[_Worker | None] = queue.Queue()
        for _ in range(size):
            self._idle.put(None)  # started on first use
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def run(self, request: dict[str, Any], *, timeout: float, wait_for_slot: float) -> Reply:
        """Evaluate ``request`` in a worker within ``timeout`` seconds (``snapshot`` is filled in)."""
        try:
            worker = self._idle.get(timeout=wait_for_slot)
        except queue.Empty:
            raise NoWorker() from None
        try:
            if worker is None or worker.proc.poll() is not None:
                worker = self._replace(worker)
                if worker is None:
                    raise WorkerUnavailable()
            worker.wait_ready()
            request = {**request, "snapshot": str(self.snapshots.take(worker))}
            started = time.monotonic()
            try:
                return worker.ask(request, timeout)
            finally:
                log.debug("SPARQL query took %.3f s", time.monotonic() - started)
        except (WorkerTimeout, WorkerDied, WorkerUnavailable):
            worker = self._replace(worker, start=not self._closed)  # at once, so the slot is free and ready for the next query
            raise
        finally:
            if worker is not None:  # an idle worker holds no checkpoint: a rewritten store's old ones can go
                self.snapshots.release(worker)
            self._idle.put(worker)

    def _replace(self, old: _Worker | None, *, start: bool = True) -> _Worker | None:
        """Kill ``old`` (if any) and, unless ``start`` is false or the pool is closed, start another."""
        if old is not None:
            old.kill()
            self.snapshots.release(old)
            with self._lock:
                self._all.discard(old)
        with self._lock:
            if self._closed or not start:
                return None
            worker = _Worker(self.memory_bytes)
            self._all.add(worker)
        return worker

    def pids(self) -> list[int]:
        """Process ids of the running workers (for tests and diagnostics)."""
        with self._lock:
            return [w.proc.pid for w in self._all if w.proc.poll() is None]

    def close(self) -> None:
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop()
