"""The Bestandsaufnahme page: figures, a dot map drawn from the register's coordinates (SVG, no
map tiles), the coverage matrix, potentials and digitalisation priorities, all downloadable.

It counts public records only, also for signed-in members, unless a member ticks "auch Einträge
mitzählen, die nur Netzwerkmitglieder sehen" (``includeNetwork=true``); the page says which above
the figures. Someone not signed in who follows such a link (shared, or after signing out) gets the
public figures and a note with a way to sign in, not an error page. Its download links go to ``/api/inventory/...``; for the members-only figures they go to
``/bestandsaufnahme/daten/...`` instead, since the API takes bearer tokens, not the sign-in cookie.
"""

from __future__ import annotations

import math
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from kb.api.deps import NodeDep, PrincipalDep
from kb.api.routes.inventory import FIGURES, Format, figure_response, include_network, inventory_of, inventory_potentials
from kb.api.routes.pages import web_of
from kb.errors import InvalidRecord, NotFound
from kb.inventory.schemas import MunicipalitiesOut

router = APIRouter(include_in_schema=False)

MAP_WIDTH = 640
LEVEL_COLOURS = ["#d5d9de", "#a9cbeb", "#5f9ed6", "#2a74b8", "#0b4f8a", "#05264a"]
"""Colours of the dot map's levels; the legend uses the same ones from kb.css (``.dot.level-N``)."""
Region = Annotated[str | None, Query(max_length=200)]


def dot_map(data: MunicipalitiesOut) -> dict[str, Any]:
    """SVG geometry for the municipalities: one path of round dots per colour level."""
    box = data.bbox
    if box is None:  # no municipality of the scope has coordinates
        return {"width": MAP_WIDTH, "height": 20, "layers": []}
    lat0 = math.radians((box.minLat + box.maxLat) / 2)
    span_x = max((box.maxLon - box.minLon) * math.cos(lat0), 1e-6)
    span_y = max(box.maxLat - box.minLat, 1e-6)
    scale = (MAP_WIDTH - 20) / span_x
    height = int(span_y * scale) + 20
    items = data.items
    radius = 3.2 if len(items) < 800 else (2.2 if len(items) < 3000 else 1.4)
    paths: dict[int, list[str]] = {}
    for m in items:
        if m.lon is None or m.lat is None:
            continue
        x = 10 + (m.lon - box.minLon) * math.cos(lat0) * scale
        y = 10 + (box.maxLat - m.lat) * scale
        paths.setdefault(m.level, []).append(f"M{x:.1f} {y:.1f}h0")
    layers = [{"level": level, "colour": LEVEL_COLOURS[min(level, len(LEVEL_COLOURS) - 1)], "d": "".join(segs),
               "width": radius * (2 if level == 0 else 2.6)} for level, segs in sorted(paths.items())]
    return {"width": MAP_WIDTH, "height": height, "layers": layers}


def _downloads(state: str | None, rb: str | None, include: bool) -> Any:
    """``download(name, format)``: the address of a figure's CSV or JSON for the page's links."""
    region = {k: v for k, v in (("state", state), ("regierungsbezirk", rb)) if v}

    def download(name: str, fmt: str = "csv") -> str:
        params = {**({"format": "csv"} if fmt == "csv" else {}), **region}
        if include:
            path = f"/bestandsaufnahme/daten/{name}"
            params["includeNetwork"] = "true"
        else:
            path = "/api/inventory" + ("" if name == "overview" else f"/{name}")
        return path + (f"?{urlencode(params)}" if params else "")

    return download


def _signin_next(state: str | None, rb: str | None) -> str:
    """Where the sign-in returns to: this page with the members' figures."""
    params = {k: v for k, v in (("state", state), ("regierungsbezirk", rb)) if v}
    params["includeNetwork"] = "true"
    return "/anmelden?" + urlencode({"weiter": "/bestandsaufnahme?" + urlencode(params)})


@router.get("/bestandsaufnahme", response_class=HTMLResponse)
def inventory_page(request: Request, node: NodeDep, principal: PrincipalDep, state: Region = None, regierungsbezirk: Region = None,
                   includeNetwork: bool = False) -> Response:
    web = web_of(request)
    inv = inventory_of(node)
    state = state or None
    rb = regierungsbezirk or None
    network_refused = includeNetwork and not principal.can_see_network
    include = include_network(principal, includeNetwork and principal.can_see_network)
    regions = inv.regions()
    common = {"regions": regions, "state": state, "rb": rb, "member": principal.can_see_network, "include_network": include,
              "network_refused": network_refused, "signin_next": _signin_next(state, rb), "download": _downloads(state, rb, include)}
    try:
        scope = inv.resolve_scope(state=state, regierungsbezirk=rb)
    except InvalidRecord as exc:
        return web.render(request, "inventory.html", status=422, title="Bestandsaufnahme", errors=[v.message for v in exc.violations],
                          **common)
    overview = inv.overview(scope, include_network=include)
    municipalities = inv.municipalities(scope, include_network=include)
    return web.render(
        request,
        "inventory.html",
        title="Bestandsaufnahme",
        errors=[],
        **common,
        overview=overview,
        task_areas=inv.task_areas(scope, include_network=include),
        legal_forms=inv.legal_forms(scope, include_network=include),
        kreise=inv.kreise(scope, include_network=include),
        matrix=inv.matrix(scope, include_network=include),
        potentials=inv.potentials(scope, include_network=include, limit=5),
        priorities=inv.priorities(scope, include_network=include),
        legend=municipalities.legend,
        map=dot_map(municipalities),
        colours=LEVEL_COLOURS,
    )


@router.get("/bestandsaufnahme/daten/{name}")
def inventory_download(request: Request, node: NodeDep, principal: PrincipalDep, name: str, state: Region = None,
                       regierungsbezirk: Region = None, includeNetwork: bool = False, format: Format = None) -> Response:
    """The page's figures as CSV or JSON for a signed-in member (the same answers as ``/api/inventory/...``)."""
    include = include_network(principal, includeNetwork)
    scope = inventory_of(node).resolve_scope(state=state or None, regierungsbezirk=regierungsbezirk or None)
    if name == "potentials":
        return inventory_potentials(request, node, scope, include, format=format)
    if name not in FIGURES:
        raise NotFound("Diese Auswertung gibt es nicht.", "There is no such figure.")
    return figure_response(request, node, name, scope, include, format)
