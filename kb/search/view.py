"""A consistent view of the indexed records: documents by id, with columns for filters and facets.

The indexer publishes a new :class:`View` after each applied batch of changes; searches take the
current view once and use it throughout, so they never see half of a change. A record is
searchable exactly when it is in the view: a deleted record leaves the view before its vector
leaves the vector index.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

import numpy as np

from kb.boerse.validity import last_day
from kb.search.documents import SearchDocument

SINGLE_FIELDS = ("legalForm", "status", "type", "origin", "funding", "visibility")
MULTI_FIELDS = ("taskArea", "state", "kreis", "regierungsbezirk", "programme")
FACETS = ("taskArea", "legalForm", "state", "regierungsbezirk", "kreis", "status", "funding", "programme", "origin", "type")


def _single(doc: SearchDocument, name: str) -> str | None:
    if name == "legalForm":
        return doc.legal_form
    if name == "funding":
        return "yes" if doc.funding else "no"
    found: str | None = getattr(doc, name) or None
    return found


def _multi(doc: SearchDocument, name: str) -> Iterable[str]:
    if name == "taskArea":
        return doc.task_areas
    if name == "state":
        return sorted(doc.all_states)
    if name == "kreis":
        return doc.kreise
    if name == "programme":
        return doc.programmes
    return doc.regierungsbezirke


@dataclass
class _Column:
    values: list[str]
    ids: np.ndarray
    codes: np.ndarray

    @classmethod
    def build(cls, pairs: list[tuple[int, str]]) -> _Column:
        values = sorted({v for _, v in pairs})
        index = {v: i for i, v in enumerate(values)}
        ids = np.fromiter((i for i, _ in pairs), dtype=np.int64, count=len(pairs))
        codes = np.fromiter((index[v] for _, v in pairs), dtype=np.int32, count=len(pairs))
        return cls(values, ids, codes)

    def mask(self, value: str, capacity: int) -> np.ndarray:
        out = np.zeros(capacity, dtype=bool)
        if value in self.values:
            out[self.ids[self.codes == self.values.index(value)]] = True
        return out

    def counts(self, selected: np.ndarray) -> dict[str, int]:
        hit = selected[self.ids]
        counted = np.bincount(self.codes[hit], minlength=len(self.values))
        return {self.values[i]: int(n) for i, n in enumerate(counted) if n}


class View:
    """Documents by id plus vectorised columns; immutable once built."""

    def __init__(self, docs: Mapping[int, SearchDocument], capacity: int) -> None:
        self.docs = dict(docs)
        self.capacity = max(capacity, max(self.docs, default=-1) + 1)
        self.ids_by_iri = {d.iri: i for i, d in self.docs.items()}
        self.alive = np.zeros(self.capacity, dtype=bool)
        self.public = np.zeros(self.capacity, dtype=bool)
        self.illustrative = np.zeros(self.capacity, dtype=bool)
        if self.docs:
            ids = np.fromiter(self.docs, dtype=np.int64, count=len(self.docs))
            self.alive[ids] = True
            self.public[[i for i, d in self.docs.items() if d.visibility == "public"]] = True
            self.illustrative[[i for i, d in self.docs.items() if d.illustrative]] = True
        self.last_day = np.full(self.capacity, OPEN_END, dtype=np.int64)
        """Ordinal of the last day a record is found (Börse entries: their last listed day, ``listed_until``; the others:
        never ending)."""
        for i, d in self.docs.items():
            if d.valid_until is not None:
                listed_until = last_day(d.valid_until)
                self.last_day[i] = listed_until.toordinal() if listed_until else 0
        self.columns: dict[str, _Column] = {}
        for name in SINGLE_FIELDS:
            self.columns[name] = _Column.build([(i, v) for i, d in self.docs.items() if (v := _single(d, name)) is not None])
        for name in MULTI_FIELDS:
            self.columns[name] = _Column.build([(i, v) for i, d in self.docs.items() for v in _multi(d, name)])

    def __len__(self) -> int:
        return len(self.docs)

    def mask(self, *, include_network: bool, filters: Mapping[str, str | None], today: date | None = None) -> np.ndarray:
        """Ids the caller may see that match every given filter (field name → value), without Börse entries
        whose last day is before ``today`` (the Börse's own rule: expired entries leave every list)."""
        out = self.alive.copy() if include_network else self.public.copy()
        if today is not None:
            out &= self.last_day >= today.toordinal()
        for name, value in filters.items():
            if value:
                out &= self.columns[name].mask(value, self.capacity)
        return out

    def facets(self, selected: np.ndarray) -> dict[str, dict[str, int]]:
        return {name: self.columns[name].counts(selected) for name in FACETS}


OPEN_END = date.max.toordinal()


EMPTY_VIEW = View({}, 0)
