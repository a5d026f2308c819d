"""The JSON/RDF API for records: create, read, list, replace, withdraw."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from kb.api.deps import CatalogDep, IdentityDep, PrincipalDep, PublisherDep, ViewsDep
from kb.api.filter_params import RecordFiltersDep
from kb.api.rdf_response import RDF_OFFERS, alternates, pick_format, rdf_response
from kb.api.schemas import ListOut, ProjectOut, WriteResult
from kb.errors import BadRequest, Conflict, KbError, NotFound
from kb.ontology import safejson
from kb.ontology.rdfio import format_for_media_type
from kb.ontology.records import ProjectIn, RecordGraph
from kb.publishing import Published, Publisher
from kb.store.catalog import Catalog
from kb.store.model import ListQuery
from kb.views import NodeIdentity, RecordViews

router = APIRouter(prefix="/api/projects", tags=["Projekte / projects"])

_RDF_TEXT = {"type": "string", "pattern": r"\S", "description": "The record as RDF (an empty body is refused)."}
_BODY_DOC = {
    "requestBody": {
        "content": {
            # Its "$defs" (ParticipantIn, ...) go to the components (kb.api.schemas.hoist_defs).
            "application/json": {"schema": ProjectIn.model_json_schema(ref_template="#/components/schemas/{model}")},
            "text/turtle": {"schema": _RDF_TEXT},
            "application/ld+json": {"schema": {"type": "object"}},
            "application/n-triples": {"schema": _RDF_TEXT},
            "application/rdf+xml": {"schema": _RDF_TEXT},
        },
        "required": True,
    }
}


async def _graph_from_request(publisher: Publisher, request: Request, iri: str | None) -> RecordGraph:
    """The record graph in the body (JSON or RDF); ``iri=None`` mints a new record IRI."""
    body = await request.body()
    if not body.strip():
        raise BadRequest("Die Anfrage enthält keine Daten.", "The request body is empty.")
    media = (request.headers.get("content-type") or "application/json").split(";", 1)[0].strip().lower()
    if media in ("application/json", ""):
        try:
            data = safejson.loads(body)
        except KbError:
            raise  # too deep, not UTF-8, a lone surrogate: its own clear message
        except ValueError as exc:
            line = getattr(exc, "lineno", None)
            raise BadRequest(
                f"Das JSON ist fehlerhaft{f' (Zeile {line})' if line else ''}: {exc}",
                f"The JSON is malformed: {exc}",
                line=line,
            ) from None
        if iri is None:
            return await run_in_threadpool(publisher.new_graph_from_json, data)
        return await run_in_threadpool(publisher.graph_from_json, iri, data)
    fmt = format_for_media_type(media)
    return await run_in_threadpool(publisher.graph_from_rdf, iri, body, fmt)


def _write_result(catalog: Catalog, views: RecordViews, published: Published) -> dict[str, Any]:
    meta = catalog.meta(published.iri)
    return {
        "id": published.iri,
        "key": views.key_of(published.iri),
        "version": meta.version if meta else 0,
        "changed": published.event is not None,
        "warnings": [w.as_dict() for w in published.warnings],
    }


def parse_version(digits: str) -> int | None:
    """A version number as a client sends it back, or None if it cannot be one.

    No version has more than 18 digits: a longer number matches nothing (and ``int()`` of thousands
    of digits is refused by Python), so it is treated like any unknown tag, not as a crash.
    """
    digits = digits.strip()
    return int(digits) if digits.isascii() and digits.isdigit() and len(digits) <= 18 else None


def _expected_version(request: Request) -> int | None:
    """``If-Match: "v3"`` (the ETag of a GET) makes the write fail if someone changed it since."""
    header = request.headers.get("if-match")
    if not header or header.strip() == "*":
        return None
    tag = header.strip().strip('W/').strip('"')
    version = parse_version(tag[1:].split("-", 1)[0]) if tag.startswith("v") else None
    if version is not None:
        return version
    raise Conflict("Die Versionsangabe (If-Match) ist unbekannt oder passt zu keiner Version.",
                   "Unknown If-Match value, or one that matches no version.")


@router.post("", status_code=201, response_model=WriteResult, openapi_extra=_BODY_DOC)
async def create_project(request: Request, publisher: PublisherDep, catalog: CatalogDep, views: ViewsDep,
                         principal: PrincipalDep) -> JSONResponse:
    """Ein Projekt anlegen (JSON oder RDF) / create a record from JSON, Turtle, JSON-LD, N-Triples or RDF/XML."""
    principal.require_publisher()
    graph = await _graph_from_request(publisher, request, None)
    published = await run_in_threadpool(publisher.publish, principal, graph, create=True)
    result = _write_result(catalog, views, published)
    return JSONResponse(result, status_code=201, headers={"Location": published.iri, "ETag": f'"v{result["version"]}"'})


@router.get("", response_model=ListOut)
def list_projects(
    catalog: CatalogDep,
    identity: IdentityDep,
    views: ViewsDep,
    principal: PrincipalDep,
    filters: RecordFiltersDep,
    offset: Annotated[int, Query(ge=0, le=1_000_000)] = 0,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    sort: Literal["title", "modified"] = "title",
) -> dict[str, Any]:
    """Projekte auflisten, mit Filtern und Seiten / list records with filters and paging."""
    page = catalog.list_records(
        ListQuery(filters, include_network=principal.can_see_network, offset=offset, limit=limit, sort=sort)
    )
    nxt = None
    if offset + limit < page.total:
        nxt = f"{identity.base_url}/api/projects?offset={offset + limit}&limit={limit}"
    return {
        "total": page.total,
        "offset": page.offset,
        "limit": page.limit,
        "items": [
            {"id": i.iri, "key": views.key_of(i.iri), "title": i.title, "modified": i.modified, "origin": i.origin, "version": i.version}
            for i in page.items
        ],
        "next": nxt,
    }


RECORD_ANSWERS: dict[int | str, dict[str, Any]] = {200: {"content": {m: {} for m in [*RDF_OFFERS, "text/html"]}}}
"""A record answers JSON (``ProjectOut``), any RDF format, or its page for browsers (``record_response``)."""


def resolve_record(publisher: Publisher, key: str) -> str:
    """A local key, or a full record IRI (percent-encoded in the path) for harvested records.

    A key that no record can have (``a<b``, ``a b``, ``../x``) is a 404, never a 500.
    """
    iri = publisher.resolve_key(key)
    if iri is None:
        raise NotFound("Dieses Projekt gibt es hier nicht.", "There is no such project here.")
    return iri


RECORD_OFFERS = ["application/json", *RDF_OFFERS, "text/html"]


def record_response(catalog: Catalog, views: RecordViews, identity: NodeIdentity, request: Request, iri: str,
                    include_network: bool) -> Response:
    """The record as JSON (with provenance) or RDF, by content negotiation; ETag per version."""
    stored = catalog.get_live(iri, include_network=include_network)
    etag = f'"v{stored.meta.version}-{stored.meta.content_hash[7:19]}"'
    media = pick_format(request, RECORD_OFFERS, "application/json")
    link = f'<{iri}>; rel="canonical", ' + alternates(identity.base_url + request.url.path, RECORD_OFFERS)
    headers = {"ETag": etag, "Cache-Control": "no-cache", "Vary": "Accept, Authorization", "Link": link}
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304, headers=headers)
    if media == "text/html":
        renderer = getattr(request.app.state, "project_page", None)
        if renderer is not None:
            page: Response = renderer(request, stored)
            page.headers.update({"Vary": "Accept, Authorization", "Link": link})
            return page
        media = "application/json"
    if media == "application/json":
        body = ProjectOut.model_validate(views.project_view(stored)).model_dump(mode="json")
        return JSONResponse(body, headers=headers)
    # the default graph, also in TriG/N-Quads: a client following the IRI (Comunica) looks there
    return rdf_response(stored.triples, media, headers=headers)


@router.get("/{key:path}", response_model=ProjectOut, responses=RECORD_ANSWERS)
def get_project(key: str, request: Request, publisher: PublisherDep, catalog: CatalogDep, views: ViewsDep, identity: IdentityDep,
                principal: PrincipalDep) -> Response:
    """Ein Projekt lesen (JSON, Turtle, JSON-LD, N-Triples, RDF/XML) / read one record."""
    return record_response(catalog, views, identity, request, resolve_record(publisher, key), principal.can_see_network)


# GET takes ``{key:path}``: a harvested record is read by its full IRI (percent-encoded, so with
# ``/`` once decoded). PUT and DELETE change local records only, whose keys never contain ``/``
# (``is_record_key``), so ``{key}``: ``PUT /api/projects/x/similar`` is then a 405, not a 401.
@router.put("/{key}", response_model=WriteResult, openapi_extra=_BODY_DOC)
async def replace_project(key: str, request: Request, publisher: PublisherDep, catalog: CatalogDep, views: ViewsDep,
                          principal: PrincipalDep) -> JSONResponse:
    """Ein Projekt ersetzen (neue Version) / replace a record with a new version. ``If-Match`` guards against lost updates."""
    principal.require_publisher()
    iri = resolve_record(publisher, key)
    expected = _expected_version(request)
    await run_in_threadpool(publisher.authorize_change, principal, iri)
    graph = await _graph_from_request(publisher, request, iri)
    published = await run_in_threadpool(lambda: publisher.publish(principal, graph, expected_version=expected, create=False))
    result = _write_result(catalog, views, published)
    return JSONResponse(result, headers={"ETag": f'"v{result["version"]}"'})


@router.delete("/{key}", response_model=WriteResult)
def withdraw_project(key: str, request: Request, publisher: PublisherDep, views: ViewsDep, principal: PrincipalDep) -> dict[str, Any]:
    """Ein Projekt zurückziehen (Tombstone, wird an alle Knoten weitergegeben) / withdraw a record."""
    iri = resolve_record(publisher, key)
    event = publisher.withdraw(principal, iri, expected_version=_expected_version(request))
    return {"id": iri, "key": views.key_of(iri), "version": event.version, "changed": True, "deleted": True, "warnings": []}
