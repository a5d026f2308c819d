"""Bulk import through the API (``kb import --url``)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Body

from kb.api.deps import PrincipalDep, PublisherDep
from kb.api.schemas import ImportOut

router = APIRouter(tags=["Projekte / projects"])


@router.post("/api/import", response_model=ImportOut)
def import_projects(publisher: PublisherDep, principal: PrincipalDep, items: list[dict[str, Any]] = Body(..., max_length=1000)) -> dict[str, Any]:
    """Viele Projekte auf einmal importieren (JSON-Liste, höchstens 1000) / bulk import; same content twice changes nothing."""
    principal.require_publisher()  # an empty list is a valid import of nothing: all counts 0
    report = publisher.import_items(principal, ((f"#{n}", item) for n, item in enumerate(items, start=1)))
    return {
        "created": report.created,
        "updated": report.updated,
        "unchanged": report.unchanged,
        "failed": [{"item": label, "problems": problems} for label, problems in report.failed],
    }
