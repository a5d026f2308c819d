"""Neighbours of every municipality, by distance from the register's coordinates.

The same relation as ``Register.neighbours(ags, limit, max_km)`` (the ``limit`` nearest within
``max_km``, haversine, ties in register order), for all 11,004 municipalities at once. Potentials
need it the other way round too ("whose neighbour am I?"), so a table answers both directions.

Cost is bounded and paid once: one ``NeighbourIndex`` per register holds the ``MAX_NEIGHBOURS``
nearest municipalities within ``MAX_KM`` of every municipality (a k-d tree query, well under a
second). Every allowed parameter pair is a prefix of those sorted lists, so a ``NeighbourTable``
for it is a few array operations on the index, not a new search; the last few tables are kept. The
``Neighbour`` objects are made on first use and shared by all tables, so memory stays bounded by
the index whatever parameters callers try.
Before, each new pair (``maxKm=99``, ``98.5``, ...) cost a fresh search of several CPU seconds and
up to 100 MB that stayed in memory.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from kb.ontology.register import Municipality, Register

EARTH_KM = 6371.0
MAX_NEIGHBOURS = 30
"""Most neighbours per municipality any figure may ask for (the API answers 422 above it)."""
MAX_KM = 50.0
"""Largest neighbourhood radius in km any figure may ask for (the API answers 422 above it)."""
_MARGIN = 8
"""Extra candidates from the tree, so that near-ties at the edge are decided by the exact haversine."""
_KEPT_TABLES = 4


@dataclass(frozen=True, slots=True)
class Neighbour:
    municipality: Municipality
    km: float


class NeighbourIndex:
    """The ``limit`` nearest municipalities within ``max_km`` of every located municipality, sorted."""

    def __init__(self, register: Register, limit: int = MAX_NEIGHBOURS, max_km: float = MAX_KM) -> None:
        self.limit = limit
        self.max_km = max_km
        self.located = [m for m in register.municipalities if m.lat is not None and m.lon is not None]
        self.row = {m.ags: i for i, m in enumerate(self.located)}
        n = len(self.located)
        lat = np.radians(np.array([m.lat for m in self.located], dtype=np.float64))
        lon = np.radians(np.array([m.lon for m in self.located], dtype=np.float64))
        self.idx = np.full((n, limit), -1, dtype=np.int64)
        self.km = np.full((n, limit), np.inf, dtype=np.float64)
        self._forward: dict[int, tuple[Neighbour, ...]] = {}
        self._reverse: dict[int, tuple[Neighbour, ...]] = {}
        if n < 2:
            return
        # candidates: nearest points on the unit sphere (chord distance grows with the great-circle one)
        points = np.column_stack((np.cos(lat) * np.cos(lon), np.cos(lat) * np.sin(lon), np.sin(lat)))
        chord = 2 * np.sin(max_km / EARTH_KM / 2) * (1 + 1e-9)
        k = min(limit + 1 + _MARGIN, n)
        from scipy.spatial import cKDTree  # here, not at import: scipy costs a node's start ~0.5 s

        _, found = cKDTree(points).query(points, k=k, distance_upper_bound=chord)
        found = np.asarray(found, dtype=np.int64).reshape(n, k)
        valid = (found < n) & (found != np.arange(n)[:, None])
        j = np.where(valid, found, 0)
        # exact distances, the same haversine as Register.neighbours
        a = np.sin((lat[j] - lat[:, None]) / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat[j]) * np.sin((lon[j] - lon[:, None]) / 2) ** 2
        d = EARTH_KM * 2 * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
        valid &= d <= max_km
        d = np.where(valid, d, np.inf)
        j = np.where(valid, j, n)  # missing ones sort last
        order = np.lexsort((j, d), axis=-1)[:, :limit]  # by distance, ties in register order
        d = np.take_along_axis(d, order, axis=-1)
        j = np.take_along_axis(j, order, axis=-1)
        width = d.shape[1]
        self.km[:, :width] = d
        self.idx[:, :width] = np.where(np.isfinite(d), j, -1)

    def forward(self, row: int) -> tuple[Neighbour, ...]:
        """All neighbours of the municipality in ``row``, nearest first (made once, then shared)."""
        found = self._forward.get(row)
        if found is None:
            found = tuple(Neighbour(self.located[int(j)], float(km)) for j, km in zip(self.idx[row], self.km[row], strict=True) if j >= 0)
            self._forward[row] = found
        return found

    def reverse(self, row: int) -> tuple[Neighbour, ...]:
        """The same pairs seen from the other side: ``reverse(row)[c]`` is the municipality in ``row`` at the
        distance of its ``c``-th neighbour (made once, then shared)."""
        found = self._reverse.get(row)
        if found is None:
            origin = self.located[row]
            found = tuple(Neighbour(origin, n.km) for n in self.forward(row))
            self._reverse[row] = found
        return found


class NeighbourTable:
    """The ``limit`` nearest within ``max_km`` (at most the index's), both directions, from the index."""

    def __init__(self, index: NeighbourIndex, limit: int, max_km: float) -> None:
        if limit > index.limit or max_km > index.max_km:
            raise ValueError(f"neighbours are precomputed up to {index.limit} within {index.max_km} km")
        self.limit = limit
        self.max_km = max_km
        self._index = index
        take = (index.km <= max_km) & (np.arange(index.limit) < limit)[None, :]  # a prefix of each sorted row
        self._count = take.sum(axis=1)
        rows, cols = np.nonzero(take)
        targets = index.idx[rows, cols]
        order = np.argsort(targets, kind="stable")  # origins stay in register order
        self._back_rows = rows[order]
        self._back_cols = cols[order]
        self._back_start = np.searchsorted(targets[order], np.arange(len(index.located) + 1))
        self._forward: dict[str, tuple[Neighbour, ...]] = {}
        self._backward: dict[str, list[Neighbour]] = {}

    def of(self, ags: str) -> tuple[Neighbour, ...]:
        """The nearest municipalities of ``ags`` (empty without coordinates)."""
        found = self._forward.get(ags)
        if found is None:
            row = self._index.row.get(ags)
            if row is None:
                return ()
            found = self._index.forward(row)[:int(self._count[row])]
            self._forward[ags] = found
        return found

    def whose(self, ags: str) -> list[Neighbour]:
        """The municipalities that have ``ags`` among their neighbours."""
        found = self._backward.get(ags)
        if found is None:
            row = self._index.row.get(ags)
            if row is None:
                return []
            lo, hi = int(self._back_start[row]), int(self._back_start[row + 1])
            reverse = self._index.reverse
            found = [reverse(int(r))[int(c)] for r, c in zip(self._back_rows[lo:hi], self._back_cols[lo:hi], strict=True)]
            self._backward[ags] = found
        return found


_indexes: dict[int, NeighbourIndex] = {}
_tables: OrderedDict[tuple[int, int, float], NeighbourTable] = OrderedDict()
_lock = threading.Lock()


def neighbour_index(register: Register) -> NeighbourIndex:
    """The index of a register, computed once per process (the register does not change)."""
    with _lock:
        index = _indexes.get(id(register))
        if index is None:
            index = _indexes[id(register)] = NeighbourIndex(register)
        return index


def neighbour_table(register: Register, limit: int, max_km: float) -> NeighbourTable:
    """The table for these parameters (``limit`` ≤ ``MAX_NEIGHBOURS``, ``max_km`` ≤ ``MAX_KM``), from the index."""
    index = neighbour_index(register)
    key = (id(register), limit, float(max_km))
    with _lock:
        table = _tables.get(key)
        if table is not None:
            _tables.move_to_end(key)
            return table
    table = NeighbourTable(index, limit, float(max_km))
    with _lock:
        _tables[key] = table
        while len(_tables) > _KEPT_TABLES:
            _tables.popitem(last=False)
    return table
