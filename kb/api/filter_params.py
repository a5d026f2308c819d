"""The filter query parameters of the API and the pages, declared once (``kb.ontology.filters.FILTERS``).

Listing and search take every record filter, the inventory the three that name a region; each
name means the same and is resolved by the same function everywhere, so the same value gives the
same answer and the same 422. Python names are snake_case; the URL keeps its names through aliases.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Annotated

from fastapi import Depends, Query
from pydantic import StringConstraints

from kb.api.deps import NodeDep
from kb.node import Node
from kb.ontology.filters import FILTERS, REGION, Filters, resolve_given

MAX_FILTER_CHARS = 200
"""Longer filter values are refused (422) before anything is looked up."""


def _param(name: str) -> object:
    return Query(alias=name, max_length=MAX_FILTER_CHARS, description=FILTERS[name].description)


TaskArea = Annotated[str | None, _param("taskArea")]
LegalForm = Annotated[str | None, _param("legalForm")]
State = Annotated[str | None, _param("state")]
Regierungsbezirk = Annotated[str | None, _param("regierungsbezirk")]
Kreis = Annotated[str | None, _param("kreis")]
Participant = Annotated[str | None, _param("participant")]
Status = Annotated[str | None, _param("status")]
RecordType = Annotated[str | None, _param("type")]
Origin = Annotated[str | None, _param("origin")]
Funding = Annotated[str | None, _param("funding")]
Programme = Annotated[str | None, _param("programme")]


def known_origins(node: Node) -> Callable[[], Mapping[str, str]]:
    """The nodes an ``origin`` filter may name (this one and every origin of a stored record), with their names."""
    def origins() -> dict[str, str]:
        iris = {*node.catalog.count_by_origin(include_network=True), node.iri}
        return {iri: node.node_name(iri) or iri for iri in iris}
    return origins


def resolve_for(node: Node, given: Mapping[str, str | None], *, region: bool = False) -> Filters:
    """Filters by their URL names, resolved with the node's vocabularies, register and known origins."""
    return resolve_given(node.vocabularies, node.register, given, known_origins=known_origins(node), region=region)


def record_filters(node: NodeDep, task_area: TaskArea = None, legal_form: LegalForm = None, state: State = None,
                   regierungsbezirk: Regierungsbezirk = None, kreis: Kreis = None, participant: Participant = None,
                   status: Status = None, record_type: RecordType = None, origin: Origin = None,
                   funding: Funding = None, programme: Programme = None) -> Filters:
    """Every record filter (listing)."""
    return resolve_for(node, {"taskArea": task_area, "legalForm": legal_form, "state": state, "regierungsbezirk": regierungsbezirk,
                              "kreis": kreis, "participant": participant, "status": status, "type": record_type,
                              "origin": origin, "funding": funding, "programme": programme})


def search_filters(node: NodeDep, task_area: TaskArea = None, legal_form: LegalForm = None, state: State = None,
                   regierungsbezirk: Regierungsbezirk = None, kreis: Kreis = None, status: Status = None,
                   record_type: RecordType = None, origin: Origin = None, funding: Funding = None,
                   programme: Programme = None) -> Filters:
    """The record filters the search index holds (all but ``participant``)."""
    return resolve_for(node, {"taskArea": task_area, "legalForm": legal_form, "state": state, "regierungsbezirk": regierungsbezirk,
                              "kreis": kreis, "status": status, "type": record_type, "origin": origin, "funding": funding,
                              "programme": programme})


MAX_TASK_AREAS = 40
"""Most ``taskArea`` values in one inventory request (the vocabulary has 17; more is refused with a 422)."""

TaskAreas = Annotated[list[Annotated[str, StringConstraints(max_length=MAX_FILTER_CHARS)]] | None,
                      Query(alias="taskArea", max_length=MAX_TASK_AREAS,
                            description=FILTERS["taskArea"].description + " Mehrfach möglich (taskArea=02&taskArea=05): "
                                                                         "Einträge in einem dieser Bereiche.")]


def region_filters(node: NodeDep, state: State = None, regierungsbezirk: Regierungsbezirk = None, kreis: Kreis = None,
                   task_areas: TaskAreas = None) -> Filters:
    """The inventory's selection: a region (a Regierungsbezirk or Kreis outside the Land given is a 422) and task areas."""
    return resolve_given(node.vocabularies, node.register, {"state": state, "regierungsbezirk": regierungsbezirk, "kreis": kreis},
                         known_origins=known_origins(node), region=True, task_areas=[a for a in task_areas or () if a])


RecordFiltersDep = Annotated[Filters, Depends(record_filters)]
SearchFiltersDep = Annotated[Filters, Depends(search_filters)]
RegionDep = Annotated[Filters, Depends(region_filters)]

SEARCH_FILTERS = tuple(name for name in FILTERS if name != "participant")
"""The filter names of search (API and page)."""

__all__ = ["RecordFiltersDep", "SearchFiltersDep", "RegionDep", "TaskAreas", "SEARCH_FILTERS", "REGION", "resolve_for", "known_origins"]
