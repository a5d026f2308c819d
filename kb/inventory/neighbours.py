"""Neighbours of every municipality, by distance from the register's coordinates.

The same relation as ``Register.neighbours(ags, limit, max_km)`` (the ``limit`` nearest within
``max_km``, haversine), computed for all 11,004 municipalities at once with numpy in well under a
second, and kept per parameter pair for the life of the process. Potentials need it the other way
round too ("whose neighbour am I?"), so the table holds both directions.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass

import numpy as np

from kb.ontology.register import Municipality, Register

EARTH_KM = 6371.0


@dataclass(frozen=True)
class Neighbour:
    municipality: Municipality
    km: float


class NeighbourTable:
    def __init__(self, register: Register, limit: int, max_km: float) -> None:
        self.limit = limit
        self.max_km = max_km
        located = [m for m in register.municipalities if m.lat is not None and m.lon is not None]
        lat = np.radians(np.array([m.lat for m in located], dtype=np.float64))
        lon = np.radians(np.array([m.lon for m in located], dtype=np.float64))
        order = np.argsort(lat, kind="stable")
        sorted_lat = lat[order]
        band = max_km / EARTH_KM  # latitude difference (radians) beyond which nothing is in range
        self.forward: dict[str, tuple[Neighbour, ...]] = {}
        for i, m in enumerate(located):
            lo = int(np.searchsorted(sorted_lat, lat[i] - band, side="left"))
            hi = int(np.searchsorted(sorted_lat, lat[i] + band, side="right"))
            idx = order[lo:hi]
            idx = idx[idx != i]
            if idx.size == 0:
                self.forward[m.ags] = ()
                continue
            dlat = lat[idx] - lat[i]
            dlon = lon[idx] - lon[i]
            a = np.sin(dlat / 2) ** 2 + math.cos(lat[i]) * np.cos(lat[idx]) * np.sin(dlon / 2) ** 2
            d = EARTH_KM * 2 * np.arcsin(np.sqrt(np.minimum(a, 1.0)))
            keep = d <= max_km
            idx, d = idx[keep], d[keep]
            pick = np.lexsort((idx, d))[:limit]  # by distance, ties in register order like Register.neighbours
            self.forward[m.ags] = tuple(Neighbour(located[int(j)], float(d[k])) for k, j in zip(pick, idx[pick], strict=True))
        self.backward: dict[str, list[Neighbour]] = {}
        for ags, ns in self.forward.items():
            origin = register.by_ags[ags]
            for n in ns:
                self.backward.setdefault(n.municipality.ags, []).append(Neighbour(origin, n.km))

    def of(self, ags: str) -> tuple[Neighbour, ...]:
        """The nearest municipalities of ``ags`` (empty without coordinates)."""
        return self.forward.get(ags, ())

    def whose(self, ags: str) -> list[Neighbour]:
        """The municipalities that have ``ags`` among their neighbours."""
        return self.backward.get(ags, [])


_tables: dict[tuple[int, int, float], NeighbourTable] = {}
_lock = threading.Lock()


def neighbour_table(register: Register, limit: int, max_km: float) -> NeighbourTable:
    """The table for these parameters, computed once per process (the register does not change)."""
    key = (id(register), limit, float(max_km))
    with _lock:
        table = _tables.get(key)
        if table is None:
            if len(_tables) >= 16:
                _tables.pop(next(iter(_tables)))
            table = _tables[key] = NeighbourTable(register, limit, max_km)
        return table
