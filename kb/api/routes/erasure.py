"""``POST /api/erasure``: erase a data subject's personal data while the node runs (admin only).

The same as ``kb erase`` on a stopped node; the catalogue rewrites its store afterwards, so the erased
bytes leave its files too (kb/store/generations.py, docs/decisions.md "Personal data and erasure").
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field
from pydantic.json_schema import JsonDict

from kb.api.deps import ErasureDep, PrincipalDep
from kb.erasure import MIN_MATCH
from kb.errors import BadRequest

router = APIRouter(tags=["Datenschutz / data protection"])


_ONE_OF: JsonDict = {"oneOf": [{"required": ["match"], "properties": {"match": {"type": "string"}}},
                     {"required": ["record"], "properties": {"record": {"type": "string"}}}]}
"""Exactly one of ``match`` and ``record`` is given (and not null), as ``erase`` checks."""


class ErasureIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra=_ONE_OF)
    match: str | None = Field(None, max_length=200, pattern=rf"\S[\s\S]{{{MIN_MATCH - 2},}}\S",  # at least MIN_MATCH after strip()
                              description="Name, E-Mail-Adresse oder Telefonnummer der betroffenen Person / "
                                          "name, e-mail address or phone number of the data subject")
    record: str | None = Field(None, min_length=1, max_length=2000, description="Schlüssel oder IRI eines Eintrags / key or IRI of one record")
    dry_run: bool = Field(False, alias="dryRun", strict=True, description="Nur anzeigen, was gelöscht würde / only show what would be erased")


@router.post("/api/erasure")
def erase(body: ErasureIn, erasure: ErasureDep, principal: PrincipalDep) -> dict[str, Any]:
    """Personenbezogene Daten löschen (Art. 17 DSGVO, Admin) / erase personal data (Art. 17 GDPR, admin).

    Finds every record whose stored versions (current or earlier) mention ``match``, or takes the
    one ``record``; erases this node's own records by a new signed version that all peers obey,
    and this node's copies of other nodes' earlier versions. The answer lists what was erased and
    names the origin node where only it can erase.
    """
    principal.require_admin()
    if (body.match is None) == (body.record is None):
        raise BadRequest("Bitte genau eines angeben: „match“ (Name, E-Mail, Telefon) oder „record“.",
                         "Please give exactly one of “match” (name, e-mail, phone) or “record”.")
    if body.match is not None:
        report = erasure.erase_matching(body.match, dry_run=body.dry_run)
    else:
        assert body.record is not None
        report = erasure.erase_record(body.record, dry_run=body.dry_run)
    return report.as_dict()
