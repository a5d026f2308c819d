"""Record IRIs are dereferenceable: ``/projects/{key}`` (and its versions) with content negotiation."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pyoxigraph import BlankNode, NamedNode, Quad, serialize

from kb.api.deps import CatalogDep, IdentityDep, PrincipalDep, PublisherDep, ViewsDep
from kb.api.rdf_response import RDF_OFFERS, format_for, pick_format, rdf_response
from kb.api.routes.projects import RECORD_ANSWERS, record_response, resolve_record
from kb.api.schemas import ProjectOut, media_types
from kb.errors import Gone, NotFound
from kb.federation.feed import IMMUTABLE
from kb.federation.members import split_payload
from kb.ontology.namespaces import SEC

router = APIRouter(tags=["Linked Data"])


@router.get("/projects/{key}/versions/{version}", response_class=Response,
            responses=media_types(*RDF_OFFERS, description="The signed version in the negotiated RDF format (TriG by default)."))
def record_version(key: str, version: int, request: Request, publisher: PublisherDep, catalog: CatalogDep,
                   principal: PrincipalDep) -> Response:
    """One signed version of a record (the LDES member), as published."""
    iri = publisher.resolve_key(key)
    if iri is None or not publisher.is_local(iri) or version < 1:
        raise NotFound("Diese Version gibt es hier nicht.", "There is no such version here.")
    member = f"{iri}/versions/{version}"
    found = catalog.event_for_member(member)
    if found is None or (found[0].visibility == "network" and not principal.can_see_network):
        raise NotFound("Diese Version gibt es hier nicht.", "There is no such version here.")
    if found[0].compacted:
        raise Gone(
            "Diese Version wurde gelöscht, weil sie personenbezogene Daten enthielt, die nicht mehr veröffentlicht "
            "werden dürfen. Die aktuelle Fassung finden Sie unter der Adresse des Projekts.",
            "This version was erased because it held personal data that may no longer be published. "
            "The current version is at the project's address.",
            record=found[0].record,
        )
    media = pick_format(request, RDF_OFFERS, "application/trig")
    headers = {"Cache-Control": "public, " + IMMUTABLE}
    triples, proof = split_payload(found[1])
    if proof is None:  # signed before kb followed the specification: the proof is in the member's graph
        return rdf_response(triples, media, graph_name=member, headers=headers)
    fmt = format_for(media)
    if fmt.name not in ("trig", "nquads", "jsonld"):  # a triples-only format cannot hold the proof graph
        document = [t for t in triples if t.predicate != SEC.proof]
        return rdf_response(document, media, graph_name=member, headers=headers)
    graph, proof_graph = NamedNode(member), BlankNode("proof")
    quads = [Quad(t.subject, t.predicate, t.object, graph) for t in triples]
    quads += [Quad(t.subject, t.predicate, t.object, proof_graph) for t in proof]
    body = serialize(quads, format=fmt.rdf)
    return Response(body, media_type=fmt.media_type, headers={"Vary": "Accept", **headers})


@router.get("/projects/{key}", response_model=ProjectOut, responses=RECORD_ANSWERS)
def record(key: str, request: Request, publisher: PublisherDep, catalog: CatalogDep, views: ViewsDep, identity: IdentityDep,
           principal: PrincipalDep) -> Response:
    """The record IRI: HTML for browsers, JSON or RDF for programs."""
    return record_response(catalog, views, identity, request, resolve_record(publisher, key), principal.can_see_network)
