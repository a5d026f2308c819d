"""Every municipality of a Bestandsaufnahme as a list a keyboard can reach: ``/bestandsaufnahme/gemeinden``.

The municipality map is a picture of hundreds or thousands of links; above ``maps.MAX_TAB_STOPS``
they leave the tab order, so that a keyboard does not tab through them before reaching the tables.
The same figures stand in this list instead: name (a link to the municipality's page), Kreis,
inhabitants, cooperations. The Bestandsaufnahme page shows it inline, folded behind a
``<details>``, up to ``inventory_page.INLINE`` municipalities (every Regierungsbezirk and most Länder: NRW has
396); a larger selection (Bayern, Germany with about 10,800) gets this page, in alphabetical
pages of ``PAGE_SIZE``, so that no page carries megabytes of table.
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from kb.api.deps import InventoryDep, PrincipalDep
from kb.api.filter_params import Regierungsbezirk, State, TaskAreas
from kb.api.routes.inventory import include_network
from kb.api.routes.inventory_page import MAX_PAGE, PAGE_SIZE, Kreis, Land, NetworkAsked, list_pages, municipality_rows, selection
from kb.api.routes.pages import web_of
from kb.inventory import Scope

router = APIRouter(include_in_schema=False)


@router.get("/bestandsaufnahme/gemeinden", response_class=HTMLResponse)
def municipality_list(request: Request, inv: InventoryDep, principal: PrincipalDep, state: State = None, land: Land = None,
                      regierungsbezirk: Regierungsbezirk = None, kreis: Kreis = None, asked: NetworkAsked = False,
                      task_areas: TaskAreas = None, page: Annotated[int, Query(alias="seite", ge=1, le=MAX_PAGE)] = 1) -> Response:
    web = web_of(request)
    include = include_network(principal, asked)
    scope: Scope = inv.resolve_scope(state=state or land or None, regierungsbezirk=regierungsbezirk or None, kreis=kreis or None,
                                     task_areas=[a for a in task_areas or () if a])
    points = inv.municipalities(scope, include_network=include)
    rows = municipality_rows(inv, points)
    query = selection(scope.state, scope.regierungsbezirk, scope.kreis, scope.task_areas)
    if include:
        query.append(("includeNetwork", "true"))
    pages = list_pages(rows, query)
    shown = rows[(page - 1) * PAGE_SIZE:page * PAGE_SIZE]
    back = "/bestandsaufnahme" + (f"?{urlencode(query)}" if query else "") + "#karte"
    return web.render(request, "inventory_municipalities.html", title=f"Kommunen als Liste – {points.scope.label}",
                      scope=points.scope, rows=shown, total=len(rows), pages=pages, page=page, back=back,
                      first=(page - 1) * PAGE_SIZE + 1)
