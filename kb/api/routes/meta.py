"""Health and the node's self-description."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse, RedirectResponse
from pydantic import BaseModel, Field

from kb.api.deps import NodeDep

router = APIRouter(tags=["Knoten / node"])

NODE_CONTEXT = {
    "@vocab": "https://w3id.org/ikz-kb/ontology#",
    "sec": "https://w3id.org/security#",
    "id": "@id",
    "name": "http://xmlns.com/foaf/0.1/name",
    "operator": "https://w3id.org/ikz-kb/ontology#operator",
    "publicKey": {"@id": "https://w3id.org/ikz-kb/ontology#publicKey"},
    "publicKeyMultibase": "sec:publicKeyMultibase",
    "controller": {"@id": "sec:controller", "@type": "@id"},
    "type": "@type",
    "Multikey": "sec:Multikey",
    "stream": {"@id": "https://w3id.org/ikz-kb/ontology#eventStream", "@type": "@id"},
    "inbox": {"@id": "http://www.w3.org/ns/ldp#inbox", "@type": "@id"},
    "peers": {"@id": "https://w3id.org/ikz-kb/ontology#peer"},
    "url": {"@id": "http://xmlns.com/foaf/0.1/homepage", "@type": "@id"},
    "baseUrl": {"@id": "http://xmlns.com/foaf/0.1/homepage", "@type": "@id"},
    "version": "https://schema.org/softwareVersion",
    "ontology": {"@id": "http://purl.org/dc/terms/conformsTo", "@type": "@id"},
    "sparql": {"@id": "http://rdfs.org/ns/void#sparqlEndpoint", "@type": "@id"},
}
"""Maps the node description's JSON keys to the ontology, so it is also proper JSON-LD."""


class HealthOut(BaseModel):
    status: str = Field(description="Always ok when the node answers.")
    records: int = Field(description="Records stored, including non-public and harvested ones.")
    lastSeq: int = Field(description="Number of the last change-log entry.")


@router.get("/healthz", response_model=HealthOut)
def healthz(node: NodeDep) -> dict[str, Any]:
    """Liveness and a few numbers (records, last change)."""
    return {"status": "ok", "records": node.catalog.count(include_network=True), "lastSeq": node.catalog.last_seq}


@router.get("/.well-known/kb-node")
def node_description(node: NodeDep) -> JSONResponse:
    """Who this node is: id, name, operator, Bundesland, public key, stream, peers."""
    body = {"@context": NODE_CONTEXT, **node.description()}
    return JSONResponse(body, headers={"Cache-Control": "no-cache"})


@router.get("/node", include_in_schema=False)
def node_iri() -> RedirectResponse:
    return RedirectResponse("/.well-known/kb-node", status_code=303)
