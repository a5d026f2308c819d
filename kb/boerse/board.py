"""The entries of the Kooperationsbörse (requests and offers) that this node holds, kept current.

Requests and offers are records like projects (published, signed, federated, withdrawn by the same
pipeline); the board only reads their stored summaries, the way the inventory does for projects:
one pass over all summaries at first use, then one summary per change-log entry. An entry is
*open* while its last listed day is today or later (today in Germany, Europe/Berlin): its
``validUntil``, but at most two years after its last change (``kb/boerse/validity.py``, the one
rule). Expired entries stay stored and federated but leave every list, feed and match by
themselves, with no job to run.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from kb.boerse.validity import last_day, listed_until, today_in_germany
from kb.ontology.records import BOERSE_TYPES
from kb.ontology.register import Municipality, Register, distance_km
from kb.store import Catalog

__all__ = ["KINDS", "Board", "Entry", "Query", "entry_from_summary", "last_day", "today_in_germany"]

KINDS = {"request": "cooperationRequest", "offer": "cooperationOffer"}
"""The short names the Börse's filters take, and the record types they stand for."""


@dataclass(frozen=True)
class Entry:
    """What the Börse lists and matches about one request or offer (from its stored summary)."""

    iri: str
    type: str
    title: str
    task_areas: tuple[str, ...]
    state: str | None
    valid_until: date | None
    """The last day it is listed as open: its ``validUntil``, at most two years after its last change (``listed_until``)."""
    public: bool
    illustrative: bool
    municipalities: tuple[Municipality, ...]
    participant_names: tuple[str, ...]
    modified: str
    origin: str
    local: bool

    @property
    def kind(self) -> str:
        return "request" if self.type == "cooperationRequest" else "offer"

    @property
    def kreise(self) -> frozenset[str]:
        return frozenset(m.kreis_key for m in self.municipalities)

    def open_on(self, day: date) -> bool:
        return self.valid_until is not None and self.valid_until >= day

    def km_to(self, other: Municipality) -> float | None:
        """Distance from the nearest of the entry's municipalities to ``other`` (None without coordinates)."""
        found = [distance_km(m.lat, m.lon, other.lat, other.lon) for m in self.municipalities
                 if m.lat is not None and m.lon is not None and other.lat is not None and other.lon is not None]
        return min(found) if found else None

    def km_between(self, other: Entry) -> float | None:
        found = [d for m in other.municipalities if (d := self.km_to(m)) is not None]
        return min(found) if found else None


def entry_from_summary(iri: str, summary: Mapping[str, Any], register: Register, *, modified: str, origin: str,
                       local: bool, received_at: str | None = None) -> Entry:
    found: dict[str, Municipality] = {}
    for p in summary.get("participants") or []:
        m = register.get(str(p)) if str(p).isdigit() else None
        if m is not None:
            found.setdefault(m.ags, m)
    return Entry(
        iri=iri,
        type=str(summary.get("type")),
        title=str(summary.get("title") or iri),
        task_areas=tuple(sorted(set(summary.get("taskAreas") or []))),
        state=summary.get("state") or None,
        valid_until=listed_until(summary.get("validUntil"), modified=modified, received_at=received_at),
        public=summary.get("visibility", "public") == "public",
        illustrative=bool(summary.get("illustrative")),
        municipalities=tuple(found.values()),
        participant_names=tuple(str(n) for n in summary.get("participantNames") or []),
        modified=modified,
        origin=origin,
        local=local,
    )


@dataclass(frozen=True)
class Query:
    """Filters of the list; each given one must match."""

    kind: str | None = None
    task_area: str | None = None
    state: str | None = None
    kreis: str | None = None
    include_network: bool = False

    def accepts(self, e: Entry) -> bool:
        return ((self.include_network or e.public)
                and (self.kind is None or e.kind == self.kind)
                and (self.task_area is None or self.task_area in e.task_areas)
                and (self.state is None or e.state == self.state or any(m.land_code == self.state for m in e.municipalities))
                and (self.kreis is None or self.kreis in e.kreise))


class Board:
    """The Börse entries of one node's catalogue (own and harvested)."""

    def __init__(self, catalog: Catalog, register: Register, today: Callable[[], date] = today_in_germany) -> None:
        self.catalog = catalog
        self.register = register
        self.today = today
        """Today's date; tests set another clock to see entries expire."""
        self._lock = threading.Lock()
        self._seq = -1
        self._entries: dict[str, Entry] = {}

    def _entry(self, iri: str, summary: Mapping[str, Any] | None) -> Entry | None:
        if summary is None or summary.get("type") not in BOERSE_TYPES:
            return None
        meta = self.catalog.meta(iri)
        if meta is None or meta.deleted:
            return None
        return entry_from_summary(iri, summary, self.register, modified=meta.modified, origin=meta.origin, local=meta.local,
                                  received_at=meta.received_at)

    def entries(self) -> dict[str, Entry]:
        """Every stored request and offer, open or not, as of the catalogue's latest change."""
        with self._lock:
            target = self.catalog.last_seq
            if self._seq == target:
                return self._entries
            entries = dict(self._entries)
            if self._seq < 0:
                entries = {iri: e for iri, s in self.catalog.summaries().items() if (e := self._entry(iri, s))}
            else:
                seq = self._seq
                while seq < target:
                    events = self.catalog.events_since(seq, limit=500)
                    if not events:
                        break
                    for event in events:
                        found = self._entry(event.record, self.catalog.summary(event.record))
                        if found is None:
                            entries.pop(event.record, None)
                        else:
                            entries[event.record] = found
                    seq = events[-1].seq
            self._entries, self._seq = entries, target
            return entries

    def get(self, iri: str) -> Entry | None:
        return self.entries().get(iri)

    def open(self, query: Query = Query()) -> list[Entry]:
        """Open entries that match ``query``, newest first."""
        day = self.today()
        found = [e for e in self.entries().values() if e.open_on(day) and query.accepts(e)]
        found.sort(key=lambda e: (e.modified, e.iri), reverse=True)
        return found

    def open_of(self, entries: Iterable[Entry]) -> list[Entry]:
        day = self.today()
        return [e for e in entries if e.open_on(day)]
