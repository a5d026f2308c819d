"""Shorter turns for Python's interpreter lock while the model embeds beside Python work.

The embedding model computes in numpy, which releases the GIL for every array operation and takes
it back after. While another thread runs Python (reading records, building the word index), each
take-back waits until that thread's turn is over: 5 ms by default (``sys.getswitchinterval``),
for an operation that lasts well under a millisecond. Measured on this 2-core machine (300 real
texts, USE): 13.3 s alone, 36.7 s beside a busy Python thread at 5 ms turns, 17.5 s at 0.5 ms
turns, while the Python thread got as much done as before. So bulk embedding runs with 0.5 ms
turns, and the previous setting comes back when the last bulk embedding in the process ends
(a demo runs several nodes in one process).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

EMBEDDING_SWITCH_INTERVAL = 0.0005
"""Seconds a thread may hold the GIL while another waits for it, during bulk embedding."""

_lock = threading.Lock()
_active = 0
_previous = 0.0


@contextmanager
def short_turns() -> Iterator[None]:
    """Run the block with :data:`EMBEDDING_SWITCH_INTERVAL` (never longer than the current setting)."""
    global _active, _previous
    with _lock:
        if _active == 0:
            _previous = sys.getswitchinterval()
            sys.setswitchinterval(min(_previous, EMBEDDING_SWITCH_INTERVAL))
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
    sys.setswitchinterval(min(sys.getswitchinterval(), EMBEDDING_SWITCH_INTERVAL))
