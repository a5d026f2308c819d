"""The Bestandsaufnahme page: figures, a dot map drawn from the register's coordinates (SVG, no
map tiles), the coverage matrix, potentials and digitalisation priorities, all downloadable."""

from __future__ import annotations

import math
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from kb.api.deps import NodeDep, PrincipalDep
from kb.api.routes.inventory import inventory_of
from kb.api.routes.pages import web_of
from kb.errors import InvalidRecord

router = APIRouter(include_in_schema=False)

MAP_WIDTH = 640
LEVEL_COLOURS = ["#d5d9de", "#a9cbeb", "#5f9ed6", "#2a74b8", "#0b4f8a", "#05264a"]


def dot_map(data: dict[str, Any]) -> dict[str, Any]:
    """SVG geometry for the municipalities: one path of round dots per colour level."""
    box = data["bbox"]
    lat0 = math.radians((box["minLat"] + box["maxLat"]) / 2)
    span_x = max((box["maxLon"] - box["minLon"]) * math.cos(lat0), 1e-6)
    span_y = max(box["maxLat"] - box["minLat"], 1e-6)
    scale = (MAP_WIDTH - 20) / span_x
    height = int(span_y * scale) + 20
    items = data["items"]
    radius = 3.2 if len(items) < 800 else (2.2 if len(items) < 3000 else 1.4)
    paths: dict[int, list[str]] = {}
    for m in items:
        if m.get("lon") is None or m.get("lat") is None:
            continue
        x = 10 + (m["lon"] - box["minLon"]) * math.cos(lat0) * scale
        y = 10 + (box["maxLat"] - m["lat"]) * scale
        paths.setdefault(m["level"], []).append(f"M{x:.1f} {y:.1f}h0")
    layers = [{"level": level, "colour": LEVEL_COLOURS[min(level, len(LEVEL_COLOURS) - 1)], "d": "".join(segs),
               "width": radius * (2 if level == 0 else 2.6)} for level, segs in sorted(paths.items())]
    return {"width": MAP_WIDTH, "height": height, "layers": layers}


@router.get("/bestandsaufnahme", response_class=HTMLResponse)
def inventory_page(request: Request, node: NodeDep, principal: PrincipalDep) -> Response:
    web = web_of(request)
    inv = inventory_of(node)
    state = request.query_params.get("state") or None
    rb = request.query_params.get("regierungsbezirk") or None
    include = principal.can_see_network
    regions = inv.regions()
    try:
        scope = inv.resolve_scope(state=state, regierungsbezirk=rb)
    except InvalidRecord as exc:
        return web.render(request, "inventory.html", status=422, title="Bestandsaufnahme", errors=[v.message for v in exc.violations],
                          regions=regions, state=state, rb=rb, query="")
    overview = inv.overview(scope, include_network=include)
    municipalities = inv.municipalities(scope, include_network=include)
    query = "&".join(f"{k}={v}" for k, v in (("state", state), ("regierungsbezirk", rb)) if v)
    return web.render(
        request,
        "inventory.html",
        title="Bestandsaufnahme",
        errors=[],
        regions=regions,
        state=state,
        rb=rb,
        query=query,
        overview=overview,
        task_areas=inv.task_areas(scope, include_network=include),
        legal_forms=inv.legal_forms(scope, include_network=include),
        kreise=inv.kreise(scope, include_network=include),
        matrix=inv.matrix(scope, include_network=include),
        potentials=inv.potentials(scope, include_network=include, limit=5),
        priorities=inv.priorities(scope, include_network=include),
        legend=municipalities["legend"],
        map=dot_map(municipalities),
        colours=LEVEL_COLOURS,
    )
