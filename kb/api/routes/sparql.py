"""SPARQL 1.1 Protocol, read-only, with time limit and caps on rows and bytes (the work: ``kb/store/sparql``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from pyoxigraph import BlankNode, Literal, NamedNode, Triple

from kb.api.conneg import negotiate
from kb.api.deps import PrincipalDep, SparqlDep
from kb.api.rdf_response import alternates, rdf_response
from kb.api.schemas import media_types
from kb.auth import Principal
from kb.errors import BadRequest, Forbidden, Unsupported
from kb.ontology.namespaces import Namespace
from kb.store.sparql import GRAPH_TYPES, RESULT_TYPES, SparqlEndpoint

router = APIRouter(tags=["SPARQL"])

_RESULT_OFFERS = [*RESULT_TYPES.values(), "application/json", "application/xml", "text/plain"]
_GRAPH_OFFERS = [media for media, _ in GRAPH_TYPES.values()]
_ANSWERS = [*RESULT_TYPES.values(), *_GRAPH_OFFERS]
"""What a query answers: SELECT/ASK results, or the triples of CONSTRUCT/DESCRIBE."""
_QUERY_TEXT = {"type": "string", "minLength": 1, "description": "SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE)."}
_GRAPH_URIS = {"type": "array", "items": {"type": "string"}}
_FORM = {
    "type": "object",
    "properties": {"query": _QUERY_TEXT, "default-graph-uri": _GRAPH_URIS, "named-graph-uri": _GRAPH_URIS},
    "required": ["query"],
}
_POST_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/sparql-query": {"schema": _QUERY_TEXT}, "application/x-www-form-urlencoded": {"schema": _FORM}},
    }
}
"""The two ways of the SPARQL 1.1 Protocol to POST a query (a multipart form is read as well)."""


SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")
SERVICE_OFFERS = ["text/turtle", "application/ld+json", "application/rdf+xml", "application/n-triples"]
"""What a GET without ``query`` answers a program that asks for RDF: the SPARQL 1.1 Service Description."""
_RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle", "N-Triples",
                   "RDF_XML", "JSON-LD")


def service_description(request: Request, media: str) -> Response:
    """``sd:Service``: endpoint, language, result formats, and the dataset (the node's catalogue entry)."""
    node = request.app.state.node
    endpoint = NamedNode(f"{node.base_url}/sparql")
    rdf_type = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    dataset = BlankNode()
    triples = [
        Triple(endpoint, rdf_type, SD.Service),
        Triple(endpoint, SD.endpoint, endpoint),
        Triple(endpoint, SD.supportedLanguage, SD.SPARQL11Query),
        *(Triple(endpoint, SD.resultFormat, FORMATS_NS[name]) for name in _RESULT_FORMATS),
        Triple(endpoint, SD.defaultDataset, dataset),
        Triple(dataset, rdf_type, SD.Dataset),
        Triple(dataset, SD.defaultGraph, BlankNode()),
        Triple(dataset, NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"), NamedNode(f"{node.base_url}/catalog")),
        Triple(endpoint, NamedNode("http://purl.org/dc/terms/description"), Literal(
            "Read-only SPARQL 1.1 endpoint. The default graph is the union of the records the caller may see (anonymous: "
            "public ones); FROM / FROM NAMED and default-graph-uri / named-graph-uri choose among them.", language="en")),
    ]
    link = alternates(f"{node.base_url}/sparql", [*SERVICE_OFFERS, "text/html"])
    return rdf_response(triples, media, headers={"Vary": "Accept", "Link": link, "Cache-Control": "public, max-age=3600"})


def _formats(request: Request) -> tuple[str, str]:
    accept = request.headers.get("accept")
    override = request.query_params.get("format")
    result_media = negotiate(accept, _RESULT_OFFERS, RESULT_TYPES["json"]) or RESULT_TYPES["json"]
    result_format = {v: k for k, v in RESULT_TYPES.items()}.get(result_media, "json")
    if result_media == "application/xml":
        result_format = "xml"
    if override in RESULT_TYPES:
        result_format = override
    graph_media = negotiate(accept, _GRAPH_OFFERS, "text/turtle") or "text/turtle"
    graph_format = next(k for k, (m, _) in GRAPH_TYPES.items() if m == graph_media)
    if override in GRAPH_TYPES:
        graph_format = override
    return result_format, graph_format


async def _run(request: Request, sparql: SparqlEndpoint, principal: Principal, query: str | None, default_graphs: list[str],
               named_graphs: list[str]) -> Response:
    if not query:
        raise BadRequest("Bitte eine SPARQL-Abfrage im Parameter „query“ angeben.", "Please give a SPARQL query in the 'query' parameter.")
    result_format, graph_format = _formats(request)
    answer = await run_in_threadpool(
        sparql.run,
        query,
        result_format=result_format,
        graph_format=graph_format,
        include_network=principal.can_see_network,
        default_graph_uris=default_graphs,
        named_graph_uris=named_graphs,
    )
    headers = {"Vary": "Accept, Authorization"}
    if answer.truncated == "rows":
        headers["KB-Results-Truncated"] = f"true; limit={sparql.max_rows}"
    elif answer.truncated == "bytes":
        headers["KB-Results-Truncated"] = f"true; max-bytes={sparql.max_bytes}"
    return Response(answer.body, media_type=answer.media_type, headers=headers)


@router.get("/sparql", response_class=Response,
            responses=media_types(*dict.fromkeys([*_ANSWERS, *SERVICE_OFFERS, "text/html"]),
                                  description="Query results; without ``query`` the service description (RDF Accept) or the query form (HTML)."))
async def sparql_get(
    request: Request,
    sparql: SparqlDep,
    principal: PrincipalDep,
    query: Annotated[str | None, Query(min_length=1, description="SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE).")] = None,
    default_graph_uri: Annotated[list[str], Query(alias="default-graph-uri")] = [],  # noqa: B006
    named_graph_uri: Annotated[list[str], Query(alias="named-graph-uri")] = [],  # noqa: B006
) -> Response:
    """Lesende SPARQL-Abfrage (GET) / read-only SPARQL query. Results as JSON, XML, CSV or TSV."""
    if query is None:
        by_name = {"ttl": "text/turtle", "jsonld": "application/ld+json", "rdf": "application/rdf+xml", "nt": "application/n-triples"}
        wanted = by_name.get(request.query_params.get("format", "")) or negotiate(
            request.headers.get("accept"), [*SERVICE_OFFERS, "text/html"], "text/html")
        if wanted in SERVICE_OFFERS:
            return service_description(request, wanted)
        page = getattr(request.app.state, "sparql_page", None)
        if page is not None:
            return page(request)  # type: ignore[no-any-return]
    return await _run(request, sparql, principal, query, default_graph_uri, named_graph_uri)


@router.post("/sparql", response_class=Response, openapi_extra=_POST_BODY,
             responses=media_types(*_ANSWERS, description="Query results."))
async def sparql_post(request: Request, sparql: SparqlDep, principal: PrincipalDep) -> Response:
    """SPARQL per POST (form-encoded or application/sparql-query). Updates are refused."""
    media = (request.headers.get("content-type") or "").split(";", 1)[0].strip().lower()
    if media == "application/sparql-update":
        raise Forbidden("SPARQL Update ist an diesem Endpunkt nicht erlaubt; Änderungen laufen über die API mit Zugangsschlüssel.",
                        "SPARQL Update is not allowed here; changes go through the API with a token.")
    if media == "application/sparql-query":
        body = await request.body()
        query = body.decode("utf-8", errors="replace")
        params = request.query_params
        return await _run(request, sparql, principal, query, params.getlist("default-graph-uri"), params.getlist("named-graph-uri"))
    if media == "application/x-www-form-urlencoded" or media == "multipart/form-data":
        form = await request.form()
        if "update" in form:
            raise Forbidden("SPARQL Update ist an diesem Endpunkt nicht erlaubt.", "SPARQL Update is not allowed here.")
        submitted = form.get("query")
        return await _run(request, sparql, principal, str(submitted) if submitted else None,
                          [str(v) for v in form.getlist("default-graph-uri")], [str(v) for v in form.getlist("named-graph-uri")])
    raise Unsupported("Erwartet wird application/sparql-query oder ein Formular mit „query“.",
                      "Expected application/sparql-query or a form with 'query'.")
