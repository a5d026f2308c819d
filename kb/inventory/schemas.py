"""The figures of ``/api/inventory/...``: each figure's shape, written once.

``figures.py`` builds these models, the API answers them as JSON (and documents them in the OpenAPI
schema at /docs), ``export.py`` turns them into CSV tables and the web pages render them.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class ConceptRef(BaseModel):
    code: str = Field(description="Code of the concept (Produktbereich '02', 'zweckverband', 'NW'); 'unbekannt' if a record does not say.")
    label: str
    labelEn: str


class KeyRef(BaseModel):
    key: str
    name: str


class ScopeOut(BaseModel):
    state: ConceptRef | None = None
    regierungsbezirk: KeyRef | None = None
    kreis: KeyRef | None = None
    taskAreas: list[ConceptRef] = Field([], description="The task areas chosen (taskArea=...): only records in one of them are "
                                                        "counted, and only in those. Empty: every task area.")
    label: str = Field(description="The selection in words, e.g. 'Nordrhein-Westfalen – Reg.-Bez. Arnsberg' or "
                                   "'Nordrhein-Westfalen, Aufgabenbereich 02 Sicherheit und Ordnung'.")
    includesNetwork: bool = Field(description="Whether records of visibility 'network' are counted: only when a member asks "
                                              "for it with includeNetwork=true, never by default.")
    counted: str = Field(description="What is counted, in words (German), e.g. 'nur öffentliche Einträge'.")
    countedEn: str = Field(description="The same in English.")
    seq: int = Field(description="Position in the node's change log the figures are computed at.")
    records: int = Field(description="Records in the scope.")
    illustrative: int = Field(0, description="Of those, made-up examples (ikz:illustrative), not reported cooperations.")


class ProjectRef(BaseModel):
    id: str = Field(description="Record IRI.")
    title: str
    type: str
    status: str | None = None


# ---------------------------------------------------------------- overview


class TotalsOut(BaseModel):
    projects: int
    sharedServiceCenters: int
    smartCityInitiatives: int
    active: int = Field(description="Records that are planned, being implemented or in operation.")
    municipalities: int = Field(description="Municipalities of the register in the scope.")
    municipalitiesCooperating: int = Field(description="Of those, taking part in at least one record.")
    municipalitiesShare: float
    population: int
    populationCooperating: int
    kreise: int
    kreiseCooperating: int
    illustrative: int = Field(0, description="Records that are made-up examples.")
    sharedServiceCentersIllustrative: int = Field(0, description="Shared service centres that are made-up examples.")
    uninhabited: int = Field(0, description="Places of the register in the scope without inhabitants (gemeindefreie Gebiete): "
                                            "left out of every denominator and potential.")


class YearCount(BaseModel):
    year: int
    projects: int = Field(description="Records that began (or are to begin) in this year.")
    illustrative: int


class CountOut(ConceptRef):
    projects: int
    sharedServiceCenters: int


class OverviewOut(BaseModel):
    scope: ScopeOut
    totals: TotalsOut
    byType: list[CountOut]
    byStatus: list[CountOut]
    byLegalForm: list[CountOut]
    byTaskArea: list[CountOut] = Field(description="A record with two task areas counts in both.")
    byDigitalDelivery: list[CountOut]
    byStartYear: list[YearCount] = Field([], description="Records by the year they began, every year from the first to the last.")
    withoutStartYear: int = Field(0, description="Records that give no start date.")
    links: dict[str, str] = {}


# ---------------------------------------------------------------- tables


class DigitalOut(BaseModel):
    analog: int
    teilweiseDigital: int
    vollstaendigDigital: int
    unknown: int


class TaskAreaRow(ConceptRef):
    projects: int
    sharedServiceCenters: int
    active: int
    municipalities: int = Field(description="Distinct municipalities of the scope taking part.")
    kreise: int
    share: float = Field(description="Projects in this area ÷ projects in the scope.")
    digital: DigitalOut
    illustrative: int = 0
    sharedServiceCentersIllustrative: int = 0


class TaskAreasOut(BaseModel):
    scope: ScopeOut
    total: int
    items: list[TaskAreaRow]


class LegalFormRow(ConceptRef):
    projects: int
    sharedServiceCenters: int
    municipalities: int
    share: float
    illustrative: int = 0


class LegalFormsOut(BaseModel):
    scope: ScopeOut
    total: int
    items: list[LegalFormRow]


class KreisRow(BaseModel):
    key: str
    name: str
    label: str = Field("", description="Name that tells a city from a Landkreis: 'Bamberg (kreisfreie Stadt)', 'Landkreis Bamberg'.")
    regierungsbezirk: KeyRef | None = None
    state: str
    kreisfrei: bool
    projects: int = Field(description="Records with at least one participating municipality in the Kreis.")
    sharedServiceCenters: int
    active: int
    municipalities: int
    municipalitiesCooperating: int
    share: float
    population: int
    taskAreas: int = Field(description="Distinct task areas of its records.")
    illustrative: int = 0


class KreiseOut(BaseModel):
    scope: ScopeOut
    total: int
    unplaced: int = Field(description="Records in the scope without any municipality from the register (in no Kreis).")
    items: list[KreisRow]


class MapPoint(BaseModel):
    ags: str
    name: str
    kreis: str
    lon: float | None
    lat: float | None
    population: int
    count: int = Field(description="Records the municipality takes part in.")
    active: int
    level: int = Field(description="Legend class of count (index into legend).")


class LegendClass(BaseModel):
    level: int
    min: int
    max: int | None
    label: str


class BBox(BaseModel):
    minLon: float
    minLat: float
    maxLon: float
    maxLat: float


class MunicipalitiesOut(BaseModel):
    scope: ScopeOut
    bbox: BBox | None
    maxCount: int
    legend: list[LegendClass]
    items: list[MapPoint]


class MatrixRow(BaseModel):
    key: str
    name: str
    label: str = ""
    counts: list[int] = Field(description="One count per column (task area), in column order.")
    total: int = Field(description="Distinct records in the Kreis (not the sum of the cells).")


class MatrixOut(BaseModel):
    scope: ScopeOut
    columns: list[ConceptRef]
    rows: list[MatrixRow]
    columnTotals: list[int]
    total: int
    unplaced: int
    max: int = Field(description="Largest cell, for a colour scale.")


# ---------------------------------------------------------------- potentials


class PartnerOut(BaseModel):
    ags: str
    name: str
    km: float
    projectCount: int = Field(description="Active records of the neighbour in the task area.")
    projects: list[ProjectRef] = Field(description="The first two of them.")


class PotentialItem(BaseModel):
    rank: int
    ags: str
    name: str
    kreis: KeyRef | None
    population: int
    lon: float | None
    lat: float | None
    neighbours: int = Field(description="Neighbours considered (nearest within maxKm).")
    cooperatingNeighbours: int
    nearestKm: float
    partners: list[PartnerOut] = Field(description="The (up to five) nearest neighbours that cooperate in the task area.")
    projectCount: int = Field(description="Distinct active records of all cooperating neighbours in the task area.")
    projects: list[ProjectRef] = Field(description="Up to five of them, those of the nearest neighbours first.")


class PotentialArea(BaseModel):
    taskArea: ConceptRef
    municipalities: int
    cooperating: int = Field(description="Municipalities of the scope with an active cooperation in the area.")
    candidates: int = Field(description="All candidates in the scope (items holds one page of them).")
    offset: int
    items: list[PotentialItem]


class PotentialParams(BaseModel):
    neighbours: int
    maxKm: float
    minNeighbours: int
    limit: int
    offset: int
    activeStatuses: list[str]


class PotentialsOut(BaseModel):
    scope: ScopeOut
    parameters: PotentialParams
    items: list[PotentialArea]


# ---------------------------------------------------------------- priorities


class PriorityItem(BaseModel):
    rank: int
    taskArea: ConceptRef
    projects: int
    municipalities: int
    volume: float = Field(description="Projects ÷ projects of the largest task area in the scope.")
    analog: int
    teilweiseDigital: int
    vollstaendigDigital: int
    unknown: int
    dataCoverage: float = Field(description="Share of the area's records that state their digital delivery.")
    digitalGap: float | None = Field(description="(analog × 1 + partly × 0.5 + fully × 0) ÷ records that state it; null if none does.")
    gapAssumed: bool
    score: float = Field(description="100 × volume × digitalGap (0.5 assumed when unknown).")
    illustrative: int = 0
    tooFewData: bool = Field(False, description="Fewer than half of the area's records say how digital they are: ranked after "
                                                "all areas with enough data ('zu wenig Angaben').")
    uncertain: bool = Field(False, description="Ranked on data, but more than a third of the area's records do not say how digital "
                                               "they are: the place may change with them ('unsichere Datenlage').")
    reason: str = Field("", description="Why the area has its place, in plain German.")


class PrioritiesOut(BaseModel):
    scope: ScopeOut
    method: str
    weights: dict[str, float]
    assumedGap: float
    minDataCoverage: float = Field(0.5, description="Areas with a smaller dataCoverage are flagged tooFewData and ranked last.")
    items: list[PriorityItem]


# ---------------------------------------------------------------- one municipality


class MunicipalityInfo(BaseModel):
    ags: str
    name: str
    officialName: str
    population: int
    lon: float | None
    lat: float | None
    kreis: KeyRef | None
    regierungsbezirk: KeyRef | None
    state: ConceptRef


class OwnProject(ProjectRef):
    taskAreas: list[str]
    legalForm: str | None
    digitalDelivery: str | None
    participants: int
    active: bool


class AreaCount(ConceptRef):
    projects: int


class PartnerCount(BaseModel):
    ags: str
    name: str
    projects: int = Field(description="Records shared with the municipality.")


class NeighbourOut(BaseModel):
    ags: str
    name: str
    km: float
    population: int
    projects: int
    taskAreas: list[str] = Field(description="Task areas of its active cooperations.")
    partner: bool = Field(description="Already shares a record with the municipality.")


class NeighbourActivity(BaseModel):
    ags: str
    name: str
    km: float
    projects: list[ProjectRef]


class MunicipalityPotential(BaseModel):
    taskArea: ConceptRef
    neighbours: list[NeighbourActivity]


class SuggestedPartner(BaseModel):
    ags: str
    name: str
    km: float
    partner: bool
    taskAreas: list[ConceptRef] = Field(description="Areas the neighbour cooperates in and the municipality does not.")
    projects: list[ProjectRef]


class ServiceCenterOut(ProjectRef):
    km: float = Field(description="Distance to the nearest participating municipality.")
    taskAreas: list[ConceptRef]


class MunicipalityParams(BaseModel):
    neighbours: int
    maxKm: float
    activeStatuses: list[str]


class MunicipalityOut(BaseModel):
    seq: int
    includesNetwork: bool = Field(description="Whether records of visibility 'network' are counted (includeNetwork=true, members only).")
    counted: str = Field(description="What is counted, in words (German).")
    countedEn: str
    municipality: MunicipalityInfo
    parameters: MunicipalityParams
    projects: list[OwnProject]
    taskAreas: list[AreaCount]
    partners: list[PartnerCount]
    neighbours: list[NeighbourOut]
    potentials: list[MunicipalityPotential]
    suggestedPartners: list[SuggestedPartner]
    serviceCenters: list[ServiceCenterOut] = Field(description="Active SSCs of the same Bundesland in areas the municipality lacks.")


# ---------------------------------------------------------------- regions (for filter forms)


class RegionKreis(BaseModel):
    key: str
    name: str


class RegionRb(BaseModel):
    key: str
    name: str
    kreise: list[RegionKreis]


class RegionState(ConceptRef):
    regierungsbezirke: list[RegionRb]
    kreise: list[RegionKreis] = Field(description="All Kreise of the Land (also for Länder without Regierungsbezirke).")


class RegionsOut(BaseModel):
    states: list[RegionState]
