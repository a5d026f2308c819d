"""The web interface for municipal staff: start, search, projects, municipalities, network.

Handlers stay thin: the data comes from the core (catalogue, search, inventory, federation);
this module only shapes it for the templates in ``kb/api/templates``.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from kb.api.deps import FederationDep, InventoryDep, NodeDep, OptionalSearchDep, PrincipalDep, get_node
from kb.api.filter_params import SEARCH_FILTERS, resolve_for
from kb.api.web import Web
from kb.errors import InvalidRecord, KbError, NotFound
from kb.node import Node
from kb.ontology.filters import Filters
from kb.ontology.records import BOERSE_TYPES, RECORD_TYPE_LABELS, RECORD_TYPE_NAMES
from kb.store.model import ListQuery, StoredRecord

router = APIRouter(include_in_schema=False)

PAGE_SIZE = 10
FACET_TITLES = {
    "taskArea": "Aufgabenbereich",
    "legalForm": "Rechtsform",
    "state": "Bundesland",
    "regierungsbezirk": "Regierungsbezirk",
    "kreis": "Kreis",
    "status": "Status",
    "funding": "Förderung",
    "origin": "Veröffentlicht von",
    "type": "Art",
}
FACET_SCHEMES = {"taskArea": "taskArea", "legalForm": "legalForm", "state": "state", "status": "status"}
FILTER_PARAMS = SEARCH_FILTERS


def web_of(request: Request) -> Web:
    return request.app.state.web  # type: ignore[no-any-return]


def card(node: Node, iri: str, summary: dict[str, Any] | None = None) -> dict[str, Any] | None:
    """What a list entry shows about a record, from its stored summary."""
    summary = summary or node.catalog.summary(iri)
    meta = node.catalog.meta(iri)
    if summary is None or meta is None or meta.deleted:
        return None
    vocab = node.vocabularies

    def label(scheme: str, code: str | None) -> str | None:
        if not code:
            return None
        c = vocab[scheme].get(code)
        return c.label() if c else code

    return {
        "id": iri,
        "title": summary["title"],
        "typeLabel": RECORD_TYPE_LABELS.get(summary.get("type", "project"), ("", ""))[0],
        "participantNames": summary.get("participantNames", []),
        "stateLabel": label("state", summary.get("state")),
        "legalFormLabel": label("legalForm", summary.get("legalForm")),
        "statusLabel": label("status", summary.get("status")),
        "taskAreaLabels": [label("taskArea", c) for c in summary.get("taskAreas", [])],
        "illustrative": summary.get("illustrative", False),
        "originName": node.node_name(meta.origin) or meta.origin,
        "local": meta.local,
        "modified": meta.modified,
        "receivedAt": meta.received_at,
    }


TEASER_CHARS = 220
"""How much of the description a result card shows when the search has no snippet of its own."""


def with_teaser(node: Node, entry: dict[str, Any]) -> dict[str, Any]:
    """The card with the start of the record's description as its snippet (listings, empty queries)."""
    if entry.get("snippet"):
        return entry
    try:
        text = str(node.project_view(node.catalog.get_live(entry["id"], include_network=True)).get("description") or "")
    except KbError:
        return entry
    if len(text) > TEASER_CHARS:
        text = text[:TEASER_CHARS].rsplit(" ", 1)[0] + " …"
    entry["snippet"] = [(text, False)] if text else None
    return entry


def _recent(node: Node, *, local: bool, include_network: bool, limit: int = 6) -> list[dict[str, Any]]:
    return [c for iri in node.catalog.recent(local=local, limit=limit, include_network=include_network) if (c := card(node, iri))]


@router.get("/", response_class=HTMLResponse)
def start(request: Request, node: NodeDep, inv: InventoryDep, principal: PrincipalDep) -> Response:
    web = web_of(request)
    include = principal.can_see_network
    totals = inv.overview(include_network=include).totals
    stats = {
        "projects": totals.projects,
        "ssc": totals.sharedServiceCenters,
        "smartCity": totals.smartCityInitiatives,
        "municipalities": totals.municipalitiesCooperating,
        "nodes": len(set(node.catalog.count_by_origin(include_network=include)) | {node.iri}),
    }
    return web.render(request, "start.html", title="Startseite", stats=stats,
                      recent_local=_recent(node, local=True, include_network=include),
                      recent_harvested=_recent(node, local=False, include_network=include))


@router.get("/suche", response_class=HTMLResponse)
def search_page(
    request: Request,
    node: NodeDep,
    svc: OptionalSearchDep,
    principal: PrincipalDep,
    q: Annotated[str, Query(max_length=2000)] = "",
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> Response:
    web = web_of(request)
    given = {name: request.query_params.get(name) or None for name in FILTER_PARAMS}
    context: dict[str, Any] = {"q": q, "offset": offset, "given": given, "facet_titles": FACET_TITLES,
                               "active": [(name, facet_label(node, name, value)) for name, value in given.items() if value],
                               "results": [], "total": 0, "facets": {}, "notes": [], "expansion": [], "errors": [], "page_size": PAGE_SIZE}
    try:
        resolved = resolve_for(node, given)
    except InvalidRecord as exc:
        context["errors"] = [v.message for v in exc.violations]
        return web.render(request, "results.html", status=422, title="Suche", **context)
    if svc is None:
        context["notes"].append("Die Volltextsuche ist auf diesem Knoten abgeschaltet; gezeigt wird die Liste aller Projekte.")
        return _listing_fallback(request, node, principal, web, context, resolved)
    if not q.strip():
        result = svc.browse(limit=PAGE_SIZE, offset=offset, filters=resolved, include_network=principal.can_see_network)
    else:
        result = svc.search(q, limit=PAGE_SIZE, offset=offset, filters=resolved, include_network=principal.can_see_network)
    hits = []
    for hit in result.results:
        c = card(node, hit.id)
        if c:
            c["why"] = _why_text(node, hit.why)
            c["relevance"] = round(hit.relevance * 100) if q.strip() else None
            c["snippet"] = hit.snippet.parts() if hit.snippet else None
            hits.append(with_teaser(node, c))
    facets = {name: _facet_entries(node, name, counts) for name, counts in result.facets.items() if counts}
    context.update(results=hits, total=result.total, facets=facets, notes=result.notes,
                   expansion=[e for e in result.expansion if e.get("kind") != "correction"], suggestion=result.suggestion)
    if not hits and q.strip():
        context["suggestions"] = _broader(node, q)
    return web.render(request, "results.html", title=f"Suche: {q}" if q else "Alle Projekte", **context)


def _listing_fallback(request: Request, node: Node, principal: Any, web: Web, context: dict[str, Any], filters: Filters) -> Response:
    page = node.catalog.list_records(ListQuery(filters, include_network=principal.can_see_network,
                                               offset=context["offset"], limit=PAGE_SIZE))
    context.update(results=[with_teaser(node, c) for i in page.items if (c := card(node, i.iri))], total=page.total)
    return web.render(request, "results.html", title="Alle Projekte", **context)


def _why_text(node: Node, why: dict[str, Any]) -> str:
    parts = []
    if why.get("terms"):
        parts.append("Suchwörter: " + ", ".join(why["terms"][:6]))
    if why.get("concepts"):
        parts.append("Aufgabenbereich/Rechtsform: " + ", ".join(c["label"] for c in why["concepts"]))
    if why.get("sharedTaskAreas"):
        parts.append("Gleicher Aufgabenbereich: " + ", ".join(node.vocabularies.label(concept.iri) for c in why["sharedTaskAreas"]
                                                            if (concept := node.vocabularies["taskArea"].get(c))))
    if why.get("semantic") is not None and why["semantic"] > 0.3:
        parts.append("inhaltlich ähnlich")
    return " · ".join(parts)


OBSOLETE_REGION = "früher:"
"""How the register marks a Regierungsbezirk that no longer exists (Sachsen's Direktionsbezirke): not offered as a filter."""


def facet_label(node: Node, name: str, value: str) -> str:
    """A filter value by name, as facets and active-filter chips show it (never a bare code)."""
    if name in FACET_SCHEMES:
        concept = node.vocabularies[FACET_SCHEMES[name]].get(value)
        return concept.label() if concept else value
    if name == "kreis":
        kreis = node.register.kreise.get(value)
        return kreis.name if kreis else value
    if name == "regierungsbezirk":
        rb = node.register.regierungsbezirke.get(value)
        return rb.removeprefix(OBSOLETE_REGION).strip() if rb else _state_name(node, value)
    if name == "origin":
        return node.node_name(value) or value
    if name == "type":
        return RECORD_TYPE_LABELS.get(value, (value, value))[0]
    if name == "funding":
        return {"yes": "mit Förderung", "no": "ohne Angabe zur Förderung"}.get(value, value)
    return value


def _facet_entries(node: Node, name: str, counts: dict[str, int]) -> list[dict[str, Any]]:
    entries: list[dict[str, Any]] = []
    for value, count in counts.items():
        if name == "regierungsbezirk" and (node.register.regierungsbezirke.get(value) or "").startswith(OBSOLETE_REGION):
            continue  # the region was abolished: its records stay findable by Land and Kreis
        entries.append({"value": value, "label": facet_label(node, name, value), "count": count})
    entries.sort(key=lambda e: (-int(e["count"]), str(e["label"])))
    return entries[:12] if name in ("kreis", "origin") else entries


def _state_name(node: Node, rb_key: str) -> str:
    """Länder without Regierungsbezirke: name the Land instead of showing a bare key."""
    for concept in node.vocabularies["state"]:
        if rb_key[:2] in concept.notations:
            return f"{concept.label()} (ohne Regierungsbezirke)"
    return rb_key


def _broader(node: Node, q: str) -> list[dict[str, str]]:
    """When nothing matches: shorter queries and task areas named in the query."""
    words = [w for w in q.split() if len(w) > 3]
    out = [{"label": w, "url": f"/suche?q={w}"} for w in words[:3]] if len(words) > 1 else []
    for word in q.split():
        for concept in node.vocabularies["taskArea"].concepts_for(word):
            out.append({"label": f"alle Projekte im Aufgabenbereich {concept.label()}", "url": f"/suche?taskArea={concept.code}"})
    out.append({"label": "alle Projekte ansehen", "url": "/suche"})
    return out


# ---------------------------------------------------------------------- project pages


def project_page(request: Request, stored: StoredRecord) -> Response:
    """The HTML view of a record (hooked into the record IRI's content negotiation)."""
    if RECORD_TYPE_NAMES.get(stored.meta.record_type) in BOERSE_TYPES:  # a request or offer: its page shows the matches
        from kb.api.routes.boerse_page import entry_page

        return entry_page(request, stored)
    web = web_of(request)
    node = get_node(request)
    view = node.project_view(stored)
    principal = request.state.principal if hasattr(request.state, "principal") else None
    include = bool(principal and principal.can_see_network)
    similar: list[dict[str, Any]] = []
    svc = node.search
    if svc is not None:
        try:
            result = svc.similar(stored.meta.iri, limit=5, include_network=include)
            for hit in result.results:
                c = card(node, hit.id)
                if c:
                    c["why"] = _why_text(node, hit.why)
                    c["relevance"] = round(hit.relevance * 100)
                    similar.append(c)
        except NotFound:
            similar = []
    key = node.key_of(stored.meta.iri)
    session = web.sessions.get(request)
    may_edit = bool(key and session and stored.meta.local and principal is not None and _may_change(node, principal, stored.meta.iri))
    return web.render(request, "project.html", title=view["title"], p=view, similar=similar, key=key, may_edit=may_edit,
                      type_label=RECORD_TYPE_LABELS.get(view["type"], ("", ""))[0],
                      rdf_base=stored.meta.iri if key else f"/api/projects/{_quote(stored.meta.iri)}")


def _may_change(node: Node, principal: Any, iri: str) -> bool:
    """Whether the signed-in user may edit this record: "Bearbeiten" is offered only then (not to end in a 403)."""
    try:
        node.publisher.authorize_change(principal, iri)
    except KbError:
        return False
    return True


def _quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


@router.get("/projekt", response_class=HTMLResponse)
def harvested_project(request: Request, node: NodeDep, principal: PrincipalDep, iri: str = "") -> Response:
    """Any record this node holds, by IRI (harvested records live under other nodes' addresses)."""
    if not iri.startswith(("http://", "https://")):
        raise NotFound("Dieses Projekt gibt es hier nicht.", "There is no such project here.")
    key = node.key_of(iri)
    if key:
        return RedirectResponse(f"/projects/{key}", status_code=303)
    stored = node.catalog.get_live(iri, include_network=principal.can_see_network)
    return project_page(request, stored)


# ---------------------------------------------------------------------- municipalities


@router.get("/gemeinde/{ags}", response_class=HTMLResponse)
def municipality_page(ags: str, request: Request, node: NodeDep, inv: InventoryDep, principal: PrincipalDep) -> Response:
    web = web_of(request)
    m = node.register.get(ags)
    if m is None:
        raise NotFound("Diese Gemeinde gibt es im Gemeindeverzeichnis nicht.", "No such municipality in the register.")
    data = inv.municipality(m.ags, include_network=principal.can_see_network)
    projects = [c for p in data.projects if (c := card(node, p.id))]
    return web.render(request, "municipality.html", title=m.short_name, m=m, data=data, projects=projects)


# ---------------------------------------------------------------------- network


@router.get("/netzwerk", response_class=HTMLResponse)
def network_page(request: Request, node: NodeDep, fed: FederationDep, principal: PrincipalDep) -> Response:
    web = web_of(request)
    peers = fed.status(full=principal.is_admin)
    quarantine = fed.quarantine() if principal.role != "anonymous" else []
    by_origin = node.catalog.count_by_origin(include_network=principal.can_see_network)
    known = []
    for origin, entry in fed.keyring.known().items():
        known.append({"id": origin, "name": entry.get("name") or origin, "records": by_origin.get(origin, 0),
                      "state": entry.get("state"), "operator": entry.get("operator"), "kind": entry.get("kind")})
    return web.render(request, "network.html", title="Netzwerk", peers=peers, quarantine=quarantine, known=known,
                      own_records=by_origin.get(node.iri, 0), signed_in_role=principal.role)


# ---------------------------------------------------------------------- SPARQL form


def sparql_page(request: Request) -> Response:
    web = web_of(request)
    example = ("SELECT ?projekt ?titel WHERE {\n  ?projekt a ikz:SharedServiceCenter ;\n           dcterms:title ?titel .\n}\nLIMIT 20")
    return web.render(request, "sparql.html", title="SPARQL-Abfrage", example=example)



@router.get("/hilfe", response_class=HTMLResponse)
def help_page(request: Request) -> Response:
    """Short answers to "Was bedeutet …?" for the words the pages cannot avoid (IRI, signature, origin, visibility)."""
    return web_of(request).render(request, "help.html", title="Hilfe: Was bedeutet …?")


@router.get("/favicon.ico")
def favicon() -> Response:
    """Browsers that ask for the old place get the SVG icon (no 404 in every log)."""
    return RedirectResponse("/static/favicon.svg", status_code=301)
