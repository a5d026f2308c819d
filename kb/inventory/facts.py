"""What the inventory knows about one record, and a consistent snapshot of all of them.

Built from the summaries the catalogue stores beside every record version (``catalog.summaries()``),
so the inventory never parses record graphs. A snapshot is immutable: a change makes a new one, and
a request works on the snapshot it started with.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from kb.ontology.records import BOERSE_TYPES
from kb.ontology.register import Municipality, Register

if TYPE_CHECKING:
    from .scope import Scope

ACTIVE_STATUSES = frozenset({"geplant", "in-umsetzung", "im-betrieb"})
"""Statuses that count as an existing cooperation for potentials and partner suggestions.

Ended cooperations (``abgeschlossen``, ``eingestellt``) stay in every count by status, type, task
area and so on, but a municipality whose only Standesamt cooperation was discontinued is again a
candidate, and it is not suggested as a partner for it. A record without status counts as active.
"""


@dataclass(frozen=True)
class RecordFacts:
    """The fields of one current record that the figures use."""

    iri: str
    type: str
    title: str
    task_areas: tuple[str, ...]
    legal_form: str | None
    status: str | None
    state: str | None
    digital: str | None
    public: bool
    illustrative: bool
    """A made-up example (seed data), not a reported cooperation: every figure says how many it rests on."""
    start_year: int | None
    """Year the cooperation began (or is planned to begin), for the trend over time."""
    municipalities: tuple[Municipality, ...]
    """Participants found in the register (organisations without an official key are not placed)."""
    participant_count: int
    lead: str | None
    ags: frozenset[str]
    kreise: frozenset[str]
    regierungsbezirke: frozenset[str]
    states: frozenset[str]
    """Keys of the places of its municipalities (for fast filtering)."""

    @property
    def is_ssc(self) -> bool:
        return self.type == "sharedServiceCenter"

    @property
    def active(self) -> bool:
        return self.status is None or self.status in ACTIVE_STATUSES


def counts_as_cooperation(summary: Mapping[str, Any]) -> bool:
    """Projects, SSCs and initiatives count; requests and offers of the Kooperationsbörse do not (``kb/boerse``)."""
    return summary.get("type") not in BOERSE_TYPES


def facts_from_summary(iri: str, summary: Mapping[str, Any], register: Register) -> RecordFacts:
    participants = [str(p) for p in summary.get("participants") or []]
    found: dict[str, Municipality] = {}
    for p in participants:
        m = register.get(p) if p.isdigit() else None
        if m is not None:
            found.setdefault(m.ags, m)
    return RecordFacts(
        iri=iri,
        type=str(summary.get("type") or "project"),
        title=str(summary.get("title") or iri),
        task_areas=tuple(sorted(set(summary.get("taskAreas") or []))),
        legal_form=summary.get("legalForm") or None,
        status=summary.get("status") or None,
        state=summary.get("state") or None,
        digital=summary.get("digitalDelivery") or None,
        # anything but an explicit "public" is for the network's members only
        public=summary.get("visibility", "public") == "public",
        illustrative=summary.get("illustrative") is True,
        start_year=_year(summary.get("startDate")),
        municipalities=tuple(found.values()),
        participant_count=len(participants),
        lead=summary.get("lead") or None,
        ags=frozenset(found),
        kreise=frozenset(m.kreis_key for m in found.values()),
        regierungsbezirke=frozenset(m.rb_key for m in found.values()),
        states=frozenset(m.land_code for m in found.values()),
    )


def _year(value: Any) -> int | None:
    """The year of an ISO date or year (``2021-03-01``, ``2021``); None if there is none."""
    text = str(value or "")[:4]
    return int(text) if len(text) == 4 and text.isdigit() else None


class View:
    """The records one kind of caller may see (public only, or public and network), with indexes."""

    def __init__(self, records: Iterable[RecordFacts]) -> None:
        self.records: list[RecordFacts] = sorted(records, key=lambda r: r.iri)
        self._scoped: dict[Scope, list[RecordFacts]] = {}

    def in_scope(self, scope: Scope) -> list[RecordFacts]:
        """The records of a region (see ``Scope.includes``), computed once per view."""
        found = self._scoped.get(scope)
        if found is None:
            found = self.records if scope.is_everything else [r for r in self.records if scope.includes(r)]
            self._scoped[scope] = found
        return found

    @cached_property
    def by_ags(self) -> dict[str, list[RecordFacts]]:
        """Records each municipality takes part in."""
        out: dict[str, list[RecordFacts]] = {}
        for r in self.records:
            for ags in r.ags:
                out.setdefault(ags, []).append(r)
        return out

    @cached_property
    def active_by_area(self) -> dict[str, dict[str, list[RecordFacts]]]:
        """Task area → AGS → the active records in that area the municipality takes part in."""
        out: dict[str, dict[str, list[RecordFacts]]] = {}
        for r in self.records:
            if not r.active:
                continue
            for area in r.task_areas:
                per = out.setdefault(area, {})
                for ags in r.ags:
                    per.setdefault(ags, []).append(r)
        return out

    def active_areas_of(self, ags: str) -> set[str]:
        return {a for r in self.by_ags.get(ags, ()) if r.active for a in r.task_areas}


MAX_AREA_VIEWS = 64
"""Most task-area selections whose views a snapshot keeps (17 areas make 131,071 combinations; the figures are cached anyway)."""


class Snapshot:
    """All current records at one position (``seq``) of the change log."""

    def __init__(self, seq: int, records: dict[str, RecordFacts]) -> None:
        self.seq = seq
        self.records = records
        self._by_areas: dict[tuple[bool, tuple[str, ...]], View] = {}

    @cached_property
    def public(self) -> View:
        return View(r for r in self.records.values() if r.public)

    @cached_property
    def everything(self) -> View:
        return View(self.records.values())

    def view(self, include_network: bool, task_areas: tuple[str, ...] = ()) -> View:
        """The records a caller may see; with ``task_areas``, only those in one of them, each narrowed to the chosen
        areas (a record on Standesamt and IT, asked about Standesamt, counts for Standesamt only)."""
        full = self.everything if include_network else self.public
        if not task_areas:
            return full
        key = (include_network, task_areas)
        found = self._by_areas.get(key)
        if found is None:
            chosen = set(task_areas)
            found = View(replace(r, task_areas=tuple(a for a in r.task_areas if a in chosen))
                         for r in full.records if chosen & set(r.task_areas))
            if len(self._by_areas) < MAX_AREA_VIEWS:  # a caller trying every combination gets answers, not a growing snapshot
                self._by_areas[key] = found
        return found
