"""Pauses between mirror attempts of a document whose fetch failed.

The mirror thread runs a round whenever the catalogue changes; on a busy aggregator that is every
few seconds. Without a memory of failures, every file a peer names behind a broken, slow or
erroring address would be requested again in every round, for ever: a peer could make this node
send it requests (or wait on deadlines) continuously. So after a failed attempt a hash waits
``FIRST_PAUSE``, and each further failure doubles the pause up to ``LONGEST_PAUSE`` (or longer, when
the peer itself asked for more with ``Retry-After``). The pause ends when the file arrives, or when
the record that named it changes (a new version may fix the URL). Entries for hashes no live
record attaches any more are dropped in each round, so the memory is bounded by the attachments.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Container
from dataclasses import dataclass

FIRST_PAUSE = 60.0
"""Seconds before a hash is tried again after its first failed attempt."""
LONGEST_PAUSE = 6 * 3600.0
"""The longest pause between two attempts (the pause doubles per failure up to this)."""


@dataclass
class _Wait:
    record: str
    failures: int
    not_before: float


class MirrorRetries:
    """Per-hash back-off after failed mirror attempts (thread-safe)."""

    def __init__(self, clock: Callable[[], float] = time.time) -> None:
        self.clock = clock
        """Seconds since the epoch; the wall clock, so that the outcome can say the time of day."""
        self._lock = threading.Lock()
        self._waits: dict[str, _Wait] = {}

    def waiting_until(self, sha: str) -> float | None:
        """When ``sha`` may be tried again, if that is still ahead; None if it may be tried now."""
        with self._lock:
            wait = self._waits.get(sha)
            return wait.not_before if wait is not None and wait.not_before > self.clock() else None

    def failed(self, sha: str, record: str, *, at_least: float | None = None) -> float:
        """Note a failed attempt for ``sha`` (named by ``record``); when it may be tried again."""
        with self._lock:
            wait = self._waits.get(sha)
            failures = wait.failures + 1 if wait is not None else 1
            pause = min(LONGEST_PAUSE, FIRST_PAUSE * 2 ** min(failures - 1, 32))
            if at_least is not None:
                pause = max(pause, min(at_least, LONGEST_PAUSE))
            self._waits[sha] = _Wait(record, failures, self.clock() + pause)
            return self._waits[sha].not_before

    def succeeded(self, sha: str) -> None:
        with self._lock:
            self._waits.pop(sha, None)

    def record_changed(self, record: str) -> None:
        """A new version of ``record`` (or its withdrawal): its files may be tried again at once."""
        with self._lock:
            for sha in [sha for sha, wait in self._waits.items() if wait.record == record]:
                del self._waits[sha]

    def keep_only(self, hashes: Container[str]) -> None:
        """Forget the hashes that are not in ``hashes`` (no longer attached, or present by now)."""
        with self._lock:
            for sha in [sha for sha in self._waits if sha not in hashes]:
                del self._waits[sha]

    def next_due(self, after: float) -> float | None:
        """The earliest end of a pause later than ``after`` (when the next round has work), if any."""
        with self._lock:
            ends = [w.not_before for w in self._waits.values() if w.not_before > after]
            return min(ends) if ends else None

    def waiting(self) -> dict[str, float]:
        """Hash → when it may be tried again, for every hash that had a failed attempt."""
        with self._lock:
            return {sha: wait.not_before for sha, wait in self._waits.items()}


def clock_time(when: float) -> str:
    """``14:05 UTC``: the time of day an outcome or log line names (pauses are at most six hours)."""
    return time.strftime("%H:%M UTC", time.gmtime(when))
