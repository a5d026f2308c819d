"""Health and the node's self-description."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse, RedirectResponse

from kb.api.deps import NodeDep

router = APIRouter(tags=["Knoten / node"])


@router.get("/healthz")
def healthz(node: NodeDep) -> dict[str, Any]:
    """Liveness and a few numbers (records, last change)."""
    return {"status": "ok", "records": node.catalog.count(include_network=True), "lastSeq": node.catalog.last_seq}


@router.get("/.well-known/kb-node")
def node_description(node: NodeDep) -> JSONResponse:
    """Who this node is: id, name, operator, Bundesland, public key, stream, peers."""
    body = {"@context": {"@vocab": "https://w3id.org/ikz-kb/ontology#"}, **node.description()}
    return JSONResponse(body, headers={"Cache-Control": "no-cache"})


@router.get("/node", include_in_schema=False)
def node_iri() -> RedirectResponse:
    return RedirectResponse("/.well-known/kb-node", status_code=303)
