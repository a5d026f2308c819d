"""Health and the node's self-description."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, Field
from pyoxigraph import RdfFormat, parse

from kb.api.deps import CatalogDep, NodeDep
from kb.api.rdf_response import alternates, pick_format, rdf_response
from kb.api.schemas import media_types

router = APIRouter(tags=["Knoten / node"])
FormatParam = Annotated[str | None, Query(alias="format", description="Format statt Accept-Header / overrides Accept: json, jsonld, ttl, nt, rdf.")]

NODE_CONTEXT = {
    "ikz": "https://w3id.org/ikz-kb/ontology#",
    "sec": "https://w3id.org/security#",
    "id": "@id",
    "type": "@type",
    "Node": "ikz:Node",
    "Organization": "http://www.w3.org/ns/org#Organization",
    "Multikey": "sec:Multikey",
    "name": "http://xmlns.com/foaf/0.1/name",
    "operatedBy": {"@id": "ikz:operator"},
    "operator": None,
    "kind": None,
    "records": None,
    "search": None,
    "state": {"@id": "ikz:state", "@type": "@vocab", "@context": {"@vocab": "https://w3id.org/ikz-kb/vocab/land/"}},
    "country": "ikz:country",
    "publicKey": {"@id": "ikz:publicKey"},
    "publicKeyMultibase": "sec:publicKeyMultibase",
    "controller": {"@id": "sec:controller", "@type": "@id"},
    "stream": {"@id": "ikz:eventStream", "@type": "@id"},
    "inbox": {"@id": "http://www.w3.org/ns/ldp#inbox", "@type": "@id"},
    "peers": {"@id": "ikz:peer"},
    "url": {"@id": "http://xmlns.com/foaf/0.1/homepage", "@type": "@id"},
    "baseUrl": {"@id": "http://xmlns.com/foaf/0.1/homepage", "@type": "@id"},
    "version": "https://schema.org/softwareVersion",
    "ontology": {"@id": "http://purl.org/dc/terms/conformsTo", "@type": "@id"},
    "sparql": {"@id": "http://rdfs.org/ns/void#sparqlEndpoint", "@type": "@id"},
}
"""Maps the node description's JSON keys to terms the ontology defines (or reuses), so it is also proper JSON-LD.

Keys that peers read but that are no statement in the ontology (``operator`` as plain text, ``kind``,
the record count, the search state) map to nothing (``None``): JSON-LD processors drop them, peers
still read them. The operator as an ``org:Organization`` is ``operatedBy`` (``ikz:operator``); the
Land is the concept (``land:NW``), as ``ikz:state`` wants."""
NODE_OFFERS = ["application/json", "application/ld+json", "text/turtle", "application/n-triples", "application/rdf+xml"]


class HealthOut(BaseModel):
    status: str = Field(description="Always ok when the node answers.")
    records: int = Field(description="Records stored, including non-public and harvested ones.")
    lastSeq: int = Field(description="Number of the last change-log entry.")


@router.get("/healthz", response_model=HealthOut)
def healthz(catalog: CatalogDep) -> dict[str, Any]:
    """Liveness and a few numbers (records, last change)."""
    return {"status": "ok", "records": catalog.count(include_network=True), "lastSeq": catalog.last_seq}


@router.get("/.well-known/kb-node", response_class=Response,
            responses=media_types(*NODE_OFFERS, description="The description as JSON (which is JSON-LD) or in an RDF format."))
def node_description(request: Request, node: NodeDep, fmt: FormatParam = None) -> Response:
    """Who this node is: id, name, operator, Bundesland, public key, stream, peers (JSON-LD; Turtle etc. by Accept)."""
    # The whole node on purpose: its description gathers the settings, the key, the catalogue's count,
    # the federation's stream and peers and the search's state (``Node.description``).
    media = pick_format(request, NODE_OFFERS, "application/json")
    described = node.description()
    body: dict[str, Any] = {"@context": NODE_CONTEXT, "type": "Node", **described}
    if node.settings.operator:
        body["operatedBy"] = {"type": "Organization", "name": node.settings.operator}
    headers = {"Cache-Control": "no-cache", "Vary": "Accept",
               "Link": alternates(node.base_url + "/.well-known/kb-node", NODE_OFFERS)}
    if media in ("application/json", "application/ld+json"):
        return JSONResponse(body, media_type=media, headers=headers)
    triples = [q.triple for q in parse(json.dumps(body).encode(), format=RdfFormat.JSON_LD, base_iri=node.base_url + "/")]
    return rdf_response(triples, media, headers=headers)


@router.get("/node", include_in_schema=False)
def node_iri() -> RedirectResponse:
    return RedirectResponse("/.well-known/kb-node", status_code=303)
