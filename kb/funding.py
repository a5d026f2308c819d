"""Funding programmes and what they funded: the "Förderung" pages and the hint on a municipality's page.

The programmes are the SKOS scheme ``vocabularies/foerderprogramme.ttl`` (source, conditions,
Land); which records a programme funded comes from the summaries the catalogue keeps beside every
record (``fundingProgrammes``, ``fundingRound``), so nothing here parses record graphs. The
answers are computed once per position of the change log and visibility, like the inventory's.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kb.errors import NotFound
from kb.ontology.register import Municipality, Register, distance_km
from kb.ontology.vocabulary import Concept, Vocabularies
from kb.store import Catalog
from kb.store.per_state import PerState

NEAR_KM = 40.0
"""How far a funded project's nearest municipality may be for "in Ihrer Nähe"."""
LEVELS = (("land", "Programme der Länder"), ("bund", "Programme des Bundes"), ("eu", "Programme der EU"))
"""The groups of the overview, in order: a programme with a Land is the Land's, the others are named here."""
LEVEL_OF = {"leader": "eu", "modellprojekte-smart-cities": "bund"}


@dataclass(frozen=True)
class FundedRecord:
    """A record a programme funded, as the pages list it."""

    iri: str
    title: str
    type: str
    task_areas: tuple[str, ...]
    round: str | None
    municipalities: tuple[Municipality, ...]
    public: bool


@dataclass(frozen=True)
class Programme:
    """One funding programme with its rounds and the records it funded."""

    concept: Concept
    level: str
    rounds: tuple[Concept, ...]
    records: tuple[FundedRecord, ...] = ()

    @property
    def code(self) -> str:
        return self.concept.code

    def as_json(self, vocabularies: Vocabularies) -> dict[str, Any]:
        d = self.concept.details
        land = vocabularies.concept(d["spatial"]) if d.get("spatial") else None
        return {
            "id": self.concept.iri, "code": self.code, "label": self.concept.label(), "level": self.level,
            "state": land.code if land else None, "definition": self.concept.definition,
            "conditions": d.get("scopeNote", ""), "note": d.get("note", ""), "uncertain": d.get("editorialNote", ""),
            "sources": list(d.get("sources", [])),
            "rounds": [{"id": r.iri, "code": r.code, "label": r.label(), "definition": r.definition,
                        "sources": list(r.details.get("sources", [])),
                        "projects": sum(1 for rec in self.records if rec.round == r.code)} for r in self.rounds],
            "projects": len(self.records),
        }


@dataclass(frozen=True)
class NearbyProgramme:
    """A programme that funded projects near a municipality (nearest first)."""

    programme: Programme
    projects: list[tuple[FundedRecord, float]] = field(default_factory=list)
    similar: bool = False
    """At least one of them works in a task area the municipality already cooperates in."""


class FundingProgrammes:
    """The funding programmes of the vocabulary, with the records of the catalogue they funded."""

    def __init__(self, catalog: Catalog, register: Register, vocabularies: Vocabularies) -> None:
        self.catalog = catalog
        self.register = register
        self.vocabularies = vocabularies
        self.scheme = vocabularies["fundingProgramme"]
        self._per_state: PerState[bool, dict[str, Programme]] = PerState(lambda: catalog.last_seq)

    def programmes(self, *, include_network: bool) -> list[Programme]:
        """Every programme: the Länder's first (by Land), then the Federation's and the EU's."""
        found = self._programmes(include_network)
        order = {level: i for i, (level, _title) in enumerate(LEVELS)}

        def key(p: Programme) -> tuple[int, str, str]:
            land = p.concept.details.get("spatial", "")
            return order[p.level], land, p.concept.label()

        return sorted(found.values(), key=key)

    def get(self, code: str, *, include_network: bool) -> Programme:
        """A programme by its code (or label); a round leads to its programme. NotFound otherwise."""
        concept = self.scheme.get(code) if len(code) <= 200 else None
        if concept is not None and concept.broader:
            concept = self.vocabularies.concept(concept.broader)
        found = self._programmes(include_network).get(concept.code) if concept else None
        if found is None:
            raise NotFound("Dieses Förderprogramm ist nicht verzeichnet.", "No such funding programme.")
        return found

    def near(self, municipality: Municipality, *, include_network: bool, km: float = NEAR_KM, limit: int = 5) -> list[NearbyProgramme]:
        """Programmes that funded projects within ``km`` of the municipality, similar ones first.

        Similar means: in a task area that the municipality already cooperates in (when it does
        not cooperate yet, every nearby project counts as similar).
        """
        if municipality.lat is None or municipality.lon is None:
            return []
        programmes = self._programmes(include_network)
        own_areas = {a for p in programmes.values() for r in p.records
                     if municipality.ags in {m.ags for m in r.municipalities} for a in r.task_areas}
        own_areas |= self._own_task_areas(municipality.ags, include_network)
        out: list[NearbyProgramme] = []
        for programme in programmes.values():
            nearby = []
            for record in programme.records:
                distances = [distance_km(municipality.lat, municipality.lon, m.lat, m.lon)
                             for m in record.municipalities if m.lat is not None and m.lon is not None]
                if distances and min(distances) <= km:
                    nearby.append((record, round(min(distances), 1)))
            if not nearby:
                continue
            similar = not own_areas or any(set(r.task_areas) & own_areas for r, _km in nearby)
            nearby.sort(key=lambda pair: (not (set(pair[0].task_areas) & own_areas), pair[1], pair[0].title))
            out.append(NearbyProgramme(programme, nearby, similar))
        out.sort(key=lambda n: (not n.similar, -len(n.projects), n.projects[0][1], n.programme.concept.label()))
        return out[:limit]

    # -- computing

    def _own_task_areas(self, ags: str, include_network: bool) -> set[str]:
        areas: set[str] = set()
        for summary in self._summaries(include_network):
            if ags in (summary.get("participants") or []):
                areas.update(summary.get("taskAreas") or [])
        return areas

    def _summaries(self, include_network: bool) -> Iterable[dict[str, Any]]:
        for summary in self.catalog.summaries().values():
            if include_network or summary.get("visibility", "public") == "public":
                yield summary

    def _programmes(self, include_network: bool) -> dict[str, Programme]:
        return self._per_state.get(include_network, lambda: self._compute(include_network))

    def _compute(self, include_network: bool) -> dict[str, Programme]:
        tops = [c for c in self.scheme if not c.broader]
        rounds = {c.code: c for c in self.scheme if c.broader}
        records: dict[str, list[FundedRecord]] = {c.code: [] for c in tops}
        for iri, summary in self.catalog.summaries().items():
            public = summary.get("visibility", "public") == "public"
            if not (include_network or public):
                continue
            round_code = summary.get("fundingRound") or None
            codes = set(summary.get("fundingProgrammes") or [])
            if round_code in rounds:
                parent = self.vocabularies.concept(rounds[round_code].broader)
                if parent is not None:
                    codes.add(parent.code)
            if not codes:
                continue
            record = FundedRecord(
                iri=iri, title=str(summary.get("title") or iri), type=str(summary.get("type") or "project"),
                task_areas=tuple(summary.get("taskAreas") or []), round=round_code, public=public,
                municipalities=tuple(m for p in summary.get("participants") or [] if str(p).isdigit()
                                     and (m := self.register.get(str(p))) is not None),
            )
            for code in codes & set(records):
                records[code].append(record)
        out = {}
        for c in tops:
            funded = tuple(sorted(records[c.code], key=lambda r: r.title.casefold()))
            level = "land" if c.details.get("spatial") else LEVEL_OF.get(c.code, "bund")
            out[c.code] = Programme(c, level, tuple(r for r in rounds.values() if r.broader == c.iri), funded)
        return out
