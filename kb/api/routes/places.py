"""``GET /api/municipalities?q=``: municipalities and Kreise by name, for the search box's suggestions and for programs.

The lookup is ``kb/ontology/places.py``; the register is the same on every node, so the answer is
too, and may be cached.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from kb.api.deps import PlacesDep
from kb.errors import InvalidRecord, Violation
from kb.ontology.places import MAX_LIMIT, MAX_QUERY_CHARS

router = APIRouter(tags=["Gemeinden / municipalities"])


@router.get("/api/municipalities")
def municipalities(
    index: PlacesDep,
    q: Annotated[str, Query(max_length=MAX_QUERY_CHARS, description="Name oder Namensanfang, Tippfehler erlaubt / name or its start")] = "",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Höchstzahl der Treffer / most results")] = 10,
) -> JSONResponse:
    """Gemeinden und Kreise nach Namen, mit AGS, Kreis und Land / municipalities and Kreise by name, with AGS, Kreis and Land."""
    if not q.strip():
        raise InvalidRecord(
            [Violation(field="q", message="Bitte geben Sie einen Namen oder Namensanfang an.", message_en="Please give a name or its start.")],
            message="Bitte geben Sie einen Namen oder Namensanfang an (Parameter q).",
            message_en="Please give a name or the start of one (parameter q).",
        )
    places = index.search(q, limit=limit)
    body: dict[str, Any] = {"query": q, "total": len(places), "results": [p.as_dict() for p in places]}
    return JSONResponse(body, headers={"Cache-Control": "public, max-age=3600"})
