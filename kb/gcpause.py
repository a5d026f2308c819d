"""Pausing Python's cyclic garbage collector around work that allocates many small, acyclic objects.

Reading a peer's page makes tens of thousands of short-lived objects (quads, lists, dicts) and a
SHACL batch indexes them again; the search indexer's reader does the same beside the embedding
model. Every few hundred allocations start a collection, and now and then one walks the whole
heap of the process (a node's is large) while holding the interpreter lock, which the model then
waits for: measured in ``bench/federation_harvest.py`` and ``bench/search.py``. Nothing built
there is cyclic, so reference counting frees it all; collection resumes after the block.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block (process-wide, as the collector is).

    Nested or concurrent blocks are harmless: only the block that found the collector enabled
    enables it again, so at worst another thread's block ends with the collector running.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
