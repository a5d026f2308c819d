"""Response models of the JSON API (they become the OpenAPI schema at /docs)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ConceptOut(BaseModel):
    id: str
    code: str
    label: str


class ParticipantOut(BaseModel):
    id: str
    name: str
    kind: str
    ags: str | None = None
    kreis: str | None = None
    state: str | None = None
    country: str | None = None
    lead: bool = False


class FigureOut(BaseModel):
    label: str
    value: float | None = None
    unit: str = ""


class ProvenanceOut(BaseModel):
    version: int
    created: str
    modified: str
    origin: str = Field(description="IRI of the node that published the record.")
    originName: str | None = None
    local: bool
    verified: bool = Field(description="Signature of the origin checked (always true for stored harvested records).")
    receivedFrom: str | None = None
    receivedAt: str | None = None
    contentHash: str
    member: str = Field(description="IRI of the signed version (LDES member).")


class ProjectOut(BaseModel):
    id: str
    type: str
    title: str
    description: str
    participants: list[ParticipantOut]
    lead: str | None = None
    state: ConceptOut | None = None
    country: str = "DE"
    nutsRegion: str | None = None
    taskAreas: list[ConceptOut] = []
    legalForm: ConceptOut | None = None
    status: ConceptOut | None = None
    startDate: str | None = None
    endDate: str | None = None
    fundingProgramme: str | None = None
    outcomes: str | None = None
    outcomeFigures: list[FigureOut] = []
    lessonsLearned: str | None = None
    transferability: str | None = None
    digitalDelivery: ConceptOut | None = None
    vat2b: ConceptOut | None = None
    contact: dict[str, Any] | None = None
    website: str | None = None
    keywords: list[str] = []
    visibility: str = "public"
    sources: list[str] = []
    illustrative: bool = False
    provenance: ProvenanceOut


class WriteResult(BaseModel):
    id: str = Field(description="The record IRI.")
    key: str | None = Field(None, description="The local part of the IRI, for /api/projects/{key}.")
    version: int
    changed: bool = True
    deleted: bool = False
    warnings: list[dict[str, Any]] = []


class ListItem(BaseModel):
    id: str
    key: str | None
    title: str
    modified: str
    origin: str
    version: int


class ListOut(BaseModel):
    total: int
    offset: int
    limit: int
    items: list[ListItem]
    next: str | None = None


class ImportOut(BaseModel):
    created: int
    updated: int
    unchanged: int
    failed: list[dict[str, Any]]
