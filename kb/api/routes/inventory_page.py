"""The Bestandsaufnahme page: figures, a dot map drawn from the register's coordinates (SVG, no
map tiles), the coverage matrix, potentials and digitalisation priorities, all downloadable.

It counts public records only, also for signed-in members, unless a member ticks "auch Einträge
mitzählen, die nur Netzwerkmitglieder sehen" (``includeNetwork=true``); the page says which above
the figures. Someone not signed in who follows such a link (shared, or after signing out) gets the
public figures and a note with a way to sign in, not an error page. Its download links go to ``/api/inventory/...``; for the members-only figures they go to
``/bestandsaufnahme/daten/...`` instead, since the API takes bearer tokens, not the sign-in cookie.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from kb.api.deps import InventoryDep, PrincipalDep
from kb.api.filter_params import Regierungsbezirk, State, TaskAreas
from kb.api.routes.inventory import FIGURES, Format, figure_response, include_network, inventory_potentials
from kb.api.routes.pages import web_of
from kb.errors import InvalidRecord, NotFound
from kb.inventory import Inventory, Scope, charts, maps
from kb.inventory import schemas as s
from kb.ontology.text import fold

router = APIRouter(include_in_schema=False)

NetworkAsked = Annotated[bool, Query(alias="includeNetwork")]
Land = Annotated[str | None, Query(max_length=200, description="Bundesland (wie state).")]
Kreis = Annotated[str | None, Query(max_length=200)]
ShowProjects = Annotated[bool, Query(alias="projekte")]
MAX_PROJECT_MARKERS = 400
"""Most projects drawn on the map (the largest scopes have more; the search lists them all)."""


def inventory_context(inv: Inventory, scope: Scope, include: bool, page_link: Callable[[str], str] | None = None) -> dict[str, Any]:
    """Figures, charts and maps of one scope: what the page and the report (PDF, DOCX) show alike."""
    overview = inv.overview(scope, include_network=include)
    task_areas = inv.task_areas(scope, include_network=include)
    legal_forms = inv.legal_forms(scope, include_network=include)
    kreise = inv.kreise(scope, include_network=include)
    municipalities = inv.municipalities(scope, include_network=include)
    projects: list[tuple[str, str, list[str]]] = []
    if page_link is not None:
        records = inv.snapshot().view(include, scope.task_areas).in_scope(scope)
        projects = [(page_link(r.iri), r.title, sorted(r.ags)) for r in records if r.ags][:MAX_PROJECT_MARKERS]
    stamp = inv.data_time(overview.scope.seq)
    return {
        "data_date": german_time(stamp) if stamp else "noch keine Einträge",
        "overview": overview,
        "task_areas": task_areas,
        "legal_forms": legal_forms,
        "kreise": kreise,
        "kreise_sorted": sorted(kreise.items, key=lambda k: k.label or k.name),
        "kreis_labels": inv.figures.kreis_labels,
        "matrix": inv.matrix(scope, include_network=include),
        "potentials": inv.potentials(scope, include_network=include, limit=5),
        "priorities": inv.priorities(scope, include_network=include),
        "legend": municipalities.legend,
        "map_levels": maps.legend_levels(municipalities.legend),
        "map_shares": maps.legend_shares(),
        "chart_legend": charts.legend(),
        "municipality_map": Markup(maps.municipality_map(municipalities, kreise, projects=projects)),
        "kreis_map": Markup(maps.kreis_map(municipalities, kreise)),
        "charts": {
            "task_areas": Markup(charts.task_area_chart(task_areas)),
            "legal_forms": Markup(charts.legal_form_chart(legal_forms)),
            "trend": Markup(charts.trend_chart(overview)),
            "ssc": Markup(charts.ssc_chart(task_areas)),
        },
        "matrix_level": matrix_level,
        "show_projects": bool(projects),
    }


INLINE = 1000
"""Most municipalities listed on the Bestandsaufnahme page itself (more: the pages of ``/bestandsaufnahme/gemeinden``,
``kb/api/routes/inventory_list.py``)."""
PAGE_SIZE = 1000
MAX_PAGE = 50
"""More pages than the register fills (about 11 of 1,000)."""


def municipality_rows(inv: Inventory, points: s.MunicipalitiesOut) -> list[dict[str, Any]]:
    """The map's municipalities as table rows, by name (German order: Ä with A)."""
    labels = inv.figures.kreis_labels
    rows: list[dict[str, Any]] = [{"ags": m.ags, "name": m.name, "kreis": labels.get(m.kreis, m.kreis), "population": m.population, "count": m.count,
             "active": m.active} for m in points.items]
    rows.sort(key=lambda r: (fold(str(r["name"])), str(r["kreis"]), str(r["ags"])))
    return rows


def list_pages(rows: list[dict[str, Any]], query: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """The pages of the list: their address and the names they run from and to."""
    out = []
    for start in range(0, len(rows), PAGE_SIZE):
        chunk = rows[start:start + PAGE_SIZE]
        number = start // PAGE_SIZE + 1
        out.append({"number": number, "first": chunk[0]["name"], "last": chunk[-1]["name"],
                    "url": "/bestandsaufnahme/gemeinden?" + urlencode([*query, ("seite", str(number))])})
    return out


def inline_list(inv: Inventory, points: s.MunicipalitiesOut, query: list[tuple[str, str]]) -> dict[str, Any]:
    """What the Bestandsaufnahme page shows of the list: every row, or (above ``INLINE``) links to its pages."""
    rows = municipality_rows(inv, points)
    if len(rows) <= INLINE:
        return {"rows": rows, "total": len(rows), "pages": []}
    return {"rows": [], "total": len(rows), "pages": list_pages(rows, query)}



def german_time(stamp: str) -> str:
    """ISO timestamp → "7.12.2026, 04:31 Uhr (UTC)" (the log's timestamps are UTC)."""
    day, _, rest = stamp.partition("T")
    try:
        y, m, d = day.split("-")
        text = f"{int(d)}.{int(m)}.{y}"
    except ValueError:
        return stamp
    return text + (f", {rest[:5]} Uhr (UTC)" if len(rest) >= 5 else "")


def matrix_level(n: int) -> int:
    """Colour class of a matrix cell (kb.css ``.matrix td.cN``: every class has at least 4.5:1 text contrast)."""
    return 0 if n == 0 else (1 if n == 1 else (2 if n == 2 else (3 if n <= 4 else 4)))


Params = list[tuple[str, str]]


def selection(state: str | None, rb: str | None, kreis: str | None, areas: tuple[str, ...] = (), land: str = "state") -> Params:
    """The page's selection as query parameters (``land`` names the Land's parameter: the report's links say ``land``)."""
    return [(k, v) for k, v in ((land, state), ("regierungsbezirk", rb), ("kreis", kreis)) if v] + [("taskArea", a) for a in areas]


def _downloads(state: str | None, rb: str | None, include: bool, kreis: str | None = None, areas: tuple[str, ...] = ()) -> Any:
    """``download(name, format)``: the address of a figure's CSV or JSON for the page's links."""
    chosen = selection(state, rb, kreis, areas)

    def download(name: str, fmt: str = "csv") -> str:
        params = [*([("format", "csv")] if fmt == "csv" else []), *chosen]
        if include:
            path = f"/bestandsaufnahme/daten/{name}"
            params.append(("includeNetwork", "true"))
        else:
            path = "/api/inventory" + ("" if name == "overview" else f"/{name}")
        return path + (f"?{urlencode(params)}" if params else "")

    return download


def _signin_next(state: str | None, rb: str | None, kreis: str | None = None, areas: tuple[str, ...] = ()) -> str:
    """Where the sign-in returns to: this page with the members' figures."""
    params = [*selection(state, rb, kreis, areas), ("includeNetwork", "true")]
    return "/anmelden?" + urlencode({"weiter": "/bestandsaufnahme?" + urlencode(params)})


def report_links(state: str | None, rb: str | None, kreis: str | None, include: bool, areas: tuple[str, ...] = ()) -> dict[str, str]:
    """Addresses of the report (PDF, DOCX) for the page's filters."""
    params = selection(state, rb, kreis, areas, land="land")
    if include:
        params.append(("includeNetwork", "true"))
    query = f"?{urlencode(params)}" if params else ""
    return {"pdf": f"/bestandsaufnahme/bericht.pdf{query}", "docx": f"/bestandsaufnahme/bericht.docx{query}"}


@router.get("/bestandsaufnahme", response_class=HTMLResponse)
def inventory_page(request: Request, inv: InventoryDep, principal: PrincipalDep, state: State = None,
                   regierungsbezirk: Regierungsbezirk = None, asked: NetworkAsked = False, land: Land = None, kreis: Kreis = None,
                   show_projects: ShowProjects = False, task_areas: TaskAreas = None) -> Response:
    web = web_of(request)
    state = state or land or None
    rb = regierungsbezirk or None
    kreis = kreis or None
    given_areas = tuple(a for a in task_areas or () if a)
    if kreis and not state and (found := inv.register.kreise.get(kreis)) is not None:
        state = found.land_code  # so that the form shows the Kreis chosen on the map or in the table
    network_refused = asked and not principal.can_see_network
    include = include_network(principal, asked and principal.can_see_network)
    regions = inv.regions()
    common = {"regions": regions, "state": state, "rb": rb, "kreis": kreis, "member": principal.can_see_network, "include_network": include,
              "network_refused": network_refused, "projects_link": _url_with_projects(request, not show_projects),
              "projects_shown": show_projects, "kreis_labels": inv.figures.kreis_labels, "task_area_choices": list(inv.vocabularies["taskArea"]),
              "chosen_areas": given_areas, "area_query": urlencode([("taskArea", a) for a in given_areas])}
    try:
        scope = inv.resolve_scope(state=state, regierungsbezirk=rb, kreis=kreis, task_areas=given_areas)
    except InvalidRecord as exc:
        return web.render(request, "inventory.html", status=422, title="Bestandsaufnahme", errors=[v.message for v in exc.violations],
                          **common)
    areas = scope.task_areas
    common.update({"chosen_areas": areas, "area_query": urlencode([("taskArea", a) for a in areas]),
                   "signin_next": _signin_next(state, rb, kreis, areas), "download": _downloads(state, rb, include, kreis, areas),
                   "report": report_links(state, rb, kreis, include, areas)})
    context = inventory_context(inv, scope, include, web.page_link if show_projects else None)
    list_query = selection(state, rb, kreis, areas) + ([("includeNetwork", "true")] if include else [])
    context["municipality_list"] = inline_list(inv, inv.municipalities(scope, include_network=include), list_query)
    return web.render(request, "inventory.html", title="Bestandsaufnahme", errors=[], in_report=False, **{**common, **context})


def _url_with_projects(request: Request, show: bool) -> str:
    params = [(k, v) for k, v in request.query_params.multi_items() if k != "projekte"]
    if show:
        params.append(("projekte", "true"))
    return "/bestandsaufnahme" + (f"?{urlencode(params)}" if params else "") + "#karte"


@router.get("/bestandsaufnahme/daten/{name}")
def inventory_download(request: Request, inv: InventoryDep, principal: PrincipalDep, name: str, state: State = None,
                       regierungsbezirk: Regierungsbezirk = None, kreis: Kreis = None, asked: NetworkAsked = False, format: Format = None,
                       task_areas: TaskAreas = None) -> Response:
    """The page's figures as CSV or JSON for a signed-in member (the same answers as ``/api/inventory/...``)."""
    include = include_network(principal, asked)
    scope = inv.resolve_scope(state=state or None, regierungsbezirk=regierungsbezirk or None, kreis=kreis or None,
                              task_areas=[a for a in task_areas or () if a])
    if name == "potentials":
        return inventory_potentials(request, inv, scope, include, format=format)
    if name not in FIGURES:
        raise NotFound("Diese Auswertung gibt es nicht.", "There is no such figure.")
    return figure_response(request, inv, name, scope, include, format)
