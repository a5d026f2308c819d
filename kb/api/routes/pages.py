"""The web interface for municipal staff: start, search, projects, municipalities, network.

Handlers stay thin: the data comes from the core (catalogue, search, inventory, federation);
this module only shapes it for the templates in ``kb/api/templates``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from kb.api import schema_org
from kb.api.cards import Cards, CardsDep, get_cards
from kb.api.deps import (
    CatalogDep,
    FederationDep,
    FundingDep,
    IdentityDep,
    InventoryDep,
    JoiningDep,
    OptionalSearchDep,
    PlacesDep,
    PrincipalDep,
    SettingsDep,
    ViewsDep,
    get_catalog,
    get_identity,
    get_optional_search,
    get_publisher,
    get_register,
    get_views,
    get_vocabularies,
)
from kb.api.filter_params import SEARCH_FILTERS, FilterResolverDep
from kb.api.schema_org import script_block
from kb.api.web import Web
from kb.auth import Principal
from kb.config import NODE_KINDS, Settings
from kb.errors import InvalidRecord, KbError, NotFound
from kb.federation import Federation
from kb.funding import NEAR_KM
from kb.ontology.filters import Filters
from kb.ontology.places import PlaceIndex
from kb.ontology.records import BOERSE_TYPES, RECORD_TYPE_LABELS, RECORD_TYPE_NAMES
from kb.ontology.vocabulary import Vocabularies
from kb.publishing import Publisher
from kb.store.catalog import Catalog
from kb.store.model import ListQuery, StoredRecord
from kb.views import NodeIdentity

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
    "programme": "Förderprogramm",
    "origin": "Veröffentlicht von",
    "type": "Art",
}
FILTER_PARAMS = SEARCH_FILTERS


def web_of(request: Request) -> Web:
    return request.app.state.web  # type: ignore[no-any-return]


@router.get("/", response_class=HTMLResponse)
def start(request: Request, catalog: CatalogDep, identity: IdentityDep, cards: CardsDep, inv: InventoryDep, fed: FederationDep,
          principal: PrincipalDep) -> Response:
    web = web_of(request)
    include = principal.can_see_network
    totals = inv.overview(include_network=include).totals
    stats = {
        "projects": totals.projects,
        "ssc": totals.sharedServiceCenters,
        "smartCity": totals.smartCityInitiatives,
        "municipalities": totals.municipalitiesCooperating,
        "nodes": len(set(catalog.count_by_origin(include_network=include)) | {identity.iri} | {n["id"] for n in fed.nodes()}),
    }
    return web.render(request, "start.html", title="Startseite", stats=stats,
                      recent_local=cards.recent(local=True, include_network=include),
                      recent_harvested=cards.recent(local=False, include_network=include))


@router.get("/suche", response_class=HTMLResponse)
def search_page(
    request: Request,
    catalog: CatalogDep,
    cards: CardsDep,
    places: PlacesDep,
    resolve: FilterResolverDep,
    svc: OptionalSearchDep,
    principal: PrincipalDep,
    q: Annotated[str, Query(max_length=2000)] = "",
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> Response:
    web = web_of(request)
    given = {name: request.query_params.get(name) or None for name in FILTER_PARAMS}
    context: dict[str, Any] = {"q": q, "offset": offset, "given": given, "facet_titles": FACET_TITLES,
                               "active": [(name, cards.facet_label(name, value)) for name, value in given.items() if value],
                               "results": [], "total": 0, "facets": {}, "notes": [], "expansion": [], "errors": [], "page_size": PAGE_SIZE,
                               "places": places.mentioned(q) if q.strip() and offset == 0 else []}
    try:
        resolved = resolve(given)
    except InvalidRecord as exc:
        context["errors"] = [v.message for v in exc.violations]
        return web.render(request, "results.html", status=422, title="Suche", **context)
    if svc is None:
        context["notes"].append("Die Volltextsuche ist auf diesem Knoten abgeschaltet; gezeigt wird die Liste aller Projekte.")
        return _listing_fallback(request, catalog, cards, principal, web, context, resolved)
    if not q.strip():
        result = svc.browse(limit=PAGE_SIZE, offset=offset, filters=resolved, include_network=principal.can_see_network)
    else:
        result = svc.search(q, limit=PAGE_SIZE, offset=offset, filters=resolved, include_network=principal.can_see_network)
    hits = []
    for hit in result.results:
        c = cards.card(hit.id)
        if c:
            c["why"] = cards.why_text(hit.why)
            c["relevance"] = round(hit.relevance * 100) if q.strip() else None
            c["snippet"] = hit.snippet.parts() if hit.snippet else None
            hits.append(cards.with_teaser(c))
    facets = {name: cards.facet_entries(name, counts) for name, counts in result.facets.items() if counts}
    context.update(results=hits, total=result.total, facets=facets, notes=result.notes,
                   expansion=[e for e in result.expansion if e.get("kind") != "correction"], suggestion=result.suggestion)
    if not hits and q.strip():
        context["suggestions"] = _broader(cards.vocabularies, q)

    return web.render(request, "results.html", title=f"Suche: {q}" if q else "Alle Projekte", **context)


def _listing_fallback(request: Request, catalog: Catalog, cards: Cards, principal: Principal, web: Web, context: dict[str, Any],
                      filters: Filters) -> Response:
    page = catalog.list_records(ListQuery(filters, include_network=principal.can_see_network, offset=context["offset"], limit=PAGE_SIZE))
    context.update(results=[cards.with_teaser(c) for i in page.items if (c := cards.card(i.iri))], total=page.total)
    return web.render(request, "results.html", title="Alle Projekte", **context)


def _broader(vocabularies: Vocabularies, q: str) -> list[dict[str, str]]:
    """When nothing matches: shorter queries and task areas named in the query."""
    words = [w for w in q.split() if len(w) > 3]
    out = [{"label": w, "url": f"/suche?q={w}"} for w in words[:3]] if len(words) > 1 else []
    for word in q.split():
        for concept in vocabularies["taskArea"].concepts_for(word):
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
    views, identity = get_views(request), get_identity(request)
    cards = get_cards(get_catalog(request), get_vocabularies(request), get_register(request), views)
    view = views.project_view(stored)
    principal = request.state.principal if hasattr(request.state, "principal") else None
    include = bool(principal and principal.can_see_network)
    similar: list[dict[str, Any]] = []
    svc = get_optional_search(request)
    if svc is not None:
        try:
            result = svc.similar(stored.meta.iri, limit=5, include_network=include)
            for hit in result.results:
                c = cards.card(hit.id)
                if c:
                    c["why"] = cards.why_text(hit.why)
                    c["relevance"] = round(hit.relevance * 100)
                    similar.append(c)
        except NotFound:
            similar = []
    key = views.key_of(stored.meta.iri)
    session = web.sessions.get(request)
    may_edit = bool(key and session and stored.meta.local and principal is not None
                    and _may_change(get_publisher(request), principal, stored.meta.iri))
    page_url = identity.base_url + web.page_link(stored.meta.iri)
    structured = script_block(schema_org.project(view, page_url, cards.register, identity.base_url))
    return web.render(request, "project.html", title=view["title"], p=view, similar=similar, key=key, may_edit=may_edit,
                      description=view.get("description") or None, canonical=view["id"], structured_data=structured,
                      type_label=RECORD_TYPE_LABELS.get(view["type"], ("", ""))[0],
                      rdf_base=stored.meta.iri if key else f"/api/projects/{_quote(stored.meta.iri)}")


def _may_change(publisher: Publisher, principal: Principal, iri: str) -> bool:
    """Whether the signed-in user may edit this record: "Bearbeiten" is offered only then (not to end in a 403)."""
    try:
        publisher.authorize_change(principal, iri)
    except KbError:
        return False
    return True


def _quote(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


@router.get("/projekt", response_class=HTMLResponse)
def harvested_project(request: Request, catalog: CatalogDep, views: ViewsDep, principal: PrincipalDep, iri: str = "") -> Response:
    """Any record this node holds, by IRI (harvested records live under other nodes' addresses)."""
    if not iri.startswith(("http://", "https://")):
        raise NotFound("Dieses Projekt gibt es hier nicht.", "There is no such project here.")
    key = views.key_of(iri)
    if key:
        return RedirectResponse(f"/projects/{key}", status_code=303)
    stored = catalog.get_live(iri, include_network=principal.can_see_network)
    return project_page(request, stored)


# ---------------------------------------------------------------------- municipalities


@router.get("/gemeinde/{ags}", response_class=HTMLResponse)
def municipality_page(ags: str, request: Request, catalog: CatalogDep, cards: CardsDep, places: PlacesDep, funding: FundingDep,
                      identity: IdentityDep, settings: SettingsDep, inv: InventoryDep, principal: PrincipalDep) -> Response:
    """A municipality's page by AGS; by name it leads there (one match) or offers the choice."""
    web = web_of(request)
    m = cards.register.get(ags) if ags.isdigit() else None
    if m is None and not ags.isdigit():
        return _municipality_by_name(request, places, ags[:100])
    if m is None:
        raise NotFound("Diese Gemeinde gibt es im Gemeindeverzeichnis nicht.", "No such municipality in the register.")
    include = principal.can_see_network
    data = inv.municipality(m.ags, include_network=include)
    projects = [c for p in data.projects if (c := cards.card(p.id))]
    own = {p["id"] for p in projects}
    in_kreis = catalog.list_records(ListQuery(Filters(kreis=m.kreis_key), include_network=include, limit=8, sort="modified"))
    kreis_projects = [c for i in in_kreis.items if i.iri not in own and (c := cards.card(i.iri))][:6]
    nearby = funding.near(m, include_network=include)
    page_url = f"{identity.base_url}/gemeinde/{m.ags}"
    structured = script_block(schema_org.municipality(m, page_url, [(c["title"], identity.base_url + web.page_link(c["id"])) for c in projects]))
    counted = "ein Projekt" if len(projects) == 1 else f"{len(projects)} Projekte"
    description = f"{m.name} ({m.kreis_name}): {counted} der interkommunalen Zusammenarbeit im Wissensnetz {settings.name}."
    return web.render(request, "municipality.html", title=m.short_name, m=m, data=data, projects=projects,
                      kreis_projects=kreis_projects, kreis_total=in_kreis.total, funding=nearby, funding_km=int(NEAR_KM),
                      description=description, canonical=page_url, structured_data=structured)


def _municipality_by_name(request: Request, places: PlaceIndex, name: str) -> Response:
    named = [p for p in places.named(name) if p.kind == "gemeinde"]
    if len(named) == 1:
        return RedirectResponse(f"/gemeinde/{named[0].key}", status_code=303)
    if named:  # namesakes, and the towns whose name begins so ("Neustadt am Rübenberge")
        choice = [p for p in places.search(name, limit=30) if p.kind == "gemeinde"]
        return web_of(request).render(request, "municipality_choice.html", title=f"Gemeinden namens {name}", name=name,
                                      places=choice or named, exact=True)
    close = places.search(name, limit=10)
    return web_of(request).render(request, "municipality_choice.html", status=404, title="Gemeinde nicht gefunden", name=name,
                                  places=close, exact=False)


# ---------------------------------------------------------------------- network


@dataclass(frozen=True)
class NetworkView:
    """What the network page reads: the catalogue's counts, this node's identity and settings, the federation."""

    catalog: Catalog
    identity: NodeIdentity
    settings: Settings
    fed: Federation


def get_network_view(catalog: CatalogDep, identity: IdentityDep, settings: SettingsDep, fed: FederationDep) -> NetworkView:
    return NetworkView(catalog, identity, settings, fed)


NetworkViewDep = Annotated[NetworkView, Depends(get_network_view)]


@router.get("/netzwerk", response_class=HTMLResponse)
def network_page(request: Request, network: NetworkViewDep, principal: PrincipalDep,
                 art: Annotated[str, Query(max_length=40)] = "") -> Response:
    return _network(request, network, principal, art=art)


def _network(request: Request, network: NetworkView, principal: Principal, status: int = 200, art: str = "", **extra: Any) -> Response:
    """All nodes of the network this node knows (not only its direct peers), by kind if asked
    (``?art=smart-city``), the sync state of its peers, and for the admin the form to join a
    network and to invite nodes."""
    web = web_of(request)
    fed, own = network.fed, network.identity
    peers = fed.status(full=principal.is_admin)
    quarantine = fed.quarantine() if principal.role != "anonymous" else []
    by_origin = network.catalog.count_by_origin(include_network=principal.can_see_network)
    s = network.settings
    nodes = [{"id": own.iri, "url": own.base_url, "name": s.name, "operator": s.operator, "state": s.state, "kind": s.kind,
              "self": True, "peer": False, "records": by_origin.get(own.iri, 0)}]
    synced = {p["url"]: p["state"] for p in peers}
    nodes += [{**n, "self": False, "records": by_origin.get(n["id"], 0), "sync": synced.get(n["url"])} for n in fed.nodes()]
    count = len(nodes)
    kinds = {n.get("kind") for n in nodes} & set(NODE_KINDS)
    wanted = art if art in NODE_KINDS else None
    if wanted:
        nodes = [n for n in nodes if n.get("kind") == wanted]
        peers = [p for p in peers if p.get("kind") == wanted]
    return web.render(request, "network.html", status=status, title="Netzwerk", peers=peers, quarantine=quarantine, nodes=nodes,
                      node_count=count, own_records=by_origin.get(own.iri, 0), signed_in_role=principal.role,
                      kind_labels=NODE_KINDS, kinds=[k for k in NODE_KINDS if k in kinds], wanted_kind=wanted, **extra)


@router.post("/netzwerk/beitreten", response_class=HTMLResponse)
async def join_network(request: Request, network: NetworkViewDep, joining: JoiningDep, principal: PrincipalDep) -> Response:
    """The admin's one form to join a network: the other node's address and its invitation code."""
    from fastapi.concurrency import run_in_threadpool

    principal.require_admin()
    form = await request.form()
    url, code = str(form.get("url", "")).strip()[:2000], str(form.get("einladung", "")).strip()[:100]
    try:
        result = await run_in_threadpool(lambda: joining.join(url, invitation=code))
    except KbError as exc:
        return _network(request, network, principal, status=exc.status, join_error=exc.message, join_url=url)
    return _network(request, network, principal, joined=result["peer"].get("name") or url)


@router.post("/netzwerk/einladung", response_class=HTMLResponse)
async def invite_node(request: Request, network: NetworkViewDep, joining: JoiningDep, principal: PrincipalDep) -> Response:
    """The admin issues a one-time invitation code for a node that wants to join this one."""
    principal.require_admin()
    form = await request.form()
    code, inv = joining.invitations.create(str(form.get("fuer", "")).strip()[:200])
    return _network(request, network, principal, invitation={"code": code, "expires": inv.expires, "note": inv.note})


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
