"""A value computed once per state of the catalogue.

Figures derived from every record (the funding programmes' projects, the initiatives, the sitemap)
cost a full read; they are recomputed only when the change log has moved (``Catalog.last_seq``),
once per key (for example: with or without network-only records), and served from memory
otherwise. Two threads that miss at once may both compute; the last result wins, which is the same.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class PerState(Generic[K, V]):
    def __init__(self, last_seq: Callable[[], int]) -> None:
        self._last_seq = last_seq
        self._lock = threading.Lock()
        self._values: dict[K, tuple[int, V]] = {}

    def get(self, key: K, compute: Callable[[], V]) -> V:
        seq = self._last_seq()
        with self._lock:
            hit = self._values.get(key)
            if hit is not None and hit[0] == seq:
                return hit[1]
        value = compute()
        with self._lock:
            self._values[key] = (seq, value)
        return value
