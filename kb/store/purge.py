"""When the embedded store is rewritten after erasures (``OxigraphCatalog.purge``, ``kb/store/generations.py``)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class PurgeSchedule:
    """When the store is rewritten after erasures: at once, but at most once per ``interval`` seconds.

    A rewrite holds the writer for as long as copying the store takes (seconds for a large
    aggregator), so a peer or publisher that erases again and again must not be able to keep the
    writer busy: erasures within the interval after a rewrite are rewritten together when it ends.
    """

    def __init__(self, interval: float) -> None:
        self.interval = interval
        self.wanted = False
        self.done = 0
        self.held = 0
        self.listeners: list[Callable[[], None]] = []
        self._last = -float("inf")
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def run_or_schedule(self, purge: Callable[[], bool]) -> None:
        with self._lock:
            wait = self._last + self.interval - time.monotonic()
            if wait > 0:
                if self._timer is None:
                    self._timer = threading.Timer(wait, self._fire, (purge,))
                    self._timer.daemon = True
                    self._timer.start()
                return
            self._last = time.monotonic()
        purge()

    def _fire(self, purge: Callable[[], bool]) -> None:
        with self._lock:
            self._timer = None
            self._last = time.monotonic()
        if self.wanted:
            purge()

    def hold(self, delta: int) -> None:
        with self._lock:
            self.held += delta

    def finished(self) -> None:
        """Counted from the end of a rewrite: a slow one does not shorten the pause after it."""
        with self._lock:
            self.done += 1
            self._last = time.monotonic()

    def cancel(self) -> None:
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
