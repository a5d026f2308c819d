"""The selection a figure is about: a region (everything, a Bundesland, a Regierungsbezirk or a Kreis)
and, optionally, task areas.

A record belongs to a region when at least one participating municipality lies in it; a record
without any municipality from the register (only organisations) belongs to the Bundesland named in
its ``state`` field (and to no Regierungsbezirk or Kreis). So a cooperation of Erwitte (NW) and a
municipality in Niedersachsen counts for NW and for NI, and the national figure counts it once.

Task areas select records, not places: with ``task_areas`` given, a record counts when it has at least
one of them, and counts only in those (``Snapshot.view`` narrows each record's task areas to the chosen
ones), so the map, the matrix, the potentials and the priorities all speak of the chosen areas. The
municipalities of the region (every denominator) stay the same.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from kb.ontology.filters import Filters
from kb.ontology.register import Municipality

from .facts import RecordFacts


@dataclass(frozen=True)
class Scope:
    state: str | None = None
    """Bundesland code (``NW``)."""
    regierungsbezirk: str | None = None
    """Three-digit key (``059``)."""
    kreis: str | None = None
    """Five-digit key (``05974``)."""
    task_areas: tuple[str, ...] = ()
    """Task area codes (``02``), sorted; empty: every task area."""

    @classmethod
    def of(cls, filters: Filters) -> Scope:
        """The selection named by resolved filters (``resolve_filters(..., region=True)`` checked that the levels agree)."""
        return cls(state=filters.state_code, regierungsbezirk=filters.regierungsbezirk, kreis=filters.kreis,
                   task_areas=tuple(sorted({c.code for c in filters.task_areas})))

    @property
    def region(self) -> Scope:
        """The same region without task areas (what the denominators and maps are about)."""
        return replace(self, task_areas=()) if self.task_areas else self

    @property
    def is_everything(self) -> bool:
        return not (self.state or self.regierungsbezirk or self.kreis or self.task_areas)

    def contains(self, m: Municipality) -> bool:
        """Whether a municipality lies in the region (the most specific level given decides; ``resolve_filters(..., region=True)``
        guarantees that the levels agree)."""
        if self.kreis:
            return m.kreis_key == self.kreis
        if self.regierungsbezirk:
            return m.rb_key == self.regierungsbezirk
        return self.state is None or m.land_code == self.state

    def includes(self, record: RecordFacts) -> bool:
        if self.task_areas and not set(record.task_areas) & set(self.task_areas):
            return False
        if self.kreis:
            return self.kreis in record.kreise
        if self.regierungsbezirk:
            return self.regierungsbezirk in record.regierungsbezirke
        if self.state:
            return self.state in record.states if record.municipalities else record.state == self.state
        return True

    def query(self) -> str:
        """The filter as query parameters (for links between figures)."""
        parts = [f"state={self.state}" if self.state else "", f"regierungsbezirk={self.regierungsbezirk}" if self.regierungsbezirk else "",
                 f"kreis={self.kreis}" if self.kreis else "", *(f"taskArea={a}" for a in self.task_areas)]
        return "&".join(p for p in parts if p)

    def slug(self) -> str:
        """For file names of downloads: ``NW-059``, ``deutschland``, ``NW-aufgaben-02-05``."""
        region = "-".join(p for p in (self.state, self.regierungsbezirk, self.kreis) if p) or "deutschland"
        return region + ("-aufgaben-" + "-".join(self.task_areas) if self.task_areas else "")


EVERYTHING = Scope()
