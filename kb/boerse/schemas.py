"""The JSON the Börse API answers with (``/api/boerse``, ``/api/boerse/matches``)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from kb.inventory.schemas import ConceptRef, KeyRef, ProjectRef


class PlaceOut(BaseModel):
    ags: str
    name: str
    kreis: KeyRef | None = None
    state: str


class EntryOut(BaseModel):
    id: str = Field(description="Record IRI (GET it, or /api/projects/{iri}, for the whole record).")
    type: str = Field(description="cooperationRequest or cooperationOffer.")
    title: str
    taskAreas: list[ConceptRef]
    municipalities: list[PlaceOut] = Field(description="The municipalities that look for partners or offer the service.")
    participantNames: list[str]
    state: str | None = None
    validUntil: str | None = Field(None, description="Last day the entry is listed (YYYY-MM-DD).")
    illustrative: bool = False
    modified: str
    origin: str = Field(description="IRI of the node that published it.")


class BoerseListOut(BaseModel):
    today: str = Field(description="The date the list was computed for (Europe/Berlin); entries valid until before it are left out.")
    total: int
    offset: int
    items: list[EntryOut]


class CooperationNearby(BaseModel):
    """A cooperation in the entry's task areas with a participant near the entry's municipality."""

    project: ProjectRef
    taskAreas: list[ConceptRef]
    near: PlaceOut = Field(description="Its participant nearest to the entry's municipality.")
    km: float


class EntryMatch(BaseModel):
    """Another open entry of the Börse that shares a task area (an offer for a request, or the reverse)."""

    entry: EntryOut
    sharedTaskAreas: list[ConceptRef]
    km: float | None = Field(None, description="Distance between the nearest municipalities of both entries.")


class Candidate(BaseModel):
    """A municipality near an offer that does not yet cooperate in its task areas."""

    municipality: PlaceOut
    km: float
    missingTaskAreas: list[ConceptRef] = Field(description="The offer's task areas in which it has no active cooperation.")


class SimilarProject(BaseModel):
    project: ProjectRef
    relevance: float


class MatchesOut(BaseModel):
    entry: EntryOut
    open: bool = Field(description="Whether the entry is still valid today (expired entries have no matches).")
    cooperationsNearby: list[CooperationNearby] = Field(default_factory=list, description="For a request.")
    offers: list[EntryMatch] = Field(default_factory=list, description="For a request: open offers in its task areas.")
    similarProjects: list[SimilarProject] = Field(default_factory=list, description="For a request (needs search).")
    candidates: list[Candidate] = Field(default_factory=list, description="For an offer.")
    requests: list[EntryMatch] = Field(default_factory=list, description="For an offer: open requests in its task areas.")
    parameters: dict[str, float] = Field(description="Neighbourhood used: neighbours (count) and maxKm.")
