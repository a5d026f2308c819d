"""The funding programmes as JSON: ``/api/funding-programmes`` and one programme with what it funded.

The same data as the pages ``/foerderung`` (``kb/api/routes/funding_pages.py``), from
:class:`kb.funding.FundingProgrammes`. Members signed in with a token also see the records that
are visible only within the network, as in the listing.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path
from pydantic import BaseModel, Field

from kb.api.deps import FundingDep, PrincipalDep, VocabulariesDep
from kb.api.schemas import ERROR_RESPONSES
from kb.funding import Programme
from kb.ontology.vocabulary import Vocabularies

router = APIRouter(prefix="/api/funding-programmes", tags=["Förderprogramme / funding programmes"])


class RoundOut(BaseModel):
    id: str
    code: str
    label: str
    definition: str = ""
    sources: list[str] = []
    projects: int = Field(0, description="Records naming this round.")


class ProgrammeOut(BaseModel):
    id: str = Field(description="IRI of the programme's concept.")
    code: str
    label: str
    level: str = Field(description="land, bund or eu.")
    state: str | None = Field(None, description="Bundesland code of a Land's programme.")
    definition: str = ""
    conditions: str = Field("", description="The conditions in short (German), from skos:scopeNote.")
    note: str = Field("", description="A remark, e.g. the Landtag motion's demand on shared service centres.")
    uncertain: str = Field("", description="What could not be checked against an official page.")
    sources: list[str] = []
    rounds: list[RoundOut] = []
    projects: int = Field(0, description="Records the caller may see that name the programme or one of its rounds.")


class FundedOut(BaseModel):
    id: str
    title: str
    type: str
    round: str | None = None
    taskAreas: list[str] = []


class ProgrammeDetailOut(ProgrammeOut):
    records: list[FundedOut] = []


class ProgrammesOut(BaseModel):
    programmes: list[ProgrammeOut]


Code = Annotated[str, Path(max_length=200, description="Code of the programme (ikz-nrw, leader, ...) or of one of its rounds.")]


def _out(vocab: Vocabularies, programme: Programme) -> dict[str, Any]:
    return programme.as_json(vocab)


@router.get("", response_model=ProgrammesOut)
def list_programmes(vocab: VocabulariesDep, funding: FundingDep, principal: PrincipalDep) -> ProgrammesOut:
    """Every funding programme with its conditions, sources, rounds and the number of records it funded."""
    found = funding.programmes(include_network=principal.can_see_network)
    return ProgrammesOut(programmes=[ProgrammeOut.model_validate(_out(vocab, p)) for p in found])


@router.get("/{code}", response_model=ProgrammeDetailOut, responses=ERROR_RESPONSES)
def get_programme(code: Code, vocab: VocabulariesDep, funding: FundingDep, principal: PrincipalDep) -> ProgrammeDetailOut:
    """One programme and the records it funded (a round's code gives its programme)."""
    programme = funding.get(code, include_network=principal.can_see_network)
    records = [FundedOut(id=r.iri, title=r.title, type=r.type, round=r.round, taskAreas=list(r.task_areas)) for r in programme.records]
    return ProgrammeDetailOut.model_validate({**_out(vocab, programme), "records": records})
