"""Shorter turns for Python's interpreter lock while the model embeds beside Python work.

The embedding model computes in numpy, which releases the GIL for every array operation and takes
it back after. While another thread runs Python (reading records, building the word index), each
take-back waits until that thread's turn is over: 5 ms by default (``sys.getswitchinterval``),
for an operation that lasts well under a millisecond. Measured on this 2-core machine (300 real
texts, USE): 13.3 s alone, 36.7 s beside a busy Python thread at 5 ms turns, 17.5 s at 0.5 ms
turns, while the Python thread got as much done as before.

Two settings, because they serve two different waits:

- :data:`SERVING_SWITCH_INTERVAL` (0.5 ms) for the whole life of ``kb serve``: a query's encoding
  beside request threads.
- :data:`BULK_EMBEDDING_SWITCH_INTERVAL` (50 µs) while a bulk pass embeds and its reader runs ahead
  (first start, model change, ``kb reindex``). Measured on 4,000 real records (2026-12-07, quiet
  machine; time the model's thread was neither running nor waiting for a core, i.e. waiting for
  the lock, per second of reading beside it): 0.6 s at 0.5 ms, 0.26 s at 50 µs with the collector
  paused (:mod:`kb.gcpause`), 0.2 s at 20 µs but with the reader slowed so much that the total
  wait grew (2.8 s against 2.25 s). At 10,000 records the model waited 11.1 s in all at 0.5 ms
  with the collector running, 6.3 s now (docs/benchmarks.md, "Indexing at the model's rate at
  10,000 records").

The previous setting comes back when the last bulk embedding in the process ends (a demo runs
several nodes in one process).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

SERVING_SWITCH_INTERVAL = 0.0005
"""Seconds a thread may hold the GIL while another waits for it, in ``kb serve``."""
BULK_EMBEDDING_SWITCH_INTERVAL = 0.00005
"""The same while a bulk pass embeds beside its reader."""

_lock = threading.Lock()
_active = 0
_previous = 0.0


@contextmanager
def short_turns() -> Iterator[None]:
    """Run the block with :data:`BULK_EMBEDDING_SWITCH_INTERVAL` (never longer than the current setting)."""
    global _active, _previous
    with _lock:
        if _active == 0:
            _previous = sys.getswitchinterval()
            sys.setswitchinterval(min(_previous, BULK_EMBEDDING_SWITCH_INTERVAL))
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0:
                sys.setswitchinterval(_previous)


def short_turns_for_good() -> None:
    """Short turns for the whole life of this process (``kb serve``)."""
    sys.setswitchinterval(min(sys.getswitchinterval(), SERVING_SWITCH_INTERVAL))
